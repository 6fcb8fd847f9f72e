//! all-MiniLM-L6-v2 on rust-bert (libtorch), from the same files as the candle backend.
//!
//! Only the transformer runs in rust-bert: tokenizing uses the same `tokenizer.json` through
//! the `tokenizers` crate and pooling is the same mean-then-L2 as [`super::MiniLm`], so the two
//! backends see identical word-piece ids and differ only in the arithmetic of the forward pass.

use std::sync::{Mutex, MutexGuard};

use ndarray::Array2;
use rust_bert::bert::{BertConfig, BertEmbeddings, BertModel};
use tch::{nn, Device, Kind, Tensor};
use tokenizers::Tokenizer;

use super::kernels;
use super::sentence::{self, DEFAULT_BATCH};
use super::{EmbedError, Embedder, ModelFiles};

/// Suffix of the model id, so the embedding cache never mixes the two backends' vectors.
const ID_SUFFIX: &str = "+rust-bert";

/// all-MiniLM-L6-v2 on rust-bert.
pub struct RustBertMiniLm {
    /// tch tensors are `Send` but not `Sync`; the lock is what makes the embedder shareable.
    /// libtorch already spreads one forward pass over all cores, so serialising costs little.
    inner: Mutex<Loaded>,
    tokenizer: Tokenizer,
    dim: usize,
    id: String,
    batch_size: usize,
}

/// The network and the variable store that owns its weights.
struct Loaded {
    model: BertModel<BertEmbeddings>,
    // Never read after loading, but it owns the weights the model's layers point into.
    _vars: nn::VarStore,
}

fn backend_err(msg: impl std::fmt::Display) -> EmbedError {
    EmbedError::Backend(format!("rust-bert: {msg}"))
}

impl RustBertMiniLm {
    /// Load verified model files; the safetensors weights are read into libtorch tensors.
    pub fn load(files: &ModelFiles) -> Result<RustBertMiniLm, EmbedError> {
        let config_text = std::fs::read_to_string(&files.config)
            .map_err(|e| backend_err(format!("{}: {e}", files.config.display())))?;
        let config: BertConfig = serde_json::from_str(&config_text)
            .map_err(|e| backend_err(format!("{}: {e}", files.config.display())))?;

        // Same tokenizer set-up as the candle backend, so both see identical ids.
        let tokenizer = sentence::load_tokenizer(&files.tokenizer)?;

        // CPU only: it is what the candle backend runs on, so parity and throughput compare
        // like with like, and it needs no GPU at run time.
        let mut vars = nn::VarStore::new(Device::Cpu);
        // No pooler: sentence-transformers mean-pools the token states and never uses it.
        let model =
            BertModel::<BertEmbeddings>::new_with_optional_pooler(vars.root(), &config, false);
        // tch picks the safetensors reader from the `.safetensors` extension; tensors in the
        // file that the model has no variable for (position_ids, the pooler) are ignored.
        vars.load(&files.weights)
            .map_err(|e| backend_err(format!("{}: {e}", files.weights.display())))?;
        vars.freeze();

        let dim = usize::try_from(config.hidden_size)
            .map_err(|_| backend_err(format!("hidden_size {}", config.hidden_size)))?;
        let short = files
            .weights_sha256
            .get(..8)
            .unwrap_or(&files.weights_sha256);
        Ok(RustBertMiniLm {
            inner: Mutex::new(Loaded { model, _vars: vars }),
            tokenizer,
            dim,
            id: format!("sentence-transformers/all-MiniLM-L6-v2@{short}{ID_SUFFIX}"),
            batch_size: DEFAULT_BATCH,
        })
    }

    /// Use `n` texts per forward pass (at least 1).
    pub fn with_batch_size(mut self, n: usize) -> Self {
        self.batch_size = n.max(1);
        self
    }

    /// Word-piece ids of each text, special tokens included, truncated to 256.
    pub fn token_ids(&self, texts: &[&str]) -> Result<Vec<Vec<u32>>, EmbedError> {
        sentence::token_ids(&self.tokenizer, texts)
    }

    fn lock(&self) -> MutexGuard<'_, Loaded> {
        // The weights are frozen and never written, so a panic elsewhere cannot have left
        // them half-updated; a poisoned lock is safe to keep using.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// One forward pass over a batch padded to its own longest member; pooled, normalised rows.
fn forward(
    model: &BertModel<BertEmbeddings>,
    batch: &[&[u32]],
    d: usize,
) -> Result<Vec<f32>, EmbedError> {
    let b = batch.len();
    // The tokenizer always adds [CLS] and [SEP]; max(1) only guards against a zero-width
    // tensor.
    let len = batch.iter().map(|s| s.len()).max().unwrap_or(0).max(1);
    let mut ids = vec![0i64; b * len];
    let mut mask = vec![0i64; b * len];
    for (r, seq) in batch.iter().enumerate() {
        for (t, &id) in seq.iter().enumerate() {
            ids[r * len + t] = i64::from(id);
            mask[r * len + t] = 1;
        }
    }
    let shape = [b as i64, len as i64];
    let ids = Tensor::f_from_slice(&ids)
        .and_then(|t| t.f_view(shape))
        .map_err(backend_err)?;
    // rust-bert builds the additive mask with a bitwise xor, so it must be an integer tensor.
    let mask_t = Tensor::f_from_slice(&mask)
        .and_then(|t| t.f_view(shape))
        .map_err(backend_err)?;
    let types = ids.f_zeros_like().map_err(backend_err)?;
    let output = model
        .forward_t(
            Some(&ids),
            Some(&mask_t),
            Some(&types),
            None,
            None,
            None,
            None,
            false,
        )
        .map_err(backend_err)?;
    let hidden = output
        .hidden_state
        .f_to_kind(Kind::Float)
        .and_then(|t| t.f_contiguous())
        .and_then(|t| t.f_view([-1]))
        .map_err(backend_err)?;
    let hidden = Vec::<f32>::try_from(&hidden).map_err(backend_err)?;
    if hidden.len() != b * len * d {
        return Err(backend_err(format!(
            "hidden state has {} values, expected {b}x{len}x{d}",
            hidden.len()
        )));
    }

    // Each sequence's real tokens are the first rows of its padded block.
    let seqs: Vec<_> = batch
        .iter()
        .enumerate()
        .map(|(r, seq)| r * len..r * len + seq.len())
        .collect();
    Ok(kernels::mean_pool_l2(super::Isa::best(), &hidden, &seqs, d))
}

impl Embedder for RustBertMiniLm {
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
        sentence::each_distinct(texts, self.dim, |distinct| {
            let ids = self.token_ids(distinct)?;
            let loaded = self.lock();
            // One model behind one lock: batches run in turn, libtorch threads each one.
            sentence::in_length_batches(&ids, self.dim, self.batch_size, |batch| {
                tch::no_grad(|| forward(&loaded.model, batch, self.dim))
            })
        })
    }

    fn model_id(&self) -> &str {
        &self.id
    }

    fn dim(&self) -> usize {
        self.dim
    }
}
