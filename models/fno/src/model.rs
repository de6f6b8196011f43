//! PDEBench's FNO (tempbalance-spec.md §4) in D spatial dimensions as a [`PdeStep`]:
//!
//! ```text
//! [B, X.., S*C] ++ grid [X.., D] -> fc0 Linear(S*C+D -> width)
//!   -> pad every spatial axis by `padding` at its end (F.pad(x, [0, p, 0, p, ...]))
//!   -> 4 x (SpectralConv{D}d + Conv{D}d 1x1), GELU between layers, not after the last
//!   -> fc1 Linear(width -> 128) -> GELU -> fc2 Linear(128 -> C) -> unpad -> [B, X.., C]
//! ```
//!
//! Layout: fc0 is one matmul on the channel-last rows `[B*X.., S*C]`, moved to channel-first
//! `[B, width, X..]` by one copy; the grid columns of fc0 and its bias are one per-position bias
//! `[width, X..]` computed once per rollout. The Fourier layers, fc1 and fc2 stay channel-first with
//! the spatial axes flattened (`[B, channels, N]`), where the 1x1 convolutions and the Linear
//! layers are batched matmuls with a broadcast weight and each bias + activation is one fused op.
//! fc1 and fc2 run on the padded grid (they are pointwise, so this equals unpadding first) and
//! only the small C-channel output is cropped and permuted back.
//!
//! Parameter names and their order (hence checkpoints and seeded initialisation) are PDEBench's
//! and those of the former separate fno1d and fno2d crates: 1D `weight_re`/`weight_im`, from 2D on
//! `weight{j}_re`/`weight{j}_im` per corner block j.

use crate::config::{mode_keys, FnoConfig, FnoVariant};
use crate::spectral::{block_weight, join_corners, max_modes, spectral_conv, Bases, CornerWeights};
use candle_core::{Device, Tensor};
use model_kernels::activation::{bias_act, sum_bias_act, Act};
use model_kernels::layout::{pad_last2, relayout};
use model_runtime::{real_layer_weights, Batch, Dim, Error, Init, ParamStore, PdeData, PdeStep, Result};
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{LayerKind, LayerWeights};

/// Hidden width of fc1 (fixed in PDEBench's FNOs).
pub const FC1_WIDTH: usize = 128;
/// Number of Fourier layers (fixed in PDEBench's FNOs).
pub const NUM_BLOCKS: usize = 4;

struct Block {
    /// Real and imaginary parts of each corner block `[w, w, m_1, ..., m_D]`.
    re: Vec<Tensor>,
    im: Vec<Tensor>,
    pw_weight: Tensor,
    pw_bias: Tensor,
}

/// The FNO network.
pub struct Fno {
    variant: FnoVariant,
    cfg: FnoConfig,
    data: PdeData,
    params: ParamStore,
    fc0_w: Tensor,
    fc0_b: Tensor,
    blocks: Vec<Block>,
    fc1_w: Tensor,
    fc1_b: Tensor,
    fc2_w: Tensor,
    fc2_b: Tensor,
    bases: Bases,
}

/// Values shared by every step of one rollout: the lifted grid and the weights in the layout the
/// forward uses (built once per batch rather than once per step).
pub struct FnoCtx {
    /// fc0's weight columns for the S*C frame channels, transposed: `[S*C, w]`.
    fc0_frames_t: Tensor,
    /// fc0 applied to the grid coordinates plus fc0's bias: `[w, X*..]`.
    grid_lift: Tensor,
    blocks: Vec<BlockCtx>,
    fc1_w: Tensor,
    fc1_b: Tensor,
    fc2_w: Tensor,
    fc2_b: Tensor,
}

struct BlockCtx {
    wblk: Tensor,
    pw_w: Tensor,
    pw_b: Tensor,
}

/// The pointwise (1x1) convolution's layer kind: the ABI has no Conv3d kind, and a 1x1x1
/// convolution is a per-position linear map, so from 3D on its weight is stored as `[w, w]`.
fn pointwise_kind(dims: usize) -> (LayerKind, Vec<usize>) {
    match dims {
        1 => (LayerKind::Conv1d, vec![1]),
        2 => (LayerKind::Conv2d, vec![1, 1]),
        _ => (LayerKind::Linear, vec![]),
    }
}

const AXIS_NAMES: [&str; 3] = ["x", "y", "z"];

impl Fno {
    /// Builds the network of `variant` from its config TOML, the data description JSON and the
    /// seed.
    pub fn new(variant: &FnoVariant, config: &str, data: &str, seed: u64) -> Result<Self> {
        let cfg = FnoConfig::from_toml(variant, config)?;
        let data = PdeData::from_json(data)?;
        let d = variant.dims;
        if data.spatial.len() != d {
            return Err(Error::Config(format!(
                "{} needs {d} spatial dimension{}, the data description's key 'spatial' has {} ({:?})",
                variant.name,
                if d == 1 { "" } else { "s" },
                data.spatial.len(),
                data.spatial
            )));
        }
        let p = cfg.padding;
        let padded: Vec<usize> = data.spatial.iter().map(|n| n + p).collect();
        for (a, (key, &m)) in mode_keys(d).iter().zip(&cfg.modes).enumerate() {
            let max = max_modes(padded[a], a + 1 == d);
            if m > max {
                let axis = AXIS_NAMES.get(a).copied().unwrap_or("axis");
                return Err(Error::Config(format!(
                    "{key} = {m} does not fit the padded {axis} size {} + {p}: {key} must be <= {max}",
                    data.spatial[a]
                )));
            }
        }
        let device = Device::Cpu;
        let bases = Bases::new(&padded, &cfg.modes, &device)?;
        let (w, c) = (cfg.width, data.channels);
        let lift_in = data.initial_step * c + d;

        // PDEBench trains every FNO parameter (biases included) under Adam's coupled L2 weight
        // decay, so decay = true everywhere to reproduce it; a plan with weight_decay 0 for a
        // group turns it off.
        let mut ps = ParamStore::new(seed, &device);
        ps.group("fc0", LayerKind::Linear, None)?;
        let fc0_w = ps.param("weight", &[w, lift_in], Init::torch_default(lift_in), true)?;
        let fc0_b = ps.param("bias", &[w], Init::torch_default(lift_in), true)?;
        // PDEBench: scale * torch.rand(in, out, modes.., dtype=cfloat), scale = 1/(in*out), so
        // real and imaginary parts are each scale * U(0, 1).
        let spec_init = Init::Uniform { low: 0.0, high: 1.0 / (w * w) as f32 };
        let mut spec_shape = vec![w, w];
        spec_shape.extend(&cfg.modes);
        let corners = 1usize << (d - 1);
        let (pw_kind, taps) = pointwise_kind(d);
        let mut pw_shape = vec![w, w];
        pw_shape.extend(taps);
        let mut blocks = Vec::with_capacity(NUM_BLOCKS);
        for i in 0..NUM_BLOCKS {
            ps.group(&format!("blocks.{i}.spectral"), LayerKind::SpectralComplex, Some(i as u32))?;
            let (mut re, mut im) = (Vec::with_capacity(corners), Vec::with_capacity(corners));
            for j in 0..corners {
                let name = if corners == 1 { "weight".to_string() } else { format!("weight{}", j + 1) };
                re.push(ps.param(&format!("{name}_re"), &spec_shape, spec_init.clone(), true)?);
                im.push(ps.param(&format!("{name}_im"), &spec_shape, spec_init.clone(), true)?);
            }
            ps.group(&format!("blocks.{i}.pointwise"), pw_kind, Some(i as u32))?;
            let pw_weight = ps.param("weight", &pw_shape, Init::torch_default(w), true)?;
            let pw_bias = ps.param("bias", &[w], Init::torch_default(w), true)?;
            blocks.push(Block { re, im, pw_weight, pw_bias });
        }
        ps.group("fc1", LayerKind::Linear, None)?;
        let fc1_w = ps.param("weight", &[FC1_WIDTH, w], Init::torch_default(w), true)?;
        let fc1_b = ps.param("bias", &[FC1_WIDTH], Init::torch_default(w), true)?;
        ps.group("fc2", LayerKind::Linear, None)?;
        let fc2_w = ps.param("weight", &[c, FC1_WIDTH], Init::torch_default(FC1_WIDTH), true)?;
        let fc2_b = ps.param("bias", &[c], Init::torch_default(FC1_WIDTH), true)?;
        Ok(Self { variant: *variant, cfg, data, params: ps, fc0_w, fc0_b, blocks, fc1_w, fc1_b, fc2_w, fc2_b, bases })
    }

    pub fn config(&self) -> &FnoConfig {
        &self.cfg
    }

    pub fn bases(&self) -> &Bases {
        &self.bases
    }

    /// The per-rollout context for a grid `[X.., D]` and batch size `b`.
    pub fn context(&self, grid: &Tensor, b: usize) -> Result<FnoCtx> {
        let d = self.variant.dims;
        let points = grid.elem_count() / d;
        let w = self.cfg.width;
        let sc = self.data.initial_step * self.data.channels;
        let fc0_frames_t = self.fc0_w.narrow(1, 0, sc)?.t()?;
        let coords = if d == 1 { grid.reshape((1, points))? } else { grid.reshape((points, d))?.t()? };
        let grid_lift = self.fc0_w.narrow(1, sc, d)?.matmul(&coords)?.broadcast_add(&self.fc0_b.reshape((w, 1))?)?;
        let blocks = self
            .blocks
            .iter()
            .map(|bl| {
                Ok(BlockCtx {
                    wblk: block_weight(&CornerWeights { re: bl.re.iter().collect(), im: bl.im.iter().collect() })?,
                    pw_w: bl.pw_weight.reshape((w, w))?.broadcast_left(b)?,
                    pw_b: bl.pw_bias.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(FnoCtx {
            fc0_frames_t,
            grid_lift,
            blocks,
            fc1_w: self.fc1_w.broadcast_left(b)?,
            fc1_b: self.fc1_b.clone(),
            fc2_w: self.fc2_w.broadcast_left(b)?,
            fc2_b: self.fc2_b.clone(),
        })
    }

    /// One step `[B, X.., S*C] -> [B, X.., C]`.
    pub fn forward(&self, ctx: &FnoCtx, input: &Tensor) -> Result<Tensor> {
        let dims = input.dims().to_vec();
        let d = self.variant.dims;
        let (b, sc) = (dims[0], dims[d + 1]);
        let spatial = &dims[1..=d];
        let points: usize = spatial.iter().product();
        let (w, p, c) = (self.cfg.width, self.cfg.padding, self.data.channels);
        let padded: Vec<usize> = spatial.iter().map(|n| n + p).collect();
        // fc0 as one matmul on channel-last rows, then to channel-first.
        let h = input.reshape((b * points, sc))?.matmul(&ctx.fc0_frames_t)?;
        let h = relayout(&h, &[b, points, w], &[0, 2, 1], &[b, w, points])?;
        let h = bias_act(&h, &ctx.grid_lift, Act::Identity)?;
        // Activations stay [B, w, N] (N the padded grid, flattened) from here on.
        let mut h = pad_spatial(&h, b, w, spatial, p)?;
        for (i, bl) in ctx.blocks.iter().enumerate() {
            let spec = spectral_conv(&h, &bl.wblk, &self.bases)?;
            let point = bl.pw_w.matmul(&h)?;
            let act = if i + 1 < ctx.blocks.len() { Act::Gelu } else { Act::Identity };
            h = sum_bias_act(&spec, &point, &bl.pw_b, act)?;
        }
        let f = bias_act(&ctx.fc1_w.matmul(&h)?, &ctx.fc1_b, Act::Gelu)?;
        let mut out_shape = vec![b, c];
        out_shape.extend(&padded);
        let mut out = bias_act(&ctx.fc2_w.matmul(&f)?, &ctx.fc2_b, Act::Identity)?.reshape(out_shape)?;
        if p > 0 {
            for (a, &n) in spatial.iter().enumerate() {
                out = out.narrow(2 + a, 0, n)?;
            }
        }
        // [B, C, X..] -> [B, X.., C]
        let perm: Vec<usize> = [0].into_iter().chain(2..2 + d).chain([1]).collect();
        Ok(out.permute(perm)?.contiguous()?)
    }

    fn spectral_weights(&self, i: usize) -> Result<LayerWeights> {
        let bl = &self.blocks[i];
        let flat = |parts: &[Tensor]| -> Result<RVec<f32>> {
            Ok(join_corners(&parts.iter().collect::<Vec<_>>())?.flatten_all()?.to_vec1::<f32>()?.into())
        };
        let w = self.cfg.width as u64;
        // [in, out, M_1, ..., m_D]: both ends of every leading axis, as `join_corners` lays them.
        let d = self.variant.dims;
        let mut shape = vec![w, w];
        shape.extend(self.cfg.modes.iter().enumerate().map(|(a, &m)| if a + 1 < d { 2 * m as u64 } else { m as u64 }));
        Ok(LayerWeights {
            group: format!("blocks.{i}.spectral").into(),
            kind: LayerKind::SpectralComplex,
            block: ROption::RSome(i as u32),
            shape: RVec::from(shape),
            re: flat(&bl.re)?,
            im: flat(&bl.im)?,
        })
    }
}

/// Zero-pads every spatial axis of `h` `[B, w, X..]` (flattened or not) by `p` at its end and
/// returns `[B, w, N]`, N the padded grid flattened (PyTorch `F.pad(x, [0, p, 0, p, ...])`): the
/// last two axes in one op (the last alone in 1D), then each leading axis with the padded ones
/// folded behind it.
fn pad_spatial(h: &Tensor, b: usize, w: usize, spatial: &[usize], p: usize) -> Result<Tensor> {
    let d = spatial.len();
    let mut shape = vec![b, w];
    shape.extend(spatial);
    let h = h.reshape(shape)?;
    let mut h = if d == 1 { pad_last2(&h, 0, p)? } else { pad_last2(&h, p, p)? };
    let mut folded: usize = spatial[d.saturating_sub(2)..].iter().map(|n| n + p).product();
    for a in (0..d.saturating_sub(2)).rev() {
        let mut view = vec![b, w];
        view.extend(&spatial[..=a]);
        view.push(folded);
        h = pad_last2(&h.reshape(view)?, p, 0)?;
        folded *= spatial[a] + p;
    }
    let n: usize = spatial.iter().map(|s| s + p).product();
    Ok(h.reshape((b, w, n))?)
}

impl PdeStep for Fno {
    type Ctx = FnoCtx;

    fn params(&self) -> &ParamStore {
        &self.params
    }

    fn data(&self) -> &PdeData {
        &self.data
    }

    fn config_toml(&self) -> String {
        self.cfg.to_toml()
    }

    fn prepare(&self, batch: &Batch<'_>, u: &Tensor) -> Result<FnoCtx> {
        let d = self.variant.dims;
        let names = ["X", "Y", "Z"];
        let mut shape: Vec<Dim> = self.data.spatial.iter().enumerate().map(|(a, &n)| Dim::Is(names.get(a).copied().unwrap_or("N"), n)).collect();
        shape.push(Dim::Is(if d == 1 { "1" } else if d == 2 { "2" } else { "3" }, d));
        let grid = batch.tensor("grid", &shape, self.params.device())?;
        self.context(&grid, u.dim(0)?)
    }

    fn step(&self, ctx: &FnoCtx, input: &Tensor) -> Result<Tensor> {
        self.forward(ctx, input)
    }

    /// Every layer acts on one sample at a time (no normalisation over the batch).
    fn samples_independent(&self) -> bool {
        true
    }

    fn layer_weights(&self) -> Result<Vec<LayerWeights>> {
        let mut out = vec![real_layer_weights(&self.params, "fc0", "fc0.weight")?];
        for i in 0..self.blocks.len() {
            out.push(self.spectral_weights(i)?);
            let g = format!("blocks.{i}.pointwise");
            out.push(real_layer_weights(&self.params, &g, &format!("{g}.weight"))?);
        }
        out.push(real_layer_weights(&self.params, "fc1", "fc1.weight")?);
        out.push(real_layer_weights(&self.params, "fc2", "fc2.weight")?);
        Ok(out)
    }
}
