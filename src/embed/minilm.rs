//! all-MiniLM-L6-v2 on candle, pooled and normalised exactly as sentence-transformers does.

use std::collections::HashMap;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use ndarray::Array2;
use tokenizers::{Tokenizer, TruncationParams};

use super::{EmbedError, Embedder, ModelFiles};

/// sentence-transformers' `max_seq_length` for this model, special tokens included.
pub const MAX_TOKENS: usize = 256;
/// Default number of texts per forward pass.
pub const DEFAULT_BATCH: usize = 32;

/// all-MiniLM-L6-v2 on candle.
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    dim: usize,
    id: String,
    batch_size: usize,
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

        let mut tokenizer = Tokenizer::from_file(&files.tokenizer)
            .map_err(|e| EmbedError::Tokenizer(format!("{}: {e}", files.tokenizer.display())))?;
        // The shipped tokenizer.json pads and truncates to 128; sentence-transformers uses 256
        // and we pad per batch ourselves.
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        tokenizer.with_padding(None);

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
        })
    }

    /// Use `n` texts per forward pass (at least 1).
    pub fn with_batch_size(mut self, n: usize) -> Self {
        self.batch_size = n.max(1);
        self
    }

    /// Word-piece ids of each text, special tokens included, truncated to [`MAX_TOKENS`].
    pub fn token_ids(&self, texts: &[&str]) -> Result<Vec<Vec<u32>>, EmbedError> {
        let encodings = self
            .tokenizer
            .encode_batch_fast(texts.to_vec(), true)
            .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        Ok(encodings
            .into_iter()
            .map(|e| e.get_ids().to_vec())
            .collect())
    }

    /// Embed distinct texts; returns `texts.len() * dim` floats, row-major, in input order.
    fn embed_distinct(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        let ids = self.token_ids(texts)?;
        // Similar lengths share a batch so little compute is spent on padding.
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_key(|&i| ids[i].len());
        let mut out = vec![0f32; texts.len() * self.dim];
        // Batches run one after another: candle already spreads each matmul over all cores,
        // and rayon across batches measured no better on 2 cores (within noise).
        for chunk in order.chunks(self.batch_size) {
            let batch: Vec<&[u32]> = chunk.iter().map(|&i| ids[i].as_slice()).collect();
            let vecs = self.forward(&batch)?;
            for (k, &i) in chunk.iter().enumerate() {
                out[i * self.dim..(i + 1) * self.dim]
                    .copy_from_slice(&vecs[k * self.dim..(k + 1) * self.dim]);
            }
        }
        Ok(out)
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

        let d = self.dim;
        let mut out = vec![0f32; b * d];
        for (r, seq) in batch.iter().enumerate() {
            let row = &mut out[r * d..(r + 1) * d];
            let n = seq.len();
            for t in 0..n {
                let h = &hidden[(r * len + t) * d..(r * len + t + 1) * d];
                for (o, x) in row.iter_mut().zip(h) {
                    *o += x;
                }
            }
            // Mean over real tokens, then L2 with torch's eps, as sentence-transformers does.
            let count = (n.max(1)) as f32;
            row.iter_mut().for_each(|x| *x /= count);
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
            row.iter_mut().for_each(|x| *x /= norm);
        }
        Ok(out)
    }
}

impl Embedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
        // Each distinct text is embedded once; copy-paste campaigns repeat a lot.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut distinct: Vec<&str> = Vec::new();
        let slots: Vec<usize> = texts
            .iter()
            .map(|&t| {
                *seen.entry(t).or_insert_with(|| {
                    distinct.push(t);
                    distinct.len() - 1
                })
            })
            .collect();
        let vecs = self.embed_distinct(&distinct)?;
        let d = self.dim;
        let mut flat = Vec::with_capacity(texts.len() * d);
        for &s in &slots {
            flat.extend_from_slice(&vecs[s * d..(s + 1) * d]);
        }
        Array2::from_shape_vec((texts.len(), d), flat).map_err(model_err)
    }

    fn model_id(&self) -> &str {
        &self.id
    }

    fn dim(&self) -> usize {
        self.dim
    }
}
