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
//! several.

use candle_core::backend::BackendStorage;
use candle_core::{CpuStorage, CustomOp2, CustomOp3, Layout, Shape, Storage, Tensor};
use rayon::prelude::*;
use std::sync::Arc;

fn f32_slice<'a>(s: &'a CpuStorage, l: &Layout, op: &str) -> candle_core::Result<&'a [f32]> {
    let CpuStorage::F32(data) = s else {
        candle_core::bail!("{op}: only f32 tensors are supported, got {:?}", s.dtype())
    };
    let Some((a, b)) = l.contiguous_offsets() else {
        candle_core::bail!("{op}: the input must be contiguous")
    };
    Ok(&data[a..b])
}

fn with_data<R>(
    t: &Tensor,
    f: impl FnOnce(&[f32]) -> candle_core::Result<R>,
) -> candle_core::Result<R> {
    let t = t.contiguous()?;
    let (storage, layout) = t.storage_and_layout();
    let Storage::Cpu(CpuStorage::F32(data)) = &*storage else {
        candle_core::bail!("bert ops: only f32 CPU tensors are supported")
    };
    let Some((a, b)) = layout.contiguous_offsets() else {
        candle_core::bail!("bert ops: the input must be contiguous")
    };
    f(&data[a..b])
}

fn parallel() -> bool {
    rayon::current_num_threads() > 1
}

/// exp(x) for x <= 0 (Cephes polynomial, rounding by a magic constant so the loop vectorizes).
#[inline(always)]
fn exp_nonpos(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const MAGIC: f32 = 12_582_912.0;
    let x = x.max(-87.0);
    let n = (x * LOG2E + MAGIC) - MAGIC;
    let r = x - n * 0.693_359_4 - n * -2.121_944_4e-4;
    let p = ((((1.987_569_1e-4 * r + 1.398_199_9e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 1.666_666_5e-1)
        * r
        + 0.5;
    let y = p * r * r + r + 1.0;
    y * f32::from_bits(((n as i32 + 127) as u32) << 23)
}

#[inline(always)]
fn sum8(v: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let ch = v.chunks_exact(8);
    let rest = ch.remainder();
    for c in ch {
        for k in 0..8 {
            acc[k] += c[k];
        }
    }
    acc.iter().sum::<f32>() + rest.iter().sum::<f32>()
}

#[inline(always)]
fn dot8(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + ra.iter().zip(rb).map(|(x, y)| x * y).sum::<f32>()
}

macro_rules! versions {
    ($base:ident, $v512:ident, $v2:ident, $pick:ident, ($($a:ident: $t:ty),*)) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx512f,avx2,fma")]
        unsafe fn $v512($($a: $t),*) { $base($($a),*) }
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2,fma")]
        unsafe fn $v2($($a: $t),*) { $base($($a),*) }
        fn $pick($($a: $t),*) {
            #[cfg(target_arch = "x86_64")]
            {
                if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: the CPU has the features the function was compiled for.
                    return unsafe { $v512($($a),*) };
                }
                if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: as above.
                    return unsafe { $v2($($a),*) };
                }
            }
            $base($($a),*)
        }
    };
}

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
    let mean = sum8(x) / n;
    let mut acc = [0f32; 8];
    let ch = x.chunks_exact(8);
    let rest = ch.remainder();
    for c in ch {
        for k in 0..8 {
            let d = c[k] - mean;
            acc[k] += d * d;
        }
    }
    let var =
        (acc.iter().sum::<f32>() + rest.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>()) / n;
    (mean, 1.0 / (var + eps).sqrt())
}

#[inline(always)]
fn ln_fwd_rows(x: &[f32], w: &[f32], b: &[f32], eps: f32, out: &mut [f32]) {
    let h = w.len();
    for (xr, or) in x.chunks_exact(h).zip(out.chunks_exact_mut(h)) {
        let (mean, rstd) = row_stats(xr, eps);
        for i in 0..h {
            or[i] = (xr[i] - mean) * rstd * w[i] + b[i];
        }
    }
}

/// Input gradient rows into `gx`, accumulating weight and bias gradients into `gw`, `gb`.
#[inline(always)]
fn ln_bwd_rows(
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

versions!(ln_fwd_rows, ln_fwd_512, ln_fwd_avx2, ln_fwd,
    (x: &[f32], w: &[f32], b: &[f32], eps: f32, out: &mut [f32]));
versions!(ln_bwd_rows, ln_bwd_512, ln_bwd_avx2, ln_bwd,
    (x: &[f32], w: &[f32], g: &[f32], eps: f32, gx: &mut [f32], gw: &mut [f32], gb: &mut [f32]));

/// Rows per parallel task (a multiple that keeps tasks around 64k elements).
fn rows_per_task(h: usize) -> usize {
    ((1 << 16) / h.max(1)).max(1)
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
        let x = f32_slice(s1, l1, self.name())?;
        let w = f32_slice(s2, l2, self.name())?;
        let b = f32_slice(s3, l3, self.name())?;
        let mut out = vec![0f32; x.len()];
        let eps = self.eps;
        let chunk = rows_per_task(self.h) * self.h;
        if parallel() && x.len() > chunk {
            out.par_chunks_mut(chunk)
                .zip(x.par_chunks(chunk))
                .for_each(|(o, x)| ln_fwd(x, w, b, eps, o));
        } else {
            ln_fwd(x, w, b, eps, &mut out);
        }
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
        let eps = self.eps;
        let (gx, gw, gb) = with_data(x, |xs| {
            with_data(w, |ws| {
                with_data(grad, |gs| {
                    let mut gx = vec![0f32; xs.len()];
                    let chunk = rows_per_task(h) * h;
                    let (gw, gb) = if parallel() && xs.len() > chunk {
                        let parts: Vec<(Vec<f32>, Vec<f32>)> = gx
                            .par_chunks_mut(chunk)
                            .zip(xs.par_chunks(chunk).zip(gs.par_chunks(chunk)))
                            .map(|(o, (x, g))| {
                                let mut gw = vec![0f32; h];
                                let mut gb = vec![0f32; h];
                                ln_bwd(x, ws, g, eps, o, &mut gw, &mut gb);
                                (gw, gb)
                            })
                            .collect();
                        let mut gw = vec![0f32; h];
                        let mut gb = vec![0f32; h];
                        for (pw, pb) in parts {
                            gw.iter_mut().zip(pw).for_each(|(a, b)| *a += b);
                            gb.iter_mut().zip(pb).for_each(|(a, b)| *a += b);
                        }
                        (gw, gb)
                    } else {
                        let mut gw = vec![0f32; h];
                        let mut gb = vec![0f32; h];
                        // Chunked accumulation keeps the f32 partial sums short.
                        for ((o, x), g) in gx
                            .chunks_mut(chunk)
                            .zip(xs.chunks(chunk))
                            .zip(gs.chunks(chunk))
                        {
                            let mut pw = vec![0f32; h];
                            let mut pb = vec![0f32; h];
                            ln_bwd(x, ws, g, eps, o, &mut pw, &mut pb);
                            gw.iter_mut().zip(pw).for_each(|(a, b)| *a += b);
                            gb.iter_mut().zip(pb).for_each(|(a, b)| *a += b);
                        }
                        (gw, gb)
                    };
                    Ok((gx, gw, gb))
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

/// x = y * m + r for rows starting at flat offset `off`.
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
    fn forward(&self, y: &[f32], r: &[f32], wb: &[f32]) -> Vec<f32> {
        let h = self.h;
        let (w, b) = wb.split_at(h);
        let mut out = vec![0f32; y.len()];
        let chunk = rows_per_task(h) * h;
        let task = |(t, o): (usize, &mut [f32])| {
            let span = t * chunk..t * chunk + o.len();
            let m = self.dropout.as_ref().map(|d| &d[span.clone()]);
            combine(&y[span.clone()], &r[span], m, o);
            let x = o.to_vec();
            ln_fwd(&x, w, b, self.eps, o);
        };
        if parallel() && y.len() > chunk {
            out.par_chunks_mut(chunk).enumerate().for_each(task);
        } else {
            out.chunks_mut(chunk).enumerate().for_each(task);
        }
        out
    }

    /// (gradient of x = y * m + r, gradient of [w, b]).
    fn backward(&self, y: &[f32], r: &[f32], wb: &[f32], g: &[f32]) -> (Vec<f32>, Vec<f32>) {
        let h = self.h;
        let w = &wb[..h];
        let mut gx = vec![0f32; y.len()];
        let chunk = rows_per_task(h) * h;
        let task = |(t, o): (usize, &mut [f32])| -> (Vec<f32>, Vec<f32>) {
            let span = t * chunk..t * chunk + o.len();
            let m = self.dropout.as_ref().map(|d| &d[span.clone()]);
            let mut x = vec![0f32; o.len()];
            combine(&y[span.clone()], &r[span.clone()], m, &mut x);
            let mut gw = vec![0f32; h];
            let mut gb = vec![0f32; h];
            ln_bwd(&x, w, &g[span], self.eps, o, &mut gw, &mut gb);
            (gw, gb)
        };
        let parts: Vec<(Vec<f32>, Vec<f32>)> = if parallel() && y.len() > chunk {
            gx.par_chunks_mut(chunk).enumerate().map(task).collect()
        } else {
            gx.chunks_mut(chunk).enumerate().map(task).collect()
        };
        let mut gwb = vec![0f32; 2 * h];
        for (pw, pb) in parts {
            gwb[..h].iter_mut().zip(pw).for_each(|(a, b)| *a += b);
            gwb[h..].iter_mut().zip(pb).for_each(|(a, b)| *a += b);
        }
        (gx, gwb)
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
        let y = f32_slice(s1, l1, self.name())?;
        let r = f32_slice(s2, l2, self.name())?;
        let wb = f32_slice(s3, l3, self.name())?;
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
        let (gx, gwb) = with_data(y, |ys| {
            with_data(r, |rs| {
                with_data(wb, |wbs| {
                    with_data(grad, |gs| Ok(self.backward(ys, rs, wbs, gs)))
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
    let mut sums = [0f32; LANES];
    for c in p[..full].chunks_exact(LANES) {
        for k in 0..LANES {
            sums[k] += c[k];
        }
    }
    let sum = sums.iter().sum::<f32>() + p[full..].iter().sum::<f32>();
    let inv = 1.0 / sum;
    for v in p.iter_mut() {
        *v *= inv;
    }
}

#[inline(always)]
fn softmax_fwd_rows(
    op: &MaskedSoftmax,
    r0: usize,
    s: &[f32],
    keep: &[f32],
    bias: &[f32],
    out: &mut [f32],
) {
    let lk = op.lk;
    for (i, (sr, or)) in s.chunks_exact(lk).zip(out.chunks_exact_mut(lk)).enumerate() {
        let r = r0 + i;
        let km = (r / op.rows_per_batch) * lk..(r / op.rows_per_batch + 1) * lk;
        softmax_row(sr, &keep[km.clone()], &bias[km], op.scale, or);
        if let Some(d) = &op.dropout {
            let d = &d[r * lk..(r + 1) * lk];
            for j in 0..lk {
                or[j] *= d[j];
            }
        }
    }
}

#[inline(always)]
fn softmax_bwd_rows(
    op: &MaskedSoftmax,
    r0: usize,
    s: &[f32],
    keep: &[f32],
    bias: &[f32],
    g: &[f32],
    out: &mut [f32],
) {
    let lk = op.lk;
    let mut gd = vec![0f32; lk];
    for (i, ((sr, gr), or)) in s
        .chunks_exact(lk)
        .zip(g.chunks_exact(lk))
        .zip(out.chunks_exact_mut(lk))
        .enumerate()
    {
        let r = r0 + i;
        let km = (r / op.rows_per_batch) * lk..(r / op.rows_per_batch + 1) * lk;
        softmax_row(sr, &keep[km.clone()], &bias[km], op.scale, or);
        match &op.dropout {
            Some(d) => {
                let d = &d[r * lk..(r + 1) * lk];
                for j in 0..lk {
                    gd[j] = gr[j] * d[j];
                }
            }
            None => gd.copy_from_slice(gr),
        }
        let dot = dot8(&gd, or);
        let scale = op.scale;
        for j in 0..lk {
            or[j] = scale * or[j] * (gd[j] - dot);
        }
    }
}

versions!(softmax_fwd_rows, softmax_fwd_512, softmax_fwd_avx2, softmax_fwd,
    (op: &MaskedSoftmax, r0: usize, s: &[f32], keep: &[f32], bias: &[f32], out: &mut [f32]));
versions!(softmax_bwd_rows, softmax_bwd_512, softmax_bwd_avx2, softmax_bwd,
    (op: &MaskedSoftmax, r0: usize, s: &[f32], keep: &[f32], bias: &[f32], g: &[f32], out: &mut [f32]));

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
        let rows = rows_per_task(lk);
        let chunk = rows * lk;
        let task = |(t, o): (usize, &mut [f32])| {
            let r0 = t * rows;
            let span = r0 * lk..r0 * lk + o.len();
            match g {
                None => softmax_fwd(self, r0, &s[span], keep, bias, o),
                Some(g) => softmax_bwd(self, r0, &s[span.clone()], keep, bias, &g[span], o),
            }
        };
        if parallel() && s.len() > chunk {
            out.par_chunks_mut(chunk).enumerate().for_each(task);
        } else {
            out.chunks_mut(chunk).enumerate().for_each(task);
        }
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
        let s = f32_slice(s1, l1, self.name())?;
        let m = f32_slice(s2, l2, self.name())?;
        Ok((CpuStorage::F32(self.run(s, m, None)), l1.shape().clone()))
    }

    fn bwd(
        &self,
        scores: &Tensor,
        key_mask: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>)> {
        let gs = with_data(scores, |s| {
            with_data(key_mask, |m| {
                with_data(grad, |g| Ok(self.run(s, m, Some(g))))
            })
        })?;
        Ok((
            Some(Tensor::from_vec(gs, scores.shape(), scores.device())?),
            None,
        ))
    }
}
