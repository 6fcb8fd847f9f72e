//! One source line, classified by its form alone.
//!
//! [`classify_line`] is pure: it strips a line's markup once (Markdown heading marks,
//! emphasis, list numbering) and says what the line is when nothing around it is known:
//! a rule, a heading, a list item, a template prompt, metadata, furniture or text. That
//! first reading is what the body of a document mostly is; the state machine
//! (`machine.rs`) overrules it in context (a line that continues the paragraph above,
//! a preamble line, a bracketed line right after a heading) from the facts every
//! non-blank line carries in its [`Shape`].

use crate::corpus::prose::{
    as_url, clean_line, ends_unfinished, ends_with_terminal, has_clock_time, is_date_line,
    is_prose_value, split_sentences, word_count,
};
use crate::corpus::read::CELL_SEPARATOR;
use crate::corpus::template::{
    known_key, MetaField, AGENDA_HEADINGS, BANNERS, GLOSSARY_HEADINGS, MEETING_BUSINESS,
    MEETING_RECORDS, NOT_SECTIONS, OTHER_HEADINGS, PEOPLE_HEADINGS, PROMPT_WORDS, SECTION_PATTERNS,
    SOURCES_HEADINGS, STAMPS, TEMPLATE_HEADING_STARTS,
};
use crate::corpus::unit::{furniture_line, Listing, UnitClass, DATE, RUNNING_HEADER};
use crate::corpus::SectionKind;
use std::borrow::Cow;

/// Longest line (in words) that can still be a heading.
pub(super) const MAX_HEADING_WORDS: usize = 16;

/// Most words on the first line of a heading the layout wrapped onto a second line.
const MAX_WRAPPED_HEADING_WORDS: usize = 12;

/// A source line as the outliner's state machine receives it.
#[derive(Debug, Clone)]
pub(crate) enum Line<'a> {
    /// Nothing but whitespace.
    Blank,
    /// `---`, `***`, `===`, `___`: a rule, or the Setext underline of the line above.
    Rule {
        /// Heading level a `===` (1) or `---` (2) gives the line above if it underlines it.
        underline: Option<usize>,
        /// The line's text and facts.
        shape: Shape<'a>,
    },
    /// A heading by its marks, words or form.
    Heading {
        /// The heading it would open.
        heading: Heading,
        /// How sure its form is, which decides where context may overrule it.
        cue: Cue,
        /// The line's text and facts.
        shape: Shape<'a>,
    },
    /// A bulleted or numbered list item.
    Item {
        /// How it is numbered.
        marker: Marker,
        /// The item's text after its marker.
        text: &'a str,
        /// The line's text and facts.
        shape: Shape<'a>,
    },
    /// A bracketed instruction of the template to its authors ("(3-5 bullet points …)").
    Prompt(Shape<'a>),
    /// A link, a date or a `Key: value` line of front matter.
    Meta {
        /// Why it is metadata, for the report.
        reason: &'static str,
        /// The front-matter field it states, if it is one.
        field: Option<FrontMatter>,
        /// The line's text and facts.
        shape: Shape<'a>,
    },
    /// A byline, greeting or sign-off: furniture by its own form, though short like a heading.
    Furniture {
        /// Metadata or procedural.
        class: UnitClass,
        /// Why, for the report.
        reason: &'static str,
        /// The line's text and facts.
        shape: Shape<'a>,
    },
    /// Anything else: a line of a paragraph.
    Text(Shape<'a>),
}

impl<'a> Line<'a> {
    /// The text and facts of a non-blank line.
    pub(super) fn shape(&self) -> Option<&Shape<'a>> {
        match self {
            Line::Blank => None,
            Line::Rule { shape, .. }
            | Line::Heading { shape, .. }
            | Line::Item { shape, .. }
            | Line::Meta { shape, .. }
            | Line::Furniture { shape, .. }
            | Line::Prompt(shape)
            | Line::Text(shape) => Some(shape),
        }
    }
}

/// What a non-blank line carries whatever it was classified as: its text as written and as
/// read, and the facts the state machine needs to read it in context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shape<'a> {
    /// The line as written, trimmed.
    pub source: &'a str,
    /// Width of its leading whitespace, a tab counting four.
    pub indent: usize,
    /// The text without Markdown heading marks, emphasis or numbering.
    pub plain: String,
    /// It opens with a list marker.
    pub item: bool,
    /// It is wholly in parentheses or brackets.
    pub bracketed: bool,
    /// It starts with a lowercase letter, as the rest of a wrapped sentence does.
    pub starts_lower: bool,
    /// As written, it reads as a heading (capitals or a known section name): a line that
    /// does not continue a finished sentence above it.
    pub heading_like: bool,
    /// As written, it is a link or a date: never the tail of an item cut by a page break.
    pub meta_like: bool,
    /// It names a known section, as a heading does.
    pub names_section: bool,
    /// It is one of the template's own headings, which end a preamble even before a title.
    pub template_heading: bool,
    /// It names a part outside the known sections (speakers, annex…).
    pub leaves_sections: bool,
    /// What its neighbours say of it: ended by choice, wrapped by a layout ([`Break`]).
    pub around: Break,
}

/// How a list item is numbered; a change of family can signal nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// `-`, `•`, `*` and friends.
    Symbol,
    /// `1.`, `1)`, `(1)`, `1.2`.
    Number,
    /// `a)`, `(a)`, `a.`, `i.`, `iv)`.
    Letter,
    /// None written: one of a run of unpunctuated lines, the marker drawn by the layout.
    Drawn,
}

/// How sure a heading's form is: where the state machine may still read it otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Markdown `#` marks: a heading wherever it stands, even under an unfinished sentence.
    Marked,
    /// A known section name, capitals, a bold line or a numbered section: a heading unless
    /// it is the wrapped rest of the text above.
    Plain,
    /// A short capitalised line: a heading only where it stands apart (after a blank line,
    /// or with no item or paragraph open).
    Apart,
}

/// A heading read off a line (or, for a Setext heading, off the line it underlines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// The heading's text, as reported.
    pub text: String,
    /// Its level: `#` count, 1 for a section name or capitals, 2 for a sub-heading.
    pub level: usize,
    /// Its form marks it as a heading (`#`, an underline, capitals): an unknown explicit
    /// heading at or above the current section's level closes that section.
    pub explicit: bool,
    /// What its words say about the section it opens.
    pub topic: Topic,
}

/// What a heading's words say about the section it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Topic {
    /// The known section it names, if any.
    pub section: Option<SectionKind>,
    /// What its lines list when not content (people, works cited).
    pub listing: Listing,
    /// It leaves the known sections (speakers, annexes…).
    pub leaves: bool,
}

impl Topic {
    /// Read a heading's text.
    pub(super) fn of(text: &str) -> Topic {
        // A question put to the reader ("Question 4: Should the forum adopt negotiated
        // recommendations?") names what was asked, not the kind of text under it: the
        // answers under it are results, not recommendations.
        let question = text.trim_end().ends_with('?');
        Topic {
            section: known_section(text).filter(|_| !question),
            listing: listing_of(text),
            leaves: is_other_heading(text),
        }
    }
}

/// A `Key: value` line of front matter whose key is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// The session field it fills; `None` for metadata that fills none (author, mail headers…).
    pub field: Option<MetaField>,
    /// The value, cleaned.
    pub value: String,
}

impl FrontMatter {
    /// The link a `URL:`/`Source:` value gives, if any: "Source: Reuters" gives none.
    pub(super) fn link(&self) -> Option<String> {
        as_url(&self.value).or_else(|| first_link(&self.value))
    }
}

/// A Markdown blockquote's `>` marks (nested too) are layout: the words are what is quoted.
fn strip_blockquote(line: &str) -> &str {
    let mut t = line;
    while let Some(rest) = t.strip_prefix('>') {
        if !(rest.is_empty() || rest.starts_with([' ', '>'])) {
            break;
        }
        t = rest.trim_start();
    }
    t
}

/// Classify one source line by its form and by what its neighbours say of it ([`Break`]).
pub(crate) fn classify_line(raw: &str, around: Break) -> Line<'_> {
    let source = strip_blockquote(raw.trim());
    if source.is_empty() {
        return Line::Blank;
    }
    let plain = strip_markup(source);
    // Emphasis can hide numbering ("**1.** Key Issues" reads "1. Key Issues"): the section
    // tests look once more, after the emphasis is gone.
    let bare = strip_markup(&plain);
    let bullet = parse_bullet(source)
        .or_else(|| bold_enumerator(source))
        .or_else(|| {
            around
                .numbered
                .then(|| bare_number(source).map(|(_, text)| (Marker::Number, text)))
                .flatten()
        })
        .or_else(|| around.listed.then_some((Marker::Drawn, source)));
    let url = as_url(source);
    let date = is_date_line(source);
    // The first line of a paragraph the layout wrapped is no heading for a section word
    // it reaches late ("This brief draws together the outcomes of three regional
    // meetings held in …"); a wrapped heading names its section first.
    // Nor is a wrapped line that fills a page's width in a sentence's lowercase ("The
    // discussion also touched on the role of standard contractual clauses, certification
    // schemes" / "and codes of conduct…"): a heading that wraps is set in a narrow column,
    // or in title case ("Key Recommendations and Forward-Looking Action Plan for the…").
    let wrapped_sentence = around.wraps
        && (!section_near_start(&bare)
            || (word_count(&bare) > MAX_WRAPPED_HEADING_WORDS && !title_cased(&bare)));
    let names_section = known_heading(&bare) && !wrapped_sentence;
    let shape = Shape {
        source,
        indent: indent_width(raw),
        item: bullet.is_some(),
        bracketed: is_bracketed(source),
        starts_lower: source.starts_with(char::is_lowercase),
        heading_like: is_all_caps(source) || (known_heading(&plain) && !wrapped_sentence),
        meta_like: url.is_some() || date,
        names_section,
        template_heading: names_section && is_template_heading(&plain),
        leaves_sections: is_other_heading(&plain),
        around,
        plain,
    };
    // A running header or footer is furniture whatever its words, unless it names a
    // section (a report may repeat "Recommendations" under every session it covers).
    if around.running && !shape.names_section {
        return Line::Furniture {
            class: UnitClass::Metadata,
            reason: RUNNING_HEADER,
            shape,
        };
    }
    if around.footnote {
        return Line::Furniture {
            class: UnitClass::Boilerplate,
            reason: FOOTNOTE,
            shape,
        };
    }
    if let Some(reason) = around.foreign {
        return Line::Furniture {
            class: UnitClass::Boilerplate,
            reason,
            shape,
        };
    }
    if around.contents || is_contents_entry(source) {
        return Line::Furniture {
            class: UnitClass::Boilerplate,
            reason: CONTENTS_ENTRY,
            shape,
        };
    }
    if is_header_row(source) {
        return Line::Furniture {
            class: UnitClass::Heading,
            reason: TABLE_HEADER,
            shape,
        };
    }
    if is_rule(source) {
        let underline = match source.chars().next() {
            Some('=') => Some(1),
            Some('-') => Some(2),
            _ => None,
        };
        return Line::Rule { underline, shape };
    }
    if let Some((level, text)) = markdown_heading(source) {
        let heading = Heading {
            text: text.to_owned(),
            level,
            explicit: true,
            topic: Topic::of(text),
        };
        return Line::Heading {
            heading,
            cue: Cue::Marked,
            shape,
        };
    }
    if let Some((marker, text)) = bullet {
        if let Some(heading) = numbered_heading(&shape.plain, marker, around)
            .or_else(|| outline_heading(source, text, around.body_follows))
            .or_else(|| capitals_heading(text, marker, around.body_follows))
        {
            return Line::Heading {
                heading,
                cue: Cue::Plain,
                shape,
            };
        }
        if is_prompt(&shape) {
            return Line::Prompt(shape);
        }
        return Line::Item {
            marker,
            text,
            shape,
        };
    }
    if let Some(heading) = symbol_heading(&shape.plain, around.body_follows) {
        return Line::Heading {
            heading,
            cue: Cue::Plain,
            shape,
        };
    }
    // The tail of a wrapped sentence is read with its sentence, not on its own form; a
    // labelled field ("Host: …") starts a line of its own.
    if around.continues && front_matter(source).is_none() {
        return Line::Text(shape);
    }
    let meta = |reason, field| (reason, field);
    let metadata = if url.is_some() {
        Some(meta("link", None))
    } else if let Some(front) = front_matter(source) {
        // "Date: 11 March 2026" fills the date with its value, not with its label too.
        Some(meta(if date { DATE } else { "front matter" }, Some(front)))
    } else if date && word_count(source) <= 8 {
        Some(meta(DATE, None))
    } else {
        None
    };
    if let Some((reason, field)) = metadata {
        return Line::Meta {
            reason,
            field,
            shape,
        };
    }
    // "Thank you for the chance to comment. Please" wrapping onto "find below…": the
    // thanks is one sentence of a paragraph, read with it.
    // So is a line whose sentence goes on unfinished onto the next ("The Chair opened the
    // session by recalling that only seven of the region's" / "economies have…"): read
    // alone it had been a record of procedure, and its sentence was cut in two.
    let starts_a_paragraph = around.goes_on
        && ([". ", "! ", "? "]
            .iter()
            .any(|end| shape.plain.contains(end))
            || (!ends_with_terminal(&shape.plain) && words_of_prose(&shape.plain)));
    if let Some((class, reason)) = furniture_line(&shape.plain).filter(|_| !starts_a_paragraph) {
        return Line::Furniture {
            class,
            reason,
            shape,
        };
    }
    if let Some((heading, cue)) = plain_heading(&shape, around.body_follows) {
        return Line::Heading {
            heading,
            cue,
            shape,
        };
    }
    if is_prompt(&shape) {
        return Line::Prompt(shape);
    }
    Line::Text(shape)
}

/// Are most of the line's longer words capitalised, as a heading's are ("Key
/// Recommendations and Forward-Looking Action Plan for the…"), not a sentence's?
fn title_cased(plain: &str) -> bool {
    let longer: Vec<&str> = plain
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let capitalised = longer
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    capitalised * 2 > longer.len()
}

/// Fewest words of letters in a line whose unfinished sentence is read with the next line
/// rather than as furniture on its own (a page number, "Page 2 of 5", has fewer).
const PROSE_LINE_WORDS: usize = 5;

/// Does the line hold a run of prose ([`PROSE_LINE_WORDS`] words of letters or more)?
fn words_of_prose(plain: &str) -> bool {
    plain
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= PROSE_LINE_WORDS
}

/// "1. Key Issues" is a heading; "3. Establish clear outcomes" is an item, and so is a
/// numbered paragraph whose sentence opens on a section's word and goes on ("3. Many
/// participants supported…" wrapping onto "of five or ten years…").
fn numbered_heading(plain: &str, marker: Marker, around: Break) -> Option<Heading> {
    if matches!(marker, Marker::Symbol | Marker::Drawn) || around.goes_on {
        return None;
    }
    let core = strip_numbering(plain);
    let topic = Topic::of(core);
    (topic.section.is_some() && section_near_start(core)).then(|| Heading {
        text: core.to_owned(),
        level: 1,
        explicit: false,
        topic,
    })
}

/// "1. OPENING", "IV. PANELLIST INTERVENTIONS": a numbered line set in capitals with text
/// after it is a section's heading, whatever its words; items of a list are not set so.
fn capitals_heading(text: &str, marker: Marker, body_follows: bool) -> Option<Heading> {
    let numbered = !matches!(marker, Marker::Symbol | Marker::Drawn);
    (numbered && body_follows && is_all_caps(text)).then(|| Heading {
        text: text.to_owned(),
        level: 1,
        explicit: true,
        topic: Topic::of(text),
    })
}

/// The reason given to a footnote.
pub(super) const FOOTNOTE: &str = "footnote";

/// The reason given to a line of a table of contents.
const CONTENTS_ENTRY: &str = "table of contents";

/// "2. Recommendations ........ 3", "Annex A … … 12": a title, a leader of dots, a page
/// number, or one link to a section of the page. Such a line points to a section; it
/// neither opens one nor says anything.
fn is_contents_entry(source: &str) -> bool {
    is_anchor_link(source) || has_page_leader(source)
}

/// "1. [Background](#background)", "- [See also](#see-also)": an item that is one link to
/// a place in the page itself, as a Markdown page's table of contents lists its sections.
fn is_anchor_link(source: &str) -> bool {
    let t = source.trim();
    let item = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')', '-', '*', '+'])
        .trim_start();
    item.strip_prefix('[')
        .and_then(|r| r.split_once("](#"))
        .is_some_and(|(label, rest)| {
            !label.contains([']', '['])
                && rest.ends_with(')')
                && !rest[..rest.len() - 1].contains([')', ' '])
        })
}

/// A title, a leader of dots and a page number: see [`is_contents_entry`].
fn has_page_leader(source: &str) -> bool {
    let t = source.trim_end();
    let Some(before_page) = t
        .strip_suffix(|c: char| c.is_ascii_digit())
        .map(|r| r.trim_end_matches(|c: char| c.is_ascii_digit()))
    else {
        return false;
    };
    let leader = before_page.trim_end();
    let dots = leader
        .chars()
        .rev()
        .take_while(|c| matches!(c, '.' | '…' | ' ' | '·'))
        .filter(|c| *c != ' ')
        .map(|c| if c == '…' { 3 } else { 1 })
        .sum::<usize>();
    dots >= MIN_LEADER_DOTS && leader.chars().any(char::is_alphabetic)
}

/// Fewest dots in a contents line's leader (an ellipsis counts three).
const MIN_LEADER_DOTS: usize = 4;

/// Most words of a title numbered by its document symbol.
const MAX_SYMBOL_TITLE_WORDS: usize = 16;

/// "78/213.  Promotion of connectivity in small island States": a title numbered by the
/// document's symbol (session, then number, as resolutions and decisions are). No list is
/// numbered so, and the line is the title of what follows, not a statement after a number.
fn symbol_heading(plain: &str, body_follows: bool) -> Option<Heading> {
    let (symbol, rest) = plain.split_once(char::is_whitespace)?;
    let symbol = symbol.strip_suffix('.').unwrap_or(symbol);
    let numbered = number_parts(symbol, '/', 4).is_some_and(|n| n >= 2);
    let text = rest.trim();
    let titled = text.starts_with(char::is_uppercase)
        && !text.ends_with(['.', ';', ',', ':'])
        && word_count(text) <= MAX_SYMBOL_TITLE_WORDS;
    (numbered && titled && body_follows).then(|| Heading {
        text: text.to_owned(),
        level: 1,
        explicit: false,
        topic: Topic::of(text),
    })
}

/// The top-level number a line opens with ("3." or "3)", not "3.1"), if any.
pub(crate) fn top_number(plain: &str) -> Option<u32> {
    let first = plain.split_whitespace().next()?;
    let digits = first
        .strip_suffix('.')
        .or_else(|| first.strip_suffix(')'))?;
    number_parts(digits, '.', 3).filter(|&n| n == 1)?;
    digits.parse().ok()
}

/// "2.3 Community representation": a title under an outline number without a closing dot,
/// short and unfinished, with content after it, heads a sub-section as it did before the
/// number was read as a marker.
fn outline_heading(source: &str, text: &str, body_follows: bool) -> Option<Heading> {
    let number = source.split_whitespace().next().unwrap_or("");
    let titled = word_count(text) <= SHORT_LINE_WORDS
        && !text.trim_end().ends_with(['.', '!', '?', ';', ',', ':'])
        && text.starts_with(char::is_uppercase);
    (is_outline_number(number) && titled && body_follows).then(|| Heading {
        text: text.to_owned(),
        level: 2,
        explicit: false,
        topic: Topic::of(text),
    })
}

/// A line that is not an item and may be a heading: a known section name, capitals, or a
/// short or bold line with content after a break.
fn plain_heading(shape: &Shape, body_follows: bool) -> Option<(Heading, Cue)> {
    let plain = &shape.plain;
    let heading = |level, explicit| Heading {
        text: plain.clone(),
        level,
        explicit,
        topic: Topic::of(plain),
    };
    if shape.names_section {
        return Some((heading(1, false), Cue::Plain));
    }
    if is_all_caps(plain) {
        return Some((heading(1, true), Cue::Plain));
    }
    let words = word_count(plain);
    let source = shape.source;
    let bold = source.starts_with("**") && source.trim_end_matches(':').ends_with("**");
    let short = words <= 8
        && !plain.contains(['.', '!', '?', ';'])
        && !plain.ends_with(',')
        && plain.starts_with(char::is_uppercase);
    // "Annex A: List of participants" is a heading whose number has a colon, not a field.
    let field = is_key_value(plain) && !shape.leaves_sections;
    let sub_heading = body_follows && !is_date_line(plain) && as_url(plain).is_none() && !field;
    if !sub_heading {
        return None;
    }
    let cue = if bold && words <= 12 {
        Cue::Plain
    } else if short {
        Cue::Apart
    } else {
        return None;
    };
    Some((heading(2, false), cue))
}

/// A bracketed line that words itself as the template's instruction.
fn is_prompt(shape: &Shape) -> bool {
    let lower = shape.source.to_lowercase();
    shape.bracketed && PROMPT_WORDS.iter().any(|w| lower.contains(w))
}

/// What the lines around a line say about it, found in one pass over the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Break {
    /// Content follows the line after a break (a blank line, a list item next, or a prose
    /// line after a break by choice): only then can a short line be a sub-heading.
    pub body_follows: bool,
    /// The line ended where its author chose, not where a layout wrapped it (see
    /// [`breaks`]): the next line starts something new.
    pub by_choice: bool,
    /// A layout wrapped the line: it ends mid-sentence and the next line's first word
    /// would not have fitted on it, so the next line is the rest of its sentence.
    pub wraps: bool,
    /// The line stands at the top or bottom of two or more pages with the same words
    /// (numbers aside): a running header or footer that a PDF printed on every page.
    pub running: bool,
    /// The running line stands on [`MASTHEAD_PAGES`] pages or more: a logo or a series
    /// name, never the session's title, even on the first page.
    pub masthead: bool,
    /// The running line's numbers change from page to page ("Page 1 of 2"): a page
    /// number, never the session's title or organizer, even on the first page.
    pub paged: bool,
    /// The line stands in a YAML front-matter block (between a first line "---" and the
    /// next): a field of the page, whatever its key ("layout: page").
    pub yaml: bool,
    /// The line is a footnote the body marks (`notes.rs`).
    pub footnote: bool,
    /// The line is one of a run of unpunctuated lines: an item whose marker was drawn.
    pub listed: bool,
    /// The line opens an item of a list printed without the stops after its numbers
    /// ("1 The Forum should…", "2 The Secretariat…"): the number is the marker.
    pub numbered: bool,
    /// The line is one of a run of titles each ending on a page number that never goes
    /// down: a table of contents set without dot leaders.
    pub contents: bool,
    /// The line's sentence goes on on the next line: no end mark, and the break is not
    /// the author's (a layout wrapped it, the next line goes on in lower case, or the line
    /// stops on "the" or "to").
    pub goes_on: bool,
    /// The line above goes on onto this one: this is the rest of its sentence, whatever
    /// it opens with ("2025, with 212 participants…", "find below our submission,").
    pub continues: bool,
    /// The line is not the sender's own text: a quoted earlier message or a mail footer
    /// (`mail.rs`), with the reason.
    pub foreign: Option<&'static str>,
    /// The next non-blank line is a labelled session field ("Date: …"): a line above the
    /// fields is still the document's head.
    pub fields_follow: bool,
}

/// Share of the document's line width that a line plus the next line's first word must
/// stay within for the break between them to be the author's: proportional fonts make a
/// character count only an estimate of a PDF line's width.
const BY_CHOICE_SHARE: f64 = 0.8;

/// Percentile of the non-blank line lengths taken as the width a layout wraps at: the
/// lines of a wrapped paragraph are near it, and a few long lines (links) do not move it.
const WIDTH_PERCENTILE: f64 = 0.9;

/// Most words a line after a break by choice may have and still be no paragraph: a
/// heading is only a heading when prose (a longer line, or a finished sentence) follows.
const SHORT_LINE_WORDS: usize = 8;

/// For each line, what its neighbours say about it ([`Break`]).
///
/// A break is by choice when the line does not end in a colon, the next line does not
/// start in lowercase (as the rest of a sentence does), and the next line's first word
/// would have fitted on this line within the document's own width. Greedy wrapping
/// (editors, word processors, PDF layout) fills a line before it breaks, so such a short
/// line is a heading, a caption or a line of its own, never the first line of a wrapped
/// paragraph; in a page saved one paragraph per line, every break is by choice.
pub(super) fn breaks(lines: &[&str]) -> Vec<Break> {
    let width = line_width(lines);
    let mut out = vec![Break::default(); lines.len()];
    // Whether the nearest non-blank line below is an item; `None` while there is none.
    let mut next_item: Option<bool> = None;
    let mut next_field = false;
    for idx in (0..lines.len()).rev() {
        let next = lines.get(idx + 1).map(|l| l.trim()).unwrap_or("");
        let next_blank = next.is_empty();
        let t = lines[idx].trim();
        // After a colon the next line is what the colon announces, wherever it breaks.
        let open = !t.is_empty() && !next_blank && !t.ends_with(':');
        let fits = fits(t, next, width);
        // "[11:15] JR: …": a line that opens on a time stamp starts a note or a turn of
        // its own, as a pad's or a transcript's lines do, however the line above ends.
        let stamped = opens_on_time(next);
        // A line that stops on "the" or "to" was cut by the layout, however short.
        let by_choice = open
            && (stamped || (fits && !next.starts_with(char::is_lowercase) && !ends_unfinished(t)));
        let prose_next =
            by_choice && (word_count(next) > SHORT_LINE_WORDS || ends_with_terminal(next));
        out[idx] = Break {
            body_follows: next_item.is_some_and(|item| next_blank || item) || prose_next,
            by_choice,
            wraps: open && !ends_with_terminal(t) && !fits && !stamped,
            running: false,
            masthead: false,
            paged: false,
            yaml: false,
            footnote: false,
            listed: false,
            numbered: false,
            contents: false,
            fields_follow: next_field,
            foreign: None,
            // A clause closed by a semicolon goes on when the next line does in lower case
            // ("…the future of the Forum;" / "meaningful connectivity and financing; and…").
            goes_on: open
                && !by_choice
                && (!ends_with_terminal(t)
                    || (t.ends_with(';') && next.starts_with(char::is_lowercase))),
            continues: false,
        };
        if !t.is_empty() {
            next_item = Some(parse_bullet(t).is_some());
            next_field = front_matter(t).is_some_and(|f| f.field.is_some());
        }
    }
    for idx in yaml_block(lines) {
        out[idx].yaml = true;
    }
    for Running { idx, pages, paged } in running_lines(lines) {
        out[idx].running = true;
        out[idx].masthead = pages >= MASTHEAD_PAGES;
        out[idx].paged = paged;
    }
    // A running footer wraps onto nothing: what follows it starts the next page.
    for idx in 1..lines.len() {
        let above = out[idx - 1];
        out[idx].continues = above.goes_on && !above.running && !lines[idx].trim().is_empty();
    }
    for idx in unpunctuated_runs(lines) {
        out[idx].by_choice = true;
        out[idx].wraps = false;
        out[idx].listed = true;
    }
    for idx in contents_runs(lines) {
        out[idx].contents = true;
    }
    out
}

/// "[11:15]", "[00:14:32]" or "11:15" opening a line: the time a note or a turn was taken.
fn opens_on_time(line: &str) -> bool {
    let t = line.trim_start();
    let stamp = match t.strip_prefix('[') {
        Some(rest) => rest.split_once(']').map_or("", |(s, _)| s),
        None => t.split_whitespace().next().unwrap_or(""),
    };
    let parts: Vec<&str> = stamp.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

/// Fewest items of a list whose numbers were printed without stops.
const NUMBERED_RUN: usize = 2;

/// Most non-blank lines an item of such a list (with a page's running head, when a page
/// breaks it) takes before the next number.
const NUMBERED_ITEM_LINES: usize = 12;

/// Highest number of an item printed without its stop.
const MAX_BARE_NUMBER: u32 = 99;

/// "1 The Forum should…": the number of a line that opens with one to two digits, a
/// space and a capital (a page's layout may print a list's numbers without their stops),
/// with the text after it.
fn bare_number(line: &str) -> Option<(u32, &str)> {
    let t = line.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit())?;
    let n: u32 = t[..digits]
        .parse()
        .ok()
        .filter(|n| (1..=MAX_BARE_NUMBER).contains(n))?;
    let rest = &t[digits..];
    let text = rest.trim_start();
    (rest.starts_with([' ', '\t']) && text.starts_with(char::is_uppercase)).then_some((n, text))
}

/// Words of an item's opening that, shared by half a run's items, make the numbers a
/// widget's counters ("3 Leave a comment on paragraph 3 1 …"), not a list's.
const SHARED_OPENING_WORDS: usize = 4;

/// The first lines of the items of lists printed without the stops after their numbers:
/// [`NUMBERED_RUN`] or more sentences (each after a blank line or a finished sentence)
/// opening on 1, 2, 3… in turn, at most [`NUMBERED_ITEM_LINES`] lines apart, whose texts
/// open differently. Counting up from one, one at a time, is what a list does and what a
/// sentence that opens on a figure ("2 Governments have…", "12 Member States…") does
/// not. Footnotes (`is_note`) are no items: a page's notes count up from one too.
pub(super) fn numbered_runs(lines: &[&str], is_note: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let close = |run: &mut Vec<usize>, out: &mut Vec<usize>| {
        let openings: Vec<String> = run
            .iter()
            .filter_map(|&i| bare_number(lines[i]))
            .map(|(_, text)| {
                text.split_whitespace()
                    .take(SHARED_OPENING_WORDS)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .collect();
        let widget = openings.iter().any(|o| {
            let shared = openings.iter().filter(|p| *p == o).count();
            o.split(' ').count() == SHARED_OPENING_WORDS && shared >= 2 && shared * 2 >= run.len()
        });
        if run.len() >= NUMBERED_RUN && !widget {
            out.extend(run.iter());
        }
        run.clear();
    };
    for (idx, line) in lines.iter().enumerate() {
        let opens_paragraph = idx == 0 || {
            let above = lines[idx - 1].trim();
            above.is_empty() || ends_with_terminal(above)
        };
        // "1 Introduction" alone on its line is a numbered section's heading; an item is
        // a sentence, finished on its line or going on onto the next.
        let next_blank = lines.get(idx + 1).is_none_or(|l| l.trim().is_empty());
        let sentence = ends_with_terminal(line.trim()) || !next_blank;
        let Some((n, _)) = bare_number(line).filter(|_| {
            opens_paragraph && sentence && !is_note(idx) && parse_bullet(line.trim()).is_none()
        }) else {
            continue;
        };
        // Blank lines do not count: a page break sets several between two items.
        let near = |last: usize| {
            lines[last + 1..idx]
                .iter()
                .filter(|l| !l.trim().is_empty())
                .count()
                < NUMBERED_ITEM_LINES
        };
        let follows = run
            .last()
            .is_some_and(|&last| n as usize == run.len() + 1 && near(last));
        if !follows {
            close(&mut run, &mut out);
        }
        if follows || n == 1 {
            run.push(idx);
        }
    }
    close(&mut run, &mut out);
    out
}

/// Fewest entries of a table of contents without leaders.
const CONTENTS_RUN: usize = 3;

/// Most words of the title of a contents entry.
const CONTENTS_TITLE_WORDS: usize = 16;

/// Highest page number a contents entry gives.
const MAX_CONTENTS_PAGE: u32 = 999;

/// The page a contents entry without leaders points to ("Summary of deliberations 4",
/// "Session 1 Keeping the Lights On: Cable Resilience 3"): a short title that ends no
/// sentence, then a page number.
fn contents_page(line: &str) -> Option<u32> {
    let t = line.trim();
    let (title, page) = t.rsplit_once(char::is_whitespace)?;
    let page: u32 = page
        .parse()
        .ok()
        .filter(|p| (1..=MAX_CONTENTS_PAGE).contains(p))?;
    let title = title.trim_end();
    let words = word_count(title);
    ((1..=CONTENTS_TITLE_WORDS).contains(&words)
        && title.chars().any(char::is_alphabetic)
        && !title.ends_with(['.', '!', '?', ';', ',', ':']))
    .then_some(page)
}

/// The lines of runs of [`CONTENTS_RUN`] or more contents entries (blank lines between
/// allowed) whose page numbers never go down. A table of figures ("Onsite 85", "Online
/// 40") goes up and down; a contents page only forward.
fn contents_runs(lines: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut last = 0;
    let mut close = |run: &mut Vec<usize>| {
        if run.len() >= CONTENTS_RUN {
            out.extend(run.iter().copied());
        }
        run.clear();
    };
    for (idx, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match contents_page(line) {
            Some(page) if run.is_empty() || page >= last => {
                run.push(idx);
                last = page;
            }
            Some(page) => {
                close(&mut run);
                run.push(idx);
                last = page;
            }
            None => close(&mut run),
        }
    }
    close(&mut run);
    out
}

/// Most lines of a YAML front-matter block.
const MAX_YAML_LINES: usize = 60;

/// The lines inside a YAML front-matter block: the document opens with "---", and every
/// line up to the next "---" is a field ("key: value"), a list entry under one ("- x") or
/// blank.
fn yaml_block(lines: &[&str]) -> std::ops::Range<usize> {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return 0..0;
    }
    let Some(end) = lines
        .iter()
        .take(MAX_YAML_LINES)
        .skip(1)
        .position(|l| l.trim() == "---")
        .map(|i| i + 1)
    else {
        return 0..0;
    };
    let fields = lines[1..end].iter().all(|l| {
        let t = l.trim();
        t.is_empty()
            || t.starts_with("- ")
            || t.split_once(':')
                .is_some_and(|(key, _)| !key.trim().contains(' '))
    });
    if fields {
        1..end
    } else {
        0..0
    }
}

/// Fewest lines in a run of lines that each open with a capital and none ends a sentence.
const UNPUNCTUATED_RUN: usize = 3;

/// Words of each line of such a run: fewer are a masthead's or an address's lines.
const RUN_LINE_WORDS: std::ops::RangeInclusive<usize> = 4..=20;

/// Lines of [`UNPUNCTUATED_RUN`] or more consecutive lines that each open with a capital
/// or a digit, hold a phrase's words, and none of which, the last included, ends with a
/// stop: a slide's or a poster's bullets whose markers were drawn, not written. A wrapped
/// paragraph ends its last line with a stop, and its lines seldom all open with a capital.
fn unpunctuated_runs(lines: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let close = |run: &mut Vec<usize>, out: &mut Vec<usize>| {
        if run.len() >= UNPUNCTUATED_RUN {
            out.extend(run.iter());
        }
        run.clear();
    };
    for (idx, line) in lines.iter().enumerate() {
        let t = line.trim();
        let fits = !t.is_empty()
            && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !ends_with_terminal(t)
            && !t.ends_with([':', ',', ';', '-'])
            && RUN_LINE_WORDS.contains(&word_count(t))
            && !is_all_caps(t)
            && !is_date_line(t)
            && column_fields(t).is_none()
            && parse_bullet(t).is_none();
        if fits {
            run.push(idx);
        } else {
            close(&mut run, &mut out);
        }
    }
    close(&mut run, &mut out);
    out
}

/// Blank lines in a row that separate two pages: the PDF reader puts three between pages
/// (`pdf.rs`), and no author leaves as many inside a page.
const PAGE_GAP: usize = 3;

/// Lines at each edge of a page that a running header or footer may take (a header,
/// then perhaps a page number).
const EDGE_LINES: usize = 2;

/// Longest running header or footer, in words.
const RUNNING_WORDS: usize = 15;

/// Fewest pages a running line stands on to name no session even on the first page: a
/// logo or a series name; a title may stand atop a page and once more below it.
const MASTHEAD_PAGES: usize = 3;

/// A line printed at the edge of several pages.
struct Running {
    /// The line's index.
    idx: usize,
    /// How many pages it stands on.
    pages: usize,
    /// Its numbers differ between its copies.
    paged: bool,
}

/// The lines that stand within [`EDGE_LINES`] of the top or bottom of a page and repeat,
/// numbers aside, at the edge of another page (a numbered repeat found without page
/// breaks counts as [`NUMBERED_REPEATS`] pages).
fn running_lines(lines: &[&str]) -> Vec<Running> {
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    let mut blanks = 0;
    for (idx, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            blanks += 1;
            continue;
        }
        // A form feed (a scan or a text printer's page break) opens a page too.
        let new_page =
            blanks >= PAGE_GAP || line.trim_start_matches([' ', '\t']).starts_with('\u{c}');
        if new_page && pages.last().is_some_and(|p| !p.is_empty()) {
            pages.push(Vec::new());
        }
        blanks = 0;
        if let Some(page) = pages.last_mut() {
            page.push(idx);
        }
    }
    // Page numbers and dates change from page to page, and a page number may stand left
    // on even pages and right on odd ones; the words stay.
    let key = |idx: usize| -> String {
        lines[idx]
            .split_whitespace()
            .map(|w| {
                w.chars()
                    .map(|c| if c.is_ascii_digit() { '#' } else { c })
                    .collect::<String>()
            })
            .filter(|w| w.chars().any(|c| c != '#'))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut running: Vec<Running> = numbered_repeats(lines, &key)
        .into_iter()
        .map(|idx| Running {
            idx,
            pages: NUMBERED_REPEATS,
            paged: true,
        })
        .collect();
    if pages.len() < 2 {
        return running;
    }
    let mut edges: Vec<(usize, String)> = Vec::new();
    for page in &pages {
        let n = page.len();
        let mut at_edge: Vec<usize> = page.iter().take(EDGE_LINES).copied().collect();
        at_edge.extend(page.iter().skip(n.saturating_sub(EDGE_LINES)).copied());
        at_edge.sort_unstable();
        at_edge.dedup();
        edges.extend(at_edge.into_iter().map(|idx| (idx, key(idx))));
    }
    // Per key: the pages it stands on, the first copy's words (numbers included), and
    // whether another copy's numbers differ from them.
    let mut pages_with: std::collections::HashMap<&str, (usize, &str, bool)> =
        std::collections::HashMap::new();
    for (idx, k) in &edges {
        let t = lines[*idx].trim();
        let entry = pages_with.entry(k.as_str()).or_insert((0, t, false));
        entry.0 += 1;
        entry.2 |= entry.1 != t;
    }
    running.extend(
        edges
            .iter()
            .filter(|(idx, k)| {
                let t = lines[*idx].trim();
                // A header set out in fields (title, date, page) is as long as its
                // longest field.
                let words = column_fields(t).map_or_else(
                    || word_count(t),
                    |f| f.iter().map(|f| word_count(f)).max().unwrap_or(0),
                );
                pages_with[k.as_str()].0 >= 2
                    && words <= RUNNING_WORDS
                    && t.chars().any(char::is_alphabetic)
                    && parse_bullet(t).is_none()
            })
            .map(|(idx, k)| {
                let (pages, _, paged) = pages_with[k.as_str()];
                Running {
                    idx: *idx,
                    pages,
                    paged,
                }
            }),
    );
    running.sort_by_key(|r| (r.idx, r.pages));
    running.dedup_by_key(|r| r.idx);
    running
}

/// Fewest times a line must recur, its numbers changing, to be a running header or footer
/// in a text that marks no page breaks.
const NUMBERED_REPEATS: usize = 3;

/// Fewest words a numbered repeat must have: "Question 2" and "Step 3" number a sequence.
const NUMBERED_REPEAT_WORDS: usize = 3;

/// Lines that recur [`NUMBERED_REPEATS`] times or more with only their numbers changed
/// ("Alliance – Submission on water   Page 3 of 6"): a header or footer printed on every
/// page of a text saved without page breaks, wherever the pages fell.
fn numbered_repeats(lines: &[&str], key: &dyn Fn(usize) -> String) -> Vec<usize> {
    let mut groups: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (idx, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.contains(|c: char| c.is_ascii_digit())
            && (NUMBERED_REPEAT_WORDS..=RUNNING_WORDS).contains(&word_count(t))
            && !ends_with_terminal(t)
            && parse_bullet(t).is_none()
            // "Date: 14 April 2026, 09:30" under each session of a booklet labels what it
            // is; a running foot names no session field.
            && front_matter(t).is_none_or(|f| f.field.is_none())
        {
            groups.entry(key(idx)).or_default().push(idx);
        }
    }
    groups
        .into_values()
        .filter(|idxs| {
            let first = lines[idxs[0]].trim();
            idxs.len() >= NUMBERED_REPEATS && idxs.iter().any(|&i| lines[i].trim() != first)
        })
        .flatten()
        .collect()
}

/// The width (in characters) a layout wraps this document's lines at.
fn line_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    // Nearest-rank percentile; an empty document has no width (nothing fits).
    let rank = ((lengths.len() as f64) * WIDTH_PERCENTILE).ceil() as usize;
    lengths.get(rank.saturating_sub(1)).copied().unwrap_or(0)
}

/// Would `next`'s first word have fitted after `line` within the wrap width?
fn fits(line: &str, next: &str, width: usize) -> bool {
    let word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let used = line.chars().count() + 1 + word;
    (used as f64) <= BY_CHOICE_SHARE * width as f64
}

/// Width of leading whitespace, counting a tab as four columns.
fn indent_width(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// `---`, `***`, `===`, `___`: a rule or Setext underline.
fn is_rule(t: &str) -> bool {
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ["-", "=", "*", "_"]
            .iter()
            .any(|m| compact.chars().all(|c| c.to_string() == *m))
}

/// `## Heading` → (2, "Heading"); a wiki's `== Heading ==` → (2, "Heading") too.
fn markdown_heading(t: &str) -> Option<(usize, &str)> {
    if let Some(wiki) = wiki_heading(t) {
        return Some(wiki);
    }
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    (!text.is_empty()).then_some((hashes, text))
}

/// `== Notes ==`, `=== Actions ===`: a wiki's (or a pad's) heading, as many equals signs
/// closing it as open it, its level their number.
fn wiki_heading(t: &str) -> Option<(usize, &str)> {
    let t = t.trim_end();
    let marks = t.chars().take_while(|&c| c == '=').count();
    if !(2..=6).contains(&marks) || t.chars().rev().take_while(|&c| c == '=').count() != marks {
        return None;
    }
    let text = t.get(marks..t.len().checked_sub(marks)?)?.trim();
    (!text.is_empty() && !text.contains('=')).then_some((marks, text))
}

/// A number or letter inside the bold run-in title of a paragraph ("**1. Shutdowns cost
/// more than they save.** Governments should…"): the paragraph is that numbered item, and
/// the closing marks are dropped with the rest of the emphasis.
fn bold_enumerator(t: &str) -> Option<(Marker, &str)> {
    let inner = t.strip_prefix("**").or_else(|| t.strip_prefix("__"))?;
    parse_enumerator(inner)
        .filter(|(_, text)| !text.trim_start_matches(['*', '_']).trim().is_empty())
}

/// Recognise a list marker; returns the marker family and the item text.
pub(super) fn parse_bullet(t: &str) -> Option<(Marker, &str)> {
    let mut chars = t.chars();
    let first = chars.next()?;
    let after_first = chars.as_str();
    // Symbols that are bullets only when followed by a space (so "-5%" and "*emphasis*" are not).
    if matches!(first, '-' | '*' | '+' | '–' | '—' | 'o') {
        if after_first.starts_with([' ', '\t']) && !after_first.trim().is_empty() {
            if first == 'o' && !after_first.trim_start().starts_with(char::is_uppercase) {
                return None;
            }
            return Some((Marker::Symbol, strip_task_box(after_first.trim_start())));
        }
        return None;
    }
    if matches!(
        first,
        '•' | '·'
            | '▪'
            | '◦'
            | '○'
            | '●'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '⁃'
            | '‣'
            | '\u{f0b7}'
            | '\u{f0a7}'
            // A pilcrow marks a paragraph, as comment widgets print it before each one.
            | '¶'
    ) {
        let rest = after_first.trim_start();
        return (!rest.is_empty()).then_some((Marker::Symbol, rest));
    }
    keycap_number(t).or_else(|| parse_enumerator(t))
}

/// "1️⃣ Every tool we buy must…": a digit set on a keycap (the digit, an optional
/// variation selector, the combining keycap mark) numbers a social post's points.
fn keycap_number(t: &str) -> Option<(Marker, &str)> {
    let digits = t.find(|c: char| !c.is_ascii_digit())?;
    let rest = t[digits..].strip_prefix('\u{fe0f}').unwrap_or(&t[digits..]);
    let rest = rest.strip_prefix('\u{20e3}')?;
    let text = rest.trim_start();
    (digits > 0 && !text.is_empty()).then_some((Marker::Number, text))
}

/// A Markdown task list's box ("- [ ] T. Baptiste to draft…", "- [x] …") is the state
/// of the task, not its words.
fn strip_task_box(item: &str) -> &str {
    ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| item.strip_prefix(b))
        .map_or(item, str::trim_start)
}

/// `1.`, `1)`, `(1)`, `1.2.`, `a)`, `(a)`, `a.`, `iv.` followed by whitespace.
fn parse_enumerator(t: &str) -> Option<(Marker, &str)> {
    // `closer` is the delimiter after the label: '.' or ')'.
    let (inner, closer, rest) = if let Some(stripped) = t.strip_prefix('(') {
        let close = stripped.find(')')?;
        (&stripped[..close], ')', &stripped[close + 1..])
    } else {
        let end = t.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))?;
        let head = &t[..end];
        if t[end..].starts_with(')') {
            (head, ')', &t[end + 1..])
        } else if let Some(label) = head.strip_suffix('.') {
            (label, '.', &t[end..])
        } else if is_outline_number(head) && t[end..].trim_start().starts_with(char::is_uppercase) {
            // "2.1.1 The Board should…": a report's outline numbers need no closing dot.
            (head, '.', &t[end..])
        } else {
            return None;
        }
    };
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let text = rest.trim_start();
    if text.is_empty() || inner.is_empty() || inner.len() > 8 {
        return None;
    }
    // "(c) 2024 Lakes Basin Council" is a copyright sign, not item (c).
    if inner.eq_ignore_ascii_case("c") && text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let single = |pred: fn(&u8) -> bool| inner.len() == 1 && inner.as_bytes().iter().all(pred);
    let marker = if number_parts(inner, '.', 3).is_some() {
        Marker::Number
    } else if is_roman(inner) || single(u8::is_ascii_lowercase) {
        Marker::Letter
    } else if single(u8::is_ascii_uppercase) && closer == ')' {
        // "A)" and "(A)" are list markers; "A. Smith" is more likely an initial.
        Marker::Letter
    } else {
        return None;
    };
    Some((marker, text))
}

/// "2.1" or "2.1.1": numbers joined by dots, two parts at least.
fn is_outline_number(s: &str) -> bool {
    number_parts(s, '.', 3).is_some_and(|n| n >= 2)
}

/// How many numbers `s` joins with `sep` ("2.1.1" → 3, "88/301" → 2), each of 1 to
/// `max_digits` digits; `None` when any part is not such a number.
fn number_parts(s: &str, sep: char, max_digits: usize) -> Option<usize> {
    let mut count = 0;
    for part in s.split(sep) {
        let digits = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !digits || part.len() > max_digits {
            return None;
        }
        count += 1;
    }
    Some(count)
}

fn is_roman(s: &str) -> bool {
    const ROMANS: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    ROMANS.contains(&s.to_ascii_lowercase().as_str())
}

/// Remove a leading enumerator ("1.", "II.", "a)") from a heading.
pub(super) fn strip_numbering(t: &str) -> &str {
    let t = t.trim_start();
    match parse_enumerator(t) {
        Some((_, rest)) => rest,
        None => {
            // Upper-case roman numerals with a period ("II. Key Issues") are heading numbers.
            let first = t.split_whitespace().next().unwrap_or("");
            if first.len() > 1 && first.ends_with('.') && is_roman(&first[..first.len() - 1]) {
                t[first.len()..].trim_start()
            } else {
                t
            }
        }
    }
}

/// Drop Markdown heading marks, emphasis, numbering and surrounding space.
fn strip_markup(t: &str) -> String {
    // Only a Markdown heading mark: "#TheIGFWeWant" keeps its hashtag.
    let t = markdown_heading(t.trim()).map_or(t.trim(), |(_, text)| text);
    clean_line(strip_numbering(t))
}

/// The heading without a trailing parenthesised template prompt or colon.
fn heading_core(text: &str) -> &str {
    // A pictogram before the words ("🗓️ Agenda", "👥 Speakers") decorates the heading.
    let text = text.trim_start_matches(|c: char| {
        !c.is_alphanumeric() && !c.is_whitespace() && !"([\"'“‘".contains(c)
    });
    let head = match text.find(['(', '[']) {
        Some(pos) if pos > 0 => &text[..pos],
        _ => text,
    };
    head.trim().trim_end_matches([':', '-', '–', '—']).trim()
}

/// The cells of a Markdown pipe-table row ("| Publish the inventory | L. Moreau |"), or
/// `None` for a line that is not one.
fn pipe_cells(line: &str) -> Option<Vec<&str>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    (cells.len() >= 2).then_some(cells)
}

/// A pipe table's delimiter row ("|------|:---:|").
fn is_delimiter_row(line: &str) -> bool {
    pipe_cells(line).is_some_and(|cells| {
        cells.iter().all(|c| {
            let dashes = c.trim_matches(':');
            dashes.len() >= 3 && dashes.chars().all(|ch| ch == '-')
        })
    })
}

/// Markdown pipe tables read as the HTML and .docx readers write tables: the header row
/// a plain line, each body row one list item with its cells set apart by
/// [`CELL_SEPARATOR`], the delimiter row a blank line (so line numbers stay the source's).
pub(crate) fn pipe_tables<'a>(lines: &[&'a str]) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
    let joined = |line: &str| {
        pipe_cells(line)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(CELL_SEPARATOR)
    };
    for i in 1..lines.len() {
        if !is_delimiter_row(lines[i]) || pipe_cells(lines[i - 1]).is_none() {
            continue;
        }
        let rows: Vec<usize> = (i + 1..lines.len())
            .take_while(|&j| pipe_cells(lines[j]).is_some())
            .collect();
        out[i] = Cow::Borrowed("");
        if let Some(fields) = property_rows(
            lines[i - 1],
            &rows.iter().map(|&j| lines[j]).collect::<Vec<_>>(),
        ) {
            out[i - 1] = Cow::Borrowed("");
            for (&j, field) in rows.iter().zip(fields) {
                out[j] = Cow::Owned(field);
            }
            continue;
        }
        out[i - 1] = Cow::Owned(joined(lines[i - 1]));
        for &j in &rows {
            out[j] = Cow::Owned(format!("- {}", joined(lines[j])));
        }
    }
    out
}

/// Most words of a property's name in a table of properties ("Organiser", "Date").
const PROPERTY_NAME_WORDS: usize = 3;

/// A wiki page's table of properties (an empty header row, then rows of a short name and
/// its value: "| **Organiser** | Fundación Datos |") read as labelled fields, one per row
/// ("Organiser: Fundación Datos"), as the HTML reader reads a row of a name cell and a
/// value; `None` for any other table.
fn property_rows(header: &str, rows: &[&str]) -> Option<Vec<String>> {
    let empty_header = pipe_cells(header)?.iter().all(|c| c.is_empty());
    if !empty_header || rows.is_empty() {
        return None;
    }
    rows.iter()
        .map(|row| {
            let cells = pipe_cells(row)?;
            let [name, value] = cells.as_slice() else {
                return None;
            };
            let name = name.trim_matches(|c: char| c == '*' || c == '_').trim();
            let short = !name.is_empty()
                && word_count(name) <= PROPERTY_NAME_WORDS
                && !name.ends_with(['.', ':']);
            short.then(|| format!("{name}: {value}"))
        })
        .collect()
}

/// Spaces in a row that set two fields of a printed layout apart ("United Nations
/// A/HRC/99/12"); a typist's double space after a full stop is fewer.
const COLUMN_GAP: usize = 4;

/// The fields of a line laid out in columns, as a printed masthead is; `None` for a line
/// of one field.
pub(super) fn column_fields(source: &str) -> Option<Vec<&str>> {
    let mut fields = Vec::new();
    let mut rest = source.trim();
    while !rest.is_empty() {
        let gap = rest
            .char_indices()
            .find(|&(i, c)| c == '\t' || rest[i..].starts_with(&" ".repeat(COLUMN_GAP)))
            .map(|(i, _)| i);
        match gap {
            Some(i) => {
                fields.push(&rest[..i]);
                rest = rest[i..].trim_start();
            }
            None => {
                fields.push(rest);
                rest = "";
            }
        }
    }
    (fields.len() >= 2).then_some(fields)
}

/// The reason given to a table's header row.
pub(super) const TABLE_HEADER: &str = "table header";

/// Fewest fields of a printed table's header row ("No. Recommendation    Addressed to
/// Priority").
const HEADER_ROW_FIELDS: usize = 3;

/// Longest field of a printed table's header row, in words.
const HEADER_FIELD_WORDS: usize = 3;

/// A row of a table printed with its columns set apart ([`column_fields`]) whose fields all
/// name columns: three or more, a few words each, none a sentence. Read as text it had
/// been a recommendation ("Recommendation Addressed to Priority") on every page it heads.
fn is_header_row(source: &str) -> bool {
    column_fields(source).is_some_and(|fields| {
        fields.len() >= HEADER_ROW_FIELDS
            && fields.iter().all(|f| {
                word_count(f) <= HEADER_FIELD_WORDS
                    && f.starts_with(|c: char| c.is_alphabetic())
                    && !f.ends_with(['!', '?', ';', ',', ':'])
                    && !is_date_line(f)
            })
    })
}

/// Marks that set the fields of a kicker line apart ("Observatory · Policy Brief No. 4 ·
/// September 2025").
const FIELD_MARKS: &[&str] = &[" · ", " | ", " • "];

/// The fields of a kicker line above a title: three or more, set apart by one mark, one
/// of them a date. A title with one mark in it ("Chair's summary | IGF 2024") is no
/// kicker.
pub(crate) fn kicker_fields(plain: &str) -> Option<Vec<&str>> {
    FIELD_MARKS.iter().find_map(|mark| {
        let fields: Vec<&str> = plain.split(mark).map(str::trim).collect();
        (fields.len() >= 3 && fields.iter().any(|f| is_date_line(f))).then_some(fields)
    })
}

/// Most words of a name that opens a dated line ("Telecom Operators Council · Policy
/// brief · 10 November 2025").
const MAX_NAME_FIELD_WORDS: usize = 8;

/// A dated line cut into its fields ("Telecom Operators Council · Policy brief · 10
/// November 2025", "Global Network Operators Council — January 2025"): the date field,
/// and the name that opens the line when the first field is a name (capitalised, no
/// figures), which says who issued it. `None` when the line has one field.
pub(super) fn dated_fields(plain: &str) -> Option<(Option<&str>, String)> {
    let (mark, fields) = FIELD_MARKS
        .iter()
        .chain(&[" — ", " – "])
        .map(|mark| (*mark, plain.split(mark).map(str::trim).collect::<Vec<_>>()))
        .find(|(_, fields)| fields.len() >= 2)?;
    let at = fields.iter().position(|f| is_date_line(f))?;
    // The time of day after the date is part of it ("9 July 2025 | 12:15 – 14:00").
    let times = fields[at + 1..]
        .iter()
        .take_while(|f| is_clock_time(f))
        .count();
    let date = fields[at..=at + times].join(mark);
    let first = fields[0];
    // A byline's author ("By Mele Tonga") wrote the page; who issued it is another matter.
    // "By · October 18, 2025": an author's name taken out with its link leaves "By".
    let byline = ["by ", "posted ", "published "].iter().any(|b| {
        let lower = first.to_lowercase();
        lower.starts_with(b) || lower == b.trim_end()
    });
    let name = (at > 0
        && !byline
        && word_count(first) <= MAX_NAME_FIELD_WORDS
        && first.starts_with(char::is_uppercase)
        && !first.contains(|c: char| c.is_ascii_digit()))
    .then_some(first);
    Some((name, date))
}

/// "12:15 – 14:00", "10:00–10:45 (UTC+02:00)": a time of day or a span of one.
fn is_clock_time(field: &str) -> bool {
    word_count(field) <= 4 && has_clock_time(field)
}

/// "Session Outcome Document" and similar banners above the title; a record's number
/// after its kind ("Minutes of Session 3", "Summary record No. 12") is part of the banner.
pub(super) fn is_banner(t: &str) -> bool {
    // "PRESS RELEASE — FOR IMMEDIATE RELEASE": banners set apart by a dash or a bar.
    let parts: Vec<&str> = t
        .split(" — ")
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" | "))
        .collect();
    one_banner(t) || (parts.len() > 1 && parts.iter().all(|p| one_banner(p)))
}

/// One banner or status stamp, alone on its line.
fn one_banner(t: &str) -> bool {
    let l = t
        .trim_end_matches(':')
        .trim()
        .to_lowercase()
        .replace('\u{2019}', "'");
    let mut words: Vec<&str> = l.split_whitespace().collect();
    // "Minutes of the 31st meeting" is the kind of record "minutes of the meeting" is.
    if words.len() > 2 {
        words.retain(|w| !crate::text::is_ordinal(w));
    }
    if words.len() > 1
        && words
            .last()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()) || is_roman(n))
    {
        words.pop();
        if words.len() > 1 && matches!(words.last(), Some(&("no." | "no" | "number"))) {
            words.pop();
        }
    }
    BANNERS.contains(&words.join(" ").as_str()) || is_status_stamp(&words)
}

/// Most words of a status stamp ("DRAFT – for consultation").
const STAMP_WORDS: usize = 5;

/// "DRAFT", "Draft – for consultation", "CONFIDENTIAL": the status a document is stamped
/// with, never its title or its author.
fn is_status_stamp(words: &[&str]) -> bool {
    words.len() <= STAMP_WORDS
        && words
            .first()
            .is_some_and(|w| STAMPS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
        && words
            .get(1)
            .is_none_or(|w| matches!(*w, "–" | "—" | "-") || w.starts_with('('))
}

/// A whole line in parentheses or brackets, e.g. a template instruction.
fn is_bracketed(t: &str) -> bool {
    (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'))
}

/// Which known section a heading names, by the earliest matching pattern.
fn known_section(text: &str) -> Option<SectionKind> {
    let core = heading_core(strip_numbering(text.trim())).to_lowercase();
    if core.is_empty()
        || word_count(&core) > MAX_HEADING_WORDS
        || NOT_SECTIONS.iter().any(|n| core.contains(n))
    {
        return None;
    }
    let (pos, kind) = SECTION_PATTERNS
        .iter()
        .filter_map(|(pat, kind)| core.find(pat).map(|pos| (pos, *kind)))
        .min_by_key(|&(pos, _)| pos)?;
    // "Response of the Farmers' Union to the Forum's Draft Recommendations", "Comments
    // on the outcomes": what the document answers, not a section of its own kind. A
    // lead-in ("Participants agreed on the following recommendations:") introduces its own.
    let lead_in = text.trim_end().ends_with(':');
    let answers = !lead_in
        && core[..pos]
            .split_whitespace()
            .skip(1)
            .any(|w| matches!(w, "to" | "on"));
    (!answers).then_some(kind)
}

/// A numbered line names its section in its first two words (not "3. Establish clear
/// outcomes") and is no sentence.
fn section_near_start(core: &str) -> bool {
    let lower = heading_core(core).to_lowercase();
    let first_two: String = lower
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    SECTION_PATTERNS
        .iter()
        .any(|(p, _)| first_two.contains(p) || p.starts_with(&first_two))
        && !core.trim_end().ends_with('.')
}

/// Text already stripped of markup that reads as a known section heading (not a sentence
/// that mentions one).
fn known_heading(plain: &str) -> bool {
    let core = heading_core(plain);
    // A heading is no sentence, let alone two: "62% agreed … no view. Support was
    // strongest among…" reaches a section's word ("disagreed") before its bracket.
    known_section(plain).is_some()
        && split_sentences(core).len() < 2
        && !core.ends_with(['.', '!', '?', ';', ','])
        && word_count(core) <= MAX_HEADING_WORDS
        && !ends_unfinished(core)
}

/// A section heading worded as the template words it: its start, or three words at most.
fn is_template_heading(plain: &str) -> bool {
    let core = heading_core(plain).to_lowercase();
    TEMPLATE_HEADING_STARTS.iter().any(|h| core.starts_with(h)) || word_count(&core) <= 3
}

/// A heading that names a part of a report (a known section, "Introduction", "Agenda",
/// "Summary"…), not what the report is about.
pub(crate) fn names_a_part(text: &str) -> bool {
    known_section(text).is_some() || is_other_heading(text)
}

/// Headings that leave the known sections: speakers, annexes and the like.
fn is_other_heading(text: &str) -> bool {
    let core = heading_core(text).to_lowercase();
    OTHER_HEADINGS.iter().any(|o| core.starts_with(o))
}

/// What a heading's lines list: people, works cited, or content.
fn listing_of(text: &str) -> Listing {
    if is_people_heading(text) {
        Listing::People
    } else if whole_heading_in(text, SOURCES_HEADINGS) {
        // "References", "Notes", "Bibliography": a list of works cited.
        Listing::Sources
    } else if whole_heading_in(text, AGENDA_HEADINGS) {
        // "Agenda", "Provisional agenda:": the meeting's agenda.
        Listing::Agenda
    } else if whole_heading_in(text, GLOSSARY_HEADINGS)
        || text
            .rsplit([':', '—', '–'])
            .next()
            .is_some_and(|last| whole_heading_in(last, GLOSSARY_HEADINGS))
    {
        // "Glossary", "Annex I — Glossary": what the document's words mean.
        Listing::Glossary
    } else if is_profile_heading(text) {
        // "About the Assembly", "Notes to editors": the issuer describes itself.
        Listing::Profile
    } else {
        Listing::Content
    }
}

/// Most words of the name an "About" heading introduces ("About the Cambodian Center for
/// Connectivity").
const MAX_PROFILE_NAME_WORDS: usize = 8;

/// A heading over an issuer's profile: "About" and a name ("About the Assembly", "About
/// us", "About ISOC"), or the press office's "Notes to editors". Not "About this report"
/// or "About the session": those describe the meeting itself.
fn is_profile_heading(text: &str) -> bool {
    let core = heading_core(strip_numbering(text.trim()))
        .trim_end_matches([':', '.'])
        .trim();
    let lower = core.to_lowercase();
    if ["notes to editors", "note to editors", "notes for editors"].contains(&lower.as_str()) {
        return true;
    }
    let Some(name) = core
        .strip_prefix("About ")
        .or_else(|| core.strip_prefix("ABOUT "))
    else {
        return false;
    };
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    // The meeting and its record are described in their own words, which are content.
    let the_meeting = ["this", "these", "our"].contains(&first.as_str())
        || MEETING_BUSINESS.contains(&first.as_str())
        || MEETING_RECORDS.contains(&first.as_str());
    (name == "us" || name.starts_with(|c: char| c.is_uppercase()))
        && (1..=MAX_PROFILE_NAME_WORDS).contains(&word_count(name))
        && !the_meeting
}

/// Is the whole heading, without its numbering, emphasis and closing colon, one of `names`?
fn whole_heading_in(text: &str, names: &[&str]) -> bool {
    let core = heading_core(strip_numbering(text.trim())).to_lowercase();
    names.contains(&core.trim_end_matches([':', '.']).trim())
}

/// Headings whose items name people: speakers, panel, moderators.
fn is_people_heading(text: &str) -> bool {
    let core = heading_core(strip_numbering(text.trim())).to_lowercase();
    // "Participants agreed on the following recommendations:" opens the recommendations,
    // not a list of people: a heading of people names them and little else.
    let last = core.split_whitespace().last().unwrap_or("");
    PEOPLE_HEADINGS
        .iter()
        .any(|o| core.starts_with(o) || last.starts_with(o))
        && word_count(&core) <= MAX_PEOPLE_HEADING_WORDS
        && known_section(text).is_none()
}

/// Most words of a heading over a list of people ("Speakers and moderators of the panel").
const MAX_PEOPLE_HEADING_WORDS: usize = 6;

/// Upper-case headings ("KEY ISSUES", "SPEAKERS"): mostly capitals, short, no full stop.
pub(super) fn is_all_caps(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().all(|c| !c.is_lowercase())
        && word_count(t) <= 12
        && !t.trim_end().ends_with('.')
        && parse_bullet(t).is_none_or(|(m, _)| m != Marker::Symbol)
}

/// `Key: value` where the key is a short label.
pub(super) fn is_key_value(t: &str) -> bool {
    t.split_once(':').is_some_and(|(k, v)| {
        !k.trim().is_empty() && word_count(k) <= 3 && !v.trim().is_empty() && !k.contains("//")
    })
}

/// A `Key: value` line whose key names a session field or other document metadata.
pub(super) fn front_matter(t: &str) -> Option<FrontMatter> {
    if !is_key_value(t) {
        return None;
    }
    let (key, value) = t.split_once(':')?;
    if is_prose_value(value) {
        return None;
    }
    let key = key.trim().trim_matches('*').trim().to_lowercase();
    // YAML front matter quotes its strings: `title: "Outcomes of…"`.
    let value = value.trim().trim_matches('*').trim();
    let value = clean_line(
        value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value),
    );
    // A reply's subject names the mail it answers: "RE: Call for inputs".
    let value = if key == "subject" {
        super::mail::subject(&value).to_owned()
    } else {
        value
    };
    // Author, publisher, mail headers…: metadata that fills no session field.
    known_key(&key).map(|field| FrontMatter { field, value })
}

/// The first http(s) link inside a value such as "<https://x.org/1> (archived)".
fn first_link(value: &str) -> Option<String> {
    value
        .split_whitespace()
        .find_map(|w| as_url(w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line's verdict, without its shape, for compact assertions.
    fn kind(raw: &str, body_follows: bool) -> String {
        let around = Break {
            body_follows,
            ..Break::default()
        };
        match classify_line(raw, around) {
            Line::Blank => "blank".into(),
            Line::Rule { underline, .. } => format!("rule {underline:?}"),
            Line::Heading { heading, cue, .. } => {
                format!("heading {cue:?} {} {:?}", heading.level, heading.text)
            }
            Line::Item { marker, text, .. } => format!("item {marker:?} {text:?}"),
            Line::Prompt(_) => "prompt".into(),
            Line::Meta { reason, .. } => format!("meta {reason}"),
            Line::Furniture { class, reason, .. } => format!("{} {reason}", class.as_str()),
            Line::Text(_) => "text".into(),
        }
    }

    #[test]
    fn a_status_stamp_is_a_banner_never_a_title_or_an_author() {
        // "DRAFT – for consultation" had been a working group's organizer.
        for stamp in [
            "DRAFT",
            "DRAFT – for consultation",
            "Confidential (not for circulation)",
        ] {
            assert!(is_banner(stamp), "{stamp}");
        }
        for line in ["Draft recommendations of the working group", "Final report"] {
            assert!(!is_banner(line), "{line}");
        }
    }

    #[test]
    fn banners_set_apart_by_a_dash_are_a_banner_and_a_bare_by_names_no_one() {
        assert!(is_banner("PRESS RELEASE — FOR IMMEDIATE RELEASE"));
        assert!(is_banner("Joint statement | Embargoed"));
        // A title with a banner's word in one part is a title.
        assert!(!is_banner("Press release — Harbour fund opens in Gozo"));
        // The kind of record, the meeting numbered by an ordinal.
        assert!(is_banner("MINUTES OF THE 31st MEETING"));
        assert!(!is_banner(
            "Minutes of the 31st meeting of the Harbour Board"
        ));
        // "By · 18 October 2025": the author's link was taken out; nobody issued it.
        let (name, date) = dated_fields("By · 18 October 2025 · 6 min read").expect("dated");
        assert_eq!((name, date.as_str()), (None, "18 October 2025"));
    }

    #[test]
    fn blank_and_rules() {
        assert_eq!(kind("   \t", false), "blank");
        assert_eq!(kind("===", false), "rule Some(1)");
        assert_eq!(kind("- - -", false), "rule Some(2)");
        assert_eq!(kind("***", false), "rule None");
    }

    #[test]
    fn headings_by_marks_words_and_form() {
        assert_eq!(
            kind("## 1. Key Issues", false),
            r#"heading Marked 2 "1. Key Issues""#
        );
        // A wiki's or a pad's heading; a rule of equals signs, or an unclosed one, is none.
        assert_eq!(
            kind("== Attendance ==", false),
            r#"heading Marked 2 "Attendance""#
        );
        assert!(!kind("==========", false).starts_with("heading Marked"));
        assert!(!kind("== Attendance", false).starts_with("heading Marked"));
        // A numbered section name is a heading; a numbered sentence is an item.
        assert_eq!(
            kind("2. Key Recommendations", false),
            r#"heading Plain 1 "Key Recommendations""#
        );
        assert_eq!(
            kind("3. Establish clear outcomes", false),
            r#"item Number "Establish clear outcomes""#
        );
        assert_eq!(
            kind("TANGIBLE OUTCOMES", false),
            r#"heading Plain 1 "TANGIBLE OUTCOMES""#
        );
        // Emphasis that hides numbering is seen through for the section test.
        assert_eq!(
            kind("**1.** Key Issues", false),
            r#"heading Plain 1 "1. Key Issues""#
        );
        // A short line is a sub-heading only where content follows after a break.
        assert_eq!(
            kind("Funding Models", true),
            r#"heading Apart 2 "Funding Models""#
        );
        assert_eq!(kind("Funding Models", false), "text");
        assert_eq!(
            kind("**Funding models for the long run**", true),
            r#"heading Plain 2 "Funding models for the long run""#
        );
    }

    #[test]
    fn items_prompts_meta_and_furniture() {
        assert_eq!(
            kind("  • Fund the IGF.", false),
            r#"item Symbol "Fund the IGF.""#
        );
        // A short bracketed line is a stage direction; a long one that asks for bullet
        // points is the template's prompt.
        assert_eq!(
            kind("(3-5 bullet points)", false),
            "procedural stage direction or note in brackets"
        );
        assert_eq!(
            kind(
                "(Please give 3-5 bullet points on what the speakers and the audience raised during the session here)",
                false
            ),
            "prompt"
        );
        assert_eq!(kind("https://example.org/x", false), "meta link");
        assert_eq!(kind("10 July 2025", false), "meta date");
        assert_eq!(kind("Organizer: Example Org", false), "meta front matter");
        assert_eq!(kind("Dear colleagues,", false), "procedural salutation");
        assert_eq!(kind("We agreed on three points.", true), "text");
    }

    #[test]
    fn shape_strips_markup_once_and_keeps_the_source() {
        let line = classify_line("\t1. **Key** issues", Break::default());
        let shape = line.shape().expect("not blank");
        assert_eq!(shape.source, "1. **Key** issues");
        assert_eq!(shape.plain, "Key issues");
        assert_eq!(shape.indent, 4);
        assert!(shape.item && shape.names_section && shape.template_heading);
        let shape = classify_line("(Key Issues)", Break::default());
        let shape = shape.shape().expect("not blank");
        assert!(shape.bracketed && !shape.starts_lower && shape.heading_like);
        let line = classify_line("Author: Jane Roe", Break::default());
        let Line::Meta { field: Some(f), .. } = line else {
            panic!("front matter expected");
        };
        assert_eq!((f.field, f.value.as_str()), (None, "Jane Roe"));
        let line = classify_line("Source: <https://x.org/1> (archived)", Break::default());
        let Line::Meta { field: Some(f), .. } = line else {
            panic!("front matter expected");
        };
        assert_eq!(f.field, Some(MetaField::Url));
        assert_eq!(f.link().as_deref(), Some("https://x.org/1"));
    }

    #[test]
    fn only_a_heading_that_names_works_cited_lists_sources() {
        for (heading, listing) in [
            ("References", Listing::Sources),
            ("5. Bibliography:", Listing::Sources),
            ("## Endnotes", Listing::Sources),
            ("Notes", Listing::Content),
            ("References to the IGF in the compact", Listing::Content),
            ("Speakers", Listing::People),
            (
                "Participants agreed on the following recommendations:",
                Listing::Content,
            ),
        ] {
            assert_eq!(
                listing_of(heading.trim_start_matches("## ")),
                listing,
                "{heading}"
            );
        }
    }

    #[test]
    fn an_about_heading_over_a_name_is_the_issuers_profile_and_over_the_meeting_is_content() {
        for (heading, listing) in [
            ("**About the Assembly**", Listing::Profile),
            (
                "About the Cambodian Center for Connectivity",
                Listing::Profile,
            ),
            ("About us", Listing::Profile),
            ("Notes to editors:", Listing::Profile),
            ("About the session", Listing::Content),
            ("About this report", Listing::Content),
            ("About the Workshop", Listing::Content),
            ("About 40% of respondents", Listing::Content),
        ] {
            assert_eq!(listing_of(heading), listing, "{heading}");
        }
    }

    #[test]
    fn a_run_of_unpunctuated_capitalised_lines_is_a_list_whose_markers_were_drawn() {
        // A slide printed to PDF: the bullets were drawn, the words are lines.
        let slide = [
            "What participants asked for",
            "",
            "Simplify the voucher form to a single page",
            "Let parish councils apply for whole villages",
            "Publish a coverage map every quarter",
            "",
        ];
        let around = breaks(&slide);
        let items: Vec<bool> = slide
            .iter()
            .zip(around)
            .map(|(l, a)| {
                matches!(
                    classify_line(l, a),
                    Line::Item {
                        marker: Marker::Drawn,
                        ..
                    }
                )
            })
            .collect();
        assert_eq!(items, [false, false, true, true, true, false]);
        // A wrapped paragraph ends with a stop; a masthead's lines are short or in columns.
        for text in [
            &[
                "The forum met in Suva",
                "Ministers from nine States agreed on a",
                "Plan for the cables.",
            ][..],
            &["United Nations", "General Assembly", "14 December 2024"][..],
        ] {
            assert!(breaks(text).iter().all(|b| !b.listed), "{text:?}");
        }
    }

    #[test]
    fn body_follows_looks_past_blank_lines() {
        let lines = ["A", "", "B", "C", "- d", "E", ""];
        let follows: Vec<bool> = breaks(&lines).iter().map(|b| b.body_follows).collect();
        assert_eq!(follows, [true, false, false, true, false, false, false]);
    }

    #[test]
    fn enumerators() {
        assert_eq!(
            parse_bullet("1. Reaffirm"),
            Some((Marker::Number, "Reaffirm"))
        );
        // An outline number needs no closing dot before a capital ("2.1.1 The Board…").
        assert_eq!(parse_bullet("1.2 Sub"), Some((Marker::Number, "Sub")));
        // A keycap digit numbers a post's points; a plain "3 Exams" does not.
        assert_eq!(
            parse_bullet("3\u{fe0f}\u{20e3} Exams watched by cameras have no place."),
            Some((Marker::Number, "Exams watched by cameras have no place."))
        );
        assert_eq!(parse_bullet("3 Exams watched by cameras."), None);
        assert_eq!(parse_bullet("1.2 sub"), None);
        assert_eq!(
            parse_bullet("(c) 2024 Lakes Council"),
            None,
            "a copyright sign"
        );
        assert_eq!(parse_bullet("1.2. Sub"), Some((Marker::Number, "Sub")));
        assert_eq!(parse_bullet("(a) x"), Some((Marker::Letter, "x")));
        assert_eq!(parse_bullet("iv) x"), Some((Marker::Letter, "x")));
        assert_eq!(parse_bullet("2025. A year"), None);
        assert_eq!(parse_bullet("-5% growth"), None);
        assert_eq!(parse_bullet("*emphasis* here"), None);
        assert_eq!(parse_bullet("A. Smith said"), None);
        assert_eq!(parse_bullet("e.g. this"), None);
    }

    #[test]
    fn a_list_without_stops_counts_up_from_one_and_is_no_widget_nor_note() {
        let list = [
            "1 The Forum should be given a permanent mandate, with a",
            "review of its working methods every five years.",
            "",
            "2 The Secretariat should be funded by several groups.",
        ];
        assert_eq!(numbered_runs(&list, |_| false), [0, 3]);
        // Footnotes count up from one too; the body marks them (`notes.rs`).
        assert!(numbered_runs(&list, |i| i == 0).is_empty());
        // Not from one, or a number in mid-sentence.
        let figures = ["12 Member States attended.", "", "13 Observers came too."];
        assert!(numbered_runs(&figures, |_| false).is_empty());
        let wrapped = ["We met with", "1 Minister and", "2 Deputies."];
        assert!(numbered_runs(&wrapped, |_| false).is_empty());
        // Numbered section headings stand alone on their lines.
        let headings = [
            "1 Introduction",
            "",
            "Text.",
            "",
            "2 Key messages",
            "",
            "More.",
        ];
        assert!(numbered_runs(&headings, |_| false).is_empty());
        // A comment widget's counters open every paragraph with the same words.
        let widget = [
            "1 Leave a comment on paragraph 1 3 Access is a right.",
            "",
            "2 Leave a comment on paragraph 2 0 Skills matter too.",
        ];
        assert!(numbered_runs(&widget, |_| false).is_empty());
    }

    #[test]
    fn a_markdown_pages_links_to_its_own_sections_are_its_contents() {
        for entry in [
            "1. [Background](#background)",
            "- [See also](#see-also)",
            "[Dissent](#dissent)",
        ] {
            assert!(is_contents_entry(entry), "{entry}");
        }
        for line in [
            "See the [background](#background) for how the group worked.",
            "1. [Resolution 2 (2025)](res/2)",
            "[Dissent](#dissent) and [Background](#background)",
        ] {
            assert!(!is_contents_entry(line), "{line}");
        }
    }

    #[test]
    fn a_table_of_contents_without_leaders_is_told_by_its_page_numbers() {
        let contents = [
            "Contents",
            "",
            "I. Introduction\t3",
            "II. Organization of the meeting 3",
            "",
            "III. Conclusions and recommendations 6",
            "Annex List of participants 8",
            "",
            "I. Introduction",
        ];
        let found: Vec<bool> = breaks(&contents).iter().map(|b| b.contents).collect();
        assert_eq!(
            found,
            [false, false, true, true, false, true, true, false, false]
        );
        // Figures go up and down, and a sentence ends before its number.
        let figures = ["Onsite 85", "Online 40", "Countries 14", "Attended by 85."];
        assert!(breaks(&figures).iter().all(|b| !b.contents));
        let sentences = ["We met 3", "in 2 rooms.", "It ran 4"];
        assert!(breaks(&sentences).iter().all(|b| !b.contents));
    }

    #[test]
    fn never_panics_on_odd_lines() {
        for raw in [
            "", "(", "#", "- ", "1.", "###### ", "a)", "—", "**", "\u{0}x", "é:é", "II.", "(ii.",
            "1", "1 ", "99 X", "0 A",
        ] {
            let _ = classify_line(
                raw,
                Break {
                    body_follows: true,
                    by_choice: true,
                    wraps: true,
                    running: true,
                    masthead: true,
                    paged: true,
                    yaml: true,
                    footnote: true,
                    listed: true,
                    numbered: true,
                    contents: true,
                    fields_follow: true,
                    foreign: Some("quoted earlier message"),
                    goes_on: true,
                    continues: true,
                },
            );
        }
    }

    #[test]
    fn a_heading_that_answers_anothers_recommendations_opens_no_such_section() {
        use crate::corpus::SectionKind;
        let section = |t: &str| Topic::of(t).section;
        assert_eq!(
            section("Response of the Fishers' Union to the Forum's Draft Recommendations"),
            None
        );
        assert_eq!(section("Comments on the draft recommendations"), None);
        assert_eq!(
            section("Key Recommendations"),
            Some(SectionKind::Recommendations)
        );
        assert_eq!(
            section("Recommendations to the Harbour Council"),
            Some(SectionKind::Recommendations)
        );
    }
}
