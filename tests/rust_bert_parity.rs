//! The rust-bert backend agrees with sentence-transformers' own vectors and with the candle
//! backend. Compiled only with `--features rust-bert`; run it with scripts/test-rust-bert.sh.
#![cfg(feature = "rust-bert")]

use std::sync::OnceLock;

use concord::embed::{Embedder, MiniLm, ModelFiles, ModelStore, RustBertMiniLm, DIM};

#[path = "support/fixture.rs"]
mod fixture;
use fixture::cosine;
/// The bar both comparisons must clear on every line.
const MIN_COSINE: f32 = 0.999;

fn files() -> &'static ModelFiles {
    static FILES: OnceLock<ModelFiles> = OnceLock::new();
    FILES.get_or_init(|| {
        ModelStore::default()
            .resolve()
            .unwrap_or_else(|e| panic!("model not available: {e}"))
    })
}

fn rust_bert() -> &'static RustBertMiniLm {
    static MODEL: OnceLock<RustBertMiniLm> = OnceLock::new();
    MODEL.get_or_init(|| {
        RustBertMiniLm::load(files()).unwrap_or_else(|e| panic!("rust-bert failed to load: {e}"))
    })
}

/// Assert every row `i` of `got` agrees with `want[i]` to [`MIN_COSINE`], printing the
/// lowest cosine found under `what`.
fn assert_agree(what: &str, texts: &[String], got: &ndarray::Array2<f32>, want: &[Vec<f32>]) {
    let mut worst = (f32::INFINITY, 0usize);
    for (i, w) in want.iter().enumerate() {
        let c = cosine(&got.row(i).to_vec(), w);
        if c < worst.0 {
            worst = (c, i);
        }
    }
    let (min, at) = worst;
    println!(
        "{what}: min cosine {min:.8} over {} lines (line {at})",
        texts.len()
    );
    assert!(
        min >= MIN_COSINE,
        "line {at} ({:?}) has cosine {min}",
        texts[at]
    );
}

#[test]
fn rust_bert_matches_sentence_transformers() {
    let (texts, refs) = fixture::reference();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let got = rust_bert().embed(&borrowed).unwrap();
    assert_eq!(got.dim(), (texts.len(), DIM));
    assert_agree("rust-bert vs sentence-transformers", &texts, &got, &refs);
}

#[test]
fn rust_bert_matches_candle() {
    let (texts, _) = fixture::reference();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let candle = MiniLm::load(files()).unwrap();
    let want = candle.embed(&borrowed).unwrap();
    let want: Vec<Vec<f32>> = want.rows().into_iter().map(|r| r.to_vec()).collect();
    let got = rust_bert().embed(&borrowed).unwrap();
    assert_agree("rust-bert vs candle", &texts, &got, &want);
}

#[test]
fn ids_differ_so_the_cache_keeps_backends_apart() {
    let candle = MiniLm::load(files()).unwrap();
    assert_ne!(candle.model_id(), rust_bert().model_id());
    assert!(rust_bert().model_id().ends_with("+rust-bert"));
}

#[test]
fn batching_and_duplicates_do_not_change_vectors() {
    let texts = [
        "Member States should phase out coal.",
        "",
        "Member States should phase out coal.",
        "A much longer recommendation that pads the rest of its batch with extra tokens.",
    ];
    let all = rust_bert().embed(&texts).unwrap();
    assert_eq!(all.row(0), all.row(2));
    for (i, t) in texts.iter().enumerate() {
        let one = rust_bert().embed(&[t]).unwrap();
        let c = cosine(&one.row(0).to_vec(), &all.row(i).to_vec());
        assert!(c > 0.99999, "text {i}: alone vs batched cosine {c}");
    }
    assert_eq!(rust_bert().embed(&[]).unwrap().dim(), (0, DIM));
}
