//! all-MiniLM-L6-v2 on candle, pooled and normalised exactly as sentence-transformers does.

use ndarray::Array2;
use tokenizers::Tokenizer;

pub use super::bert::Matmul;
use super::bert::{Encoder, WeightsFile};
use super::config::BertConfig;
use super::isa::Isa;
use super::kernels;
use super::sentence::{self, CHUNK_TOKENS};
use super::{EmbedError, Embedder, ModelFiles};

/// all-MiniLM-L6-v2 on candle.
pub struct MiniLm {
    encoder: Encoder,
    tokenizer: Tokenizer,
    dim: usize,
    id: String,
    chunk_tokens: usize,
    isa: Isa,
}

fn model_err(msg: impl std::fmt::Display) -> EmbedError {
    EmbedError::Model(candle_core::Error::Msg(msg.to_string()))
}

impl MiniLm {
    /// Load verified model files (weights memory-mapped, so this is fast), multiplying with
    /// AMX tiles where the CPU has them, on the instruction set `CONCORD_ISA` pins if set.
    pub fn load(files: &ModelFiles) -> Result<MiniLm, EmbedError> {
        Self::load_with(files, Matmul::Auto)
    }

    /// [`MiniLm::load`] with a chosen way of multiplying. `CONCORD_ISA` is read here, once;
    /// an unknown value, or a set this CPU lacks, is an error rather than a quiet fallback.
    pub fn load_with(files: &ModelFiles, matmul: Matmul) -> Result<MiniLm, EmbedError> {
        let isa = Isa::resolve(Isa::from_env()?, matmul)?;
        Self::load_on(files, isa)
    }

    /// Load to run on `isa` whatever `CONCORD_ISA` says; an error if this CPU lacks it.
    pub fn load_on(files: &ModelFiles, isa: Isa) -> Result<MiniLm, EmbedError> {
        let isa = Isa::check(isa)?;
        let config_text = std::fs::read_to_string(&files.config)
            .map_err(|e| model_err(format!("{}: {e}", files.config.display())))?;
        let config: BertConfig = serde_json::from_str(&config_text)
            .map_err(|e| model_err(format!("{}: {e}", files.config.display())))?;

        // Parsing the tokenizer and laying out the weights are independent: side by side.
        let (tokenizer, encoder) = rayon::join(
            || sentence::load_tokenizer(&files.tokenizer),
            || Encoder::load(WeightsFile::open(&files.weights)?, &config, isa),
        );
        let (tokenizer, encoder) = (tokenizer?, encoder?);
        let short = files
            .weights_sha256
            .get(..8)
            .unwrap_or(&files.weights_sha256);
        // The arithmetic is part of the id: vectors from AMX and from f32 products differ in
        // the last bits, and the embedding cache must not mix them.
        let id = format!(
            "sentence-transformers/all-MiniLM-L6-v2@{short}+{}",
            encoder.matmul_name()
        );
        Ok(MiniLm {
            encoder,
            tokenizer,
            dim: config.hidden_size,
            id,
            chunk_tokens: CHUNK_TOKENS,
            isa,
        })
    }

    /// Put at most `n` word pieces in one forward pass (a longer text still gets its own).
    pub fn with_chunk_tokens(mut self, n: usize) -> Self {
        self.chunk_tokens = n.max(1);
        self
    }

    /// Which arithmetic the encoder's products use, as the model id names it: `amx-bf16x3`,
    /// `f32-avx512`, `f32-avx2` or (without AVX2) `f32`.
    pub fn matmul_name(&self) -> &'static str {
        self.encoder.matmul_name()
    }

    /// The instruction set the kernels and products run on.
    pub fn isa(&self) -> Isa {
        self.isa
    }

    /// Word-piece ids of each text, special tokens included, truncated to 256.
    pub fn token_ids(&self, texts: &[&str]) -> Result<Vec<Vec<u32>>, EmbedError> {
        sentence::token_ids(&self.tokenizer, texts)
    }

    /// One forward pass over packed texts; pooled, normalised rows.
    fn forward(&self, texts: &[&[u32]]) -> Result<Vec<f32>, EmbedError> {
        let (hidden, seqs) = self.encoder.forward(texts)?;
        Ok(kernels::mean_pool_l2(self.isa, &hidden, &seqs, self.dim))
    }
}

impl Embedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
        sentence::each_distinct(texts, self.dim, |distinct| {
            let ids = self.token_ids(distinct)?;
            sentence::in_token_chunks(&ids, self.dim, self.chunk_tokens, |chunk| {
                self.forward(chunk)
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
