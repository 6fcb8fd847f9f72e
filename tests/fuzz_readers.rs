//! Property-based fuzzing of every reader and the outliner: arbitrary bytes and
//! structured-random documents must never panic, and whatever is read must keep
//! the statement invariants. 256 cases per property by default; set
//! `PROPTEST_CASES` for a long run.
use concord::corpus::{
    self, CorpusError, Document, MAX_STATEMENTS_PER_SESSION, MAX_STATEMENT_CHARS,
};
use proptest::prelude::*;
use std::collections::HashSet;
use std::io::Write;

#[path = "support/pdf.rs"]
mod pdf;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn check_statements(session: &corpus::Session, ids: &mut HashSet<String>) {
    assert!(session.statements.len() <= MAX_STATEMENTS_PER_SESSION);
    for st in &session.statements {
        assert!(!st.text.trim().is_empty(), "empty statement {st:?}");
        assert!(
            !st.text.contains(['\n', '\r']),
            "multi-line statement {st:?}"
        );
        assert!(st.line >= 1, "line 0 in {st:?}");
        // A cut statement may gain an ellipsis.
        assert!(
            st.text.chars().count() <= MAX_STATEMENT_CHARS + 1,
            "{}",
            st.text.len()
        );
        assert!(ids.insert(st.id.clone()), "duplicate id {}", st.id);
    }
}

/// Write `bytes` under every supported extension, load the folder and check it.
fn load_as_every_kind(bytes: &[u8], exts: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    for ext in exts {
        std::fs::write(dir.path().join(format!("f.{ext}")), bytes).unwrap();
    }
    match corpus::load(&[dir.path().to_path_buf()]) {
        Ok(c) => {
            let mut ids = HashSet::new();
            for s in &c.sessions {
                assert!(!s.statements.is_empty());
                check_statements(s, &mut ids);
            }
            assert!(c.skipped.iter().all(|s| !s.reason.is_empty()));
            // Every file is read (as one session, or as each session of a booklet) or
            // skipped with its reason; a booklet may be both, when one of its sessions
            // repeats another file's.
            let sources: HashSet<&str> = c
                .sessions
                .iter()
                .map(|s| s.source.as_str())
                .chain(c.skipped.iter().map(|s| s.source.as_str()))
                .collect();
            assert_eq!(sources.len(), exts.len());
        }
        Err(CorpusError::Empty { detail, .. }) => assert!(!detail.is_empty()),
        Err(e) => panic!("unexpected error {e}"),
    }
}

fn outline_text(text: &str) {
    let doc = Document {
        source: "f.txt".into(),
        id: "f".into(),
        text: text.into(),
        meta: Default::default(),
    };
    let s = corpus::outline(&doc);
    check_statements(&s, &mut HashSet::new());
    let lines = text.split('\n').count();
    assert!(s.statements.iter().all(|st| st.line <= lines));
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,10}",
        "[A-Z][a-z]{0,8}",
        Just("e.g.".to_owned()),
        Just("U.S.".to_owned()),
        Just("No. 5".to_owned()),
        Just("WSIS+20".to_owned()),
        "[\\PC]{1,6}",
        "[\\x00-\\x1f\\x7f]{1,3}",
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..20),
        prop::sample::select(vec!["", ".", "!", "?", ":", ";"]),
    )
        .prop_map(|(w, end)| format!("{}{end}", w.join(" ")))
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (prop::sample::select(vec!["- ", "• ", "* ", "– ", "1. ", "12) ", "a) ", "iv. ", "  - ", "    • "]), sentence())
            .prop_map(|(b, s)| format!("{b}{s}")),
        2 => sentence(),
        1 => prop::sample::select(vec![
            "Key Issues Discussed", "KEY ISSUES", "# Tangible Outcomes", "## Key Recommendations",
            "Key Recommendations & Forward-Looking Action Plan (2–5 bullet points)", "Other",
            "Session Outcome Document", "---", "===", "**Summary**",
        ]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["Date: 9 July 2025", "Organizer: ITU", "https://example.org/x", "Thursday, 10 July 2025"])
            .prop_map(str::to_owned),
        1 => (0usize..5).prop_map(|n| "\n".repeat(n)),
        1 => Just("\u{c}".to_owned()),
        1 => (word(), 1usize..3000).prop_map(|(w, n)| vec![w; n].join(" ")),
        1 => (word(), 1usize..20000).prop_map(|(w, n)| w.repeat(n)),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..60).prop_map(|l| l.join("\n"))
}

/// The same text as raw bytes in one of the encodings a text file may use.
fn encode(text: &str, how: u8, junk: &[u8]) -> Vec<u8> {
    match how % 5 {
        0 => text.as_bytes().to_vec(),
        1 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        2 => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        3 => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        // Invalid UTF-8 spliced into the middle.
        _ => {
            let b = text.as_bytes();
            let mid = b.len() / 2;
            [&b[..mid], junk, &b[mid..]].concat()
        }
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn as_html(text: &str) -> String {
    let mut h = String::from("<html><body><nav>Home</nav><main>");
    for l in text.lines() {
        let t = esc(l.trim_start_matches(['-', '•', '*', ' ']));
        if l.starts_with(['-', '•', '*']) {
            h.push_str(&format!("<ul><li>{t}</li></ul>"));
        } else if l.starts_with('#') {
            h.push_str(&format!("<h2>{t}</h2>"));
        } else {
            h.push_str(&format!("<p>{t}&nbsp;&#x2022;&bogus;</p>"));
        }
    }
    h + "</main><footer>(c)</footer></body></html>"
}

fn as_docx(text: &str, raw_document: Option<&[u8]>) -> Vec<u8> {
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let body: String = text
        .lines()
        .map(|l| {
            // XML 1.0 forbids most control characters; a real writer would never emit them.
            let clean: String = l
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect();
            let num = if l.starts_with('-') {
                r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#
            } else {
                ""
            };
            format!(
                "<w:p><w:pPr>{num}</w:pPr><w:r><w:t>{}</w:t></w:r></w:p>",
                esc(&clean)
            )
        })
        .collect();
    let doc = format!("<w:document {w}><w:body>{body}</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(raw_document.unwrap_or(doc.as_bytes()))
        .unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

const ALL: &[&str] = &["txt", "md", "docx", "html", "pdf"];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_under_every_extension(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        load_as_every_kind(&bytes, ALL);
    }

    #[test]
    fn arbitrary_bytes_behind_format_magic(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
        magic in prop::sample::select(vec![&b"%PDF-1.4\n"[..], b"PK\x03\x04", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"<html>"]),
    ) {
        load_as_every_kind(&[magic, &bytes].concat(), ALL);
    }

    #[test]
    fn structured_text_in_every_encoding(text in document(), how in any::<u8>(), junk in prop::collection::vec(128u8..=255, 1..8)) {
        outline_text(&text);
        load_as_every_kind(&encode(&text, how, &junk), &["txt", "md", "html"]);
    }

    #[test]
    fn structured_html_docx_and_pdf(text in document()) {
        load_as_every_kind(as_html(&text).as_bytes(), &["html"]);
        load_as_every_kind(&as_docx(&text, None), &["docx"]);
        load_as_every_kind(&pdf::text_to_pdf(&text), &["pdf"]);
    }

    #[test]
    fn docx_with_arbitrary_document_xml(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        load_as_every_kind(&as_docx("", Some(&bytes)), &["docx"]);
    }

    #[test]
    fn mutated_pdf(text in document(), flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16), cut in any::<prop::sample::Index>()) {
        let mut bytes = pdf::text_to_pdf(&text);
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        bytes.truncate(cut.index(bytes.len()).max(bytes.len() / 2));
        load_as_every_kind(&bytes, &["pdf"]);
    }
}
