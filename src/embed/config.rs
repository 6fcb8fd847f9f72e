//! The model's `config.json`: the few BERT hyper-parameters the encoder is built from.
//!
//! Our own struct rather than `candle_transformers::models::bert::Config`: that crate was
//! compiled only for this struct and cost a large share of a cold build. Fields the encoder
//! does not use (dropout, initialiser range…) are ignored; settings it cannot run (another
//! activation or position embedding) are refused when the file is read, not silently run.

use serde::Deserialize;

/// The hyper-parameters of a Hugging Face BERT checkpoint that shape the encoder.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BertConfig {
    /// Word pieces in the vocabulary.
    pub vocab_size: usize,
    /// Width of every token's hidden state.
    pub hidden_size: usize,
    /// Transformer layers.
    pub num_hidden_layers: usize,
    /// Attention heads per layer (they split `hidden_size`).
    pub num_attention_heads: usize,
    /// Width of the feed-forward layer.
    pub intermediate_size: usize,
    /// Positions in the position-embedding table (the longest input).
    pub max_position_embeddings: usize,
    /// Rows in the token-type table.
    pub type_vocab_size: usize,
    /// Epsilon of every layer norm (f64 in the file, as Hugging Face writes it).
    pub layer_norm_eps: f64,
    /// The feed-forward activation; only the exact GELU is implemented.
    #[serde(default)]
    pub hidden_act: HiddenAct,
    /// How positions are encoded; only absolute embeddings are implemented.
    #[serde(default)]
    pub position_embedding_type: PositionEmbeddingType,
}

/// Activations the encoder implements (`"gelu"`, the erf form; any other is an error).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HiddenAct {
    /// `x Φ(x)`, as BERT defines it.
    #[default]
    Gelu,
}

/// Position encodings the encoder implements (`"absolute"`; any other is an error).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PositionEmbeddingType {
    /// A learned table indexed by position.
    #[default]
    Absolute,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The all-MiniLM-L6-v2 `config.json`, as published.
    const MINILM: &str = r#"{
      "_name_or_path": "nreimers/MiniLM-L6-H384-uncased",
      "architectures": ["BertModel"],
      "attention_probs_dropout_prob": 0.1,
      "gradient_checkpointing": false,
      "hidden_act": "gelu",
      "hidden_dropout_prob": 0.1,
      "hidden_size": 384,
      "initializer_range": 0.02,
      "intermediate_size": 1536,
      "layer_norm_eps": 1e-12,
      "max_position_embeddings": 512,
      "model_type": "bert",
      "num_attention_heads": 12,
      "num_hidden_layers": 6,
      "pad_token_id": 0,
      "position_embedding_type": "absolute",
      "transformers_version": "4.8.2",
      "type_vocab_size": 2,
      "use_cache": true,
      "vocab_size": 30522
    }"#;

    #[test]
    fn reads_the_minilm_config_and_ignores_unused_keys() {
        let c: BertConfig = serde_json::from_str(MINILM).unwrap();
        assert_eq!(
            c,
            BertConfig {
                vocab_size: 30522,
                hidden_size: 384,
                num_hidden_layers: 6,
                num_attention_heads: 12,
                intermediate_size: 1536,
                max_position_embeddings: 512,
                type_vocab_size: 2,
                layer_norm_eps: 1e-12,
                hidden_act: HiddenAct::Gelu,
                position_embedding_type: PositionEmbeddingType::Absolute,
            }
        );
    }

    #[test]
    fn refuses_settings_the_encoder_cannot_run() {
        for (from, to) in [
            (r#""gelu""#, r#""relu""#),
            (r#""absolute""#, r#""relative_key""#),
            (r#""hidden_size": 384,"#, ""),
        ] {
            let changed = MINILM.replace(from, to);
            assert_ne!(changed, MINILM);
            assert!(
                serde_json::from_str::<BertConfig>(&changed).is_err(),
                "{to}"
            );
        }
    }
}
