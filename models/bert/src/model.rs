//! The BERT encoder with a sequence-classification head, as a [`ModelCore`].
//!
//! ```text
//! input_ids, token_type_ids [B, L]
//!   -> word_embeddings[ids] + position_embeddings[offset + 0..L] + token_type_embeddings[types]
//!   -> LayerNorm -> dropout                                               x: [B*L, H]
//!   -> num_layers x (post-LN):
//!        q, k, v = x W^T + b                 (heads split by one relayout copy each)
//!        p   = dropout(softmax(q k^T / sqrt(d) with padded keys masked))      [B, heads, L, L]
//!        x   = LayerNorm(x + dropout((p v) Wo^T + bo))
//!        x   = LayerNorm(x + dropout(GELU(x Wi^T + bi) Wo2^T + bo2))
//!   -> pooling "cls": tanh(x[:, 0] Wp^T + bp)  |  "mean": masked mean over the tokens
//!   -> dropout -> classifier Linear(H -> num_labels); loss = mean cross-entropy
//! ```
//!
//! Activations are row-major `[tokens, features]`, so every Linear is one 2D matmul with the
//! weight stored `[out, in]` (as Hugging Face stores it); the bias (+ exact GELU) is one fused
//! node ([`model_kernels::activation::bias_act`]). LayerNorm and the masked softmax (with attention
//! dropout inside) are fused ops with hand-written backward passes ([`crate::ops`]). Dropout masks
//! come from the run seed, the optimizer step, the pass, the site and the sentence's index in the
//! batch, so runs are reproducible and resumable, and a batch can be split into chunks of
//! sentences that draw the same masks. `predict` never applies dropout.

use crate::config::{arch_value, Arch, BertConfig, Pooling, Resolved};
use crate::ops::{add_layer_norm, layer_norm, masked_softmax};
use candle_core::{Device, Tensor};
use model_kernels::activation::{bias_act, Act};
use model_kernels::layout::relayout;
use model_runtime::{
    real_layer_weights, rng_for, Batch, Dim, Error, Init, ModelCore, ParamStore, Result, StepCtx,
};
use plugin_api::{LayerKind, LayerWeights};
use rand::RngCore as _;
use safetensors::tensor::{Dtype, SafeTensors};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// HF BERT's initializer_range.
pub const INIT_STD: f32 = 0.02;

/// What the engine says about the data (`ModelInit.data`).
#[derive(Debug, Clone, PartialEq)]
pub struct TextData {
    pub num_labels: usize,
    pub max_len: usize,
    pub pair: bool,
}

impl TextData {
    pub fn from_json(text: &str) -> Result<Self> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            Error::Config(format!("bert: the data description is not valid JSON: {e}"))
        })?;
        let task = v.get("task").and_then(|t| t.as_str()).unwrap_or("");
        if task != "text-classification" {
            return Err(Error::Config(format!(
                "bert: this model needs text data (task = \"text-classification\"), got \"{task}\""
            )));
        }
        let int = |key: &str, min: u64| -> Result<usize> {
            match v.get(key).and_then(|x| x.as_u64()) {
                Some(n) if n >= min => Ok(n as usize),
                _ => Err(Error::Config(format!(
                    "bert: the data description needs '{key}' as an integer >= {min}, got {}",
                    v.get(key).map_or("nothing".to_string(), |x| x.to_string())
                ))),
            }
        };
        Ok(Self {
            num_labels: int("num_labels", 2)?,
            max_len: int("max_len", 1)?,
            pair: v.get("pair").and_then(|p| p.as_bool()).unwrap_or(false),
        })
    }
}

struct Linear {
    w: Tensor,
    b: Tensor,
}

impl Linear {
    /// `act(x w^T + b)` for `x` `[T, in]`.
    fn forward(&self, x: &Tensor, act: Act) -> Result<Tensor> {
        linear(x, &self.w, &self.b, act)
    }
}

fn linear(x: &Tensor, w: &Tensor, b: &Tensor, act: Act) -> Result<Tensor> {
    let t = x.dim(0)?;
    let out = w.dim(0)?;
    let y = x.matmul(&w.t()?)?.reshape((t, 1, out))?;
    Ok(bias_act(&y, &b.reshape((1, out))?, act)?.reshape((t, out))?)
}

struct Norm {
    w: Tensor,
    b: Tensor,
}

struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    attn_out: Linear,
    ln1: Norm,
    inter: Linear,
    out: Linear,
    ln2: Norm,
}

/// Token inputs of one batch, checked.
pub struct Inputs {
    pub b: usize,
    pub l: usize,
    ids: Tensor,
    types: Tensor,
    /// `[B, L]` f32, 1 = token.
    mask: Tensor,
}

/// Dropout masks for one loss evaluation.
struct Dropper {
    seed: u64,
    step: u64,
    pass: u32,
    /// Index of the batch's first sample in the step's whole batch ([`Batch::first_sample`]).
    first_sample: usize,
}

impl Dropper {
    /// Multipliers (0 or 1/(1-p)) for the `n` elements at `site` of a batch of `samples` samples
    /// laid out sample after sample; None when p = 0. Each sample's mask comes from a stream of
    /// its own, keyed by its index in the whole batch: a chunk of samples draws exactly the masks
    /// the whole batch would, so training batches can be split ([`ModelCore::per_sample_tensors`]).
    fn mask(&self, site: &str, samples: usize, n: usize, p: f64) -> Option<Vec<f32>> {
        if p <= 0.0 || n == 0 {
            return None;
        }
        // 16 random bits per element (drop when below p * 2^16; p is matched to 1.5e-5).
        let threshold = (p * 65_536.0).round().min(65_535.0) as u16;
        let keep = (1.0 / (1.0 - p)) as f32;
        debug_assert_eq!(n % samples.max(1), 0, "dropout site {site} is not sample-major");
        let per_sample = n / samples.max(1);
        let mut out = Vec::with_capacity(n);
        let mut bytes = vec![0u8; 2 * per_sample];
        for i in 0..samples {
            let sample = self.first_sample + i;
            let mut rng = rng_for(
                self.seed,
                &format!("dropout/{}/{}/{site}/{sample}", self.step, self.pass),
            );
            rng.fill_bytes(&mut bytes);
            out.extend(bytes.chunks_exact(2).map(|c| {
                if u16::from_le_bytes([c[0], c[1]]) < threshold {
                    0.0
                } else {
                    keep
                }
            }));
        }
        Some(out)
    }

    /// `x` (leading dimension: the `samples` samples) with dropout `p` at `site`.
    fn apply(&self, x: &Tensor, site: &str, samples: usize, p: f64) -> Result<Tensor> {
        match self.mask(site, samples, x.elem_count(), p) {
            None => Ok(x.clone()),
            Some(m) => Ok(x.mul(&Tensor::from_vec(m, x.shape(), x.device())?)?),
        }
    }
}

/// The bert network and its parameters.
pub struct Bert {
    cfg: Resolved,
    data: TextData,
    seed: u64,
    params: ParamStore,
    word: Tensor,
    pos: Tensor,
    tok: Tensor,
    emb_ln: Norm,
    layers: Vec<Layer>,
    pooler: Option<Linear>,
    classifier: Linear,
}

/// A pretrained Hugging Face directory: its config.json and its weights file.
struct Pretrained {
    file: PathBuf,
    bytes: Vec<u8>,
    arch: Arch,
    hidden_dropout: f64,
    attention_dropout: f64,
    classifier_dropout: Option<f64>,
}

fn read_pretrained(dir: &Path) -> Result<Pretrained> {
    let cfg_path = dir.join("config.json");
    let fail =
        |file: &Path, msg: String| Error::Config(format!("pretrained {}: {msg}", file.display()));
    let text = std::fs::read_to_string(&cfg_path).map_err(|e| {
        fail(
            &cfg_path,
            format!("cannot read ({e}); point 'pretrained' at a Hugging Face model directory (scripts/fetch-assets.sh puts all-MiniLM-L6-v2 in assets/minilm)"),
        )
    })?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| fail(&cfg_path, format!("not valid JSON: {e}")))?;
    let int = |key: &str| -> Result<usize> {
        v.get(key)
            .and_then(|x| x.as_u64())
            .filter(|&n| n >= 1)
            .map(|n| n as usize)
            .ok_or_else(|| fail(&cfg_path, format!("needs '{key}' as a positive integer")))
    };
    let float = |key: &str| v.get(key).and_then(|x| x.as_f64());
    if let Some(act) = v.get("hidden_act").and_then(|x| x.as_str()) {
        if act != "gelu" {
            return Err(fail(
                &cfg_path,
                format!("hidden_act \"{act}\" is not supported (only exact \"gelu\")"),
            ));
        }
    }
    if let Some(pe) = v.get("position_embedding_type").and_then(|x| x.as_str()) {
        if pe != "absolute" {
            return Err(fail(
                &cfg_path,
                format!("position_embedding_type \"{pe}\" is not supported (only \"absolute\")"),
            ));
        }
    }
    let model_type = v
        .get("model_type")
        .and_then(|x| x.as_str())
        .unwrap_or("bert");
    let position_offset = if model_type == "roberta" || model_type == "xlm-roberta" {
        v.get("pad_token_id").and_then(|x| x.as_u64()).unwrap_or(1) as usize + 1
    } else {
        0
    };
    let arch = Arch {
        hidden_size: int("hidden_size")?,
        num_layers: int("num_hidden_layers")?,
        num_heads: int("num_attention_heads")?,
        intermediate_size: int("intermediate_size")?,
        vocab_size: int("vocab_size")?,
        max_position: int("max_position_embeddings")?,
        type_vocab_size: int("type_vocab_size")?,
        layer_norm_eps: float("layer_norm_eps").unwrap_or(1e-12),
        position_offset,
    };
    let file = dir.join("model.safetensors");
    let bytes = std::fs::read(&file).map_err(|e| fail(&file, format!("cannot read ({e})")))?;
    Ok(Pretrained {
        file,
        bytes,
        arch,
        hidden_dropout: float("hidden_dropout_prob").unwrap_or(0.1),
        attention_dropout: float("attention_probs_dropout_prob").unwrap_or(0.1),
        classifier_dropout: float("classifier_dropout"),
    })
}

/// Copies every parameter except the classifier from the pretrained weights, looking each up
/// under its own name, then `bert.` / `roberta.` prefixed. Checks everything first.
fn load_weights(store: &ParamStore, pre: &Pretrained) -> Result<()> {
    let file = pre.file.display().to_string();
    let fail = |msg: String| Error::Config(format!("pretrained {file}: {msg}"));
    let st = SafeTensors::deserialize(&pre.bytes)
        .map_err(|e| fail(format!("not a safetensors file or corrupt ({e})")))?;
    let mut values = Vec::new();
    for p in store.params() {
        if p.name().starts_with("classifier.") {
            continue;
        }
        let candidates = [
            p.name().to_string(),
            format!("bert.{}", p.name()),
            format!("roberta.{}", p.name()),
        ];
        let Some(t) = candidates.iter().find_map(|n| st.tensor(n).ok()) else {
            let hint = if p.name().starts_with("pooler.") {
                " (use pooling = \"mean\" for a checkpoint without a pooler)"
            } else {
                ""
            };
            return Err(fail(format!("tensor '{}' is missing{hint}", p.name())));
        };
        if t.shape() != p.shape() {
            return Err(fail(format!(
                "tensor '{}' has shape {:?}, the model expects {:?}",
                p.name(),
                t.shape(),
                p.shape()
            )));
        }
        let data = t.data();
        let v: Vec<f32> = match t.dtype() {
            Dtype::F32 => data
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            Dtype::BF16 => data
                .chunks_exact(2)
                .map(|c| f32::from_bits(u32::from(u16::from_le_bytes([c[0], c[1]])) << 16))
                .collect(),
            other => {
                return Err(fail(format!(
                    "tensor '{}' has dtype {other:?}; only F32 and BF16 are supported",
                    p.name()
                )))
            }
        };
        if v.len() != p.numel() {
            return Err(fail(format!("tensor '{}' is truncated", p.name())));
        }
        if let Some(i) = v.iter().position(|x| !x.is_finite()) {
            return Err(fail(format!(
                "tensor '{}' has a non-finite value at flat index {i}",
                p.name()
            )));
        }
        values.push((p, v));
    }
    for (p, v) in values {
        store.set_param(p, &v)?;
    }
    Ok(())
}

impl Bert {
    /// Builds the model from the plugin config TOML, the data description JSON and the seed.
    pub fn new(config: &str, data: &str, seed: u64) -> Result<Self> {
        let user = BertConfig::from_toml(config)?;
        let data = TextData::from_json(data)?;
        let pre = if user.pretrained.is_empty() {
            None
        } else {
            Some(read_pretrained(Path::new(&user.pretrained))?)
        };
        let arch = match &pre {
            None => user.explicit_arch(),
            Some(p) => {
                for &(k, v) in &user.arch_keys {
                    let have = arch_value(&p.arch, k);
                    if have != v {
                        return Err(Error::Config(format!(
                            "config key '{k}' = {v} disagrees with {}/config.json ({have}); leave it out with a pretrained model",
                            user.pretrained
                        )));
                    }
                }
                p.arch.clone()
            }
        };
        if arch.hidden_size % arch.num_heads != 0 {
            return Err(Error::Config(format!(
                "hidden_size = {} is not a multiple of num_heads = {}",
                arch.hidden_size, arch.num_heads
            )));
        }
        if data.max_len + arch.position_offset > arch.max_position {
            return Err(Error::Config(format!(
                "bert: the data's max_len = {} exceeds the model's max_position = {}{}",
                data.max_len,
                arch.max_position,
                if arch.position_offset > 0 {
                    format!(" (minus the position offset {})", arch.position_offset)
                } else {
                    String::new()
                }
            )));
        }
        let hidden_dropout = user
            .hidden_dropout
            .unwrap_or(pre.as_ref().map_or(0.1, |p| p.hidden_dropout));
        let attention_dropout = user
            .attention_dropout
            .unwrap_or(pre.as_ref().map_or(0.1, |p| p.attention_dropout));
        let classifier_dropout = user.classifier_dropout.unwrap_or(
            pre.as_ref()
                .and_then(|p| p.classifier_dropout)
                .unwrap_or(hidden_dropout),
        );
        let cfg = Resolved {
            pretrained: user.pretrained.clone(),
            pooling: user.pooling,
            hidden_dropout,
            attention_dropout,
            classifier_dropout,
            arch,
        };
        let bert = Self::declare(cfg, data, seed, pre.is_some())?;
        if let Some(p) = &pre {
            // set_param writes into the Vars, which the tensors held here share.
            load_weights(&bert.params, p)?;
        }
        Ok(bert)
    }

    fn declare(cfg: Resolved, data: TextData, seed: u64, pretrained: bool) -> Result<Self> {
        let device = Device::Cpu;
        let a = cfg.arch.clone();
        let (h, im) = (a.hidden_size, a.intermediate_size);
        let mut ps = ParamStore::new(seed, &device);
        // Pretrained values overwrite everything but the classifier: skip drawing them.
        let normal = if pretrained {
            Init::Zeros
        } else {
            Init::Normal {
                mean: 0.0,
                std: INIT_STD,
            }
        };
        let one = if pretrained {
            Init::Zeros
        } else {
            Init::Constant(1.0)
        };
        let emb = |ps: &mut ParamStore, name: &str, rows: usize| -> Result<Tensor> {
            ps.group(name, LayerKind::Embedding, None)?;
            ps.param("weight", &[rows, h], normal.clone(), true)
        };
        let lin = |ps: &mut ParamStore,
                   name: &str,
                   out: usize,
                   inp: usize,
                   block: Option<u32>,
                   kind: LayerKind,
                   init: &Init|
         -> Result<Linear> {
            ps.group(name, kind, block)?;
            Ok(Linear {
                w: ps.param("weight", &[out, inp], init.clone(), true)?,
                b: ps.param("bias", &[out], Init::Zeros, false)?,
            })
        };
        let norm = |ps: &mut ParamStore, name: &str, block: Option<u32>| -> Result<Norm> {
            ps.group(name, LayerKind::Norm, block)?;
            Ok(Norm {
                w: ps.param("weight", &[h], one.clone(), false)?,
                b: ps.param("bias", &[h], Init::Zeros, false)?,
            })
        };
        let word = emb(&mut ps, "embeddings.word_embeddings", a.vocab_size)?;
        let pos = emb(&mut ps, "embeddings.position_embeddings", a.max_position)?;
        let tok = emb(
            &mut ps,
            "embeddings.token_type_embeddings",
            a.type_vocab_size,
        )?;
        let emb_ln = norm(&mut ps, "embeddings.LayerNorm", None)?;
        let mut layers = Vec::with_capacity(a.num_layers);
        for i in 0..a.num_layers {
            let p = format!("encoder.layer.{i}");
            let blk = Some(i as u32);
            let l = LayerKind::Linear;
            layers.push(Layer {
                q: lin(
                    &mut ps,
                    &format!("{p}.attention.self.query"),
                    h,
                    h,
                    blk,
                    l,
                    &normal,
                )?,
                k: lin(
                    &mut ps,
                    &format!("{p}.attention.self.key"),
                    h,
                    h,
                    blk,
                    l,
                    &normal,
                )?,
                v: lin(
                    &mut ps,
                    &format!("{p}.attention.self.value"),
                    h,
                    h,
                    blk,
                    l,
                    &normal,
                )?,
                attn_out: lin(
                    &mut ps,
                    &format!("{p}.attention.output.dense"),
                    h,
                    h,
                    blk,
                    l,
                    &normal,
                )?,
                ln1: norm(&mut ps, &format!("{p}.attention.output.LayerNorm"), blk)?,
                inter: lin(
                    &mut ps,
                    &format!("{p}.intermediate.dense"),
                    im,
                    h,
                    blk,
                    l,
                    &normal,
                )?,
                out: lin(
                    &mut ps,
                    &format!("{p}.output.dense"),
                    h,
                    im,
                    blk,
                    l,
                    &normal,
                )?,
                ln2: norm(&mut ps, &format!("{p}.output.LayerNorm"), blk)?,
            });
        }
        let pooler = match cfg.pooling {
            Pooling::Cls => Some(lin(
                &mut ps,
                "pooler.dense",
                h,
                h,
                None,
                LayerKind::Linear,
                &normal,
            )?),
            Pooling::Mean => None,
        };
        let head_init = Init::Normal {
            mean: 0.0,
            std: INIT_STD,
        };
        let classifier = lin(
            &mut ps,
            "classifier",
            data.num_labels,
            h,
            None,
            LayerKind::Head,
            &head_init,
        )?;
        Ok(Self {
            cfg,
            data,
            seed,
            params: ps,
            word,
            pos,
            tok,
            emb_ln,
            layers,
            pooler,
            classifier,
        })
    }

    pub fn config(&self) -> &Resolved {
        &self.cfg
    }

    pub fn data(&self) -> &TextData {
        &self.data
    }

    /// Reads and checks the token tensors of `batch`.
    pub fn inputs(&self, batch: &Batch<'_>) -> Result<Inputs> {
        let dev = self.params.device();
        let dims = [Dim::Any("B"), Dim::Any("L")];
        let ids = batch.tensor("input_ids", &dims, dev)?;
        let (b, l) = ids.dims2()?;
        let same = [Dim::Is("B", b), Dim::Is("L", l)];
        let types = batch.tensor("token_type_ids", &same, dev)?;
        let mask = batch.tensor("attention_mask", &same, dev)?;
        let a = &self.cfg.arch;
        if l + a.position_offset > a.max_position {
            return Err(Error::Batch(format!(
                "batch sequence length {l} exceeds the model's max_position = {}",
                a.max_position
            )));
        }
        let to_index = |t: &Tensor, name: &str, limit: usize| -> Result<Tensor> {
            let v = t.flatten_all()?.to_vec1::<f32>()?;
            let mut out = Vec::with_capacity(v.len());
            for (i, &x) in v.iter().enumerate() {
                if x < 0.0 || x.fract() != 0.0 || x as usize >= limit {
                    return Err(Error::Batch(format!(
                        "batch tensor '{name}' has {x} at flat index {i}; it must be an integer in [0, {limit})"
                    )));
                }
                out.push(x as u32);
            }
            Ok(Tensor::from_vec(out, v.len(), dev)?)
        };
        let ids = to_index(&ids, "input_ids", a.vocab_size)?;
        let types = to_index(&types, "token_type_ids", a.type_vocab_size)?;
        let mv = mask.flatten_all()?.to_vec1::<f32>()?;
        if let Some(i) = mv.iter().position(|&x| x != 0.0 && x != 1.0) {
            return Err(Error::Batch(format!(
                "batch tensor 'attention_mask' has {} at flat index {i}; it must be 0 or 1",
                mv[i]
            )));
        }
        Ok(Inputs {
            b,
            l,
            ids,
            types,
            mask,
        })
    }

    /// Last hidden states `[B*L, H]`.
    fn encoder(&self, inp: &Inputs, drop: Option<&Dropper>) -> Result<Tensor> {
        let a = &self.cfg.arch;
        let (b, l, h) = (inp.b, inp.l, a.hidden_size);
        let (nh, d) = (a.num_heads, h / a.num_heads);
        let t = b * l;
        let hd = if drop.is_some() {
            self.cfg.hidden_dropout
        } else {
            0.0
        };
        let ad = if drop.is_some() {
            self.cfg.attention_dropout
        } else {
            0.0
        };
        let dropout = |x: &Tensor, site: &str, p: f64| -> Result<Tensor> {
            match drop {
                Some(dr) if p > 0.0 => dr.apply(x, site, b, p),
                _ => Ok(x.clone()),
            }
        };
        let hidden_mask = |site: &str, n: usize| -> Option<Arc<Vec<f32>>> {
            drop.and_then(|dr| dr.mask(site, b, n, hd)).map(Arc::new)
        };
        let words = self.word.index_select(&inp.ids, 0)?;
        let types = self.tok.index_select(&inp.types, 0)?;
        let pos = self.pos.narrow(0, a.position_offset, l)?;
        let x = (words + types)?
            .reshape((b, l, h))?
            .broadcast_add(&pos)?
            .reshape((t, h))?;
        let x = layer_norm(&x, &self.emb_ln.w, &self.emb_ln.b, a.layer_norm_eps)?;
        let mut x = dropout(&x, "embeddings", hd)?;
        let scale = 1.0 / (d as f32).sqrt();
        for (i, layer) in self.layers.iter().enumerate() {
            // Heads split by one copy each; K goes straight to [B*heads, d, L] so that both
            // score matmul operands are contiguous.
            let q = relayout(
                &layer.q.forward(&x, Act::Identity)?,
                &[b, l, nh, d],
                &[0, 2, 1, 3],
                &[b * nh, l, d],
            )?;
            let k = relayout(
                &layer.k.forward(&x, Act::Identity)?,
                &[b, l, nh, d],
                &[0, 2, 3, 1],
                &[b * nh, d, l],
            )?;
            let v = relayout(
                &layer.v.forward(&x, Act::Identity)?,
                &[b, l, nh, d],
                &[0, 2, 1, 3],
                &[b * nh, l, d],
            )?;
            let scores = q.matmul(&k)?.reshape((b, nh, l, l))?;
            let mask = match drop {
                Some(dr) => dr
                    .mask(&format!("layer{i}/attention"), b, b * nh * l * l, ad)
                    .map(Arc::new),
                None => None,
            };
            let p = masked_softmax(&scores, &inp.mask, scale, mask)?.reshape((b * nh, l, l))?;
            let ctx = p.matmul(&v)?;
            let ctx = relayout(&ctx, &[b, nh, l, d], &[0, 2, 1, 3], &[t, h])?;
            let y = layer.attn_out.forward(&ctx, Act::Identity)?;
            let m = hidden_mask(&format!("layer{i}/attention_output"), y.elem_count());
            x = add_layer_norm(&y, &x, &layer.ln1.w, &layer.ln1.b, a.layer_norm_eps, m)?;
            let f = layer.inter.forward(&x, Act::Gelu)?;
            let y = layer.out.forward(&f, Act::Identity)?;
            let m = hidden_mask(&format!("layer{i}/output"), y.elem_count());
            x = add_layer_norm(&y, &x, &layer.ln2.w, &layer.ln2.b, a.layer_norm_eps, m)?;
        }
        Ok(x)
    }

    /// The sequence summary `[B, H]` from the last hidden states `x` `[B*L, H]`.
    fn pool(&self, inp: &Inputs, x: &Tensor) -> Result<Tensor> {
        let (b, l, h) = (inp.b, inp.l, self.cfg.arch.hidden_size);
        let x = x.reshape((b, l, h))?;
        match &self.pooler {
            Some(pooler) => {
                let first = x.narrow(1, 0, 1)?.reshape((b, h))?;
                Ok(pooler.forward(&first, Act::Identity)?.tanh()?)
            }
            None => {
                let m = inp.mask.reshape((b, l, 1))?;
                let sum = x.broadcast_mul(&m)?.sum(1)?;
                let count = inp.mask.sum_keepdim(1)?.clamp(1e-9f32, f32::MAX)?;
                Ok(sum.broadcast_div(&count)?)
            }
        }
    }

    fn logits_with(&self, inp: &Inputs, drop: Option<&Dropper>) -> Result<Tensor> {
        let x = self.encoder(inp, drop)?;
        let pooled = self.pool(inp, &x)?;
        let pooled = match drop {
            Some(dr) if self.cfg.classifier_dropout > 0.0 => {
                dr.apply(&pooled, "classifier", inp.b, self.cfg.classifier_dropout)?
            }
            _ => pooled,
        };
        self.classifier.forward(&pooled, Act::Identity)
    }

    /// Last hidden states `[B, L, H]` (no dropout), as HF's `last_hidden_state`.
    pub fn encode(&self, batch: &Batch<'_>) -> Result<Tensor> {
        let inp = self.inputs(batch)?;
        let h = self.cfg.arch.hidden_size;
        Ok(self.encoder(&inp, None)?.reshape((inp.b, inp.l, h))?)
    }

    /// The pooled summary `[B, H]` (no dropout): HF's `pooler_output` with pooling = "cls", the
    /// masked mean with "mean".
    pub fn pooled(&self, batch: &Batch<'_>) -> Result<Tensor> {
        let inp = self.inputs(batch)?;
        let x = self.encoder(&inp, None)?;
        self.pool(&inp, &x)
    }

    /// Logits `[B, num_labels]` (no dropout).
    pub fn logits(&self, batch: &Batch<'_>) -> Result<Tensor> {
        let inp = self.inputs(batch)?;
        self.logits_with(&inp, None)
    }

    /// The loss with dropout as in training step `ctx` (`dropout = false`: without dropout).
    pub fn loss_with(&self, batch: &Batch<'_>, ctx: &StepCtx, dropout: bool) -> Result<Tensor> {
        let inp = self.inputs(batch)?;
        let labels = batch.tensor("labels", &[Dim::Is("B", inp.b)], self.params.device())?;
        let k = self.data.num_labels;
        let lv = labels.to_vec1::<f32>()?;
        let mut idx = Vec::with_capacity(lv.len());
        for (i, &y) in lv.iter().enumerate() {
            if y < 0.0 || y.fract() != 0.0 || y as usize >= k {
                return Err(Error::Batch(format!(
                    "batch tensor 'labels' has {y} at index {i}; it must be a class index in [0, {k})"
                )));
            }
            idx.push(y as u32);
        }
        let labels = Tensor::from_vec(idx, lv.len(), self.params.device())?;
        let dr = Dropper {
            seed: self.seed,
            step: ctx.step,
            pass: ctx.pass,
            first_sample: batch.first_sample(),
        };
        let logits = self.logits_with(&inp, dropout.then_some(&dr))?;
        Ok(candle_nn::loss::cross_entropy(&logits, &labels)?)
    }
}

/// The batch tensors with one row of tokens per sentence...
const TOKEN_TENSORS: [&str; 3] = ["input_ids", "token_type_ids", "attention_mask"];
/// ...and every batch tensor with one row per sentence (a prediction batch has no labels).
const PER_SENTENCE_TENSORS: [&str; 4] = ["input_ids", "token_type_ids", "attention_mask", "labels"];
/// The smallest chunk of a batch to predict, in (padded) tokens (counted as values of the three
/// token tensors; a training batch's labels add one value per sentence, so its chunks can be up to
/// 1/(3L) of the floor short of it)...
const MIN_PREDICTION_CHUNK_TOKENS: usize = 512;
/// ...and of a training batch: each training chunk also computes and adds a gradient for every
/// weight. On the bench batch (16 x 128 tokens, docs/benchmarks.md) two chunks of 1024 beat four
/// of 512 at 1 and at 2 threads.
const MIN_TRAINING_CHUNK_TOKENS: usize = 1024;

impl ModelCore for Bert {
    fn params(&self) -> &ParamStore {
        &self.params
    }

    fn config_toml(&self) -> String {
        self.cfg.to_toml()
    }

    fn loss(&self, batch: &Batch<'_>, ctx: &StepCtx) -> Result<Tensor> {
        self.loss_with(batch, ctx, true)
    }

    fn predict(&self, batch: &Batch<'_>) -> Result<Vec<(String, Tensor)>> {
        Ok(vec![("logits".to_string(), self.logits(batch)?)])
    }

    // Each sentence attends to itself alone, the loss is the mean over sentences and dropout masks
    // are drawn per sentence: batches run as chunks of sentences in parallel, each chunk large
    // enough (in padded tokens) that its matmuls stay large.
    fn per_sample_tensors(&self) -> &[&'static str] {
        &PER_SENTENCE_TENSORS
    }

    fn min_chunk_values(&self, training: bool) -> Option<usize> {
        let tokens = if training {
            MIN_TRAINING_CHUNK_TOKENS
        } else {
            MIN_PREDICTION_CHUNK_TOKENS
        };
        Some(TOKEN_TENSORS.len() * tokens)
    }

    fn layer_weights(&self) -> Result<Vec<LayerWeights>> {
        let mut out = Vec::new();
        for i in 0..self.layers.len() {
            for m in [
                "attention.self.query",
                "attention.self.key",
                "attention.self.value",
                "attention.output.dense",
                "intermediate.dense",
                "output.dense",
            ] {
                let g = format!("encoder.layer.{i}.{m}");
                out.push(real_layer_weights(
                    &self.params,
                    &g,
                    &format!("{g}.weight"),
                )?);
            }
        }
        if self.pooler.is_some() {
            out.push(real_layer_weights(
                &self.params,
                "pooler.dense",
                "pooler.dense.weight",
            )?);
        }
        out.push(real_layer_weights(
            &self.params,
            "classifier",
            "classifier.weight",
        )?);
        Ok(out)
    }
}
