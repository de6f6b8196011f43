//! Fused encoder ops with hand-written backward passes (candle's fast LayerNorm and softmax kernels
//! have no backward, and the differentiable compositions are many graph nodes each).
//!
//! - [`layer_norm`]: `(x - mean) / sqrt(var + eps) * w + b` over the last axis of `[N, H]` rows.
//!   One node; its backward computes the input, weight and bias gradients in one pass over the rows
//!   (statistics recomputed, two-pass mean/variance in f32 with an f64-free row loop).
//! - [`masked_softmax`]: attention probabilities `softmax(scale * s + mask)` over the key axis of
//!   `[B, heads, Lq, Lk]` scores, with masked key positions (attention mask 0) given probability
//!   exactly 0 (the limit of HF's large negative bias), and optionally attention dropout applied
//!   to the probabilities from a host mask carried inside the op. One node; the backward recomputes
//!   the probabilities from the scores and gives `scale * p * (g' - sum(g' p))`, `g' = g * drop`.
//!
//! Exponentials use a vectorizable polynomial (Cephes `expf`, relative error ~1e-7) compiled for
//! AVX-512 / AVX2 and chosen at run time; rows are split across rayon threads when there are
//! several (the runtime's shared helpers, [`model_kernels::cpu`]).

use candle_core::{CpuStorage, CustomOp2, CustomOp3, Layout, Shape, Tensor};
use model_kernels::cpu::{
    contiguous_f32, exp_nonpos, for_each_chunk, lane_sum, map_chunks, row_dot, row_sum,
    rows_per_task, versions, with_f32,
};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

/// Values per parallel task (whole rows, at least one).
const TASK: usize = 1 << 16;

// ---------------------------------------------------------------------------------------------
// LayerNorm

/// LayerNorm over the last axis of `x` (any rank, last axis `H`), weight and bias `[H]`.
pub fn layer_norm(x: &Tensor, w: &Tensor, b: &Tensor, eps: f64) -> candle_core::Result<Tensor> {
    let h = x.dim(candle_core::D::Minus1)?;
    if w.dims() != [h] || b.dims() != [h] {
        candle_core::bail!(
            "layer_norm: weight {:?} / bias {:?} do not match the last axis {h}",
            w.dims(),
            b.dims()
        )
    }
    x.contiguous()?.apply_op3(
        &w.contiguous()?,
        &b.contiguous()?,
        LayerNorm { eps: eps as f32, h },
    )
}

#[derive(Clone, Copy)]
struct LayerNorm {
    eps: f32,
    h: usize,
}

#[inline(always)]
fn row_stats(x: &[f32], eps: f32) -> (f32, f32) {
    let n = x.len() as f32;
    let mean = row_sum(x) / n;
    let var = lane_sum::<8>(x, |v| (v - mean) * (v - mean)) / n;
    (mean, 1.0 / (var + eps).sqrt())
}

versions! {
    fn ln_fwd(x: &[f32], w: &[f32], b: &[f32], eps: f32, out: &mut [f32]) {
        let h = w.len();
        for (xr, or) in x.chunks_exact(h).zip(out.chunks_exact_mut(h)) {
            let (mean, rstd) = row_stats(xr, eps);
            for i in 0..h {
                or[i] = (xr[i] - mean) * rstd * w[i] + b[i];
            }
        }
    }

    /// Input gradient rows into `gx`, accumulating weight and bias gradients into `gw`, `gb`.
    fn ln_bwd(
        x: &[f32],
        w: &[f32],
        g: &[f32],
        eps: f32,
        gx: &mut [f32],
        gw: &mut [f32],
        gb: &mut [f32],
    ) {
        let h = w.len();
        let inv_h = 1.0 / h as f32;
        for ((xr, gr), gxr) in x
            .chunks_exact(h)
            .zip(g.chunks_exact(h))
            .zip(gx.chunks_exact_mut(h))
        {
            let (mean, rstd) = row_stats(xr, eps);
            // gxr holds xhat first, then the result.
            let mut s1 = [0f32; 8];
            let mut s2 = [0f32; 8];
            for i in 0..h {
                let xh = (xr[i] - mean) * rstd;
                let dy = gr[i] * w[i];
                gxr[i] = xh;
                gw[i] += gr[i] * xh;
                gb[i] += gr[i];
                s1[i % 8] += dy;
                s2[i % 8] += dy * xh;
            }
            let m1 = s1.iter().sum::<f32>() * inv_h;
            let m2 = s2.iter().sum::<f32>() * inv_h;
            for i in 0..h {
                let xh = gxr[i];
                gxr[i] = rstd * (gr[i] * w[i] - m1 - xh * m2);
            }
        }
    }
}

/// LayerNorm forward of the rows of `out.len()` values, in parallel tasks of whole rows; `x(span)`
/// gives the input values `span`.
fn ln_forward<'a>(
    w: &[f32],
    b: &[f32],
    eps: f32,
    out: &mut [f32],
    x: impl Fn(Range<usize>) -> Cow<'a, [f32]> + Sync + Send,
) {
    let chunk = rows_per_task(w.len(), TASK) * w.len();
    for_each_chunk(out, chunk, |t, o| {
        let x = x(t * chunk..t * chunk + o.len());
        ln_fwd(&x, w, b, eps, o);
    });
}

/// LayerNorm backward for the output gradient `g` (rows of `w.len()` values), in parallel tasks of
/// whole rows: (input gradient, weight gradient, bias gradient), the parameter gradients summed
/// from per-task partial sums in task order (short f32 partial sums, the same result on any
/// number of threads). `x(span)` gives the input values `span`.
fn ln_backward<'a>(
    w: &[f32],
    eps: f32,
    g: &[f32],
    x: impl Fn(Range<usize>) -> Cow<'a, [f32]> + Sync + Send,
) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let h = w.len();
    let chunk = rows_per_task(h, TASK) * h;
    let mut gx = vec![0f32; g.len()];
    let parts = map_chunks(&mut gx, chunk, |t, o| {
        let span = t * chunk..t * chunk + o.len();
        let x = x(span.clone());
        let mut gw = vec![0f32; h];
        let mut gb = vec![0f32; h];
        ln_bwd(&x, w, &g[span], eps, o, &mut gw, &mut gb);
        (gw, gb)
    });
    let mut gw = vec![0f32; h];
    let mut gb = vec![0f32; h];
    for (pw, pb) in parts {
        gw.iter_mut().zip(pw).for_each(|(a, b)| *a += b);
        gb.iter_mut().zip(pb).for_each(|(a, b)| *a += b);
    }
    (gx, gw, gb)
}

impl CustomOp3 for LayerNorm {
    fn name(&self) -> &'static str {
        "bert-layer-norm"
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
        let w = contiguous_f32(s2, l2, self.name())?;
        let b = contiguous_f32(s3, l3, self.name())?;
        let mut out = vec![0f32; x.len()];
        ln_forward(w, b, self.eps, &mut out, |span| Cow::Borrowed(&x[span]));
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        w: &Tensor,
        _b: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        let h = self.h;
        let (gx, gw, gb) = with_f32(x, |xs| {
            with_f32(w, |ws| {
                with_f32(grad, |gs| {
                    Ok(ln_backward(ws, self.eps, gs, |span| {
                        Cow::Borrowed(&xs[span])
                    }))
                })
            })
        })?;
        Ok((
            Some(Tensor::from_vec(gx, x.shape(), x.device())?),
            Some(Tensor::from_vec(gw, h, x.device())?),
            Some(Tensor::from_vec(gb, h, x.device())?),
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// Dropout + residual + LayerNorm

/// `LayerNorm(dropout(y) + residual)` over the last axis (`y`, `residual` `[N, H]`), the tail of
/// every post-LN sublayer. `dropout`: per-element multipliers (0 or 1 / (1 - p)) for `y`. One node:
/// besides the LayerNorm itself it saves the separate multiply and add nodes (and candle's
/// gradient of the constant mask).
pub fn add_layer_norm(
    y: &Tensor,
    residual: &Tensor,
    w: &Tensor,
    b: &Tensor,
    eps: f64,
    dropout: Option<Arc<Vec<f32>>>,
) -> candle_core::Result<Tensor> {
    let h = y.dim(candle_core::D::Minus1)?;
    if w.dims() != [h] || b.dims() != [h] || residual.dims() != y.dims() {
        candle_core::bail!(
            "add_layer_norm: shapes do not fit: y {:?}, residual {:?}, weight {:?}, bias {:?}",
            y.dims(),
            residual.dims(),
            w.dims(),
            b.dims()
        )
    }
    if let Some(d) = &dropout {
        if d.len() != y.elem_count() {
            candle_core::bail!(
                "add_layer_norm: dropout mask has {} values, y {}",
                d.len(),
                y.elem_count()
            )
        }
    }
    let wb = Tensor::cat(&[w, b], 0)?;
    y.contiguous()?.apply_op3(
        &residual.contiguous()?,
        &wb,
        AddLayerNorm {
            eps: eps as f32,
            h,
            dropout,
        },
    )
}

struct AddLayerNorm {
    eps: f32,
    h: usize,
    dropout: Option<Arc<Vec<f32>>>,
}

/// `x = y * m + r` elementwise (`m`: dropout multipliers, none = 1).
#[inline(always)]
fn combine(y: &[f32], r: &[f32], m: Option<&[f32]>, x: &mut [f32]) {
    match m {
        Some(m) => {
            for i in 0..x.len() {
                x[i] = y[i] * m[i] + r[i];
            }
        }
        None => {
            for i in 0..x.len() {
                x[i] = y[i] + r[i];
            }
        }
    }
}

impl AddLayerNorm {
    /// The LayerNorm input `x = y * m + r` of the values `span`.
    fn input(&self, y: &[f32], r: &[f32], span: Range<usize>) -> Vec<f32> {
        let m = self.dropout.as_ref().map(|d| &d[span.clone()]);
        let mut x = vec![0f32; span.len()];
        combine(&y[span.clone()], &r[span], m, &mut x);
        x
    }

    fn forward(&self, y: &[f32], r: &[f32], wb: &[f32]) -> Vec<f32> {
        let (w, b) = wb.split_at(self.h);
        let mut out = vec![0f32; y.len()];
        ln_forward(w, b, self.eps, &mut out, |span| {
            Cow::Owned(self.input(y, r, span))
        });
        out
    }

    /// (gradient of x = y * m + r, gradient of [w, b]).
    fn backward(&self, y: &[f32], r: &[f32], wb: &[f32], g: &[f32]) -> (Vec<f32>, Vec<f32>) {
        let (gx, mut gw, gb) = ln_backward(&wb[..self.h], self.eps, g, |span| {
            Cow::Owned(self.input(y, r, span))
        });
        gw.extend(gb);
        (gx, gw)
    }
}

impl CustomOp3 for AddLayerNorm {
    fn name(&self) -> &'static str {
        "bert-add-layer-norm"
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
        let y = contiguous_f32(s1, l1, self.name())?;
        let r = contiguous_f32(s2, l2, self.name())?;
        let wb = contiguous_f32(s3, l3, self.name())?;
        Ok((CpuStorage::F32(self.forward(y, r, wb)), l1.shape().clone()))
    }

    fn bwd(
        &self,
        y: &Tensor,
        r: &Tensor,
        wb: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        let (gx, gwb) = with_f32(y, |ys| {
            with_f32(r, |rs| {
                with_f32(wb, |wbs| {
                    with_f32(grad, |gs| Ok(self.backward(ys, rs, wbs, gs)))
                })
            })
        })?;
        let gy = match &self.dropout {
            Some(m) => gx.iter().zip(m.iter()).map(|(g, m)| g * m).collect(),
            None => gx.clone(),
        };
        Ok((
            Some(Tensor::from_vec(gy, y.shape(), y.device())?),
            Some(Tensor::from_vec(gx, r.shape(), r.device())?),
            Some(Tensor::from_vec(gwb, 2 * self.h, y.device())?),
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// Masked softmax with attention dropout

/// `softmax(scale * scores)` over the last axis of `scores` `[B, heads, Lq, Lk]`, where key `j`
/// of batch row `b` takes part only if `key_mask[b, j] > 0.5` (`key_mask` `[B, Lk]`, 1 = token,
/// 0 = padding; a row with no token at all attends to every key). `dropout`: per-element
/// multipliers (0 or 1 / (1 - p)) applied to the probabilities, `B * heads * Lq * Lk` of them.
pub fn masked_softmax(
    scores: &Tensor,
    key_mask: &Tensor,
    scale: f32,
    dropout: Option<Arc<Vec<f32>>>,
) -> candle_core::Result<Tensor> {
    let (b, heads, lq, lk) = scores.dims4()?;
    if key_mask.dims() != [b, lk] {
        candle_core::bail!(
            "masked_softmax: key mask {:?} does not match scores {:?}",
            key_mask.dims(),
            scores.dims()
        )
    }
    if let Some(d) = &dropout {
        if d.len() != b * heads * lq * lk {
            candle_core::bail!(
                "masked_softmax: dropout mask has {} values, scores {}",
                d.len(),
                b * heads * lq * lk
            )
        }
    }
    let op = MaskedSoftmax {
        scale,
        rows_per_batch: heads * lq,
        lk,
        dropout,
    };
    scores.contiguous()?.apply_op2(&key_mask.contiguous()?, op)
}

#[derive(Clone)]
struct MaskedSoftmax {
    scale: f32,
    /// heads * Lq: rows sharing one key mask.
    rows_per_batch: usize,
    lk: usize,
    dropout: Option<Arc<Vec<f32>>>,
}

const LANES: usize = 16;

/// Probabilities of one row into `p`. `keep[j]` is 1 for a key that takes part and 0 otherwise,
/// `bias[j]` 0 or -inf accordingly. Written as lane-wise loops over 16-wide chunks so that they
/// vectorize (a plain max/sum fold would not, without reassociation).
#[inline(always)]
fn softmax_row(s: &[f32], keep: &[f32], bias: &[f32], scale: f32, p: &mut [f32]) {
    let n = s.len();
    for j in 0..n {
        p[j] = s[j] * scale + bias[j];
    }
    let mut acc = [f32::NEG_INFINITY; LANES];
    let full = n / LANES * LANES;
    for c in p[..full].chunks_exact(LANES) {
        for k in 0..LANES {
            acc[k] = acc[k].max(c[k]);
        }
    }
    let mut max = acc.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for &v in &p[full..] {
        max = max.max(v);
    }
    for j in 0..n {
        p[j] = exp_nonpos(p[j] - max) * keep[j];
    }
    let inv = 1.0 / lane_sum::<LANES>(p, |v| v);
    for v in p.iter_mut() {
        *v *= inv;
    }
}

versions! {
    /// Rows `r0..` of the scores `s` into `out`: their probabilities (dropout applied) when `g` is
    /// None, else the gradient of the scores for the output gradient rows `g`.
    fn softmax_rows(
        op: &MaskedSoftmax,
        r0: usize,
        s: &[f32],
        keep: &[f32],
        bias: &[f32],
        g: Option<&[f32]>,
        out: &mut [f32],
    ) {
        let lk = op.lk;
        let mut gd = vec![0f32; if g.is_some() { lk } else { 0 }];
        for (i, (sr, or)) in s.chunks_exact(lk).zip(out.chunks_exact_mut(lk)).enumerate() {
            let r = r0 + i;
            let km = (r / op.rows_per_batch) * lk..(r / op.rows_per_batch + 1) * lk;
            softmax_row(sr, &keep[km.clone()], &bias[km], op.scale, or);
            let d = op.dropout.as_ref().map(|d| &d[r * lk..(r + 1) * lk]);
            let Some(g) = g else {
                if let Some(d) = d {
                    for j in 0..lk {
                        or[j] *= d[j];
                    }
                }
                continue;
            };
            let gr = &g[i * lk..(i + 1) * lk];
            match d {
                Some(d) => {
                    for j in 0..lk {
                        gd[j] = gr[j] * d[j];
                    }
                }
                None => gd.copy_from_slice(gr),
            }
            let dot = row_dot(&gd, or);
            let scale = op.scale;
            for j in 0..lk {
                or[j] = scale * or[j] * (gd[j] - dot);
            }
        }
    }
}

impl MaskedSoftmax {
    fn run(&self, s: &[f32], mask: &[f32], g: Option<&[f32]>) -> Vec<f32> {
        let lk = self.lk;
        // Per batch row: which keys take part (all of them when none is a token).
        let mut keep = vec![0f32; mask.len()];
        let mut bias = vec![0f32; mask.len()];
        for (m, (k, b)) in mask
            .chunks(lk)
            .zip(keep.chunks_mut(lk).zip(bias.chunks_mut(lk)))
        {
            let any = m.iter().any(|&v| v > 0.5);
            for j in 0..lk {
                let on = !any || m[j] > 0.5;
                k[j] = if on { 1.0 } else { 0.0 };
                b[j] = if on { 0.0 } else { f32::NEG_INFINITY };
            }
        }
        let (keep, bias) = (&keep[..], &bias[..]);
        let mut out = vec![0f32; s.len()];
        let rows = rows_per_task(lk, TASK);
        for_each_chunk(&mut out, rows * lk, |t, o| {
            let r0 = t * rows;
            let span = r0 * lk..r0 * lk + o.len();
            let (s, g) = (&s[span.clone()], g.map(|g| &g[span]));
            softmax_rows(self, r0, s, keep, bias, g, o);
        });
        out
    }
}

impl CustomOp2 for MaskedSoftmax {
    fn name(&self) -> &'static str {
        "bert-masked-softmax"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let s = contiguous_f32(s1, l1, self.name())?;
        let m = contiguous_f32(s2, l2, self.name())?;
        Ok((CpuStorage::F32(self.run(s, m, None)), l1.shape().clone()))
    }

    fn bwd(
        &self,
        scores: &Tensor,
        key_mask: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>)> {
        let gs = with_f32(scores, |s| {
            with_f32(key_mask, |m| {
                with_f32(grad, |g| Ok(self.run(s, m, Some(g))))
            })
        })?;
        Ok((
            Some(Tensor::from_vec(gs, scores.shape(), scores.device())?),
            None,
        ))
    }
}
