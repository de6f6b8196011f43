//! Layout ops: copies that candle would build from several view and concatenation nodes, as one
//! autograd node each.
//!
//! - [`shift_append`]: the next rollout window (drop the oldest frame, append the prediction) as one
//!   node, instead of a concatenation of S frames whose backward adds S strided slices.
//! - [`relayout`] (permute + copy + reshape) and [`pad_last2`] (zero padding of the two last
//!   axes): one graph node each. candle's backward adds every node's gradient into a fresh zero
//!   tensor, and for a permute that add runs on strided data; fusing the view ops around a copy
//!   removes those passes.

use crate::cpu::{contiguous_f32, parallel, with_f32};
use crate::error::{Error, Result};
use candle_core::{CpuStorage, CustomOp1, CustomOp2, Layout, Shape, Tensor};
use rayon::prelude::*;

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
        return Err(Error::Param(format!(
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
        return Err(Error::Param(format!(
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
    if src.is_empty() {
        return; // a size-0 axis, which the size-1 filter below would drop as well
    }
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
    // The output axis that reads the input's innermost axis (stride 1): `inner` itself when rows
    // stay contiguous (copied whole), another axis when (ka, inner) tiles are transposed.
    let ka = (0..r)
        .find(|&k| st[k] == 1)
        .expect("some output axis reads the input's last axis");
    let outer: Vec<usize> = (0..r).filter(|&k| k != ka && k != inner).collect();
    let (na, ni, sa, da) = (od[ka], od[inner], st[inner], os[ka]);
    const TILE: usize = 16;
    // The part of `dst` that starts at source offset `s_base`, over the output axes `axes`.
    let copy = |s_base: usize, dst: &mut [f32], axes: &[usize]| {
        if ka == inner {
            for_each_offset(axes, &od, &st, &os, |s0, d0| {
                dst[d0..d0 + ni].copy_from_slice(&src[s_base + s0..s_base + s0 + ni])
            });
            return;
        }
        for_each_offset(axes, &od, &st, &os, |s0, d0| {
            let s0 = s_base + s0;
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
    };
    // The slabs of the first output axis are disjoint runs of `dst`: large copies run them in
    // parallel (a serial relayout was a share of the UNet's 2-thread step, docs/benchmarks.md).
    if outer.first() == Some(&0) && parallel() && dst.len() >= PARALLEL_COPY_MIN {
        dst.par_chunks_mut(os[0])
            .enumerate()
            .for_each(|(i, slab)| copy(i * st[0], slab, &outer[1..]));
    } else {
        copy(0, dst, &outer);
    }
}

/// Values from which [`permute_copy`] splits its work across threads.
const PARALLEL_COPY_MIN: usize = 1 << 16;

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
        return Err(Error::Param(format!(
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
    use crate::testing::probe_grads;
    use candle_core::{Device, Var};

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
        let gf = probe_grads(&fused, &probe);
        let gp = probe_grads(&plain, &probe);
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
        let gf = probe_grads(&fused, &probe);
        let gp = probe_grads(&plain, &probe);
        assert_eq!(
            gf.get(&x).unwrap().to_vec3::<f32>().unwrap(),
            gp.get(&x).unwrap().to_vec3::<f32>().unwrap()
        );
    }

    #[test]
    fn permute_copy_matches_candle_permute() {
        // The last three are large enough to be copied in parallel slabs (at 2 threads below).
        let cases: [(&[usize], &[usize]); 11] = [
            (&[6, 5, 2, 4], &[0, 3, 2, 1]),
            (&[3, 4, 5, 2, 6], &[2, 4, 0, 3, 1]),
            (&[3, 1, 5, 2, 6], &[2, 4, 0, 3, 1]),
            (&[1, 4, 5, 2, 1], &[0, 1, 4, 3, 2]),
            (&[2, 3, 4], &[1, 0, 2]),
            (&[17, 33], &[1, 0]),
            (&[2, 3, 4], &[0, 1, 2]),
            (&[40, 1, 35], &[2, 1, 0]),
            (&[16, 64, 12, 8], &[0, 2, 1, 3]),
            (&[16, 64, 12, 8], &[0, 3, 2, 1]),
            (&[16, 64, 12, 8], &[1, 0, 3, 2]),
        ];
        for (dims, perm) in cases {
            let n: usize = dims.iter().product();
            let src: Vec<f32> = (0..n).map(|i| i as f32).collect();
            let mut dst = vec![0f32; n];
            crate::cpu::with_threads(2, || permute_copy(&src, dims, perm, &mut dst));
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
        let gf = probe_grads(&fused, &probe);
        let gp = probe_grads(&plain, &probe);
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
