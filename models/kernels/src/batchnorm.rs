//! BatchNorm followed by tanh, fused, on channel-major activations `[C, N]` (`N = B*H*W`, see
//! [`crate::cnn`]): the `Conv -> BatchNorm -> Tanh` unit of PDEBench's UNet blocks.
//!
//! - Training ([`batch_norm_tanh`]): `y = tanh(gamma * (x - mean) / sqrt(var + eps) + beta)` with
//!   the batch statistics of each channel (mean and biased variance over its N values, as
//!   PyTorch's `BatchNorm` in `train()` mode). One autograd node with a hand-written backward
//!   (candle-nn's fast norm kernels have none, see reference/rust-stack.md §1); it also returns the
//!   batch statistics so the caller can update its running statistics ([`RunningStats`]).
//! - Evaluation ([`affine_tanh`]): `y = tanh(scale * x + shift)` with the per-channel affine map
//!   that the running statistics give ([`RunningStats::eval_affine`]), as `eval()` mode. No
//!   gradient (only used for predictions).
//!
//! Statistics are accumulated in f64. `tanh` is a vectorizable polynomial/exp evaluation
//! ([`tanh_f32`], error below 2e-7); libm's scalar `tanhf` would be a noticeable share of a UNet
//! step (tens of millions of activations per rollout).

use crate::cpu::{
    contiguous_f32, exp_nonpos, filled_by_chunks, map_filled_chunks, parallel, rows_per_task,
    versions, with_f32, TASK_VALUES,
};
use crate::error::{Error, Result};
use candle_core::{CpuStorage, CustomOp3, Layout, Shape, Tensor};
use rayon::prelude::*;
use std::sync::{Arc, Mutex};

/// PyTorch's `BatchNorm` defaults.
pub const DEFAULT_EPS: f64 = 1e-5;
pub const DEFAULT_MOMENTUM: f64 = 0.1;

/// tanh without branches that block vectorization: the odd Taylor series to x^15 for |x| < 0.55
/// (truncation error < 3e-8 there), `(1 - e) / (1 + e)` with `e = exp(-2|x|)` above (no
/// cancellation since e < 0.34). Absolute error below 2e-7.
#[inline(always)]
pub fn tanh_f32(x: f32) -> f32 {
    let a = x.abs();
    // The polynomial is only used below 0.55; clamping keeps it finite for any input.
    let ap = a.min(0.55);
    let z = ap * ap;
    // Taylor coefficients of tanh: 1, -1/3, 2/15, -17/315, 62/2835, -1382/155925,
    // 21844/6081075, -929569/638512875.
    let poly = ap
        * (1.0
            + z * (-0.333_333_34
                + z * (0.133_333_33
                    + z * (-0.053_968_254
                        + z * (0.021_869_488
                            + z * (-0.008_863_236
                                + z * (0.003_592_128_5 + z * -0.001_455_834_4)))))));
    let e = exp_nonpos(-2.0 * a);
    let big = (1.0 - e) / (1.0 + e);
    let t = if a < 0.55 { poly } else { big };
    t.copysign(x)
}

versions! {
    /// `out = tanh(a * x + b)`, vectorized for the CPU at hand.
    fn affine_tanh_row(x: &[f32], a: f32, b: f32, out: &mut [f32]) {
        for (o, &v) in out.iter_mut().zip(x) {
            *o = tanh_f32(v * a + b);
        }
    }
}

/// Sum of a row in f64, from 8-lane f32 partial sums over blocks of 1024 (vectorizes).
fn row_sum_f64(v: &[f32], mut f: impl FnMut(f32) -> f32) -> f64 {
    let mut total = 0f64;
    for block in v.chunks(1024) {
        let mut acc = [0f32; 8];
        let chunks = block.chunks_exact(8);
        let rest = chunks.remainder();
        for ch in chunks {
            for k in 0..8 {
                acc[k] += f(ch[k]);
            }
        }
        total +=
            f64::from(acc.iter().sum::<f32>()) + rest.iter().map(|&x| f64::from(f(x))).sum::<f64>();
    }
    total
}

/// (mean, biased variance) of a row, two-pass.
fn row_stats(v: &[f32]) -> (f64, f64) {
    let n = v.len().max(1) as f64;
    let mean = row_sum_f64(v, |x| x) / n;
    let m = mean as f32;
    let var = row_sum_f64(v, |x| (x - m) * (x - m)) / n;
    (mean, var)
}

/// Per-channel statistics of one training forward pass.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchStats {
    pub mean: Vec<f32>,
    /// Biased variance (divided by N), the one the forward normalizes with.
    pub var: Vec<f32>,
    /// N: values per channel.
    pub count: usize,
}

impl BatchStats {
    pub fn is_finite(&self) -> bool {
        self.mean.iter().chain(&self.var).all(|v| v.is_finite())
    }
}

fn check(x: &Tensor, p: &[&Tensor], op: &str) -> Result<(usize, usize)> {
    let (c, n) = x
        .dims2()
        .map_err(|_| Error::Param(format!("{op}: input must be [C, N], got {:?}", x.dims())))?;
    for t in p {
        if t.dims() != [c] {
            return Err(Error::Param(format!(
                "{op}: per-channel parameter {:?} does not fit input {:?}",
                t.dims(),
                x.dims()
            )));
        }
    }
    Ok((c, n))
}

/// Training-mode BatchNorm + tanh of `x` `[C, N]` with `gamma`, `beta` `[C]`; returns the output
/// and this batch's statistics. One autograd node (gradients for x, gamma and beta).
pub fn batch_norm_tanh(
    x: &Tensor,
    gamma: &Tensor,
    beta: &Tensor,
    eps: f64,
) -> Result<(Tensor, BatchStats)> {
    let (_, n) = check(x, &[gamma, beta], "batch_norm_tanh")?;
    if n < 2 {
        // PyTorch refuses this too: the variance of one value per channel is meaningless.
        return Err(Error::Param(format!(
            "batch_norm_tanh: needs more than 1 value per channel, got input {:?}",
            x.dims()
        )));
    }
    let sink = Arc::new(Mutex::new(None));
    let op = BnTanh {
        eps,
        sink: Arc::clone(&sink),
    };
    let y = x
        .contiguous()?
        .apply_op3(&gamma.contiguous()?, &beta.contiguous()?, op)?;
    let stats =
        sink.lock().ok().and_then(|mut s| s.take()).ok_or_else(|| {
            Error::Param("batch_norm_tanh: the forward left no statistics".into())
        })?;
    Ok((y, stats))
}

struct BnTanh {
    eps: f64,
    sink: Arc<Mutex<Option<BatchStats>>>,
}

impl BnTanh {
    fn inv_std(&self, var: f64) -> f64 {
        1.0 / (var + self.eps).sqrt()
    }

    /// The backward pass per channel row: `[x, y, dL/dy, gamma]` in, `dL/dx`, `dL/dgamma`,
    /// `dL/dbeta` out. The statistics are recomputed from x (cheaper than keeping them).
    fn backward_rows(
        &self,
        [xs, ys, gs, gam]: [&[f32]; 4],
        n: usize,
        gx: &mut [f32],
        gg: &mut [f32],
        gb: &mut [f32],
    ) {
        let nf = n as f64;
        let row = |(ch, ((dx, dg), db)): (usize, ((&mut [f32], &mut f32), &mut f32))| {
            let span = ch * n..(ch + 1) * n;
            let (xr, yr, gr) = (&xs[span.clone()], &ys[span.clone()], &gs[span]);
            let (mean, var) = row_stats(xr);
            let inv = self.inv_std(var);
            let (m, is) = (mean as f32, inv as f32);
            // dL/d(pre-activation) through tanh, g * (1 - y^2); kept in dx for now.
            for ((d, &g), &y) in dx.iter_mut().zip(gr).zip(yr) {
                *d = g * (1.0 - y * y);
            }
            let sum_g = row_sum_f64(dx, |v| v);
            let mut sum_gx = 0f64;
            for (blk_d, blk_x) in dx.chunks(1024).zip(xr.chunks(1024)) {
                let mut acc = 0f32;
                for (&d, &xv) in blk_d.iter().zip(blk_x) {
                    acc += d * (xv - m);
                }
                sum_gx += f64::from(acc);
            }
            let sum_gxhat = sum_gx * inv; // sum of g * xhat
            *db = sum_g as f32;
            *dg = sum_gxhat as f32;
            // dx = gamma * inv * (g - mean(g) - xhat * mean(g * xhat))
            let k = (f64::from(gam[ch]) * inv) as f32;
            let (c0, c1) = ((sum_g / nf) as f32, (sum_gxhat / nf) as f32);
            for (d, &xv) in dx.iter_mut().zip(xr) {
                let xhat = (xv - m) * is;
                *d = k * (*d - c0 - xhat * c1);
            }
        };
        if parallel() && gx.len() > TASK_VALUES {
            gx.par_chunks_mut(n)
                .zip(gg.par_iter_mut())
                .zip(gb.par_iter_mut())
                .enumerate()
                .for_each(row);
        } else {
            gx.chunks_mut(n)
                .zip(gg.iter_mut())
                .zip(gb.iter_mut())
                .enumerate()
                .for_each(row);
        }
    }
}

impl CustomOp3 for BnTanh {
    fn name(&self) -> &'static str {
        "batch-norm-tanh"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
        s3: &CpuStorage,
        l3: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = contiguous_f32(s1, l1, self.name())?;
        let gamma = contiguous_f32(s2, l2, self.name())?;
        let beta = contiguous_f32(s3, l3, self.name())?;
        let (c, n) = l1.shape().dims2()?;
        // Whole channels per task; the output is zeroed in the tasks, not before them.
        let rows = rows_per_task(n, TASK_VALUES);
        let (out, stats) = map_filled_chunks(c * n, rows * n, |t, o| {
            o.chunks_mut(n)
                .enumerate()
                .map(|(k, o)| {
                    let ch = t * rows + k;
                    let xr = &x[ch * n..(ch + 1) * n];
                    let (mean, var) = row_stats(xr);
                    let a = f64::from(gamma[ch]) * self.inv_std(var);
                    let b = f64::from(beta[ch]) - mean * a;
                    affine_tanh_row(xr, a as f32, b as f32, o);
                    (mean, var)
                })
                .collect::<Vec<_>>()
        });
        let stats: Vec<(f64, f64)> = stats.into_iter().flatten().collect();
        if let Ok(mut s) = self.sink.lock() {
            *s = Some(BatchStats {
                mean: stats.iter().map(|s| s.0 as f32).collect(),
                var: stats.iter().map(|s| s.1 as f32).collect(),
                count: n,
            });
        }
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        gamma: &Tensor,
        _beta: &Tensor,
        res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        let (c, n) = x.dims2()?;
        let mut gx = vec![0f32; c * n];
        let mut gg = vec![0f32; c];
        let mut gb = vec![0f32; c];
        with_f32(x, |xs| {
            with_f32(res, |ys| {
                with_f32(grad, |gs| {
                    with_f32(gamma, |gam| {
                        self.backward_rows([xs, ys, gs, gam], n, &mut gx, &mut gg, &mut gb);
                        Ok(())
                    })
                })
            })
        })?;
        let dev = x.device();
        Ok((
            Some(Tensor::from_vec(gx, (c, n), dev)?),
            Some(Tensor::from_vec(gg, c, dev)?),
            Some(Tensor::from_vec(gb, c, dev)?),
        ))
    }
}

/// Evaluation-mode BatchNorm + tanh: `tanh(scale[c] * x + shift[c])` for `x` `[C, N]`. No autograd
/// (predictions only).
pub fn affine_tanh(x: &Tensor, scale: &Tensor, shift: &Tensor) -> Result<Tensor> {
    check(x, &[scale, shift], "affine_tanh")?;
    Ok(x.contiguous()?
        .apply_op3_no_bwd(&scale.contiguous()?, &shift.contiguous()?, &AffineTanh)?)
}

struct AffineTanh;

impl CustomOp3 for AffineTanh {
    fn name(&self) -> &'static str {
        "affine-tanh"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
        s3: &CpuStorage,
        l3: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = contiguous_f32(s1, l1, self.name())?;
        let a = contiguous_f32(s2, l2, self.name())?;
        let b = contiguous_f32(s3, l3, self.name())?;
        let (c, n) = l1.shape().dims2()?;
        let rows = rows_per_task(n, TASK_VALUES);
        let out = filled_by_chunks(c * n, rows * n, |t, o| {
            for (k, o) in o.chunks_mut(n).enumerate() {
                let ch = t * rows + k;
                affine_tanh_row(&x[ch * n..(ch + 1) * n], a[ch], b[ch], o)
            }
        });
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }
}

/// A BatchNorm layer's running statistics (PyTorch's `running_mean` / `running_var` buffers:
/// start at 0 and 1, updated with momentum after every training forward, the variance update
/// using the unbiased batch variance).
#[derive(Debug, Clone, PartialEq)]
pub struct RunningStats {
    pub mean: Vec<f32>,
    pub var: Vec<f32>,
}

impl RunningStats {
    /// PyTorch's initial values.
    pub fn new(channels: usize) -> Self {
        Self {
            mean: vec![0.0; channels],
            var: vec![1.0; channels],
        }
    }

    /// `running = (1 - momentum) * running + momentum * batch` (variance: unbiased, N/(N-1)).
    pub fn update(&mut self, batch: &BatchStats, momentum: f64) -> Result<()> {
        if batch.mean.len() != self.mean.len() || batch.var.len() != self.var.len() {
            return Err(Error::Param(format!(
                "running statistics of {} channels cannot take batch statistics of {}",
                self.mean.len(),
                batch.mean.len()
            )));
        }
        let unbias = batch.count as f64 / (batch.count.max(2) - 1) as f64;
        for (r, &b) in self.mean.iter_mut().zip(&batch.mean) {
            *r = ((1.0 - momentum) * f64::from(*r) + momentum * f64::from(b)) as f32;
        }
        for (r, &b) in self.var.iter_mut().zip(&batch.var) {
            *r = ((1.0 - momentum) * f64::from(*r) + momentum * f64::from(b) * unbias) as f32;
        }
        Ok(())
    }

    /// The evaluation-mode affine map `(scale, shift)` with `scale = gamma / sqrt(var + eps)`,
    /// `shift = beta - mean * scale`.
    pub fn eval_affine(&self, gamma: &[f32], beta: &[f32], eps: f64) -> (Vec<f32>, Vec<f32>) {
        let scale: Vec<f32> = gamma
            .iter()
            .zip(&self.var)
            .map(|(&g, &v)| (f64::from(g) / (f64::from(v) + eps).sqrt()) as f32)
            .collect();
        let shift = beta
            .iter()
            .zip(&self.mean)
            .zip(&scale)
            .map(|((&b, &m), &s)| (f64::from(b) - f64::from(m) * f64::from(s)) as f32)
            .collect();
        (scale, shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::probe_grads;
    use candle_core::{Device, Var, D};

    #[test]
    fn tanh_is_accurate_everywhere() {
        let mut worst = 0f64;
        for i in -200_000..=200_000 {
            let x = i as f32 * 1e-4 * (1.0 + (i as f32).abs() * 1e-5);
            let want = f64::from(x).tanh();
            let got = f64::from(tanh_f32(x));
            worst = worst.max((got - want).abs());
            if x.abs() < 0.55 && x != 0.0 {
                assert!(
                    ((got - want) / want).abs() < 1e-6,
                    "tanh({x}) = {got}, want {want}"
                );
            }
        }
        assert!(worst < 2e-7, "max abs error {worst}");
        for x in [0.0f32, 1e-30, -1e-30, 20.0, -20.0, 100.0, -1e6] {
            assert!(
                (f64::from(tanh_f32(x)) - f64::from(x).tanh()).abs() < 1e-7,
                "{x}"
            );
        }
        assert_eq!(tanh_f32(-0.0).to_bits(), (-0.0f32).to_bits());
    }

    fn vals(k: usize, n: usize, scale: f32) -> Vec<f32> {
        (0..n)
            .map(|i| ((((i * 31 + k * 17) % 23) as f32) - 11.0) / 5.0 * scale + 0.3)
            .collect()
    }

    /// Channels are split into tasks of whole rows: 5 channels of 16384 values are three tasks
    /// at 2 threads, with the statistics and outputs of one.
    #[test]
    fn row_tasks_give_the_serial_results() {
        let dev = Device::Cpu;
        let (c, n) = (5, 16_384);
        let x = Tensor::from_vec(vals(3, c * n, 1.3), (c, n), &dev).unwrap();
        let gamma = Tensor::from_vec(vec![0.5f32, -1.2, 2.0, 1.0, 0.3], c, &dev).unwrap();
        let beta = Tensor::from_vec(vec![0.1f32, 0.0, -0.4, 0.2, 0.0], c, &dev).unwrap();
        let run = |threads| {
            crate::cpu::with_threads(threads, || {
                let (y, stats) = batch_norm_tanh(&x, &gamma, &beta, 1e-5).unwrap();
                let z = affine_tanh(&x, &gamma, &beta).unwrap();
                let flat = |t: Tensor| t.flatten_all().unwrap().to_vec1::<f32>().unwrap();
                (flat(y), stats.mean, stats.var, flat(z))
            })
        };
        assert_eq!(run(2), run(1));
    }

    /// The fused op against the same formula in plain candle ops: values, statistics, gradients.
    #[test]
    fn batch_norm_tanh_matches_candle_ops() {
        let dev = Device::Cpu;
        let (c, n) = (3, 40);
        let x = Var::from_vec(vals(1, c * n, 1.7), (c, n), &dev).unwrap();
        let gamma = Var::from_vec(vec![0.5f32, -1.2, 2.0], c, &dev).unwrap();
        let beta = Var::from_vec(vec![0.1f32, 0.0, -0.4], c, &dev).unwrap();
        let probe = Tensor::from_vec(vals(2, c * n, 1.0), (c, n), &dev).unwrap();
        let (ours, stats) = batch_norm_tanh(&x, &gamma, &beta, 1e-5).unwrap();
        let mean = x.mean_keepdim(D::Minus1).unwrap();
        let xc = x.broadcast_sub(&mean).unwrap();
        let var = xc.sqr().unwrap().mean_keepdim(D::Minus1).unwrap();
        let plain = xc
            .broadcast_div(&(var.clone() + 1e-5).unwrap().sqrt().unwrap())
            .unwrap()
            .broadcast_mul(&gamma.reshape((c, 1)).unwrap())
            .unwrap()
            .broadcast_add(&beta.reshape((c, 1)).unwrap())
            .unwrap()
            .tanh()
            .unwrap();
        let d = (&ours - &plain)
            .unwrap()
            .abs()
            .unwrap()
            .flatten_all()
            .unwrap()
            .max(0)
            .unwrap()
            .to_scalar::<f32>()
            .unwrap();
        assert!(d < 1e-6, "forward differs by {d}");
        let want_mean = mean.flatten_all().unwrap().to_vec1::<f32>().unwrap();
        let want_var = var.flatten_all().unwrap().to_vec1::<f32>().unwrap();
        for k in 0..c {
            assert!((stats.mean[k] - want_mean[k]).abs() < 1e-6);
            assert!((stats.var[k] - want_var[k]).abs() < 1e-5);
        }
        assert_eq!(stats.count, n);
        let go = probe_grads(&ours, &probe);
        let gp = probe_grads(&plain, &probe);
        for v in [&x, &gamma, &beta] {
            let a = go
                .get(v)
                .unwrap()
                .flatten_all()
                .unwrap()
                .to_vec1::<f32>()
                .unwrap();
            let b = gp
                .get(v)
                .unwrap()
                .flatten_all()
                .unwrap()
                .to_vec1::<f32>()
                .unwrap();
            for (p, q) in a.iter().zip(&b) {
                assert!((p - q).abs() < 2e-5 * (1.0 + q.abs()), "{p} vs {q}");
            }
            assert!(b.iter().any(|q| q.abs() > 1e-3), "a trivial gradient check");
        }
        assert!(batch_norm_tanh(&x, &beta.reshape((3, 1)).unwrap(), &beta, 1e-5).is_err());
        let one = Tensor::zeros((3, 1), candle_core::DType::F32, &dev).unwrap();
        assert!(batch_norm_tanh(&one, &gamma, &beta, 1e-5).is_err());
    }

    #[test]
    fn running_statistics_follow_pytorch_and_give_the_eval_affine_map() {
        let mut r = RunningStats::new(2);
        let batch = BatchStats {
            mean: vec![1.0, -2.0],
            var: vec![4.0, 0.5],
            count: 5,
        };
        r.update(&batch, 0.1).unwrap();
        assert!((r.mean[0] - 0.1).abs() < 1e-7 && (r.mean[1] + 0.2).abs() < 1e-7);
        // 0.9 * 1 + 0.1 * 4 * 5/4
        assert!((r.var[0] - 1.4).abs() < 1e-6);
        assert!((r.var[1] - (0.9 + 0.1 * 0.5 * 1.25)).abs() < 1e-6);
        assert!(r
            .update(
                &BatchStats {
                    mean: vec![0.0],
                    var: vec![1.0],
                    count: 2
                },
                0.1
            )
            .is_err());
        // Eval-mode output equals the training formula with the running statistics in place.
        let (scale, shift) = r.eval_affine(&[2.0, 0.5], &[0.3, -0.1], 1e-5);
        let dev = Device::Cpu;
        let x = Tensor::from_vec(vec![0.5f32, -1.0, 2.0, 0.25], (2, 2), &dev).unwrap();
        let y = affine_tanh(
            &x,
            &Tensor::from_vec(scale, 2, &dev).unwrap(),
            &Tensor::from_vec(shift, 2, &dev).unwrap(),
        )
        .unwrap()
        .to_vec2::<f32>()
        .unwrap();
        let want = |v: f32, ch: usize, g: f32, b: f32| {
            (g * (v - r.mean[ch]) / (r.var[ch] + 1e-5).sqrt() + b).tanh()
        };
        assert!((y[0][1] - want(-1.0, 0, 2.0, 0.3)).abs() < 1e-6);
        assert!((y[1][0] - want(2.0, 1, 0.5, -0.1)).abs() < 1e-6);
    }
}
