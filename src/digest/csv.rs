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
        for (i, s) in t.statements.iter().enumerate() {
            let stance = match t.stances.get(i).map(|m| m.stance) {
                Some(crate::rank::ThemeStance::Dissent) => "dissent",
                Some(crate::rank::ThemeStance::Support) => "support",
                Some(crate::rank::ThemeStance::Mention) => "mention",
                None => "",
            };
            rows.push([
                t.id.clone(),
                t.title.clone(),
                kind.to_string(),
                t.support.to_string(),
                s.session.clone(),
                section_word(s).to_string(),
                stance.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::{Agglomerative, Method};
    use crate::digest::{CorpusSummary, Options};
    use crate::rank::Theme;

    fn theme(id: &str, texts: &[&str]) -> Theme {
        serde_json::from_value(serde_json::json!({
            "id": id, "kind": "recommendation", "rank": 1, "title": "Fund, \"travel\"",
            "label": "", "keywords": [], "support": 2, "share": 1.0, "cohesion": 1.0,
            "centrality": 0.0, "broad": false, "sessions": ["a", "b"], "representative": "",
            "representative_id": "", "also": [],
            "statements": texts.iter().enumerate().map(|(i, t)| serde_json::json!({
                "id": format!("a#{i}"), "session": "a", "section": "recommendations",
                "kind": "recommendation", "text": t, "source": "dir/a, b.txt", "line": i + 1,
            })).collect::<Vec<_>>(),
        }))
        .expect("a theme")
    }

    #[test]
    fn quotes_commas_and_newlines_round_trip_through_a_csv_reader() {
        let texts = [
            "She said \"fund it\", twice",
            "line one\nline two, with a comma",
            "plain",
            "naïve “curly” ünïcode",
        ];
        let d = Digest {
            corpus: CorpusSummary {
                sessions: 2,
                statements: 4,
                model: "m".into(),
                options: Options {
                    method: Method::Agglomerative(Agglomerative {
                        threshold: 0.5,
                        lexical_weight: 0.3,
                    }),
                    min_sessions: 2,
                },
                skipped: vec![],
            },
            sessions: vec![],
            themes: vec![theme("rec-1", &texts[..3])],
            unique: vec![theme("unique-1", &texts[3..])],
            excluded: vec![],
            common: vec![],
        };
        let text = to_csv(&d);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = r
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(header, COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("a valid row")).collect();
        assert_eq!(rows.len(), 4, "one row per statement");
        for (row, want) in rows.iter().zip(texts) {
            assert_eq!(&row[9], want);
            assert_eq!(&row[1], "Fund, \"travel\"");
            assert_eq!(&row[7], "dir/a, b.txt");
            assert_eq!(
                &row[6], "",
                "a theme without read stances leaves the column empty"
            );
        }
        assert_eq!(&rows[3][0], "unique-1");
        assert_eq!(&rows[1][8], "2");
        assert!(text.ends_with("\r\n"));
    }
}
