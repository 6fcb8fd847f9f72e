//! all-MiniLM-L6-v2 on candle, pooled and normalised exactly as sentence-transformers does.

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use ndarray::Array2;
use tokenizers::Tokenizer;

use super::sentence::{self, DEFAULT_BATCH};
use super::{EmbedError, Embedder, ModelFiles};

/// all-MiniLM-L6-v2 on candle.
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    dim: usize,
    id: String,
    batch_size: usize,
    parallel_batches: bool,
}

fn model_err(msg: impl std::fmt::Display) -> EmbedError {
    EmbedError::Model(candle_core::Error::Msg(msg.to_string()))
}

impl MiniLm {
    /// Load verified model files (weights memory-mapped, so this is fast).
    pub fn load(files: &ModelFiles) -> Result<MiniLm, EmbedError> {
        let config_text = std::fs::read_to_string(&files.config)
            .map_err(|e| model_err(format!("{}: {e}", files.config.display())))?;
        let config: Config = serde_json::from_str(&config_text)
            .map_err(|e| model_err(format!("{}: {e}", files.config.display())))?;

        let tokenizer = sentence::load_tokenizer(&files.tokenizer)?;

        let device = Device::Cpu;
        // SAFETY: the weights were verified by the store and concord never writes to them;
        // mapping avoids copying 90 MB at every start.
        let vb =
            unsafe { VarBuilder::from_mmaped_safetensors(&[&files.weights], DType::F32, &device)? };
        let model = BertModel::load(vb, &config)?;
        let short = files
            .weights_sha256
            .get(..8)
            .unwrap_or(&files.weights_sha256);
        Ok(MiniLm {
            model,
            tokenizer,
            device,
            dim: config.hidden_size,
            id: format!("sentence-transformers/all-MiniLM-L6-v2@{short}"),
            batch_size: DEFAULT_BATCH,
            // candle spreads each matmul over its own threads unless RAYON_NUM_THREADS is 1
            // (the `concord` binary sets it so). Per-op threading leaves a core spinning
            // through every small step (GELU, softmax, layer norm) on this model; whole
            // batches in parallel keep both busy: 1.58x on 3,000 sentences, same bits.
            parallel_batches: candle_core::utils::get_num_threads() == 1
                && rayon::current_num_threads() > 1,
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

    /// One forward pass over a batch padded to its own longest member; pooled, normalised rows.
    fn forward(&self, batch: &[&[u32]]) -> Result<Vec<f32>, EmbedError> {
        let b = batch.len();
        // The tokenizer always adds [CLS] and [SEP], so no sequence is empty; max(1) is belt
        // and braces against a zero-width tensor.
        let len = batch.iter().map(|s| s.len()).max().unwrap_or(0).max(1);
        let mut ids = vec![0u32; b * len];
        let mut mask = vec![0f32; b * len];
        for (r, seq) in batch.iter().enumerate() {
            ids[r * len..r * len + seq.len()].copy_from_slice(seq);
            mask[r * len..r * len + seq.len()].fill(1.0);
        }
        let ids = Tensor::from_vec(ids, (b, len), &self.device)?;
        let types = ids.zeros_like()?;
        let mask_t = Tensor::from_vec(mask, (b, len), &self.device)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask_t))?;
        let hidden = hidden.flatten_all()?.to_vec1::<f32>()?;
        Ok(sentence::mean_pool_l2(&hidden, batch, len, self.dim))
    }
}

impl Embedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
        sentence::each_distinct(texts, self.dim, |distinct| {
            let ids = self.token_ids(distinct)?;
            let forward = |batch: &[&[u32]]| self.forward(batch);
            if self.parallel_batches {
                sentence::in_length_batches_parallel(&ids, self.dim, self.batch_size, forward)
            } else {
                sentence::in_length_batches(&ids, self.dim, self.batch_size, forward)
            }
        })
    }

    fn model_id(&self) -> &str {
        &self.id
    }

    fn dim(&self) -> usize {
        self.dim
    }
}
