//! Outlining of the seed documents, and loading of awkward files and folders.
use concord::corpus::{self, CorpusError, SectionKind, Session, StatementKind};
use std::fs;
use std::path::{Path, PathBuf};

fn seed_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/wsis-2025")
        .join(name)
}

fn seed(name: &str) -> Session {
    corpus::outline(&corpus::read_document(&seed_path(name)).expect("seed readable"))
}

/// (issues, outcomes, recommendations, other) statement counts.
fn counts(s: &Session) -> (usize, usize, usize, usize) {
    let n = |k| s.statements.iter().filter(|st| st.section == k).count();
    (
        n(SectionKind::Issues),
        n(SectionKind::Outcomes),
        n(SectionKind::Recommendations),
        n(SectionKind::Other),
    )
}

fn texts(s: &Session) -> Vec<&str> {
    s.statements.iter().map(|st| st.text.as_str()).collect()
}

fn has(s: &Session, prefix: &str) -> bool {
    s.statements.iter().any(|st| st.text.starts_with(prefix))
}

const WSIS: &str = "https://www.itu.int/net4/wsis/forum/2025/Agenda/Session/";

#[test]
fn seed_000_prose_split_and_lead_in() {
    let s = seed("000_23070b0fe55b1a76.txt");
    assert_eq!(counts(&s), (2, 3, 4, 0));
    assert!(s
        .title
        .starts_with("Digital Cooperation and Empowerment: Insights"));
    assert_eq!(
        s.organizer,
        "Internet Corporation for Assigned Names and Numbers"
    );
    assert_eq!(s.date, "Thursday, 10 July 2025, 14:00 - 15:00 (UTC-02:00)");
    assert_eq!(s.url, format!("{WSIS}425"));
    let t = texts(&s);
    // The prose paragraph under Key Issues becomes two sentences, both from line 15.
    assert!(t[0].starts_with("Participants from the technical community"));
    assert!(t[0].ends_with("beyond 2025."));
    assert_eq!(
        t[1],
        "Participants emphasized inclusivity, accountability, and sustained engagement to foster impactful multistakeholder participation."
    );
    assert_eq!((s.statements[0].line, s.statements[1].line), (15, 15));
    // The lead-in ending with ":" is context; its nested child is a statement.
    assert!(!has(&s, "Panellists shared several key Insights"));
    let keep = &s.statements[5];
    assert!(keep.text.starts_with("Keep processes open and inclusive"));
    assert_eq!(
        (keep.section, keep.line),
        (SectionKind::Recommendations, 26)
    );
    // The bullet after the page break continues the list.
    assert!(s.statements[6]
        .text
        .starts_with("Consider the IGF as essential"));
    assert_eq!(s.statements[6].line, 30);
    assert_eq!(s.statements[0].id, "000_23070b0fe55b1a76#1");
}

#[test]
fn seed_001_nested_list_and_page_break() {
    let s = seed("001_cfec65c1df75da24.txt");
    assert_eq!(counts(&s), (5, 9, 2, 0));
    assert_eq!(
        s.title,
        "Celebrating 20 Years of Multistakeholder Engagement: WSIS Forum, IGF, and the Road Ahead IGF/WSIS"
    );
    assert_eq!(s.organizer, "");
    assert_eq!(s.date, "15:15-16:15, 8 July 2025");
    assert_eq!(s.url, format!("{WSIS}265"));
    // "Key points made by speakers and audience members" only introduces nested bullets.
    assert!(!has(&s, "Key points made by speakers"));
    assert!(has(
        &s,
        "Multistakeholder models need to reflect the public interest"
    ));
    let after_break = s
        .statements
        .iter()
        .find(|st| st.text.starts_with("We need to evolve mechanisms"))
        .expect("bullet after page break");
    assert_eq!(
        (after_break.section, after_break.line),
        (SectionKind::Outcomes, 32)
    );
    assert_eq!(after_break.kind, StatementKind::Recommendation);
    let last = s.statements.last().unwrap();
    assert!(last
        .text
        .starts_with("There was agreement in the room around the renewal of the IGF mandate"));
    assert_eq!(last.line, 40);
}

#[test]
fn seed_002_sub_headings_and_numbered_recommendations() {
    let s = seed("002_aec773405a656a6b.txt");
    assert_eq!(counts(&s), (6, 4, 5, 0));
    assert_eq!(
        s.title,
        "Knowledge Café: Strengthening Multistakeholderism for Digital Development (Session 452)"
    );
    assert_eq!(s.organizer, "WSIS");
    assert_eq!(s.date, "Wednesday, 9 July 2025 | 12:15 – 14:00");
    assert_eq!(s.url, format!("{WSIS}452"));
    // "Key achievements" and "Agreements / commitments" are sub-headings, never statements.
    assert!(!texts(&s)
        .iter()
        .any(|t| t.starts_with("Key achievements") || t.starts_with("Agreements /")));
    let reaffirm = s
        .statements
        .iter()
        .find(|st| st.text.starts_with("Reaffirm Geneva (2003)"))
        .expect("numbered item");
    assert_eq!(
        (reaffirm.section, reaffirm.kind, reaffirm.line),
        (
            SectionKind::Recommendations,
            StatementKind::Recommendation,
            41
        )
    );
    assert!(has(
        &s,
        "Codify multistakeholder principles & metrics. Develop a living"
    ));
}

#[test]
fn seed_003_page_break_inside_issues() {
    let s = seed("003_53064e3450baf587.txt");
    assert_eq!(counts(&s), (8, 2, 4, 0));
    assert_eq!(
        s.title,
        "Enhanced Cooperation in the Digital Age: From Concept to Commitment at WSIS+20"
    );
    assert!(s
        .organizer
        .starts_with("United Nations Department of Economic and Social Affairs"));
    assert_eq!(s.date, "Thursday, 10 July 2025 | 10:00–10:45 (UTC+02:00)");
    assert_eq!(s.url, format!("{WSIS}400"));
    // "U.S." does not matter inside a bullet, which stays one statement.
    assert!(has(&s, "The IANA transition in 2016 successfully transferred the oversight of critical Internet resources from the U.S. government"));
    let dev = s
        .statements
        .iter()
        .find(|st| st.text.starts_with("Developing countries emphasized"))
        .unwrap();
    assert_eq!((dev.section, dev.line), (SectionKind::Issues, 24));
}

#[test]
fn seed_004_blank_lines_after_heading() {
    let s = seed("004_cbb39beb02d80e37.txt");
    assert_eq!(counts(&s), (5, 2, 4, 0));
    assert_eq!(
        s.title,
        "Strengthen Digital Governance and International Cooperation to Build an Inclusive Digital Future"
    );
    assert_eq!(s.organizer, "Chinese Academy of Cyberspace Studies");
    assert_eq!(s.date, "11 July 2025, 9:00-9:45(UTC+02:00)");
    assert_eq!(s.url, format!("{WSIS}242"));
    assert!(has(
        &s,
        "Governments, international organizations (e.g. ITU, UNCTAD, WFEO, etc), enterprises"
    ));
    assert!(has(&s, "Call on governments, international organizations"));
}

#[test]
fn seeds_load_as_a_folder_without_prompts_or_headings_in_text() {
    let c = corpus::load(&[seed_path("")]).expect("seeds load");
    assert_eq!(c.sessions.len(), 5);
    assert!(c.skipped.is_empty() && c.warnings.is_empty());
    assert_eq!(c.statements().count(), 65);
    for st in c.statements() {
        assert!(
            !st.text.contains("bullet points"),
            "prompt leaked: {}",
            st.text
        );
        assert!(!st.text.starts_with("Key Issues") && !st.text.starts_with("Tangible Outcomes"));
        assert!(!st.text.contains('\n') && st.text == st.text.trim());
        assert!(!st.text.starts_with(['-', '•', '*']));
        assert!(st.source.ends_with(&format!("{}.txt", st.session)));
    }
    let ids: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_23070b0fe55b1a76",
            "001_cfec65c1df75da24",
            "002_aec773405a656a6b",
            "003_53064e3450baf587",
            "004_cbb39beb02d80e37"
        ]
    );
    // Recommendations sections are all recommendations.
    assert!(c
        .statements()
        .filter(|st| st.section == SectionKind::Recommendations)
        .all(|st| st.kind == StatementKind::Recommendation));
}

#[test]
fn source_is_the_path_as_walked() {
    let dir = Path::new("data/wsis-2025");
    if !dir.exists() {
        return; // Only meaningful when run from the crate root, as cargo does.
    }
    let c = corpus::load(&[dir.to_path_buf()]).unwrap();
    assert_eq!(
        c.sessions[0].source,
        "data/wsis-2025/000_23070b0fe55b1a76.txt"
    );
    assert_eq!(c.sessions[0].statements[0].source, c.sessions[0].source);
}

// ----- other layouts and encodings -----

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn load_one(bytes: &[u8]) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "doc.txt", bytes);
    corpus::load(&[p]).expect("loads").sessions.remove(0)
}

const MIXED: &str = "\
SESSION REPORT ON AI

Organizer: Example Org
Date: 3 March 2025

KEY ISSUES

• Bullets with a round mark work.
• A second bullet wraps
  onto a second line.

* Star bullets work too.

TANGIBLE OUTCOMES

1. First numbered outcome.
2. Second numbered outcome.

Recommendations

a) Governments should fund participation.
b) Fund youth travel.

Summary

The panel met in Geneva, i.e. at the ITU. Dr. Smith opened it at 10 a.m. on No. 5 Rue Lausanne. Everyone agreed.
";

#[test]
fn mixed_layout_bullets_numbers_letters_and_prose() {
    let s = load_one(MIXED.as_bytes());
    assert_eq!(s.title, "SESSION REPORT ON AI");
    assert_eq!(
        (s.organizer.as_str(), s.date.as_str()),
        ("Example Org", "3 March 2025")
    );
    let got: Vec<(SectionKind, &str)> = s
        .statements
        .iter()
        .map(|st| (st.section, st.text.as_str()))
        .collect();
    use SectionKind::*;
    assert_eq!(
        got,
        vec![
            (Issues, "Bullets with a round mark work."),
            (Issues, "A second bullet wraps onto a second line."),
            (Issues, "Star bullets work too."),
            (Outcomes, "First numbered outcome."),
            (Outcomes, "Second numbered outcome."),
            (Recommendations, "Governments should fund participation."),
            (Recommendations, "Fund youth travel."),
            (Other, "The panel met in Geneva, i.e. at the ITU."),
            (
                Other,
                "Dr. Smith opened it at 10 a.m. on No. 5 Rue Lausanne."
            ),
            (Other, "Everyone agreed."),
        ]
    );
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    let text = "Title\r\n\r\nKey Issues\r\n\r\n- One issue.\r\n- Two\r\n  wrapped.\rKey Recommendations\r\r- Act now.\r\n";
    let s = load_one(text.as_bytes());
    assert_eq!(texts(&s), vec!["One issue.", "Two wrapped.", "Act now."]);
    assert_eq!(s.statements[2].line, 10);
}

#[test]
fn utf16_with_bom_is_read() {
    let text = "Titre café\n\nKey Issues\n\n- Un point é.\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let s = load_one(&le);
    assert_eq!(s.title, "Titre café");
    assert_eq!(texts(&s), vec!["Un point é."]);
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    assert_eq!(texts(&load_one(&be)), vec!["Un point é."]);
}

#[test]
fn windows_1252_falls_back_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "legacy.txt",
        b"Caf\xe9 session\n\nKey Issues\n\n- \x93Quoted\x94 point \x96 here.\n",
    );
    let c = corpus::load(&[p]).unwrap();
    assert_eq!(c.sessions[0].title, "Café session");
    assert_eq!(texts(&c.sessions[0]), vec!["“Quoted” point – here."]);
    assert_eq!(c.warnings.len(), 1);
    assert!(c.warnings[0].contains("legacy.txt") && c.warnings[0].contains("Windows-1252"));
}

#[test]
fn mixed_folder_loads_good_files_and_names_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_good.txt", b"Title\n\nKey Issues\n\n- A real point.\n");
    write(d, "b_empty.txt", b"");
    write(d, "c_blank.md", b"  \n\n\t \n");
    write(
        d,
        "d_binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    );
    write(
        d,
        "e_nothing.txt",
        b"Session Outcome Document\n\nJust a title\n",
    );
    write(d, "f_image.png", b"\x89PNG not a document");
    write(
        d,
        "sub/g_good.md",
        b"# Another\n\n## Key Recommendations\n\n- Do the thing.\n",
    );
    write(d, ".hidden.txt", b"Title\n\n- hidden point.\n");
    let c = corpus::load(&[d.to_path_buf()]).unwrap();
    let ids: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a_good", "g_good"]);
    let reasons: Vec<(String, &str)> = c
        .skipped
        .iter()
        .map(|s| {
            let name = Path::new(&s.source)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, s.reason.as_str())
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("b_empty.txt".to_string(), "empty file"),
            ("c_blank.md".to_string(), "only whitespace"),
            ("d_binary.txt".to_string(), "binary file"),
            (
                "e_nothing.txt".to_string(),
                "no statements found (only 2 units: metadata)"
            ),
            (
                "f_image.png".to_string(),
                "unsupported file type .png (supported: .txt, .md, .markdown, .text, .docx, .html, .htm, .xhtml, .pdf)"
            ),
        ]
    );
}

#[test]
fn all_bad_folder_is_an_error_naming_each_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "bin.txt", b"\0\0\0\x01\x02");
    match corpus::load(&[dir.path().to_path_buf()]) {
        Err(CorpusError::Empty { detail, .. }) => {
            assert!(detail.contains("empty.txt (empty file)"), "{detail}");
            assert!(detail.contains("bin.txt (binary file)"), "{detail}");
        }
        other => panic!("expected Empty, got {other:?}"),
    }
    let empty = tempfile::tempdir().unwrap();
    match corpus::load(&[empty.path().to_path_buf()]) {
        Err(CorpusError::Empty { detail, .. }) => assert!(detail.contains("no supported files")),
        other => panic!("expected Empty, got {other:?}"),
    }
}

#[test]
fn missing_path_is_not_found() {
    let err = corpus::load(&[PathBuf::from("/no/such/concord/path")]).unwrap_err();
    assert!(matches!(err, CorpusError::NotFound(_)));
}

#[test]
fn explicit_unsupported_file_is_skipped_with_reason() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"T\n\nKey Issues\n\n- One point.\n");
    let png = write(dir.path(), "pic.png", b"\x89PNG");
    let c = corpus::load(&[good, png]).unwrap();
    assert_eq!(c.sessions.len(), 1);
    assert!(c.skipped[0]
        .reason
        .starts_with("unsupported file type .png"));
}

#[test]
fn same_stem_in_two_folders_gets_unique_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/x.txt", b"T\n\nKey Issues\n\n- One point.\n");
    write(dir.path(), "b/x.txt", b"T\n\nKey Issues\n\n- Two points.\n");
    let c = corpus::load(&[dir.path().to_path_buf()]).unwrap();
    let ids: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["x", "x-2"]);
    assert_eq!(c.sessions[1].statements[0].id, "x-2#1");
    // The same file given twice is read once.
    let p = dir.path().join("a/x.txt");
    let c = corpus::load(&[p.clone(), p]).unwrap();
    assert_eq!(c.sessions.len(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loop_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "docs/a.txt",
        b"T\n\nKey Issues\n\n- One point.\n",
    );
    std::os::unix::fs::symlink(dir.path().join("docs"), dir.path().join("docs/loop")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("nowhere"),
        dir.path().join("docs/dangling.txt"),
    )
    .unwrap();
    let c = corpus::load(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(c.sessions.len(), 1);
    assert!(
        c.skipped.iter().any(|s| s.reason == "symlink loop"),
        "{:?}",
        c.skipped
    );
}

#[test]
fn huge_single_line_is_bounded() {
    let mut text = String::from("T\n\nKey Issues\n\n");
    text.push_str(&"Long sentence without end ".repeat(200_000));
    text.push('\n');
    let s = load_one(text.as_bytes());
    assert_eq!(s.statements.len(), 1);
    assert!(s.statements[0].text.chars().count() <= corpus::MAX_STATEMENT_CHARS + 1);
}

#[test]
fn oversized_file_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let f = fs::File::create(&big).unwrap();
    f.set_len(corpus::MAX_FILE_BYTES + 1).unwrap();
    let good = write(dir.path(), "good.txt", b"T\n\nKey Issues\n\n- One point.\n");
    let c = corpus::load(&[big, good]).unwrap();
    assert!(
        c.skipped[0].reason.starts_with("file too large"),
        "{:?}",
        c.skipped
    );
}

// ----- other formats: the same seed as .docx and .html -----

/// Escape text for XML/HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The seed's lines classified as heading / (depth, numbered, item) / paragraph.
enum Piece {
    Heading(String),
    Item(usize, bool, String),
    Para(String),
}

fn seed_pieces(name: &str) -> Vec<Piece> {
    let text = fs::read_to_string(seed_path(name)).unwrap();
    let headings = [
        "Key Issues",
        "Tangible Outcomes",
        "Key Recommendations",
        "Key achievements",
        "Agreements /",
    ];
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let t = l.trim();
            let depth = usize::from(l.starts_with(' '));
            if headings.iter().any(|h| t.starts_with(h)) {
                Piece::Heading(t.to_owned())
            } else if let Some(rest) = t.strip_prefix("- ") {
                Piece::Item(depth, false, rest.to_owned())
            } else if t.len() > 3 && t.as_bytes()[0].is_ascii_digit() && &t[1..3] == ". " {
                Piece::Item(depth, true, t[3..].to_owned())
            } else {
                Piece::Para(t.to_owned())
            }
        })
        .collect()
}

fn seed_as_docx(name: &str) -> Vec<u8> {
    use std::io::Write;
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let mut body = String::new();
    for piece in seed_pieces(name) {
        let (ppr, text) = match piece {
            Piece::Heading(t) => (r#"<w:pStyle w:val="Heading1"/>"#.to_owned(), t),
            Piece::Item(d, numbered, t) => (
                format!(
                    r#"<w:numPr><w:ilvl w:val="{d}"/><w:numId w:val="{}"/></w:numPr>"#,
                    if numbered { 2 } else { 1 }
                ),
                t,
            ),
            Piece::Para(t) => (String::new(), t),
        };
        body.push_str(&format!(
            "<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{}</w:t></w:r></w:p>",
            esc(&text)
        ));
    }
    let parts = [
        (
            "word/document.xml",
            format!("<w:document {w}><w:body>{body}</w:body></w:document>"),
        ),
        (
            "word/styles.xml",
            format!(
                r#"<w:styles {w}><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>"#
            ),
        ),
        (
            "word/numbering.xml",
            format!(
                r#"<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
            ),
        ),
    ];
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    for (name, xml) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    buf.into_inner()
}

fn seed_as_html(name: &str) -> String {
    let mut html = String::from("<html><head><title>x</title></head><body><nav><ul><li>Home</li><li>About us</li></ul></nav><main>");
    let mut open: Vec<&str> = Vec::new();
    for piece in seed_pieces(name) {
        match piece {
            Piece::Item(d, numbered, t) => {
                while open.len() > d + 1 {
                    html.push_str(&format!("</li></{}>", open.pop().unwrap()));
                }
                if open.len() == d + 1 {
                    html.push_str("</li>");
                } else {
                    let tag = if numbered { "ol" } else { "ul" };
                    html.push_str(&format!("<{tag}>"));
                    open.push(tag);
                }
                html.push_str(&format!("<li>{}", esc(&t)));
            }
            other => {
                while let Some(tag) = open.pop() {
                    html.push_str(&format!("</li></{tag}>"));
                }
                match other {
                    Piece::Heading(t) => html.push_str(&format!("<h2>{}</h2>", esc(&t))),
                    Piece::Para(t) => html.push_str(&format!("<p>{}</p>", esc(&t))),
                    Piece::Item(..) => {}
                }
            }
        }
    }
    while let Some(tag) = open.pop() {
        html.push_str(&format!("</li></{tag}>"));
    }
    html.push_str("</main><footer>Contact us</footer></body></html>");
    html
}

fn section_texts(s: &Session) -> Vec<(SectionKind, String)> {
    s.statements
        .iter()
        .map(|st| (st.section, st.text.clone()))
        .collect()
}

#[test]
fn docx_and_html_of_a_seed_match_its_txt() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "000_23070b0fe55b1a76",
        "001_cfec65c1df75da24",
        "002_aec773405a656a6b",
    ] {
        let txt = seed(&format!("{name}.txt"));
        let docx = write(
            dir.path(),
            &format!("{name}.docx"),
            &seed_as_docx(&format!("{name}.txt")),
        );
        let html = write(
            dir.path(),
            &format!("{name}.html"),
            seed_as_html(&format!("{name}.txt")).as_bytes(),
        );
        for path in [docx, html] {
            let other = corpus::outline(&corpus::read_document(&path).unwrap());
            assert_eq!(
                section_texts(&other),
                section_texts(&txt),
                "{}",
                path.display()
            );
            assert_eq!(
                (other.title.as_str(), other.url.as_str()),
                (txt.title.as_str(), txt.url.as_str())
            );
        }
    }
}

#[test]
fn fake_docx_and_broken_pdf_are_skipped_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", b"T\n\nKey Issues\n\n- One point.\n");
    write(d, "fake.docx", b"this is not a zip");
    write(d, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog");
    write(d, "notpdf.pdf", b"plain text pretending");
    write(
        d,
        "empty.html",
        b"<html><body><nav>menu</nav></body></html>",
    );
    let c = corpus::load(&[d.to_path_buf()]).unwrap();
    assert_eq!(c.sessions.len(), 1);
    let reason = |n: &str| {
        c.skipped
            .iter()
            .find(|s| s.source.ends_with(n))
            .map(|s| s.reason.clone())
            .unwrap_or_default()
    };
    assert!(
        reason("fake.docx").starts_with("not a valid .docx"),
        "{:?}",
        c.skipped
    );
    assert!(
        reason("broken.pdf").starts_with("unreadable PDF"),
        "{:?}",
        c.skipped
    );
    assert!(
        reason("notpdf.pdf").starts_with("not a valid PDF"),
        "{:?}",
        c.skipped
    );
    assert_eq!(reason("empty.html"), "no text found");
}
