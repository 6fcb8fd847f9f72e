//! The model runs right: parity with sentence-transformers' own vectors, plus the edge cases
//! a user's documents will throw at it. The model is resolved exactly as a user's run does
//! (env, cache, or a one-time fetch).

use std::sync::OnceLock;

use concord::embed::{Embedder, MiniLm, ModelStore, DIM};

#[path = "support/fixture.rs"]
mod fixture;
use fixture::{cosine, dot};

fn model() -> &'static MiniLm {
    static MODEL: OnceLock<MiniLm> = OnceLock::new();
    MODEL.get_or_init(|| {
        let files = ModelStore::default()
            .resolve()
            .unwrap_or_else(|e| panic!("model not available: {e}"));
        MiniLm::load(&files).unwrap_or_else(|e| panic!("model failed to load: {e}"))
    })
}

#[test]
fn parity_with_sentence_transformers() {
    let (texts, refs) = fixture::reference();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let got = model().embed(&borrowed).unwrap();
    assert_eq!(got.dim(), (texts.len(), DIM));

    let mut worst = (f32::INFINITY, 0usize);
    for (i, r) in refs.iter().enumerate() {
        let row = got.row(i).to_vec();
        let c = cosine(&row, r);
        if c < worst.0 {
            worst = (c, i);
        }
    }
    println!(
        "min cosine over {} fixture lines: {:.7} (line {}: {:?})",
        texts.len(),
        worst.0,
        worst.1 + 1,
        texts[worst.1]
    );
    assert!(
        worst.0 >= 0.9999,
        "line {} below parity: {}",
        worst.1 + 1,
        worst.0
    );
}

#[test]
fn rows_are_unit_norm_and_in_input_order() {
    let long = "The multistakeholder model of internet governance must be preserved. ".repeat(12);
    let texts = [
        "IGF mandate",
        long.as_str(),
        "Funding for participation of the Global South.",
        "youth",
        "Avoid duplication between WSIS and the Global Digital Compact processes, please.",
    ];
    let together = model().embed(&texts).unwrap();
    for (i, t) in texts.iter().enumerate() {
        let row = together.row(i).to_vec();
        let n = dot(&row, &row).sqrt();
        assert!((n - 1.0).abs() < 1e-5, "row {i} norm {n}");
        let alone = model().embed(&[t]).unwrap().row(0).to_vec();
        let c = cosine(&row, &alone);
        assert!(c > 0.99999, "row {i} moved: cosine {c}");
    }
}

#[test]
fn duplicates_give_identical_rows() {
    let texts = ["same text", "other", "same text", "same text"];
    let v = model().embed(&texts).unwrap();
    assert_eq!(v.row(0), v.row(2));
    assert_eq!(v.row(0), v.row(3));
    assert_ne!(v.row(0), v.row(1));
}

#[test]
fn odd_inputs_do_not_panic() {
    let texts = [
        "",
        "   ",
        "\u{0}\u{7}\t\r\n",
        "🙂🙃 ܐܒܓ 漢字 Ωμέγα ﷽ \u{200b}\u{feff}",
        "a\u{301}\u{301}\u{301}",
    ];
    let v = model().embed(&texts).unwrap();
    assert_eq!(v.nrows(), texts.len());
    assert!(v.iter().all(|x| x.is_finite()));
    assert_eq!(model().embed(&[]).unwrap().nrows(), 0);
}

#[test]
fn very_long_text_is_truncated() {
    let words: Vec<String> = (0..5000).map(|i| format!("word{i}")).collect();
    let long = words.join(" ");
    assert_eq!(model().token_ids(&[&long]).unwrap()[0].len(), 256);
    let v = model().embed(&[&long, "short"]).unwrap();
    assert!(v.iter().all(|x| x.is_finite()));
}

#[test]
fn the_binary_with_parallel_batches_gives_the_same_bits_as_the_library() {
    // The binary keeps candle's matmuls on one thread and runs batches in parallel;
    // the library here runs them in turn. Both must produce identical vectors.
    let (texts, refs) = fixture::reference();
    let input = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(input.path(), texts.join("\n")).expect("write texts");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["embed", "--no-cache", "--input"])
        .arg(input.path())
        .output()
        .expect("the concord binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let library = model().embed(&borrowed).unwrap();
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), texts.len());
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let row: Vec<f32> = v["embedding"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap() as f32)
            .collect();
        assert_eq!(row, library.row(i).to_vec(), "line {i}");
        assert!(cosine(&row, &refs[i]) >= 0.9999);
    }
}
