//! Building blocks with autograd that candle lacks or makes slow.
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
//! - [`matmul_const`]: a matmul by a constant matrix (an FNO DFT basis). candle's matmul backward
//!   always computes the right-hand side's gradient, a matmul as large as the forward one, even
//!   for a constant; this op computes only the left-hand side's.
//! - [`shift_append`]: the next rollout window (drop the oldest frame, append the prediction) as one
//!   node, instead of a concatenation of S frames whose backward adds S strided slices.
//! - [`relayout`] (permute + copy + reshape) and [`pad_last2`] (zero padding of the two last
//!   axes): one graph node each. candle's backward adds every node's gradient into a fresh zero
//!   tensor, and for a permute that add runs on strided data; fusing the view ops around a copy
//!   removes those passes.

use crate::error::Result;
use crate::kernels::{
    contiguous_f32, exp_nonpos, for_each_chunk, row_sum, rows_per_task, versions, with_f32,
};
use candle_core::backend::BackendStorage;
use candle_core::{CpuStorage, CustomOp1, CustomOp2, CustomOp3, Layout, Shape, Tensor};

/// Exact GELU, `0.5 x (1 + erf(x / sqrt 2))`, with a fused backward pass. f32 only.
pub fn gelu(x: &Tensor) -> Result<Tensor> {
    Ok(x.contiguous()?.apply_op1(GeluErf)?)
}

/// Mean squared error over all elements (`F.mse_loss`, mean reduction).
pub fn mse(pred: &Tensor, target: &Tensor) -> Result<Tensor> {
    Ok((pred - target)?.sqr()?.mean_all()?)
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

/// Elements per parallel task: large enough that rayon's overhead is negligible.
const CHUNK: usize = 1 << 15;

struct GeluErf;

impl CustomOp1 for GeluErf {
    fn name(&self) -> &'static str {
        "gelu-erf-fused"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = contiguous_f32(s, l, self.name())?;
        let mut y = vec![0f32; x.len()];
        for_each_chunk(&mut y, CHUNK, |t, y| {
            fwd_chunk(&x[t * CHUNK..t * CHUNK + y.len()], y)
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
        let mut out = vec![0f32; x.len()];
        for_each_chunk(&mut out, CHUNK, |t, o| {
            let span = t * CHUNK..t * CHUNK + o.len();
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
        let bad = |what: String| crate::error::Error::Param(format!("bias_act: {what}"));
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
        let mut out = vec![0f32; x.len()];
        let rows = rows_per_task(self.n, CHUNK);
        for_each_chunk(&mut out, rows * self.n, |t, o| {
            let r0 = t * rows;
            let span = r0 * self.n..r0 * self.n + o.len();
            fwd_rows(self, r0, &x[span.clone()], y.map(|y| &y[span]), bias, o);
        });
        out
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
                let mut g = vec![0f32; grad.len()];
                let task_rows = rows_per_task(n, CHUNK);
                for_each_chunk(&mut g, task_rows * n, |t, o| {
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

/// `lhs` `[m, k]` times the constant `rhs` `[k, n]`. Only `lhs` gets a gradient; a `rhs` that is
/// (derived from) a trained parameter is refused, since its gradient would be lost.
pub fn matmul_const(lhs: &Tensor, rhs: &Tensor) -> Result<Tensor> {
    if rhs.track_op() {
        return Err(crate::error::Error::Param(
            "matmul_const: the right-hand side must be a constant, not a trained tensor".into(),
        ));
    }
    let ((m, k), (k2, n)) = (lhs.dims2()?, rhs.dims2()?);
    if k != k2 {
        return Err(crate::error::Error::Param(format!(
            "matmul_const: cannot multiply [{m}, {k}] by [{k2}, {n}]"
        )));
    }
    Ok(lhs.apply_op2(rhs, MatmulConst)?)
}

struct MatmulConst;

impl CustomOp2 for MatmulConst {
    fn name(&self) -> &'static str {
        "matmul-const"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let (m, k) = l1.shape().dims2()?;
        let (_, n) = l2.shape().dims2()?;
        Ok((s1.matmul(s2, (1, m, n, k), l1, l2)?, Shape::from((m, n))))
    }

    fn bwd(
        &self,
        _lhs: &Tensor,
        rhs: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>)> {
        Ok((Some(grad.matmul(&rhs.t()?)?), None))
    }
}

/// The next autoregressive window: `window` `[.., S*C]` without its first `C` channels (the oldest
/// frame), followed by `frame` `[.., C]`. One autograd node; gradients go only to tracked inputs.
pub fn shift_append(window: &Tensor, frame: &Tensor) -> Result<Tensor> {
    let (wd, fd) = (window.dims(), frame.dims());
    let ok = wd.len() == fd.len()
        && !wd.is_empty()
        && wd[..wd.len() - 1] == fd[..fd.len() - 1]
        && fd[fd.len() - 1] > 0
        && wd[wd.len() - 1] % fd[fd.len() - 1] == 0;
    if !ok {
        return Err(crate::error::Error::Param(format!(
            "shift_append: window {wd:?} and frame {fd:?} do not fit ([.., S*C] and [.., C])"
        )));
    }
    let op = ShiftAppend {
        sc: wd[wd.len() - 1],
        c: fd[fd.len() - 1],
    };
    Ok(window.contiguous()?.apply_op2(&frame.contiguous()?, op)?)
}

struct ShiftAppend {
    sc: usize,
    c: usize,
}

impl CustomOp2 for ShiftAppend {
    fn name(&self) -> &'static str {
        "shift-append"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let (w, f) = (
            contiguous_f32(s1, l1, "shift-append")?,
            contiguous_f32(s2, l2, "shift-append")?,
        );
        let (sc, c) = (self.sc, self.c);
        let mut out = vec![0f32; w.len()];
        for ((o, w), f) in out
            .chunks_exact_mut(sc)
            .zip(w.chunks_exact(sc))
            .zip(f.chunks_exact(c))
        {
            o[..sc - c].copy_from_slice(&w[c..]);
            o[sc - c..].copy_from_slice(f);
        }
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }

    fn bwd(
        &self,
        window: &Tensor,
        frame: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>)> {
        let (sc, c) = (self.sc, self.c);
        let (gw, gf) = with_f32(grad, |g| {
            let rows = g.len() / sc;
            let mut gw = if window.track_op() {
                vec![0f32; g.len()]
            } else {
                Vec::new()
            };
            let mut gf = if frame.track_op() {
                vec![0f32; rows * c]
            } else {
                Vec::new()
            };
            for (r, g) in g.chunks_exact(sc).enumerate() {
                if !gw.is_empty() {
                    gw[r * sc + c..(r + 1) * sc].copy_from_slice(&g[..sc - c]);
                }
                if !gf.is_empty() {
                    gf[r * c..(r + 1) * c].copy_from_slice(&g[sc - c..]);
                }
            }
            Ok((gw, gf))
        })?;
        let gw = if gw.is_empty() {
            None
        } else {
            Some(Tensor::from_vec(gw, window.shape(), window.device())?)
        };
        let gf = if gf.is_empty() {
            None
        } else {
            Some(Tensor::from_vec(gf, frame.shape(), frame.device())?)
        };
        Ok((gw, gf))
    }
}

/// `x` viewed as `view` (same element count), permuted by `perm`, copied contiguous and reshaped to
/// `out` (same element count). One autograd node whose backward is one copy.
pub fn relayout(x: &Tensor, view: &[usize], perm: &[usize], out: &[usize]) -> Result<Tensor> {
    let n: usize = view.iter().product();
    let mut sorted = perm.to_vec();
    sorted.sort_unstable();
    if n != x.elem_count()
        || out.iter().product::<usize>() != n
        || perm.len() != view.len()
        || sorted != (0..perm.len()).collect::<Vec<_>>()
    {
        return Err(crate::error::Error::Param(format!(
            "relayout: cannot view {:?} as {view:?}, permute by {perm:?} and reshape to {out:?}",
            x.dims()
        )));
    }
    Ok(x.contiguous()?.apply_op1(Relayout {
        view: view.to_vec(),
        perm: perm.to_vec(),
        out: out.to_vec(),
    })?)
}

struct Relayout {
    view: Vec<usize>,
    perm: Vec<usize>,
    out: Vec<usize>,
}

impl CustomOp1 for Relayout {
    fn name(&self) -> &'static str {
        "relayout"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let src = contiguous_f32(s, l, "relayout")?;
        let mut dst = vec![0f32; src.len()];
        permute_copy(src, &self.view, &self.perm, &mut dst);
        Ok((CpuStorage::F32(dst), Shape::from(self.out.as_slice())))
    }

    fn bwd(
        &self,
        arg: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<Option<Tensor>> {
        let permuted: Vec<usize> = self.perm.iter().map(|&i| self.view[i]).collect();
        let mut inverse = vec![0; self.perm.len()];
        for (i, &p) in self.perm.iter().enumerate() {
            inverse[p] = i;
        }
        let back = Relayout {
            view: permuted,
            perm: inverse,
            out: arg.dims().to_vec(),
        };
        Ok(Some(grad.contiguous()?.apply_op1_no_bwd(&back)?))
    }
}

/// `dst` = `src` (contiguous, shaped `dims`) permuted by `perm`, as a contiguous array. Where the
/// innermost output axis is not the input's innermost axis this is a batch of 2D transposes,
/// done in cache-sized tiles (candle's strided copy walks such layouts one element at a time).
pub fn permute_copy(src: &[f32], dims: &[usize], perm: &[usize], dst: &mut [f32]) {
    debug_assert_eq!(src.len(), dst.len());
    // Drop size-1 axes: they do not move data and have no meaningful stride.
    let keep: Vec<usize> = (0..dims.len()).filter(|&a| dims[a] > 1).collect();
    let renumber = |a: usize| keep.iter().position(|&k| k == a);
    let dims: Vec<usize> = keep.iter().map(|&a| dims[a]).collect();
    let perm: Vec<usize> = perm.iter().filter_map(|&a| renumber(a)).collect();
    let r = dims.len();
    if r <= 1 || perm.iter().enumerate().all(|(i, &p)| i == p) {
        dst.copy_from_slice(src);
        return;
    }
    let mut in_stride = vec![1usize; r];
    for a in (0..r - 1).rev() {
        in_stride[a] = in_stride[a + 1] * dims[a + 1];
    }
    let od: Vec<usize> = perm.iter().map(|&a| dims[a]).collect();
    let st: Vec<usize> = perm.iter().map(|&a| in_stride[a]).collect();
    let mut os = vec![1usize; r];
    for k in (0..r - 1).rev() {
        os[k] = os[k + 1] * od[k + 1];
    }
    let inner = r - 1;
    if st[inner] == 1 {
        // Rows stay contiguous: copy them whole.
        let row = od[inner];
        let outer: Vec<usize> = (0..inner).collect();
        for_each_offset(&outer, &od, &st, &os, |s0, d0| {
            dst[d0..d0 + row].copy_from_slice(&src[s0..s0 + row])
        });
        return;
    }
    // Output axis `ka` reads the input's innermost axis (stride 1): transpose (ka, inner) tiles.
    let ka = (0..r)
        .find(|&k| st[k] == 1)
        .expect("some output axis reads the input's last axis");
    let outer: Vec<usize> = (0..r).filter(|&k| k != ka && k != inner).collect();
    let (na, ni, sa, da) = (od[ka], od[inner], st[inner], os[ka]);
    const TILE: usize = 16;
    for_each_offset(&outer, &od, &st, &os, |s0, d0| {
        for i0 in (0..na).step_by(TILE) {
            let i1 = (i0 + TILE).min(na);
            for j0 in (0..ni).step_by(TILE) {
                let j1 = (j0 + TILE).min(ni);
                for i in i0..i1 {
                    let d = d0 + i * da;
                    for j in j0..j1 {
                        dst[d + j] = src[s0 + i + j * sa];
                    }
                }
            }
        }
    });
}

/// Calls `f(src_offset, dst_offset)` for every index combination of the output axes `axes`
/// (sizes `od`, source strides `st`, destination strides `os`), last axis fastest.
fn for_each_offset(
    axes: &[usize],
    od: &[usize],
    st: &[usize],
    os: &[usize],
    mut f: impl FnMut(usize, usize),
) {
    let mut idx = vec![0usize; axes.len()];
    let (mut s0, mut d0) = (0usize, 0usize);
    loop {
        f(s0, d0);
        let mut k = axes.len();
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            let a = axes[k];
            idx[k] += 1;
            s0 += st[a];
            d0 += os[a];
            if idx[k] < od[a] {
                break;
            }
            s0 -= st[a] * od[a];
            d0 -= os[a] * od[a];
            idx[k] = 0;
        }
    }
}

/// Zero-pads the two last axes of `x` `[.., X, Y]` at their ends to `[.., X + px, Y + py]` (PyTorch
/// `F.pad(x, [0, py, 0, px])`). One autograd node; the backward crops.
pub fn pad_last2(x: &Tensor, px: usize, py: usize) -> Result<Tensor> {
    if x.rank() < 2 {
        return Err(crate::error::Error::Param(format!(
            "pad_last2: needs at least 2 axes, got {:?}",
            x.dims()
        )));
    }
    if px == 0 && py == 0 {
        return Ok(x.clone());
    }
    Ok(x.contiguous()?.apply_op1(PadLast2 { px, py })?)
}

struct PadLast2 {
    px: usize,
    py: usize,
}

impl CustomOp1 for PadLast2 {
    fn name(&self) -> &'static str {
        "pad-last2"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let src = contiguous_f32(s, l, "pad-last2")?;
        let dims = l.dims();
        let r = dims.len();
        let (x, y) = (dims[r - 2], dims[r - 1]);
        let (hx, hy) = (x + self.px, y + self.py);
        let planes = src.len() / (x * y).max(1);
        let mut out = vec![0f32; planes * hx * hy];
        for p in 0..planes {
            for i in 0..x {
                let d = (p * hx + i) * hy;
                out[d..d + y].copy_from_slice(&src[(p * x + i) * y..(p * x + i + 1) * y]);
            }
        }
        let mut shape = dims.to_vec();
        shape[r - 2] = hx;
        shape[r - 1] = hy;
        Ok((CpuStorage::F32(out), Shape::from(shape)))
    }

    fn bwd(
        &self,
        arg: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<Option<Tensor>> {
        let r = arg.rank();
        let (x, y) = (arg.dims()[r - 2], arg.dims()[r - 1]);
        Ok(Some(
            grad.narrow(r - 2, 0, x)?
                .narrow(r - 1, 0, y)?
                .contiguous()?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
                    let gf = (&fused * &probe)
                        .unwrap()
                        .sum_all()
                        .unwrap()
                        .backward()
                        .unwrap();
                    let gp = (&plain * &probe)
                        .unwrap()
                        .sum_all()
                        .unwrap()
                        .backward()
                        .unwrap();
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

    #[test]
    fn relayout_and_pad_match_candle_views_with_gradients() {
        let dev = Device::Cpu;
        let x = Var::from_vec(
            (0..120).map(|i| i as f32 * 0.1).collect::<Vec<_>>(),
            (2, 60),
            &dev,
        )
        .unwrap();
        let probe = Tensor::from_vec(
            (0..120).map(|i| ((i * 7) % 11) as f32).collect::<Vec<_>>(),
            (4, 30),
            &dev,
        )
        .unwrap();
        let fused = relayout(&x, &[2, 3, 4, 5], &[2, 0, 3, 1], &[4, 30]).unwrap();
        let plain = x
            .reshape((2, 3, 4, 5))
            .unwrap()
            .permute((2, 0, 3, 1))
            .unwrap()
            .contiguous()
            .unwrap()
            .reshape((4, 30))
            .unwrap();
        assert_eq!(
            fused.to_vec2::<f32>().unwrap(),
            plain.to_vec2::<f32>().unwrap()
        );
        let gf = (&fused * &probe)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        let gp = (&plain * &probe)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        assert_eq!(
            gf.get(&x).unwrap().to_vec2::<f32>().unwrap(),
            gp.get(&x).unwrap().to_vec2::<f32>().unwrap()
        );
        assert!(relayout(&x, &[2, 3, 4, 5], &[0, 0, 1, 2], &[120]).is_err());

        let x = Var::from_vec(
            (0..24).map(|i| i as f32).collect::<Vec<_>>(),
            (2, 3, 4),
            &dev,
        )
        .unwrap();
        let fused = pad_last2(&x, 2, 1).unwrap();
        let plain = x
            .pad_with_zeros(2, 0, 1)
            .unwrap()
            .pad_with_zeros(1, 0, 2)
            .unwrap();
        assert_eq!(fused.dims(), &[2, 5, 5]);
        assert_eq!(
            fused.to_vec3::<f32>().unwrap(),
            plain.to_vec3::<f32>().unwrap()
        );
        let probe = Tensor::from_vec(
            (0..50).map(|i| i as f32).collect::<Vec<_>>(),
            (2, 5, 5),
            &dev,
        )
        .unwrap();
        let gf = (&fused * &probe)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        let gp = (&plain * &probe)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        assert_eq!(
            gf.get(&x).unwrap().to_vec3::<f32>().unwrap(),
            gp.get(&x).unwrap().to_vec3::<f32>().unwrap()
        );
    }

    #[test]
    fn permute_copy_matches_candle_permute() {
        let cases: [(&[usize], &[usize]); 8] = [
            (&[6, 5, 2, 4], &[0, 3, 2, 1]),
            (&[3, 4, 5, 2, 6], &[2, 4, 0, 3, 1]),
            (&[3, 1, 5, 2, 6], &[2, 4, 0, 3, 1]),
            (&[1, 4, 5, 2, 1], &[0, 1, 4, 3, 2]),
            (&[2, 3, 4], &[1, 0, 2]),
            (&[17, 33], &[1, 0]),
            (&[2, 3, 4], &[0, 1, 2]),
            (&[40, 1, 35], &[2, 1, 0]),
        ];
        for (dims, perm) in cases {
            let n: usize = dims.iter().product();
            let src: Vec<f32> = (0..n).map(|i| i as f32).collect();
            let mut dst = vec![0f32; n];
            permute_copy(&src, dims, perm, &mut dst);
            let want = Tensor::from_vec(src.clone(), dims, &Device::Cpu)
                .unwrap()
                .permute(perm)
                .unwrap()
                .flatten_all()
                .unwrap()
                .to_vec1::<f32>()
                .unwrap();
            assert_eq!(dst, want, "{dims:?} {perm:?}");
        }
    }

    #[test]
    fn matmul_const_matches_matmul_and_skips_the_constant_gradient() {
        let dev = Device::Cpu;
        let a = Var::from_vec(
            (0..12).map(|i| i as f32 * 0.3 - 1.0).collect::<Vec<_>>(),
            (3, 4),
            &dev,
        )
        .unwrap();
        let c = Tensor::from_vec(
            (0..8).map(|i| (i % 3) as f32 - 0.5).collect::<Vec<_>>(),
            (4, 2),
            &dev,
        )
        .unwrap();
        let fused = matmul_const(&a, &c).unwrap();
        let plain = a.matmul(&c).unwrap();
        assert_eq!(
            fused.to_vec2::<f32>().unwrap(),
            plain.to_vec2::<f32>().unwrap()
        );
        let gf = fused.sqr().unwrap().sum_all().unwrap().backward().unwrap();
        let gp = plain.sqr().unwrap().sum_all().unwrap().backward().unwrap();
        assert_eq!(
            gf.get(&a).unwrap().to_vec2::<f32>().unwrap(),
            gp.get(&a).unwrap().to_vec2::<f32>().unwrap()
        );
        assert!(gf.get(&c).is_none());
        // A trained right-hand side is refused.
        assert!(matmul_const(&c, &a.t().unwrap()).is_err());
    }

    #[test]
    fn shift_append_matches_cat_with_gradients() {
        let dev = Device::Cpu;
        let (s, c) = (3, 2);
        let win = Var::from_vec(
            (0..4 * s * c).map(|i| i as f32).collect::<Vec<_>>(),
            (2, 2, s * c),
            &dev,
        )
        .unwrap();
        let frame = Var::from_vec(
            (0..4 * c).map(|i| 100.0 + i as f32).collect::<Vec<_>>(),
            (2, 2, c),
            &dev,
        )
        .unwrap();
        let fused = shift_append(&win, &frame).unwrap();
        let plain = Tensor::cat(
            &[&win.narrow(2, c, (s - 1) * c).unwrap(), frame.as_tensor()],
            2,
        )
        .unwrap();
        assert_eq!(
            fused.to_vec3::<f32>().unwrap(),
            plain.to_vec3::<f32>().unwrap()
        );
        let probe = Tensor::from_vec(
            (0..4 * s * c)
                .map(|i| ((i * 5) % 7) as f32)
                .collect::<Vec<_>>(),
            (2, 2, s * c),
            &dev,
        )
        .unwrap();
        let gf = (&fused * &probe)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        let gp = (&plain * &probe)
            .unwrap()
            .sum_all()
            .unwrap()
            .backward()
            .unwrap();
        for v in [&win, &frame] {
            assert_eq!(
                gf.get(v).unwrap().to_vec3::<f32>().unwrap(),
                gp.get(v).unwrap().to_vec3::<f32>().unwrap()
            );
        }
        assert!(shift_append(
            &win,
            &Tensor::zeros((2, 2, 4), candle_core::DType::F32, &dev).unwrap()
        )
        .is_err());
    }
}
