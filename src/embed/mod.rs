//! Sentence embeddings: the [`Embedder`] seam and its implementations.
//!
//! The default backend runs all-MiniLM-L6-v2 on candle ([`MiniLm`]); the model
//! files are located, fetched and verified by [`store`]; [`Cache`] keeps
//! vectors on disk so a re-run embeds only new text.

mod acronyms;
mod amx;
mod bert;
mod cache;
mod config;
mod isa;
mod kernels;
mod minilm;
mod progress;
#[cfg(feature = "rust-bert")]
mod rustbert;
pub mod sentence;
pub mod store;

pub use acronyms::WithAcronyms;
pub use cache::{Cache, CachedEmbedder};
pub use isa::{Isa, IsaError, ENV as ISA_ENV};
pub use minilm::{Matmul, MiniLm};
pub use progress::WithProgress;
#[cfg(feature = "rust-bert")]
pub use rustbert::RustBertMiniLm;
pub use store::{ModelFiles, ModelStore, StoreError};

use std::path::PathBuf;

use crate::disk::default_cache_root;

use ndarray::Array2;

/// Width of all-MiniLM-L6-v2 vectors.
pub const DIM: usize = 384;

/// Something that turns texts into L2-normalised vectors, one row per text.
pub trait Embedder: Send + Sync {
    /// Embed `texts`; row `i` of the result belongs to `texts[i]`.
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError>;
    /// A short identifier of the model and its weights, for the digest and the cache key.
    fn model_id(&self) -> &str;
    /// Width of the vectors.
    fn dim(&self) -> usize;
}

/// Why embedding failed.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// Model files could not be found, fetched or verified.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The tokenizer failed.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The requested instruction set (`CONCORD_ISA`) cannot be used.
    #[error(transparent)]
    Isa(#[from] IsaError),
    /// The model failed to load or run.
    #[error("model: {0}")]
    Model(#[from] candle_core::Error),
    /// The embedding cache could not be read or written.
    #[error("embedding cache {path}: {source}")]
    Cache {
        /// Cache file.
        path: std::path::PathBuf,
        /// Underlying I/O error.
        source: std::io::Error,
    },
    /// The requested backend is not compiled in, or it failed to load or run.
    #[error("{0}")]
    Backend(String),
}

/// Which implementation runs all-MiniLM-L6-v2.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Backend {
    /// candle, pure Rust; always compiled in.
    #[default]
    Candle,
    /// rust-bert on libtorch; needs the `rust-bert` cargo feature.
    RustBert,
}

/// What a user must do to get the rust-bert backend into a build that lacks it.
pub const RUST_BERT_MISSING: &str = "concord was built without the rust-bert feature; rebuild \
     with `cargo build --release --features rust-bert` after `source scripts/rust-bert-env.sh`";

impl Backend {
    /// Whether this build can run the backend.
    pub fn is_available(self) -> bool {
        match self {
            Backend::Candle => true,
            Backend::RustBert => cfg!(feature = "rust-bert"),
        }
    }
}

/// How [`load_default`] should provide the embedder.
#[derive(Debug, Clone, Default)]
pub struct EmbedOptions {
    /// `--model DIR`: a folder with the model files; an error if they are not there.
    pub model_dir: Option<PathBuf>,
    /// `--no-cache`: embed everything afresh and write nothing to the embedding cache.
    pub no_cache: bool,
    /// Root of concord's cache; `None` means `CONCORD_CACHE_DIR` or the user cache dir.
    pub cache_root: Option<PathBuf>,
    /// `--backend`: which implementation runs the model.
    pub backend: Backend,
    /// `--matmul`: how the candle backend multiplies.
    pub matmul: Matmul,
}

/// The embedder a user gets: MiniLM on the chosen backend, its files resolved by
/// [`ModelStore`], wrapped in the disk cache unless disabled (or no cache directory exists).
pub fn load_default(opts: &EmbedOptions) -> Result<Box<dyn Embedder>, EmbedError> {
    // Checked before resolving so a build without the backend never fetches the model for it.
    if !opts.backend.is_available() {
        return Err(EmbedError::Backend(RUST_BERT_MISSING.to_string()));
    }
    let store = ModelStore {
        dir: opts.model_dir.clone(),
        cache_root: opts.cache_root.clone(),
        ..ModelStore::default()
    };
    let files = store.resolve()?;
    match opts.backend {
        Backend::Candle => with_cache(MiniLm::load_with(&files, opts.matmul)?, opts),
        #[cfg(feature = "rust-bert")]
        Backend::RustBert => with_cache(RustBertMiniLm::load(&files)?, opts),
        #[cfg(not(feature = "rust-bert"))]
        Backend::RustBert => Err(EmbedError::Backend(RUST_BERT_MISSING.to_string())),
    }
}

/// Wrap `model` in the disk cache unless disabled; the cache is keyed by the model id, so
/// backends with different ids never share vectors.
fn with_cache<E: Embedder + 'static>(
    model: E,
    opts: &EmbedOptions,
) -> Result<Box<dyn Embedder>, EmbedError> {
    if opts.no_cache {
        return Ok(Box::new(model));
    }
    match opts.cache_root.clone().or_else(default_cache_root) {
        Some(root) => Ok(Box::new(CachedEmbedder::open(model, &root)?)),
        None => Ok(Box::new(model)),
    }
}
