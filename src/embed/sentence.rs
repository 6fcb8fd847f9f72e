//! What sentence-transformers does around the transformer, shared by every backend:
//! the tokenizer set-up, batches (packed chunks for candle, length-sorted padded batches
//! for rust-bert), and embedding each distinct text once. Pooling is
//! [`super::kernels::mean_pool_l2`].

use std::path::Path;

use ndarray::Array2;
use rayon::prelude::*;
use tokenizers::{Tokenizer, TruncationParams};

use super::EmbedError;
use crate::text::Distinct;

/// sentence-transformers' `max_seq_length` for this model, special tokens included.
pub const MAX_TOKENS: usize = 256;
/// Default number of texts per forward pass of a padded backend (rust-bert).
pub const DEFAULT_BATCH: usize = 32;
/// Default word pieces per forward pass of the packed candle encoder.
pub const CHUNK_TOKENS: usize = 512;
/// Inputs are cut into at least this many chunks (when they have that many texts), so
/// both cores of a small machine, and all of a bigger one's, get work.
pub const MIN_CHUNKS: usize = 8;

/// Load `tokenizer.json`, truncating at [`MAX_TOKENS`] and without padding.
pub fn load_tokenizer(path: &Path) -> Result<Tokenizer, EmbedError> {
    let mut tokenizer = Tokenizer::from_file(path)
        .map_err(|e| EmbedError::Tokenizer(format!("{}: {e}", path.display())))?;
    // The shipped tokenizer.json pads and truncates to 128; sentence-transformers uses 256
    // and we pad per batch ourselves.
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: MAX_TOKENS,
            ..Default::default()
        }))
        .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
    tokenizer.with_padding(None);
    Ok(tokenizer)
}

/// Word-piece ids of each text, special tokens included, truncated to [`MAX_TOKENS`].
pub fn token_ids(tokenizer: &Tokenizer, texts: &[&str]) -> Result<Vec<Vec<u32>>, EmbedError> {
    let encodings = tokenizer
        .encode_batch_fast(texts.to_vec(), true)
        .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
    Ok(encodings
        .into_iter()
        .map(|e| e.get_ids().to_vec())
        .collect())
}

/// Run `forward` over batches of texts of similar length (so little compute goes
/// to padding), one after another, and return `ids.len() * dim` floats, row-major,
/// in input order. `forward` gets the batch's ids and returns its pooled rows.
pub fn in_length_batches(
    ids: &[Vec<u32>],
    dim: usize,
    batch_size: usize,
    mut forward: impl FnMut(&[&[u32]]) -> Result<Vec<f32>, EmbedError>,
) -> Result<Vec<f32>, EmbedError> {
    let chunks = length_sorted_chunks(ids, batch_size);
    let results = chunks.iter().map(|c| forward(&batch(ids, c))).collect();
    scatter(ids.len(), dim, &chunks, results)
}

/// Run `forward` over chunks of consecutive texts holding at most `budget` word pieces
/// (a longer text gets a chunk of its own), the chunks in parallel on the rayon pool, and
/// return `ids.len() * dim` floats, row-major, in input order. `forward` gets a chunk's ids
/// and returns its pooled rows.
///
/// Chunks depend only on `ids` and `budget`, never on the thread count; small inputs are cut
/// into at least [`MIN_CHUNKS`] chunks so every core gets work.
pub fn in_token_chunks(
    ids: &[Vec<u32>],
    dim: usize,
    budget: usize,
    forward: impl Fn(&[&[u32]]) -> Result<Vec<f32>, EmbedError> + Sync,
) -> Result<Vec<f32>, EmbedError> {
    let total: usize = ids.iter().map(Vec::len).sum();
    let budget = budget.min(total.div_ceil(MIN_CHUNKS)).max(1);
    let mut chunks: Vec<Vec<usize>> = Vec::new();
    let mut filled = budget;
    for (i, text) in ids.iter().enumerate() {
        if filled + text.len() > budget {
            chunks.push(Vec::new());
            filled = 0;
        }
        filled += text.len();
        if let Some(chunk) = chunks.last_mut() {
            chunk.push(i);
        }
    }
    let results = chunks.par_iter().map(|c| forward(&batch(ids, c))).collect();
    scatter(ids.len(), dim, &chunks, results)
}

/// Text indices sorted by token count, cut into batches.
fn length_sorted_chunks(ids: &[Vec<u32>], batch_size: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| ids[i].len());
    order
        .chunks(batch_size.max(1))
        .map(<[usize]>::to_vec)
        .collect()
}

/// The token ids of one batch.
fn batch<'a>(ids: &'a [Vec<u32>], chunk: &[usize]) -> Vec<&'a [u32]> {
    chunk.iter().map(|&i| ids[i].as_slice()).collect()
}

/// Put each batch's rows back at their texts' positions.
fn scatter(
    n: usize,
    dim: usize,
    chunks: &[Vec<usize>],
    results: Vec<Result<Vec<f32>, EmbedError>>,
) -> Result<Vec<f32>, EmbedError> {
    let mut out = vec![0f32; n * dim];
    for (chunk, rows) in chunks.iter().zip(results) {
        let rows = rows?;
        for (k, &i) in chunk.iter().enumerate() {
            out[i * dim..(i + 1) * dim].copy_from_slice(&rows[k * dim..(k + 1) * dim]);
        }
    }
    Ok(out)
}

/// Embed each distinct text once with `embed` (which returns `dim` floats per
/// text it is given) and lay the rows out for all of `texts`.
pub fn each_distinct(
    texts: &[&str],
    dim: usize,
    embed: impl FnOnce(&[&str]) -> Result<Vec<f32>, EmbedError>,
) -> Result<Array2<f32>, EmbedError> {
    let distinct = Distinct::of(texts.iter().copied());
    let rows = embed(&distinct.values)?;
    let mut flat = Vec::with_capacity(texts.len() * dim);
    for &s in &distinct.slot {
        flat.extend_from_slice(&rows[s * dim..(s + 1) * dim]);
    }
    Array2::from_shape_vec((texts.len(), dim), flat)
        .map_err(|e| EmbedError::Backend(format!("embedding rows: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_restore_input_order() {
        let ids = vec![vec![1, 1, 1], vec![2], vec![3, 3]];
        let out = in_length_batches(&ids, 1, 2, |batch| {
            Ok(batch.iter().map(|s| s[0] as f32).collect())
        })
        .unwrap();
        assert_eq!(out, vec![1.0, 2.0, 3.0]);
        for budget in [1, 2, 3, 100] {
            let chunked = in_token_chunks(&ids, 1, budget, |chunk| {
                Ok(chunk.iter().map(|s| s[0] as f32).collect())
            })
            .unwrap();
            assert_eq!(chunked, out, "budget {budget}");
        }
    }
}
