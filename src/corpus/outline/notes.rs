//! Footnotes of a text printed from a paged document.
//!
//! A page's notes stand at its foot as lines that open with their number ("3 See the
//! annual report, p. 12."), and the body marks them with the same number glued to the
//! word or stop it follows ("…the review of 2023.3 Many farmers…", "…notice.[4]"). Either
//! alone is ambiguous ("74 People attended" opens with a number; "2023.3" may be a
//! version), so a note is only read as one when the body marks it, and a mark is only
//! removed when its note was found. Markdown's footnotes are read the same way: `[^2]` in
//! the body, "[^2]: The association did not…" below.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::corpus::prose::{ends_unfinished, is_date_line, word_count};

/// Highest footnote number read; beyond it a leading number is a count or a year.
const MAX_NOTE: u32 = 199;

/// The footnotes of one document: which lines are notes, and the labels they carry ("3",
/// or "^note" for Markdown's `[^note]`).
#[derive(Debug, Default)]
pub(super) struct Notes {
    lines: BTreeSet<usize>,
    labels: BTreeSet<String>,
}

impl Notes {
    /// Find the notes of `lines` whose numbers the rest of the text marks.
    pub(super) fn find(lines: &[&str]) -> Notes {
        // One pass for the marks, one for the notes: linear in the text.
        let marked: BTreeSet<String> = lines
            .iter()
            .flat_map(|l| marks(l))
            .map(|(_, _, n)| n)
            .collect();
        let mut notes = Notes::default();
        for (i, line) in lines.iter().enumerate() {
            let after_break = i == 0 || lines[i - 1].trim().is_empty() || notes.is_note(i - 1);
            if let Some(n) = note_label(line).filter(|n| after_break && marked.contains(n)) {
                notes.lines.insert(i);
                notes.labels.insert(n);
            } else if i > 0 && notes.is_note(i - 1) && continues_note(lines[i - 1], line) {
                notes.lines.insert(i);
            }
        }
        notes
    }

    /// Is line `i` a footnote?
    pub(super) fn is_note(&self, i: usize) -> bool {
        self.lines.contains(&i)
    }

    /// `line` without the marks of the notes found: "of 2023.3 Many" → "of 2023. Many".
    pub(super) fn unmark<'a>(&self, line: &'a str) -> Cow<'a, str> {
        if self.labels.is_empty() {
            return Cow::Borrowed(line);
        }
        let cuts: Vec<(usize, usize)> = marks(line)
            .into_iter()
            .filter(|(_, _, n)| self.labels.contains(n))
            .map(|(start, end, _)| (start, end))
            .collect();
        if cuts.is_empty() {
            return Cow::Borrowed(line);
        }
        let mut out = String::with_capacity(line.len());
        let mut at = 0;
        for (start, end) in cuts {
            out.push_str(&line[at..start]);
            at = end;
        }
        out.push_str(&line[at..]);
        Cow::Owned(out)
    }
}

/// Does `line` go on the note above it? A note wrapped at the page's width goes on in
/// lower case ("conducted by the organisers in April 2025; they have not been"), one set
/// with a hanging indent goes on indented under its first line ("[1] Draft Framework…,"
/// / "    Article 9, September 2025."), and one cut on "of" or "the" goes on whatever
/// follows.
fn continues_note(above: &str, line: &str) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let t = line.trim_start();
    !t.is_empty()
        && (t.starts_with(char::is_lowercase)
            || indent(line) > indent(above)
            || ends_unfinished(above))
}

/// Markdown's footnote label: `[^2]` or `[^note]` at the start of `t` → ("^2", the rest).
fn markdown_label(t: &str) -> Option<(String, &str)> {
    let inner = t.strip_prefix("[^")?;
    let close = inner.find(']')?;
    let label = &inner[..close];
    let named = !label.is_empty()
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'));
    named.then(|| (format!("^{label}"), &inner[close + 1..]))
}

/// The label of a footnote line: "3 See the Ministry's report, p. 12." or "[3] Kestrel
/// Network, …" (a small number, in brackets or not, a space, then a capital), or
/// Markdown's "[^3]: See…".
fn note_label(line: &str) -> Option<String> {
    let t = line.trim();
    if let Some((label, rest)) = markdown_label(t) {
        let rest = rest.strip_prefix(':')?;
        return (!rest.trim().is_empty()).then_some(label);
    }
    let (number, rest) = t.split_once(' ')?;
    let number = number
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(number);
    let n: u32 = number.parse().ok().filter(|n| (1..=MAX_NOTE).contains(n))?;
    let rest = rest.trim_start();
    let opens = rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘'));
    // "12 March 2025" is a date, not note 12.
    let date = is_date_line(t) && word_count(t) <= 4;
    (opens && !date && word_count(rest) >= 2).then(|| n.to_string())
}

/// Most digits of a note's mark.
const MARK_DIGITS: usize = 3;

/// The marks in `line`, in order, as byte ranges with their numbers: "[4]" after a word or
/// a stop ("sharply[2]", "August.[4]"), or a bare number glued to a stop where a sentence
/// ends ("of 2023.3 Many", "notice.5"), never at the line's start ("2.3 Community seats"
/// is a section number) nor before a lowercase word ("version 2.3 of the standard").
fn marks(line: &str) -> Vec<(usize, usize, String)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Markdown's "[^2]" after a word or a stop; "[^2]:" opens the note itself.
        // (An ASCII '[' starts a character, so `line[i..]` is a valid slice.)
        if bytes[i] == b'[' && bytes.get(i + 1) == Some(&b'^') && i > 0 {
            if let Some((label, rest)) = markdown_label(&line[i..]) {
                let end = line.len() - rest.len();
                if !rest.starts_with(':') {
                    out.push((i, end, label));
                }
                i = end;
                continue;
            }
        }
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let end = i;
        if end - start > MARK_DIGITS {
            continue;
        }
        let Ok(n) = line[start..end].parse::<u32>() else {
            continue;
        };
        let before = line[..start].chars().next_back();
        let after = line[end..].chars().next();
        let bracketed = before == Some('[') && after == Some(']');
        let (mark_start, mark_end) = if bracketed {
            (start - 1, end + 1)
        } else {
            (start, end)
        };
        let outer_before = line[..mark_start].chars().next_back();
        let ends_word = line[mark_end..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
        let after_stop =
            outer_before.is_some_and(|c| matches!(c, '.' | ',' | ';' | ')' | '”' | '"' | '’'));
        let ok = if bracketed {
            ends_word && (after_stop || outer_before.is_some_and(char::is_alphabetic))
        } else {
            let next_word = line[end..].trim_start().chars().next();
            let sentence_ends = next_word.is_none_or(|c| !c.is_lowercase());
            let mid_line = line[..start].trim_start().contains(char::is_whitespace);
            ends_word && after_stop && sentence_ends && mid_line
        };
        if ok {
            out.push((mark_start, mark_end, n.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_counts_only_when_the_body_marks_it() {
        let lines = [
            "Wells now run dry by late August, as the review of 2023.3 Many farmers agree.",
            "",
            "3 See the Basin Authority's annual review, p. 12.",
            "",
            "74 People came to the three workshops.",
        ];
        let notes = Notes::find(&lines);
        assert!(notes.is_note(2));
        assert!(!notes.is_note(4), "no mark 74 in the body");
        assert_eq!(
            notes.unmark(lines[0]),
            "Wells now run dry by late August, as the review of 2023. Many farmers agree."
        );
    }

    #[test]
    fn markdown_footnotes_are_notes_and_their_marks_are_removed() {
        let lines = [
            "Create a licence for village networks with a nominal fee.[^2] Fees fall ✓ later.[^x]",
            "",
            "[^2]: The operators' association did not support this recommendation; see below.",
            "[^x]: A note that nothing marks is still a note when the body marks it.",
            "[^9]: Nothing marks this one.",
        ];
        let notes = Notes::find(&lines);
        assert!(notes.is_note(2) && notes.is_note(3));
        assert!(!notes.is_note(4), "no [^9] in the body");
        assert_eq!(
            notes.unmark(lines[0]),
            "Create a licence for village networks with a nominal fee. Fees fall ✓ later."
        );
    }

    #[test]
    fn a_note_wrapped_over_lines_is_one_note() {
        let lines = [
            "Most registries are unmaintained.1",
            "",
            "1 Figures come from an informal survey of registry operators",
            "conducted in April 2025; they have not been",
            "independently verified.",
            "",
            "later text in lower case after a blank line.",
        ];
        let notes = Notes::find(&lines);
        assert!(notes.is_note(2) && notes.is_note(3) && notes.is_note(4));
        assert!(!notes.is_note(6), "a blank line ends the note");
    }

    #[test]
    fn bracketed_marks_after_a_word_or_stop() {
        let lines = [
            "Access fell sharply[2] and then recovered.[3]",
            "",
            "2 Survey data.",
            "3 Operator reports, 2024.",
        ];
        let notes = Notes::find(&lines);
        assert!(notes.is_note(2) && notes.is_note(3));
        assert_eq!(
            notes.unmark(lines[0]),
            "Access fell sharply and then recovered."
        );
    }

    #[test]
    fn bracketed_notes_with_a_hanging_indent() {
        let lines = [
            "It would expose activists to retaliation.[1] Far from helping, it harms.[2]",
            "",
            "[1] Draft Framework on Platform Accountability, version 2.1,",
            "    Article 9, September 2025.",
            "[2] Kestrel Network, \"Empty Chairs\", Journal of",
            "Network Policy 12(2), 2024.",
        ];
        let notes = Notes::find(&lines);
        assert!((2..=5).all(|i| notes.is_note(i)));
        assert_eq!(
            notes.unmark(lines[0]),
            "It would expose activists to retaliation. Far from helping, it harms."
        );
    }

    #[test]
    fn numbers_in_prose_are_no_marks() {
        let lines = [
            "Version 2.3 of the standard was adopted by 12 members.",
            "",
            "3 Members agreed.",
        ];
        let notes = Notes::find(&lines);
        assert!(!notes.is_note(2), "2.3 is a version, not a mark");
        let lines = [
            "It grew in 2023.3 Farmers agree.",
            "",
            "3 Survey, 2024.",
            "",
            "2.3 Community seats",
        ];
        let notes = Notes::find(&lines);
        assert!(notes.is_note(2));
        assert_eq!(
            notes.unmark(lines[4]),
            "2.3 Community seats",
            "a section number"
        );
    }
}
