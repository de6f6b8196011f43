//! The UNet network: configuration, parameters, forward pass, BatchNorm buffers (see the crate
//! docs for the architecture and the choices).

use crate::pushforward::pushforward_loss;
use model_kernels::activation::{bias_act, Act};
use model_kernels::batchnorm::{
    affine_tanh, batch_norm_tanh, BatchStats, RunningStats, DEFAULT_EPS, DEFAULT_MOMENTUM,
};
use model_kernels::cnn::{conv_same, conv_transpose_stride, max_pool, Grid};
use model_kernels::layout::relayout;
use model_runtime::buffers::{BufferedCore, Buffers};
use model_runtime::config::{parse_table, shown};
use model_runtime::{real_layer_weights, Batch, Error, Init, ModelCore, ParamStore, PdeData, Result, StepCtx};
use candle_core::{Device, Tensor};
use plugin_api::{LayerKind, LayerWeights};
use std::cell::RefCell;

/// Encoder levels (PDEBench: 4, so spatial sizes must be divisible by 2^4).
pub const LEVELS: usize = 4;
/// Kernel size of the block convolutions.
pub const KERNEL: usize = 3;

/// What `engine plugins describe unet1d|unet2d` prints; parsing it gives the defaults.
pub const DEFAULT_CONFIG: &str = "\
# Channels of the first encoder level; level l has init_features * 2^(l-1) channels and the
# bottleneck 16x (PDEBench: 32).
init_features = 32
# PDEBench's pushforward trick: only the last `unroll_step` predicted frames are trained on, the
# frames before them are predicted without gradient (PDEBench's configs: true, 20). With
# initial_step 10 and t_train 21 every predicted frame is trained, i.e. full backpropagation.
pushforward = true
unroll_step = 20
";

/// Resolved configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UNetConfig {
    pub init_features: usize,
    pub pushforward: bool,
    pub unroll_step: usize,
}

impl Default for UNetConfig {
    fn default() -> Self {
        Self {
            init_features: 32,
            pushforward: true,
            unroll_step: 20,
        }
    }
}

const KEYS: [&str; 3] = ["init_features", "pushforward", "unroll_step"];

impl UNetConfig {
    /// Parses the model's config section; empty text gives the defaults.
    pub fn from_toml(text: &str) -> Result<Self> {
        let table = parse_table(text)?;
        let mut cfg = Self::default();
        for (key, value) in &table {
            match key.as_str() {
                "init_features" | "unroll_step" => {
                    let n = value.as_integer().filter(|&n| n >= 1).ok_or_else(|| {
                        Error::Config(format!(
                            "config key '{key}' must be a positive integer, got {}",
                            shown(value)
                        ))
                    })? as usize;
                    if key == "init_features" {
                        cfg.init_features = n;
                    } else {
                        cfg.unroll_step = n;
                    }
                }
                "pushforward" => {
                    cfg.pushforward = value.as_bool().ok_or_else(|| {
                        Error::Config(format!(
                            "config key 'pushforward' must be true or false, got {}",
                            shown(value)
                        ))
                    })?;
                }
                _ => {
                    return Err(Error::Config(format!(
                        "config has unknown key '{key}' (known keys: {})",
                        KEYS.join(", ")
                    )))
                }
            }
        }
        Ok(cfg)
    }

    /// The resolved configuration as TOML (stored in checkpoints).
    pub fn to_toml(&self) -> String {
        format!(
            "init_features = {}\npushforward = {}\nunroll_step = {}\n",
            self.init_features, self.pushforward, self.unroll_step
        )
    }
}

/// A conv (no bias) followed by BatchNorm + tanh.
struct ConvNorm {
    weight: Tensor,
    norm: usize,
}

struct Stage {
    c1: ConvNorm,
    c2: ConvNorm,
}

struct Up {
    weight: Tensor,
    bias: Tensor,
}

struct Norm {
    group: String,
    gamma: Tensor,
    beta: Tensor,
    mean_buf: usize,
    var_buf: usize,
}

/// How the BatchNorms run in one forward pass.
enum Mode<'a> {
    /// Batch statistics, collected (norm index, statistics) in forward order.
    Train(&'a RefCell<Vec<(usize, BatchStats)>>),
    /// The running statistics' affine maps `(scale, shift)`, one per norm.
    Eval(&'a [(Tensor, Tensor)]),
}

/// The UNet (1D or 2D).
pub struct UNet {
    dims: usize,
    cfg: UNetConfig,
    data: PdeData,
    params: ParamStore,
    buffers: Buffers,
    encoders: Vec<Stage>,
    bottleneck: Stage,
    ups: Vec<Up>,
    decoders: Vec<Stage>,
    head_w: Tensor,
    head_b: Tensor,
    norms: Vec<Norm>,
    /// Groups whose weights are exported for spectral analysis, in model order.
    conv_groups: Vec<String>,
}

struct Builder<'a> {
    ps: &'a mut ParamStore,
    buffers: &'a mut Buffers,
    norms: &'a mut Vec<Norm>,
    conv_groups: &'a mut Vec<String>,
    kind: LayerKind,
    dims: usize,
}

impl Builder<'_> {
    /// `k` in 2D is `[k, k]`, in 1D `[k]`.
    fn kernel(&self, k: usize) -> Vec<usize> {
        vec![k; self.dims]
    }

    fn conv_norm(
        &mut self,
        stage: &str,
        j: usize,
        ci: usize,
        co: usize,
        block: u32,
    ) -> Result<ConvNorm> {
        let group = format!("{stage}.conv{j}");
        self.ps.group(&group, self.kind, Some(block))?;
        let mut shape = vec![co, ci];
        shape.extend(self.kernel(KERNEL));
        let fan_in = ci * KERNEL.pow(self.dims as u32);
        let weight = self
            .ps
            .param("weight", &shape, Init::torch_default(fan_in), true)?;
        self.conv_groups.push(group);
        let ngroup = format!("{stage}.norm{j}");
        self.ps.group(&ngroup, LayerKind::Norm, Some(block))?;
        let gamma = self.ps.param("weight", &[co], Init::Constant(1.0), true)?;
        let beta = self.ps.param("bias", &[co], Init::Zeros, true)?;
        let stats = RunningStats::new(co);
        let mean_buf =
            self.buffers
                .declare(&format!("{ngroup}.running_mean"), &[co], stats.mean)?;
        let var_buf = self
            .buffers
            .declare(&format!("{ngroup}.running_var"), &[co], stats.var)?;
        self.norms.push(Norm {
            group: ngroup,
            gamma,
            beta,
            mean_buf,
            var_buf,
        });
        Ok(ConvNorm {
            weight,
            norm: self.norms.len() - 1,
        })
    }

    fn stage(&mut self, stage: &str, ci: usize, co: usize, block: u32) -> Result<Stage> {
        Ok(Stage {
            c1: self.conv_norm(stage, 1, ci, co, block)?,
            c2: self.conv_norm(stage, 2, co, co, block)?,
        })
    }
}

impl UNet {
    /// Builds the `dims`-dimensional UNet (1 or 2) from its config TOML, the data description
    /// JSON and the seed.
    pub fn new(dims: usize, config: &str, data: &str, seed: u64) -> Result<Self> {
        if !(1..=2).contains(&dims) {
            return Err(Error::Config(format!(
                "a UNet has 1 or 2 spatial dimensions, not {dims}"
            )));
        }
        let cfg = UNetConfig::from_toml(config)?;
        let data = PdeData::from_json(data)?;
        if data.spatial.len() != dims {
            return Err(Error::Config(format!(
                "this UNet needs {dims} spatial dimension{}, the data description's key 'spatial' has {} ({:?})",
                if dims == 1 { "" } else { "s" },
                data.spatial.len(),
                data.spatial
            )));
        }
        let div = 1usize << LEVELS;
        if data.spatial.iter().any(|&n| n % div != 0) {
            return Err(Error::Config(format!(
                "every spatial size must be divisible by {div} ({LEVELS} max-poolings by 2), the data description's key 'spatial' is {:?}",
                data.spatial
            )));
        }
        let kind = if dims == 1 {
            LayerKind::Conv1d
        } else {
            LayerKind::Conv2d
        };
        let device = Device::Cpu;
        let mut ps = ParamStore::new(seed, &device);
        let mut buffers = Buffers::new();
        let mut norms = Vec::new();
        let mut conv_groups = Vec::new();
        let f = cfg.init_features;
        let c = data.channels;
        let mut b = Builder {
            ps: &mut ps,
            buffers: &mut buffers,
            norms: &mut norms,
            conv_groups: &mut conv_groups,
            kind,
            dims,
        };
        let mut encoders = Vec::with_capacity(LEVELS);
        let mut ci = data.initial_step * c;
        for l in 0..LEVELS {
            let co = f << l;
            encoders.push(b.stage(&format!("encoder{}", l + 1), ci, co, l as u32)?);
            ci = co;
        }
        let bottleneck = b.stage("bottleneck", ci, f << LEVELS, LEVELS as u32)?;
        let mut ups = Vec::with_capacity(LEVELS);
        let mut decoders = Vec::with_capacity(LEVELS);
        for l in (0..LEVELS).rev() {
            let block = (2 * LEVELS - l) as u32;
            let (cin, co) = (f << (l + 1), f << l);
            b.ps.group(&format!("upconv{}", l + 1), LayerKind::Other, Some(block))?;
            let mut shape = vec![cin, co];
            shape.extend(b.kernel(2));
            // PyTorch's fan_in for a transposed conv weight [Ci, Co, k..] is Co * prod(k).
            let init = Init::torch_default(co * (1 << dims));
            let weight = b.ps.param("weight", &shape, init.clone(), true)?;
            let bias = b.ps.param("bias", &[co], init, true)?;
            ups.push(Up { weight, bias });
            decoders.push(b.stage(&format!("decoder{}", l + 1), 2 * co, co, block)?);
        }
        b.ps.group("head", kind, None)?;
        let mut shape = vec![c, f];
        shape.extend(b.kernel(1));
        let head_w = b.ps.param("weight", &shape, Init::torch_default(f), true)?;
        let head_b = b.ps.param("bias", &[c], Init::torch_default(f), true)?;
        conv_groups.push("head".into());
        Ok(Self {
            dims,
            cfg,
            data,
            params: ps,
            buffers,
            encoders,
            bottleneck,
            ups,
            decoders,
            head_w,
            head_b,
            norms,
            conv_groups,
        })
    }

    pub fn config(&self) -> &UNetConfig {
        &self.cfg
    }

    pub fn data(&self) -> &PdeData {
        &self.data
    }

    /// Pooling / upsampling factors `(fh, fw)`.
    fn factors(&self) -> (usize, usize) {
        if self.dims == 1 {
            (1, 2)
        } else {
            (2, 2)
        }
    }

    fn kernel_hw(&self) -> (usize, usize) {
        if self.dims == 1 {
            (1, KERNEL)
        } else {
            (KERNEL, KERNEL)
        }
    }

    fn conv_norm(&self, x: &Tensor, cn: &ConvNorm, grid: Grid, mode: &Mode<'_>) -> Result<Tensor> {
        let (kh, kw) = self.kernel_hw();
        let h = conv_same(x, &cn.weight, grid, kh, kw)?;
        let norm = &self.norms[cn.norm];
        match mode {
            Mode::Train(stats) => {
                if grid.n() < 2 {
                    return Err(Error::Batch(format!(
                        "BatchNorm '{}' would see 1 value per channel in training (batch {} on a {}x{} grid at that level): use a batch of at least 2",
                        norm.group, grid.b, grid.h, grid.w
                    )));
                }
                let (y, s) = batch_norm_tanh(&h, &norm.gamma, &norm.beta, DEFAULT_EPS)?;
                stats.borrow_mut().push((cn.norm, s));
                Ok(y)
            }
            Mode::Eval(affine) => {
                let (scale, shift) = &affine[cn.norm];
                Ok(affine_tanh(&h, scale, shift)?)
            }
        }
    }

    fn stage(&self, x: &Tensor, st: &Stage, grid: Grid, mode: &Mode<'_>) -> Result<Tensor> {
        let h = self.conv_norm(x, &st.c1, grid, mode)?;
        self.conv_norm(&h, &st.c2, grid, mode)
    }

    /// One step `[B, X(, Y), S*C]` -> `[B, X(, Y), C]`.
    fn forward(&self, input: &Tensor, mode: &Mode<'_>) -> Result<Tensor> {
        let dims = input.dims().to_vec();
        if dims.len() != self.dims + 2 {
            return Err(Error::Batch(format!(
                "the one-step input must be [B, spatial.., S*C] with {} spatial axes, got {dims:?}",
                self.dims
            )));
        }
        let (b, sc) = (dims[0], dims[dims.len() - 1]);
        let (h, w) = if self.dims == 1 {
            (1, dims[1])
        } else {
            (dims[1], dims[2])
        };
        let (fh, fw) = self.factors();
        let mut grid = Grid::new(b, h, w);
        let p = h * w;
        let mut x = relayout(input, &[b, p, sc], &[2, 0, 1], &[sc, b * p])?;
        let mut skips = Vec::with_capacity(LEVELS);
        for (l, st) in self.encoders.iter().enumerate() {
            if l > 0 {
                x = max_pool(&x, grid, fh, fw)?;
                grid = grid.pooled(fh, fw);
            }
            x = self.stage(&x, st, grid, mode)?;
            skips.push((x.clone(), grid));
        }
        x = max_pool(&x, grid, fh, fw)?;
        grid = grid.pooled(fh, fw);
        x = self.stage(&x, &self.bottleneck, grid, mode)?;
        for (up, st) in self.ups.iter().zip(&self.decoders) {
            let (skip, sgrid) = skips.pop().expect("one skip per level");
            let u = conv_transpose_stride(&x, &up.weight, grid, fh, fw)?;
            let (co, n) = u.dims2()?;
            let u = bias_act(&u.reshape((1, co, n))?, &up.bias, Act::Identity)?.reshape((co, n))?;
            grid = sgrid;
            // torch.cat((upsampled, skip), dim=1)
            x = Tensor::cat(&[&u, &skip], 0)?;
            x = self.stage(&x, st, grid, mode)?;
        }
        let c = self.data.channels;
        let n = grid.n();
        let f = self.cfg.init_features;
        let out = self.head_w.reshape((c, f))?.matmul(&x)?;
        let out = bias_act(&out.reshape((1, c, n))?, &self.head_b, Act::Identity)?;
        let mut out_shape = dims;
        *out_shape.last_mut().expect("rank >= 3") = c;
        Ok(relayout(&out, &[c, b, p], &[1, 2, 0], &out_shape)?)
    }

    /// One step in training mode (batch statistics); returns the prediction and the statistics of
    /// every BatchNorm, in forward order. Tests and benchmarks use it; training uses
    /// [`ModelCore::loss`].
    pub fn forward_train(&self, input: &Tensor) -> Result<(Tensor, Vec<(usize, BatchStats)>)> {
        let stats = RefCell::new(Vec::new());
        let y = self.forward(input, &Mode::Train(&stats))?;
        Ok((y, stats.into_inner()))
    }

    /// One step in evaluation mode (running statistics).
    pub fn forward_eval(&self, input: &Tensor) -> Result<Tensor> {
        let affine = self.eval_affine()?;
        self.forward(input, &Mode::Eval(&affine))
    }

    fn eval_affine(&self) -> Result<Vec<(Tensor, Tensor)>> {
        let values = self.buffers.values();
        let dev = self.params.device();
        self.norms
            .iter()
            .map(|n| {
                let rs = RunningStats {
                    mean: values[n.mean_buf].clone(),
                    var: values[n.var_buf].clone(),
                };
                let gamma = n.gamma.to_vec1::<f32>()?;
                let beta = n.beta.to_vec1::<f32>()?;
                let (scale, shift) = rs.eval_affine(&gamma, &beta, DEFAULT_EPS);
                let c = scale.len();
                Ok((
                    Tensor::from_vec(scale, c, dev)?,
                    Tensor::from_vec(shift, c, dev)?,
                ))
            })
            .collect()
    }

    /// Applies the statistics of the training forward passes, in order, to the running
    /// statistics (PyTorch updates them at every forward in train mode). Statistics with a
    /// non-finite value are not applied: a diverging step must not poison the buffers.
    fn update_running(&self, stats: &[(usize, BatchStats)]) -> Result<()> {
        if !stats.iter().all(|(_, s)| s.is_finite()) {
            return Ok(());
        }
        self.buffers.update(|values| {
            for (k, s) in stats {
                let n = &self.norms[*k];
                let mut rs = RunningStats {
                    mean: std::mem::take(&mut values[n.mean_buf]),
                    var: std::mem::take(&mut values[n.var_buf]),
                };
                let res = rs.update(s, DEFAULT_MOMENTUM);
                values[n.mean_buf] = rs.mean;
                values[n.var_buf] = rs.var;
                res?;
            }
            Ok(())
        })
    }

    fn trajectory(&self, batch: &Batch<'_>) -> Result<Tensor> {
        let u = batch.tensor("u", &self.data.u_dims(), self.params.device())?;
        let tax = u.rank() - 2;
        Ok(u.narrow(tax, 0, self.data.t_train)?)
    }

    /// `unroll_step` when pushforward is on.
    pub fn unroll(&self) -> Option<usize> {
        self.cfg.pushforward.then_some(self.cfg.unroll_step)
    }

    /// The training loss and the BatchNorm statistics of its forward passes, without touching
    /// the running statistics.
    pub fn loss_and_stats(&self, batch: &Batch<'_>) -> Result<(Tensor, Vec<(usize, BatchStats)>)> {
        let u = self.trajectory(batch)?;
        let stats = RefCell::new(Vec::new());
        let loss = pushforward_loss(&self.data.rollout(), &u, self.unroll(), |x| {
            self.forward(x, &Mode::Train(&stats))
        })?;
        Ok((loss, stats.into_inner()))
    }
}

impl ModelCore for UNet {
    fn params(&self) -> &ParamStore {
        &self.params
    }

    fn config_toml(&self) -> String {
        self.cfg.to_toml()
    }

    fn loss(&self, batch: &Batch<'_>, ctx: &StepCtx) -> Result<Tensor> {
        let (loss, stats) = self.loss_and_stats(batch)?;
        // SAM's second pass runs at perturbed weights: PyTorch SAM code commonly keeps it from
        // updating the BatchNorm statistics, and so do we.
        if ctx.pass == 0 {
            self.update_running(&stats)?;
        }
        Ok(loss)
    }

    fn predict(&self, batch: &Batch<'_>) -> Result<Vec<(String, Tensor)>> {
        let u = self.trajectory(batch)?;
        let affine = self.eval_affine()?;
        let pred = self
            .data
            .rollout()
            .predict(&u, |x| self.forward(x, &Mode::Eval(&affine)))?;
        Ok(vec![("pred".to_string(), pred)])
    }

    fn layer_weights(&self) -> Result<Vec<LayerWeights>> {
        self.conv_groups
            .iter()
            .map(|g| real_layer_weights(&self.params, g, &format!("{g}.weight")))
            .collect()
    }
}

impl BufferedCore for UNet {
    fn buffers(&self) -> &Buffers {
        &self.buffers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_defaults_round_trip_and_errors_name_the_key() {
        assert_eq!(UNetConfig::from_toml("").unwrap(), UNetConfig::default());
        assert_eq!(
            UNetConfig::from_toml(DEFAULT_CONFIG).unwrap(),
            UNetConfig::default()
        );
        let c = UNetConfig::from_toml("init_features = 8\npushforward = false").unwrap();
        assert_eq!(
            (c.init_features, c.pushforward, c.unroll_step),
            (8, false, 20)
        );
        assert_eq!(UNetConfig::from_toml(&c.to_toml()).unwrap(), c);
        let cases = [
            (
                "features = 3",
                "unknown key 'features' (known keys: init_features, pushforward, unroll_step)",
            ),
            (
                "init_features = 0",
                "key 'init_features' must be a positive integer, got 0",
            ),
            (
                "unroll_step = \"all\"",
                "key 'unroll_step' must be a positive integer, got the string \"all\"",
            ),
            (
                "pushforward = 1",
                "key 'pushforward' must be true or false, got 1",
            ),
            ("init_features = ", "not valid TOML"),
        ];
        for (text, want) in cases {
            let e = UNetConfig::from_toml(text).unwrap_err().to_string();
            assert!(e.contains(want), "{text}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
