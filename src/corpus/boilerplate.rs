//! Furniture found by repetition rather than by form.
//!
//! Two kinds, both found from the documents themselves rather than from a list of phrases:
//!
//! * **Numbered widget prefixes inside one document.** Comment and share widgets glue a
//!   counter onto every paragraph ("3 Leave a comment on paragraph 3 1 …"). A prefix of a
//!   few words that, with its numbers masked, opens most paragraphs of a document and ends
//!   in a number is furniture, and is cut off the units it opens.
//! * **Text repeated across documents.** A site prints the same disclaimer, note or footer
//!   on every page. A unit is boilerplate when a near-verbatim copy of it stands in another
//!   document *and* in every document it stands at the edge of the body (among the first or
//!   last few candidate statements), outside any recognised section, and reads as a remark
//!   rather than a call to act. Those conditions keep a copy-paste campaign (the same
//!   recommendation in many submissions, usually under a recommendations heading or phrased
//!   as a call) a statement: duplicates are for `concord duplicates` to group, not to drop.
//! * **A title shared across documents.** Secretariats print the forum's name atop every
//!   session's report ("REGIONAL DIGITAL FORUM 2025"), where the outliner takes it for the
//!   title. A title that is, years aside, another document's title or the start of it
//!   names the forum: each such session is titled by its own heading instead.

use super::outline::{names_a_part, Outlined, ABOVE_TITLE};
use super::prose::{is_date_line, word_count};
use super::template::known_key;
use super::unit::UnitClass;
use super::{classify, SectionKind, StatementKind};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Longest widget prefix considered, in words.
const MAX_PREFIX_WORDS: usize = 10;

/// A widget prefix must open at least this many units of the document…
const MIN_PREFIXED_UNITS: usize = 3;

/// A numbered prefix this long is furniture even if only two units share it.
const LONG_PREFIX_WORDS: usize = 6;

/// How many candidate statements at each end of a body count as its edge.
const EDGE_UNITS: usize = 3;

/// Share of the smaller unit's word triples that another unit must contain to be its copy.
const COPY_OVERLAP: f64 = 0.8;

/// The reason the outliner gives a heading.
const HEADING: &str = "heading";
/// A short line set like a heading under another ([`super::unit`]'s reason).
const SUB_HEADING: &str = "sub-heading";
/// Fewest words of a sub-heading that may title a session.
const SUB_HEADING_TITLE_WORDS: usize = 5;

/// The reason the outliner gives the line it takes for the organizer.
const ORGANIZER: &str = "organizer";

/// The reason the outliner gives a labelled line it keeps as metadata.
const FRONT_MATTER: &str = "front matter";

/// Most words of a label before a colon ("Town Hall: …").
const MAX_LABEL_WORDS: usize = 4;

/// The reason the outliner gives the title line.
const TITLE: &str = "title";

/// Most words a title may add after a forum's name and still be the forum's banner
/// ("… 2025 – Session report template v2"); a longer tail names the session itself.
const MAX_BANNER_TAIL_WORDS: usize = 4;

/// Fewest words of a heading that replaces a forum's name followed by a tail of its own.
const MIN_TAILED_HEADING_WORDS: usize = 3;

/// The count of files that print `key` as a forum's name, if any document's banner is it.
fn found_banner(found: &[Option<(Vec<String>, usize)>], key: &[String]) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    found
        .iter()
        .flatten()
        .find(|(banner, _)| banner.as_slice() == key)
        .map(|(_, files)| *files)
}

/// Retitle sessions whose title is a forum's name shared with other documents.
///
/// A session is retitled only when its title block (the units before its first
/// statement, outside any known section) holds a heading: the longest one, since a series
/// or event name is short and the session's own title says what it was about.
pub(crate) fn retitle_shared_banners(docs: &mut [Outlined]) {
    let keys: Vec<Vec<String>> = docs.iter().map(|d| title_key(&d.session.title)).collect();
    // A masthead the outliner found above a document's own first-level title is printed
    // where the others print their titles: the forum's name counts it as one more file.
    let mastheads: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            d.units
                .iter()
                .find(|u| u.reason == ABOVE_TITLE)
                .map(|u| title_key(&u.text))
                .unwrap_or_default()
        })
        .collect();
    // For every title that another title repeats or opens on, the files whose titles do
    // (each title's prefixes looked up, so the pass stays linear in the files); then a
    // session's banner: the longest title of at least two words that its own opens on
    // and another file's title repeats or opens on, with the count of such files.
    let found: Vec<Option<(Vec<String>, usize)>> = {
        let titles: HashSet<&[String]> = keys.iter().map(Vec::as_slice).collect();
        let mut sources: HashMap<&[String], BTreeSet<&str>> = HashMap::new();
        let printed = keys
            .iter()
            .zip(docs.iter())
            .chain(mastheads.iter().zip(docs.iter()));
        for (key, doc) in printed {
            // A file prints a banner when its title is the banner and at most a short
            // tail ("… 2025 – Session report"): "Chair's summary of the Ministerial Round
            // Table on…" does not print "Chair's summary" as a banner.
            for n in key.len().saturating_sub(MAX_BANNER_TAIL_WORDS).max(2)..=key.len() {
                if titles.contains(&key[..n]) {
                    sources
                        .entry(&key[..n])
                        .or_default()
                        .insert(doc.session.source.as_str());
                }
            }
        }
        keys.iter()
            .map(|key| {
                (2..=key.len()).rev().map(|n| &key[..n]).find_map(|p| {
                    let files = sources.get(p).map_or(0, BTreeSet::len);
                    (files >= 2).then(|| (p.to_vec(), files))
                })
            })
            .collect()
    };
    let mut retitled: Vec<(usize, String, usize)> = Vec::new();
    for (d, key) in keys.iter().enumerate() {
        let Some((banner, files)) = &found[d] else {
            continue;
        };
        let (banner, files) = (banner.as_slice(), *files);
        let tail = key.len() - banner.len();
        if tail > MAX_BANNER_TAIL_WORDS {
            continue;
        }
        // After the forum's name a title may add the document's own ("…: Outcome
        // Statement"); only a heading of a few words then names the session better.
        let min_words = if tail > 0 {
            MIN_TAILED_HEADING_WORDS
        } else {
            1
        };
        let title = &docs[d].session.title;
        let units = &docs[d].units;
        let block = units
            .iter()
            .position(|u| u.class == UnitClass::Statement || u.section != SectionKind::Other)
            .unwrap_or(units.len());
        // A heading that opens a known section ("Key issues discussed") names no session,
        // nor does one that names a part of any report ("Introduction", "Summary").
        let opens_section = |i: usize| {
            units
                .get(i + 1)
                .is_some_and(|u| u.section != SectionKind::Other)
        };
        // The forum's name again, with a few words of its own ("Third Sahel Digital
        // Assembly"), names no session either.
        let names_forum = |text: &str| {
            let words = title_key(text);
            contains_run(&words, banner) && words.len() - banner.len() <= MAX_BANNER_TAIL_WORDS
        };
        // What the outliner took for front matter under an unknown label ("Town Hall:
        // Who pays…") or for a heading may be the title; the line it took for the
        // organizer is the title only when no such line is.
        let tier = |i: usize| {
            let u = &units[i];
            match (u.class, u.reason.as_str()) {
                (UnitClass::Heading, HEADING) if !opens_section(i) && !names_a_part(&u.text) => {
                    Some(0)
                }
                // A line set like a heading under the banner, long enough to name a
                // session ("CHAIR'S SUMMARY" over "Session 8: Data Governance and
                // Sovereignty in the Pacific"); not a dated label ("Report submitted: 28
                // May 2025") nor a short item ("Item 1: Opening").
                (UnitClass::Heading, SUB_HEADING)
                    if !opens_section(i)
                        && !names_a_part(&u.text)
                        && word_count(&u.text) >= SUB_HEADING_TITLE_WORDS
                        && !is_date_line(&u.text) =>
                {
                    Some(0)
                }
                (UnitClass::Metadata, FRONT_MATTER) if unknown_label(&u.text) => Some(0),
                (UnitClass::Metadata, ORGANIZER) => Some(1),
                _ => None,
            }
        };
        let heading = (0..block)
            .filter_map(|i| {
                let u = &units[i];
                let fits = u.text != *title
                    && u.text.split_whitespace().count() >= min_words
                    && !names_forum(&u.text);
                tier(i).filter(|_| fits).map(|t| (i, t))
            })
            .min_by_key(|&(i, t)| {
                (
                    t,
                    std::cmp::Reverse(units[i].text.split_whitespace().count()),
                    i,
                )
            })
            .map(|(i, _)| i);
        if let Some(i) = heading {
            retitled.push((d, docs[d].units[i].text.clone(), files));
            let unit = &mut docs[d].units[i];
            // The line the outliner took for the organizer, under a forum's name, was
            // the session's title (unless a labelled line has named the organizer since).
            if unit.reason == ORGANIZER && docs[d].session.organizer == unit.text {
                docs[d].session.organizer.clear();
            }
            unit.class = UnitClass::Metadata;
            unit.reason = TITLE.to_string();
        }
    }
    // A masthead that is such a forum's name says so; it names no organizer either.
    for (d, key) in mastheads.iter().enumerate() {
        let Some(files) = found_banner(&found, key) else {
            continue;
        };
        let doc = &mut docs[d];
        for unit in doc.units.iter_mut().filter(|u| u.reason == ABOVE_TITLE) {
            if doc.session.organizer == unit.text {
                doc.session.organizer.clear();
            }
            unit.reason = format!("the forum's name, atop {files} documents");
        }
    }
    for (d, title, files) in retitled {
        let forum = std::mem::replace(&mut docs[d].session.title, title);
        for unit in &mut docs[d].units {
            if unit.class == UnitClass::Metadata && unit.reason == TITLE && unit.text == forum {
                unit.reason = format!("the forum's name, atop {files} documents");
            }
        }
    }
}

/// A line "Label: value" whose label is no known metadata key.
fn unknown_label(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, value)| {
        let words = label.split_whitespace().count();
        (1..=MAX_LABEL_WORDS).contains(&words)
            && !value.trim().is_empty()
            && known_key(&label.trim().to_lowercase()).is_none()
    })
}

/// Does `words` hold `run` as consecutive words ("third sahel digital assembly" holds
/// "sahel digital assembly")?
fn contains_run(words: &[String], run: &[String]) -> bool {
    !run.is_empty() && words.windows(run.len()).any(|w| w == run)
}

/// The words of a title, lowercased, without years: "Forum 2025" and "FORUM" are one;
/// "Session 0001" and "Session 0002" are two.
fn title_key(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !is_year(w))
        .map(str::to_lowercase)
        .collect()
}

/// "1998", "2025": a year a forum's name may carry or leave out.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Cut a numbered prefix shared by most units of one document off those units.
pub(crate) fn strip_numbered_prefixes<'a>(texts: impl Iterator<Item = &'a mut String>) {
    let mut texts: Vec<&mut String> = texts.collect();
    let masked: Vec<Vec<String>> = texts.iter().map(|t| masked_words(t)).collect();
    let Some(key) = shared_numbered_prefix(&masked) else {
        return;
    };
    let len = key.len();
    for (text, m) in texts.iter_mut().zip(&masked) {
        if m.len() >= len + 3 && m[..len] == key[..] {
            let rest = skip_words(text, len).to_owned();
            **text = rest;
        }
    }
}

/// The longest numbered prefix (masked) that opens at least half, and at least
/// [`MIN_PREFIXED_UNITS`], of the units, if any.
fn shared_numbered_prefix(masked: &[Vec<String>]) -> Option<Vec<String>> {
    let needed = MIN_PREFIXED_UNITS.max(masked.len().div_ceil(2));
    (3..=MAX_PREFIX_WORDS).rev().find_map(|k| {
        let mut counts: HashMap<&[String], usize> = HashMap::new();
        // A unit must keep some words of its own after the prefix.
        for m in masked.iter().filter(|m| m.len() >= k + 3) {
            *counts.entry(&m[..k]).or_insert(0) += 1;
        }
        // Sorted so that a tie between two prefixes is broken the same way every run.
        let mut keys: Vec<(&[String], usize)> = counts.into_iter().collect();
        keys.sort();
        keys.into_iter()
            .find(|(key, n)| {
                // Two units sharing a long numbered prefix are enough; a short one needs more.
                (*n >= needed || (*n >= 2 && k >= LONG_PREFIX_WORDS))
                    && key.last().is_some_and(|w| w == "#")
                    && key
                        .iter()
                        .filter(|w| w.chars().any(char::is_alphabetic))
                        .count()
                        >= 2
            })
            .map(|(key, _)| key.to_vec())
    })
}

/// The first words of a text, lower-cased, with every word holding a digit masked as `#`.
fn masked_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .take(MAX_PREFIX_WORDS + 3)
        .map(|w| {
            if w.chars().any(|c| c.is_ascii_digit()) {
                "#".to_owned()
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}

/// `text` without its first `n` whitespace-separated words.
fn skip_words(text: &str, n: usize) -> &str {
    let mut rest = text.trim_start();
    for _ in 0..n {
        rest = rest
            .find(char::is_whitespace)
            .map_or("", |i| rest[i..].trim_start());
    }
    rest
}

/// Mark units repeated near-verbatim at the edges of several documents as boilerplate.
///
/// A copy counts only between documents of one site (same host in their `url`) or where
/// either has no `url`: two sites opening their news with the same sentence is reporting,
/// not furniture. A marked unit carries its neighbours that are copies too, so a disclaimer
/// of several sentences goes as a whole even where it runs past the edge.
pub(crate) fn mark_repeated(docs: &mut [Outlined]) {
    let sites: Vec<Option<String>> = docs.iter().map(|d| site(&d.session.url)).collect();
    // Remarks outside any section: (doc, rank among the doc's statements, unit index, triples).
    let mut remarks: Vec<(usize, usize, usize, BTreeSet<String>)> = Vec::new();
    let mut statements_in: Vec<usize> = vec![0; docs.len()];
    for (d, doc) in docs.iter().enumerate() {
        let mut k = 0;
        for (i, unit) in doc.units.iter().enumerate() {
            if unit.class != UnitClass::Statement {
                continue;
            }
            let remark = unit.section == SectionKind::Other
                && classify(unit.section, &unit.text) == StatementKind::Observation;
            if remark {
                remarks.push((d, k, i, triples(&unit.text)));
            }
            k += 1;
        }
        statements_in[d] = k;
    }
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (c, (_, _, _, t)) in remarks.iter().enumerate() {
        for tri in t {
            index.entry(tri.as_str()).or_default().push(c);
        }
    }
    // For every remark, the number of documents holding a copy (itself included).
    let copies: Vec<usize> = remarks
        .iter()
        .enumerate()
        .map(|(c, (doc, _, _, mine))| {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for tri in mine {
                for &other in &index[tri.as_str()] {
                    if other != c {
                        *shared.entry(other).or_insert(0) += 1;
                    }
                }
            }
            let same_site = |o: usize| match (&sites[*doc], &sites[o]) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let docs_with_copy: BTreeSet<usize> = shared
                .iter()
                .filter(|&(&other, &n)| {
                    let (o, _, _, theirs) = &remarks[other];
                    let smaller = mine.len().min(theirs.len());
                    o != doc && same_site(*o) && n as f64 >= COPY_OVERLAP * smaller as f64
                })
                .map(|(&other, _)| remarks[other].0)
                .collect();
            docs_with_copy.len() + 1
        })
        .collect();
    let at_edge = |c: usize| {
        let (d, k, _, _) = remarks[c];
        k < EDGE_UNITS || k + EDGE_UNITS >= statements_in[d]
    };
    let mut marked: Vec<bool> = (0..remarks.len())
        .map(|c| copies[c] > 1 && at_edge(c))
        .collect();
    // Grow each marked run through neighbouring remarks that are copies too.
    for c in 1..remarks.len() {
        let neighbours = remarks[c].0 == remarks[c - 1].0 && remarks[c].1 == remarks[c - 1].1 + 1;
        if neighbours && marked[c - 1] && copies[c] > 1 {
            marked[c] = true;
        }
    }
    for c in (0..remarks.len().saturating_sub(1)).rev() {
        let neighbours = remarks[c].0 == remarks[c + 1].0 && remarks[c + 1].1 == remarks[c].1 + 1;
        if neighbours && marked[c + 1] && copies[c] > 1 {
            marked[c] = true;
        }
    }
    for (c, (doc, _, unit, _)) in remarks.iter().enumerate() {
        if marked[c] {
            let unit = &mut docs[*doc].units[*unit];
            unit.class = UnitClass::Boilerplate;
            unit.reason = format!(
                "repeated near-verbatim at the edge of {} documents",
                copies[c]
            );
        }
    }
}

/// The site of a link: its host without `www.`, cut to the last two labels.
fn site(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    (labels.len() >= 2).then(|| labels[labels.len() - 2..].join("."))
}

/// Word triples of the folded text (the folded text itself when it has under three words).
fn triples(text: &str) -> BTreeSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 3 {
        return std::iter::once(words.join(" ")).collect();
    }
    words.windows(3).map(|w| w.join(" ")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_prefix_is_cut_from_every_paragraph() {
        let mut texts = [
            "1 Leave a note on item 1 4 Ports should publish tide data.".to_owned(),
            "2 Leave a note on item 2 0 Cities need shared sensor registries.".to_owned(),
            "3 Leave a note on item 3 12 Open licences make reuse possible.".to_owned(),
            "A paragraph without the widget stays as it is.".to_owned(),
        ];
        strip_numbered_prefixes(texts.iter_mut());
        assert_eq!(texts[0], "Ports should publish tide data.");
        assert_eq!(texts[1], "Cities need shared sensor registries.");
        assert_eq!(texts[2], "Open licences make reuse possible.");
        assert_eq!(texts[3], "A paragraph without the widget stays as it is.");
    }

    #[test]
    fn a_long_widget_prefix_on_two_paragraphs_is_cut_too() {
        let mut texts = [
            "1 Leave a note on item 1 4 Ports should publish tide data.".to_owned(),
            "Open licences make reuse possible.".to_owned(),
            "2 Leave a note on item 2 0 Cities need shared sensor registries.".to_owned(),
            "Training matters.".to_owned(),
            "Budgets are public.".to_owned(),
        ];
        strip_numbered_prefixes(texts.iter_mut());
        assert_eq!(texts[0], "Ports should publish tide data.");
        assert_eq!(texts[2], "Cities need shared sensor registries.");
    }

    #[test]
    fn a_shared_opening_without_numbers_is_content() {
        let mut texts = vec![
            "We call on governments to publish tide data.".to_owned(),
            "We call on governments to fund sensor registries.".to_owned(),
            "We call on governments to adopt open licences.".to_owned(),
        ];
        let before = texts.clone();
        strip_numbered_prefixes(texts.iter_mut());
        assert_eq!(texts, before);
    }

    #[test]
    fn sites_compare_by_domain() {
        assert_eq!(
            site("https://www.example.org/a/b"),
            Some("example.org".into())
        );
        assert_eq!(
            site("http://news.example.org:8080/x"),
            Some("example.org".into())
        );
        assert_eq!(site("not a link"), None);
    }

    #[test]
    fn triples_of_short_text() {
        assert_eq!(
            triples("Hello, world"),
            BTreeSet::from(["hello world".to_owned()])
        );
        assert_eq!(triples("a b c d").len(), 2);
    }
}
