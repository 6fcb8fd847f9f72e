//! Progress on stderr for long embedding runs (drawn only when stderr is a terminal).

use crate::embed::{EmbedError, Embedder};
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
        // indicatif draws nothing when stderr is not a terminal.
        let bar = ProgressBar::new(texts.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "embedding {bar:30} {pos}/{len} statements ({per_sec}, {eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let mut parts = Vec::new();
        for chunk in texts.chunks(STEP) {
            parts.push(self.inner.embed(chunk)?);
            bar.inc(chunk.len() as u64);
        }
        bar.finish_and_clear();
        let views: Vec<_> = parts.iter().map(|p| p.view()).collect();
        concatenate(Axis(0), &views).map_err(|e| EmbedError::Backend(e.to_string()))
    }

    fn model_id(&self) -> &str {
        self.inner.model_id()
    }

    fn dim(&self) -> usize {
        self.inner.dim()
    }
}
