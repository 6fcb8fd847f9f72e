//! MiniLM's BERT encoder on candle, over packed sequences.
//!
//! A batch is every token of its texts stacked into one `tokens × hidden` tensor, with the
//! row range of each text alongside: no padding, no attention mask, and each text attends only
//! to its own rows. The arithmetic of each step is a candle custom op over the kernels in
//! [`super::kernels`] (vectorised GELU, fused bias + residual + layer norm, attention per
//! text) and [`super::amx`]; candle maps the safetensors file and carries the activations
//! between steps.
//!
//! A text's vector depends only on its own tokens: every step works row by row or text by
//! text, and the matrix products sum each row in an order fixed by the shapes.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use candle_core::safetensors::MmapedSafetensors;
use candle_core::{CpuStorage, CustomOp1, Device, InplaceOp1, InplaceOp2, Layout, Shape, Tensor};

use super::amx;
use super::config::BertConfig;
use super::isa::Isa;
use super::kernels::{self, Heads, Norm};

type Result<T> = candle_core::Result<T>;

/// How the dense layers multiply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Matmul {
    /// AMX tiles where the CPU has them, f32 otherwise.
    #[default]
    Auto,
    /// AVX-512/AVX2 f32 (the `gemm` crate's kernels), even where AMX exists.
    F32,
}

/// The safetensors file, memory-mapped; tensors are read in place, not copied.
pub struct WeightsFile(MmapedSafetensors);

impl WeightsFile {
    /// Map `path` and read its header.
    pub fn open(path: &Path) -> Result<WeightsFile> {
        // SAFETY: the store verified the file's sha256 and concord never writes to it; like
        // every memory map, it relies on no other process truncating the file meanwhile.
        Ok(WeightsFile(unsafe { MmapedSafetensors::new(path)? }))
    }

    /// The f32 values of tensor `name`, which must have `shape`: borrowed from the map
    /// when suitably aligned (always, for files written by safetensors), copied otherwise.
    fn get(&self, name: &str, shape: &[usize]) -> Result<Cow<'_, [f32]>> {
        let view = self.0.get(name)?;
        if view.dtype() != safetensors::Dtype::F32 || view.shape() != shape {
            candle_core::bail!(
                "{name}: expected f32 {shape:?}, found {:?} {:?}",
                view.dtype(),
                view.shape()
            );
        }
        let bytes = view.data();
        if cfg!(target_endian = "little") {
            if let Ok(values) = bytemuck::try_cast_slice::<u8, f32>(bytes) {
                return Ok(Cow::Borrowed(values));
            }
        }
        let (words, _) = bytes.as_chunks::<4>();
        Ok(Cow::Owned(
            words.iter().map(|&b| f32::from_le_bytes(b)).collect(),
        ))
    }
}

/// The weights of a dense layer, laid out for the chosen way of multiplying.
#[derive(Debug)]
enum Dense {
    /// `n × k` row-major, as stored.
    F32 { w: Vec<f32>, n: usize, k: usize },
    /// Packed into AMX tiles.
    Amx(amx::Weights),
}

/// A dense layer without its bias: the step after it adds the bias in the same pass as its
/// own work.
#[derive(Debug)]
struct Linear {
    dense: Dense,
    bias: Vec<f32>,
}

impl Linear {
    /// `x · wᵀ` (the bias is left to the next step).
    fn forward(&self, x: &Tensor, isa: Isa) -> Result<Tensor> {
        x.apply_op1_no_bwd(&MatmulOp(&self.dense, isa))
    }

    /// Load `{prefix}.{name}.weight` (`n × k`) and `.bias` of each name, stacked as one layer
    /// (query, key and value become one product).
    fn load(
        file: &WeightsFile,
        prefix: &str,
        names: &[&str],
        (n, k): (usize, usize),
        isa: Isa,
    ) -> Result<Linear> {
        let mut parts = Vec::with_capacity(names.len());
        let mut bias = Vec::with_capacity(names.len() * n);
        for name in names {
            parts.push(file.get(&format!("{prefix}.{name}.weight"), &[n, k])?);
            bias.extend_from_slice(&file.get(&format!("{prefix}.{name}.bias"), &[n])?);
        }
        let parts: Vec<&[f32]> = parts.iter().map(|p| &p[..]).collect();
        let packed = match isa {
            Isa::Amx if amx::available() => amx::Weights::pack(&parts, k),
            _ => None,
        };
        let dense = match packed {
            Some(packed) => Dense::Amx(packed),
            None => Dense::F32 {
                w: parts.concat(),
                n: names.len() * n,
                k,
            },
        };
        Ok(Linear { dense, bias })
    }
}

/// The layer norm `{prefix}.weight` and `{prefix}.bias`.
fn load_norm(file: &WeightsFile, prefix: &str, size: usize, eps: f64) -> Result<Norm> {
    Ok(Norm {
        gamma: file.get(&format!("{prefix}.weight"), &[size])?.into_owned(),
        beta: file.get(&format!("{prefix}.bias"), &[size])?.into_owned(),
        eps: eps as f32,
    })
}

/// One transformer layer.
#[derive(Debug)]
struct Layer {
    qkv: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    ffn_in: Linear,
    ffn_out: Linear,
    ffn_norm: Norm,
}

impl Layer {
    fn load(file: &WeightsFile, prefix: &str, c: &BertConfig, how: Isa) -> Result<Layer> {
        let (h, i, eps) = (c.hidden_size, c.intermediate_size, c.layer_norm_eps);
        let (attn, out) = (format!("{prefix}.attention"), format!("{prefix}.output"));
        let qkv = ["query", "key", "value"];
        Ok(Layer {
            qkv: Linear::load(file, &format!("{attn}.self"), &qkv, (h, h), how)?,
            attention_out: Linear::load(file, &format!("{attn}.output"), &["dense"], (h, h), how)?,
            attention_norm: load_norm(file, &format!("{attn}.output.LayerNorm"), h, eps)?,
            ffn_in: Linear::load(
                file,
                &format!("{prefix}.intermediate"),
                &["dense"],
                (i, h),
                how,
            )?,
            ffn_out: Linear::load(file, &out, &["dense"], (h, i), how)?,
            ffn_norm: load_norm(file, &format!("{out}.LayerNorm"), h, eps)?,
        })
    }

    /// Run the layer on `x` (one row per token), updating it in place.
    fn forward(&self, x: &Tensor, seqs: &[Range<usize>], heads: Heads, isa: Isa) -> Result<()> {
        let context = self.qkv.forward(x, isa)?.apply_op1_no_bwd(&AttentionOp {
            bias: &self.qkv.bias,
            seqs,
            heads,
            isa,
        })?;
        x.inplace_op2(
            &self.attention_out.forward(&context, isa)?,
            &BiasResidualNormOp {
                bias: &self.attention_out.bias,
                norm: &self.attention_norm,
                isa,
            },
        )?;
        let inner = self.ffn_in.forward(x, isa)?;
        inner.inplace_op1(&BiasGeluOp {
            bias: &self.ffn_in.bias,
            isa,
        })?;
        x.inplace_op2(
            &self.ffn_out.forward(&inner, isa)?,
            &BiasResidualNormOp {
                bias: &self.ffn_out.bias,
                norm: &self.ffn_norm,
                isa,
            },
        )
    }
}

/// Name of the word-embedding table, read from the map at every forward pass.
const WORDS: &str = "embeddings.word_embeddings.weight";

/// The encoder: embeddings, then the transformer layers.
pub struct Encoder {
    file: WeightsFile,
    vocab: usize,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    heads: Heads,
    hidden: usize,
    max_positions: usize,
    isa: Isa,
}

impl Encoder {
    /// Build the encoder from BERT weights named as in Hugging Face checkpoints, to run on
    /// `isa` (which the caller checked this CPU has).
    pub fn load(file: WeightsFile, c: &BertConfig, isa: Isa) -> Result<Encoder> {
        if c.num_attention_heads == 0 || !c.hidden_size.is_multiple_of(c.num_attention_heads) {
            candle_core::bail!(
                "hidden size {} is not a multiple of {} heads",
                c.hidden_size,
                c.num_attention_heads
            );
        }
        let h = c.hidden_size;
        let layers = (0..c.num_hidden_layers)
            .map(|i| Layer::load(&file, &format!("encoder.layer.{i}"), c, isa))
            .collect::<Result<Vec<_>>>()?;
        // Checked once here, so forward passes can rely on the table's shape.
        file.get(WORDS, &[c.vocab_size, h])?;
        let positions = file
            .get(
                "embeddings.position_embeddings.weight",
                &[c.max_position_embeddings, h],
            )?
            .into_owned();
        // sentence-transformers passes no token types, so every token is type 0.
        let token_types = file.get(
            "embeddings.token_type_embeddings.weight",
            &[c.type_vocab_size, h],
        )?;
        let Some(token_type) = token_types.get(..h) else {
            candle_core::bail!("the model has no token types");
        };
        let token_type = token_type.to_vec();
        let embedding_norm = load_norm(&file, "embeddings.LayerNorm", h, c.layer_norm_eps)?;
        Ok(Encoder {
            file,
            vocab: c.vocab_size,
            positions,
            token_type,
            embedding_norm,
            layers,
            heads: Heads {
                count: c.num_attention_heads,
                width: h / c.num_attention_heads,
            },
            hidden: h,
            max_positions: c.max_position_embeddings,
            isa,
        })
    }

    /// Which arithmetic the dense layers use, as the model id names it: `amx-bf16x3`,
    /// `f32-avx512`, `f32-avx2` or `f32` ([`Isa::arithmetic`]).
    pub fn matmul_name(&self) -> &'static str {
        match self.layers.first().map(|l| &l.qkv.dense) {
            Some(Dense::Amx(_)) => Isa::Amx.arithmetic(),
            // AMX was asked for but a layer did not fit the tiles: AVX-512 f32 runs it.
            _ if self.isa == Isa::Amx => Isa::Avx512.arithmetic(),
            _ => self.isa.arithmetic(),
        }
    }

    /// Final hidden states of the packed `texts` (word-piece ids, special tokens included):
    /// `total tokens × hidden`, row-major, and each text's row range.
    pub fn forward(&self, texts: &[&[u32]]) -> Result<(Vec<f32>, Vec<Range<usize>>)> {
        let h = self.hidden;
        let total: usize = texts.iter().map(|t| t.len()).sum();
        let words = self.file.get(WORDS, &[self.vocab, h])?;
        // Word and position embeddings of every token; the token type and the norm follow.
        let mut x = Vec::with_capacity(total * h);
        let mut positions = Vec::with_capacity(total * h);
        let mut seqs = Vec::with_capacity(texts.len());
        for t in texts {
            if t.len() > self.max_positions {
                candle_core::bail!("{} tokens exceed {} positions", t.len(), self.max_positions);
            }
            seqs.push(x.len() / h..x.len() / h + t.len());
            for (p, &id) in t.iter().enumerate() {
                let Some(row) = words.get(id as usize * h..(id as usize + 1) * h) else {
                    candle_core::bail!("token id {id} is outside the vocabulary");
                };
                x.extend_from_slice(row);
                positions.extend_from_slice(&self.positions[p * h..(p + 1) * h]);
            }
        }
        if total == 0 {
            return Ok((Vec::new(), seqs));
        }
        kernels::bias_residual_norm(
            self.isa,
            &mut x,
            &positions,
            &self.token_type,
            &self.embedding_norm,
        );
        let x = Tensor::from_vec(x, (total, h), &Device::Cpu)?;
        for layer in &self.layers {
            layer.forward(&x, &seqs, self.heads, self.isa)?;
        }
        Ok((x.flatten_all()?.to_vec1::<f32>()?, seqs))
    }
}

/// The f32 slice behind a contiguous CPU tensor.
fn slice<'a>(storage: &'a CpuStorage, layout: &Layout) -> Result<&'a [f32]> {
    match layout.contiguous_offsets() {
        Some((start, end)) => Ok(&storage.as_slice::<f32>()?[start..end]),
        None => candle_core::bail!("expected a contiguous tensor"),
    }
}

/// `rows × cols` of a 2-D layout.
fn matrix(layout: &Layout) -> Result<(usize, usize)> {
    match layout.dims() {
        &[rows, cols] => Ok((rows, cols)),
        dims => candle_core::bail!("expected a matrix, got shape {dims:?}"),
    }
}

/// `x · wᵀ` of a [`Dense`] layer, f32 products on the given instruction set.
struct MatmulOp<'a>(&'a Dense, Isa);

impl CustomOp1 for MatmulOp<'_> {
    fn name(&self) -> &'static str {
        "minilm-matmul"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let x = slice(s, l)?;
        let (rows, k) = matrix(l)?;
        let (out, n) = match self.0 {
            Dense::F32 { w, n, k: wk } => {
                if k != *wk {
                    candle_core::bail!("matmul: input width {k}, weight width {wk}");
                }
                (kernels::matmul_f32(self.1, x, rows, w, *n, k), *n)
            }
            Dense::Amx(w) => (w.matmul(x, rows), w.n()),
        };
        Ok((CpuStorage::F32(out), Shape::from((rows, n))))
    }
}

/// The mutable f32 slice behind a contiguous CPU tensor.
fn slice_mut<'a>(storage: &'a mut CpuStorage, layout: &Layout) -> Result<&'a mut [f32]> {
    match (layout.contiguous_offsets(), storage) {
        (Some((start, end)), CpuStorage::F32(values)) => Ok(&mut values[start..end]),
        _ => candle_core::bail!("expected a contiguous f32 tensor"),
    }
}

/// `x = gelu(x + bias)`, in place.
struct BiasGeluOp<'a> {
    bias: &'a [f32],
    isa: Isa,
}

impl InplaceOp1 for BiasGeluOp<'_> {
    fn name(&self) -> &'static str {
        "minilm-bias-gelu"
    }

    fn cpu_fwd(&self, s: &mut CpuStorage, l: &Layout) -> Result<()> {
        let (_, cols) = matrix(l)?;
        if cols != self.bias.len() {
            candle_core::bail!("gelu: width {cols}, bias {}", self.bias.len());
        }
        kernels::bias_gelu(self.isa, slice_mut(s, l)?, self.bias);
        Ok(())
    }
}

/// `x = norm(y + bias + x)`, in place in `x`.
struct BiasResidualNormOp<'a> {
    bias: &'a [f32],
    norm: &'a Norm,
    isa: Isa,
}

impl InplaceOp2 for BiasResidualNormOp<'_> {
    fn name(&self) -> &'static str {
        "minilm-bias-residual-norm"
    }

    fn cpu_fwd(
        &self,
        s1: &mut CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> Result<()> {
        let (_, cols) = matrix(l1)?;
        if l1.dims() != l2.dims() || cols != self.bias.len() {
            candle_core::bail!("residual norm: shapes {:?} and {:?}", l1.dims(), l2.dims());
        }
        let y = slice(s2, l2)?;
        kernels::bias_residual_norm(self.isa, slice_mut(s1, l1)?, y, self.bias, self.norm);
        Ok(())
    }
}

/// Self-attention of each packed text over the fused `[query | key | value]` projections.
struct AttentionOp<'a> {
    bias: &'a [f32],
    seqs: &'a [Range<usize>],
    heads: Heads,
    isa: Isa,
}

impl CustomOp1 for AttentionOp<'_> {
    fn name(&self) -> &'static str {
        "minilm-attention"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let qkv = slice(s, l)?;
        let (rows, cols) = matrix(l)?;
        let hidden = self.heads.count * self.heads.width;
        if cols != 3 * hidden || self.seqs.last().is_some_and(|r| r.end > rows) {
            candle_core::bail!("attention: {rows} × {cols} for hidden size {hidden}");
        }
        let mut out = vec![0f32; rows * hidden];
        kernels::attention(self.isa, qkv, self.bias, self.seqs, self.heads, &mut out);
        Ok((CpuStorage::F32(out), Shape::from((rows, hidden))))
    }
}
