//! CSV rendering for spreadsheets: one row per statement of every theme and unique
//! entry (so every statement once), RFC 4180 quoting, UTF-8, CRLF line ends.

use super::markdown::section_word;
use super::Digest;
use crate::corpus::StatementKind;

/// Column names, in order.
pub const COLUMNS: [&str; 10] = [
    "theme", "title", "kind", "support", "session", "section", "stance", "file", "line", "text",
];

/// Render the digest as CSV with a header row.
pub fn to_csv(d: &Digest) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<[String; 10]> = Vec::new();
    for t in d.themes.iter().chain(&d.unique) {
        let kind = match t.kind {
            StatementKind::Recommendation => "recommendation",
            StatementKind::Observation => "observation",
        };
        for s in &t.statements {
            rows.push([
                t.id.clone(),
                t.title.clone(),
                kind.to_string(),
                t.support.to_string(),
                s.session.clone(),
                section_word(s).to_string(),
                // Stance is not detected yet: left empty rather than guessed.
                String::new(),
                s.source.clone(),
                s.line.to_string(),
                s.text.clone(),
            ]);
        }
    }
    // Writing to a Vec<u8> cannot fail, and every field is a String, so the
    // writer's errors (I/O, serialisation) cannot occur; the fallbacks are unreachable.
    let _ = w.write_record(COLUMNS);
    for r in &rows {
        let _ = w.write_record(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
