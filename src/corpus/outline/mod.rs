//! Outline a decoded document into session metadata and statements.
//!
//! The outliner reads normalised text line by line (every reader produces Markdown-ish
//! text: `# Heading`, `- item`, indented nested items, paragraphs separated by blank
//! lines), in three stages:
//!
//! 1. **Lines** (`line.rs`): `classify_line` strips each line's markup once and
//!    classifies it by its form alone: blank, rule, heading, item, template prompt,
//!    metadata, furniture or text.
//! 2. **State machine** (`machine.rs`): reads those lines in order. In the *preamble*
//!    (before the first section) lines are metadata: banner, title, organizer, date, link
//!    or `Key: value` front matter. In the *body* headings switch the current
//!    [`SectionKind`] and list items and paragraphs become blocks; a block absorbs
//!    wrapped lines, and across blank lines the lines that evidently continue it (a
//!    lowercase start, a deeper indent, text after a page break when the item had not
//!    ended). Lines consumed on the way are kept as furniture.
//! 3. **Units** (`units.rs`): one candidate statement per list item and per prose
//!    sentence, classified by [`super::classify_unit`]; an item (or the last sentence of
//!    a paragraph) that only introduces the nested items after it is a lead-in: context,
//!    not a statement.
//!
//! Before the lines are read, `notes.rs` finds the footnotes the body marks and takes
//! their marks out of the text.
//!
//! What the outliner knows about words (section names, banners, prompts) is in
//! `template.rs`.

mod line;
mod machine;
mod mail;
mod notes;
mod parts;
mod tables;
mod translations;
mod units;
mod votes;

use super::claims::{lead_asks, split_claims};
use super::prose::{
    clean_line, is_date_line, is_month, is_weekday, last_part, word_count, Hyphenated,
};
use super::unit::{UnitClass, BYLINE, DATE, DATELINE, EVENT_DETAILS};
use super::{classify, Document, Excluded, SectionKind, Session, Statement, StatementKind};
use line::{breaks, classify_line, numbered_runs, pipe_tables, Break, Line};
pub(crate) use line::{kicker_fields, names_a_part};
pub(crate) use machine::ABOVE_TITLE;
use machine::{Machine, Parsed};
use notes::Notes;
use std::borrow::Cow;
use std::collections::BTreeSet;
use units::build_units;

/// Longest statement text kept; longer ones are cut on a word boundary.
pub const MAX_STATEMENT_CHARS: usize = 2_000;

/// Most statements taken from one document; a bound on pathological input.
pub const MAX_STATEMENTS_PER_SESSION: usize = 5_000;

/// Outline a decoded document into a session with statements and excluded units.
///
/// Boilerplate that only shows as repetition across documents is found by
/// [`super::load`], which sees the whole corpus; a single document outlined here only
/// knows its own furniture.
pub fn outline(doc: &Document) -> Session {
    assemble(outline_units(doc))
}

/// A unit of a document before ids are given: a candidate statement or furniture.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Section it stands in.
    pub section: SectionKind,
    /// Clean one-line text.
    pub text: String,
    /// 1-based source line.
    pub line: usize,
    /// Statement or the kind of furniture.
    pub class: UnitClass,
    /// Why it is not a statement (empty for statements).
    pub reason: String,
    /// For an item of a list: the lead-in sentence it completes ("The framework should
    /// address the following issues:"), shown with it as its context.
    pub lead: Option<String>,
    /// The item's list was introduced by a heading or lead-in that asks: what it names is
    /// what is asked for ("Impact assessments" under "The framework should address:").
    pub asked: bool,
    /// For a motion the meeting voted down: the line that records the vote.
    pub defeated: Option<String>,
}

/// A document cut into units, before ids: what `load` works on across documents.
#[derive(Debug)]
pub(crate) struct Outlined {
    /// The session's metadata; its statement lists are filled by [`assemble`].
    pub session: Session,
    /// Every unit read, in document order.
    pub units: Vec<Unit>,
    /// Notes worth passing on as warnings.
    pub notes: Vec<String>,
    /// Which session of a booklet this is (1-based); `None` for a document read whole.
    pub part: Option<usize>,
}

/// Fewest words of a heading that stands in for a missing title; shorter ones name a
/// part ("Summary", "Agenda item 17 (b)").
const TITLE_HEADING_WORDS: usize = 5;

/// `value`, or when the text and the format named none, what `fallback` finds.
/// Marks that set a site's name apart from a page's in the page's own title.
const SITE_MARKS: &[&str] = &[" | ", " — ", " – ", " - ", " :: "];

/// Fewest words of a site's name recognised in a title line.
const MIN_SITE_WORDS: usize = 2;

/// The page's own part of `property` (its `<title>`, "Page | Site") when the title read
/// from the text opens on the other part, the site's name: the text's title was then
/// the site's masthead.
fn own_part_beside_site(title: &str, property: &str) -> Option<String> {
    let key = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let text = key(title);
    SITE_MARKS.iter().find_map(|mark| {
        let (a, b) = property.split_once(mark)?;
        // The site's name stands last ("Page | Site"), or first when the text's title
        // goes on past it (the page's title read whole is the page's own part).
        [(b, a, true), (a, b, false)]
            .into_iter()
            .find_map(|(site, own, last)| {
                let site_key = key(site);
                let own = clean_line(own);
                (site_key.len() >= MIN_SITE_WORDS
                    && text.starts_with(&site_key)
                    && (last || text.len() > site_key.len())
                    && !own.is_empty()
                    && !text.starts_with(&key(&own)))
                .then_some(own)
            })
    })
}

fn or_else_found(value: String, fallback: impl FnOnce() -> Option<String>) -> String {
    if value.is_empty() {
        fallback().unwrap_or_default()
    } else {
        value
    }
}

/// The date at the end of a dateline or title, without the place or name before it
/// ("Suva, 4 June 2025" → "4 June 2025", "Coalition – call notes, 3 July 2025" → "3 July
/// 2025"); a line that is only a date is its own.
fn trailing_date(text: &str) -> Option<String> {
    let tail = last_part(text, &[",", " – ", " — ", " - ", " | ", " · "])
        .map(str::trim)
        // "Wednesday May 14, 2025 2:00pm": a year after a comma completes the day before it.
        .filter(|t| !starts_with_year(t))
        .unwrap_or(text);
    [tail, text]
        .into_iter()
        .find(|t| is_date_line(t) && word_count(t) <= DATE_WORDS)
        .map(str::to_owned)
}

/// "2025 2:00pm": a text that opens on a year, the end of a date written "May 14, 2025".
fn starts_with_year(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches([',', '.']);
        w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())
    })
}

/// A date line without the places it names first: "Crane Quay, 9-10 June 2025" and
/// "Harbour Guild, Lund, 4 March 2025" give the date. A weekday or a time before the
/// comma is part of the date.
fn without_place(date: &str) -> &str {
    let mut stated = date;
    while let Some((_, rest)) = stated.split_once(", ").filter(|(place, rest)| {
        !place.contains(|c: char| c.is_ascii_digit())
            && !is_weekday(place)
            && is_date_line(rest)
            && word_count(rest) <= DATE_WORDS
    }) {
        stated = rest.trim();
    }
    stated
}

/// A session's date without the words a line set around it: "Published 3 March 2025",
/// "Posted on 9 July 2025 by the policy team", "Distr.: General 20 May 2026 Original:
/// English" give the day alone. Words before the first word of the date go when they hold
/// no number; after its last, a byline ("by …") or another label ("Original: …") goes; a
/// note in brackets or a time stays.
fn date_phrase(date: &str) -> String {
    let words: Vec<&str> = date.split_whitespace().collect();
    let core = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let dated = |w: &&str| {
        let c = core(w);
        c.starts_with(|ch: char| ch.is_ascii_digit()) || is_month(&c) || is_weekday(&c)
    };
    let (Some(first), Some(last)) = (words.iter().position(dated), words.iter().rposition(dated))
    else {
        return date.to_owned();
    };
    let lead_has_number = words[..first]
        .iter()
        .any(|w| w.contains(|c: char| c.is_ascii_digit()));
    let start = if lead_has_number { 0 } else { first };
    let rest = &words[last + 1..];
    let label = |w: &str| w.ends_with(':') && w.starts_with(char::is_uppercase);
    // After the date (and its time, with a zone), a comma outside brackets leads to the
    // place: "13 May 2025, 10:00–12:30, Room B, Lima Convention Centre".
    let mut depth = 0usize;
    let bracketed: Vec<bool> = words
        .iter()
        .map(|w| {
            let opens = w.matches('(').count();
            let inside = depth > 0 || opens > 0;
            depth = (depth + opens).saturating_sub(w.matches(')').count());
            inside
        })
        .collect();
    let place = if words[last].ends_with(',') && !bracketed[last] {
        Some(last + 1)
    } else {
        (last + 1..words.len())
            .find(|&i| words[i].ends_with(',') && !bracketed[i])
            .map(|i| i + 1)
    };
    let labelled = rest.iter().position(|w| label(w)).map(|at| last + 1 + at);
    let end = match rest.first() {
        Some(&"by") => last + 1,
        _ => [place, labelled]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(words.len()),
    };
    let phrase = words[start..end].join(" ");
    phrase
        .trim_end_matches([',', ';', '-', '–', '—', ' '])
        .to_owned()
}

/// "2025-04-17": a day written year-month-day.
fn is_iso_day(t: &str) -> bool {
    let parts: Vec<&str> = t.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2)
        && t.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// Most words of a date ("Tuesday 12 to 14 March 2025").
const DATE_WORDS: usize = 6;

/// Cut a document into units and read its metadata, as one session.
pub(crate) fn outline_units(doc: &Document) -> Outlined {
    let mut parts = outline_with(doc, false);
    // Read whole, a document is exactly one part.
    parts.swap_remove(0)
}

/// Cut a document into the sessions it holds: one, or each session of a booklet of
/// several (`parts.rs`), with ids `<document>-s<n>`. What stands before a booklet's first
/// session (its cover, contents, foreword) is reported with the first, excluded.
pub(crate) fn outline_parts(doc: &Document) -> Vec<Outlined> {
    outline_with(doc, true)
}

/// Why a booklet's opening pages are not read as any of its sessions.
const BEFORE_SESSIONS: &str =
    "before the first of the sessions the document holds (its cover, contents or foreword)";

fn outline_with(doc: &Document, split: bool) -> Vec<Outlined> {
    let raw: Vec<&str> = doc
        .text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    let rows = pipe_tables(&raw);
    let lines: Vec<&str> = rows.iter().map(AsRef::as_ref).collect();
    let notes = Notes::find(&lines);
    let rows: Vec<Cow<str>> = lines.iter().map(|l| notes.unmark(l)).collect();
    let lines: Vec<&str> = rows.iter().map(AsRef::as_ref).collect();
    let foreign = mail::foreign_lines(&lines);
    let numbered: BTreeSet<usize> = numbered_runs(&lines, |i| notes.is_note(i))
        .into_iter()
        .collect();
    // What the neighbours and the pages say about each line is read over the whole
    // document, so a booklet's running heads are furniture in every session.
    let arounds: Vec<Break> = breaks(&lines)
        .into_iter()
        .enumerate()
        .map(|(i, mut around)| {
            around.footnote = notes.is_note(i);
            around.foreign = foreign[i];
            if numbered.contains(&i) {
                // Its number is its marker: no run of unpunctuated lines draws one.
                around.numbered = true;
                around.listed = false;
            }
            around
        })
        .collect();
    // Each line classified by its form once, whatever number of sessions reads it.
    let classified: Vec<Line> = lines
        .iter()
        .zip(&arounds)
        .map(|(raw, around)| classify_line(raw, *around))
        .collect();
    let starts = if split {
        parts::session_starts(&classified, &arounds)
    } else {
        Vec::new()
    };
    if starts.is_empty() {
        return vec![outline_range(doc, &lines, classified, doc.id.clone())];
    }
    // A part reads its own lines; the others stand as blank lines, so every line keeps
    // its number.
    let part = |range: std::ops::Range<usize>| -> Vec<Line> {
        classified
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if range.contains(&i) {
                    line.clone()
                } else {
                    Line::Blank
                }
            })
            .collect()
    };
    let mut bounds = starts.clone();
    bounds.push(lines.len());
    let mut out: Vec<Outlined> = bounds
        .windows(2)
        .enumerate()
        .map(|(n, w)| {
            let id = format!("{}-s{}", doc.id, n + 1);
            Outlined {
                part: Some(n + 1),
                ..outline_range(doc, &lines, part(w[0]..w[1]), id)
            }
        })
        .collect();
    let front = outline_range(doc, &lines, part(0..starts[0]), doc.id.clone());
    let first = &mut out[0];
    first.units.extend(front.units.into_iter().map(|mut u| {
        if u.class == UnitClass::Statement {
            u.class = UnitClass::Boilerplate;
            u.reason = BEFORE_SESSIONS.to_owned();
        }
        u
    }));
    first.units.sort_by_key(|u| u.line);
    first.notes.extend(front.notes);
    out
}

/// Outline classified lines (one per line of `lines`, the document's text) as the
/// session `id`.
fn outline_range(doc: &Document, lines: &[&str], classified: Vec<Line>, id: String) -> Outlined {
    let mut machine = Machine::new(Hyphenated::of(lines));
    for line in classified {
        machine.step(line);
    }
    let Parsed {
        meta,
        blocks,
        furniture,
    } = machine.finish();
    let mut notes = Vec::new();
    let mut units = build_units(&blocks, furniture, &meta.title, &mut notes);
    // Cite the file's own line, not the line of the text extracted from it.
    for unit in &mut units {
        unit.line = doc.meta.source_line(unit.line);
    }
    // What the text says wins; the format's own properties fill the gaps.
    let or_property = |from_text: String, property: &str| {
        if from_text.is_empty() {
            clean_line(property)
        } else {
            from_text
        }
    };
    // A document whose top names no title (a printed masthead, then the agenda item) has
    // its title as the first heading of some length ("Report of the expert workshop on…").
    let title = or_else_found(or_property(meta.title, &doc.meta.title), || {
        units
            .iter()
            .find(|u| u.class == UnitClass::Heading && word_count(&u.text) >= TITLE_HEADING_WORDS)
            .map(|u| u.text.clone())
    });
    // "Aveno Basin Commission – … EN | FR Member login" held the title by its position;
    // the page's <title> ("Session 2.3 – Transboundary River Data | Aveno Basin
    // Commission") names that line's opening as the site, and its other part is the page.
    let title = match own_part_beside_site(&title, &doc.meta.title) {
        Some(own) => {
            for u in units
                .iter_mut()
                .filter(|u| u.reason == "title" && u.text == title)
            {
                u.reason = ABOVE_TITLE.to_owned();
            }
            own
        }
        None => title,
    };
    // A news item dates itself in its dateline ("Suva, 4 June 2025 – Ministers…"), a report
    // in its byline ("Convened by the Council, Kisanga, 14-15 October 2024"), notes
    // often in their title ("… – call notes, 3 July 2025"); a place before it goes.
    let stated = without_place(&meta.date).to_owned();
    // A line that only dates the text ("Marrowgate, 22 September 2025") may stand under
    // the title's block, after the preamble ended; above the first statement it dates it,
    // and so does a heading there that ends on a date.
    // It comes before the file's own date (a Word file's creation day, which may be the
    // day its template was made).
    let found = or_else_found(stated, || {
        let first_statement = units
            .iter()
            .filter(|u| u.class == UnitClass::Statement)
            .map(|u| u.line)
            .min()
            .unwrap_or(usize::MAX);
        units
            .iter()
            .filter(|u| {
                u.reason == DATELINE
                    || u.reason == BYLINE
                    || ((u.reason == DATE || u.reason == EVENT_DETAILS) && u.line < first_statement)
                    // "Adopted by acclamation at the closing plenary, 16 April 2026".
                    || (u.class == UnitClass::Heading && u.line < first_statement)
            })
            .find_map(|u| {
                if u.reason == EVENT_DETAILS {
                    // "Session 5 · Data Summit 2025 · Dakar, 4 June 2025, 14:00–17:00".
                    kicker_fields(&u.text)?
                        .into_iter()
                        .find(|f| is_date_line(f))
                        .map(|f| without_place(f).to_owned())
                } else {
                    trailing_date(&u.text)
                }
            })
    });
    let date = or_else_found(or_property(found, &doc.meta.date), || trailing_date(&title));
    // "2025-04-17T09:30:00+02:00", a page's publishing time: the day is the date.
    let date = match date.split_once('T') {
        Some((day, time)) if is_iso_day(day) && time.starts_with(|c: char| c.is_ascii_digit()) => {
            day.to_owned()
        }
        _ => date,
    };
    let date = date_phrase(&date);
    let session = Session {
        id,
        title,
        organizer: meta.organizer,
        date,
        url: or_property(meta.url, &doc.meta.url),
        source: doc.source.clone(),
        statements: Vec::new(),
        excluded: Vec::new(),
    };
    Outlined {
        session,
        units,
        notes,
        part: None,
    }
}

/// Give every unit its id: statements (split into claims where they bundle several asks)
/// `<session>#<n>`, excluded units `<session>#x<n>`.
pub(crate) fn assemble(outlined: Outlined) -> Session {
    let Outlined {
        mut session, units, ..
    } = outlined;
    let id = session.id.clone();
    let source = session.source.clone();
    // Statement units still to come: the cap on statements (units.rs) counts units, and a
    // unit cut into claims must not take the session past it.
    let mut to_come = units
        .iter()
        .filter(|u| u.class == UnitClass::Statement)
        .count();
    for unit in units {
        if unit.class != UnitClass::Statement {
            let n = session.excluded.len() + 1;
            session.excluded.push(Excluded {
                id: format!("{id}#x{n}"),
                session: id.clone(),
                class: unit.class,
                text: unit.text,
                source: source.clone(),
                line: unit.line,
                reason: unit.reason,
            });
            continue;
        }
        to_come -= 1;
        let n = session.statements.len() + 1;
        let whole_id = format!("{id}#{n}");
        // A motion the meeting voted down asks for nothing: it records a refusal.
        let kind_of = |text: &str| {
            if unit.defeated.is_some() {
                StatementKind::Observation
            } else if unit.asked {
                StatementKind::Recommendation
            } else {
                classify(unit.section, text)
            }
        };
        let recommendation = kind_of(&unit.text) == StatementKind::Recommendation;
        let mut claims = split_claims(&unit.text, recommendation);
        if n + claims.len() + to_come > MAX_STATEMENTS_PER_SESSION + 1 {
            claims.truncate(1);
        }
        // Claims cut after a lead that asks are asks, whatever their own words.
        let asked_by_lead = unit.defeated.is_none() && claims.len() >= 2 && lead_asks(&unit.text);
        let statement = |text: String, id: String, parent: Option<String>, context| Statement {
            id,
            session: session.id.clone(),
            section: unit.section,
            kind: if asked_by_lead {
                StatementKind::Recommendation
            } else {
                kind_of(&text)
            },
            text,
            source: source.clone(),
            line: unit.line,
            parent,
            context,
            defeated: unit.defeated.clone(),
        };
        if claims.len() < 2 {
            let s = statement(unit.text.clone(), whole_id, None, unit.lead.clone());
            session.statements.push(s);
            continue;
        }
        let parts: Vec<Statement> = claims
            .into_iter()
            .enumerate()
            .map(|(k, claim)| {
                statement(
                    claim,
                    format!("{whole_id}.{}", k + 1),
                    Some(whole_id.clone()),
                    Some(unit.text.clone()),
                )
            })
            .collect();
        session.statements.extend(parts);
    }
    session
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            source: "t.txt".into(),
            id: "t".into(),
            text: text.into(),
            meta: Default::default(),
        }
    }

    fn texts(text: &str) -> Vec<(SectionKind, String)> {
        outline(&doc(text))
            .statements
            .into_iter()
            .map(|s| (s.section, s.text))
            .collect()
    }

    #[test]
    fn a_sites_masthead_gives_the_title_to_the_pages_own_part() {
        // The masthead line had titled a basin commission's session page.
        let masthead = "Harbour Commission – Commission du Port EN | FR Member login";
        let page = "Session 2.3 – Tide Data Agreements | Harbour Commission";
        assert_eq!(
            own_part_beside_site(masthead, page).as_deref(),
            Some("Session 2.3 – Tide Data Agreements")
        );
        // A title that is the page's own part keeps it.
        let own = "Opening Plenary: Tide Data for a Drier Decade";
        assert_eq!(
            own_part_beside_site(own, &format!("{own} | Tide Forum 2026")),
            None
        );
        assert_eq!(own_part_beside_site(own, "Tide Forum 2026"), None);
    }

    #[test]
    fn a_list_printed_without_stops_after_its_numbers_loses_its_numbers() {
        // A PDF's numbered list: the numbers had stayed in the quotes ("1 Governments…").
        let text = "Cable repair\n\nRecommendations\n\n\
            1 Governments should establish a regional cable repair fund so that a repair\n\
            vessel can be stationed within the region.\n\n\
            2 Operators should publish the location of landing stations.\n\n\
            3 The Forum should convene an annual cable resilience exercise.\n";
        let got: Vec<String> = texts(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with("Governments should establish"),
            "{got:?}"
        );
        assert!(got[1].starts_with("Operators"), "{got:?}");
        assert!(got[2].starts_with("The Forum"), "{got:?}");
        // A paragraph that opens on a figure keeps it.
        let text = "Attendance\n\n12 Member States reported cable faults in the last year.\n\n\
            40 Participants from the islands asked for a repair fund.\n";
        let got: Vec<String> = texts(text).into_iter().map(|(_, t)| t).collect();
        assert!(got[0].starts_with("12 Member States"), "{got:?}");
    }

    #[test]
    fn an_agenda_names_topics_and_what_follows_it_is_read() {
        // The agenda's question had been a recommendation, and its items observations.
        let text = "Agenda\n\n1. Welcome and round of introductions\n\
            2. Should the Forum become permanent?\n\nNotes\n-----\n\n\
            The room was split on the mandate question.\n";
        let got: Vec<String> = texts(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["The room was split on the mandate question."]);
        // A slide deck titles each slide with the agenda's next item.
        let text = "Agenda\n\n• Why networks matter\n• Spectrum fees\n\n\n\n\
            Why networks matter\n\n• Cooperatives serve 310 villages today.\n";
        let got: Vec<String> = texts(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["Cooperatives serve 310 villages today."]);
    }

    #[test]
    fn a_date_is_given_without_the_words_around_it() {
        for (line, date) in [
            ("Published 3 March 2025", "3 March 2025"),
            ("Posted on 9 July 2025 by the policy team", "9 July 2025"),
            (
                "Distr.: General 20 May 2026 Original: English",
                "20 May 2026",
            ),
            (
                "Created by , last modified by Jonah Kealoha on Apr 18, 2026",
                "Apr 18, 2026",
            ),
            (
                "Tuesday, 8 April 2025, 10:00-11:30 (UTC+01:00)",
                "Tuesday, 8 April 2025, 10:00-11:30 (UTC+01:00)",
            ),
            (
                "September 2023 (forum held in Abuja)",
                "September 2023 (forum held in Abuja)",
            ),
            ("2026-04-16", "2026-04-16"),
            (
                "13 May 2025, 10:00–12:30, Room Machu Picchu B, Lima Convention Centre",
                "13 May 2025, 10:00–12:30",
            ),
            (
                "Wednesday, 11 June 2025, 14:00–15:30 FJT, Tanoa Room, Grand Pacific Hotel, Suva",
                "Wednesday, 11 June 2025, 14:00–15:30 FJT",
            ),
            (
                "Wednesday May 14, 2025 2:00pm -",
                "Wednesday May 14, 2025 2:00pm",
            ),
            (
                "4–5 December 2023 (Bogota, Colombia)",
                "4–5 December 2023 (Bogota, Colombia)",
            ),
            ("", ""),
        ] {
            assert_eq!(date_phrase(line), date, "{line}");
        }
    }

    #[test]
    fn a_year_after_a_comma_completes_the_day_before_it() {
        // Before, "2025 2:00pm" was the whole date of an invented schedule page.
        assert_eq!(
            trailing_date("Wednesday May 14, 2025 2:00pm -").as_deref(),
            Some("Wednesday May 14, 2025 2:00pm -")
        );
        assert_eq!(
            trailing_date("Suva, 4 June 2025").as_deref(),
            Some("4 June 2025")
        );
    }

    #[test]
    fn bullets_of_every_kind() {
        let got = texts(
            "Title\n\nKey Issues\n\n• First bullet.\n* Second bullet.\n1. Third item.\n2) Fourth item.\na) Fifth item.\n(b) Sixth item.\ni. Seventh item.\n– Eighth item.\n",
        );
        let t: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            t,
            vec![
                "First bullet.",
                "Second bullet.",
                "Third item.",
                "Fourth item.",
                "Fifth item.",
                "Sixth item.",
                "Seventh item.",
                "Eighth item."
            ]
        );
        assert!(got.iter().all(|(s, _)| *s == SectionKind::Issues));
    }

    #[test]
    fn a_one_word_item_is_one_of_its_lists_points() {
        let t = texts(
            "Harbour data submission\n\nThe registry should cover the following issues:\n\n  1. Sensor placement in small ports\n  2. Accountability\n  3. Funding of tide models\n",
        );
        let got: Vec<&str> = t.iter().map(|(_, s)| s.as_str()).collect();
        // "Accountability" was a label (a word standing alone), lost from its list.
        assert_eq!(
            got,
            vec![
                "Sensor placement in small ports",
                "Accountability",
                "Funding of tide models"
            ]
        );
    }

    #[test]
    fn a_numbered_paragraph_that_opens_on_a_sections_word_is_no_heading() {
        // A chair's summary printed to PDF: numbered paragraphs wrapped at the page width.
        // "2." opens on "Discussions" and its first line ends on a semicolon; it was read
        // as the heading of section 2, so "3." and "4." were the next sections' headings,
        // each cut from the rest of its sentence.
        let t = texts(
            "Chair's summary of the harbour data consultation\n\nI. Introduction\n\n1.   The consultation found wide support among port authorities and\nfishers' cooperatives.\n\n2.   Discussions were organized around two clusters: the future of the tide registry;\nand the funding of sensors in small ports.\n\n3.   Many participants supported making the tide registry permanent, noting that yearly\nrenewals had created uncertainty for port authorities.\n\n4.   A number of delegations opposed any fee for small ports, arguing that their\nbudgets could not bear it.\n",
        );
        let got: Vec<&str> = t.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[1].starts_with("Discussions were") && got[1].ends_with("small ports."));
        assert!(got[2].starts_with("Many participants") && got[2].ends_with("port authorities."));
        assert!(got[3].starts_with("A number of") && got[3].ends_with("bear it."));
    }

    #[test]
    fn a_paragraph_of_results_is_no_heading_for_a_sections_word_before_its_bracket() {
        // The part before "(71%)" was read as a heading naming the issues section
        // ("disagreed"), and the page's headline result was lost.
        let t = texts(
            "Tide registry consultation: what you told us\n\n## Question 3: Should the registry be permanent?\n\n62% agreed, 21% disagreed and 17% had no view. Support was strongest among fishers (71%) and weakest among port operators (49%).\n\n## Next steps\n\nWe will publish the dataset in May.\n",
        );
        let got: Vec<&str> = t.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(got[0], "62% agreed, 21% disagreed and 17% had no view.");
        assert!(got[1].starts_with("Support was strongest"), "{got:?}");
    }

    #[test]
    fn a_question_heading_names_no_section_and_apologies_are_names() {
        let doc_text = "Minutes and consultation results\n\n## Apologies\n\n- Samuel Otieno — Port Authority\n- Lucy Njeri — Fishers' Federation\n\n## Question 4: Should the registry adopt binding recommendations?\n\n39% were in favour and 44% against.\n";
        let t = texts(doc_text);
        // The names under "Apologies" were statements; the result under a question that
        // says "recommendations" was a recommendation.
        assert_eq!(
            t,
            vec![(
                SectionKind::Other,
                "39% were in favour and 44% against.".to_string()
            )]
        );
    }

    #[test]
    fn an_item_under_a_lead_in_that_asks_is_asked_for_and_keeps_its_lead_in() {
        let s = outline(&doc(
            "Submission on the tide registry\n\nWe set out our views below.\n\nThe registry should address the following issues:\n\n1. Sensor placement in small ports\n2. Impact assessments\n\nThe panel discussed these points:\n\n- Sensor placement in small ports\n- Funding of tide models\n",
        ));
        let got: Vec<(StatementKind, &str, Option<&str>)> = s
            .statements
            .iter()
            .map(|st| (st.kind, st.text.as_str(), st.context.as_deref()))
            .collect();
        // The items were observations with nothing to say what they were items of.
        let asked = Some("The registry should address the following issues:");
        let discussed = Some("The panel discussed these points:");
        assert_eq!(
            got[1..],
            [
                (
                    StatementKind::Recommendation,
                    "Sensor placement in small ports",
                    asked
                ),
                (StatementKind::Recommendation, "Impact assessments", asked),
                (
                    StatementKind::Observation,
                    "Sensor placement in small ports",
                    discussed
                ),
                (
                    StatementKind::Observation,
                    "Funding of tide models",
                    discussed
                ),
            ]
        );
        assert_eq!(got[0].2, None);
    }

    #[test]
    fn the_line_under_a_quotation_that_names_its_speaker_is_its_attribution() {
        let s = outline(&doc(
            "What you told us about the tide registry\n\nWe asked 400 port users what the registry should become.\n\n“Make it permanent and review it every five years.”\n\n— Port authority respondent, Valletta\n\nMost respondents agreed.\n",
        ));
        // It was a sub-heading.
        let e = s
            .excluded
            .iter()
            .find(|e| e.text == "Port authority respondent, Valletta")
            .expect("listed");
        assert_eq!(
            (e.class, e.reason.as_str()),
            (UnitClass::Metadata, "attribution of the quotation above")
        );
        assert_eq!(s.statements.len(), 3);
    }

    #[test]
    fn prose_is_split_into_sentences_with_lines() {
        let s = outline(&doc(
            "My Title\n\nSummary\n\nFirst sentence here, e.g. about this.\nSecond one wraps\nover lines. Third.\n",
        ));
        let t: Vec<(&str, usize)> = s
            .statements
            .iter()
            .map(|s| (s.text.as_str(), s.line))
            .collect();
        assert_eq!(
            t,
            vec![
                ("First sentence here, e.g. about this.", 5),
                ("Second one wraps over lines. Third.", 6)
            ]
        );
        assert_eq!(s.title, "My Title");
    }

    #[test]
    fn lead_ins_are_context() {
        let got = texts(
            "T\n\nKey Issues\n\n- Several insights:\n - Keep it open.\n - Avoid duplication.\n- Key points made by speakers\n - Fund youth\n",
        );
        let t: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(t, vec!["Keep it open.", "Avoid duplication.", "Fund youth"]);
    }

    #[test]
    fn paragraph_lead_in_sentence_is_dropped() {
        let got = texts("T\n\nOutcomes\n\nWe met twice. We agreed on the following:\n\n- One thing.\n- Another thing.\n");
        let t: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(t, vec!["We met twice.", "One thing.", "Another thing."]);
    }

    #[test]
    fn page_break_continuation() {
        let got = texts(
            "T\n\nKey Issues\n\n- An item that runs on\n\n\n\nafter the page break.\n- An unfinished item\n\n\n\nContinues Here capitalised.\n",
        );
        let t: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            t,
            vec![
                "An item that runs on after the page break.",
                "An unfinished item Continues Here capitalised."
            ]
        );
    }

    #[test]
    fn headings_in_many_styles() {
        let got = texts(
            "# The Title\n\nDate: 1 May 2025\n\n## 1. Key Issues\n\n- a one.\n\nTANGIBLE OUTCOMES\n\n- b two.\n\n**Key Recommendations**\n\n- c three.\n\nSpeakers\n\n- Jane Doe, ITU\n",
        );
        assert_eq!(
            got,
            vec![
                (SectionKind::Issues, "a one.".to_string()),
                (SectionKind::Outcomes, "b two.".to_string()),
                (SectionKind::Recommendations, "c three.".to_string()),
            ]
        );
        // The name under "Speakers" is a speaker list, reported as metadata.
        let s = outline(&doc(
            "# The Title\n\nKey Issues\n\n- a one.\n\nSpeakers\n\n- Jane Doe, ITU\n",
        ));
        let jane = s.excluded.iter().find(|e| e.text == "Jane Doe, ITU");
        assert_eq!(
            jane.map(|e| (e.class, e.reason.as_str())),
            Some((
                UnitClass::Metadata,
                "list of names (speakers, participants, signatories)"
            ))
        );
    }

    #[test]
    fn the_kind_of_record_under_a_title_is_no_organizer() {
        let s = outline(&doc(
            "Workshop 12: Financing community networks\nRaw transcript\n\nRegulators should reserve spectrum for community networks.\n",
        ));
        assert_eq!(
            (s.title.as_str(), s.organizer.as_str()),
            ("Workshop 12: Financing community networks", "")
        );
    }

    #[test]
    fn claims_never_take_a_session_past_its_statement_cap() {
        // A bundled ask first, then as many statements as the cap allows: cut into its
        // claims, the first had taken the session one past the cap (found by the fuzzer).
        let mut text = String::from(
            "## Recommendations\n\n- The coalition calls for open port data; a public sensor \
             registry; and reusable tide models.\n",
        );
        for i in 1..MAX_STATEMENTS_PER_SESSION {
            text.push_str(&format!(
                "- Port number {i} should publish its own tide table.\n"
            ));
        }
        let s = outline(&doc(&text));
        assert_eq!(s.statements.len(), MAX_STATEMENTS_PER_SESSION);
        // With room to spare, the same ask is cut into its claims.
        let short = outline(&doc(
            "## Recommendations\n\n- The coalition calls for open port data; a public sensor \
             registry; and reusable tide models.\n",
        ));
        assert_eq!(short.statements.len(), 3, "{:?}", short.statements);
    }

    #[test]
    fn the_numbered_minutes_and_where_the_meeting_was_held_name_no_organizer() {
        // Before, "MINUTES OF THE 12th MEETING", then "Held at Harbour House…", had been
        // the minutes' organizer.
        let s = outline(&doc(
            "HARBOUR BOARD\n\nMINUTES OF THE 12th MEETING\nHeld at Harbour House, Galway, and \
             online\nThursday 16 January 2026\n\n1. TIDE DATA\n1.1 Members agreed that ports \
             should publish tide data every hour.\n",
        ));
        assert_eq!(
            (s.title.as_str(), s.organizer.as_str()),
            ("HARBOUR BOARD", "")
        );
    }

    #[test]
    fn a_dated_line_under_the_title_gives_the_date_and_who_issued_it() {
        for (line, organizer, date) in [
            (
                "Harbour Operators Council · Policy brief · 10 November 2025",
                "Harbour Operators Council",
                "10 November 2025",
            ),
            (
                "Harbour Operators Council — January 2025",
                "Harbour Operators Council",
                "January 2025",
            ),
            // A byline names the author, not the issuer; the time stays with the date.
            (
                "By Mele Tonga | 14 March 2025 | 4 min read",
                "",
                "14 March 2025",
            ),
            (
                "Wednesday, 9 July 2025 | 12:15 – 14:00",
                "",
                "Wednesday, 9 July 2025 | 12:15 – 14:00",
            ),
        ] {
            let s = outline(&doc(&format!(
                "Same rules for every port\n{line}\n\nPorts should pay the same sensor fees.\n"
            )));
            // The date held the whole line, and the issuer was unknown.
            assert_eq!(
                (s.organizer.as_str(), s.date.as_str()),
                (organizer, date),
                "{line}"
            );
        }
    }

    #[test]
    fn front_matter_metadata() {
        let s = outline(&doc(
            "Title: A Session\nOrganizer: ITU\nDate: 9 July 2025\nURL: <https://x.org/1>\n\nKey Issues\n\n- One point.\n",
        ));
        assert_eq!(
            (
                s.title.as_str(),
                s.organizer.as_str(),
                s.date.as_str(),
                s.url.as_str()
            ),
            ("A Session", "ITU", "9 July 2025", "https://x.org/1")
        );
        assert_eq!(s.statements.len(), 1);
    }

    #[test]
    fn a_markdown_title_under_front_matter_opens_no_section() {
        // "Action Plan" names a recommendations section; here it is the title again, and
        // the report of the meeting under it asks nothing. Every field of the front matter
        // is metadata, whatever its key ("layout: page tags: […]" was a statement).
        let got = texts(
            "---\ntitle: \"Lakes Youth Forum 2026 — Action Plan\"\nlayout: page\ntags: [youth, plan]\n---\n\n# Lakes Youth Forum 2026 — Action Plan\n\nWe met in Kelso on 2 May.\n",
        );
        assert_eq!(
            got,
            [(SectionKind::Other, "We met in Kelso on 2 May.".to_owned())]
        );
    }

    #[test]
    fn quoted_title_and_fields_below_a_banner() {
        let s = outline(&doc(
            "Lakeside Digital Week 2026\n\nWORKSHOP REPORT – W-9\n\n“Open Maps for Flood Planning: Who Pays?”\n\nOrganised by: Tarn Valley Mapping Cooperative\nDate: Tuesday, 3 March 2026 – 10:00–11:30\n\n1. Context\n\nVolunteers mapped four districts in a week.\n",
        ));
        assert_eq!(
            (s.title.as_str(), s.organizer.as_str(), s.date.as_str()),
            (
                "Open Maps for Flood Planning: Who Pays?",
                "Tarn Valley Mapping Cooperative",
                "Tuesday, 3 March 2026 – 10:00–11:30"
            )
        );
        assert_eq!(s.statements.len(), 1);
    }

    #[test]
    fn a_pull_quote_atop_the_page_names_neither_title_nor_organizer() {
        // The quote's first line had been the title and its second the organizer.
        let s = outline(&doc(
            "“Every hour offline is an\nhour in which people\ncannot reach emergency services.”\n\n\
             — Panellist, Office of the\nOmbudsman\n\nInternet Shutdowns: Session Report\n\n\
             Organizer: Access Andes Coalition\nDate: 16 October 2025\n\nSummary\n\n\
             Shutdowns cost the region dearly.\n",
        ));
        assert_eq!(
            (s.title.as_str(), s.organizer.as_str()),
            (
                "Internet Shutdowns: Session Report",
                "Access Andes Coalition"
            )
        );
        assert_eq!(s.statements.len(), 1, "{:?}", s.statements);
    }

    #[test]
    fn a_headline_under_a_logo_on_every_slide_is_the_title() {
        // The logo printed atop every slide had stayed the title: the headline ends on a
        // colon and goes on below.
        let slide = |n: usize, body: &str| format!("\n\nRCA\n{body}\n\nOF-12 · {n} / 3\n\n\n\n");
        let text = [
            slide(
                1,
                "\nConnecting the Unconnected:\nCommunity Networks in the Andes\n\nOrganizer: Red Comunitaria Andina",
            ),
            slide(2, "Findings\n\n• Cooperatives run most networks in the region today."),
            slide(3, "Asks\n\n• Regulators should waive spectrum fees for cooperatives."),
        ]
        .concat();
        let s = outline(&doc(&text));
        assert_eq!(
            s.title,
            "Connecting the Unconnected: Community Networks in the Andes"
        );
    }

    #[test]
    fn prompts_links_and_dates_are_not_statements() {
        let got = texts(
            "T\n\nKey Issues\n(3-5 bullet points describing things)\n\nhttps://example.org/x\n\n10 July 2025\n\n- Real one.\n",
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn wrapped_title_and_heading_of_a_pdf_layout() {
        let text = "Session Outcome Document\n\nA long session title that a PDF wraps at the width of its page, somewhere right\nabout here\n\nInternet Society\n\nKey Recommendations and Action Plan (2-5 bullet points presenting concrete\nactions and guidance to inform the\nReview by UNGA)\n\n- Fund the IGF.\n";
        let s = outline(&doc(text));
        assert_eq!(
            s.title,
            "A long session title that a PDF wraps at the width of its page, somewhere right about here"
        );
        assert_eq!(s.organizer, "Internet Society");
        assert_eq!(
            texts(text),
            [(SectionKind::Recommendations, "Fund the IGF.".to_owned())]
        );
        // A short title directly followed by the organizer is not a wrapped title.
        let s = outline(&doc(
            "Short Title\nInternet Society\n\nKey Issues\n\n- A point.\n",
        ));
        assert_eq!(
            (s.title.as_str(), s.organizer.as_str()),
            ("Short Title", "Internet Society")
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "", "\n\n\n", "(", "#", "- ", "1.", "###### ", "a)", "—", "**", "\u{0}x", "é:é",
        ] {
            let _ = outline(&doc(text));
        }
        let huge = "x ".repeat(2_000_000);
        let s = outline(&doc(&format!("T\n\nKey Issues\n\n{huge}\n")));
        assert!(s
            .statements
            .iter()
            .all(|s| s.text.chars().count() <= MAX_STATEMENT_CHARS + 1));
    }

    #[test]
    fn a_forwarded_report_is_read_and_its_envelope_names_nothing() {
        // Passed on twice, pasted quoted: the whole report had been an "earlier message",
        // and the session that opposed a proposal vanished from every count.
        let mail = "From: Lina Moa <lina@forum.example>\n\
            Date: Fri, 30 May 2031 09:12:44 -0500\n\
            Subject: Fwd: Fwd: Tower sharing report\n\n\
            Hi all,\n\nPlease file the report below under Workshop 4.\n\nThanks,\nLina\n\n\
            ---------- Forwarded message ---------\n\
            From: Teo Vai <teo@ops.example>\n\
            Date: Mon, 19 May 2031 at 11:03\n\
            Subject: Tower sharing report\n\n\
            Lina, pls send this on. T.\n\n\
            > WORKSHOP 4: TOWER SHARING ON SMALL ISLANDS\n\
            > Organiser: Island Operators Guild\n\
            > Date: 16 May 2031\n\
            >\n\
            > RECOMMENDATIONS\n\
            >\n\
            > 1. Regulators should require towers built with public money to be shared.\n\
            >\n\
            > 2. The workshop did not support a levy on every tower for a common fund.\n\
            >\n\
            > --\n\
            > Teo Vai\n\
            > Island Operators Guild\n\n\
            Please consider the environment before printing this email.\n";
        let s = outline(&doc(mail));
        assert_eq!(
            (s.title.as_str(), s.organizer.as_str(), s.date.as_str()),
            (
                "WORKSHOP 4: TOWER SHARING ON SMALL ISLANDS",
                "Island Operators Guild",
                "16 May 2031"
            )
        );
        let said: Vec<&str> = s.statements.iter().map(|st| st.text.as_str()).collect();
        assert_eq!(
            said,
            [
                "Regulators should require towers built with public money to be shared.",
                "The workshop did not support a levy on every tower for a common fund.",
            ]
        );
        let why = |text: &str| {
            s.excluded
                .iter()
                .find(|e| e.text == text)
                .map(|e| e.reason.as_str())
        };
        assert_eq!(
            why("Please file the report below under Workshop 4."),
            Some(mail::COVER_NOTE)
        );
        assert_eq!(why("Teo Vai"), Some(mail::SIGNATURE));
        assert_eq!(
            why("Please consider the environment before printing this email."),
            Some(mail::MAIL_FOOTER)
        );
    }

    #[test]
    fn a_wrapped_line_that_fills_the_page_opens_a_paragraph_not_a_heading() {
        // Its section word near the start ("The discussion…") had made the paragraph a
        // heading, and both its sentences were lost.
        let text = "Harbour data forum\n\nDiscussion\n\n\
            The discussion also touched on the role of shared tide gauges, pooled sensors\n\
            and common data formats as practical tools that small ports could use to report\n\
            in more than one registry at a reasonable cost. Participants noted that such\n\
            tools were rarely used by the smallest ports.\n";
        let got = texts(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.starts_with("The discussion also touched on"));
        assert!(got[1].1.starts_with("Participants noted"));
    }

    #[test]
    fn a_printed_table_header_row_names_columns_and_asks_nothing() {
        // As text, "No. Recommendation    Addressed to    Priority" had been a
        // recommendation on every page the table ran over.
        let text = "United Nations        TR/2031/4        Distr.: General\n\n\
            Tide registry workshop\n\nRecommendations\n\n\
            No. Recommendation    Addressed to    Priority\n\n\
            1    Ports should publish tide data every month.\n\
            Port authorities    High\n\n\
            2    Regulators should fund a spare gauge for every island.\n\
            Regulators    Medium\n";
        let s = outline(&doc(text));
        assert_eq!(s.organizer, "United Nations");
        let said: Vec<&str> = s.statements.iter().map(|st| st.text.as_str()).collect();
        assert_eq!(
            said,
            [
                "Ports should publish tide data every month.",
                "Regulators should fund a spare gauge for every island."
            ]
        );
        assert!(s
            .excluded
            .iter()
            .any(|e| e.reason == line::TABLE_HEADER && e.text.contains("Addressed to")));
    }

    #[test]
    fn a_sentence_that_opens_like_a_record_of_procedure_is_read_whole() {
        // Its first line alone reads "The Chair opened the session…", a record of
        // procedure: the sentence had been cut in two, its head excluded.
        let text = "Tide data forum\n\nDiscussion\n\n\
            The Chair opened the session by recalling that only four of the coast's\n\
            harbours share tide data with their neighbours, and that the gaps delay every\n\
            warning.\n";
        let got = texts(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0]
            .1
            .starts_with("The Chair opened the session by recalling"));
        assert!(got[0].1.ends_with("delay every warning."));
    }
}
