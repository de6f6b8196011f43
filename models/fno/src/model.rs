//! PDEBench's FNO2d (tempbalance-spec.md §4) as a [`PdeStep`]:
//!
//! ```text
//! [B, X, Y, S*C] ++ grid [X, Y, 2] -> fc0 Linear(S*C+2 -> width)
//!   -> pad x and y by `padding` on the right/bottom (F.pad(x, [0, p, 0, p]))
//!   -> 4 x (SpectralConv2d + Conv2d 1x1), GELU between layers, not after the last
//!   -> fc1 Linear(width -> 128) -> GELU -> fc2 Linear(128 -> C) -> unpad -> [B, X, Y, C]
//! ```
//!
//! Layout: fc0 is one matmul on the channel-last rows `[B*X*Y, S*C]`, moved to channel-first
//! `[B, width, X*Y]` by one copy. The Fourier layers, fc1 and fc2 stay channel-first with the
//! spatial axes flattened (`[B, channels, H*W]`), where the 1x1 convolutions and the Linear layers
//! are batched matmuls with a broadcast weight and each bias + activation is one fused op. fc1
//! and fc2 run on the padded grid (they are pointwise, so this equals unpadding first) and only
//! the small C-channel output is cropped and permuted back.

use crate::config::FnoConfig;
use crate::spectral::{block_weight, spectral_conv, Bases};
use candle_core::{Device, Tensor};
use model_runtime::ops::{bias_act, pad_last2, relayout, sum_bias_act, Act};
use model_runtime::{
    real_layer_weights, Batch, Dim, Error, Init, ParamStore, PdeData, PdeStep, Result,
};
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{LayerKind, LayerWeights};

/// Hidden width of fc1 (fixed in PDEBench's FNO2d).
pub const FC1_WIDTH: usize = 128;
/// Number of Fourier layers (fixed in PDEBench's FNO2d).
pub const NUM_BLOCKS: usize = 4;

struct Block {
    w1_re: Tensor,
    w1_im: Tensor,
    w2_re: Tensor,
    w2_im: Tensor,
    pw_weight: Tensor,
    pw_bias: Tensor,
}

/// The fno2d network.
pub struct Fno2d {
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
pub struct Fno2dCtx {
    /// fc0's weight columns for the S*C frame channels, transposed: `[S*C, w]`.
    fc0_frames_t: Tensor,
    /// fc0 applied to the grid coordinates plus fc0's bias: `[w, X*Y]`.
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

impl Fno2d {
    /// Builds the network from its config TOML, the data description JSON and the seed.
    pub fn new(config: &str, data: &str, seed: u64) -> Result<Self> {
        let cfg = FnoConfig::from_toml(config)?;
        let data = PdeData::from_json(data)?;
        if data.spatial.len() != 2 {
            return Err(Error::Config(format!(
                "fno2d needs 2 spatial dimensions, the data description has {} ({:?})",
                data.spatial.len(),
                data.spatial
            )));
        }
        let (x, y, p) = (data.spatial[0], data.spatial[1], cfg.padding);
        if 2 * cfg.modes1 > x + p {
            return Err(Error::Config(format!(
                "modes1 = {} does not fit the padded x size {x} + {p}: modes1 must be <= {}",
                cfg.modes1,
                (x + p) / 2
            )));
        }
        if cfg.modes2 > (y + p) / 2 + 1 {
            return Err(Error::Config(format!(
                "modes2 = {} does not fit the padded y size {y} + {p}: modes2 must be <= {}",
                cfg.modes2,
                (y + p) / 2 + 1
            )));
        }
        let device = Device::Cpu;
        let bases = Bases::new(x + p, y + p, cfg.modes1, cfg.modes2, &device)?;
        let (w, c) = (cfg.width, data.channels);
        let lift_in = data.initial_step * c + 2;

        // PDEBench trains every FNO parameter (biases included) under Adam's coupled L2 weight
        // decay, so decay = true everywhere to reproduce it; a plan with weight_decay 0 for a
        // group turns it off.
        let mut ps = ParamStore::new(seed, &device);
        ps.group("fc0", LayerKind::Linear, None)?;
        let fc0_w = ps.param("weight", &[w, lift_in], Init::torch_default(lift_in), true)?;
        let fc0_b = ps.param("bias", &[w], Init::torch_default(lift_in), true)?;
        // PDEBench: scale * torch.rand(in, out, m1, m2, dtype=cfloat), scale = 1/(in*out), so real
        // and imaginary parts are each scale * U(0, 1).
        let scale = 1.0 / (w * w) as f32;
        let spec_init = Init::Uniform {
            low: 0.0,
            high: scale,
        };
        let spec_shape = [w, w, cfg.modes1, cfg.modes2];
        let mut blocks = Vec::with_capacity(NUM_BLOCKS);
        for i in 0..NUM_BLOCKS {
            ps.group(
                &format!("blocks.{i}.spectral"),
                LayerKind::SpectralComplex,
                Some(i as u32),
            )?;
            let w1_re = ps.param("weight1_re", &spec_shape, spec_init.clone(), true)?;
            let w1_im = ps.param("weight1_im", &spec_shape, spec_init.clone(), true)?;
            let w2_re = ps.param("weight2_re", &spec_shape, spec_init.clone(), true)?;
            let w2_im = ps.param("weight2_im", &spec_shape, spec_init.clone(), true)?;
            ps.group(
                &format!("blocks.{i}.pointwise"),
                LayerKind::Conv2d,
                Some(i as u32),
            )?;
            let pw_weight = ps.param("weight", &[w, w, 1, 1], Init::torch_default(w), true)?;
            let pw_bias = ps.param("bias", &[w], Init::torch_default(w), true)?;
            blocks.push(Block {
                w1_re,
                w1_im,
                w2_re,
                w2_im,
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

    pub fn config(&self) -> &FnoConfig {
        &self.cfg
    }

    pub fn bases(&self) -> &Bases {
        &self.bases
    }

    /// The per-rollout context for a grid `[X, Y, 2]` and batch size `b`.
    pub fn context(&self, grid: &Tensor, b: usize) -> Result<Fno2dCtx> {
        let (x, y, _) = grid.dims3()?;
        let w = self.cfg.width;
        let sc = self.data.initial_step * self.data.channels;
        let fc0_frames_t = self.fc0_w.narrow(1, 0, sc)?.t()?;
        let grid_lift = self
            .fc0_w
            .narrow(1, sc, 2)?
            .matmul(&grid.reshape((x * y, 2))?.t()?)?
            .broadcast_add(&self.fc0_b.reshape((w, 1))?)?;
        let blocks = self
            .blocks
            .iter()
            .map(|bl| {
                Ok(BlockCtx {
                    wblk: block_weight(&bl.w1_re, &bl.w1_im, &bl.w2_re, &bl.w2_im)?,
                    pw_w: bl.pw_weight.reshape((w, w))?.broadcast_left(b)?,
                    pw_b: bl.pw_bias.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Fno2dCtx {
            fc0_frames_t,
            grid_lift,
            blocks,
            fc1_w: self.fc1_w.broadcast_left(b)?,
            fc1_b: self.fc1_b.clone(),
            fc2_w: self.fc2_w.broadcast_left(b)?,
            fc2_b: self.fc2_b.clone(),
        })
    }

    /// One step `[B, X, Y, S*C] -> [B, X, Y, C]`.
    pub fn forward(&self, ctx: &Fno2dCtx, input: &Tensor) -> Result<Tensor> {
        let (b, x, y, sc) = input.dims4()?;
        let (w, p, c) = (self.cfg.width, self.cfg.padding, self.data.channels);
        let (hh, ww) = (x + p, y + p);
        // fc0 as one matmul on channel-last rows, then to channel-first.
        let h = input.reshape((b * x * y, sc))?.matmul(&ctx.fc0_frames_t)?;
        let h = relayout(&h, &[b, x * y, w], &[0, 2, 1], &[b, w, x * y])?;
        let h = bias_act(&h, &ctx.grid_lift, Act::Identity)?;
        // Activations stay [B, w, H*W] from here on.
        let mut h = pad_last2(&h.reshape((b, w, x, y))?, p, p)?.reshape((b, w, hh * ww))?;
        for (i, bl) in ctx.blocks.iter().enumerate() {
            let spec = spectral_conv(&h, &bl.wblk, &self.bases)?;
            let point = bl.pw_w.matmul(&h)?;
            let act = if i + 1 < ctx.blocks.len() {
                Act::Gelu
            } else {
                Act::Identity
            };
            h = sum_bias_act(&spec, &point, &bl.pw_b, act)?;
        }
        let f = bias_act(&ctx.fc1_w.matmul(&h)?, &ctx.fc1_b, Act::Gelu)?;
        let out =
            bias_act(&ctx.fc2_w.matmul(&f)?, &ctx.fc2_b, Act::Identity)?.reshape((b, c, hh, ww))?;
        let out = if p > 0 {
            out.narrow(2, 0, x)?.narrow(3, 0, y)?
        } else {
            out
        };
        Ok(out.permute((0, 2, 3, 1))?.contiguous()?)
    }

    fn spectral_weights(&self, i: usize) -> Result<LayerWeights> {
        let bl = &self.blocks[i];
        let flat = |a: &Tensor, b: &Tensor| -> Result<RVec<f32>> {
            Ok(Tensor::cat(&[a, b], 2)?
                .flatten_all()?
                .to_vec1::<f32>()?
                .into())
        };
        let w = self.cfg.width as u64;
        Ok(LayerWeights {
            group: format!("blocks.{i}.spectral").into(),
            kind: LayerKind::SpectralComplex,
            block: ROption::RSome(i as u32),
            shape: RVec::from(vec![
                w,
                w,
                2 * self.cfg.modes1 as u64,
                self.cfg.modes2 as u64,
            ]),
            re: flat(&bl.w1_re, &bl.w2_re)?,
            im: flat(&bl.w1_im, &bl.w2_im)?,
        })
    }
}

impl PdeStep for Fno2d {
    type Ctx = Fno2dCtx;

    fn params(&self) -> &ParamStore {
        &self.params
    }

    fn data(&self) -> &PdeData {
        &self.data
    }

    fn config_toml(&self) -> String {
        self.cfg.to_toml()
    }

    fn prepare(&self, batch: &Batch<'_>, u: &Tensor) -> Result<Fno2dCtx> {
        let (x, y) = (self.data.spatial[0], self.data.spatial[1]);
        let grid = batch.tensor(
            "grid",
            &[Dim::Is("X", x), Dim::Is("Y", y), Dim::Is("2", 2)],
            self.params.device(),
        )?;
        self.context(&grid, u.dim(0)?)
    }

    fn step(&self, ctx: &Fno2dCtx, input: &Tensor) -> Result<Tensor> {
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
