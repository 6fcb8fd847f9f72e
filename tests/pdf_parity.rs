//! A seed document printed to PDF reads back as (nearly) the same statements as its .txt.
use concord::corpus::{self, Session};
use std::path::Path;

#[path = "support/pdf.rs"]
mod pdf;

fn seed_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/wsis-2025")
        .join(name)
}

fn outline(path: &Path) -> Session {
    corpus::outline(&corpus::read_document(path).expect("readable"))
}

/// Lowercased words only: PDF extraction may differ in spacing and punctuation.
fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn pdf_of_a_seed_matches_its_txt() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["000_23070b0fe55b1a76", "002_aec773405a656a6b"] {
        let txt_path = seed_path(&format!("{name}.txt"));
        let txt = outline(&txt_path);
        let pdf_path = dir.path().join(format!("{name}.pdf"));
        let text = std::fs::read_to_string(&txt_path).unwrap();
        std::fs::write(&pdf_path, pdf::text_to_pdf(&text)).unwrap();
        let got = outline(&pdf_path);

        let got_texts: Vec<String> = got.statements.iter().map(|s| norm(&s.text)).collect();
        let matched = txt
            .statements
            .iter()
            .filter(|s| got_texts.contains(&norm(&s.text)))
            .count();
        let want = txt.statements.len();
        assert!(
            matched * 10 >= want * 9,
            "{name}: {matched}/{want} statements match\ntxt: {:#?}\npdf: {:#?}",
            txt.statements.iter().map(|s| &s.text).collect::<Vec<_>>(),
            got.statements.iter().map(|s| &s.text).collect::<Vec<_>>()
        );
        // Extra statements would be noise in the digest; allow the odd split sentence.
        assert!(
            got.statements.len() <= want + want / 10,
            "{name}: {} statements from PDF vs {want} from txt",
            got.statements.len()
        );
        assert_eq!(norm(&got.title), norm(&txt.title), "{name} title");
    }
}
