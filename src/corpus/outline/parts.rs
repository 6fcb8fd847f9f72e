//! Parts: a document that holds the reports of several sessions, one after another, as a
//! forum's outcome booklet does ("Session 1: …", its organizer and date, its messages;
//! then "Session 2: …"). Read as one session, its sessions would count once in every
//! "N of M sessions support", however many of them made the point.
//!
//! The sign is structural: two or more headings each directly followed (through other
//! labelled fields, dates or furniture only) by a line naming an organizer, with content
//! between them. One such head is the document's own; two make a booklet.

use super::line::{Break, Line};
use crate::corpus::prose::word_count;
use crate::corpus::template::MetaField;

/// Most words of a session's heading the layout did not mark as one.
const TITLE_WORDS: usize = 16;

/// Most lines above the line found as a session's heading that may be its wrapped start.
const WRAPPED_HEAD_LINES: usize = 2;

/// Most non-blank lines between a session's heading and its organizer line.
const HEAD_REACH: usize = 6;

/// Fewest lines of content (text or items) a part needs before the next part's heading:
/// fewer, and the two heads are one document's masthead and the first section's fields.
const MIN_PART_CONTENT: usize = 2;

/// The line indices where the sessions a document holds begin (each its heading), in
/// order; empty when the document is one session's report.
pub(super) fn session_starts(lines: &[Line], arounds: &[Break]) -> Vec<usize> {
    let kinds: Vec<Kind> = lines
        .iter()
        .zip(arounds)
        .map(|(line, around)| {
            // The wrapped rest of a line ("Session 1: Keeping the Lights On Under the Sea:"
            // / "Submarine Cable Resilience") is part of what it continues.
            if around.continues {
                Kind::Other
            } else {
                Kind::of(line)
            }
        })
        .collect();
    let mut starts: Vec<usize> = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        if *kind != Kind::Organizer {
            continue;
        }
        // The heading above it, with nothing but fields, dates and furniture between.
        let head = (0..i)
            .rev()
            .filter(|&j| kinds[j] != Kind::Blank)
            .take(HEAD_REACH)
            .take_while(|&j| {
                matches!(
                    kinds[j],
                    Kind::Heading | Kind::Title | Kind::Field | Kind::Other
                )
            })
            .find(|&j| matches!(kinds[j], Kind::Heading | Kind::Title));
        let Some(mut head) = head else { continue };
        // A heading wrapped over two lines ("Session 1: Keeping the Lights On Under the
        // Sea:" / "Submarine Cable Resilience") starts at its first.
        for _ in 0..WRAPPED_HEAD_LINES {
            if head > 0 && matches!(kinds[head - 1], Kind::Title | Kind::Heading) {
                head -= 1;
            }
        }
        // Content since the last start: without it this is the same head's second field.
        let content_since = |from: usize| {
            kinds[from..head]
                .iter()
                .filter(|k| matches!(k, Kind::Content | Kind::Title))
                .count()
        };
        match starts.last() {
            Some(&last) if head <= last || content_since(last) < MIN_PART_CONTENT => {}
            _ => starts.push(head),
        }
    }
    if starts.len() >= 2 {
        starts
    } else {
        Vec::new()
    }
}

/// What a line is, for finding the heads of sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Heading,
    /// A labelled field naming an organizer ("Organizer: …", "Convened by …").
    Organizer,
    /// Another labelled field, a date or a link.
    Field,
    /// Text or a list item.
    Content,
    /// A short line of text that ends no sentence: a heading the layout did not mark
    /// ("Session 2: Open Ocean Data for Island Economies"), or a line of content.
    Title,
    /// Rules, prompts, furniture.
    Other,
}

impl Kind {
    fn of(line: &Line) -> Self {
        match line {
            Line::Blank => Kind::Blank,
            // "Speakers" or "Annex" above "Organizer: Jane Doe" lists who ran the session
            // the document reports; it opens no session of its own.
            Line::Heading { heading, .. } if heading.topic.leaves => Kind::Other,
            Line::Heading { .. } => Kind::Heading,
            Line::Meta { field, .. } => match field.as_ref().and_then(|f| f.field) {
                Some(MetaField::Organizer) => Kind::Organizer,
                _ => Kind::Field,
            },
            Line::Text(shape)
                if word_count(&shape.plain) <= TITLE_WORDS
                    && !shape.plain.ends_with(['.', '!', '?', ';', ',']) =>
            {
                Kind::Title
            }
            Line::Item { .. } | Line::Text(_) => Kind::Content,
            _ => Kind::Other,
        }
    }
}
