//! Activations fused with the layer tail, each one autograd node with a hand-written backward.
//!
//! - [`gelu`]: the exact (erf) GELU of PyTorch's `F.gelu`, as a fused custom op. candle's own
//!   `gelu_erf` evaluates a scalar libm `erf` per element forward and builds its derivative from
//!   about ten separate elementwise tensor ops backward; on an FNO rollout (tens of millions of
//!   activations per step) that dominated the step time. Here forward and backward are one pass
//!   each, with an erf/exp evaluation that vectorizes (AVX-512 or AVX2, chosen at run time).
//! - [`bias_act`] and [`sum_bias_act`]: `act(x (+ y) + bias)` on channel-first `[B, C, N]`
//!   activations, the tail of every Linear/Conv layer. With candle ops this is two or three graph
//!   nodes, and the bias gradient goes through `broadcast_as`'s backward, a strided `sum_keepdim`
//!   that took 11% of an FNO training step. Here it is one node, and its backward computes the
//!   input gradient and the bias gradient in one pass.

use crate::cpu::{
    contiguous_f32, exp_nonpos, filled_by_chunks, row_sum, rows_per_task, versions, with_f32,
    TASK_VALUES,
};
use crate::error::{Error, Result};
use candle_core::{CpuStorage, CustomOp1, CustomOp2, CustomOp3, Layout, Shape, Tensor};

/// Exact GELU, `0.5 x (1 + erf(x / sqrt 2))`, with a fused backward pass. f32 only.
pub fn gelu(x: &Tensor) -> Result<Tensor> {
    Ok(x.contiguous()?.apply_op1(GeluErf)?)
}

const SQRT_HALF: f32 = std::f32::consts::FRAC_1_SQRT_2;
/// 1 / sqrt(2 pi)
const INV_SQRT_2PI: f32 = 0.398_942_3;

/// Returns (Phi(x), phi(x)) = (0.5 (1 + erf(x/sqrt2)), exp(-x^2/2)/sqrt(2 pi)). erf by
/// Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7, the approximation PyTorch's vectorized
/// CPU erf uses); for x < 0, Phi is evaluated as 0.5 erfc(|z|) directly to avoid cancellation.
#[inline(always)]
fn phi_pair(x: f32) -> (f32, f32) {
    let z = x.abs() * SQRT_HALF;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = ((((1.061_405_4 * t - 1.453_152) * t + 1.421_413_7) * t - 0.284_496_74) * t
        + 0.254_829_6)
        * t;
    let e = exp_nonpos(-z * z);
    let half_erfc = 0.5 * poly * e;
    let cdf = if x >= 0.0 { 1.0 - half_erfc } else { half_erfc };
    (cdf, e * INV_SQRT_2PI)
}

versions! {
    fn fwd_chunk(x: &[f32], y: &mut [f32]) {
        for (yi, &xi) in y.iter_mut().zip(x) {
            *yi = xi * phi_pair(xi).0;
        }
    }

    fn bwd_chunk(x: &[f32], g: &[f32], out: &mut [f32]) {
        for ((oi, &xi), &gi) in out.iter_mut().zip(x).zip(g) {
            let (cdf, pdf) = phi_pair(xi);
            *oi = gi * (cdf + xi * pdf);
        }
    }
}

struct GeluErf;

impl CustomOp1 for GeluErf {
    fn name(&self) -> &'static str {
        "gelu-erf-fused"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = contiguous_f32(s, l, self.name())?;
        let y = filled_by_chunks(x.len(), TASK_VALUES, |t, y| {
            fwd_chunk(&x[t * TASK_VALUES..t * TASK_VALUES + y.len()], y)
        });
        Ok((CpuStorage::F32(y), l.shape().clone()))
    }

    fn bwd(
        &self,
        arg: &Tensor,
        _res: &Tensor,
        grad_res: &Tensor,
    ) -> candle_core::Result<Option<Tensor>> {
        Ok(Some(
            arg.contiguous()?
                .apply_op2_no_bwd(&grad_res.contiguous()?, &GeluGrad)?,
        ))
    }
}

/// grad_in = grad_out * gelu'(x); no backward of its own (no second derivatives needed).
struct GeluGrad;

impl CustomOp2 for GeluGrad {
    fn name(&self) -> &'static str {
        "gelu-erf-grad"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = contiguous_f32(s1, l1, self.name())?;
        let g = contiguous_f32(s2, l2, self.name())?;
        if x.len() != g.len() {
            candle_core::bail!(
                "{}: shapes differ ({:?} vs {:?})",
                self.name(),
                l1.shape(),
                l2.shape()
            )
        }
        let out = filled_by_chunks(x.len(), TASK_VALUES, |t, o| {
            let span = t * TASK_VALUES..t * TASK_VALUES + o.len();
            bwd_chunk(&x[span.clone()], &g[span], o)
        });
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }
}

/// The activation applied by [`bias_act`] and [`sum_bias_act`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Identity,
    /// Exact (erf) GELU.
    Gelu,
}

/// `act(x + bias)` for channel-first `x` `[B, C, N]`, with `bias` `[C]` (per channel, a Linear or
/// Conv bias) or `[C, N]` (per channel and position), broadcast over the batch. One autograd node.
pub fn bias_act(x: &Tensor, bias: &Tensor, act: Act) -> Result<Tensor> {
    let op = BiasAct::new(x, None, bias, act)?;
    Ok(x.contiguous()?.apply_op2(&bias.contiguous()?, op)?)
}

/// `act(x + y + bias)`, shapes as in [`bias_act`] (`y` like `x`). One autograd node.
pub fn sum_bias_act(x: &Tensor, y: &Tensor, bias: &Tensor, act: Act) -> Result<Tensor> {
    let op = BiasAct::new(x, Some(y), bias, act)?;
    Ok(x.contiguous()?
        .apply_op3(&y.contiguous()?, &bias.contiguous()?, op)?)
}

#[derive(Debug, Clone, Copy)]
struct BiasAct {
    act: Act,
    c: usize,
    n: usize,
    per_position: bool,
}

impl BiasAct {
    fn new(x: &Tensor, y: Option<&Tensor>, bias: &Tensor, act: Act) -> Result<Self> {
        let bad = |what: String| Error::Param(format!("bias_act: {what}"));
        let (_, c, n) = x
            .dims3()
            .map_err(|_| bad(format!("input must be [B, C, N], got {:?}", x.dims())))?;
        if let Some(y) = y {
            if y.dims() != x.dims() {
                return Err(bad(format!(
                    "summands differ in shape: {:?} vs {:?}",
                    x.dims(),
                    y.dims()
                )));
            }
        }
        let per_position = match bias.dims() {
            [bc] if *bc == c => false,
            [bc, bn] if *bc == c && *bn == n => true,
            other => {
                return Err(bad(format!(
                    "bias {other:?} fits neither [C] = [{c}] nor [C, N] = [{c}, {n}]"
                )))
            }
        };
        Ok(Self {
            act,
            c,
            n,
            per_position,
        })
    }

    fn forward(&self, x: &[f32], y: Option<&[f32]>, bias: &[f32]) -> Vec<f32> {
        let rows = rows_per_task(self.n, TASK_VALUES);
        filled_by_chunks(x.len(), rows * self.n, |t, o| {
            let r0 = t * rows;
            let span = r0 * self.n..r0 * self.n + o.len();
            fwd_rows(self, r0, &x[span.clone()], y.map(|y| &y[span]), bias, o);
        })
    }

    /// (gradient of the pre-activation, or None when it equals `grad`; bias gradient).
    fn backward(
        &self,
        x: &[f32],
        y: Option<&[f32]>,
        bias: &[f32],
        grad: &[f32],
    ) -> (Option<Vec<f32>>, Vec<f32>) {
        let (c, n) = (self.c, self.n);
        let rows = grad.len() / n;
        let gpre = match self.act {
            Act::Identity => None,
            Act::Gelu => {
                let task_rows = rows_per_task(n, TASK_VALUES);
                let g = filled_by_chunks(grad.len(), task_rows * n, |t, o| {
                    let r0 = t * task_rows;
                    let span = r0 * n..r0 * n + o.len();
                    bwd_rows(
                        self,
                        r0,
                        &x[span.clone()],
                        y.map(|y| &y[span.clone()]),
                        bias,
                        &grad[span],
                        o,
                    );
                });
                Some(g)
            }
        };
        let g: &[f32] = gpre.as_deref().unwrap_or(grad);
        let gb = if self.per_position {
            let mut gb = vec![0f32; c * n];
            for r in 0..rows {
                let ch = r % c;
                gb[ch * n..(ch + 1) * n]
                    .iter_mut()
                    .zip(&g[r * n..(r + 1) * n])
                    .for_each(|(a, b)| *a += b);
            }
            gb
        } else {
            let mut acc = vec![0f64; c];
            for r in 0..rows {
                acc[r % c] += f64::from(row_sum(&g[r * n..(r + 1) * n]));
            }
            acc.into_iter().map(|v| v as f32).collect()
        };
        (gpre, gb)
    }
}

#[inline(always)]
fn pre_activation(
    op: &BiasAct,
    r: usize,
    x: &[f32],
    y: Option<&[f32]>,
    bias: &[f32],
    o: &mut [f32],
) {
    let ch = r % op.c;
    match (y, op.per_position) {
        (None, false) => {
            let b = bias[ch];
            o.iter_mut().zip(x).for_each(|(o, &x)| *o = x + b);
        }
        (Some(y), false) => {
            let b = bias[ch];
            o.iter_mut()
                .zip(x)
                .zip(y)
                .for_each(|((o, &x), &y)| *o = x + y + b);
        }
        (None, true) => {
            let b = &bias[ch * op.n..(ch + 1) * op.n];
            o.iter_mut()
                .zip(x)
                .zip(b)
                .for_each(|((o, &x), &b)| *o = x + b);
        }
        (Some(y), true) => {
            let b = &bias[ch * op.n..(ch + 1) * op.n];
            o.iter_mut()
                .zip(x)
                .zip(y)
                .zip(b)
                .for_each(|(((o, &x), &y), &b)| *o = x + y + b);
        }
    }
}

versions! {
    fn fwd_rows(
        op: &BiasAct,
        r0: usize,
        x: &[f32],
        y: Option<&[f32]>,
        bias: &[f32],
        out: &mut [f32],
    ) {
        let n = op.n;
        for (i, o) in out.chunks_mut(n).enumerate() {
            let span = i * n..i * n + o.len();
            pre_activation(op, r0 + i, &x[span.clone()], y.map(|y| &y[span]), bias, o);
            if op.act == Act::Gelu {
                o.iter_mut().for_each(|v| *v *= phi_pair(*v).0);
            }
        }
    }

    fn bwd_rows(
        op: &BiasAct,
        r0: usize,
        x: &[f32],
        y: Option<&[f32]>,
        bias: &[f32],
        grad: &[f32],
        out: &mut [f32],
    ) {
        let n = op.n;
        for (i, o) in out.chunks_mut(n).enumerate() {
            let span = i * n..i * n + o.len();
            pre_activation(
                op,
                r0 + i,
                &x[span.clone()],
                y.map(|y| &y[span.clone()]),
                bias,
                o,
            );
            o.iter_mut().zip(&grad[span]).for_each(|(v, &g)| {
                let (cdf, pdf) = phi_pair(*v);
                *v = g * (cdf + *v * pdf);
            });
        }
    }
}

impl BiasAct {
    fn grads(
        &self,
        x: &Tensor,
        y: Option<&Tensor>,
        bias: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Tensor, Tensor)> {
        let (gpre, gb) = with_f32(x, |xs| {
            with_f32(bias, |bs| {
                with_f32(grad, |gs| match y {
                    Some(y) => with_f32(y, |ys| Ok(self.backward(xs, Some(ys), bs, gs))),
                    None => Ok(self.backward(xs, None, bs, gs)),
                })
            })
        })?;
        let gx = match gpre {
            Some(g) => Tensor::from_vec(g, x.shape(), x.device())?,
            None => grad.clone(),
        };
        Ok((gx, Tensor::from_vec(gb, bias.shape(), bias.device())?))
    }
}

impl CustomOp2 for BiasAct {
    fn name(&self) -> &'static str {
        "bias-act"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = contiguous_f32(s1, l1, "bias-act")?;
        let b = contiguous_f32(s2, l2, "bias-act")?;
        Ok((
            CpuStorage::F32(self.forward(x, None, b)),
            l1.shape().clone(),
        ))
    }

    fn bwd(
        &self,
        x: &Tensor,
        bias: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>)> {
        let (gx, gb) = self.grads(x, None, bias, grad)?;
        Ok((Some(gx), Some(gb)))
    }
}

impl CustomOp3 for BiasAct {
    fn name(&self) -> &'static str {
        "sum-bias-act"
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
        let x = contiguous_f32(s1, l1, "sum-bias-act")?;
        let y = contiguous_f32(s2, l2, "sum-bias-act")?;
        let b = contiguous_f32(s3, l3, "sum-bias-act")?;
        Ok((
            CpuStorage::F32(self.forward(x, Some(y), b)),
            l1.shape().clone(),
        ))
    }

    fn bwd(
        &self,
        x: &Tensor,
        y: &Tensor,
        bias: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        let (gx, gb) = self.grads(x, Some(y), bias, grad)?;
        Ok((Some(gx.clone()), Some(gx), Some(gb)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::probe_grads;
    use candle_core::{Device, Var};

    fn erf64(x: f64) -> f64 {
        candle_core::cpu::erf::erf_f64(x)
    }

    #[test]
    fn gelu_matches_erf_definition_and_its_derivative() {
        let xs: Vec<f32> = (-1200..=1200)
            .map(|i| i as f32 * 0.01)
            .chain([-90.0, -30.0, 0.0, 30.0, 90.0])
            .collect();
        let v = Var::from_vec(xs.clone(), xs.len(), &Device::Cpu).unwrap();
        let y = gelu(v.as_tensor()).unwrap();
        let ys = y.to_vec1::<f32>().unwrap();
        let grads = y.sum_all().unwrap().backward().unwrap();
        let gs = grads.get(v.as_tensor()).unwrap().to_vec1::<f32>().unwrap();
        for ((&x, &y), &g) in xs.iter().zip(&ys).zip(&gs) {
            let xd = f64::from(x);
            let cdf = 0.5 * (1.0 + erf64(xd / 2f64.sqrt()));
            let want = xd * cdf;
            let dwant = cdf + xd * (-xd * xd / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
            assert!(
                (f64::from(y) - want).abs() <= 3e-7 * (1.0 + xd.abs()),
                "gelu({x}) = {y}, want {want}"
            );
            assert!(
                (f64::from(g) - dwant).abs() <= 5e-7 * (1.0 + xd.abs()),
                "gelu'({x}) = {g}, want {dwant}"
            );
        }
    }

    /// The fused ops against the same computation in plain candle ops, values and gradients.
    #[test]
    fn fused_bias_act_matches_candle_ops() {
        let dev = Device::Cpu;
        let (b, c, n) = (3, 4, 37);
        let vals = |k: usize, m: usize| -> Vec<f32> {
            (0..m)
                .map(|i| (((i * 31 + k * 17) % 23) as f32 - 11.0) / 5.0)
                .collect()
        };
        for act in [Act::Identity, Act::Gelu] {
            for per_position in [false, true] {
                for with_y in [false, true] {
                    let x = Var::from_vec(vals(1, b * c * n), (b, c, n), &dev).unwrap();
                    let y = Var::from_vec(vals(2, b * c * n), (b, c, n), &dev).unwrap();
                    let bias = if per_position {
                        Var::from_vec(vals(3, c * n), (c, n), &dev).unwrap()
                    } else {
                        Var::from_vec(vals(3, c), c, &dev).unwrap()
                    };
                    let probe = Tensor::from_vec(vals(4, b * c * n), (b, c, n), &dev).unwrap();
                    let fused = if with_y {
                        sum_bias_act(&x, &y, &bias, act).unwrap()
                    } else {
                        bias_act(&x, &bias, act).unwrap()
                    };
                    let bb = if per_position {
                        bias.as_tensor().clone()
                    } else {
                        bias.reshape((c, 1)).unwrap()
                    };
                    let mut pre = x.broadcast_add(&bb).unwrap();
                    if with_y {
                        pre = (pre + y.as_tensor()).unwrap();
                    }
                    let plain = match act {
                        Act::Identity => pre,
                        Act::Gelu => pre.gelu_erf().unwrap(),
                    };
                    let diff = (&fused - &plain)
                        .unwrap()
                        .abs()
                        .unwrap()
                        .max_all()
                        .unwrap()
                        .to_scalar::<f32>()
                        .unwrap();
                    assert!(
                        diff < 1e-5,
                        "{act:?} per_position={per_position} y={with_y}: forward differs by {diff}"
                    );
                    let gf = probe_grads(&fused, &probe);
                    let gp = probe_grads(&plain, &probe);
                    let mut vars = vec![&x, &bias];
                    if with_y {
                        vars.push(&y);
                    }
                    for v in vars {
                        let a = gf.get(v.as_tensor()).unwrap();
                        let e = gp.get(v.as_tensor()).unwrap();
                        let d = (a - e)
                            .unwrap()
                            .abs()
                            .unwrap()
                            .max_all()
                            .unwrap()
                            .to_scalar::<f32>()
                            .unwrap();
                        assert!(d < 1e-4, "{act:?} per_position={per_position} y={with_y}: gradient differs by {d}");
                    }
                }
            }
        }
        assert!(bias_act(
            &Tensor::zeros((2, 3, 4), candle_core::DType::F32, &dev).unwrap(),
            &Tensor::zeros(4, candle_core::DType::F32, &dev).unwrap(),
            Act::Gelu
        )
        .is_err());
    }
}
