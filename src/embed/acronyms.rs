//! An embedder that reads every name the corpus abbreviates by its acronym.

use super::{EmbedError, Embedder};
use crate::text::acronym::Acronyms;
use ndarray::Array2;

/// Wraps an embedder so every text it embeds has the corpus's long forms shortened to
/// their acronyms ([`Acronyms::contract`], which says why).
///
/// Every embedding of a run (statements, candidate titles, duplicate spans, an agreement
/// topic) goes through the same spelling, so all of them stay comparable.
pub struct WithAcronyms<'a> {
    inner: &'a dyn Embedder,
    acronyms: &'a Acronyms,
}

impl<'a> WithAcronyms<'a> {
    /// Shorten the long forms of `acronyms` in every text given to `inner`.
    pub fn new(inner: &'a dyn Embedder, acronyms: &'a Acronyms) -> Self {
        WithAcronyms { inner, acronyms }
    }
}

impl Embedder for WithAcronyms<'_> {
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
        if self.acronyms.is_empty() {
            return self.inner.embed(texts);
        }
        let spelled: Vec<_> = texts.iter().map(|t| self.acronyms.contract(t)).collect();
        let refs: Vec<&str> = spelled.iter().map(|t| t.as_ref()).collect();
        self.inner.embed(&refs)
    }

    fn model_id(&self) -> &str {
        self.inner.model_id()
    }

    fn dim(&self) -> usize {
        self.inner.dim()
    }
}
