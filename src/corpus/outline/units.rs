//! Blocks and furniture into units: the candidate statements, lead-ins and furniture of one
//! document, each classified, in document order.
//!
//! A list item is one candidate, a prose paragraph one per sentence. An item (or the last
//! sentence of a paragraph) that only introduces the nested items after it is a lead-in:
//! context, not a statement; so are the items of a list that only names topics.

use super::line::Marker;
use super::machine::{Block, BlockKind, Furniture};
use super::mail::MAX_REPLY_HEADER_WORDS;
use super::tables::mark_table_rows;
use super::translations::mark_other_languages;
use super::votes::mark_defeated_motions;
use super::{Unit, MAX_STATEMENTS_PER_SESSION, MAX_STATEMENT_CHARS};
use crate::corpus::boilerplate::strip_numbered_prefixes;
use crate::corpus::prose::{ends_with_terminal, split_sentences, truncate_chars, word_count};
use crate::corpus::template::{AUXILIARY_VERBS, TURN_ROLES};
use crate::corpus::unit::{
    classify_unit, is_name, split_dateline, untitled, Form, Listing, Position, UnitClass, DATELINE,
    HEAD_UNITS, LABEL, NAMES_OF_PEOPLE, NOTE_ON_THE_DOCUMENT, REPEATS_TITLE, SIGN_OFF,
};
use crate::corpus::{classify, SectionKind, StatementKind, HONORIFICS};

/// Turn blocks into units: lead-ins become headings, the rest candidate statements that
/// [`classify_unit`] sorts into statements and furniture; then merge in the furniture the
/// parser consumed, in document order.
pub(super) fn build_units(
    blocks: &[Block],
    furniture: Vec<Furniture>,
    title: &str,
    notes: &mut Vec<String>,
) -> Vec<Unit> {
    struct Candidate {
        unit: Unit,
        form: Form,
        listing: Listing,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut lead_ins: Vec<Unit> = Vec::new();
    let lead_in = |section, text: &str, line| Unit {
        section,
        text: text.trim().to_owned(),
        line,
        class: UnitClass::Heading,
        reason: "lead-in to a list".into(),
        lead: None,
        asked: false,
        defeated: None,
    };
    // The lead-ins the items being read complete, outermost first: "2.1 The participants
    // recommend that:", then "(a) a data trust be established, which should:".
    let mut open_leads: Vec<OpenLead> = Vec::new();
    let listed = lists_that_only_name(blocks);
    for (i, block) in blocks.iter().enumerate() {
        let next = blocks.get(i + 1).filter(|n| n.group == block.group);
        if let Some(reason) = listed[i] {
            lead_ins.push(Unit {
                reason: reason.into(),
                ..lead_in(block.section, &block.text, block.line_at(0))
            });
            continue;
        }
        // A list ends at a paragraph, a heading, or an item beside its lead-in item.
        let (indent, marker) = match block.kind {
            BlockKind::Item { indent, marker } => (Some(indent), Some(marker)),
            BlockKind::Para => (None, None),
        };
        // An item under a lead-in item is indented further, or numbered in another style
        // at the same indent ("9. The Forum recommends that:" then "(a) States…", as a
        // word processor sets sub-paragraphs flush).
        let still_open = |open: &OpenLead| {
            open.group == block.group
                && match (indent, open.indent) {
                    (Some(i), Some(l)) => i > l || (i == l && marker != open.marker),
                    (Some(_), None) => true,
                    (None, _) => false,
                }
        };
        // "(b)" after the sub-items of "(a) …, which should:" closes (a)'s lead-in, not
        // the paragraph's "recommend that:" that (a) and (b) both complete.
        while open_leads.last().is_some_and(|open| !still_open(open)) {
            open_leads.pop();
        }
        // Without a lead-in of its own, an item completes its heading when that is one.
        let (lead, lead_asks) = match open_leads.last() {
            Some(open) => (Some(open.text.clone()), open.asks),
            None => (block.lead.clone(), block.asked),
        };
        let asked = indent.is_some() && (block.asked || lead_asks);
        let mut candidate = |text: &str, line: usize, form: Form| {
            let text = text.trim();
            let text = truncate_chars(text, MAX_STATEMENT_CHARS).unwrap_or_else(|| text.to_owned());
            candidates.push(Candidate {
                unit: Unit {
                    section: block.section,
                    text,
                    line,
                    class: UnitClass::Statement,
                    reason: String::new(),
                    lead: lead.clone().filter(|_| indent.is_some()),
                    asked,
                    defeated: None,
                },
                form,
                listing: block.listing,
            });
        };
        match block.kind {
            BlockKind::Item { .. } => {
                if is_lead_in(block, next) {
                    // "(a) a data trust for health data be established, which should:"
                    // under "The participants recommend that:" is itself an ask, then the
                    // lead-in of what the trust should do.
                    match asked_before_lead(&block.text).filter(|_| lead_asks) {
                        Some(ask) => candidate(&ask, block.line_at(0), Form::Item),
                        None => {
                            lead_ins.push(lead_in(block.section, &block.text, block.line_at(0)))
                        }
                    }
                    open_leads.push(OpenLead::new(block.group, indent, marker, &block.text));
                    continue;
                }
                // A list of one item is a line standing alone (a page's numbered title,
                // a form's ticked answer), read as such.
                let prev = i.checked_sub(1).map(|p| &blocks[p]);
                let alone = !prev.is_some_and(|p| in_list(p, block))
                    && !next.is_some_and(|n| in_list(n, block));
                // "— Civil society respondent, East Africa" alone under a quotation: who
                // said it, not something said.
                let under_quote = prev.is_some_and(|p| {
                    matches!(p.kind, BlockKind::Para)
                        && p.text.trim_end().ends_with(['”', '"', '»'])
                });
                let text = block.text.trim();
                if alone
                    && under_quote
                    && matches!(
                        block.kind,
                        BlockKind::Item {
                            marker: Marker::Symbol,
                            ..
                        }
                    )
                    && word_count(text) <= MAX_ATTRIBUTION_WORDS
                    && !ends_with_terminal(text)
                {
                    lead_ins.push(Unit {
                        class: UnitClass::Metadata,
                        reason: "attribution of the quotation above".into(),
                        ..lead_in(block.section, text, block.line_at(0))
                    });
                    continue;
                }
                let form = if alone { Form::Line } else { Form::Item };
                candidate(&block.text, block.line_at(0), form);
            }
            BlockKind::Para => {
                let sentences = split_sentences(&block.text);
                let form = if sentences.len() == 1 {
                    Form::Line
                } else {
                    Form::Sentence
                };
                let last = sentences.len().saturating_sub(1);
                let introduces_list =
                    next.is_some_and(|n| matches!(n.kind, BlockKind::Item { .. }));
                for (k, (offset, sentence)) in sentences.into_iter().enumerate() {
                    let line = block.line_at(offset);
                    if k == last && introduces_list && sentence.ends_with(':') {
                        lead_ins.push(lead_in(block.section, sentence, line));
                        open_leads = vec![OpenLead::new(block.group, None, None, sentence)];
                        continue;
                    }
                    candidate(sentence, line, form);
                }
            }
        }
    }
    strip_numbered_prefixes(candidates.iter_mut().map(|c| &mut c.unit.text));
    // A mail-reply header or a dateline glued onto the first sentence is cut off it.
    for (index, c) in candidates.iter_mut().enumerate() {
        if let Some((head, rest, reason)) = split_header(&c.unit.text, index, title) {
            lead_ins.push(Unit {
                section: c.unit.section,
                text: head,
                line: c.unit.line,
                class: UnitClass::Metadata,
                reason: reason.into(),
                lead: None,
                asked: false,
                defeated: None,
            });
            c.unit.text = rest;
        }
    }
    let total = candidates.len();
    let mut statements = 0;
    let mut units: Vec<Unit> = candidates
        .into_iter()
        .enumerate()
        .map(|(index, c)| {
            let position = Position {
                form: c.form,
                index,
                followed: index + 1 < total,
                title,
                listing: c.listing,
            };
            let mut unit = c.unit;
            let (class, reason) = classify_unit(&unit.text, &position);
            unit.class = class;
            unit.reason = reason.unwrap_or_default().to_owned();
            if class == UnitClass::Statement {
                statements += 1;
                if statements > MAX_STATEMENTS_PER_SESSION {
                    unit.reason = format!(
                        "beyond the limit of {MAX_STATEMENTS_PER_SESSION} statements per document"
                    );
                    unit.class = UnitClass::Boilerplate;
                }
            }
            unit
        })
        .collect();
    if statements > MAX_STATEMENTS_PER_SESSION {
        notes.push(format!(
            "more than {MAX_STATEMENTS_PER_SESSION} statements; the rest are listed as excluded"
        ));
    }
    units.extend(lead_ins);
    units.extend(furniture.into_iter().map(|f| Unit {
        section: SectionKind::Other,
        text: f.text,
        line: f.line,
        class: f.class,
        reason: f.reason.to_owned(),
        lead: None,
        asked: false,
        defeated: None,
    }));
    // Stable: units of one line keep the order they were read in.
    units.sort_by_key(|u| u.line);
    mark_signatures(&mut units);
    mark_navigation(&mut units, title);
    mark_captions_under_names(&mut units);
    mark_other_languages(&mut units, notes);
    mark_name_lists(&mut units);
    mark_notes_continued(&mut units);
    mark_table_rows(&mut units);
    mark_defeated_motions(&mut units);
    units
}

/// Most words of a sentence that goes on with a note on the document ("It may contain
/// errors…").
const MAX_NOTE_SEQUEL_WORDS: usize = 25;

/// "This transcript is unedited. It may contain errors and should not be treated as an
/// authoritative record.": the sentence after a note on the document, in its paragraph,
/// that speaks of it as "it" goes on with the note (it had been the first of an invented
/// forum's unique proposals).
fn mark_notes_continued(units: &mut [Unit]) {
    for i in 1..units.len() {
        let (before, rest) = units.split_at_mut(i);
        let (note, u) = (&before[i - 1], &mut rest[0]);
        if note.reason == NOTE_ON_THE_DOCUMENT
            && u.class == UnitClass::Statement
            && u.line == note.line
            && u.text.starts_with("It ")
            && word_count(&u.text) <= MAX_NOTE_SEQUEL_WORDS
        {
            u.class = UnitClass::Metadata;
            u.reason = NOTE_ON_THE_DOCUMENT.into();
        }
    }
}

/// Fewest entries "Name Surname, Organisation" in a run that make it a list of people.
const MIN_NAME_LIST: usize = 3;

/// Most words of one entry of a list of people.
const MAX_NAME_ENTRY_WORDS: usize = 14;

/// Most words of a heading that groups a list of people ("Colombia", "International
/// organisations") without ending it.
const MAX_GROUP_HEADING_WORDS: usize = 3;

/// "Rosa Condori, AGETIC": a personal name (after a title, if any), a comma, then who the
/// person is with, capitalised, with no end mark.
fn is_name_entry(text: &str) -> bool {
    let Some((who, with)) = text.split_once(',') else {
        return false;
    };
    is_name(untitled(who).1)
        && with.trim().starts_with(char::is_uppercase)
        && word_count(text) <= MAX_NAME_ENTRY_WORDS
        && !ends_with_terminal(text)
}

/// A run of three or more entries "Name Surname, Organisation", perhaps grouped under
/// short headings ("Bolivia", "Colombia"), is a list of who took part: each entry names a
/// person, and states nothing (an annex of participants had made an observation theme,
/// "Vice-Ministers … of Bolivia — 3 of 8 sessions").
fn mark_name_lists(units: &mut [Unit]) {
    // An entry alone under its group's heading may have been read as a heading, one
    // naming a role "of" an organisation as names already.
    let entry = |u: &Unit| {
        let open = match u.class {
            UnitClass::Statement | UnitClass::Boilerplate | UnitClass::Heading => true,
            UnitClass::Metadata => u.reason == NAMES_OF_PEOPLE,
            _ => false,
        };
        open && is_name_entry(&u.text)
    };
    let mut i = 0;
    while i < units.len() {
        if !entry(&units[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut entries = Vec::new();
        while end < units.len() {
            let u = &units[end];
            if entry(u) {
                entries.push(end);
            } else if !(u.class == UnitClass::Heading
                && word_count(&u.text) <= MAX_GROUP_HEADING_WORDS)
            {
                break;
            }
            end += 1;
        }
        if entries.len() >= MIN_NAME_LIST {
            for k in entries {
                units[k].class = UnitClass::Metadata;
                units[k].reason = NAMES_OF_PEOPLE.into();
            }
        }
        i = end.max(i + 1);
    }
}

/// Most words of a navigation label (a breadcrumb, a category link).
const MAX_NAVIGATION_WORDS: usize = 5;

/// A web page repeats its title where the article starts; short labels with no end mark
/// above that repeat are the site's navigation (breadcrumbs, a category), not statements.
fn mark_navigation(units: &mut [Unit], title: &str) {
    let title = title.trim().to_lowercase();
    // The repeat: a unit read as the title again, or a heading that is the title.
    let repeat = |u: &Unit| {
        (u.class == UnitClass::Metadata && u.reason == REPEATS_TITLE)
            || (u.class == UnitClass::Heading && u.text.trim().to_lowercase() == title)
    };
    let Some(start) = units.iter().position(repeat) else {
        return;
    };
    for u in &mut units[..start] {
        let text = u.text.trim_end();
        if u.class == UnitClass::Statement
            && word_count(text) <= MAX_NAVIGATION_WORDS
            && !ends_with_terminal(text)
        {
            u.class = UnitClass::Heading;
            u.reason = "navigation above the title".into();
        }
    }
}

/// Longest signature block, in words: name, role and organisation, which the outliner
/// may have joined into one unit when no blank line separates them.
const MAX_SIGNATURE_WORDS: usize = 20;

/// After a sign-off ("Cheers", "Best regards"), the short lines with no end mark that
/// follow (name, role, organisation) are the writer's signature, not statements.
fn mark_signatures(units: &mut [Unit]) {
    let mut signing = false;
    for u in units.iter_mut() {
        if u.class == UnitClass::Procedural && u.reason == SIGN_OFF {
            signing = true;
            continue;
        }
        // A telephone line or a link read as metadata stays in the signature.
        if signing && u.class == UnitClass::Metadata {
            continue;
        }
        // No sentence inside: no end mark, and no full stop before a space (".au" is fine).
        let text = u.text.trim_end();
        // "Tel: +00 555 0199": a labelled contact line, not a reply header ending on ':'.
        let labelled = text
            .split_once(':')
            .is_some_and(|(key, value)| word_count(key) <= 2 && !value.trim().is_empty());
        let short = word_count(text) <= MAX_SIGNATURE_WORDS
            && !text.contains(['!', '?', ';'])
            && (!text.contains(':') || labelled)
            && !text.ends_with('.')
            && !text.contains(". ");
        if !short {
            // A sentence, a reply header, a footer: the signature has ended.
            signing = false;
            continue;
        }
        if !signing {
            continue;
        }
        if matches!(u.class, UnitClass::Statement | UnitClass::Heading) {
            u.class = UnitClass::Metadata;
            u.reason = "signature".into();
        }
    }
}

/// Longest line under a name that can be its caption (role, organisation, country).
const MAX_CAPTION_WORDS: usize = 8;

/// The short line with no end mark right under a name standing alone ("Kathleen Diga" /
/// "Association for Progressive Communications, South Africa") is who the person is, as
/// the lines under the names before it were, not a statement; even at the end of a page,
/// where no text below sets it apart as a heading.
fn mark_captions_under_names(units: &mut [Unit]) {
    for i in 1..units.len() {
        let (before, rest) = units.split_at_mut(i);
        let (name, u) = (&before[i - 1], &mut rest[0]);
        let text = u.text.trim_end();
        let under_name = name.class == UnitClass::Heading
            && name.reason == LABEL
            && name.line + 1 == u.line
            && is_name(&name.text);
        // A short caption at the very end of a page is read as a closing label first.
        let open =
            u.class == UnitClass::Statement || (u.class == UnitClass::Heading && u.reason == LABEL);
        if under_name && open && word_count(text) <= MAX_CAPTION_WORDS && !ends_with_terminal(text)
        {
            u.class = UnitClass::Metadata;
            u.reason = NAMES_OF_PEOPLE.into();
        }
    }
}

/// Split a header glued onto the text that follows it: `(header, rest, reason)`.
fn split_header(text: &str, index: usize, title: &str) -> Option<(String, String, &'static str)> {
    let lower = text.to_lowercase();
    // The title repeated on the line above the body with no blank line between, so the
    // two were read as one paragraph: the title is cut off, the body stays.
    if index < HEAD_UNITS && !title.trim().is_empty() {
        if let Some(rest) = text.strip_prefix(title.trim()) {
            let rest = rest.trim_start_matches([' ', '-', '–', '—', ':']).trim();
            if word_count(rest) >= 4 && word_count(title) >= 3 {
                return Some((title.trim().to_owned(), rest.to_owned(), REPEATS_TITLE));
            }
        }
    }
    if let Some(end) = speaker_turn(text) {
        let rest = text[end..].trim();
        if !rest.is_empty() {
            return Some((
                text[..end].trim().to_owned(),
                rest.to_owned(),
                SPEAKER_OF_TURN,
            ));
        }
    }
    if lower.starts_with("on ") {
        if let Some(i) = lower.find(" wrote:") {
            let end = i + " wrote:".len();
            let rest = text[end..].trim();
            if word_count(&text[..end]) <= MAX_REPLY_HEADER_WORDS && !rest.is_empty() {
                return Some((
                    text[..end].to_owned(),
                    rest.to_owned(),
                    "quoted-mail header",
                ));
            }
        }
    }
    if index < HEAD_UNITS {
        let rest = split_dateline(text)?;
        let head = text[..text.len() - rest.len()].trim_end_matches([' ', '-', '–', '—']);
        let stands_alone = word_count(rest) >= 4
            && classify_unit(rest, &Position::anywhere()).0 == UnitClass::Statement;
        if stands_alone {
            return Some((head.to_owned(), rest.to_owned(), DATELINE));
        }
    }
    None
}

/// Why the head of a transcript's turn is not part of what was said.
const SPEAKER_OF_TURN: &str = "who speaks, and when (a transcript's turn)";

/// Most words of the head of a transcript's turn ("SPEAKER 1 (Mr. Iosefa Lemalu, Samoa
/// Red Cross Society)").
const MAX_TURN_HEAD_WORDS: usize = 16;

/// Where the words of a transcript's turn start, after its head: a time stamp
/// ("[00:14:32]") and a speaker written in capitals ("MODERATOR (Ms. Tuilagi):", "SPEAKER
/// 2:", "MR DUNNE:"), which a time stamp, the person's name in brackets, a role of a
/// meeting ([`TURN_ROLES`]), a title or a hearing's question number ("Q102") shows to be
/// a speaker, not a label ("NOTE:").
fn speaker_turn(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let (stamped, after_stamp) = match trimmed.strip_prefix('[') {
        Some(inner) => {
            let close = inner.find(']')?;
            let stamp = &inner[..close];
            let is_time = stamp.contains(':')
                && stamp
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.');
            if !is_time {
                return None;
            }
            (true, lead + 1 + close + 1)
        }
        None => (false, lead),
    };
    let rest = &text[after_stamp..];
    let colon = rest.find(':')?;
    let head = rest[..colon].trim();
    if head.is_empty() || word_count(head) > MAX_TURN_HEAD_WORDS {
        return None;
    }
    let (name, bracketed) = match head.split_once('(') {
        Some((name, _)) => (name.trim(), true),
        None => (head.split(',').next().unwrap_or(head).trim(), false),
    };
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    // "MR DUNNE:", "Q102 DR CARRICK:": a title before a name, or the number a hearing
    // gives each question, shows a person speaking as a role does.
    let role = name.split_whitespace().any(|w| {
        let w = w.trim_end_matches('.').to_lowercase();
        let question_number =
            w.len() > 1 && w.starts_with('q') && w[1..].chars().all(|c| c.is_ascii_digit());
        TURN_ROLES.contains(&w.as_str()) || HONORIFICS.contains(&w.as_str()) || question_number
    });
    (capitals && (stamped || bracketed || role)).then_some(after_stamp + colon + 1)
}

/// A lead-in whose list is being read: what its items complete.
struct OpenLead {
    /// The group (heading) it stands under: a heading ends its list.
    group: usize,
    /// The indent of the item that is the lead-in; `None` for a sentence.
    indent: Option<usize>,
    /// How the lead-in item is numbered; `None` for a sentence.
    marker: Option<Marker>,
    text: String,
    /// It asks ("The framework should address:"): its items name what is asked for.
    asks: bool,
}

impl OpenLead {
    fn new(group: usize, indent: Option<usize>, marker: Option<Marker>, text: &str) -> Self {
        let text = text.trim().to_owned();
        let asks = classify(SectionKind::Other, &text) == StatementKind::Recommendation;
        OpenLead {
            group,
            indent,
            marker,
            text,
            asks,
        }
    }
}

/// Fewest words of an ask that a lead-in item states before its own lead.
const MIN_ASK_BEFORE_LEAD_WORDS: usize = 5;

/// Most words of the lead that closes an item stating an ask first ("which should:",
/// "including:", "in order to:").
const MAX_CLOSING_LEAD_WORDS: usize = 4;

/// The ask a lead-in item states before the short lead that closes it, ending where its
/// last comma stood: "a data trust for health data be established, which should:" gives
/// "a data trust for health data be established." An item that is only a lead ("States
/// should:", "In particular, governments should:") gives none.
fn asked_before_lead(text: &str) -> Option<String> {
    let text = text.trim();
    let (ask, closing) = text.rsplit_once(',')?;
    let ask = ask.trim();
    // The closing lead has no subject of its own: it opens on a relative or a linking
    // word. "In line with the review, governments should:" is one lead, with nothing
    // asked before its comma.
    let linked = closing
        .split_whitespace()
        .next()
        .is_some_and(|w| CLOSING_LEAD_OPENERS.contains(&w.to_lowercase().as_str()));
    (linked
        && closing.trim_end().ends_with(':')
        && word_count(closing) <= MAX_CLOSING_LEAD_WORDS
        && word_count(ask) >= MIN_ASK_BEFORE_LEAD_WORDS)
        .then(|| format!("{ask}."))
}

/// Words that open a lead with no subject of its own, closing an item that asked first
/// ("…, which should:", "…, including:", "…, in order to:").
const CLOSING_LEAD_OPENERS: &[&str] = &[
    "which",
    "that",
    "who",
    "whose",
    "where",
    "including",
    "to",
    "in",
    "namely",
    "such",
    "so",
];

/// Most words of the line that says who said a quotation ("— Private sector respondent,
/// Western Europe").
const MAX_ATTRIBUTION_WORDS: usize = 12;

/// Is `other` an item of the same list as `item`, at any depth (no heading between)?
fn in_list(other: &Block, item: &Block) -> bool {
    matches!(other.kind, BlockKind::Item { .. }) && other.group == item.group
}

/// Longest item (in words) of a list of topics.
const MAX_TOPIC_WORDS: usize = 8;

/// Items of lists that only name what is discussed, with the reason: lists of topics
/// (three or more sibling items, at least three in four a short noun phrase with no verb
/// of its own, "Data governance and trust", outside a recommendations section and not
/// under a heading that asks, where a noun phrase is an ask: "Stable funding for NRIs"),
/// and lists of questions (two or more sibling items, at least three in four a question:
/// what a consultation asked its participants, not what anyone answered).
fn lists_that_only_name(blocks: &[Block]) -> Vec<Option<&'static str>> {
    let mut marks = vec![None; blocks.len()];
    let mut start = 0;
    while start < blocks.len() {
        let sibling = |b: &Block| match (b.kind, blocks[start].kind) {
            (BlockKind::Item { indent: a, .. }, BlockKind::Item { indent: c, .. }) => {
                a == c && b.group == blocks[start].group
            }
            _ => false,
        };
        let mut end = start;
        while end < blocks.len() && sibling(&blocks[end]) {
            end += 1;
        }
        let run = &blocks[start..end.max(start + 1)];
        // Under a heading that asks, noun phrases are what is asked for. Elsewhere most
        // items, not all: one long item ("Emerging regulation: market structure, content,
        // data and …") does not turn a list of topics into statements.
        let topics = run.iter().filter(|b| is_topic(b)).count();
        let questions = run.iter().filter(|b| is_question(&b.text)).count();
        // Right under a heading that names its points, with no lead-in sentence between,
        // noun phrases are the points ("Key issues" / "High backhaul costs").
        let first_under_heading = start == 0 || blocks[start - 1].group != blocks[start].group;
        let points = run[0].points && first_under_heading;
        let reason = if run.len() >= 3 && !run[0].asked && !points && topics * 4 >= run.len() * 3 {
            Some("item of a list of topics")
        } else if run.len() >= 2 && questions * 4 >= run.len() * 3 {
            Some("item of a list of questions")
        } else {
            None
        };
        if reason.is_some() {
            marks[start..end].iter_mut().for_each(|m| *m = reason);
        }
        start = end.max(start + 1);
    }
    marks
}

/// Does the text end as a question ("…for all?", "…circulated?*")?
fn is_question(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['*', '"', '\'', '”', '’', ')'])
        .ends_with('?')
}

/// A short noun phrase with no verb of its own, outside a recommendations section.
fn is_topic(b: &Block) -> bool {
    let t = b.text.trim();
    b.section != SectionKind::Recommendations
        && word_count(t) <= MAX_TOPIC_WORDS
        && !t.ends_with(['.', '!', '?', ';'])
        && classify(b.section, t) == StatementKind::Observation
        && !t
            .split_whitespace()
            .any(|w| AUXILIARY_VERBS.contains(&w.to_lowercase().as_str()))
}

/// Does this item only introduce the nested items that follow it?
fn is_lead_in(block: &Block, next: Option<&Block>) -> bool {
    let (
        BlockKind::Item { indent, marker },
        Some(Block {
            kind:
                BlockKind::Item {
                    indent: next_indent,
                    marker: next_marker,
                },
            ..
        }),
    ) = (block.kind, next)
    else {
        return false;
    };
    if block.text.ends_with(':') {
        return true;
    }
    let nested = *next_indent > indent
        || (*next_marker != marker && *next_marker != Marker::Symbol && *next_indent >= indent);
    let bare = word_count(&block.text) <= 10
        && !block.text.contains(['.', '!', '?', ';'])
        && !block.text.ends_with([',', '-']);
    nested && bare
}

#[cfg(test)]
mod tests {
    use super::asked_before_lead;

    #[test]
    fn an_item_asks_before_a_lead_only_when_the_lead_has_no_subject() {
        assert_eq!(
            asked_before_lead("a shared register of harbour sensors be established, which should:")
                .as_deref(),
            Some("a shared register of harbour sensors be established.")
        );
        for lead in [
            "In line with the review of the harbour rules, governments should:",
            "In particular, governments should:",
            "States should:",
        ] {
            assert_eq!(asked_before_lead(lead), None, "{lead}");
        }
    }
}
