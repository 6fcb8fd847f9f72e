//! Progress on stderr for long embedding runs (drawn only when stderr is a terminal).

use super::{EmbedError, Embedder};
use crate::text::Distinct;
use indicatif::{ProgressBar, ProgressStyle};
use ndarray::{concatenate, Array2, Axis};

/// Texts per step of the bar: small enough to move often, large enough that
/// length-bucketing inside each step still avoids most padding.
const STEP: usize = 512;

/// Wraps an embedder and reports progress while it works.
pub struct WithProgress<'a> {
    inner: &'a dyn Embedder,
}

impl<'a> WithProgress<'a> {
    /// Report progress of `inner`.
    pub fn new(inner: &'a dyn Embedder) -> Self {
        WithProgress { inner }
    }
}

impl Embedder for WithProgress<'_> {
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
        if texts.len() <= STEP {
            return self.inner.embed(texts);
        }
        // Repeats are dropped before stepping: the inner embedder only sees one step at a
        // time, so without this a copy-paste campaign (100,000 statements, 10,000 distinct)
        // would be embedded almost ten times over whenever no cache dedupes across steps.
        let distinct = Distinct::of(texts.iter().copied());
        let bar = ProgressBar::new(distinct.values.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "embedding {bar:30} {pos}/{len} distinct statements ({per_sec}, {eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let mut parts = Vec::new();
        for chunk in distinct.values.chunks(STEP) {
            parts.push(self.inner.embed(chunk)?);
            bar.inc(chunk.len() as u64);
        }
        bar.finish_and_clear();
        let views: Vec<_> = parts.iter().map(|p| p.view()).collect();
        let vectors =
            concatenate(Axis(0), &views).map_err(|e| EmbedError::Backend(e.to_string()))?;
        Ok(vectors.select(Axis(0), &distinct.slot))
    }

    fn model_id(&self) -> &str {
        self.inner.model_id()
    }

    fn dim(&self) -> usize {
        self.inner.dim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Rows derived from the text alone, and a count of the texts it was asked for.
    struct Counting(AtomicUsize);

    impl Embedder for Counting {
        fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
            self.0.fetch_add(texts.len(), Ordering::SeqCst);
            Ok(Array2::from_shape_fn((texts.len(), 2), |(i, j)| {
                texts[i].len() as f32 + j as f32
            }))
        }
        fn model_id(&self) -> &str {
            "test/counting@0000"
        }
        fn dim(&self) -> usize {
            2
        }
    }

    #[test]
    fn repeats_across_steps_are_embedded_once_and_rows_stay_in_order() {
        let owned: Vec<String> = (0..3 * STEP).map(|i| "x".repeat(1 + i % 700)).collect();
        let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
        let inner = Counting(AtomicUsize::new(0));
        let out = WithProgress::new(&inner).embed(&texts).unwrap();
        assert_eq!(inner.0.load(Ordering::SeqCst), 700);
        assert_eq!(out, inner.embed(&texts).unwrap());
    }
}
