//! PDEBench's FNO1d (its `FNO1d` class) as a [`PdeStep`]:
//!
//! ```text
//! [B, X, S*C] ++ grid [X, 1] -> fc0 Linear(S*C+1 -> width)
//!   -> pad x by `padding` on the right (F.pad(x, [0, p]))
//!   -> 4 x (SpectralConv1d + Conv1d k=1), GELU between layers, not after the last
//!   -> fc1 Linear(width -> 128) -> GELU -> fc2 Linear(128 -> C) -> unpad -> [B, X, C]
//! ```
//!
//! Layout as in fno2d: fc0 is one matmul on the channel-last rows `[B*X, S*C]`, moved to
//! channel-first `[B, width, X]` by one copy; the grid column of fc0 and its bias are one
//! per-position bias `[width, X]` computed once per rollout. The Fourier layers, fc1 and fc2 stay
//! channel-first, where the k=1 convolutions and the Linear layers are batched matmuls with a
//! broadcast weight and each bias + activation is one fused op. fc1 and fc2 run on the padded
//! line (pointwise, so this equals unpadding first) and only the C-channel output is cropped.

use crate::config::Fno1dConfig;
use crate::spectral::{block_weight, spectral_conv1d, Bases1d};
use candle_core::{Device, Tensor};
use model_runtime::ops::{bias_act, pad_last2, relayout, sum_bias_act, Act};
use model_runtime::{
    real_layer_weights, Batch, Dim, Error, Init, ParamStore, PdeData, PdeStep, Result,
};
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{LayerKind, LayerWeights};

/// Hidden width of fc1 (fixed in PDEBench's FNO1d).
pub const FC1_WIDTH: usize = 128;
/// Number of Fourier layers (fixed in PDEBench's FNO1d).
pub const NUM_BLOCKS: usize = 4;

struct Block {
    w_re: Tensor,
    w_im: Tensor,
    pw_weight: Tensor,
    pw_bias: Tensor,
}

/// The fno1d network.
pub struct Fno1d {
    cfg: Fno1dConfig,
    data: PdeData,
    params: ParamStore,
    fc0_w: Tensor,
    fc0_b: Tensor,
    blocks: Vec<Block>,
    fc1_w: Tensor,
    fc1_b: Tensor,
    fc2_w: Tensor,
    fc2_b: Tensor,
    bases: Bases1d,
}

/// Values shared by every step of one rollout: the lifted grid and the weights in the layout the
/// forward uses.
pub struct Fno1dCtx {
    /// fc0's weight columns for the S*C frame channels, transposed: `[S*C, w]`.
    fc0_frames_t: Tensor,
    /// fc0 applied to the grid coordinate plus fc0's bias: `[w, X]`.
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

impl Fno1d {
    /// Builds the network from its config TOML, the data description JSON and the seed.
    pub fn new(config: &str, data: &str, seed: u64) -> Result<Self> {
        let cfg = Fno1dConfig::from_toml(config)?;
        let data = PdeData::from_json(data)?;
        if data.spatial.len() != 1 {
            return Err(Error::Config(format!(
                "this FNO needs 1 spatial dimension, the data description's key 'spatial' has {} ({:?})",
                data.spatial.len(),
                data.spatial
            )));
        }
        let n = data.spatial[0] + cfg.padding;
        if cfg.modes > n / 2 + 1 {
            return Err(Error::Config(format!(
                "modes = {} does not fit the padded length {} + {}: modes must be <= {}",
                cfg.modes,
                data.spatial[0],
                cfg.padding,
                n / 2 + 1
            )));
        }
        let device = Device::Cpu;
        let bases = Bases1d::new(n, cfg.modes, &device)?;
        let (w, c) = (cfg.width, data.channels);
        let lift_in = data.initial_step * c + 1;

        // PDEBench trains every FNO parameter under Adam's coupled L2 weight decay.
        let mut ps = ParamStore::new(seed, &device);
        ps.group("fc0", LayerKind::Linear, None)?;
        let fc0_w = ps.param("weight", &[w, lift_in], Init::torch_default(lift_in), true)?;
        let fc0_b = ps.param("bias", &[w], Init::torch_default(lift_in), true)?;
        // PDEBench: scale * torch.rand(in, out, modes, dtype=cfloat), scale = 1/(in*out): real and
        // imaginary parts are each scale * U(0, 1).
        let spec_init = Init::Uniform {
            low: 0.0,
            high: 1.0 / (w * w) as f32,
        };
        let mut blocks = Vec::with_capacity(NUM_BLOCKS);
        for i in 0..NUM_BLOCKS {
            ps.group(
                &format!("blocks.{i}.spectral"),
                LayerKind::SpectralComplex,
                Some(i as u32),
            )?;
            let w_re = ps.param("weight_re", &[w, w, cfg.modes], spec_init.clone(), true)?;
            let w_im = ps.param("weight_im", &[w, w, cfg.modes], spec_init.clone(), true)?;
            ps.group(
                &format!("blocks.{i}.pointwise"),
                LayerKind::Conv1d,
                Some(i as u32),
            )?;
            let pw_weight = ps.param("weight", &[w, w, 1], Init::torch_default(w), true)?;
            let pw_bias = ps.param("bias", &[w], Init::torch_default(w), true)?;
            blocks.push(Block {
                w_re,
                w_im,
                pw_weight,
                pw_bias,
            });
        }
        ps.group("fc1", LayerKind::Linear, None)?;
        let fc1_w = ps.param("weight", &[FC1_WIDTH, w], Init::torch_default(w), true)?;
        let fc1_b = ps.param("bias", &[FC1_WIDTH], Init::torch_default(w), true)?;
        ps.group("fc2", LayerKind::Linear, None)?;
        let fc2_w = ps.param(
            "weight",
            &[c, FC1_WIDTH],
            Init::torch_default(FC1_WIDTH),
            true,
        )?;
        let fc2_b = ps.param("bias", &[c], Init::torch_default(FC1_WIDTH), true)?;
        Ok(Self {
            cfg,
            data,
            params: ps,
            fc0_w,
            fc0_b,
            blocks,
            fc1_w,
            fc1_b,
            fc2_w,
            fc2_b,
            bases,
        })
    }

    pub fn config(&self) -> &Fno1dConfig {
        &self.cfg
    }

    pub fn bases(&self) -> &Bases1d {
        &self.bases
    }

    /// The per-rollout context for a grid `[X, 1]` and batch size `b`.
    pub fn context(&self, grid: &Tensor, b: usize) -> Result<Fno1dCtx> {
        let (x, _) = grid.dims2()?;
        let w = self.cfg.width;
        let sc = self.data.initial_step * self.data.channels;
        let fc0_frames_t = self.fc0_w.narrow(1, 0, sc)?.t()?;
        let grid_lift = self
            .fc0_w
            .narrow(1, sc, 1)?
            .matmul(&grid.reshape((1, x))?)?
            .broadcast_add(&self.fc0_b.reshape((w, 1))?)?;
        let blocks = self
            .blocks
            .iter()
            .map(|bl| {
                Ok(BlockCtx {
                    wblk: block_weight(&bl.w_re, &bl.w_im)?,
                    pw_w: bl.pw_weight.reshape((w, w))?.broadcast_left(b)?,
                    pw_b: bl.pw_bias.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Fno1dCtx {
            fc0_frames_t,
            grid_lift,
            blocks,
            fc1_w: self.fc1_w.broadcast_left(b)?,
            fc1_b: self.fc1_b.clone(),
            fc2_w: self.fc2_w.broadcast_left(b)?,
            fc2_b: self.fc2_b.clone(),
        })
    }

    /// One step `[B, X, S*C] -> [B, X, C]`.
    pub fn forward(&self, ctx: &Fno1dCtx, input: &Tensor) -> Result<Tensor> {
        let (b, x, sc) = input.dims3()?;
        let (w, p, c) = (self.cfg.width, self.cfg.padding, self.data.channels);
        let n = x + p;
        let h = input.reshape((b * x, sc))?.matmul(&ctx.fc0_frames_t)?;
        let h = relayout(&h, &[b, x, w], &[0, 2, 1], &[b, w, x])?;
        let h = bias_act(&h, &ctx.grid_lift, Act::Identity)?;
        let mut h = pad_last2(&h, 0, p)?;
        for (i, bl) in ctx.blocks.iter().enumerate() {
            let spec = spectral_conv1d(&h, &bl.wblk, &self.bases)?;
            let point = bl.pw_w.matmul(&h)?;
            let act = if i + 1 < ctx.blocks.len() {
                Act::Gelu
            } else {
                Act::Identity
            };
            h = sum_bias_act(&spec, &point, &bl.pw_b, act)?;
        }
        let f = bias_act(&ctx.fc1_w.matmul(&h)?, &ctx.fc1_b, Act::Gelu)?;
        let out = bias_act(&ctx.fc2_w.matmul(&f)?, &ctx.fc2_b, Act::Identity)?;
        debug_assert_eq!(out.dims(), &[b, c, n]);
        let out = if p > 0 { out.narrow(2, 0, x)? } else { out };
        Ok(out.permute((0, 2, 1))?.contiguous()?)
    }

    fn spectral_weights(&self, i: usize) -> Result<LayerWeights> {
        let bl = &self.blocks[i];
        let flat =
            |t: &Tensor| -> Result<RVec<f32>> { Ok(t.flatten_all()?.to_vec1::<f32>()?.into()) };
        let w = self.cfg.width as u64;
        Ok(LayerWeights {
            group: format!("blocks.{i}.spectral").into(),
            kind: LayerKind::SpectralComplex,
            block: ROption::RSome(i as u32),
            shape: RVec::from(vec![w, w, self.cfg.modes as u64]),
            re: flat(&bl.w_re)?,
            im: flat(&bl.w_im)?,
        })
    }
}

impl PdeStep for Fno1d {
    type Ctx = Fno1dCtx;

    fn params(&self) -> &ParamStore {
        &self.params
    }

    fn data(&self) -> &PdeData {
        &self.data
    }

    fn config_toml(&self) -> String {
        self.cfg.to_toml()
    }

    fn prepare(&self, batch: &Batch<'_>, u: &Tensor) -> Result<Fno1dCtx> {
        let x = self.data.spatial[0];
        let grid = batch.tensor(
            "grid",
            &[Dim::Is("X", x), Dim::Is("1", 1)],
            self.params.device(),
        )?;
        self.context(&grid, u.dim(0)?)
    }

    fn step(&self, ctx: &Fno1dCtx, input: &Tensor) -> Result<Tensor> {
        self.forward(ctx, input)
    }

    fn layer_weights(&self) -> Result<Vec<LayerWeights>> {
        let mut out = vec![real_layer_weights(&self.params, "fc0", "fc0.weight")?];
        for i in 0..self.blocks.len() {
            out.push(self.spectral_weights(i)?);
            let g = format!("blocks.{i}.pointwise");
            out.push(real_layer_weights(
                &self.params,
                &g,
                &format!("{g}.weight"),
            )?);
        }
        out.push(real_layer_weights(&self.params, "fc1", "fc1.weight")?);
        out.push(real_layer_weights(&self.params, "fc2", "fc2.weight")?);
        Ok(out)
    }
}
