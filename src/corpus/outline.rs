//! Outline a decoded document into session metadata and statements.
//!
//! The outliner reads normalised text line by line (every reader produces
//! Markdown-ish text: `# Heading`, `- item`, indented nested items, paragraphs
//! separated by blank lines). It works in two phases:
//!
//! * **Preamble**: lines before the first section are metadata: the
//!   "Session Outcome Document" banner, title, organizer, date, link, or
//!   `Key: value` front matter. The preamble ends at the first section
//!   heading, list item or prose paragraph.
//! * **Body**: headings switch the current [`SectionKind`]; list items and
//!   paragraphs become blocks. A block absorbs wrapped lines, and across blank
//!   lines it absorbs lines that evidently continue it (a lowercase start, a
//!   deeper indent, or text after a page break when the item had not ended).
//!
//! Blocks then become statements: one per list item, one per prose sentence.
//! A list item (or the last sentence of a paragraph) that only introduces the
//! nested items after it is a lead-in: context, not a statement.

use super::boilerplate::strip_numbered_prefixes;
use super::claims::split_claims;
use super::prose::{
    as_url, clean_line, ends_with_terminal, is_date_line, split_sentences, truncate_chars,
    word_count,
};
use super::template::{
    MetaField, AUXILIARY_VERBS, BANNERS, METADATA_KEYS, NOT_SECTIONS, OTHER_HEADINGS,
    PEOPLE_HEADINGS, PROMPT_WORDS, SECTION_PATTERNS, SESSION_KEYS, TEMPLATE_HEADING_STARTS,
};
use super::unit::{
    classify_unit, furniture_line, is_formula, repeats_title, split_dateline, Form, Position,
    UnitClass, HEAD_UNITS,
};
use super::{classify, Document, Excluded, SectionKind, Session, Statement, StatementKind};

/// Longest statement text kept; longer ones are cut on a word boundary.
pub const MAX_STATEMENT_CHARS: usize = 2_000;

/// Most statements taken from one document; a bound on pathological input.
pub const MAX_STATEMENTS_PER_SESSION: usize = 5_000;

/// A title line at least this long may have been wrapped at a page's width.
const WRAPPED_TITLE_CHARS: usize = 70;

/// Longest line (in words) that can still be a heading.
const MAX_HEADING_WORDS: usize = 16;

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
}

/// Cut a document into units and read its metadata.
pub(crate) fn outline_units(doc: &Document) -> Outlined {
    let lines: Vec<&str> = doc
        .text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    let mut parser = Parser::new(&lines);
    parser.run();
    let Parser {
        meta,
        blocks,
        furniture,
        ..
    } = parser;
    let mut notes = Vec::new();
    let units = build_units(&blocks, furniture, &meta.title, &mut notes);
    // What the text says wins; the format's own properties fill the gaps.
    let or_property = |from_text: String, property: &str| {
        if from_text.is_empty() {
            clean_line(property)
        } else {
            from_text
        }
    };
    let session = Session {
        id: doc.id.clone(),
        title: or_property(meta.title, &doc.meta.title),
        organizer: meta.organizer,
        date: or_property(meta.date, &doc.meta.date),
        url: or_property(meta.url, &doc.meta.url),
        source: doc.source.clone(),
        statements: Vec::new(),
        excluded: Vec::new(),
    };
    Outlined {
        session,
        units,
        notes,
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
        let n = session.statements.len() + 1;
        let whole_id = format!("{id}#{n}");
        let recommendation = classify(unit.section, &unit.text) == StatementKind::Recommendation;
        let claims = split_claims(&unit.text, recommendation);
        let statement = |text: String, id: String, parent: Option<String>, context| Statement {
            id,
            session: session.id.clone(),
            section: unit.section,
            kind: classify(unit.section, &text),
            text,
            source: source.clone(),
            line: unit.line,
            parent,
            context,
        };
        if claims.len() < 2 {
            let s = statement(unit.text.clone(), whole_id, None, None);
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

/// How a list item is numbered; a change of family can signal nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `-`, `•`, `*` and friends.
    Symbol,
    /// `1.`, `1)`, `(1)`, `1.2`.
    Number,
    /// `a)`, `(a)`, `a.`, `i.`, `iv)`.
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Item { indent: usize, marker: Marker },
    Para,
}

/// A list item or paragraph after joining its lines.
#[derive(Debug)]
struct Block {
    kind: BlockKind,
    section: SectionKind,
    /// Blocks in different groups are separated by a heading.
    group: usize,
    /// The block stands under a heading of people (speakers, panel).
    people: bool,
    /// Joined, cleaned text.
    text: String,
    /// `(byte offset in text, 1-based line)` for each joined source line.
    starts: Vec<(usize, usize)>,
}

impl Block {
    fn line_at(&self, offset: usize) -> usize {
        let idx = self.starts.partition_point(|&(o, _)| o <= offset);
        self.starts
            .get(idx.saturating_sub(1))
            .map_or(0, |&(_, line)| line)
    }

    fn push_line(&mut self, text: &str, line: usize) {
        let text = clean_line(text);
        if text.is_empty() {
            return;
        }
        // A word hyphenated across a line break keeps its hyphen but no space.
        let glue = !(self.text.ends_with('-')
            && self.text.len() > 1
            && text.starts_with(|c: char| c.is_lowercase()));
        if !self.text.is_empty() && glue {
            self.text.push(' ');
        }
        self.starts.push((self.text.len(), line));
        self.text.push_str(&text);
    }
}

#[derive(Debug, Default)]
struct Meta {
    title: String,
    organizer: String,
    date: String,
    url: String,
}

struct Parser<'a> {
    lines: &'a [&'a str],
    meta: Meta,
    blocks: Vec<Block>,
    /// Lines consumed without becoming a block (headings, front matter, prompts), kept
    /// so that every unit read is reported.
    furniture: Vec<Furniture>,
    current: Option<Block>,
    in_preamble: bool,
    section: SectionKind,
    /// Level of the heading that set `section`; deeper unknown headings keep it.
    section_level: usize,
    group: usize,
    blank_run: usize,
    /// True right after a heading, where a parenthesised template prompt may follow.
    after_heading: bool,
    /// Text of a plain-line heading just read, which a wrapped next line may continue.
    open_heading: Option<String>,
    /// The title line just read was long enough to have been wrapped by a layout.
    title_wrapped: bool,
    /// 1-based number of the line being read.
    number: usize,
    /// The last heading names people (speakers, panel): its items are a speaker list.
    people: bool,
}

impl<'a> Parser<'a> {
    fn new(lines: &'a [&'a str]) -> Self {
        Parser {
            lines,
            meta: Meta::default(),
            blocks: Vec::new(),
            furniture: Vec::new(),
            current: None,
            in_preamble: true,
            section: SectionKind::Other,
            section_level: usize::MAX,
            group: 0,
            blank_run: 0,
            after_heading: false,
            open_heading: None,
            title_wrapped: false,
            number: 0,
            people: false,
        }
    }

    fn run(&mut self) {
        for idx in 0..self.lines.len() {
            let raw = self.lines[idx];
            if raw.trim().is_empty() {
                self.blank_run += 1;
                continue;
            }
            self.line(idx, raw);
            self.blank_run = 0;
        }
        self.flush();
    }

    /// Handle one non-blank line; `idx` is 0-based.
    fn line(&mut self, idx: usize, raw: &str) {
        let number = idx + 1;
        self.number = number;
        let indent = indent_width(raw);
        let t = raw.trim();

        if self.continues_heading(t) {
            return;
        }
        if is_rule(t) {
            self.rule(t);
            return;
        }
        if self.in_preamble {
            if self.preamble_line(t) {
                return;
            }
            self.in_preamble = false;
        }
        if std::mem::take(&mut self.after_heading) && is_prompt(t) {
            self.furnish(t, UnitClass::Boilerplate, "template prompt");
            return;
        }
        if let Some((level, text)) = markdown_heading(t) {
            self.heading(text, level, true);
            self.furnish(text, UnitClass::Heading, "heading");
            return;
        }
        let bullet = parse_bullet(t);
        let continues = self.continues_current(t, indent, bullet.is_some());
        if continues {
            if let Some(cur) = self.current.as_mut() {
                cur.push_line(t, number);
            }
            return;
        }
        let metadata = if bullet.is_some() {
            None
        } else if as_url(t).is_some() {
            Some("link")
        } else if is_date_line(t) && word_count(t) <= 8 {
            Some("date")
        } else if metadata_line(t, &mut self.meta) {
            Some("front matter")
        } else {
            None
        };
        if let Some(reason) = metadata {
            self.flush();
            self.furnish(t, UnitClass::Metadata, reason);
            return;
        }
        // A byline or a greeting is furniture by its own form, though short lines like
        // these look like headings to the rules below.
        if bullet.is_none() {
            if let Some((class, reason)) = furniture_line(&strip_markup(t)) {
                self.flush();
                self.furnish(t, class, reason);
                return;
            }
        }
        if let Some(h) = self.heading_line(t, idx, bullet.map(|b| b.0)) {
            self.heading(&h.text, h.level, h.explicit);
            self.furnish(&h.text, UnitClass::Heading, "heading");
            self.open_heading = Some(h.text);
            return;
        }
        let lower = t.to_lowercase();
        if is_prompt(t) && PROMPT_WORDS.iter().any(|w| lower.contains(w)) {
            self.furnish(t, UnitClass::Boilerplate, "template prompt");
            return;
        }
        self.flush();
        let kind = match bullet {
            Some((marker, _)) => BlockKind::Item { indent, marker },
            None => BlockKind::Para,
        };
        let mut block = Block {
            kind,
            section: self.section,
            group: self.group,
            people: self.people,
            text: String::new(),
            starts: Vec::new(),
        };
        block.push_line(bullet.map_or(t, |b| b.1), number);
        self.current = Some(block);
    }

    /// Is this line the wrapped rest of the heading just read?
    ///
    /// Layout-driven formats (PDF) wrap a long heading over several lines; its
    /// tail (a lowercase start, or text inside a still-open parenthesis such as a
    /// template prompt) belongs to the heading and must not become a statement.
    fn continues_heading(&mut self, t: &str) -> bool {
        let Some(mut heading) = self.open_heading.take() else {
            return false;
        };
        let open_paren = heading.matches('(').count() > heading.matches(')').count();
        let continues = self.blank_run == 0
            && parse_bullet(t).is_none()
            && (open_paren || t.starts_with(|c: char| c.is_lowercase()));
        if continues {
            heading.push(' ');
            heading.push_str(t);
            self.open_heading = Some(heading);
            self.after_heading = true;
            if let Some(last) = self.furniture.last_mut() {
                last.text.push(' ');
                last.text.push_str(&clean_line(t));
            }
        }
        continues
    }

    /// Should this non-blank line be appended to the open block?
    fn continues_current(&self, t: &str, indent: usize, is_bullet: bool) -> bool {
        let Some(cur) = self.current.as_ref() else {
            return false;
        };
        if is_bullet {
            return false;
        }
        let starts_lower = t.starts_with(|c: char| c.is_lowercase());
        if self.blank_run == 0 {
            // A wrapped line, unless a finished sentence is followed by a clear heading.
            return !(ends_with_terminal(&cur.text) && (is_all_caps(t) || known_heading(t)));
        }
        if starts_lower {
            return true;
        }
        let BlockKind::Item {
            indent: item_indent,
            ..
        } = cur.kind
        else {
            return false;
        };
        if indent > item_indent && indent >= 2 {
            return true;
        }
        // Text after a page break (several blank lines) finishes an unfinished item.
        self.blank_run >= 2
            && !ends_with_terminal(&cur.text)
            && !known_heading(t)
            && !is_all_caps(t)
            && as_url(t).is_none()
            && !is_date_line(t)
    }

    /// Preamble handling; returns false when the line starts the body.
    fn preamble_line(&mut self, t: &str) -> bool {
        let Some(reason) = self.preamble_field(t) else {
            return false;
        };
        self.furnish(t, UnitClass::Metadata, reason);
        true
    }

    /// Take a preamble line into the session metadata; `None` when it starts the body.
    fn preamble_field(&mut self, t: &str) -> Option<&'static str> {
        // Only the very next line can be a wrapped title's tail.
        let title_wrapped = std::mem::take(&mut self.title_wrapped);
        let plain = strip_markup(t);
        if plain.is_empty() || is_banner(&plain) {
            return Some("banner");
        }
        let md = markdown_heading(t);
        if let Some((level, text)) = md {
            if self.meta.title.is_empty() && level <= 2 && known_section(text).is_none() {
                self.meta.title = clean_line(text);
                return Some("title");
            }
            return None;
        }
        if parse_bullet(t).is_some() {
            return None;
        }
        if title_wrapped
            && self.blank_run == 0
            && as_url(&plain).is_none()
            && !is_date_line(&plain)
            && !is_key_value(&plain)
        {
            self.meta.title = format!("{} {}", self.meta.title, clean_line(&plain));
            return Some("title");
        }
        // Before a title is found only template-like headings end the preamble, so a
        // title such as "Recommendations for a Digital Future" stays a title.
        let heading_here = if self.meta.title.is_empty() {
            template_heading(&plain)
        } else {
            known_heading(&plain)
        };
        // Header lines first: "Source: https://…/issues/…" names a link, not a section.
        if metadata_line(&plain, &mut self.meta) {
            return Some("front matter");
        }
        if heading_here {
            return None;
        }
        if is_other_heading(&plain) && word_count(&plain) <= 4 {
            return None;
        }
        if let Some(url) = as_url(&plain) {
            if self.meta.url.is_empty() {
                self.meta.url = url;
            }
            return Some("link");
        }
        let first_line = self.meta.title.is_empty();
        if is_date_line(&plain) && !(first_line && word_count(&plain) > 8) {
            if self.meta.date.is_empty() {
                self.meta.date = clean_line(&plain);
            }
            return Some("date");
        }
        let words = word_count(&plain);
        // A first line may be a headline asking a question; a long sentence ending in a
        // full stop opens the body instead.
        let headline = first_line && plain.trim_end().ends_with(['?', '!']);
        if words > 30 || (words > 12 && ends_with_terminal(&plain) && !headline) {
            return None;
        }
        // A greeting or a stage direction opens the body; it names no title or organizer.
        if is_formula(&plain) {
            return None;
        }
        // A byline or a publication date is metadata, but not the organizer.
        if let Some((UnitClass::Metadata, reason)) = furniture_line(&plain) {
            return Some(reason);
        }
        if repeats_title(&plain, &self.meta.title, true) {
            return Some("repeats the title");
        }
        if self.meta.title.is_empty() {
            // PDFs wrap a long title at the page width; a line that long with no blank
            // line after it is wrapped, and the next line is its tail, not the organizer.
            self.title_wrapped = plain.chars().count() >= WRAPPED_TITLE_CHARS;
            self.meta.title = clean_line(&plain);
            return Some("title");
        }
        if self.meta.organizer.is_empty() && words <= 20 && !ends_with_terminal(&plain) {
            self.meta.organizer = clean_line(&plain);
            return Some("organizer");
        }
        None
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

    /// A horizontal rule, or a Setext underline that turns the previous line into a heading.
    fn rule(&mut self, t: &str) {
        let setext = (t.starts_with('=') || t.starts_with('-')) && self.blank_run == 0;
        let single_line = self.current.as_ref().is_some_and(|c| {
            c.kind == BlockKind::Para
                && c.starts.len() == 1
                && word_count(&c.text) <= MAX_HEADING_WORDS
        });
        if setext && single_line {
            if let Some(cur) = self.current.take() {
                let level = if t.starts_with('=') { 1 } else { 2 };
                self.heading(&cur.text, level, true);
                self.furniture.push(Furniture {
                    line: cur.line_at(0),
                    text: cur.text,
                    class: UnitClass::Heading,
                    reason: "heading",
                });
            }
        } else {
            self.flush();
        }
    }

    /// Decide whether a non-Markdown line is a heading.
    fn heading_line(&self, t: &str, idx: usize, marker: Option<Marker>) -> Option<HeadingLine> {
        let plain = strip_markup(t);
        if marker == Some(Marker::Symbol) {
            return None;
        }
        if marker.is_some() {
            // "1. Key Issues" is a heading; "3. Establish clear outcomes" is an item.
            let core = strip_numbering(&plain);
            return known_section_near_start(core).then(|| HeadingLine {
                text: core.to_owned(),
                level: 1,
                explicit: false,
            });
        }
        if known_heading(&plain) {
            return Some(HeadingLine {
                text: plain,
                level: 1,
                explicit: false,
            });
        }
        if is_all_caps(&plain) {
            return Some(HeadingLine {
                text: plain,
                level: 1,
                explicit: true,
            });
        }
        let bold = t.starts_with("**") && t.trim_end_matches(':').ends_with("**");
        let next_ok = self.next_nonblank_is_body(idx);
        let short = word_count(&plain) <= 8
            && !plain.contains(['.', '!', '?', ';'])
            && !plain.ends_with(',')
            && plain.starts_with(|c: char| c.is_uppercase());
        let standalone = self.blank_run > 0 || self.current.is_none();
        if (bold && word_count(&plain) <= 12 || short && standalone)
            && next_ok
            && !is_date_line(&plain)
            && as_url(&plain).is_none()
            && !is_key_value(&plain)
        {
            return Some(HeadingLine {
                text: plain,
                level: 2,
                explicit: false,
            });
        }
        None
    }

    /// A short line is a sub-heading only if content follows after a break.
    fn next_nonblank_is_body(&self, idx: usize) -> bool {
        let next_blank = self.lines.get(idx + 1).is_some_and(|l| l.trim().is_empty());
        let next = self.lines[idx + 1..].iter().find(|l| !l.trim().is_empty());
        match next {
            None => false,
            Some(l) => next_blank || parse_bullet(l.trim()).is_some(),
        }
    }

    fn heading(&mut self, text: &str, level: usize, explicit: bool) {
        self.flush();
        self.in_preamble = false;
        self.group += 1;
        self.after_heading = true;
        self.people = is_people_heading(text);
        match known_section(text) {
            Some(kind) => {
                self.section = kind;
                self.section_level = level;
            }
            None => {
                if (explicit && level <= self.section_level) || is_other_heading(text) {
                    self.section = SectionKind::Other;
                    self.section_level = level;
                }
            }
        }
    }

    fn flush(&mut self) {
        if let Some(block) = self.current.take() {
            if !block.text.is_empty() {
                self.blocks.push(block);
            }
        }
    }
}

struct HeadingLine {
    text: String,
    level: usize,
    explicit: bool,
}

/// Turn blocks into units: lead-ins become headings, the rest candidate statements that
/// [`classify_unit`] sorts into statements and furniture; then merge in the furniture the
/// parser consumed, in document order.
fn build_units(
    blocks: &[Block],
    furniture: Vec<Furniture>,
    title: &str,
    notes: &mut Vec<String>,
) -> Vec<Unit> {
    struct Candidate {
        unit: Unit,
        form: Form,
        people: bool,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut lead_ins: Vec<Unit> = Vec::new();
    let lead_in = |section, text: &str, line| Unit {
        section,
        text: text.trim().to_owned(),
        line,
        class: UnitClass::Heading,
        reason: "lead-in to a list".into(),
    };
    let topics = topic_lists(blocks);
    for (i, block) in blocks.iter().enumerate() {
        let next = blocks.get(i + 1).filter(|n| n.group == block.group);
        if topics[i] {
            lead_ins.push(Unit {
                reason: "item of a list of topics".into(),
                ..lead_in(block.section, &block.text, block.line_at(0))
            });
            continue;
        }
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
                },
                form,
                people: block.people,
            });
        };
        match block.kind {
            BlockKind::Item { .. } => {
                if is_lead_in(block, next) {
                    lead_ins.push(lead_in(block.section, &block.text, block.line_at(0)));
                    continue;
                }
                candidate(&block.text, block.line_at(0), Form::Item);
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
        if let Some((head, rest, reason)) = split_header(&c.unit.text, index) {
            lead_ins.push(Unit {
                section: c.unit.section,
                text: head,
                line: c.unit.line,
                class: UnitClass::Metadata,
                reason: reason.into(),
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
                under_people_heading: c.people,
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
    }));
    // Stable: units of one line keep the order they were read in.
    units.sort_by_key(|u| u.line);
    units
}

/// Longest mail-reply header ("On Tue, 2 Apr 2024, A wrote:") cut off a unit, in words.
const MAX_REPLY_HEADER_WORDS: usize = 40;

/// Split a header glued onto the text that follows it: `(header, rest, reason)`.
fn split_header(text: &str, index: usize) -> Option<(String, String, &'static str)> {
    let lower = text.to_lowercase();
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
            return Some((head.to_owned(), rest.to_owned(), "dateline"));
        }
    }
    None
}

/// Longest item (in words) of a list of topics.
const MAX_TOPIC_WORDS: usize = 8;

/// Items of lists that only name topics: three or more sibling items, each a short noun
/// phrase with no verb of its own ("Data governance and trust"), outside a
/// recommendations section (where a noun phrase is an ask: "Stable funding for NRIs").
fn topic_lists(blocks: &[Block]) -> Vec<bool> {
    let mut marks = vec![false; blocks.len()];
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
        if run.len() >= 3 && run.iter().all(is_topic) {
            marks[start..end].iter_mut().for_each(|m| *m = true);
        }
        start = end.max(start + 1);
    }
    marks
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

/// A line the parser consumed without making a block.
#[derive(Debug)]
struct Furniture {
    line: usize,
    text: String,
    class: UnitClass,
    reason: &'static str,
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

/// `## Heading` → (2, "Heading").
fn markdown_heading(t: &str) -> Option<(usize, &str)> {
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

/// Recognise a list marker; returns the marker family and the item text.
fn parse_bullet(t: &str) -> Option<(Marker, &str)> {
    let mut chars = t.chars();
    let first = chars.next()?;
    let after_first = chars.as_str();
    // Symbols that are bullets only when followed by a space (so "-5%" and "*emphasis*" are not).
    if matches!(first, '-' | '*' | '+' | '–' | '—' | 'o') {
        if after_first.starts_with([' ', '\t']) && !after_first.trim().is_empty() {
            if first == 'o' && !after_first.trim_start().starts_with(char::is_uppercase) {
                return None;
            }
            return Some((Marker::Symbol, after_first.trim_start()));
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
    parse_enumerator(t)
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
    let single = |pred: fn(&u8) -> bool| inner.len() == 1 && inner.as_bytes().iter().all(pred);
    let marker = if inner
        .split('.')
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
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

fn is_roman(s: &str) -> bool {
    const ROMANS: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    ROMANS.contains(&s.to_ascii_lowercase().as_str())
}

/// Remove a leading enumerator ("1.", "II.", "a)") from a heading.
fn strip_numbering(t: &str) -> &str {
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
    let head = match text.find(['(', '[']) {
        Some(pos) if pos > 0 => &text[..pos],
        _ => text,
    };
    head.trim().trim_end_matches([':', '-', '–', '—']).trim()
}

/// "Session Outcome Document" and similar banners above the title.
fn is_banner(t: &str) -> bool {
    let l = t.trim_end_matches(':').trim().to_lowercase();
    BANNERS.contains(&l.as_str())
}

/// A whole line in parentheses or brackets, e.g. a template instruction.
fn is_prompt(t: &str) -> bool {
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
    SECTION_PATTERNS
        .iter()
        .filter_map(|(pat, kind)| core.find(pat).map(|pos| (pos, *kind)))
        .min_by_key(|&(pos, _)| pos)
        .map(|(_, kind)| kind)
}

/// A known section whose keyword sits in the first two words (for numbered lines).
fn known_section_near_start(core: &str) -> bool {
    let lower = heading_core(core).to_lowercase();
    let first_two: String = lower
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    known_section(core).is_some()
        && SECTION_PATTERNS
            .iter()
            .any(|(p, _)| first_two.contains(p) || p.starts_with(&first_two))
        && !core.trim_end().ends_with('.')
}

/// A line that reads as a known section heading (not a sentence that mentions one).
fn known_heading(t: &str) -> bool {
    let plain = strip_markup(t);
    let core = heading_core(&plain);
    known_section(&plain).is_some()
        && !core.ends_with(['.', '!', '?', ';', ','])
        && word_count(core) <= MAX_HEADING_WORDS
}

/// The template's own headings, safe to recognise even before a title is seen.
fn template_heading(t: &str) -> bool {
    let core = heading_core(t).to_lowercase();
    known_heading(t)
        && (TEMPLATE_HEADING_STARTS.iter().any(|h| core.starts_with(h)) || word_count(&core) <= 3)
}

/// Headings that leave the known sections: speakers, annexes and the like.
fn is_other_heading(text: &str) -> bool {
    let core = heading_core(text).to_lowercase();
    OTHER_HEADINGS.iter().any(|o| core.starts_with(o))
}

/// Headings whose items name people: speakers, panel, moderators.
fn is_people_heading(text: &str) -> bool {
    let core = heading_core(strip_numbering(text.trim())).to_lowercase();
    PEOPLE_HEADINGS.iter().any(|o| core.starts_with(o))
}

/// Upper-case headings ("KEY ISSUES", "SPEAKERS"): mostly capitals, short, no full stop.
fn is_all_caps(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().all(|c| !c.is_lowercase())
        && word_count(t) <= 12
        && !t.trim_end().ends_with('.')
        && parse_bullet(t).is_none_or(|(m, _)| m != Marker::Symbol)
}

/// `Key: value` where the key is a short label.
fn is_key_value(t: &str) -> bool {
    t.split_once(':').is_some_and(|(k, v)| {
        !k.trim().is_empty() && word_count(k) <= 3 && !v.trim().is_empty() && !k.contains("//")
    })
}

/// Front-matter `Key: value` lines for session metadata; fills `meta` and returns true.
fn metadata_line(t: &str, meta: &mut Meta) -> bool {
    if !is_key_value(t) {
        return false;
    }
    let Some((key, value)) = t.split_once(':') else {
        return false;
    };
    let key = key.trim().trim_matches('*').trim().to_lowercase();
    let value = clean_line(value.trim().trim_matches('*'));
    let Some(&(_, field)) = SESSION_KEYS.iter().find(|(k, _)| *k == key) else {
        // Author, publisher, mail headers…: metadata that fills no session field.
        return METADATA_KEYS.contains(&key.as_str());
    };
    let slot = match field {
        MetaField::Title => &mut meta.title,
        MetaField::Organizer => &mut meta.organizer,
        MetaField::Date => &mut meta.date,
        MetaField::Url => {
            // "Source: Reuters" names a source but gives no link to fill `url` with.
            if let Some(url) = as_url(&value).or_else(|| first_link(&value)) {
                if meta.url.is_empty() {
                    meta.url = url;
                }
            }
            return true;
        }
    };
    if slot.is_empty() {
        *slot = value;
    }
    true
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
        let got = texts("T\n\nOutcomes\n\nWe met twice. We agreed on the following:\n\n- One thing.\n- Another.\n");
        let t: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(t, vec!["We met twice.", "One thing.", "Another."]);
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
            Some((UnitClass::Metadata, "speaker list"))
        );
    }

    #[test]
    fn front_matter_metadata() {
        let s = outline(&doc(
            "Title: A Session\nOrganizer: ITU\nDate: 9 July 2025\nURL: <https://x.org/1>\n\nKey Issues\n\n- One.\n",
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
    fn prompts_links_and_dates_are_not_statements() {
        let got = texts(
            "T\n\nKey Issues\n(3-5 bullet points describing things)\n\nhttps://example.org/x\n\n10 July 2025\n\n- Real one.\n",
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn enumerators() {
        assert_eq!(
            parse_bullet("1. Reaffirm"),
            Some((Marker::Number, "Reaffirm"))
        );
        assert_eq!(parse_bullet("1.2 Sub"), None);
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
}
