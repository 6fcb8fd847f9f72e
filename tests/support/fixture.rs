//! sentence-transformers' reference embeddings (`tests/fixtures/minilm_reference.jsonl`).

/// Where the reference vectors live, inside the repository so any clone can run the tests.
pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/minilm_reference.jsonl"
);

/// The fixture's texts and their reference embeddings, in file order.
pub fn reference() -> (Vec<String>, Vec<Vec<f32>>) {
    let text = std::fs::read_to_string(FIXTURE).expect("fixture readable");
    let mut texts = Vec::new();
    let mut refs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
        texts.push(v["text"].as_str().expect("text").to_string());
        refs.push(embedding(&v));
    }
    assert!(!texts.is_empty());
    (texts, refs)
}

/// The `embedding` array of one JSON line (the fixture's, or `concord embed`'s), as f32.
pub fn embedding(v: &serde_json::Value) -> Vec<f32> {
    v["embedding"]
        .as_array()
        .expect("embedding")
        .iter()
        .map(|x| x.as_f64().expect("number") as f32)
        .collect()
}

/// Dot product of two vectors of any length.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Cosine of two vectors of any length.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    dot(a, b) / (dot(a, a).sqrt() * dot(b, b).sqrt())
}
