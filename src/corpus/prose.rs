//! Small text helpers for the outliner: sentence splitting, line cleaning,
//! and recognisers for dates and links (which are metadata, never statements).
//!
//! Everything here is a single left-to-right scan so that a pathological
//! multi-megabyte line costs linear time.

use crate::text::is_content_word;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "cf", "al", "viz", "approx", "ca", "resp", "dr", "mr", "mrs", "ms",
    "prof", "st", "inc", "ltd", "co", "corp", "jr", "sr", "fig", "para", "vol", "dept", "univ",
    "gov", "govt", "sen", "rep", "gen", "amb", "h.e", "jan", "feb", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "incl", "esp", "min", "max", "hon", "rt",
    "messrs",
];

/// Abbreviations that only hold a period when a number follows ("No. 5", "p. 12").
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "p", "pp", "art", "sec", "ch"];

/// Split prose into sentences: `(byte offset of start, sentence)` pairs.
///
/// A boundary is `.`, `!` or `?` (plus closing quotes/brackets) followed by
/// whitespace and a capital letter, digit or opening quote, unless the word
/// before the period is a known abbreviation, an initial ("J."), or a dotted
/// acronym ("U.S."). One-word fragments are merged into their neighbour.
pub(crate) fn split_sentences(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Consume closers that belong to the sentence end.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(
                d,
                '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '.' | '!' | '?'
            ) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let Some(first_ws) = rest.chars().next() else {
            continue;
        };
        if !first_ws.is_whitespace() {
            continue;
        }
        let next = rest.trim_start().chars().next();
        let starts_new = next.is_some_and(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '“' | '‘' | '(' | '[' | '\'')
        });
        if !starts_new {
            continue;
        }
        if c == '.' && is_abbreviation(text, i, next) {
            continue;
        }
        // "Table 2. Recommendations adopted in plenary", "Box 1. What was agreed": a
        // label and its number open what follows, they are no sentence of their own.
        if c == '.' && is_numbered_label(&text[start..i]) {
            continue;
        }
        if text[start..end].trim().is_empty() {
            continue;
        }
        out.push((start, end));
        start = end;
    }
    if start < bytes.len() && !text[start..].trim().is_empty() {
        out.push((start, bytes.len()));
    }
    // Merge one-word fragments ("Yes.") into the previous sentence.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        let words = text[s..e].split_whitespace().count();
        match merged.last_mut() {
            Some(last) if words <= 1 => last.1 = e,
            _ => merged.push((s, e)),
        }
    }
    merged
        .into_iter()
        .map(|(s, e)| {
            let slice = &text[s..e];
            let lead = slice.len() - slice.trim_start().len();
            (s + lead, slice.trim())
        })
        .collect()
}

/// A capitalised word and a number, all the text before a stop ("Table 2", "Box IV").
fn is_numbered_label(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let [label, number] = words.as_slice() else {
        return false;
    };
    label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().all(char::is_alphabetic)
        && (number.chars().all(|c| c.is_ascii_digit())
            || number.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Is the period at byte `dot` the end of an abbreviation rather than a sentence?
fn is_abbreviation(text: &str, dot: usize, next: Option<char>) -> bool {
    let before = &text[..dot];
    // Only the last word matters; rfind keeps this proportional to that word.
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| ch.is_whitespace())
        .map_or(0, |(k, ch)| k + ch.len_utf8());
    let word = before[word_start..].trim_start_matches(['(', '[', '"', '“', '\'']);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    if NUMBER_ABBREVIATIONS.contains(&lower.as_str()) && next.is_some_and(|n| n.is_ascii_digit()) {
        return true;
    }
    let mut chars = word.chars();
    // An initial: "J." in "J. Smith".
    if let (Some(first), None) = (chars.next(), chars.next()) {
        return first.is_uppercase();
    }
    // Dotted acronyms: "U.S", "U.N" (the final period is the one we are looking at).
    word.contains('.') && word.split('.').all(|part| part.chars().count() == 1)
}

/// Collapse runs of whitespace into single spaces and drop Markdown emphasis marks; a
/// Markdown link reads as its text, an image as nothing.
pub(crate) fn clean_line(line: &str) -> String {
    let line = markdown_links(line);
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        let word = strip_emphasis(word);
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// What follows the separator nearest the end of `text` ("Site – Page" → "Page"), among
/// `separators`; `None` when none occurs.
pub(crate) fn last_part<'a>(text: &'a str, separators: &[&str]) -> Option<&'a str> {
    separators
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|i| &text[i + sep.len()..]))
        .min_by_key(|tail| tail.len())
}

/// `[text](target)` → `text`, `![alt](src)` → nothing; anything else as written.
fn markdown_links(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains("](") {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        // The link text ends at the first "](" with no bracket before it; the target at
        // the next ")".
        let link = after
            .find("](")
            .filter(|&close| !after[..close].contains(['[', ']']))
            .and_then(|close| after[close + 2..].find(')').map(|end| (close, end)));
        let Some((close, end)) = link else {
            out.push_str(&rest[..open + 1]);
            rest = after;
            continue;
        };
        let target = &after[close + 2..];
        let image = rest[..open].ends_with('!');
        out.push_str(if image {
            &rest[..open - 1]
        } else {
            &rest[..open]
        });
        if !image {
            out.push_str(&after[..close]);
        }
        rest = &target[end + 1..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Remove emphasis markers, which are formatting, not words: `**` and `__` anywhere, a
/// single `*` or `_` at either end of a word that has more than marks (`*Posted`,
/// `inbox.*`). Inner ones stay (`snake_case`, `5*3`).
fn strip_emphasis(word: &str) -> String {
    let word = if word.contains("**") || word.contains("__") {
        word.replace("**", "").replace("__", "")
    } else {
        word.to_owned()
    };
    let marks = |c: char| c == '*' || c == '_';
    let bare = word.trim_matches(marks);
    if bare.is_empty() {
        word
    } else {
        bare.to_owned()
    }
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Does the text end like a sentence or clause (so a following line is not its continuation)?
pub(crate) fn ends_with_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', ')', ']', '”', '’', '*']);
    t.ends_with(['.', '!', '?', ';', ':'])
}

/// "The outcome of this session will be submitted to the": a line that stops on a
/// function word runs on to the next; it is no heading, whatever section it names.
pub(crate) fn ends_unfinished(t: &str) -> bool {
    t.split_whitespace()
        .last()
        .is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()))
}

/// Words no title ends on: articles, the commonest prepositions and conjunctions, and
/// verbs that want what follows ("Beyond" or "Ahead" may end a title).
const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "by", "and", "or", "with", "for", "from", "in", "on", "at",
    "that", "is", "are", "was", "were", "will", "be", "its", "their", "our",
];

/// Fewest words of a one-sentence field value that reads as something said.
const SAID_WORDS: usize = 8;

/// "Welcome to everyone. The question before…", "So you would strengthen what exists.":
/// the value after a label is prose (a speaker's turn, a paragraph), not a field's value
/// such as a name, a date or a title.
pub(crate) fn is_prose_value(value: &str) -> bool {
    let value = value.trim();
    let words: Vec<&str> = value.split_whitespace().collect();
    // A list of names ("Dr. Ilse Brandvold (Institute of…), Tomasz Quell (…)") is mostly
    // capitalised; what a person says is mostly not.
    let lower = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    let spoken = 2 * lower >= words.len();
    // "I hear broad agreement on the" / "remedy.": a value that stops on a function word
    // runs on to the next line.
    let unfinished = words
        .last()
        .is_some_and(|w| w.chars().all(char::is_alphabetic) && !is_content_word(&w.to_lowercase()));
    spoken
        && (unfinished
            || split_sentences(value).len() >= 2
            || (ends_with_terminal(value) && words.len() >= SAID_WORDS))
}

/// A line that is only a link, possibly in angle brackets or after "Link:".
pub(crate) fn as_url(line: &str) -> Option<String> {
    let t = line
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    let lower = t.to_ascii_lowercase();
    let is_link =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    (is_link && !t.contains(char::is_whitespace)).then(|| t.to_owned())
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Is `word` a month's name or abbreviation ("September", "sept")?
pub(crate) fn is_month(word: &str) -> bool {
    MONTHS.contains(&word.trim().to_lowercase().as_str())
}

/// Is `word` a day of the week ("Thursday")?
pub(crate) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word.trim().to_lowercase().as_str())
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A short line that states a date or time ("Thursday, 10 July 2025, 14:00 - 15:00").
pub(crate) fn is_date_line(line: &str) -> bool {
    if word_count(line) > 14 {
        return false;
    }
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
    });
    let has_month = words.iter().any(|w| MONTHS.contains(w));
    let has_weekday = words.iter().any(|w| WEEKDAYS.contains(w));
    let has_time = has_clock_time(line);
    let has_numeric_date = has_numeric_date(line);
    (has_year && (has_month || has_weekday || has_time))
        || has_numeric_date
        || (has_month && has_time)
}

/// "14:00", "9:45".
pub(crate) fn has_clock_time(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

/// "2025-07-10", "10/07/2025", "10.07.2025".
fn has_numeric_date(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',').any(|tok| {
        let parts: Vec<&str> = tok.split(['-', '/', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            && parts.iter().any(|p| p.len() == 4)
    })
}

/// Cut `text` to at most `max` characters on a word boundary, marking the cut.
pub(crate) fn truncate_chars(text: &str, max: usize) -> Option<String> {
    let (cut, _) = text.char_indices().nth(max)?;
    let head = &text[..cut];
    let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
    Some(format!("{}…", head.trim_end()))
}

/// Parts before a line-end hyphen that keep it: prefixes English writes with a hyphen
/// ("multi-stakeholder", "self-regulation", "cross-border").
const HYPHEN_PREFIXES: &[&str] = &[
    "self",
    "cross",
    "non",
    "multi",
    "co",
    "well",
    "ex",
    "anti",
    "post",
    "pre",
    "long",
    "short",
    "open",
    "high",
    "low",
    "full",
    "part",
    "peer",
    "rights",
    "human",
    "evidence",
    "community",
];

/// The hyphenated words a document writes on one line, so a word hyphenated across a
/// line break can be told from a word the layout split: "multi-" / "stakeholder" keeps
/// its hyphen, "recom-" / "mendations" loses it.
#[derive(Debug, Default)]
pub(crate) struct Hyphenated {
    words: std::collections::HashSet<String>,
}

impl Hyphenated {
    /// The hyphenated words of `lines`, lower-cased.
    pub(crate) fn of(lines: &[&str]) -> Self {
        let words = lines
            .iter()
            .flat_map(|l| l.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.contains('-'))
            .map(str::to_lowercase)
            .collect();
        Hyphenated { words }
    }

    /// Does a word broken as `first-` / `rest` keep its hyphen? Yes when the document
    /// writes it so elsewhere, when `first` is a prefix written with one, or when `first`
    /// is an acronym or a number ("COVID-" / "related"); otherwise the layout split it.
    /// A capital only at the start is a word's first letter, not a name: a title breaks
    /// "Informa-" / "tion Society".
    pub(crate) fn keeps(&self, first: &str, rest: &str) -> bool {
        let first_lower = first.to_lowercase();
        let rest_lower = rest.to_lowercase();
        self.words.contains(&format!("{first_lower}-{rest_lower}"))
            || HYPHEN_PREFIXES.contains(&first_lower.as_str())
            || first
                .chars()
                .skip(1)
                .any(|c| c.is_uppercase() || c.is_ascii_digit())
            || first.starts_with(|c: char| c.is_ascii_digit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        split_sentences(s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One thing happened. Another followed! Did it? Yes it did."),
            vec![
                "One thing happened.",
                "Another followed!",
                "Did it?",
                "Yes it did."
            ]
        );
    }

    #[test]
    fn a_broken_word_keeps_its_hyphen_only_when_it_has_one() {
        let doc = Hyphenated::of(&["a follow-up meeting"]);
        // The layout broke these words.
        assert!(!doc.keeps("recom", "mendations"));
        assert!(!doc.keeps("Informa", "tion"));
        // These are written with a hyphen.
        assert!(doc.keeps("follow", "up"));
        assert!(doc.keeps("Multi", "stakeholder"));
        assert!(doc.keeps("COVID", "related"));
        assert!(doc.keeps("G7", "led"));
        assert!(doc.keeps("2025", "based"));
    }

    #[test]
    fn a_numbered_label_opens_its_sentence() {
        let s: Vec<&str> = split_sentences("Table 2. Recommendations adopted in plenary")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(s, ["Table 2. Recommendations adopted in plenary"]);
        let s: Vec<&str> = split_sentences("Landings doubled in Table 2. Ports grew.")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(s, ["Landings doubled in Table 2.", "Ports grew."]);
    }

    #[test]
    fn keeps_abbreviations_together() {
        let text = "Actors (e.g. ITU, i.e. the UN) met in the U.S. Government offices. \
                    Dr. Smith cited No. 5 and J. Doe etc. Growth was 2.5 percent. Done now.";
        assert_eq!(
            sentences(text),
            vec![
                "Actors (e.g. ITU, i.e. the UN) met in the U.S. Government offices.",
                "Dr. Smith cited No. 5 and J. Doe etc. Growth was 2.5 percent.",
                "Done now."
            ]
        );
        // An honorific before a name ends nothing.
        assert_eq!(
            sentences("The Minister, Hon. Mereani Voli, spoke. The Rt. Hon. member agreed."),
            vec![
                "The Minister, Hon. Mereani Voli, spoke.",
                "The Rt. Hon. member agreed."
            ]
        );
    }

    #[test]
    fn offsets_point_at_sentence_starts() {
        let text = "First one here.  Second one there.";
        let got = split_sentences(text);
        assert_eq!(got[1].0, text.find("Second").unwrap());
    }

    #[test]
    fn closing_quotes_stay_with_sentence() {
        assert_eq!(
            sentences("They said “stop.” Then they left."),
            vec!["They said “stop.”", "Then they left."]
        );
    }

    /// `n` times a run of sentences (a one-word fragment to merge, multi-byte letters),
    /// then `5n` bytes without a space: every kind of step the scan takes, in one line.
    fn huge_line(n: usize) -> String {
        "Two words. Yes. Café prices rose. Déjà vu. ".repeat(n) + &"x".repeat(5 * n)
    }

    /// The fastest of a few runs of `split_sentences` on `text`, in seconds.
    fn fastest_split(text: &str) -> f64 {
        (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                std::hint::black_box(split_sentences(std::hint::black_box(text)));
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    }

    #[test]
    fn huge_line_is_linear_and_safe() {
        // Safe: a multi-megabyte line splits exactly as its short pieces do, and every
        // offset is a character boundary where its sentence starts.
        let n = 200_000;
        let big = huge_line(n);
        let got = split_sentences(&big);
        assert_eq!(got.len(), 3 * n);
        for (i, &(at, s)) in got.iter().enumerate() {
            assert_eq!(big.get(at..at + s.len()), Some(s), "sentence {i}");
            let want = match i % 3 {
                0 => "Two words. Yes.",
                1 => "Café prices rose.",
                _ if i + 1 < got.len() => "Déjà vu.",
                _ => "",
            };
            if !want.is_empty() {
                assert_eq!(s, want, "sentence {i}");
            }
        }
        let last = got.last().map(|&(_, s)| s).unwrap_or_default();
        assert_eq!(last.len(), "Déjà vu. ".len() + 5 * n);

        // Linear: 16 times the text takes about 16 times as long; a scan that went back
        // over the text at each sentence would take about 256 times as long.
        let (small, large) = (huge_line(20_000), huge_line(320_000));
        let ratio = fastest_split(&large) / fastest_split(&small);
        assert!(ratio < 64.0, "16 × the text took {ratio:.0} × as long");
    }

    #[test]
    fn dates_and_links() {
        assert!(is_date_line(
            "Thursday, 10 July 2025, 14:00 - 15:00 (UTC-02:00)"
        ));
        assert!(is_date_line("15:15-16:15, 8 July 2025"));
        assert!(is_date_line("11 July 2025, 9:00-9:45(UTC+02:00)"));
        assert!(is_date_line("2025-07-10"));
        assert!(!is_date_line(
            "The session reaffirmed the 2005 Tunis Agenda."
        ));
        assert_eq!(
            as_url("<https://www.itu.int/a/b>").as_deref(),
            Some("https://www.itu.int/a/b")
        );
        assert!(as_url("see https://x.org for more").is_none());
    }

    #[test]
    fn cleaning_and_truncation() {
        assert_eq!(clean_line("  a   **bold**\tword "), "a bold word");
        assert_eq!(
            clean_line("Adopt the [Open Tide Standard](https://x.org/s) ![logo](l.png) now [sic]."),
            "Adopt the Open Tide Standard now [sic]."
        );
        assert_eq!(clean_line("a [b](c"), "a [b](c");
        assert_eq!(
            clean_line("*Comments are closed.* _Posted_ in snake_case, 5*3 * x"),
            "Comments are closed. Posted in snake_case, 5*3 * x"
        );
        assert_eq!(
            truncate_chars("alpha beta gamma", 12).unwrap(),
            "alpha beta…"
        );
        assert!(truncate_chars("short", 12).is_none());
    }
}
