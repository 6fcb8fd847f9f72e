//! What kind of unit a line or sentence is: a statement, or the furniture around statements.
//!
//! A *unit* is what the outliner cuts a document into: a list item, a prose sentence, a
//! heading, a front-matter line. Only statements (positions, findings, proposals, calls a
//! person would quote) are embedded and clustered; everything else is reported as excluded
//! with its class and a reason. [`classify_unit`] is a pure function of the unit's text and
//! its [`Position`]: the rules look at form (length, punctuation, `Key: value`, a greeting
//! that ends in a comma), at position (the first lines of a body, a line standing alone
//! before more text) and at the session's own title, never at one site's wording. Text
//! repeated across documents (boilerplate) needs the whole corpus and is found in
//! `boilerplate.rs`.

use super::claims::has_finite;
use super::prose::{
    as_url, ends_unfinished, has_clock_time, is_date_line, is_month, is_prose_value, is_weekday,
    last_part, split_sentences, word_count,
};
use super::template::{
    known_key, ADOPTING_VERBS, CREDIT_WORDS, ENGAGEMENT_WORDS, GREETINGS, MEETING_BUSINESS,
    OPENING_VERBS, PICTURE_KEYS, POINTER_OPENERS, POINTER_VERBS, PUBLISHING_WORDS,
    REFERENCE_LABELS, SIGN_OFFS,
};
use super::{classify, is_gerund, SectionKind, StatementKind};
use crate::text::is_content_word;
use serde::{Deserialize, Serialize};

/// What a unit read from a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitClass {
    /// A position, finding, proposal or call a person would quote: embedded and clustered.
    Statement,
    /// A heading, sub-heading or the lead-in of a list.
    Heading,
    /// Title, byline, dateline, source link, author, publisher, speaker lists.
    Metadata,
    /// Salutations, thanks, stage directions, pointers to read or download something.
    Procedural,
    /// Text that recurs across documents (site disclaimers, footers) or template prompts.
    Boilerplate,
}

impl UnitClass {
    /// The class as a word for readers ("heading", "metadata"…).
    pub fn as_str(self) -> &'static str {
        match self {
            UnitClass::Statement => "statement",
            UnitClass::Heading => "heading",
            UnitClass::Metadata => "metadata",
            UnitClass::Procedural => "procedural",
            UnitClass::Boilerplate => "boilerplate",
        }
    }
}

/// The form a unit had in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A bulleted or numbered list item.
    Item,
    /// A sentence of a prose paragraph of several sentences.
    Sentence,
    /// A paragraph that is one line or one sentence standing alone.
    Line,
}

/// Where a unit sits in its document: what classification needs beyond the text.
#[derive(Debug, Clone, Copy)]
pub struct Position<'a> {
    /// The unit's form.
    pub form: Form,
    /// 0-based index among the body's candidate statements (before any exclusion).
    pub index: usize,
    /// More candidate units follow in the same document.
    pub followed: bool,
    /// The session's title, so that a repeat of it in the body is recognised.
    pub title: &'a str,
    /// What the heading above the unit says its lines list.
    pub listing: Listing,
}

/// What a heading says the lines under it list, when they are not the session's words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Listing {
    /// Content: statements, or whatever their own form makes them.
    #[default]
    Content,
    /// People (speakers, panel, moderators): a speaker list.
    People,
    /// Works cited (references, bibliography, notes): citations of other texts.
    Sources,
    /// The meeting's agenda: the topics it took up, in order, not what it said of them.
    Agenda,
    /// A glossary (definitions, abbreviations): what the document's words mean.
    Glossary,
    /// An issuer's profile ("About the Assembly", "Notes to editors"): the description a
    /// press office prints under every release, not what the meeting said.
    Profile,
}

impl Position<'_> {
    /// A sentence in the middle of a body with no title: the position that lets the text
    /// alone decide.
    pub fn anywhere() -> Self {
        Position {
            form: Form::Sentence,
            index: usize::MAX,
            followed: true,
            title: "",
            listing: Listing::Content,
        }
    }
}

/// How many leading body units may still be a dateline or byline.
pub(crate) const HEAD_UNITS: usize = 4;

/// Longest unit (in words) that can be a sub-heading standing alone.
const MAX_SUBHEADING_WORDS: usize = 12;

/// Longest line with no end mark that closes a document as a label.
const MAX_CLOSING_WORDS: usize = 5;

/// Longest unit (in words) that can be a salutation, sign-off or pointer.
const MAX_FORMULA_WORDS: usize = 10;

/// Classify one unit; `None` for the reason means it is a statement.
pub fn classify_unit(text: &str, pos: &Position) -> (UnitClass, Option<&'static str>) {
    let t = text.trim();
    let lower = t.to_lowercase();
    let words = word_count(t);
    let first = first_words(&lower, 1);
    if is_copyright(&lower, words) {
        return (UnitClass::Boilerplate, Some("copyright notice"));
    }
    // "The views expressed … do not necessarily reflect those of…": a publisher's
    // disclaimer, the same in every report it prints.
    if lower.contains("not necessarily reflect") {
        return (UnitClass::Boilerplate, Some("disclaimer"));
    }
    // A citation under "References" is another text's title, however it reads.
    if pos.listing == Listing::Sources {
        return (UnitClass::Boilerplate, Some(REFERENCE_LIST));
    }
    // "4. Should the Forum become permanent?" under "Agenda" names a topic taken up; a
    // paragraph run on past the list says something.
    if pos.listing == Listing::Agenda && words <= AGENDA_ITEM_WORDS {
        return (UnitClass::Procedural, Some("item of the meeting's agenda"));
    }
    // "Data trust: a legal structure in which…" under "Glossary" says what a word means,
    // not what the meeting said.
    if pos.listing == Listing::Glossary && is_definition(t) {
        return (
            UnitClass::Boilerplate,
            Some("glossary entry (a definition)"),
        );
    }
    // "The Center is a non-profit organisation that…" under "About the Center" is the
    // issuer's standard description, printed the same under every release.
    if pos.listing == Listing::Profile {
        return (
            UnitClass::Boilerplate,
            Some("issuer's profile (an \"About\" section)"),
        );
    }
    if let Some(reason) = metadata_reason(t, &lower, words, &first, pos) {
        return (UnitClass::Metadata, Some(reason));
    }
    // A transcript's turn is read without its speaker's name: "AMINA YUSUF: Thank you."
    // thanks as "Thank you." does (the quote keeps the name). Most units name no
    // speaker, and their words are not read twice.
    let said = after_speaker(t);
    let procedural = if said.len() == t.len() {
        procedural_reason(t, &lower, words, &first)
    } else {
        let said_lower = said.to_lowercase();
        procedural_reason(
            said,
            &said_lower,
            word_count(said),
            &first_words(&said_lower, 1),
        )
    };
    if let Some(reason) = procedural {
        return (UnitClass::Procedural, Some(reason));
    }
    if let Some(reason) = heading_reason(t, words, pos) {
        return (UnitClass::Heading, Some(reason));
    }
    (UnitClass::Statement, None)
}

/// Most words of a pager line ("← Previous: Community networks | Next: Cable resilience →").
const MAX_PAGER_WORDS: usize = 20;

/// A blog's or a series' pager: a short line that points back with a left arrow, or on
/// with a right arrow at its end. A bullet drawn as "→ text" points at nothing.
fn is_pager(t: &str, words: usize) -> bool {
    words <= MAX_PAGER_WORDS
        && (t.starts_with(['←', '⟵']) || t.ends_with(['→', '⟶']))
        && !t.ends_with(['.', '!', '?', ':'])
}

/// Titles before a person's name, lower-cased, without their stop.
pub(crate) const HONORIFICS: &[&str] = &["mr", "ms", "mrs", "dr", "prof", "h.e", "amb"];

/// Most words of a speaker's name before a transcript's turn ("MS. ANA SILVA (BRAZIL):").
const SPEAKER_WORDS: usize = 4;

/// What a transcript's turn says after its speaker's name in capitals ("AMINA YUSUF:",
/// "MS. SILVA (BRAZIL):", "AUDIENCE:"); the whole text when it names no speaker.
fn after_speaker(t: &str) -> &str {
    let Some((label, said)) = t.split_once(':') else {
        return t;
    };
    let name = label.split('(').next().unwrap_or(label);
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitals = |w: &&str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let said = said.trim_start();
    // "Ms. Lena Ortiz (Ministry of…):", "Dr. Hanne Solvik:": a name after an honorific,
    // every word capitalised, is a speaker's too.
    let honorific = words
        .first()
        .is_some_and(|w| HONORIFICS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        && words.iter().all(|w| w.starts_with(char::is_uppercase));
    // "AS: reminder that…": minutes name speakers by initials and often go on in lower case.
    let initials = words.len() == 1 && letters <= 3 && words.iter().all(capitals);
    if (1..=SPEAKER_WORDS).contains(&words.len())
        && (words.iter().all(capitals) || honorific)
        && letters >= 2
        && (initials || said.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“'))
    {
        said
    } else {
        t
    }
}

/// A line that is metadata or procedural by its own form (a byline, a publication date, a
/// greeting, a sign-off), whatever a layout-based rule would make of it: such short lines
/// look like headings to the outliner.
pub(crate) fn furniture_line(text: &str) -> Option<(UnitClass, &'static str)> {
    let position = Position {
        followed: false,
        ..Position::anywhere()
    };
    match classify_unit(text, &position) {
        (class @ (UnitClass::Metadata | UnitClass::Procedural), Some(reason)) => {
            Some((class, reason))
        }
        _ => None,
    }
}

/// A greeting, thanks, sign-off or stage direction: text that opens or closes a speech and
/// is never a title or an organizer.
pub(crate) fn is_formula(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    procedural_reason(t, &lower, word_count(t), &first_words(&lower, 1)).is_some()
}

/// "👍❤️ 214 · 37 comments · 12 reposts": a line of counts a page keeps of its readers'
/// responses, every field of it a figure, a count of responses or a pictograph.
fn counts_responses(t: &str) -> bool {
    let mut counted = false;
    let all = t.split(['·', '•', '|']).all(|field| {
        let words: Vec<&str> = field
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        match words.as_slice() {
            [] => true,
            [n] => n.chars().all(|c| c.is_ascii_digit() || c == ','),
            [n, what] => {
                let count = n
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                    || n.ends_with(['k', 'K']);
                let responses = ENGAGEMENT_WORDS.contains(&what.to_lowercase().as_str());
                counted |= count && responses;
                count && responses
            }
            _ => false,
        }
    });
    all && counted
}

fn metadata_reason(
    t: &str,
    lower: &str,
    words: usize,
    first: &str,
    pos: &Position,
) -> Option<&'static str> {
    if is_page_number(lower) {
        return Some(PAGE_NUMBER);
    }
    if prints_page_count(lower, words) {
        return Some(PAGE_FOOTER);
    }
    if is_document_symbol(t) || is_distribution_note(t) {
        return Some(DOCUMENT_SYMBOL);
    }
    if is_print_stamp(lower) {
        return Some(PRINT_STAMP);
    }
    if !t.chars().any(char::is_alphabetic) {
        return Some("no words");
    }
    if counts_responses(t) {
        return Some("count of readers' responses");
    }
    if as_url(t).is_some() {
        return Some("link");
    }
    if is_caption(t, words) {
        return Some("caption of a table or figure");
    }
    if is_metadata_key_value(t) {
        return Some("front matter or byline");
    }
    if lower.trim_end().ends_with("wrote:") {
        return Some("quoted-mail header");
    }
    if is_date_line(t) && words <= 8 && !names_a_task(t) {
        return Some(DATE);
    }
    if PUBLISHING_WORDS.contains(&first) && words <= 6 {
        return Some("publication date or byline");
    }
    if CREDIT_WORDS.contains(&first) && words <= 12 && !ends_like_sentence(t) {
        return Some("credit line");
    }
    if credits_the_document(lower) {
        return Some("credit line");
    }
    if describes_the_document(lower) {
        return Some(NOTE_ON_THE_DOCUMENT);
    }
    if first == "by" && words <= 8 && !ends_like_sentence(t) {
        return Some(BYLINE);
    }
    if pos.index < HEAD_UNITS && !ends_like_sentence(t) && !t.ends_with(':') && names_an_agent(t) {
        return Some(BYLINE);
    }
    // "Organised by the Water Alliance with the Ministry of Water.": a sentence that is
    // only a byline, its participle first, at the head.
    if pos.index < HEAD_UNITS
        && split_sentences(t).len() == 1
        && byline_agent(t).is_some_and(|(at, _)| at == 0)
    {
        return Some(BYLINE);
    }
    if is_colophon(lower, words) {
        return Some("credit line");
    }
    if pos.index < HEAD_UNITS && is_dateline(t) {
        return Some(DATELINE);
    }
    if is_event_details(t) {
        return Some(EVENT_DETAILS);
    }
    if repeats_title(t, pos.title, pos.index < HEAD_UNITS) {
        return Some(REPEATS_TITLE);
    }
    if has_address(t) && words <= 12 {
        return Some("link or address");
    }
    // An entry names someone ("Ms. Lena Ortiz (Ministry of…)"); a sentence under a list
    // of speakers is what was said, the section having run on past the list.
    let sentence = ends_like_sentence(t) && words >= MIN_SENTENCE_WORDS;
    if pos.listing == Listing::People && words <= 20 && !sentence {
        return Some(NAME_LIST);
    }
    if names_people(t) {
        return Some(NAMES_OF_PEOPLE);
    }
    if is_dated_listing(t, words) {
        return Some("dated listing");
    }
    if is_figure_row(t) {
        return Some(FIGURE_ROW);
    }
    None
}

/// "Page 3", "Page 3 of 12", "p. 3", "3 / 12", "- 3 -", "Slide 4", or a number of up to
/// three digits on a line of its own: a page's (or a slide's) number, printed in its margin.
pub(crate) fn is_page_number(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !matches!(*w, "-" | "–" | "—"))
        .collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    let rest = match words.first() {
        Some(&("page" | "p." | "pg." | "slide")) => &words[1..],
        _ => &words[..],
    };
    match rest {
        [n] => number(n),
        [n, "of" | "/", m] => number(n) && number(m),
        _ => false,
    }
}

/// Fewest words of a unit read as a sentence rather than a label or an entry of a list.
const MIN_SENTENCE_WORDS: usize = 5;

/// Why a document's symbol or its distribution note is metadata.
pub(crate) const DOCUMENT_SYMBOL: &str = "document symbol";

/// "ICDR/2025/INF/3", "A/HRC/53/L.1": one token of capitals and numbers joined by
/// slashes, the symbol an organization files a document under, never its title.
pub(crate) fn is_document_symbol(plain: &str) -> bool {
    // "Ref. SGTD-AOGDW-2025-017": a reference label, then one code of capitals and digits.
    if let Some((label, code)) = plain.trim().split_once(char::is_whitespace) {
        let label = label.trim_end_matches(['.', ':']).to_lowercase();
        let code = code.trim();
        let coded = !code.contains(char::is_whitespace)
            && code.chars().any(|c| c.is_ascii_digit())
            && code.chars().any(|c| c.is_ascii_uppercase())
            && code.chars().all(|c| {
                c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '/')
            });
        if REFERENCE_LABELS.contains(&label.as_str()) && coded {
            return true;
        }
    }
    // "Document BNDCF25/WS-C3/OUT", "Symbol: A/HRC/99/12": one label word, then the symbol.
    let t = match plain.trim().split_once(char::is_whitespace) {
        Some((label, symbol))
            if label
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | ':'))
                && !symbol.trim().contains(char::is_whitespace) =>
        {
            symbol.trim()
        }
        _ => plain.trim(),
    };
    let parts: Vec<&str> = t.split('/').collect();
    !t.contains(char::is_whitespace)
        && parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '-'))
        })
        && t.chars().any(|c| c.is_ascii_digit())
}

/// Languages a distribution note names ("English only", "Original: French").
const LANGUAGES: &[&str] = &[
    "arabic",
    "chinese",
    "english",
    "french",
    "russian",
    "spanish",
    "portuguese",
    "german",
];

/// "English only", "Original: English", "Distr.: General": the languages and circulation of
/// an organization's document, printed by its symbol; never a title or an organizer.
fn is_distribution_note(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !matches!(*w, "only" | "original" | "and"))
        .collect();
    let languages = !words.is_empty() && words.iter().all(|w| LANGUAGES.contains(w));
    languages || lower.starts_with("distr.")
}

/// Longest running footer, in words.
const MAX_FOOTER_WORDS: usize = 20;

/// "Summary record P-07 / Forum 2025 -- Page 1 of 3", "Page 3 of 3   Uncorrected
/// transcript": a short line ending or opening on a page's number out of the page count,
/// which only a page's footer or header prints, even when the document has a single page
/// and the line is never repeated.
fn prints_page_count(lower: &str, words: usize) -> bool {
    let tail: Vec<&str> = lower.split_whitespace().rev().take(4).collect();
    let head: Vec<&str> = lower.split_whitespace().take(4).collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    words <= MAX_FOOTER_WORDS
        && (matches!(tail.as_slice(), [m, "of", n, "page"] if number(m) && number(n))
            || matches!(head.as_slice(), ["page", n, "of", m] if number(n) && number(m)))
}

/// The reason given to a line that ends in "Page n of m".
pub(crate) const PAGE_FOOTER: &str = "running header or footer with a page number";

/// The reason given to what a browser prints at a page's edges.
pub(crate) const PRINT_STAMP: &str = "browser's print header or footer";

/// "11/29/26, 10:18 PM Policy brief" and "https://example.org/brief.html 1/3": the date,
/// time, page title, address and page count a browser prints on every page it saves as
/// PDF. Read without spaces, as the PDF reader sometimes spaces the digits out ("1 1 /2 9
/// /2 6").
fn is_print_stamp(lower: &str) -> bool {
    // Every unit passes here: only one that opens with a digit or holds an address can
    // be a stamp, and only such a one is copied without its spaces.
    if !(lower.starts_with(|c: char| c.is_ascii_digit()) || lower.contains("://")) {
        return false;
    }
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    // An address, then the page count ("…/brief.html1/3").
    let footer = lower.contains("://") && {
        let count = compact.trim_end_matches(|c: char| c.is_ascii_digit());
        count.len() < compact.len()
            && count.ends_with('/')
            && count[..count.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    };
    opens_with_date_and_time(&compact) || footer
}

/// Does a line, its spaces removed, open with a numeric date and a clock time
/// ("11/29/26,10:18pm…")?
fn opens_with_date_and_time(compact: &str) -> bool {
    // Digits are ASCII, so a count of them is also a byte offset.
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let mut rest = compact;
    // Day and month (or month and day), each closed by a slash.
    for _ in 0..2 {
        let n = digits(rest);
        if !(1..=2).contains(&n) || !rest[n..].starts_with('/') {
            return false;
        }
        rest = &rest[n + 1..];
    }
    let year = digits(rest);
    if year != 2 && year != 4 {
        return false;
    }
    let rest = rest[year..].trim_start_matches(',');
    let hour = digits(rest);
    (1..=2).contains(&hour) && rest[hour..].starts_with(':') && digits(&rest[hour + 1..]) == 2
}

/// The reason given to the title read again in the body; the outliner and the unit
/// classifier both give it, and the navigation rule looks for it.
pub(crate) const REPEATS_TITLE: &str = "repeats the title";

/// The reason given to the place and date that open a news item.
pub(crate) const DATELINE: &str = "dateline";

/// The reason given to a page number ("Page 3 of 12").
pub(crate) const PAGE_NUMBER: &str = "page number";

/// The reason given to a line a PDF printed at the top or bottom of every page.
pub(crate) const RUNNING_HEADER: &str = "running header or footer";

/// The reason given to a word or two standing alone with no end mark; the line right
/// under a name so labelled is its caption.
pub(crate) const LABEL: &str = "label";

/// The reason given to a sign-off ("Cheers", "Best regards"); the short lines after one
/// are a signature.
pub(crate) const SIGN_OFF: &str = "sign-off or thanks";

/// The reason given to an entry under a heading of people: speakers, participants,
/// signatories.
pub(crate) const NAME_LIST: &str = "list of names (speakers, participants, signatories)";

/// The reason given to a line that only dates the text.
pub(crate) const DATE: &str = "date";

/// The reason given to a line that says who wrote or convened the text.
pub(crate) const BYLINE: &str = "byline";

/// Longest line of a calendar of events, in words.
const MAX_LISTING_WORDS: usize = 14;

/// "15 April 2025 - Webinar: Budgeting for school connectivity": a date, a dash, an event;
/// a line of a calendar, not a statement.
fn is_dated_listing(t: &str, words: usize) -> bool {
    if words > MAX_LISTING_WORDS || ends_like_sentence(t) {
        return false;
    }
    // "4 March 2025, Lisbon – Remarks by…" names a place: a dateline.
    date_before_dash(t).is_some_and(|(date, _)| word_count(date) <= 5 && !date.contains(','))
}

/// Longest copyright notice, in words.
const MAX_COPYRIGHT_WORDS: usize = 25;

/// "© 2025 Lakes Basin Council. All rights reserved.", "Copyright (c) 2024 the Alliance":
/// the sign or the word with a year, or the reservation of rights, in a short unit.
fn is_copyright(lower: &str, words: usize) -> bool {
    if words > MAX_COPYRIGHT_WORDS {
        return false;
    }
    let sign = lower.contains('©') || lower.starts_with("(c)") || lower.contains("copyright");
    let year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    (sign && year) || lower.contains("all rights reserved")
}

/// Most words of an agenda item; more is a paragraph that says something.
const AGENDA_ITEM_WORDS: usize = 20;

/// The reason given to an entry of a list of works cited.
pub(crate) const REFERENCE_LIST: &str = "reference list";

/// The reason given to a row of a table of figures ("Civil Society: 11").
pub(crate) const FIGURE_ROW: &str = "row of a table of figures";

/// "Civil Society: 11", "Responses received: 1,204": a short label and a bare number,
/// one row of a table of counts that a page printed as lines.
fn is_figure_row(t: &str) -> bool {
    if is_row_of_figures(t) {
        return true;
    }
    let Some((label, value)) = t.split_once(':') else {
        return false;
    };
    let value = value.trim().trim_end_matches('%');
    // "The meeting closed at 11:00.": a clock time, not a label and its count.
    let clock = label.ends_with(|c: char| c.is_ascii_digit());
    !clock
        && !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && value.chars().any(|c| c.is_ascii_digit())
        && (1..=6).contains(&word_count(label))
}

/// Most words of the label that opens a row of figures.
const FIGURE_LABEL_WORDS: usize = 10;

/// "| A shared portal is needed | 19 | 22 | 15 |", "Kenya — 42 — 55": a table's row of a
/// short label and two or more figures (counts, shares), with its cells set apart by
/// bars or by the readers' cell separator. A survey's item or a country's name labels
/// the figures; neither is a statement.
fn is_row_of_figures(t: &str) -> bool {
    let inner = t.trim().trim_start_matches('|').trim_end_matches('|');
    let cells: Vec<&str> = if inner.contains('|') {
        inner.split('|').map(str::trim).collect()
    } else {
        inner
            .split(crate::corpus::read::CELL_SEPARATOR)
            .map(str::trim)
            .collect()
    };
    let figure = |c: &&str| {
        let c = c.trim_end_matches('%');
        !c.is_empty()
            && c.chars().any(|ch| ch.is_ascii_digit())
            && c.chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '-' | '+'))
    };
    let Some((label, figures)) = cells.split_first() else {
        return false;
    };
    figures.len() >= 2
        && figures.iter().all(figure)
        && label.chars().any(char::is_alphabetic)
        && (1..=FIGURE_LABEL_WORDS).contains(&word_count(label))
}

/// The reason given to a caption or speaker list; such a line never continues a paragraph.
pub(crate) const NAMES_OF_PEOPLE: &str = "names of people (caption or speaker list)";

/// "Statement … delivered by H.E. Ambassador …", "Report prepared by Ana Lima": a past
/// participle, "by", then a capitalised name. At the head of a document and with no end
/// mark, such a line says who wrote or gave the text, not what it says.
fn names_an_agent(t: &str) -> bool {
    byline_agent(t).is_some()
}

/// The agent a byline names after a past participle and "by" ("Convened by the Ebb Valley
/// Estuary Commission" → "Ebb Valley Estuary Commission"), and the byte offset of the
/// participle; the article is no part of the name.
pub(crate) fn byline_agent(t: &str) -> Option<(usize, &str)> {
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .filter(|(_, w)| !w.eq_ignore_ascii_case("the"))
        .collect();
    words.windows(3).find_map(|w| {
        let (at, participle) = w[0];
        let named = participle.len() > 4
            && participle.ends_with("ed")
            && w[1].1 == "by"
            && w[2].1.chars().next().is_some_and(char::is_uppercase);
        named.then(|| (at, &t[w[2].0..]))
    })
}

/// Nouns by which a document names itself ("This report was prepared by", "the present
/// synthesis").
const SELF_NOUNS: &[&str] = &[
    "report",
    "document",
    "summary",
    "brief",
    "publication",
    "paper",
    "note",
    "submission",
    "response",
    "compilation",
    "statement",
    "synthesis",
    "record",
    "minutes",
    "outcome",
    "messages",
    "communiqué",
    "declaration",
];

/// Why a note the document makes about itself is not a statement.
pub(crate) const NOTE_ON_THE_DOCUMENT: &str =
    "a note on the document itself (what kind of text it is, how far to rely on it)";

/// Longest note a document makes about itself, in words.
const MAX_SELF_NOTE_WORDS: usize = 25;

/// Longest line that disclaims being a kind of document ("This is not an official
/// record").
const MAX_DISCLAIMER_WORDS: usize = 10;

/// "This transcript is unedited…", "This summary is not a negotiated text.": the document
/// says what kind of text it is, not what the session said. Only a copula or a modal
/// follows the document's name, so "This report recommends…" stays a statement.
fn describes_the_document(lower: &str) -> bool {
    let words = bare_words(lower);
    if words.len() > MAX_SELF_NOTE_WORDS {
        return false;
    }
    // "This is not an official record.", "Not an approved record": a short line that
    // disclaims being a kind of document disclaims this one.
    let disclaimer = match words.as_slice() {
        ["this", "is", rest @ ..] | rest => rest,
    };
    // The kind ends the line or is "of" something ("…record of the meeting"); "Not a
    // single report arrived" reports.
    if let ["not", "a" | "an", kind @ ..] = disclaimer {
        let names_kind = (0..kind.len().min(3))
            .any(|i| SELF_NOUNS.contains(&kind[i]) && kind.get(i + 1).is_none_or(|w| *w == "of"));
        if words.len() <= MAX_DISCLAIMER_WORDS && names_kind {
            return true;
        }
    }
    let [det, noun, verb, ..] = words.as_slice() else {
        return false;
    };
    *det == "this"
        && (SELF_NOUNS.contains(noun) || *noun == "transcript")
        && matches!(*verb, "is" | "was" | "may" | "does" | "has")
}

/// Longest credit of the document, in words.
const MAX_CREDIT_WORDS: usize = 30;

/// "This report was prepared by the Secretariat of…", "The summary has been compiled by…":
/// the document says who wrote it, wherever the line stands.
fn credits_the_document(lower: &str) -> bool {
    let words = bare_words(lower);
    if words.len() > MAX_CREDIT_WORDS {
        return false;
    }
    let [det, noun, rest @ ..] = words.as_slice() else {
        return false;
    };
    let passive = match rest {
        ["was" | "is" | "were", participle, "by", ..] => Some(*participle),
        ["has" | "have", "been", participle, "by", ..] => Some(*participle),
        _ => None,
    };
    matches!(*det, "this" | "the")
        && SELF_NOUNS.contains(noun)
        && passive.is_some_and(|p| p.ends_with("ed") || p == "written")
}

/// Longest colophon line, in words.
const MAX_COLOPHON_WORDS: usize = 16;

/// Participles with which a colophon credits who made the document.
const CREDITING: &[&str] = &[
    "prepared", "compiled", "written", "edited", "produced", "drafted",
];

/// "Report W-22 – Harbour Forum 2025 – prepared by the session rapporteur": a short line
/// with no end mark that names the document, then its makers, wherever it stands (a
/// colophon closes a document as a byline opens it).
fn is_colophon(lower: &str, words: usize) -> bool {
    let w = bare_words(lower);
    words <= MAX_COLOPHON_WORDS
        && !ends_like_sentence(lower)
        && !ends_unfinished(lower)
        // "Prepared by the Working Group" alone opens a document: a byline, read as such.
        && w.windows(2)
            .skip(1)
            .any(|p| CREDITING.contains(&p[0]) && p[1] == "by")
}

/// Particles inside personal names ("Ursula von der Leyen", "Luiz da Silva").
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "de", "da", "del", "di", "du", "la", "al", "bin",
];

/// A personal name as written in a caption: two to four words, each capitalised or a
/// particle, and at least two capitalised.
pub(crate) fn is_name(item: &str) -> bool {
    let words: Vec<&str> = item.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // Abstract nouns in Title Case ("Data Governance", "Cyber Security") are topics.
    let abstract_noun = |w: &&str| {
        let w = w.to_lowercase();
        NOUN_SUFFIXES
            .iter()
            .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
    };
    (2..=4).contains(&words.len())
        && capitalised >= 2
        && !words.iter().any(abstract_noun)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w))
}

/// A name without the title before it ("Dr. Ngozi Okafor" → "Ngozi Okafor"), and whether
/// it had one.
pub(crate) fn untitled(who: &str) -> (bool, &str) {
    let who = who.trim();
    match who.split_once(char::is_whitespace) {
        Some((title, rest))
            if HONORIFICS.contains(&title.trim_end_matches('.').to_lowercase().as_str()) =>
        {
            (true, rest.trim_start())
        }
        _ => (false, who),
    }
}

/// Does a name carry an initial ("E. Nakamura", "Anna K. Berg")?
fn has_initial(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let mut chars = w.chars();
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    })
}

/// Endings of abstract nouns, which names of people do not have.
const NOUN_SUFFIXES: &[&str] = &[
    "tion", "sion", "ity", "ment", "ance", "ence", "ing", "ness", "ship", "ism", "ics", "acy",
];

/// `text` without its bracketed asides ("C. Byrne (Secretariat, minutes)" → "C. Byrne ").
fn without_brackets(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

/// A photo caption or a list of speakers: a line with no end mark made of names
/// ("A. Name, B. Name, C. Name"), or one name and the person's role ("Name Surname,
/// Campaign Manager at Org"). Such a line is printed under a picture or a panel; when
/// it is glued onto the paragraph below, the paragraph is read wrongly.
fn names_people(t: &str) -> bool {
    if t.ends_with([':', ';']) || word_count(t) > 40 {
        return false;
    }
    // "Apologies: E. Nakamura", "Rapporteurs: J. Mwangi, L. Chen", "Seconded: A. Lynch.":
    // a label, then only names, one at least written with an initial as people's names
    // are in minutes (whose stop may close the line).
    if let Some((key, value)) = t.strip_suffix('.').unwrap_or(t).split_once(':') {
        // "In attendance: C. Byrne (Secretariat, minutes)": what a name's brackets say of
        // the person is no name.
        let value = without_brackets(value);
        let names: Vec<&str> = value.split(',').map(str::trim).collect();
        if word_count(key) <= 2
            && names.iter().all(|n| is_name(n))
            && names.iter().any(|n| has_initial(n))
        {
            return true;
        }
    }
    if ends_like_sentence(t) {
        return false;
    }
    // "Ms. Efua Asante, Ministry of Fisheries", "Dr. Ngozi Okafor, Coastal Ecology Unit":
    // an attendance entry, a title and a name, then who the person is with.
    if let Some((who, _)) = t.split_once(',') {
        let (titled, name) = untitled(who);
        if titled && is_name(name) && word_count(t) <= 16 {
            return true;
        }
    }
    let items: Vec<&str> = t
        .split(',')
        .flat_map(|i| i.split(" and "))
        .map(|i| i.trim().trim_start_matches("and ").trim())
        .filter(|i| !i.is_empty())
        .collect();
    let names = items.iter().filter(|i| is_name(i)).count();
    if items.len() >= 3 {
        return names * 3 >= items.len() * 2;
    }
    // "Name Surname, Role at Organisation": a name, then a capitalised role that names
    // where the person works.
    items.len() == 2
        && is_name(items[0])
        && word_count(t) <= 12
        && items[1]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '#')
        && (items[1].contains(" at ") || items[1].contains(" of "))
}

fn procedural_reason(t: &str, lower: &str, words: usize, first: &str) -> Option<&'static str> {
    let enclosed =
        (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'));
    if enclosed && words <= 15 {
        return Some("stage direction or note in brackets");
    }
    // "Kind regards," closes a letter: a sign-off, though it ends with a comma as a
    // salutation does, and the lines after it are a signature.
    if words <= 4 && starts_with_any(lower, SIGN_OFFS) {
        return Some(SIGN_OFF);
    }
    if words <= MAX_FORMULA_WORDS && starts_with_any(lower, GREETINGS) {
        return Some("salutation");
    }
    // "The General Assembly," opens a resolution; "Recalling its resolution 97/155…,"
    // is a preambular paragraph, which a participle opens, not a form of address.
    if words <= MAX_FORMULA_WORDS && t.ends_with(',') && !is_gerund(first) {
        return Some("salutation");
    }
    // "Thank you to everyone who came along, and to the library for hosting us.": thanks
    // at any length, unless the sentence goes on to say something ("Thanks Ben: paragraph
    // 9 would duplicate…") or to ask ("…; we must now act").
    // "Thanks to community networks, three valleys are online" gives a cause, not thanks.
    let thanks = first == "thank" || first == "thanks";
    let long_thanks =
        first == "thank" && words <= MAX_THANKS_WORDS && !says_more_than_thanks(lower);
    if (thanks && words <= 8) || long_thanks {
        return Some("thanks");
    }
    if first == "congratulations" && words <= MAX_FORMULA_WORDS {
        return Some("congratulations");
    }
    // "The Chair thanked the host government…": the meeting's courtesies, reported. A
    // sentence that also asks something is a statement.
    if words <= MAX_THANKS_WORDS
        && reports_thanks(lower)
        && classify(SectionKind::Other, t) == StatementKind::Observation
    {
        return Some("thanks");
    }
    if words <= MAX_THANKS_WORDS && welcomes_the_chance_to_speak(lower) {
        return Some("thanks");
    }
    if is_pointer(lower, words, first) {
        return Some("pointer to read, watch or download");
    }
    if is_pager(t, words) {
        return Some("link to the previous or next page");
    }
    let sentences = split_sentences(t);
    // Every sentence a record of procedure: "The chair opened the meeting. Members agreed
    // that a fund is needed." says something in its second sentence.
    if sentences
        .iter()
        .all(|(_, s)| word_count(s) <= MAX_PROCEDURE_WORDS && records_procedure(&s.to_lowercase()))
        && classify(SectionKind::Other, t) == StatementKind::Observation
    {
        return Some("meeting procedure");
    }
    // "The session, organised by…, brought together 400 delegates…", "Around 90
    // participants attended in person": the meeting's own account of itself. Every
    // sentence must be one ("It was organised by…" goes on the account).
    if words <= MAX_RECOUNT_WORDS
        && !t.trim_end().ends_with(':')
        && sentences
            .iter()
            .enumerate()
            .all(|(i, (_, s))| recounts_the_meeting(&s.to_lowercase(), i > 0))
        && classify(SectionKind::Other, t) == StatementKind::Observation
    {
        return Some(RECOUNT);
    }
    // "Reminder: comments close on Friday.": a note of the meeting's own calendar.
    if first == "reminder" && words <= MAX_NOTE_WORDS && !ends_unfinished(lower) {
        return Some("reminder");
    }
    if sentences.len() == 1
        && words <= MAX_NOTE_WORDS
        && !ends_unfinished(lower)
        && handles_this_document(lower)
        && classify(SectionKind::Other, t) == StatementKind::Observation
    {
        return Some("handling of this document");
    }
    // One sentence only: a line that speaks to its reader in its last sentence
    // ("…open until Tuesday. You can find the form here.") still says something first.
    if addresses_reader(lower, words) && sentences.len() == 1 {
        return Some("question or instruction to the reader");
    }
    // …unless every sentence speaks to the reader or points elsewhere: "Having trouble
    // reading this email? View in browser".
    let to_reader = |s: &str| {
        let lower = s.to_lowercase();
        let words = word_count(s);
        addresses_reader(&lower, words) || is_pointer(&lower, words, &first_words(&lower, 1))
    };
    if sentences.len() >= 2 && sentences.iter().all(|(_, s)| to_reader(s)) {
        return Some("question or instruction to the reader");
    }
    None
}

/// How far into a sentence its subject's verb may stand ("The minutes of meeting 13 were
/// approved": the seventh word).
const SUBJECT_VERB_REACH: usize = 8;

/// Longest sentence read as a record of the meeting's procedure.
const MAX_PROCEDURE_WORDS: usize = 15;

/// "The chair opened the meeting at 14:00.", "The agenda was adopted without changes.",
/// "The minutes of meeting 13 were approved.": minutes recording the meeting's own
/// business. The business must be what the verb acts on, as its object right after it or
/// as the subject the sentence opens with, and a meeting is only opened or closed, not
/// adopted: "The meeting adopted the declaration on cables" reports an outcome.
fn records_procedure(lower: &str) -> bool {
    let words = bare_words(lower);
    let acts_on = |verb: &str, noun: &str| {
        (OPENING_VERBS.contains(&verb) && MEETING_BUSINESS.contains(&noun))
            || (ADOPTING_VERBS.contains(&verb) && matches!(noun, "agenda" | "minutes"))
    };
    // The subject: the head of the opening noun phrase ("the minutes of meeting 13").
    let at = words
        .iter()
        .position(|w| !matches!(*w, "" | "the" | "a" | "this"));
    let subject = at.map_or("", |i| words[i]);
    // "The session concluded at 17:30", "The meeting was called to order at 10:05": the
    // meeting's own clock, whatever its verb; with a "that" it reports what was said.
    if matches!(subject, "meeting" | "session" | "sitting")
        && has_clock_time(lower)
        && !words.contains(&"that")
    {
        return true;
    }
    // "Apologies were received from T. Rehn.": who sent apologies is the record's
    // housekeeping; so are the next meeting's arrangements ("The next meeting will be
    // held online on 9 September").
    let next_meeting = subject == "next"
        && at
            .and_then(|i| words.get(i + 1))
            .is_some_and(|n| MEETING_BUSINESS.contains(n));
    if subject == "apologies" || next_meeting {
        return true;
    }
    let that = words
        .iter()
        .position(|w| *w == "that")
        .unwrap_or(words.len());
    // "The minutes of the meeting of 3 March 2025 were approved": a long subject, whose
    // verb stands right after the first "was"/"were".
    let passive = words[..that]
        .iter()
        .position(|w| matches!(*w, "was" | "were"))
        .and_then(|a| words.get(a + 1))
        .is_some_and(|verb| acts_on(verb, subject));
    if passive {
        return true;
    }
    // The subject's own verb comes early and before any "that" (in "The session heard that
    // two stations had closed" the stations closed, not the session).
    let reach = that.min(SUBJECT_VERB_REACH);
    (0..words.len()).any(|i| {
        let verb = words[i];
        (i < reach && acts_on(verb, subject))
            || (words.get(i + 1) == Some(&"the")
                && words.get(i + 2).is_some_and(|noun| acts_on(verb, noun)))
    })
}

/// Why the meeting's account of itself is not a statement.
const RECOUNT: &str = "the meeting's account of itself (who came, who organised it, how it ran)";

/// Longest unit read as the meeting's account of itself.
const MAX_RECOUNT_WORDS: usize = 60;

/// Nouns naming a gathering, which opens a sentence about the gathering itself.
const GATHERINGS: &[&str] = &[
    "meeting",
    "session",
    "sitting",
    "workshop",
    "panel",
    "forum",
    "roundtable",
    "event",
    "webinar",
    "plenary",
    "conference",
    "dialogue",
    "summit",
    "consultation",
];

/// How far into a sentence the gathering it is about may be named ("The opening
/// session", "This year's regional forum").
const GATHERING_REACH: usize = 4;

/// What a gathering does as a gathering: who it brought, where and when it sat, who ran it.
const CONVENING: &[&str] = &[
    "brought together",
    "gathered",
    "convened",
    "attracted",
    "was attended",
    "were attended",
    "was held",
    "were held",
    "took place",
    "was organised",
    "was organized",
    "was co-organised",
    "was co-organized",
    "was hosted",
    "was co-hosted",
    "was moderated",
    "was chaired",
    "was facilitated",
    "opened with",
    "closed with",
    "began with",
    "ended with",
    "started with",
    "closed its",
    "opened its",
];

/// Most words of what a count of attendees counts ("90 participants", "45 women
/// delegates").
const COUNTED_NOUN_WORDS: usize = 2;

/// Verbs of coming to a meeting, after a count of those who came.
const ATTENDING: &[&str] = &[
    "attended",
    "joined",
    "took part",
    "participated",
    "registered",
];

/// "The session, organised by the Secretariat, brought together more than 400 delegates…",
/// "The Forum closed with a plenary at which the rapporteurs presented their
/// conclusions", "Around 90 participants attended in person and 140 online", "The Chair
/// declared the Forum closed at 16:40": the gathering's own account of itself, which says
/// nothing the meeting concluded. A sentence that reports what was said ("that…") is no
/// account; after the first sentence, "It was organised by…" goes on the account.
fn recounts_the_meeting(lower: &str, goes_on: bool) -> bool {
    let words = bare_words(lower);
    if words.contains(&"that") {
        return false;
    }
    let joined = format!(" {} ", words.join(" "));
    let named = words
        .iter()
        .take(GATHERING_REACH)
        .any(|w| GATHERINGS.contains(w) || (goes_on && *w == "it"));
    // Before the gathering's verb, only the gathering and what sets it apart by commas.
    if named && CONVENING.iter().any(|v| joined.contains(&format!(" {v} "))) {
        return true;
    }
    // "Around 90 participants attended…": a count of those who came, then their verb.
    let counted = words
        .iter()
        .take(GATHERING_REACH)
        .position(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    // The verb follows the count and the noun it counts ("90 participants", "more than
    // 400 delegates from 11 countries" is too far).
    let attended = counted.is_some_and(|n| {
        (n + 2..=n + COUNTED_NOUN_WORDS + 1).any(|v| {
            let from = words.get(v..).unwrap_or_default().join(" ");
            ATTENDING
                .iter()
                .any(|a| from == *a || from.starts_with(&format!("{a} ")))
        })
    });
    if attended {
        return true;
    }
    // "The Chair declared the Forum closed at 16:40": the gathering's clock.
    has_clock_time(lower)
        && words.iter().any(|w| GATHERINGS.contains(w))
        && words.iter().any(|w| OPENING_VERBS.contains(w))
}

/// Longest sentence read as a note on the meeting's calendar or on the document's handling.
const MAX_NOTE_WORDS: usize = 30;

/// What is done to a document once written: presented, circulated, published, sent on.
const HANDLING_VERBS: &[&str] = &[
    "present",
    "presented",
    "circulate",
    "circulated",
    "submit",
    "submitted",
    "publish",
    "published",
    "share",
    "shared",
    "transmit",
    "transmitted",
    "forward",
    "forwarded",
    "post",
    "posted",
    "send",
    "sent",
    "distribute",
    "distributed",
    "translate",
    "translated",
    "upload",
    "uploaded",
];

/// "The Secretariat will present this synthesis at the plenary on 6 June.", "This report
/// will be circulated to all delegations.": what happens to the document itself, which
/// says nothing about its subject. The document names itself ("this", "the present", at
/// most one word before the noun: "this summary report"), and a verb of handling takes it
/// as its object (right after the verb) or as its passive subject ("… will be circulated"):
/// in "This compilation brings together the reports submitted by…" the reports are the
/// ones submitted.
fn handles_this_document(lower: &str) -> bool {
    let words = bare_words(lower);
    // Each self-reference as (first word, noun).
    let selves: Vec<(usize, usize)> = (0..words.len())
        .filter_map(|i| {
            let after = match (words[i], words.get(i + 1)) {
                ("this", _) => i + 1,
                ("the", Some(&"present")) => i + 2,
                _ => return None,
            };
            (after..words.len().min(after + 2))
                .find(|&n| SELF_NOUNS.contains(&words[n]))
                .map(|n| (i, n))
        })
        .collect();
    let passive = |between: &[&str]| {
        between.len() <= 3
            && between
                .iter()
                .any(|w| matches!(*w, "be" | "is" | "are" | "was" | "were" | "been"))
    };
    words.iter().enumerate().any(|(v, w)| {
        HANDLING_VERBS.contains(w)
            && selves
                .iter()
                .any(|&(first, noun)| first == v + 1 || (noun < v && passive(&words[noun + 1..v])))
    })
}

/// Does a sentence of thanks go on past them: a clause after a colon or semicolon, or a
/// call ("Thank you; now we must act")?
fn says_more_than_thanks(lower: &str) -> bool {
    let after = lower.split_once([';', ':']).map_or("", |(_, rest)| rest);
    word_count(after) >= 3
        || bare_words(lower)
            .iter()
            .any(|w| matches!(*w, "should" | "must" | "urge" | "urges"))
}

/// What a submission is glad of the chance to do in its opening courtesy ("the
/// opportunity to comment on…").
const TAKING_PART: &[&str] = &[
    "comment",
    "respond",
    "contribute",
    "provide",
    "submit",
    "participate",
    "share",
    "engage",
    "present",
    "speak",
    "input",
];

/// "We welcome the opportunity to comment on the draft recommendations…", "The Union is
/// grateful for the opportunity to respond": a submission's opening courtesy, glad of the
/// chance to take part; "We welcome the opportunity to establish a fund" endorses an act.
fn welcomes_the_chance_to_speak(lower: &str) -> bool {
    let words = bare_words(lower);
    words.windows(4).any(|w| {
        w[1] == "opportunity"
            && w[2] == "to"
            && TAKING_PART.contains(&w[3])
            && matches!(w[0], "the" | "this")
    }) && words.iter().any(|w| {
        w.starts_with("welcom")
            || w.starts_with("appreciat")
            || w.starts_with("grateful")
            || w.starts_with("thank")
    }) && !lower.contains([';', ':'])
}

/// Longest sentence read as a report of thanks; a longer one says more than thanks.
const MAX_THANKS_WORDS: usize = 30;

/// "…thanked the hosts", "…expressed its gratitude to…": someone thanks someone.
fn reports_thanks(lower: &str) -> bool {
    let words = bare_words(lower);
    // "The Forum thanks the Government of…": thanks as the subject's verb, in any tense,
    // not a noun ("many thanks to…", "with thanks").
    let verb = |i: usize| {
        (1..=SUBJECT_VERB_REACH).contains(&i)
            && !matches!(
                words[i - 1],
                "many" | "with" | "special" | "sincere" | "warm" | "our" | "no" | "and"
            )
            && words
                .get(i + 1)
                .is_some_and(|n| matches!(*n, "the" | "all" | "everyone" | "its" | "their" | "our"))
    };
    words.iter().enumerate().any(|(i, w)| {
        *w == "thanked"
            || (matches!(*w, "thanks" | "thank") && verb(i))
            || (matches!(*w, "gratitude" | "appreciation" | "thanks")
                && words[i.saturating_sub(3)..i].iter().any(|v| {
                    matches!(
                        *v,
                        "expressed" | "expresses" | "extended" | "extends" | "conveyed"
                    )
                }))
    })
}

/// "Draft toolkit for regulators – September 2025": a task with its deadline, whose
/// lower-case content words ("toolkit", "regulators") a date line has none of ("Crane Quay,
/// 9-10 June 2025", "Adopted in Lomé on 4 May 2025").
fn names_a_task(t: &str) -> bool {
    t.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .any(|w| is_content_word(w) && !is_month(w) && !is_weekday(w))
}

/// The words of `lower` without the punctuation around them; apostrophes stay, so
/// "you're" is one word.
fn bare_words(lower: &str) -> Vec<&str> {
    lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .collect()
}

/// Words that make a sentence speak to its reader.
const SECOND_PERSON: &[&str] = &["you", "your", "you'll", "you’ll", "you're", "you’re"];

/// "Do you consider that …?", "If you selected 'disagree', please specify …", "On the
/// website you will find …": the page speaking to its reader (a form's question, an
/// instruction, a pointer), which reports no position. A position addressed to an
/// audience ("we urge you to act") makes a call and is none of these.
fn addresses_reader(lower: &str, words_in: usize) -> bool {
    let words = bare_words(lower);
    let question = lower.trim_end_matches(['*', ' ']).ends_with('?');
    // "Was this page helpful?", "You are receiving this email because you signed up…":
    // the page or the mail speaking of itself to its reader.
    let of_itself = THE_PAGE.iter().any(|p| lower.contains(p));
    if of_itself && question && words_in <= MAX_FORMULA_WORDS {
        return true;
    }
    let Some(you) = words.iter().position(|w| SECOND_PERSON.contains(w)) else {
        return false;
    };
    let asks = words.contains(&"please");
    // "you (may|will|can) find / read / see": where to look, not what is said.
    let looks = words[you + 1..]
        .iter()
        .take(3)
        .any(|w| matches!(*w, "find" | "read" | "see" | "learn" | "download" | "visit"));
    question || asks || looks || of_itself
}

/// Things a page or a mail calls itself when it speaks of itself to its reader.
const THE_PAGE: &[&str] = &[
    "this page",
    "this article",
    "this information",
    "this email",
    "this e-mail",
    "this message",
    "this newsletter",
];

/// "Read the submission", "Download the full report here.", "You can find the form here."
fn is_pointer(lower: &str, words: usize, first: &str) -> bool {
    let second = first_words(lower, 2);
    let second = second.split(' ').nth(1).unwrap_or("");
    let verb_first = POINTER_VERBS.contains(&first) && !["and", "or", "of"].contains(&second);
    let opens = verb_first && second != "to";
    let last = lower
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let points_away = ["here", "full", "below", "online", "website", "link"].contains(&last);
    let has_verb = lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        POINTER_VERBS.contains(&w) || w == "find" || w == "learn"
    });
    // "Subscribe to our newsletter to get posts like this in your inbox": told what to
    // do, by name, the reader is being pointed somewhere.
    let to_reader = bare_words(lower).iter().any(|w| SECOND_PERSON.contains(w));
    // "For more information contact the secretariat.": where to ask, not what was said.
    let where_to_ask = starts_with_any(lower, POINTER_OPENERS) && words <= MAX_FORMULA_WORDS + 4;
    // "Follow us on X: @forum2025 #forum2025": handles and tags point to an account.
    let handles = lower
        .split_whitespace()
        .filter(|w| {
            let mut c = w.chars();
            matches!(c.next(), Some('@' | '#')) && c.next().is_some_and(char::is_alphanumeric)
        })
        .count();
    (opens && words <= 8)
        || (handles >= 2 && words <= MAX_FORMULA_WORDS + 2)
        || where_to_ask
        || (verb_first && to_reader && words <= MAX_FORMULA_WORDS + 4)
        || (points_away && has_verb && words <= 12)
}

fn heading_reason(t: &str, words: usize, pos: &Position) -> Option<&'static str> {
    let body = t.trim_end_matches(['"', '\'', ')', ']', '”', '’', '*']);
    // A word or two standing alone, with no end mark, says nothing a reader would quote,
    // wherever it stands (a menu entry, a label left at the end of a page).
    if pos.form == Form::Line && words <= 2 && !body.ends_with(['.', '!', '?']) {
        return Some(LABEL);
    }
    // A short line with no end mark after everything else ("48th plenary meeting", "The
    // Chair", "Annex") closes the page: a reference, a signature or an empty section's
    // name, never a sentence.
    if pos.form == Form::Line
        && !pos.followed
        && words <= MAX_CLOSING_WORDS
        && !body.ends_with(['.', '!', '?', ':', ';', ','])
        && !has_finite(body)
    {
        return Some(LABEL);
    }
    // One word, end mark or not ("None.", "Agreed."), is an answer to something the page
    // no longer shows: nothing a reader could quote on its own.
    // A numbered or bulleted item with no end mark is one of its list's points ("9.
    // Accountability" among "8. Impact assessments", "10. Prohibition of dangerous AI"),
    // not an answer ("None.").
    if words == 1 && (pos.form != Form::Item || body.ends_with(['.', '!', '?'])) {
        return Some(LABEL);
    }
    // A sentence that points at items to come ("The summit agreed on the following
    // actions.", "…were as follows.") says what they are, not what is asked; last on its
    // page it still asks nothing, its items printed elsewhere or not at all.
    if points_ahead(body) {
        return Some("lead-in");
    }
    if !pos.followed {
        return None;
    }
    // Whatever its length, a unit that ends in a colon introduces what follows.
    if body.ends_with(':') {
        return Some("lead-in");
    }
    if pos.form != Form::Line {
        return None;
    }
    let starts_upper = t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if !starts_upper {
        return None;
    }
    if words <= MAX_SUBHEADING_WORDS
        && !body.ends_with(['.', '!', ';', ',', '?'])
        && !ends_unfinished(body)
    {
        return Some("sub-heading");
    }
    if words <= MAX_SUBHEADING_WORDS && body.ends_with('?') {
        return Some("question used as a heading");
    }
    None
}

/// `Key: value` where the key describes the document (author, publisher, mail headers…).
/// Several pairs on one line ("Author: X Publisher: Y") count by their first key.
fn is_metadata_key_value(t: &str) -> bool {
    let Some((key, value)) = t.split_once(':') else {
        return false;
    };
    let key = key.trim().trim_matches('*').trim().to_lowercase();
    let key = key.as_str();
    if key.is_empty() || word_count(key) > 3 || value.trim().is_empty() || key.contains("//") {
        return false;
    }
    if PICTURE_KEYS.contains(&key) {
        return true;
    }
    if is_prose_value(value) {
        return false;
    }
    known_key(key).is_some()
}

/// The first `n` words of lower-cased text, joined by single spaces, punctuation trimmed.
fn first_words(lower: &str, n: usize) -> String {
    lower
        .split_whitespace()
        .take(n)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '©'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does the text open with one of `phrases` as whole words?
fn starts_with_any(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let n = word_count(p);
        first_words(lower, n) == *p
    })
}

fn ends_like_sentence(t: &str) -> bool {
    t.trim_end_matches(['"', '\'', ')', ']', '”', '’'])
        .ends_with(['.', '!', '?'])
}

/// Most words of the term a glossary entry defines.
const MAX_TERM_WORDS: usize = 5;

/// A glossary entry: a short term, a colon, dash or "means", then its meaning ("Data
/// trust: a legal structure…", "NRI – National and Regional IGF Initiative").
fn is_definition(t: &str) -> bool {
    let split = t
        .split_once(": ")
        .or_else(|| t.split_once(" – "))
        .or_else(|| t.split_once(" — "))
        .or_else(|| t.split_once(" - "))
        .or_else(|| t.split_once(" means "));
    split.is_some_and(|(term, meaning)| {
        (1..=MAX_TERM_WORDS).contains(&word_count(term)) && word_count(meaning) >= 2
    })
}

/// The reason given to a row of event details.
pub(crate) const EVENT_DETAILS: &str = "event details (place, date, length)";

/// What a caption numbers: "Table 2. Recommendations adopted in plenary".
const CAPTIONED: &[&str] = &["table", "figure", "fig", "chart", "graph", "map", "box"];

/// Most words of a caption.
const MAX_CAPTION_WORDS: usize = 14;

/// A table's or a figure's caption: the thing it numbers, its number and a stop, colon
/// or dash, then a short title with no end mark. It names what follows; it says nothing.
fn is_caption(t: &str, words: usize) -> bool {
    let mut w = t.split_whitespace();
    let (Some(label), Some(number)) = (w.next(), w.next()) else {
        return false;
    };
    let label = label.trim_end_matches('.').to_lowercase();
    let numbered = number
        .trim_end_matches(['.', ':', '–', '—', '-'])
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.')
        && number.starts_with(|c: char| c.is_ascii_digit());
    let marked =
        number.ends_with(['.', ':']) || w.next().is_some_and(|d| matches!(d, "–" | "—" | "-"));
    CAPTIONED.contains(&label.as_str())
        && numbered
        && marked
        && words <= MAX_CAPTION_WORDS
        && !ends_like_sentence(t)
}

/// Most words of one field of a line of event details ("Port Alder Convention Centre,
/// Room C1").
const MAX_EVENT_FIELD_WORDS: usize = 12;

/// Where and when a meeting took place, as a row of fields set apart by one mark, one of
/// them a date, none a sentence: "📍 Port Alder Convention Centre, Room C1 · 🗓️ 13 May
/// 2025 · ⏱️ 90 min". It says nothing the meeting said.
fn is_event_details(t: &str) -> bool {
    crate::corpus::outline::kicker_fields(t).is_some_and(|fields| {
        fields.iter().all(|f| {
            word_count(f) <= MAX_EVENT_FIELD_WORDS
                && !ends_like_sentence(f)
                && !f.ends_with([';', ',', ':', '.', '!', '?'])
        })
    })
}

/// A dateline opens a body with a place and date, then a dash: "12 March 2024, Geneva –
/// Statement by…". What follows the dash is returned by [`split_dateline`] when it is a
/// statement of its own; here the whole unit counts when the rest only describes the document.
fn is_dateline(t: &str) -> bool {
    split_dateline(t).is_some_and(|rest| {
        let first = first_words(&rest.to_lowercase(), 1);
        DOCUMENT_NOUNS.contains(&first.as_str()) || word_count(rest) < 4
    })
}

/// Nouns that open a description of the document itself ("Statement delivered by…").
pub(crate) const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "response",
    "submission",
    "contribution",
    "comments",
    "input",
    "inputs",
    "remarks",
    "speech",
    "address",
    "intervention",
    "press",
    "joint",
    "opening",
    "closing",
    "keynote",
    "message",
    "letter",
];

/// The text after a leading "place, date –" dateline, if the unit opens with one.
pub(crate) fn split_dateline(t: &str) -> Option<&str> {
    date_before_dash(t)
        .filter(|(date, _)| word_count(date) <= 8)
        .map(|(_, rest)| rest)
}

/// A date (with perhaps a place) before the first dash among the first ten words, and the
/// text after the dash: "12 March 2024, Geneva – Statement by…", "15 April 2025 - Webinar".
fn date_before_dash(t: &str) -> Option<(&str, &str)> {
    let limit = t
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .nth(10)
        .map_or(t.len(), |(i, _)| i);
    let head = &t[..limit];
    let (cut, sep) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|sep| head.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let date = &t[..cut];
    (is_date_line(date) || is_day_of_month(date)).then(|| (date, t[cut + sep..].trim()))
}

/// "8 April", "22–24 April", "April 22-24": a day or a range of days and a month, the
/// date of a calendar entry whose year the page gives once, elsewhere.
fn is_day_of_month(date: &str) -> bool {
    let words: Vec<&str> = date.split_whitespace().collect();
    let day = |w: &str| {
        !w.is_empty()
            && w.split(['-', '–'])
                .all(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
    };
    match words.as_slice() {
        [a, b] => (day(a) && is_month(b)) || (is_month(a) && day(b)),
        _ => false,
    }
}

/// The unit is the session's title again (pages repeat their title under the header);
/// near the top of a body, a good part of the title counts too.
pub(crate) fn repeats_title(t: &str, title: &str, near_top: bool) -> bool {
    // A headline written as a sentence, or one that makes an ask, is the document's
    // position, not only its name.
    if ends_like_sentence(t) || classify(SectionKind::Other, t) == StatementKind::Recommendation {
        return false;
    }
    let a = fold(t);
    let b = fold(title);
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (aw, bw) = (a.split(' ').count(), b.split(' ').count());
    // The title with a few words of site name or section appended ("Title - Site").
    (a.starts_with(&b) && bw >= 3 && aw <= bw + 4)
        // The page's own name after the site's ("Site consultation – 2. Page name").
        || title_tail(title).is_some_and(|tail| fold(tail) == a && aw >= 2)
        // The title after the site's or event's name, as a page's footer prints it
        // ("Caribbean IGF 2025 – Chair's summary" under "CHAIR'S SUMMARY").
        || title_tail(t).is_some_and(|tail| fold(tail) == b && bw >= 2)
        // The unit is a good part of the title (a header title with added context).
        || (near_top && b.contains(&a) && aw >= 4 && aw * 3 >= bw)
}

/// Most words after "the following" at a sentence's end ("the following key actions").
const FOLLOWING_NOUN_WORDS: usize = 2;

/// Most words after a plural noun that "the following" announces: how it was done or by
/// whom ("the following recommendations by consensus", "…to the Advisory Group").
const FOLLOWING_TAIL_WORDS: usize = 4;

/// Does the sentence end by pointing at what comes next: "…the following (key)
/// actions.", "…the following recommendations by consensus." or "…as follows."?
/// "The following" before a plural noun announces items; before a singular one it may
/// be a time ("…met again the following year in Lomé"), so only the sentence's last
/// words count then.
fn points_ahead(body: &str) -> bool {
    let lower = body.trim_end_matches(['.', ':']).to_lowercase();
    let words = bare_words(&lower);
    let n = words.len();
    let following = (0..n.saturating_sub(1))
        .filter(|&i| words[i] == "the" && words[i + 1] == "following")
        .any(|i| {
            let after = n - i - 2;
            let plural = words
                .get(i + 2)
                .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"));
            (1..=FOLLOWING_NOUN_WORDS).contains(&after)
                || (plural && after <= 1 + FOLLOWING_TAIL_WORDS)
        });
    following || lower.ends_with("as follows")
}

/// The part of a title after its last separator (" – ", " | ", ": "), where a page's
/// own name follows its site's or series' name.
fn title_tail(title: &str) -> Option<&str> {
    last_part(title, &[" – ", " — ", " - ", " | ", ": "]).filter(|tail| !tail.trim().is_empty())
}

/// Lower-case alphanumeric words joined by single spaces.
fn fold(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An e-mail address or a link inside the text.
fn has_address(t: &str) -> bool {
    t.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_ascii_lowercase();
        lower.starts_with("http") && lower.contains("://")
            || lower.starts_with("www.")
            || w.split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(form: Form, index: usize) -> Position<'static> {
        Position {
            form,
            index,
            followed: true,
            title: "Harbour Cities Forum on Open Data",
            listing: Listing::Content,
        }
    }

    fn class(text: &str, pos: &Position) -> UnitClass {
        classify_unit(text, pos).0
    }

    #[test]
    fn the_page_name_after_the_site_name_repeats_the_title() {
        let title = "Harbour Forum consultation – Open tide data";
        assert!(repeats_title("Open tide data", title, false));
        assert!(!repeats_title("Open data", title, false));
        assert!(repeats_title(
            "Caribbean IGF 2025 – Chair's summary",
            "CHAIR'S SUMMARY",
            false
        ));
        assert!(!repeats_title(
            "Caribbean IGF 2025 – Summary",
            "Summary",
            false
        ));
        assert_eq!(title_tail("Site | Page"), Some("Page"));
        assert_eq!(title_tail("No separator here"), None);
    }

    #[test]
    fn a_transcripts_turn_is_read_without_its_speakers_name() {
        assert_eq!(after_speaker("AMINA YUSUF: Thank you."), "Thank you.");
        assert_eq!(
            after_speaker("MS. SILVA (BRAZIL): Hello, everyone."),
            "Hello, everyone."
        );
        assert_eq!(after_speaker("AUDIENCE: Hello."), "Hello.");
        assert_eq!(
            after_speaker("Ms. Lena Ortiz (Ministry of Ports): Thank you, Dora."),
            "Thank you, Dora."
        );
        for kept in [
            "Key issue: spectrum fees remain high.",
            "Note: the fund is open.",
            "A: Participants suggested a fund.",
            "THE FIVE STEPS WE AGREED ON TODAY: publish data",
            "Next Steps: Publish the data.",
        ] {
            assert_eq!(after_speaker(kept), kept);
        }
        let p = Position::anywhere();
        assert_eq!(class("AMINA YUSUF: Thank you.", &p), UnitClass::Procedural);
        assert_eq!(
            class("AMINA YUSUF: Regulators should reserve spectrum.", &p),
            UnitClass::Statement
        );
    }

    #[test]
    fn a_browsers_print_header_and_footer_are_metadata() {
        for stamp in [
            "11/29/26, 10:18 PM Policy brief",
            "1 1 /2 9 /2 6 , 1 0 :1 8 PM Policy brief",
            "https://example.org/briefs/cables.html 2/3",
            "file:///tmp/brief.html 1 /1",
        ] {
            assert!(is_print_stamp(&stamp.to_lowercase()), "{stamp}");
        }
        for text in [
            "On 11/29/26 the ministers met again.",
            "See https://example.org for the 24/7 hotline",
            "Published 3/4/2025",
        ] {
            assert!(!is_print_stamp(&text.to_lowercase()), "{text}");
        }
    }

    #[test]
    fn metadata_forms() {
        let body = at(Form::Line, 7);
        for text in [
            "Rapporteur: Ada Quill",
            "Author: Northwind Trust Publisher: Open Harbour",
            "Published 03.04.25",
            "By Ada Quill and Ben Ode",
            "Photo by Lena Park on Pixabay",
            "On Mon, Jun 3, 2024 at 10:15 AM Ben Ode <ben@example.org> wrote:",
            "Harbour Cities Forum on Open Data",
            "Harbour Cities Forum on Open Data - News",
            "Subscribe: list@example.org",
            "0 / 17",
        ] {
            assert_eq!(class(text, &body), UnitClass::Metadata, "{text}");
        }
        // A dateline only where a body begins.
        let dateline = "4 March 2025, Lisbon - Remarks by the delegation of Northwind";
        assert_eq!(class(dateline, &at(Form::Line, 1)), UnitClass::Metadata);
        assert_eq!(
            class(dateline, &at(Form::Sentence, 9)),
            UnitClass::Statement
        );
        // A sentence that only opens with a date is news, not a dateline.
        let news = "On 4 March 2025, the forum adopted its harbour data charter.";
        assert_eq!(class(news, &at(Form::Sentence, 0)), UnitClass::Statement);
    }

    #[test]
    fn procedural_forms() {
        let pos = at(Form::Line, 2);
        for text in [
            "Good afternoon Chair, distinguished delegates,",
            "Colleagues, friends,",
            "Excellencies,",
            "(As delivered)",
            "[Applause]",
            "Thank you, Madam Chair.",
            "Best wishes,",
            "Cheers Ben",
            "Read the full statement",
            "Download the report here.",
            "You can find the agenda here.",
            "To learn more about the session, read it in full.",
            "Subscribe to our newsletter to get posts like this one in your inbox.",
            "Follow the Assembly on X and Facebook: @Assembly25 #Assembly25",
            "The Chair thanked the host government and the sponsors of the meeting.",
            "The forum expressed its gratitude to the city of Suva for hosting it.",
            "The Forum thanks the Government of the Lakes Province for its hospitality.",
            "Thank you to everyone who came along, and to the library for hosting us.",
        ] {
            assert_eq!(class(text, &pos), UnitClass::Procedural, "{text}");
        }
        // Thanks with an ask, or thanks to something that happened, is a statement.
        for text in [
            "Participants thanked the hosts and called for a permanent cable repair fund.",
            "Thanks to community networks, three valleys are now online.",
            "Thank you, colleagues: the draft would duplicate what the ports already do.",
            "Follow the example of #Tonga, which publishes every licence.",
        ] {
            assert_eq!(class(text, &pos), UnitClass::Statement, "{text}");
        }
    }

    #[test]
    fn notes_on_the_documents_handling_are_procedural() {
        let pos = at(Form::Line, 2);
        for text in [
            "The Secretariat will present this synthesis at the plenary on 6 June 2025.",
            "This summary report will be circulated to all delegations.",
            "The present note is submitted for information.",
            "KR: reminder that comments close on Friday, inputs of one page please",
            "Reminder: the next call is on 4 March.",
        ] {
            assert_eq!(class(text, &pos), UnitClass::Procedural, "{text}");
        }
        // The document as the one who speaks, another document handled, or a call to
        // handle it: statements.
        for text in [
            "The present report summarizes the discussions of the workshop held in Lomé.",
            "This compilation brings together the reports submitted by the rapporteurs.",
            "Governments should publish the findings of this report in every language.",
            "The Secretariat will circulate this report to member states and",
        ] {
            assert_eq!(class(text, &pos), UnitClass::Statement, "{text}");
        }
    }

    #[test]
    fn one_word_is_a_statement_only_as_a_point_of_a_list() {
        for pos in [at(Form::Line, 6), at(Form::Item, 6), Position::anywhere()] {
            for text in ["None.", "Accountability", "Agreed!"] {
                if pos.form == Form::Item && text == "Accountability" {
                    // "9. Accountability" among "8. Impact assessments": a point.
                    assert_eq!(classify_unit(text, &pos), (UnitClass::Statement, None));
                    continue;
                }
                assert_eq!(
                    classify_unit(text, &pos),
                    (UnitClass::Heading, Some(LABEL)),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn a_line_whose_every_sentence_speaks_to_the_reader_is_procedural() {
        let pos = at(Form::Line, 1);
        // A mail's first line was a statement (or the organizer, at the top).
        assert_eq!(
            classify_unit("Having trouble reading this email? View in browser", &pos),
            (
                UnitClass::Procedural,
                Some("question or instruction to the reader")
            )
        );
        // A finding before the pointer is still a finding.
        assert_eq!(
            classify_unit(
                "Ports shared tide data for the first time. Read the full report here.",
                &pos
            )
            .0,
            UnitClass::Statement
        );
    }

    #[test]
    fn a_calendar_entry_without_its_year_is_a_dated_listing() {
        let pos = at(Form::Line, 5);
        // Statements before: the year stands once above the calendar, not on each row.
        for text in [
            "22–24 April — Harbour Data Summit, Valletta",
            "8 May - Webinar: tide sensors for small ports",
            "June 3-5 – Regional ports forum, Mombasa",
        ] {
            assert_eq!(
                classify_unit(text, &pos),
                (UnitClass::Metadata, Some("dated listing")),
                "{text}"
            );
        }
        assert_eq!(
            classify_unit("22 ports — most of them small — share one registry.", &pos).0,
            UnitClass::Statement
        );
    }

    #[test]
    fn a_line_disclaiming_a_kind_of_document_notes_the_document() {
        let pos = at(Form::Line, 3);
        for text in [
            "This is not an official record.",
            "Not an approved record",
            "This summary is not a negotiated text.",
        ] {
            assert_eq!(
                classify_unit(text, &pos),
                (UnitClass::Metadata, Some(NOTE_ON_THE_DOCUMENT)),
                "{text}"
            );
        }
        for text in [
            "This is not a new fund but an old one renamed.",
            "Not a single report reached the small ports in time for the season.",
            "Not a single report arrived.",
        ] {
            assert_ne!(
                classify_unit(text, &pos).1,
                Some(NOTE_ON_THE_DOCUMENT),
                "{text}"
            );
        }
    }

    #[test]
    fn page_numbers_are_metadata() {
        let pos = at(Form::Line, 5);
        for text in [
            "Page 1 of 2",
            "page 14",
            "p. 3",
            "3 / 12",
            "12 of 40",
            "- 7 -",
            "14",
            "Slide 4",
        ] {
            assert_eq!(
                classify_unit(text, &pos),
                (UnitClass::Metadata, Some("page number")),
                "{text}"
            );
        }
        for text in [
            "Page layout matters for screen readers.",
            "Page 3 shows the map.",
        ] {
            assert_ne!(classify_unit(text, &pos).1, Some("page number"), "{text}");
        }
        // A footer's page count is printed at either end of it.
        for text in [
            "Summary record T-04 / Forum 2025 -- Page 1 of 3",
            "Page 3 of 3 Uncorrected transcript - not an approved record",
        ] {
            assert_eq!(classify_unit(text, &pos).1, Some(PAGE_FOOTER), "{text}");
        }
        let prose = "Page 3 of 3 of the annex lists every port that has agreed to publish \
                     its tide data, with the date it first did so and the format it uses.";
        assert_ne!(classify_unit(prose, &pos).1, Some(PAGE_FOOTER));
    }

    #[test]
    fn subheadings_stand_alone_before_more_text() {
        let line = at(Form::Line, 3);
        assert_eq!(class("Water and open data", &line), UnitClass::Heading);
        assert_eq!(
            class("Why should ports share their data?", &line),
            UnitClass::Heading
        );
        // The same words as a list item are a statement (bullets often lack a period).
        assert_eq!(
            class("Water and open data", &at(Form::Item, 3)),
            UnitClass::Statement
        );
        // Nothing follows: a last line is not a heading of anything, though a short one
        // with no verb closes the page ("48th plenary meeting", "The Chair").
        let last = Position {
            followed: false,
            ..line
        };
        assert_eq!(
            class("Water and open data for every coastal town", &last),
            UnitClass::Statement
        );
        assert_eq!(class("48th plenary meeting", &last), UnitClass::Heading);
        assert_eq!(class("We will continue to p", &last), UnitClass::Statement);
        assert_eq!(class("Menu", &last), UnitClass::Heading);
        // One word says nothing quotable, end mark or not (`one_word_is_never_a_statement`).
        assert_eq!(class("Agreed.", &last), UnitClass::Heading);
        assert_eq!(class("Agreed by all.", &last), UnitClass::Statement);
        // A sentence of any form that ends in a colon introduces what follows.
        assert_eq!(
            class("Here are the main points:", &at(Form::Sentence, 4)),
            UnitClass::Heading
        );
    }

    #[test]
    fn statements_stay_statements() {
        let pos = at(Form::Sentence, 5);
        let headline = Position {
            title: "Cities must open their port data",
            ..pos
        };
        for text in [
            "Cities must open their port data",
            "To have open ports, we need open port data.",
        ] {
            let headline = Position {
                title: text,
                ..headline
            };
            assert_eq!(class(text, &headline), UnitClass::Statement, "{text}");
        }
        for text in [
            "Ports should publish their tide data under an open licence.",
            "Recommendation: fund a shared registry of harbour sensors.",
            "We thank the hosts and call on cities to publish their budgets openly by 2027.",
            "Read-only access is not enough; cities must be able to reuse the data.",
            "By 2030, every port should publish real-time berth data.",
        ] {
            assert_eq!(class(text, &pos), UnitClass::Statement, "{text}");
        }
    }

    #[test]
    fn people_under_a_speakers_heading() {
        let pos = Position {
            listing: Listing::People,
            ..at(Form::Item, 8)
        };
        assert_eq!(
            class("Ada Quill, Northwind Trust", &pos),
            UnitClass::Metadata
        );
    }

    #[test]
    fn a_line_counting_readers_responses_is_metadata() {
        let p = Position::anywhere();
        for t in [
            "👍❤️💡 214 · 37 comments · 12 reposts",
            "1.2k views | 48 replies",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Metadata, Some("count of readers' responses")),
                "{t}"
            );
        }
        for t in [
            "37 comments were received from harbour masters.",
            "Ports shared 214 reports · most of them late",
        ] {
            assert_eq!(classify_unit(t, &p).0, UnitClass::Statement, "{t}");
        }
    }

    #[test]
    fn a_submissions_opening_courtesy_is_thanks() {
        let p = Position::anywhere();
        for t in [
            "We welcome the opportunity to comment on the draft recommendations of the Harbour Forum.",
            "The Union is grateful for the opportunity to respond to the consultation.",
        ] {
            assert_eq!(classify_unit(t, &p), (UnitClass::Procedural, Some("thanks")), "{t}");
        }
        let ask = "We welcome the opportunity to establish a regional cable repair fund.";
        assert_eq!(classify_unit(ask, &p).0, UnitClass::Statement);
    }

    #[test]
    fn minutes_housekeeping_is_procedure() {
        let p = Position::anywhere();
        for t in [
            "Apologies were received from T. Rehn.",
            "The minutes of the meeting of 3 March 2025 were approved without amendment.",
            "The next meeting will be held online on 9 September 2025.",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Procedural, Some("meeting procedure")),
                "{t}"
            );
        }
        for t in [
            "The next harbour dredging programme should start in 2027.",
            "The minutes of the tide gauges were logged by volunteers in every port.",
        ] {
            assert_eq!(classify_unit(t, &p).0, UnitClass::Statement, "{t}");
        }
    }

    #[test]
    fn the_meetings_account_of_itself_is_procedure() {
        let p = Position::anywhere();
        // Scene-setting from an invented forum's reports had formed a recurring
        // observation named after the forum's secretariat.
        for t in [
            "The session, organised by the Harbour Alliance, brought together 40 harbour \
             masters from six countries.",
            "Around 90 participants attended in person and a further 140 online.",
            "The Forum closed with a plenary at which the rapporteurs presented their \
             conclusions.",
            "The Chair declared the Forum closed at 16:40.",
            "The session was held on the first afternoon and was attended by about 120 \
             participants. It was organised by the Secretariat.",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Procedural, Some(RECOUNT)),
                "{t}"
            );
        }
        for t in [
            "The session concluded that tide records should be open to all.",
            "The Forum closed with a call for open tide records.",
            "More than 400 delegates from 11 countries called for a regional fund.",
            "The workshop brought together evidence that tide gauges are failing.",
        ] {
            assert_eq!(classify_unit(t, &p).0, UnitClass::Statement, "{t}");
        }
        // The event's details, its name long, with a note in brackets ("closed").
        let t = "Regional Forum on Harbour Data and Storm Resilience 2026 · Kessel City · 12 \
                 March 2026 · 11:00–13:00 · Ministerial Suite (closed session)";
        assert_eq!(
            classify_unit(t, &p),
            (UnitClass::Metadata, Some(EVENT_DETAILS))
        );
    }

    #[test]
    fn the_meetings_own_clock_is_procedure() {
        let p = Position::anywhere();
        for t in [
            "The session concluded at 17:30.",
            "The meeting was called to order at 10:05 by the Chair.",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Procedural, Some("meeting procedure")),
                "{t}"
            );
        }
        for t in [
            "The session heard at 10:00 that the repair fund was empty.",
            "The session concluded that community networks need a fund of their own.",
        ] {
            assert_eq!(classify_unit(t, &p).0, UnitClass::Statement, "{t}");
        }
    }

    #[test]
    fn a_sentence_announcing_the_items_below_is_their_lead_in() {
        let p = Position::anywhere();
        for t in [
            "The summit agreed on the following actions.",
            "The session adopted the following recommendations by consensus.",
            "The workshop transmits the following proposals to the Advisory Group.",
            "The outcomes were as follows.",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Heading, Some("lead-in")),
                "{t}"
            );
        }
        // Last on its page, it still asks nothing.
        let last = Position {
            followed: false,
            ..Position::anywhere()
        };
        let t = "The following recommendations were agreed by participants.";
        assert_eq!(
            classify_unit(t, &last),
            (UnitClass::Heading, Some("lead-in"))
        );
        // "The following" as a time, or a plural it does not announce, states something.
        for t in [
            "The network was repaired the following year by the cable operator.",
            "The following speakers argued that the fund should be regional, not global.",
        ] {
            assert_eq!(classify_unit(t, &p).0, UnitClass::Statement, "{t}");
        }
    }

    #[test]
    fn a_head_line_saying_who_delivered_the_text_is_a_byline() {
        let p = Position {
            index: 0,
            ..Position::anywhere()
        };
        let t = "Statement of the Port Alliance delivered by Ms. Ana Lima, Head of Delegation";
        assert_eq!(classify_unit(t, &p), (UnitClass::Metadata, Some("byline")));
        // A sentence that is only a byline, its participle first.
        let t = "Organised by the Water Alliance (IPWA) with the Ministry of Water.";
        assert_eq!(classify_unit(t, &p), (UnitClass::Metadata, Some("byline")));
        // A sentence, or a lead-in, that names an agent is not one.
        for t in [
            "The charter was adopted by Member States in May.",
            "The following paragraphs were agreed by Member States:",
        ] {
            assert_ne!(classify_unit(t, &p).1, Some("byline"), "{t}");
        }
    }

    #[test]
    fn index_terms_attendance_and_picture_lines_are_metadata() {
        let p = Position::anywhere();
        // Each had been a statement (the first had titled an invented session report).
        for t in [
            "Keywords: open data, hydrology, licensing, gauging stations",
            "Present: Joseph Banda (JB, Chair); Aisha Kone (AK); Grace Wambui (GW)",
            "Participants: H.E. Ms. Rosa Mbeya, Minister of Water (Chair); Mr. Tomas Vireo",
            "Panel: Dr. Halima Osei (ABC); Prof. Daniel Ngata (Kessel Law School).",
            "Distribution: Forum participants; RWDP Secretariat; Cabinet Office.",
            // A caption is about its picture, however much of a sentence it is.
            "Photo: Ms. Tesfaye shows a mechanical water meter to participants.",
            "Photo caption: Students demonstrate a plastic rain gauge at the Youth Corner.",
        ] {
            assert_eq!(classify_unit(t, &p).0, UnitClass::Metadata, "{t}");
        }
        // A label over prose is no field.
        let t = "Participants: the group agreed that meters should be voluntary for small farms.";
        assert_eq!(classify_unit(t, &p).0, UnitClass::Statement, "{t}");
    }

    #[test]
    fn a_row_of_figures_is_metadata() {
        let p = Position::anywhere();
        for t in [
            "Civil Society: 11",
            "Responses received: 1,204",
            "Share of ports: 45%",
            // A survey's table: its items label the shares that agreed (they had been
            // statements, and "Fees for high-value datasets are fair" supported fees).
            "| Harbour dues for tide data are fair | 9 | 14 | 14 | 33 | 30 |",
            "Kenya — 42% — 55%",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Metadata, Some(FIGURE_ROW)),
                "{t}"
            );
        }
        for t in [
            "Goal: 100 ports connected by 2030.",
            "Note: 11 ports replied late.",
            "| Ports should publish tide data | Harbour office | 2026 |",
        ] {
            assert_ne!(classify_unit(t, &p).1, Some(FIGURE_ROW), "{t}");
        }
    }

    #[test]
    fn a_document_symbol_with_or_without_its_label_is_metadata() {
        let p = Position::anywhere();
        for t in [
            "ICDR/2025/INF/3",
            "Document BNDCF25/WS-C3/OUT",
            "Symbol: A/HRC/99/12",
            // A letter's reference had been a communiqué's title.
            "Ref. SGTD-HDF-2026-017",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Metadata, Some(DOCUMENT_SYMBOL)),
                "{t}"
            );
        }
        for t in [
            "Ports and/or harbours/marinas",
            "See the report at 2025/3/4 for more",
        ] {
            assert_ne!(classify_unit(t, &p).1, Some(DOCUMENT_SYMBOL), "{t}");
        }
    }

    #[test]
    fn a_tables_caption_is_metadata() {
        let p = Position::anywhere();
        for t in [
            "Table 2. Recommendations adopted in plenary",
            "Figure 3: Landings by port, 2020–2024",
            "Box 1 – What the harbours agreed",
        ] {
            assert_eq!(
                classify_unit(t, &p),
                (UnitClass::Metadata, Some("caption of a table or figure")),
                "{t}"
            );
        }
        for t in [
            "Table 2 shows that landings doubled.",
            "Table 2. Harbours should publish their tide records.",
            "Tables of landings should be published every month",
        ] {
            assert_ne!(
                classify_unit(t, &p).1,
                Some("caption of a table or figure"),
                "{t}"
            );
        }
    }

    #[test]
    fn captions_naming_people_are_metadata() {
        let p = Position::anywhere();
        for t in [
            "From left: Ana Lima, Ben Okafor, Chen Wei, Dana Weiss",
            "Maria van der Berg, Tomas Novak and Lea Roux",
            "Samira Haddad, Policy Lead at Open Harbours",
            // A minutes' attendance list: a title and a name, then who the person is with.
            "Dr. Ngozi Okafor, Coastal Ecology Research Unit",
            "Mr. Samba Ndiaye, trawler owner, Dakar",
            "Ms. Fatou Ba, Harbour Secretariat (Secretary)",
            // Who moved and seconded a motion, the line closed by a stop.
            "Proposed: M. Pascoe.",
            "In attendance: C. Byrne (Secretariat, minutes)",
            "Seconded: A. Lynch.",
        ] {
            assert_eq!(classify_unit(t, &p).0, UnitClass::Metadata, "{t}");
        }
        for t in [
            "Data Governance, Digital Trust, Cyber Security",
            "Ports, sensors and open data must be funded together.",
            "Ana Lima said ports should publish tide data.",
            "Dr. Okafor observed that evidence on seabed damage remains patchy.",
            "Mr. Diallo, speaking for the canoe fishers, asked for a ban on trawling.",
            "Action: J. Mwangi to circulate the tide data.",
        ] {
            assert_ne!(classify_unit(t, &p).1, Some(NAMES_OF_PEOPLE), "{t}");
        }
    }
}
