//! Tables read row by row: the rows the readers join with " — " (Word, HTML and Markdown
//! tables alike), told apart from a sentence with a dash by coming in runs of equal cells.

use super::line::TABLE_HEADER;
use super::Unit;
use crate::corpus::prose::{ends_with_terminal, word_count};
use crate::corpus::read::CELL_SEPARATOR;
use crate::corpus::unit::UnitClass;

/// Fewest rows, of the same number of cells, that make a table of units (a prose sentence
/// with a dash in it stands alone).
const TABLE_ROWS: usize = 2;

/// Longest cell of a table's header row, in words.
const HEADER_CELL_WORDS: usize = 3;

/// Fewest words, on average, of a table's text column.
const TEXT_COLUMN_WORDS: f64 = 6.0;

/// A table read row by row ("R1. Establish a sandbox… — Regional health network — 2026"):
/// its header row ("Recommendation — Responsible — Timeline") names columns and states
/// nothing; in each row the text column (the one whose cells are longest, twice any
/// other's) is the statement, with the short cells before it that say who or which
/// ("Governments — Broadly supportive…"), and the cells after it (who acts, by when) are
/// reported beside it, so they neither enter the quote nor pull its meaning.
pub(super) fn mark_table_rows(units: &mut Vec<Unit>) {
    let cells_of = |u: &Unit| -> usize {
        if u.class == UnitClass::Statement || u.class == UnitClass::Heading {
            u.text.split(CELL_SEPARATOR).count()
        } else {
            0
        }
    };
    let mut beside = Vec::new();
    let mut start = 0;
    while start < units.len() {
        let n = cells_of(&units[start]);
        let mut end = start + 1;
        while end < units.len() && n >= 2 && cells_of(&units[end]) == n {
            end += 1;
        }
        if n >= 2 && end - start >= TABLE_ROWS {
            beside.extend(read_table(&mut units[start..end], n));
        }
        start = end;
    }
    if !beside.is_empty() {
        units.extend(beside);
        units.sort_by_key(|u| u.line);
    }
}

/// Read one table's rows of `n` cells: mark its header, cut each row to its statement and
/// return the cells reported beside.
fn read_table(rows: &mut [Unit], n: usize) -> Vec<Unit> {
    let cells = |u: &Unit| -> Vec<String> {
        u.text
            .split(CELL_SEPARATOR)
            .map(|c| c.trim().to_owned())
            .collect()
    };
    let header: Option<Vec<String>> = {
        let first = cells(&rows[0]);
        first
            .iter()
            .all(|c| {
                word_count(c) <= HEADER_CELL_WORDS
                    && !ends_with_terminal(c)
                    && !c.chars().any(|ch| ch.is_ascii_digit())
            })
            .then_some(first)
    };
    let body = usize::from(header.is_some());
    if header.is_some() {
        rows[0].class = UnitClass::Heading;
        rows[0].reason = TABLE_HEADER.into();
    }
    let data: Vec<Vec<String>> = rows[body..].iter().map(cells).collect();
    if data.is_empty() {
        return Vec::new();
    }
    let mean = |col: usize| {
        data.iter().map(|r| word_count(&r[col])).sum::<usize>() as f64 / data.len() as f64
    };
    let means: Vec<f64> = (0..n).map(mean).collect();
    let Some(text) = (0..n).max_by(|&a, &b| means[a].total_cmp(&means[b])) else {
        return Vec::new();
    };
    let dominant = means[text] >= TEXT_COLUMN_WORDS
        && (0..n).all(|c| c == text || means[c] * 2.0 <= means[text]);
    if !dominant || text + 1 == n {
        return Vec::new();
    }
    let mut beside = Vec::new();
    for (row, cells) in rows[body..].iter_mut().zip(data) {
        if row.class != UnitClass::Statement {
            continue;
        }
        // A cell before the text that only numbers the row ("4") goes with the cells beside.
        let (kept, numbers): (Vec<&String>, Vec<&String>) = cells[..=text]
            .iter()
            .partition(|c| c.chars().any(char::is_alphabetic));
        let after: Vec<String> = cells[text + 1..]
            .iter()
            .enumerate()
            .map(|(i, c)| match &header {
                Some(h) => format!("{}: {c}", h[text + 1 + i]),
                None => c.clone(),
            })
            .collect();
        let reported: Vec<String> = numbers.into_iter().cloned().chain(after).collect();
        row.text = kept
            .into_iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(CELL_SEPARATOR);
        beside.push(Unit {
            text: reported.join(CELL_SEPARATOR),
            class: UnitClass::Metadata,
            reason: "table cells beside the statement".into(),
            ..row.clone()
        });
    }
    beside
}
