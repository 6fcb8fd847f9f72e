//! The outliner's state machine: classified lines in, blocks, furniture and metadata out.
//!
//! [`Machine::step`] takes one [`Line`] at a time. Its [`State`] says what the line may
//! belong to: the preamble (lines are session metadata), a heading just read (a template
//! prompt may follow, a wrapped heading may go on), an open block (a list item or
//! paragraph that may absorb the next line), or the body between blocks. Apart from the
//! state, the machine only counts blank lines and remembers the section it is in.

use super::line::{
    column_fields, dated_fields, front_matter, is_all_caps, is_banner, is_key_value, kicker_fields,
    strip_numbering, top_number, Cue, FrontMatter, Heading, Line, Marker, Shape, Topic, FOOTNOTE,
    MAX_HEADING_WORDS,
};
use super::mail;
use crate::corpus::prose::{
    as_url, clean_line, ends_unfinished, ends_with_terminal, is_date_line, word_count, Hyphenated,
};
use crate::corpus::template::{MetaField, PHONE_LABELS, TOPIC_WORDS, VENUE_OPENINGS};
use crate::corpus::unit::{
    byline_agent, furniture_line, is_document_symbol, is_formula, is_page_number, repeats_title,
    Listing, UnitClass, DATE, DOCUMENT_NOUNS, DOCUMENT_SYMBOL, FIGURE_ROW, NAMES_OF_PEOPLE,
    PAGE_FOOTER, PAGE_NUMBER, REPEATS_TITLE, RUNNING_HEADER,
};
use crate::corpus::{classify, SectionKind, StatementKind};

/// Does a line name the document by its kind ("Response to…", "Submission on…")?
fn names_the_document(plain: &str) -> bool {
    let mut words = plain.split_whitespace().map(str::to_lowercase);
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    DOCUMENT_NOUNS.contains(&first.as_str())
        && matches!(second.as_str(), "to" | "on" | "for" | "of")
}

/// The agent a byline opens by naming ("Convened by the Ebb Valley Estuary Commission"),
/// or the whole line.
fn agent(line: &str) -> &str {
    match byline_agent(line) {
        Some((0, name)) => name,
        _ => line,
    }
}

/// Fewest words of a lead-in sentence, as against a heading with a colon ("Key
/// recommendations:").
const LEAD_IN_WORDS: usize = 5;

/// "In its closing session the forum adopted five recommendations:": a sentence that
/// introduces a list, whose section ends with the list.
fn is_lead_in_sentence(text: &str) -> bool {
    text.trim_end().ends_with(':') && word_count(text) >= LEAD_IN_WORDS
}

/// A form's field label over its value: a short line ending in a colon ("Follow-up
/// planned:"), or a question put as one ("Any topics not addressed?:").
fn is_field_label(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(char::is_uppercase)
        && word_count(t) <= MAX_HEADING_WORDS
        && (t.ends_with("?:") || (t.ends_with(':') && !is_lead_in_sentence(t)))
}

/// Fewest items in a row that make a list whose end the next paragraph follows.
const LIST_BEFORE_PROSE: usize = 2;

/// Blank lines in a row read as a page break, across which an unfinished item continues.
const PAGE_BREAK_BLANKS: usize = 2;

/// Why a masthead row is metadata.
const MASTHEAD: &str = "masthead";
/// Lines that held the title by their position until a first-level heading below them
/// turned out to be the title: the issuer's masthead (which `boilerplate` may find to
/// be a forum's name printed atop several documents).
pub(crate) const ABOVE_TITLE: &str = "masthead above the title";

/// Widest indent beyond an item's own at which a paragraph still reads as part of the
/// item (a marker, its gap and a tab's worth more).
const ITEM_BODY_INDENT: usize = 8;

/// Longest line under a masthead read as part of it (an organ, a session).
const MASTHEAD_WORDS: usize = 3;

/// A line set between rules of three or more marks ("--- Submission 2 of 3 ---",
/// "=== Part II ===").
fn is_framed(line: &str) -> bool {
    // Three of one rule mark, read from one end of the line.
    fn rule(mut marks: impl Iterator<Item = char>) -> bool {
        marks.next().is_some_and(|c| {
            matches!(c, '-' | '=' | '*' | '_' | '~')
                && marks.take(2).filter(|&d| d == c).count() == 2
        })
    }
    let t = line.trim();
    t.chars().any(char::is_alphanumeric) && rule(t.chars()) && rule(t.chars().rev())
}

/// Most words of a note in brackets that stands for a picture above the title ("[SFCP
/// LOGO]", "[Photo: the panel at work]").
const PLACEHOLDER_WORDS: usize = 6;

/// The reason given to such a note.
const PLACEHOLDER: &str = "picture placeholder above the title";

/// A title line at least this long may have been wrapped at a page's width.
const WRAPPED_TITLE_CHARS: usize = 70;

/// What the line being read may belong to.
#[derive(Debug)]
enum State {
    /// Before the first section: lines are the session's metadata.
    Preamble {
        /// The title line just read was long enough to have been wrapped by a layout, so
        /// the very next line may be its tail.
        title_wrapped: bool,
        /// The line just read was the title: a next line in lowercase is its tail, however
        /// short the title ("Keeping island cables alive: what three regional" /
        /// "meetings agreed", a headline set in large type).
        after_title: bool,
    },
    /// Right after a heading: a bracketed line here is the template's prompt.
    Heading {
        /// Text of a plain-line heading just read, which a wrapped next line may continue.
        open: Option<String>,
    },
    /// A list item or paragraph is open and may absorb the lines that continue it.
    Block(Block),
    /// In the body, with nothing open.
    Body,
}

/// Whether a block is a list item or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BlockKind {
    /// A list item, with its marker's indent and family.
    Item {
        /// Indent of the marker's line.
        indent: usize,
        /// How it is numbered.
        marker: Marker,
    },
    /// A prose paragraph.
    Para,
}

/// A list item or paragraph after joining its lines.
#[derive(Debug)]
pub(super) struct Block {
    /// Item or paragraph.
    pub kind: BlockKind,
    /// Section it stands in.
    pub section: SectionKind,
    /// Blocks in different groups are separated by a heading.
    pub group: usize,
    /// What the heading above the block says its lines list.
    pub listing: Listing,
    /// The heading above the block asks for something ("The framework should address:"):
    /// short noun phrases under it are what is asked for, not a list of topics.
    pub asked: bool,
    /// The heading above the block is a lead-in ("The framework should address the
    /// following issues:"): what its items complete, shown with them.
    pub lead: Option<String>,
    /// The heading above the block names its points ("Key issues", "Divergent views"), not
    /// a part of the document (agenda, speakers, annex) nor its topics ("Themes"): short
    /// noun phrases right under it are the points (a slide's bullets).
    pub points: bool,
    /// Joined, cleaned text.
    pub text: String,
    /// `(byte offset in text, 1-based line)` for each joined source line.
    pub starts: Vec<(usize, usize)>,
}

impl Block {
    /// The 1-based source line holding byte `offset` of the joined text.
    pub(super) fn line_at(&self, offset: usize) -> usize {
        let idx = self.starts.partition_point(|&(o, _)| o <= offset);
        self.starts
            .get(idx.saturating_sub(1))
            .map_or(0, |&(_, line)| line)
    }

    /// Append a source line, remembering where it starts.
    fn push_line(&mut self, text: &str, line: usize, hyphens: &Hyphenated) {
        let text = clean_line(text);
        if text.is_empty() {
            return;
        }
        // A word broken across a line break at a hyphen is one word again: without the
        // hyphen when the layout put it there, with it when the word has one.
        let first = self
            .text
            .strip_suffix('-')
            .map(|t| {
                let start = t
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                &t[start..]
            })
            .filter(|first| first.chars().any(char::is_alphabetic));
        let broken = first.filter(|_| text.starts_with(|c: char| c.is_lowercase()));
        if let Some(first) = broken {
            let rest = text
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if !hyphens.keeps(first, rest) {
                self.text.pop();
            }
        } else if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.starts.push((self.text.len(), line));
        self.text.push_str(&text);
    }
}

/// A line consumed without becoming a block (a heading, front matter, a prompt), kept so
/// that every unit read is reported.
#[derive(Debug)]
pub(super) struct Furniture {
    /// 1-based source line.
    pub line: usize,
    /// Clean one-line text.
    pub text: String,
    /// What kind of furniture.
    pub class: UnitClass,
    /// Why, for the report.
    pub reason: &'static str,
}

/// The session metadata the text states.
#[derive(Debug, Default)]
pub(super) struct Meta {
    /// Title.
    pub title: String,
    /// Organizer.
    pub organizer: String,
    /// Date.
    pub date: String,
    /// The session's link.
    pub url: String,
    /// Fields a labelled line filled ("Title: …"): a label outranks a line's position.
    labelled: Vec<MetaField>,
}

impl Meta {
    /// Fill the field a front-matter line states, unless an earlier line filled it. In the
    /// preamble a label replaces what a line's position suggested ("HARBOURLINE FORUM
    /// 2025" above "Title: Trusted Data Sharing…"), though not an earlier label.
    fn fill(&mut self, mut front: FrontMatter, preamble: bool) {
        let Some(field) = front.field else {
            return;
        };
        // "Organizer: Tuna Futures Lab · 15 April 2026 · Room C": a line of fields set
        // apart by dots; the first is the organizer, a date among the rest the date.
        if field == MetaField::Organizer {
            let fields: Vec<String> = front
                .value
                .split(" · ")
                .map(|f| f.trim().to_owned())
                .collect();
            if fields.len() > 1 {
                if let Some(date) = fields.iter().skip(1).find(|f| is_date_line(f)) {
                    fill_empty(&mut self.date, date.clone());
                }
                front.value = fields[0].clone();
            }
        }
        let slot = match field {
            MetaField::Title => &mut self.title,
            MetaField::Organizer => &mut self.organizer,
            MetaField::Date => &mut self.date,
            MetaField::Url => {
                if let Some(url) = front.link() {
                    fill_empty(&mut self.url, url);
                }
                return;
            }
        };
        if front.value.is_empty() {
            return;
        }
        // A bilingual date ("11 March 2026 / 11 mars 2026") is given once.
        if field == MetaField::Date {
            if let Some((first, _)) = front
                .value
                .split_once(" / ")
                .filter(|(d, _)| is_date_line(d))
            {
                front.value = first.trim().to_owned();
            }
        }
        if slot.is_empty() || (preamble && !self.labelled.contains(&field)) {
            *slot = front.value;
            self.labelled.push(field);
        }
    }
}

/// Does a heading announce the topics a text covers ("Themes", "Sub-themes", "Topics",
/// "Tracks"), whose list names them and states nothing?
fn names_topics(heading: &str) -> bool {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| TOPIC_WORDS.contains(&w))
}

/// Why a letterhead's address line is not read as the title.
const CONTACT_DETAILS: &str = "contact details (a letterhead or a footer)";

/// Fewest digits of a telephone number.
const PHONE_DIGITS: usize = 6;

/// A line of fields set apart by " · " or " | " that is page furniture: a page number
/// first ("Page 1 of 2 · Ref. SGTD-2025-017", a footer a PDF draws before the body), or
/// contact details among them (a telephone number after "Tel."/"Phone"/"Fax", a web or
/// mail address: "Jr. Carabaya s/n, Lima · Tel. +51 1 219 7000 · www.gob.pe"), or the
/// document's symbol first, its fields set apart by dashes too.
fn head_fields_furniture(plain: &str) -> Option<&'static str> {
    // "HHF/2025/S2/CS — Distribution: General — 20 June 2025": a line of fields opening on
    // the document's symbol is its filing slip, never its title.
    let slip: Vec<&str> = plain
        .split(" — ")
        .flat_map(|f| f.split(" – "))
        .flat_map(|f| f.split(" · "))
        .flat_map(|f| f.split(" | "))
        .map(str::trim)
        .collect();
    if slip.len() >= 2 && is_document_symbol(slip[0]) {
        return Some(DOCUMENT_SYMBOL);
    }
    let fields: Vec<&str> = plain
        .split(" · ")
        .flat_map(|f| f.split(" | "))
        .map(str::trim)
        .collect();
    if fields.len() < 2 {
        return None;
    }
    if is_page_number(&fields[0].to_lowercase()) {
        return Some(PAGE_FOOTER);
    }
    let contact = |f: &&str| {
        let lower = f.to_lowercase();
        let phone = PHONE_LABELS.iter().any(|p| lower.starts_with(p))
            && f.chars().filter(char::is_ascii_digit).count() >= PHONE_DIGITS;
        let address = lower.starts_with("www.")
            || lower.starts_with("http")
            || (f.contains('@') && !f.contains(' '));
        phone || address
    };
    fields.iter().any(contact).then_some(CONTACT_DETAILS)
}

/// Why a line of where a meeting was held names no one.
const VENUE: &str = "where the meeting was held";

/// Why a trail of pages above the title is not read.
const BREADCRUMB: &str = "breadcrumb (the site's trail to the page)";

/// Fewest parts of a breadcrumb trail.
const BREADCRUMB_PARTS: usize = 3;

/// Most words of one part of a breadcrumb trail, the last (the page itself) aside.
const BREADCRUMB_PART_WORDS: usize = 4;

/// A site's navigation above the title: its trail to the page ("[Events](/) / [Session
/// notes](./) / Privacy clinic" or "Home › Events › Privacy clinic": three or more parts
/// set apart by a slash, an angle quote or a chevron between spaces, all but the last of
/// a few words, and the parts before the last links (or the marks a site draws between
/// them), as a site's trail to its page is written), or a bar of links.
fn is_breadcrumb(plain: &str, source: &str) -> bool {
    is_trail(plain, source) || is_link_bar(plain, source)
}

/// "[Main Page](/) | [Recent changes](/rc) | [Log in](/login)": three or more links of a
/// few words each, set apart by bars or middle dots, every part a link. A wiki or a site
/// prints its navigation so above the page's title.
fn is_link_bar(plain: &str, source: &str) -> bool {
    let mut parts: Vec<&str> = vec![plain];
    for sep in [" | ", " · "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.len() >= BREADCRUMB_PARTS
        && source.matches("](").count() >= parts.len()
        && parts.iter().all(|p| {
            let p = p.trim();
            !p.is_empty() && word_count(p) <= BREADCRUMB_PART_WORDS && !ends_with_terminal(p)
        })
}

/// A trail of pages down to this one: see [`is_breadcrumb`].
fn is_trail(plain: &str, source: &str) -> bool {
    let mut parts: Vec<&str> = vec![plain];
    for sep in [" / ", " › ", " » ", " > "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let Some((_, before)) = parts.split_last() else {
        return false;
    };
    let drawn = plain.contains(" › ") || plain.contains(" » ");
    let linked = source.matches("](").count() >= BREADCRUMB_PARTS - 1;
    parts.len() >= BREADCRUMB_PARTS
        && (drawn || linked)
        && before.iter().all(|p| {
            let p = p.trim();
            !p.is_empty() && word_count(p) <= BREADCRUMB_PART_WORDS && !ends_with_terminal(p)
        })
}

/// Most words of a quoted line read as a title.
const MAX_QUOTED_TITLE_WORDS: usize = 20;

/// The words of a line wholly in quotation marks (“…” or "…") with none inside, of two or
/// more words and few enough for a title.
fn quoted_line(plain: &str) -> Option<&str> {
    let t = plain.trim();
    let inner = t
        .strip_prefix('“')
        .and_then(|r| r.strip_suffix('”'))
        .or_else(|| t.strip_prefix('"').and_then(|r| r.strip_suffix('"')))?;
    let words = word_count(inner);
    (!inner.contains(['“', '”', '"']) && (2..=MAX_QUOTED_TITLE_WORDS).contains(&words))
        .then_some(inner)
}

/// Most lines a pull quote in a document's head runs to.
const PULL_QUOTE_LINES: usize = 6;

/// The reason given to the lines of a quotation printed in a document's head.
const PULL_QUOTE: &str = "quotation set in the page's head (a pull quote)";

/// A line that opens a quotation and does not close it ("“Every hour offline is an").
fn opens_unclosed_quote(plain: &str) -> bool {
    let t = plain.trim();
    t.starts_with(['“', '"']) && !closes_quote(&t[t.chars().next().map_or(0, char::len_utf8)..])
}

/// Does the line close a quotation ("…emergency services.”")?
fn closes_quote(plain: &str) -> bool {
    plain.contains(['”', '"'])
}

/// Put `value` in a metadata slot unless an earlier line filled it: the first line that
/// states a field wins.
fn fill_empty(slot: &mut String, value: String) {
    if slot.is_empty() {
        *slot = value;
    }
}

/// Where in the document's sections the machine is.
#[derive(Debug)]
struct Section {
    /// The section blocks fall in.
    kind: SectionKind,
    /// Level of the heading that set `kind`; deeper unknown headings keep it.
    level: usize,
    /// Count of headings read: blocks under different headings are not siblings.
    group: usize,
    /// What the last heading says its lines list (people, works cited).
    listing: Listing,
    /// The last heading makes a call (see [`Block::asked`]).
    asked: bool,
    /// The last heading is a lead-in (see [`Block::lead`]).
    lead: Option<String>,
    /// The last heading names its points (see [`Block::points`]).
    points: bool,
    /// The top-level number of the last heading ("2. Recommendations" → 2), so "3." after
    /// it is the next section, not an item of this one.
    number: Option<u32>,
    /// A top-level numbered item was read since that heading: "3." then numbers a list.
    numbered_items: bool,
    /// The section a lead-in sentence ("The forum adopted five recommendations:") set
    /// covers only its list: the kind and level to return to when prose follows the list.
    after_list: Option<(SectionKind, usize)>,
    /// An item was read since that lead-in.
    listed: bool,
    /// Items read in a row since the last heading or paragraph.
    items_in_row: usize,
    /// Prose has followed a list since the last heading: the heading's list is over.
    list_over: bool,
}

/// What the machine read from a whole document.
#[derive(Debug)]
pub(super) struct Parsed {
    /// The session metadata the text states.
    pub meta: Meta,
    /// List items and paragraphs, in document order.
    pub blocks: Vec<Block>,
    /// Lines consumed without becoming a block.
    pub furniture: Vec<Furniture>,
}

/// The state machine over classified lines.
#[derive(Debug)]
pub(super) struct Machine {
    state: State,
    section: Section,
    meta: Meta,
    blocks: Vec<Block>,
    furniture: Vec<Furniture>,
    /// Blank lines just before the line being read.
    blank_run: usize,
    /// The last non-blank line ended where its author chose, not where a layout wrapped
    /// it: the line after it starts something new.
    after_choice: bool,
    /// 1-based number of the line being read.
    number: usize,
    /// A masthead was read at the top (see [`column_fields`]).
    masthead: bool,
    /// The title so far is a line printed atop every page (`Break::masthead`).
    title_on_every_page: bool,
    /// The title so far is a heading the author marked as one (`# …`, `<h1>`).
    title_marked: bool,
    /// Lines left to a quotation opened in the head and not yet closed: a pull quote set
    /// beside the title, whose lines name neither the session nor its organizer.
    pull_quote_left: usize,
    /// The pull quote has closed: a line under it opening on a dash is its attribution.
    after_pull_quote: bool,
    /// The document's own hyphenated words, to mend words broken across lines.
    hyphens: Hyphenated,
}

impl Machine {
    /// A machine at the top of a document, in its preamble.
    pub(super) fn new(hyphens: Hyphenated) -> Self {
        Machine {
            state: State::Preamble {
                title_wrapped: false,
                after_title: false,
            },
            section: Section {
                kind: SectionKind::Other,
                level: usize::MAX,
                group: 0,
                listing: Listing::Content,
                asked: false,
                lead: None,
                points: false,
                number: None,
                numbered_items: false,
                after_list: None,
                listed: false,
                items_in_row: 0,
                list_over: false,
            },
            meta: Meta::default(),
            blocks: Vec::new(),
            furniture: Vec::new(),
            blank_run: 0,
            after_choice: false,
            number: 0,
            masthead: false,
            title_on_every_page: false,
            title_marked: false,
            pull_quote_left: 0,
            after_pull_quote: false,
            hyphens,
        }
    }

    /// Read the next line of the document.
    pub(super) fn step(&mut self, line: Line) {
        self.number += 1;
        if matches!(line, Line::Blank) {
            self.blank_run += 1;
            return;
        }
        // A page number or running header stands between the two halves of whatever the
        // page break cut: noted, it leaves the open block open and the break a break.
        if let Line::Furniture {
            class,
            reason,
            shape,
        } = &line
        {
            // A footnote read before the body (a PDF may hold a page's notes first) names
            // nothing of the session either.
            let body = matches!(self.state, State::Block(_) | State::Body);
            if (body || *reason == FOOTNOTE)
                && [
                    PAGE_NUMBER,
                    PAGE_FOOTER,
                    DOCUMENT_SYMBOL,
                    RUNNING_HEADER,
                    FOOTNOTE,
                ]
                .contains(reason)
            {
                // "--- Submission 2 of 3 ---" repeats with its number as a page's header
                // does, but the writer framed it with rules to part what it separates:
                // it closes the open block ("Today's topics: … 3. Submission on
                // Question 4" had run on into the next mail's "From: … Date: …").
                // A slide's number opens the next slide: no bullet of the last one goes
                // on onto it ("…where the hot spots are" had taken the next slide's
                // title "Valencia case study").
                let slide = shape.source.trim().to_lowercase().starts_with("slide ");
                if is_framed(shape.source) || slide {
                    self.flush();
                }
                self.furnish(shape.source, *class, reason);
                self.blank_run = self.blank_run.max(PAGE_BREAK_BLANKS);
                return;
            }
        }
        let by_choice = line.shape().is_some_and(|shape| shape.around.by_choice);
        self.read(line);
        self.blank_run = 0;
        self.after_choice = by_choice;
    }

    /// Close the open block and hand over what was read.
    pub(super) fn finish(mut self) -> Parsed {
        self.flush();
        Parsed {
            meta: self.meta,
            blocks: self.blocks,
            furniture: self.furniture,
        }
    }

    /// Read one non-blank line. Each stage either consumes the line or lets the next one
    /// look at it; the order is what makes context overrule a line's first reading.
    fn read(&mut self, line: Line) {
        let Some(shape) = line.shape() else {
            return;
        };
        if self.continues_heading(shape) {
            return;
        }
        if let Line::Rule { underline, .. } = line {
            self.rule(underline);
            return;
        }
        if let State::Preamble {
            title_wrapped,
            after_title,
        } = &mut self.state
        {
            // Only the very next line can be a wrapped title's tail: a lowercase start, or
            // capitals right under a title in capitals ("REGIONAL DIALOGUE ON DIGITAL
            // IDENTITY" / "IN THE LAKES BASIN").
            let capitals = is_all_caps(&shape.plain) && is_all_caps(&self.meta.title);
            let title_wrapped = std::mem::take(title_wrapped)
                || (std::mem::take(after_title) && (shape.starts_lower || capitals));
            if let Some(reason) = self.preamble(&line, title_wrapped) {
                self.furnish(shape.source, UnitClass::Metadata, reason);
                return;
            }
            self.state = State::Body;
        }
        if let State::Heading { .. } = self.state {
            // Right under a heading a bracketed line is the template's prompt, whatever
            // its words; further down only one that says so (`Line::Prompt`).
            self.state = State::Body;
            if shape.bracketed {
                self.furnish(shape.source, UnitClass::Boilerplate, "template prompt");
                return;
            }
        }
        // `#` marks make a heading even under an unfinished sentence: before continuation.
        if let Line::Heading {
            heading,
            cue: Cue::Marked,
            ..
        } = &line
        {
            // "# Lakes Youth Forum — Action Plan" under front matter titling it so: the
            // title again, which opens no section.
            if repeats_title(&heading.text, &self.meta.title, false) {
                self.flush();
                self.furnish(&heading.text, UnitClass::Metadata, REPEATS_TITLE);
                return;
            }
            self.open_section(heading, None);
            self.number_section(heading, shape.source);
            self.furnish(&heading.text, UnitClass::Heading, "heading");
            return;
        }
        // A caption, a speaker list or a row of figures printed with no blank line around
        // it is its own line: joined, it would open (or swell) the paragraph around it.
        let caption = matches!(&line, Line::Furniture { reason, .. }
            if *reason == NAMES_OF_PEOPLE || *reason == FIGURE_ROW);
        if let State::Block(block) = &mut self.state {
            if !caption && continues_block(block, shape, self.blank_run, self.after_choice) {
                block.push_line(shape.source, self.number, &self.hyphens);
                return;
            }
        }
        // What is left is the line's first reading, which no context overruled.
        // A break by choice on either side of the line sets it apart as a blank line does.
        let stands_apart = self.blank_run > 0
            || !matches!(self.state, State::Block(_))
            || self.after_choice
            || shape.around.by_choice;
        match line {
            Line::Meta {
                reason,
                field,
                shape,
            } => {
                if let Some(field) = field {
                    self.meta.fill(field, false);
                }
                self.flush();
                self.furnish(shape.source, UnitClass::Metadata, reason);
            }
            Line::Furniture {
                class,
                reason,
                shape,
            } => {
                self.flush();
                self.furnish(shape.source, class, reason);
            }
            // A PDF's running header repeats the title at the top of every page: it opens
            // no section ("… OUTCOME REPORT" read as Outcomes would end the
            // recommendations) and leaves an item cut by the page break open.
            Line::Heading { heading, .. }
                if repeats_title(&heading.text, &self.meta.title, false) =>
            {
                self.furnish(&heading.text, UnitClass::Metadata, REPEATS_TITLE);
            }
            Line::Heading {
                heading,
                cue,
                shape,
            } if cue != Cue::Apart || stands_apart => {
                self.open_section(&heading, Some(heading.text.clone()));
                self.number_section(&heading, shape.source);
                self.furnish(&heading.text, UnitClass::Heading, "heading");
            }
            Line::Prompt(shape) => {
                // The open block stays open: the prompt sits beside it, not after it.
                self.furnish(shape.source, UnitClass::Boilerplate, "template prompt");
            }
            Line::Item {
                marker,
                text,
                shape,
            } => {
                let number = top_number(shape.source);
                if self.next_section_number(number, text) && !shape.around.goes_on {
                    // "3. Concluding remarks" after "2. Recommendations": the document's
                    // next section, at the level of the one it ends; not a numbered
                    // paragraph whose sentence goes on onto the next line.
                    let heading = Heading {
                        text: text.to_owned(),
                        level: self.section.level,
                        explicit: true,
                        topic: Topic::of(text),
                    };
                    self.open_section(&heading, None);
                    self.section.number = number;
                    self.furnish(text, UnitClass::Heading, "heading");
                    return;
                }
                self.section.numbered_items |= number.is_some();
                self.open_block(
                    BlockKind::Item {
                        indent: shape.indent,
                        marker,
                    },
                    text,
                )
            }
            // A short line that does not stand apart opens a paragraph. It starts with a
            // capital, so it is never a bracketed prompt.
            Line::Heading { shape, .. } | Line::Text(shape) => {
                // "Follow-up planned:" or "Were any topics raised that the session did
                // not address?:" over its value: a form's field, whose label says what
                // the value is. It ends the section the last heading opened ("Call to
                // action:"), as a heading would.
                // A label that names nothing ("Governments:" over what they should do)
                // stays in the section.
                let label = clean_line(shape.source);
                let topic = Topic::of(&label);
                let names = topic.section.is_some() || topic.leaves || label.ends_with("?:");
                if names && is_field_label(&label) {
                    self.section.kind = topic.section.unwrap_or(SectionKind::Other);
                    self.section.asked = false;
                    self.section.lead = None;
                }
                self.open_block(BlockKind::Para, shape.source)
            }
            // Consumed above.
            Line::Blank | Line::Rule { .. } => {}
        }
    }

    /// Is this line the wrapped rest of the heading just read?
    ///
    /// Layout-driven formats (PDF) wrap a long heading over several lines; its tail (a
    /// lowercase start, or text inside a still-open parenthesis such as a template prompt)
    /// belongs to the heading and must not become a statement.
    fn continues_heading(&mut self, shape: &Shape) -> bool {
        let State::Heading { open } = &mut self.state else {
            return false;
        };
        let Some(heading) = open.as_mut() else {
            return false;
        };
        let open_paren = heading.matches('(').count() > heading.matches(')').count();
        let continues = self.blank_run == 0 && !shape.item && (open_paren || shape.starts_lower);
        if !continues {
            *open = None;
            return false;
        }
        heading.push(' ');
        heading.push_str(shape.source);
        if let Some(last) = self.furniture.last_mut() {
            last.text.push(' ');
            last.text.push_str(&clean_line(shape.source));
        }
        true
    }

    /// A horizontal rule, or a Setext underline that turns the previous line into a heading.
    fn rule(&mut self, underline: Option<usize>) {
        let setext = underline.filter(|_| self.blank_run == 0);
        let single_line = match &self.state {
            State::Block(b) => {
                b.kind == BlockKind::Para
                    && b.starts.len() == 1
                    && word_count(&b.text) <= MAX_HEADING_WORDS
            }
            _ => false,
        };
        let (Some(level), true) = (setext, single_line) else {
            self.flush();
            return;
        };
        let State::Block(block) = std::mem::replace(&mut self.state, State::Body) else {
            return;
        };
        let heading = Heading {
            topic: Topic::of(&block.text),
            text: block.text.clone(),
            level,
            explicit: true,
        };
        self.open_section(&heading, None);
        self.furniture.push(Furniture {
            line: block.line_at(0),
            text: block.text,
            class: UnitClass::Heading,
            reason: "heading",
        });
    }

    /// After a title line that stops short of a sentence's end, the next line, unless a
    /// blank line comes first, goes on the title.
    fn title_goes_on(&mut self, line: &str) {
        let open = line.trim_end().ends_with(':') || !ends_with_terminal(line);
        if open && word_count(line) <= MAX_HEADING_WORDS {
            self.state = State::Preamble {
                title_wrapped: true,
                after_title: true,
            };
        }
    }

    /// Take a preamble line into the session metadata; `None` when it starts the body.
    fn preamble(&mut self, line: &Line, title_wrapped: bool) -> Option<&'static str> {
        let shape = line.shape()?;
        let plain = shape.plain.as_str();
        if plain.is_empty() || is_banner(plain) {
            return Some("banner");
        }
        // "AOGDW 2025 / Session notes / 2025-05-15 Privacy Clinic": the site's trail to the
        // page, whose own title follows as a heading.
        if self.meta.title.is_empty() && is_breadcrumb(plain, shape.source) {
            return Some(BREADCRUMB);
        }
        // The envelope of a forwarded report (the mails that passed it on, their notes)
        // names and dates the forwarding, not the session: the report's own head does.
        if let Some(reason) = shape
            .around
            .foreign
            .filter(|r| [mail::FORWARD_HEAD, mail::COVER_NOTE].contains(r))
        {
            return Some(reason);
        }
        // A page number printed on every page ("Page 1 of 2   CSTD/2025/3") is no title or
        // organizer on the first page either.
        if shape.around.paged {
            return Some(PAGE_FOOTER);
        }
        // "Page 1 of 2 · Ref. SGTD-2025-017", a footer drawn before the body; "Jr. Carabaya
        // s/n, Lima · Tel. +51 1 219 7000 · www.gob.pe": a letterhead's address.
        if let Some(reason) = head_fields_furniture(plain) {
            return Some(reason);
        }
        // A line printed atop every page is a logo or a series name, or the title itself
        // (a report's running head): it titles the session only until a line of the
        // preamble names it. Set out in fields ("Chair's Summary    Geneva, 14–15 May
        // 2025"), its first names the document and a date field dates it.
        if shape.around.running {
            let fields = column_fields(shape.source).unwrap_or_else(|| vec![plain]);
            let (dates, names): (Vec<&str>, Vec<&str>) =
                fields.into_iter().partition(|f| is_date_line(f));
            if let Some(date) = dates.first() {
                let date = dated_fields(date).map_or_else(|| date.to_string(), |(_, d)| d);
                fill_empty(&mut self.meta.date, clean_line(&date));
            }
            if let Some(name) = names.first().filter(|_| self.meta.title.is_empty()) {
                self.meta.title = clean_line(name);
                self.title_on_every_page = true;
                return Some("title");
            }
            return Some(RUNNING_HEADER);
        }
        // A labelled field says what it is, however its value is aligned ("Title:    …").
        if let Some(front) = front_matter(plain) {
            self.meta.fill(front, true);
            return Some("front matter");
        }
        if shape.around.yaml {
            return Some("front matter");
        }
        // A printed masthead sets the issuing body apart from the document's symbol or
        // date ("United Nations        A/HRC/99/12"): the body is the organizer, and no
        // row of it is the title.
        if let Some(fields) = column_fields(shape.source) {
            fill_empty(&mut self.meta.organizer, clean_line(fields[0]));
            self.masthead = true;
            return Some(MASTHEAD);
        }
        // A kicker above a headline names the publisher, the series and the date
        // ("Coastal Connectivity Observatory · Policy Brief No. 4 · September 2025").
        if let Some(fields) = kicker_fields(plain).filter(|_| self.meta.title.is_empty()) {
            fill_empty(&mut self.meta.organizer, clean_line(fields[0]));
            if let Some(date) = fields.iter().find(|f| is_date_line(f)) {
                fill_empty(&mut self.meta.date, clean_line(date));
            }
            return Some(MASTHEAD);
        }
        // "“Every hour offline is an" / "hour in which people" / "…emergency services.”":
        // a pull quote printed first names nothing; the quote is in the body's words.
        if self.pull_quote_left > 0 {
            self.pull_quote_left -= 1;
            if closes_quote(plain) {
                self.pull_quote_left = 0;
                self.after_pull_quote = true;
            }
            return Some(PULL_QUOTE);
        }
        if opens_unclosed_quote(plain) {
            self.pull_quote_left = PULL_QUOTE_LINES;
            return Some(PULL_QUOTE);
        }
        // "— Panellist, Office of the" / "Ombudsman": who said it, on a line or two.
        if std::mem::take(&mut self.after_pull_quote)
            && (shape.source.starts_with(['—', '–']) || shape.around.continues)
        {
            self.after_pull_quote = true;
            return Some(PULL_QUOTE);
        }
        if let Line::Heading {
            heading,
            cue: Cue::Marked,
            ..
        } = line
        {
            if self.meta.title.is_empty() && heading.level <= 2 && heading.topic.section.is_none() {
                self.meta.title = clean_line(&heading.text);
                self.title_marked = true;
                return Some("title");
            }
            // "House of Representatives" / "Select Committee on…" / "# Learning with
            // Machines": a heading the author marked as the page's first level, under
            // lines that held the title only by their position, is the title; those
            // lines are the issuer's masthead, the organizer if no line named one.
            // A part of any report ("# Background", "# Annex") names no document.
            if heading.level == 1
                && !self.title_marked
                && heading.topic.section.is_none()
                && !heading.topic.leaves
                && word_count(&heading.text) >= 2
                && !self.meta.labelled.contains(&MetaField::Title)
            {
                let above = std::mem::replace(&mut self.meta.title, clean_line(&heading.text));
                // The lines read as the title (one, or a wrapped title's several) are
                // the issuer's masthead.
                for f in self.furniture.iter_mut().filter(|f| f.reason == "title") {
                    f.reason = ABOVE_TITLE;
                }
                // A lone word above ("Guidance") labels the page's kind, not its issuer.
                let names = word_count(&above) >= 2;
                if names && self.meta.organizer.is_empty() {
                    self.meta.organizer = above;
                }
                self.title_marked = true;
                return Some("title");
            }
            return None;
        }
        if shape.item {
            return None;
        }
        if title_wrapped
            && self.blank_run == 0
            && plain.chars().any(char::is_alphabetic)
            && as_url(plain).is_none()
            && !is_date_line(plain)
            && !is_key_value(plain)
        {
            self.meta.title = format!("{} {}", self.meta.title, clean_line(plain));
            // A headline set in large type wraps over several short lines.
            self.title_goes_on(plain);
            return Some("title");
        }
        let first_line = self.meta.title.is_empty();
        // Before a title is found only template-like headings end the preamble, so a
        // title such as "Recommendations for a Digital Future" stays a title.
        let heading_here = if first_line {
            shape.template_heading
        } else {
            shape.names_section
        };
        if heading_here || (shape.leaves_sections && word_count(plain) <= 4) {
            return None;
        }
        if let Some(url) = as_url(plain) {
            fill_empty(&mut self.meta.url, url);
            return Some("link");
        }
        let words = word_count(plain);
        if is_date_line(plain) && !(first_line && words > 8) {
            // "Global Network Operators Council — January 2025": the date, and who issued
            // it, each in its field.
            let (name, date) = dated_fields(plain).unwrap_or((None, plain.to_owned()));
            fill_empty(&mut self.meta.date, clean_line(&date));
            if let Some(name) = name {
                fill_empty(&mut self.meta.organizer, clean_line(name));
            }
            return Some(DATE);
        }
        // A first line may be a headline asking a question; a long sentence ending in a
        // full stop opens the body instead.
        let headline = first_line && plain.trim_end().ends_with(['?', '!']);
        if words > 30 || (words > 12 && ends_with_terminal(plain) && !headline) {
            return None;
        }
        // "[SFCP LOGO]", "[Photo: the panel]": a short note in brackets above the title
        // stands where a picture was, in the document's head; below a title, a greeting
        // or a stage direction ("[Applause]") opens the body, naming no title or organizer.
        if is_formula(plain) {
            let placeholder = first_line
                && words <= PLACEHOLDER_WORDS
                && plain.starts_with('[')
                && plain.ends_with(']');
            return placeholder.then_some(PLACEHOLDER);
        }
        // A byline or a publication date is metadata, but not the organizer.
        if let Some((UnitClass::Metadata, reason)) = furniture_line(plain) {
            return Some(reason);
        }
        if repeats_title(plain, &self.meta.title, true) {
            // The page repeats its running head's title, which no later line then
            // replaces; when the repeat opens the page's own headline, which goes on
            // below ("Connecting the Lakes Region:" / "Rights, Spectrum and…"), the
            // headline is the title.
            let opens_headline = plain.trim_end().ends_with(':') || shape.around.goes_on;
            if std::mem::take(&mut self.title_on_every_page) && opens_headline {
                self.meta.title = clean_line(plain);
                self.title_goes_on(plain);
                return Some("title");
            }
            return Some(REPEATS_TITLE);
        }
        // Under a masthead, the organ and session ("Human Rights Council", "Ninety-ninth
        // session") stand in short lines before the title.
        if self.masthead && first_line && words <= MASTHEAD_WORDS {
            return Some(MASTHEAD);
        }
        if first_line {
            // PDFs wrap a long title at the page width; a line that long with no blank
            // line after it is wrapped, and the next line is its tail, not the organizer.
            self.state = State::Preamble {
                title_wrapped: plain.chars().count() >= WRAPPED_TITLE_CHARS,
                after_title: true,
            };
            self.meta.title = clean_line(plain);
            return Some("title");
        }
        // "LUMEN BRIDGE" on every slide, then "Community Networks and Last-Mile
        // Connectivity" on the first: the first line of the page's own is the title.
        let opens_headline = plain.trim_end().ends_with(':');
        if std::mem::take(&mut self.title_on_every_page)
            && words <= MAX_HEADING_WORDS
            && (!ends_with_terminal(plain) || opens_headline)
            && !shape.around.wraps
        {
            self.meta.title = clean_line(plain);
            // "Connecting the Unconnected:" goes on on the next line.
            if opens_headline {
                self.title_goes_on(plain);
            }
            return Some("title");
        }
        // “Community Networks in Peri-Urban Areas”: a line wholly in quotation marks names
        // a work, the session's own title; the line that held the title by its position
        // names the event, which convened it.
        if let Some(quoted) =
            quoted_line(plain).filter(|_| !self.meta.labelled.contains(&MetaField::Title))
        {
            let event = std::mem::replace(&mut self.meta.title, clean_line(quoted));
            fill_empty(&mut self.meta.organizer, event);
            return Some("title");
        }
        // The first line of a wrapped paragraph is short and unfinished too, but its
        // sentence goes on below: the body has begun. A numbered line ("2. Scope", "II.
        // Summary") opens a section and names no organizer.
        let source = shape.source.trim_start();
        let numbered = strip_numbering(source).len() != source.len();
        if self.meta.organizer.is_empty()
            && words <= 20
            && !ends_with_terminal(plain)
            && !shape.around.wraps
            && !numbered
        {
            // A field whose label names nothing of the session ("robots: noindex") is
            // front matter, no organizer.
            if is_key_value(plain) {
                return Some("front matter");
            }
            let lower = plain.to_lowercase();
            if VENUE_OPENINGS.iter().any(|v| lower.starts_with(v)) {
                return Some(VENUE);
            }
            // "Saltmarsh Growers' Network" / "Response to the Commission's consultation…":
            // the line that names the document is the title, the name above it the author.
            if names_the_document(plain) && !names_the_document(&self.meta.title) {
                self.meta.organizer = std::mem::replace(&mut self.meta.title, clean_line(plain));
                return Some("title");
            }
            self.meta.organizer = agent(&clean_line(plain)).to_owned();
            return Some("organizer");
        }
        // A short line above the labelled fields ("SESSION REPORT – WORKSHOP W-22" over
        // "Organised by: …") is still the head, whatever else it names.
        if shape.around.fields_follow && words <= 20 && !ends_with_terminal(plain) {
            return Some("front matter");
        }
        None
    }

    /// Does a numbered line continue the numbering of the section's own heading, before
    /// any list numbered inside the section, with a title's form (short, no end mark)?
    fn next_section_number(&self, number: Option<u32>, text: &str) -> bool {
        let continues = matches!(
            (self.section.number, number),
            (Some(m), Some(n)) if m.checked_add(1) == Some(n)
        );
        continues
            && !self.section.numbered_items
            && word_count(text) <= MAX_HEADING_WORDS
            && text.starts_with(char::is_uppercase)
            && !text.trim_end().ends_with(['.', ';', ':', ',', '!', '?'])
    }

    /// Record the top-level number of the heading that set the section ("2. Recommendations",
    /// "## 2. Recommendations" → 2); "2.1 Metering" under it keeps the 2.
    fn number_section(&mut self, heading: &Heading, source: &str) {
        if self.section.level == heading.level && self.section.number.is_none() {
            self.section.number = top_number(&heading.text).or_else(|| top_number(source));
        }
    }

    /// Close the open block and enter the section a heading opens; `open` is the text of a
    /// plain-line heading that a wrapped next line may continue.
    fn open_section(&mut self, heading: &Heading, open: Option<String>) {
        self.flush();
        let section = &mut self.section;
        section.group += 1;
        section.asked =
            classify(SectionKind::Other, &heading.text) == StatementKind::Recommendation;
        section.lead = heading
            .text
            .trim_end()
            .ends_with(':')
            .then(|| heading.text.trim().to_owned());
        // A lead-in sentence ("The forum discussed five areas:") announces its list, and
        // what it announces may be only names.
        section.points = !heading.topic.leaves
            && heading.topic.listing == Listing::Content
            && !heading.text.trim_end().ends_with(':')
            && !names_topics(&heading.text);
        let sets = heading.topic.section.or_else(|| {
            let closes =
                (heading.explicit && heading.level <= section.level) || heading.topic.leaves;
            closes.then_some(SectionKind::Other)
        });
        // A heading lists what its words say; a sub-heading that neither names nor closes
        // a section ("Member States" under "List of participants") keeps its parent's list.
        if sets.is_some() || heading.topic.listing != Listing::Content {
            section.listing = heading.topic.listing;
        } else if section.listing == Listing::Agenda {
            // An agenda lists topics, and a heading after it opens one of them (a slide
            // deck titles each slide with the agenda's next item).
            section.listing = Listing::Content;
        }
        section.after_list = (sets.is_some() && is_lead_in_sentence(&heading.text))
            .then_some((section.kind, section.level));
        section.listed = false;
        // A heading that names no section ("Amaru Quispe, Tallow Valley Network" under a
        // quotation) leaves the list read or over.
        if sets.is_some() {
            section.items_in_row = 0;
            section.list_over = false;
        }
        if let Some(kind) = sets {
            section.kind = kind;
            section.level = heading.level;
            section.number = None;
            section.numbered_items = false;
        }
        self.state = State::Heading { open };
    }

    /// Close the open block and open a new one with this first line.
    fn open_block(&mut self, kind: BlockKind, text: &str) {
        self.flush();
        let section = &mut self.section;
        match (kind, section.after_list) {
            (BlockKind::Item { .. }, Some(_)) => section.listed = true,
            (BlockKind::Para, Some((kind, level))) if section.listed => {
                // Prose after the list a lead-in sentence opened: the list is over.
                section.kind = kind;
                section.level = level;
                section.after_list = None;
            }
            _ => {}
        }
        // "Not everyone agreed. Lena Marsh disagreed with…" after the list under
        // "Recommendations": the heading named its list, and prose after the list is read
        // by its own words. A paragraph under each item ("1. Create a hotline" / "The
        // Chamber should…") is that item's body and stays in the section.
        let section = &mut self.section;
        if matches!(kind, BlockKind::Para) && section.items_in_row >= LIST_BEFORE_PROSE {
            section.list_over = true;
        }
        // An agenda is its list: what follows the list (a slide's title, the minutes) is
        // what the meeting said, even where no heading the outline knows opens it.
        if matches!(kind, BlockKind::Para)
            && section.items_in_row > 0
            && section.listing == Listing::Agenda
        {
            section.listing = Listing::Content;
        }
        section.items_in_row = match kind {
            BlockKind::Item { .. } => section.items_in_row + 1,
            BlockKind::Para => 0,
        };
        let after_asks = matches!(kind, BlockKind::Para)
            && section.list_over
            && section.kind == SectionKind::Recommendations;
        let mut block = Block {
            kind,
            section: if after_asks {
                SectionKind::Other
            } else {
                self.section.kind
            },
            group: self.section.group,
            listing: self.section.listing,
            asked: self.section.asked,
            // Prose after the heading's list ends what the heading introduced.
            lead: self
                .section
                .lead
                .clone()
                .filter(|_| !self.section.list_over),
            points: self.section.points,
            text: String::new(),
            starts: Vec::new(),
        };
        block.push_line(text, self.number, &self.hyphens);
        self.state = State::Block(block);
    }

    /// Record a line consumed as furniture, so the run can report it.
    fn furnish(&mut self, text: &str, class: UnitClass, reason: &'static str) {
        let text = clean_line(text.trim_start_matches('#').trim());
        if text.is_empty() {
            return;
        }
        self.furniture.push(Furniture {
            line: self.number,
            text,
            class,
            reason,
        });
    }

    /// Close the open block, if any; other states are left as they are.
    fn flush(&mut self) {
        match std::mem::replace(&mut self.state, State::Body) {
            State::Block(block) => {
                if !block.text.is_empty() {
                    self.blocks.push(block);
                }
            }
            other => self.state = other,
        }
    }
}

/// Should this line be appended to the open block?
///
/// Without a blank line it is a wrapped line, unless the line above ended by choice, or a
/// finished sentence is followed by a clear heading or a line that ended by choice. Across
/// blank lines it continues the block if it starts in lowercase, is
/// indented under an item, or ends an unfinished item after a page break.
fn continues_block(block: &Block, shape: &Shape, blank_run: usize, after_choice: bool) -> bool {
    // A lone marker ("-", "•") is a bullet whose text a converter put on the next line:
    // never words to join.
    if shape.item || !shape.source.chars().any(char::is_alphanumeric) {
        return false;
    }
    // A row of a table laid out with spaces ("Caldera        Ms. Ilse Marrowby") is its own
    // line: joined, the rows read as one sentence of names and numbers.
    if column_fields(shape.source).is_some() {
        return false;
    }
    if blank_run == 0 {
        // A line that ended by choice after a finished sentence stands alone; after a
        // colon it is the value or list the colon announces ("Author:" / "Jane Roe").
        let apart = shape.heading_like || (shape.around.by_choice && !block.text.ends_with(':'));
        return !(after_choice || ends_with_terminal(&block.text) && apart);
    }
    if shape.starts_lower {
        return true;
    }
    let BlockKind::Item {
        indent: item_indent,
        marker,
    } = block.kind
    else {
        return false;
    };
    // An item whose marker was drawn never ended with a stop: the next page opens anew.
    if marker == Marker::Drawn {
        return false;
    }
    // Indented under the item's text, as a second paragraph of it is; a line pushed far
    // right ("52nd plenary meeting" under a resolution) is set apart by the layout.
    if shape.indent > item_indent
        && shape.indent >= 2
        && shape.indent <= item_indent + ITEM_BODY_INDENT
    {
        return true;
    }
    // Text after a page break (several blank lines) finishes an unfinished item; a
    // short line with no end mark over a list or prose is the next page's title (a
    // slide's), unless the item stopped on "the" or "of".
    let titles_the_page = shape.around.body_follows && !ends_with_terminal(&shape.plain);
    blank_run >= PAGE_BREAK_BLANKS
        && !ends_with_terminal(&block.text)
        && !shape.heading_like
        && !shape.meta_like
        && (!titles_the_page || ends_unfinished(&block.text))
}

#[cfg(test)]
mod tests {
    use super::super::line::{breaks, classify_line};
    use super::*;

    /// Run the machine over `text`, keeping each line's state name after it is read.
    fn run(text: &str) -> (Vec<&'static str>, Parsed) {
        let lines: Vec<&str> = text.split('\n').collect();
        let around = breaks(&lines);
        let mut machine = Machine::new(Hyphenated::of(&lines));
        let mut states = Vec::new();
        for (raw, around) in lines.iter().zip(around) {
            machine.step(classify_line(raw, around));
            states.push(match machine.state {
                State::Preamble { .. } => "preamble",
                State::Heading { .. } => "heading",
                State::Block(_) => "block",
                State::Body => "body",
            });
        }
        (states, machine.finish())
    }

    #[test]
    fn states_through_a_short_document() {
        let (states, parsed) = run(
            "Title\nOrg\n\nKey Issues\n(bullets here)\n- One\n  wrapped.\n\nAuthor: Jane Roe\n",
        );
        assert_eq!(
            states,
            [
                "preamble", "preamble", "preamble", "heading", "body", "block", "block", "block",
                "body", "body"
            ]
        );
        let meta = &parsed.meta;
        assert_eq!(
            (meta.title.as_str(), meta.organizer.as_str()),
            ("Title", "Org")
        );
        assert_eq!(parsed.blocks.len(), 1);
        assert_eq!(parsed.blocks[0].text, "One wrapped.");
        assert_eq!(parsed.blocks[0].section, SectionKind::Issues);
        let furniture: Vec<(&str, &str)> = parsed
            .furniture
            .iter()
            .map(|f| (f.text.as_str(), f.reason))
            .collect();
        assert_eq!(
            furniture,
            [
                ("Title", "title"),
                ("Org", "organizer"),
                ("Key Issues", "heading"),
                ("(bullets here)", "template prompt"),
                ("Author: Jane Roe", "front matter"),
            ]
        );
    }

    #[test]
    fn setext_underline_and_wrapped_heading() {
        let (_, parsed) = run(
            "# T\n\nOutcomes\n==========\n\nKey Recommendations (what\nto do next)\n\n- Act.\n",
        );
        let headings: Vec<(usize, &str)> = parsed
            .furniture
            .iter()
            .filter(|f| f.class == UnitClass::Heading)
            .map(|f| (f.line, f.text.as_str()))
            .collect();
        assert_eq!(
            headings,
            [
                (3, "Outcomes"),
                (6, "Key Recommendations (what to do next)")
            ]
        );
        assert_eq!(parsed.blocks[0].section, SectionKind::Recommendations);
    }

    #[test]
    fn a_form_field_after_the_call_to_action_ends_its_section() {
        let (_, parsed) = run("# Workshop report form\n\n\
             Call to action:\nRegulators should publish the coverage maps.\n\n\
             Were any topics left unaddressed?:\nSpectrum fees came up; the session took no \
             position.\n\nFollow-up planned:\nThe organisers will share the notes.\n\n\
             Recommendations\n\nFor regulators:\nPublish the maps every quarter.\n");
        let sections: Vec<SectionKind> = parsed.blocks.iter().map(|b| b.section).collect();
        assert_eq!(
            sections,
            [
                SectionKind::Recommendations,
                SectionKind::Other,
                SectionKind::Other,
                // A label that names no section ("For regulators:") stays in it.
                SectionKind::Recommendations,
            ],
            "{:?}",
            parsed.blocks
        );
    }

    #[test]
    fn a_short_line_under_an_open_paragraph_is_not_a_heading() {
        let (states, parsed) = run("# T\n\nKey Issues\n\nWe met.\nFunding Models\n\n- Act.\n");
        assert_eq!(states[5], "block");
        assert_eq!(parsed.blocks[0].text, "We met. Funding Models");
    }
}
