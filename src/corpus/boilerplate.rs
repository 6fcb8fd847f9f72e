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

use super::outline::Outlined;
use super::unit::UnitClass;
use super::{classify, SectionKind, StatementKind};
use std::collections::{BTreeSet, HashMap};

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
