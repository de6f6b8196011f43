//! Convolution and pooling with hand-written backward passes on a **channel-major** layout, the
//! building blocks of the UNets (the `unet` crate), 1D and 2D alike.
//!
//! Activations are `[C, N]` tensors with `N = B*H*W`, i.e. `[C, B, H, W]` row-major; a 1D signal
//! is the case `H = 1`. In this layout
//! - a same-padded convolution is gemms over the whole batch: `kh*kw` of them on views of one
//!   padded copy of the input, or one on the im2col matrix ([`conv_same`], routes below);
//! - BatchNorm statistics run over one contiguous row per channel ([`crate::batchnorm`]);
//! - a skip connection (channel concatenation) is a concatenation of rows (`Tensor::cat(.., 0)`);
//! - a transposed convolution with kernel = stride (PDEBench's `ConvTranspose{1,2}d(k=2, s=2)`)
//!   writes disjoint output patches, so it is a gemm `W^T [Co*fh*fw, Ci] x X [Ci, N]` followed by
//!   a pixel-shuffle copy ([`pixel_shuffle`]); its gradient is plain matmul + relayout.
//!
//! Why not candle's own ops (0.11.1):
//! - `conv2d` forward + backward ran at about 8 GFLOP/s here (reference/rust-stack.md §1: 228 ms
//!   for a 3x3 32->32 layer on [8, 32, 64, 64]) against about 100 GFLOP/s for a plain gemm;
//! - `conv1d`'s backward returns a **wrong kernel gradient** (found while writing these tests:
//!   -4.28 where central differences and conv2d give -1.03, batch 3, 2 -> 5 channels, k = 3);
//! - `max_pool2d`'s backward multiplies the gradient by the share of maxima in the window
//!   (0.25 instead of 1 for a unique maximum of a 2x2 window);
//! - `conv_transpose1d` has no backward, and its forward disagreed with the definition for the
//!   shapes of our tests; there is no `max_pool1d`.
//!
//! [`conv_same`] has two routes to the same sums ([`ConvRoute`]):
//! - **shifted gemms** on a zero-padded copy of the input, for grids where padding adds little
//!   (2D kernels on grids where padding adds at most 30% positions: from 16x16). Tap `t` of the
//!   kernel reads the padded input at a fixed offset `s_t`, so the convolution is
//!   `sum_t W_t [Co, Ci] x Xpad[:, p + s_t]` over the padded positions `p`: kh*kw accumulating
//!   gemms on views of one buffer, with no im2col matrix at all (the outputs at padding
//!   positions are computed and dropped). Its backward is the same with `W_t^T` and `-s_t`.
//!   The positions are cut into blocks of about 256 KiB of rows, one parallel task each, so a
//!   block's output and input stay in cache over the taps and the weight gradient's sum over
//!   positions splits across threads too ([`ConvSame::shifted_sum`]). On the UNet's 16x16 to
//!   64x64 levels this beats im2col (the 9x im2col matrix was mostly memory traffic: at 32x32
//!   the forward ran 2x faster), and the transient copy is 1x the input;
//! - **im2col** (`W [Co, Ci*kh*kw] x cols [Ci*kh*kw, N]`, one gemm) for the small grids of the
//!   deep levels, where padding would add half the work or more (8x8: 1.56x the positions, 4x4:
//!   2.25x) and im2col is small, and for 1D kernels (im2col 3x the input; the shifted route
//!   measured no faster, and 13-52% slower on unet1d since it works in blocks). It keeps the
//!   im2col matrix only while it is used: the forward builds and drops it, the backward
//!   rebuilds it from the saved input, so a long rollout keeps no copies alive.
//!
//! `examples/conv_layers.rs` of the unet crate times both routes on every UNet layer shape.

use crate::cpu::{contiguous_f32, filled_by_chunks, rows_per_task, with_f32, TASK_VALUES};
use crate::error::{Error, Result};
use crate::layout::relayout;
use candle_core::backend::BackendStorage;
use candle_core::{CpuStorage, CustomOp1, CustomOp2, Layout, Shape, Tensor};

/// The batch and spatial extent of a channel-major activation `[C, B*H*W]` (1D: `h = 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    pub b: usize,
    pub h: usize,
    pub w: usize,
}

impl Grid {
    pub fn new(b: usize, h: usize, w: usize) -> Self {
        Self { b, h, w }
    }

    /// Positions per channel: `B*H*W`.
    pub fn n(&self) -> usize {
        self.b * self.h * self.w
    }

    /// The grid after non-overlapping pooling by `(fh, fw)`.
    pub fn pooled(&self, fh: usize, fw: usize) -> Self {
        Self {
            b: self.b,
            h: self.h / fh,
            w: self.w / fw,
        }
    }
}

fn bad(op: &str, what: String) -> Error {
    Error::Param(format!("{op}: {what}"))
}

/// Same-padded, stride-1 convolution of `x` `[Ci, B*H*W]` (layout [`Grid`]) with a PyTorch-layout
/// weight `w` `[Co, Ci, kh, kw]` (or `[Co, Ci, k]` for 1D, where `kh = 1`), no bias; returns
/// `[Co, B*H*W]`. Kernel sizes must be odd (padding `kh/2`, `kw/2`, as `Conv(k, padding=k//2)`).
/// One autograd node; the input gradient is only computed when `x` needs one.
pub fn conv_same(x: &Tensor, w: &Tensor, grid: Grid, kh: usize, kw: usize) -> Result<Tensor> {
    conv_same_via(x, w, grid, kh, kw, ConvRoute::for_grid(grid, kh, kw))
}

/// How [`conv_same`] computes its sums (module docs); both give the same values up to rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvRoute {
    Im2col,
    ShiftedGemm,
}

impl ConvRoute {
    /// Shifted gemms for 2D kernels where padding adds at most 30% to the positions, im2col
    /// elsewhere (a 1D kernel's im2col is only 3x the input, and measured no slower).
    pub fn for_grid(grid: Grid, kh: usize, kw: usize) -> Self {
        let pad = Padding::new(grid, kh, kw);
        if 10 * pad.hp * pad.wp <= 13 * grid.h * grid.w && kh > 1 && kw > 1 {
            Self::ShiftedGemm
        } else {
            Self::Im2col
        }
    }
}

/// [`conv_same`] by the given route (tests compare the two).
pub fn conv_same_via(
    x: &Tensor,
    w: &Tensor,
    grid: Grid,
    kh: usize,
    kw: usize,
    route: ConvRoute,
) -> Result<Tensor> {
    let op = "conv_same";
    if kh.is_multiple_of(2) || kw.is_multiple_of(2) {
        return Err(bad(op, format!("kernel {kh}x{kw} must have odd sizes")));
    }
    let (ci, n) = x
        .dims2()
        .map_err(|_| bad(op, format!("input must be [Ci, N], got {:?}", x.dims())))?;
    if n != grid.n() {
        return Err(bad(
            op,
            format!("input {:?} does not match the grid {grid:?}", x.dims()),
        ));
    }
    let co = w.dims().first().copied().unwrap_or(0);
    if co == 0 || w.elem_count() != co * ci * kh * kw {
        return Err(bad(
            op,
            format!(
                "weight {:?} is not [Co, {ci}, {kh}x{kw}] for input {:?}",
                w.dims(),
                x.dims()
            ),
        ));
    }
    let w2 = w.reshape((co, ci * kh * kw))?;
    Ok(x.contiguous()?.apply_op2(
        &w2.contiguous()?,
        ConvSame {
            ci,
            co,
            grid,
            kh,
            kw,
            route,
        },
    )?)
}

struct ConvSame {
    ci: usize,
    co: usize,
    grid: Grid,
    kh: usize,
    kw: usize,
    route: ConvRoute,
}

/// The zero-padded layout of the shifted-gemm route: each channel row holds its `B` images
/// padded to `hp x wp` (`p` positions), with `slack` zeros before and after so that every tap's
/// shifted view stays inside the row (`row` values per channel).
#[derive(Debug, Clone, Copy)]
struct Padding {
    grid: Grid,
    ph: usize,
    pw: usize,
    hp: usize,
    wp: usize,
    p: usize,
    slack: usize,
    row: usize,
}

impl Padding {
    fn new(grid: Grid, kh: usize, kw: usize) -> Self {
        let (ph, pw) = (kh / 2, kw / 2);
        let (hp, wp) = (grid.h + 2 * ph, grid.w + 2 * pw);
        let p = grid.b * hp * wp;
        let slack = ph * wp + pw;
        Self {
            grid,
            ph,
            pw,
            hp,
            wp,
            p,
            slack,
            row: p + 2 * slack,
        }
    }

    /// The offset of tap `t` (`t = dy * kw + dx`) in the padded layout.
    fn shift(&self, t: usize, kw: usize) -> isize {
        let (dy, dx) = (t / kw, t % kw);
        (dy as isize - self.ph as isize) * self.wp as isize + dx as isize - self.pw as isize
    }

    /// Index in a padded row of image pixel `(b, y, 0)`.
    fn start(&self, b: usize, y: usize) -> usize {
        self.slack + (b * self.hp + y + self.ph) * self.wp + self.pw
    }

    /// `x` `[channels, B*H*W]` zero-padded into `[channels, row]`.
    fn pad(&self, x: &[f32], channels: usize) -> Vec<f32> {
        let (g, n) = (self.grid, self.grid.n());
        filled_by_chunks(channels * self.row, self.row, |c, dst| {
            let src = &x[c * n..(c + 1) * n];
            for b in 0..g.b {
                for y in 0..g.h {
                    dst[self.start(b, y)..][..g.w]
                        .copy_from_slice(&src[(b * g.h + y) * g.w..][..g.w]);
                }
            }
        })
    }

    /// Padded positions per block of [`ConvSame::shifted_sum`] for gemms that read `channels`
    /// rows of source and output together: about 256 KiB of them, so that both stay in the
    /// core's cache over the taps, a multiple of 16 (the gemm kernel's rows), at least 256.
    fn block(&self, channels: usize) -> usize {
        let target = (256 * 1024 / 4) / channels.max(1);
        (target / 16 * 16).clamp(256, self.p.next_multiple_of(16).max(256))
    }

    /// The image pixels of the padded positions held in blocks (`blocks`: block `k` holds
    /// positions `k*block..` of `channels` rows as `[channels, len_k]`) as `[channels, B*H*W]`.
    fn interior_of_blocks(&self, blocks: &[f32], channels: usize, block: usize) -> Vec<f32> {
        let (g, n) = (self.grid, self.grid.n());
        filled_by_chunks(channels * n, n, |c, dst| {
            // Copies padded positions q.. (within one image row) to dst, across block edges.
            let copy = |mut q: usize, mut out: &mut [f32]| {
                while !out.is_empty() {
                    let (k, off) = (q / block, q % block);
                    let len_k = block.min(self.p - k * block);
                    let take = out.len().min(len_k - off);
                    let row = &blocks[channels * block * k + c * len_k + off..][..take];
                    out[..take].copy_from_slice(row);
                    out = &mut out[take..];
                    q += take;
                }
            };
            for b in 0..g.b {
                for y in 0..g.h {
                    copy(
                        self.start(b, y) - self.slack,
                        &mut dst[(b * g.h + y) * g.w..][..g.w],
                    );
                }
            }
        })
    }
}

/// A strided matrix inside a slice: element `(r, c)` at `offset + r * rs + c * cs`.
#[derive(Debug, Clone, Copy)]
struct View {
    offset: usize,
    rs: usize,
    cs: usize,
}

impl View {
    fn new(offset: usize, rs: usize, cs: usize) -> Self {
        Self { offset, rs, cs }
    }

    /// Panics unless the `rows x cols` matrix lies inside `len` values (what makes the raw
    /// pointers handed to gemm safe; callers skip empty products).
    fn check(&self, len: usize, rows: usize, cols: usize) {
        let last = (rows.checked_sub(1).zip(cols.checked_sub(1))).and_then(|(r, c)| {
            self.offset
                .checked_add(r.checked_mul(self.rs)?)?
                .checked_add(c.checked_mul(self.cs)?)
        });
        assert!(
            last.is_some_and(|l| l < len),
            "conv_same: view {self:?} of {rows}x{cols} outside {len} values"
        );
    }
}

/// `dst (m x n) = [dst +] lhs (m x k) * rhs (k x n)` on strided views, by the gemm crate (the
/// kernels candle's own matmul calls), on rayon's threads when `parallel` and there are several.
#[allow(clippy::too_many_arguments)]
fn gemm_views(
    (m, n, k): (usize, usize, usize),
    dst: &mut [f32],
    d: View,
    accumulate: bool,
    lhs: &[f32],
    l: View,
    rhs: &[f32],
    r: View,
    parallel: bool,
) {
    if m == 0 || n == 0 {
        return;
    }
    d.check(dst.len(), m, n);
    if k == 0 {
        // An empty sum: dst keeps its values, zero when not accumulating (callers allocate zeroed).
        return;
    }
    l.check(lhs.len(), m, k);
    r.check(rhs.len(), k, n);
    let parallelism = if parallel && crate::cpu::parallel() {
        gemm::Parallelism::Rayon(rayon::current_num_threads())
    } else {
        gemm::Parallelism::None
    };
    // SAFETY: the three views were checked to lie inside their slices; `dst` is borrowed
    // mutably and does not alias `lhs` or `rhs`; every dst view of this file has distinct
    // elements (row stride >= columns x column stride), so gemm's threads write disjoint values.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            dst.as_mut_ptr().add(d.offset),
            d.cs as isize,
            d.rs as isize,
            accumulate,
            lhs.as_ptr().add(l.offset),
            l.cs as isize,
            l.rs as isize,
            rhs.as_ptr().add(r.offset),
            r.cs as isize,
            r.rs as isize,
            1.0,
            1.0,
            false,
            false,
            false,
            parallelism,
        );
    }
}

/// Positions per share of [`weight_grad`].
const SHARE_POSITIONS: usize = 512;

/// `g [rows, N] x cols [k, N]^T` (`[rows, k]`: a weight gradient, summed over the positions),
/// in shares of [`SHARE_POSITIONS`] positions, one parallel task each, added in order. As one
/// gemm, the sum over positions ran on one thread when the product is small (unet1d's first
/// level: 32 x 96 values summed over 2560 positions), since gemm splits its output, not its sum.
fn weight_grad(g: &[f32], cols: &[f32], rows: usize, k: usize, n: usize) -> Vec<f32> {
    summed_shares(n.div_ceil(SHARE_POSITIONS), rows * k, |b, share| {
        let first = b * SHARE_POSITIONS;
        gemm_views(
            (rows, k, SHARE_POSITIONS.min(n - first)),
            share,
            View::new(0, k, 1),
            false,
            g,
            View::new(first, n, 1),
            cols,
            View::new(first, 1, n),
            true,
        );
    })
}

/// `sum_b share(b)` over `blocks` shares of `size` values, each written by `share(b, out)` into a
/// zeroed buffer in a parallel task of its own, then added in block order (the same sums at any
/// number of threads), in parallel pieces of the result.
fn summed_shares<F>(blocks: usize, size: usize, share: F) -> Vec<f32>
where
    F: Fn(usize, &mut [f32]) + Sync + Send,
{
    let shares = filled_by_chunks(blocks * size, size, share);
    filled_by_chunks(size, TASK_VALUES, |j, out| {
        let first = j * TASK_VALUES;
        for share in shares.chunks_exact(size) {
            out.iter_mut()
                .zip(&share[first..])
                .for_each(|(o, v)| *o += v);
        }
    })
}

impl ConvSame {
    fn taps(&self) -> usize {
        self.kh * self.kw
    }

    /// `out[:, q] = sum_t A_t src[:, q + shift(t)]` over the padded positions `q`, computed in
    /// blocks of positions ([`Padding::block`]), one parallel task per block: each block's
    /// `kh*kw` accumulating gemms reuse its output and source columns while they are in cache
    /// (one gemm per tap over all positions streamed the whole output through memory once per
    /// tap: at 32 channels a gemm has only 32 multiply-adds per value it reads and writes), and
    /// the tasks need no synchronisation between taps. `a(t)` is tap `t`'s `[rows, src_channels]`
    /// matrix as a view of `w`. Returns the interior positions as `[rows, B*H*W]`.
    fn shifted_sum(
        &self,
        src: &[f32],
        src_channels: usize,
        rows: usize,
        w: &[f32],
        a: impl Fn(usize) -> View + Sync,
        shift: impl Fn(usize) -> isize + Sync,
    ) -> Vec<f32> {
        let pad = Padding::new(self.grid, self.kh, self.kw);
        let block = pad.block(rows + src_channels);
        let blocks = filled_by_chunks(rows * pad.p, rows * block, |k, dst| {
            let (first, len) = (k * block, dst.len() / rows);
            for t in 0..self.taps() {
                let s = pad.slack as isize + shift(t);
                gemm_views(
                    (rows, len, src_channels),
                    dst,
                    View::new(0, len, 1),
                    t > 0,
                    w,
                    a(t),
                    src,
                    View::new((first as isize + s) as usize, pad.row, 1),
                    false,
                );
            }
        });
        pad.interior_of_blocks(&blocks, rows, block)
    }

    /// Shifted-gemm forward: `out = sum_t W_t x Xpad[:, p + s_t]`, interior positions kept.
    fn forward_shifted(&self, x: &[f32], w: &[f32]) -> Vec<f32> {
        let pad = Padding::new(self.grid, self.kh, self.kw);
        let (kk, ci) = (self.taps(), self.ci);
        let xpad = pad.pad(x, ci);
        self.shifted_sum(
            &xpad,
            ci,
            self.co,
            w,
            |t| View::new(t, ci * kk, kk),
            |t| pad.shift(t, self.kw),
        )
    }

    /// Shifted-gemm backward: `gW_t = gpad x Xpad[:, p + s_t]^T` and
    /// `gXpad[:, q] = sum_t W_t^T gpad[:, q - s_t]`; `gpad` is zero off the image, so the
    /// dropped positions contribute nothing. The weight gradient is a sum over positions: each
    /// block of positions adds its share in a task of its own, and the shares are summed in
    /// block order (the same sums whatever the number of threads).
    fn backward_shifted(
        &self,
        x: &[f32],
        w: &[f32],
        g: &[f32],
        (want_gx, want_gw): (bool, bool),
    ) -> (Option<Vec<f32>>, Option<Vec<f32>>) {
        let pad = Padding::new(self.grid, self.kh, self.kw);
        let (kk, ci, co) = (self.taps(), self.ci, self.co);
        let gpad = pad.pad(g, co);
        let gw = want_gw.then(|| {
            let xpad = pad.pad(x, ci);
            let block = pad.block(co + ci);
            summed_shares(pad.p.div_ceil(block), co * ci * kk, |k, share| {
                let (first, len) = (k * block, block.min(pad.p - k * block));
                for t in 0..kk {
                    let s = pad.slack as isize + pad.shift(t, self.kw);
                    gemm_views(
                        (co, ci, len),
                        share,
                        View::new(t, ci * kk, kk),
                        false,
                        &gpad,
                        View::new(pad.slack + first, pad.row, 1),
                        &xpad,
                        View::new((first as isize + s) as usize, 1, pad.row),
                        false,
                    );
                }
            })
        });
        let gx = want_gx.then(|| {
            self.shifted_sum(
                &gpad,
                co,
                ci,
                w,
                |t| View::new(t, kk, ci * kk),
                |t| -pad.shift(t, self.kw),
            )
        });
        (gx, gw)
    }

    /// The im2col matrix `[Ci*kh*kw, N]`: row `(c, dy, dx)` holds channel `c` shifted by
    /// `(dy - kh/2, dx - kw/2)`, zero outside the image.
    fn im2col(&self, x: &[f32]) -> Vec<f32> {
        let (g, n) = (self.grid, self.grid.n());
        let (kh, kw) = (self.kh, self.kw);
        filled_by_chunks(self.ci * self.taps() * n, n, |r, row| {
            let c = r / (kh * kw);
            let dy = (r / kw) % kh;
            let sx = (r % kw) as isize - (kw / 2) as isize;
            let plane = &x[c * n..(c + 1) * n];
            for b in 0..g.b {
                for y in 0..g.h {
                    let yy = (y + dy) as isize - (kh / 2) as isize;
                    if yy < 0 || yy >= g.h as isize {
                        continue; // stays zero
                    }
                    let src = &plane[(b * g.h + yy as usize) * g.w..][..g.w];
                    let dst = &mut row[(b * g.h + y) * g.w..][..g.w];
                    // dst[x] = src[x + sx] where that is inside the row.
                    if sx >= 0 {
                        let s = sx as usize;
                        if s < g.w {
                            dst[..g.w - s].copy_from_slice(&src[s..]);
                        }
                    } else {
                        let s = (-sx) as usize;
                        if s < g.w {
                            dst[s..].copy_from_slice(&src[..g.w - s]);
                        }
                    }
                }
            }
        })
    }

    /// The adjoint of [`ConvSame::im2col`]: sums every column gradient back onto its input pixel.
    fn col2im(&self, gcols: &[f32]) -> Vec<f32> {
        let (g, n) = (self.grid, self.grid.n());
        let (kh, kw, kk) = (self.kh, self.kw, self.taps());
        filled_by_chunks(self.ci * n, n, |c, plane| {
            for t in 0..kk {
                let row = &gcols[(c * kk + t) * n..][..n];
                let dy = t / kw;
                let sx = (t % kw) as isize - (kw / 2) as isize;
                for b in 0..g.b {
                    for y in 0..g.h {
                        let yy = (y + dy) as isize - (kh / 2) as isize;
                        if yy < 0 || yy >= g.h as isize {
                            continue;
                        }
                        let src = &row[(b * g.h + y) * g.w..][..g.w];
                        let dst = &mut plane[(b * g.h + yy as usize) * g.w..][..g.w];
                        // im2col read dst[x + sx] into src[x].
                        if sx >= 0 {
                            let s = sx as usize;
                            if s < g.w {
                                dst[s..]
                                    .iter_mut()
                                    .zip(&src[..g.w - s])
                                    .for_each(|(d, v)| *d += v);
                            }
                        } else {
                            let s = (-sx) as usize;
                            if s < g.w {
                                dst[..g.w - s]
                                    .iter_mut()
                                    .zip(&src[s..])
                                    .for_each(|(d, v)| *d += v);
                            }
                        }
                    }
                }
            }
        })
    }
}

impl CustomOp2 for ConvSame {
    fn name(&self) -> &'static str {
        "conv-same"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let n = self.grid.n();
        let k = self.ci * self.taps();
        let out = if self.taps() == 1 {
            s2.matmul(s1, (1, self.co, n, k), l2, l1)?
        } else if self.route == ConvRoute::ShiftedGemm {
            let x = contiguous_f32(s1, l1, self.name())?;
            let w = contiguous_f32(s2, l2, self.name())?;
            CpuStorage::F32(self.forward_shifted(x, w))
        } else {
            let x = contiguous_f32(s1, l1, self.name())?;
            let cols = CpuStorage::F32(self.im2col(x));
            s2.matmul(&cols, (1, self.co, n, k), l2, &Layout::contiguous((k, n)))?
        };
        Ok((out, Shape::from((self.co, n))))
    }

    fn bwd(
        &self,
        x: &Tensor,
        w: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>)> {
        let n = self.grid.n();
        let k = self.ci * self.taps();
        let g = grad.contiguous()?;
        if self.taps() > 1 && self.route == ConvRoute::ShiftedGemm {
            let wanted = (x.track_op(), w.track_op());
            let (gx, gw) = with_f32(x, |xs| {
                with_f32(w, |ws| {
                    with_f32(&g, |gs| Ok(self.backward_shifted(xs, ws, gs, wanted)))
                })
            })?;
            let gx = gx
                .map(|gx| Tensor::from_vec(gx, (self.ci, n), x.device()))
                .transpose()?;
            let gw = gw
                .map(|gw| Tensor::from_vec(gw, (self.co, k), w.device()))
                .transpose()?;
            return Ok((gx, gw));
        }
        let cols = if self.taps() == 1 {
            x.detach()
        } else {
            let cols = with_f32(x, |xs| Ok(self.im2col(xs)))?;
            Tensor::from_vec(cols, (k, n), x.device())?
        };
        let gw = if w.track_op() {
            let gw = with_f32(&g, |gs| {
                with_f32(&cols, |cs| Ok(weight_grad(gs, cs, self.co, k, n)))
            })?;
            Some(Tensor::from_vec(gw, (self.co, k), w.device())?)
        } else {
            None
        };
        let gx = if x.track_op() {
            let gcols = w.detach().t()?.matmul(&g)?;
            Some(if self.taps() == 1 {
                gcols
            } else {
                let gx = with_f32(&gcols, |gc| Ok(self.col2im(gc)))?;
                Tensor::from_vec(gx, (self.ci, n), x.device())?
            })
        } else {
            None
        };
        Ok((gx, gw))
    }
}

/// Non-overlapping max pooling (kernel = stride = `(fh, fw)`, PyTorch's `MaxPool{1,2}d(k, k)`) of
/// `x` `[C, B*H*W]`; returns `[C, B*(H/fh)*(W/fw)]`. `H` and `W` must be multiples of the factors.
/// The gradient goes to the first maximum of each window, as in PyTorch. One autograd node.
pub fn max_pool(x: &Tensor, grid: Grid, fh: usize, fw: usize) -> Result<Tensor> {
    let op = "max_pool";
    let (c, n) = x
        .dims2()
        .map_err(|_| bad(op, format!("input must be [C, N], got {:?}", x.dims())))?;
    if n != grid.n()
        || fh == 0
        || fw == 0
        || !grid.h.is_multiple_of(fh)
        || !grid.w.is_multiple_of(fw)
    {
        return Err(bad(
            op,
            format!(
                "cannot pool {:?} on grid {grid:?} by {fh}x{fw} (sizes must divide)",
                x.dims()
            ),
        ));
    }
    let _ = c;
    Ok(x.contiguous()?.apply_op1(MaxPool { grid, fh, fw })?)
}

struct MaxPool {
    grid: Grid,
    fh: usize,
    fw: usize,
}

impl MaxPool {
    /// Values per image plane of the input and of the output.
    fn plane_sizes(&self) -> (usize, usize) {
        let g = self.grid;
        (g.h * g.w, (g.h / self.fh) * (g.w / self.fw))
    }

    /// Calls `f(output index, input index of the window's first maximum)` for every output of
    /// one image plane `x` (`H*W` values), indices within the plane.
    fn for_each_max(&self, x: &[f32], mut f: impl FnMut(usize, usize)) {
        let g = self.grid;
        let (ho, wo) = (g.h / self.fh, g.w / self.fw);
        let mut o = 0;
        for yo in 0..ho {
            for xo in 0..wo {
                let mut best = yo * self.fh * g.w + xo * self.fw;
                let mut bv = x[best];
                for dy in 0..self.fh {
                    let row = (yo * self.fh + dy) * g.w + xo * self.fw;
                    for dx in 0..self.fw {
                        let v = x[row + dx];
                        // `>` keeps the first maximum; NaN propagates as in PyTorch.
                        if v > bv || (v.is_nan() && !bv.is_nan()) {
                            bv = v;
                            best = row + dx;
                        }
                    }
                }
                f(o, best);
                o += 1;
            }
        }
    }
}

impl CustomOp1 for MaxPool {
    fn name(&self) -> &'static str {
        "max-pool"
    }

    // Planes are pooled apart (a window never leaves its plane), so forward and backward run in
    // parallel over chunks of planes; the backward's scatter stays inside its own plane.
    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = contiguous_f32(s, l, self.name())?;
        let (c, n) = l.shape().dims2()?;
        let m = n / (self.fh * self.fw);
        let (plane_in, plane_out) = self.plane_sizes();
        let planes = rows_per_task(plane_in, TASK_VALUES); // image planes per task
        let out = filled_by_chunks(c * m, planes * plane_out, |t, out| {
            let first = t * planes;
            for (k, o) in out.chunks_mut(plane_out).enumerate() {
                let xp = &x[(first + k) * plane_in..(first + k + 1) * plane_in];
                self.for_each_max(xp, |oi, ii| o[oi] = xp[ii]);
            }
        });
        Ok((CpuStorage::F32(out), Shape::from((c, m))))
    }

    fn bwd(
        &self,
        arg: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<Option<Tensor>> {
        let (plane_in, plane_out) = self.plane_sizes();
        let planes = rows_per_task(plane_in, TASK_VALUES); // image planes per task
        let gx = with_f32(arg, |x| {
            with_f32(grad, |g| {
                Ok(filled_by_chunks(x.len(), planes * plane_in, |t, gx| {
                    let first = t * planes;
                    for (k, gp) in gx.chunks_mut(plane_in).enumerate() {
                        let p = first + k;
                        let xp = &x[p * plane_in..(p + 1) * plane_in];
                        let gop = &g[p * plane_out..(p + 1) * plane_out];
                        self.for_each_max(xp, |oi, ii| gp[ii] += gop[oi]);
                    }
                }))
            })
        })?;
        Ok(Some(Tensor::from_vec(gx, arg.shape(), arg.device())?))
    }
}

/// Rearranges the output of a kernel = stride transposed convolution computed as a gemm,
/// `y` `[Co*fh*fw, B*H*W]` (row `(co, dy, dx)`), into the upsampled image
/// `[Co, B*(H*fh)*(W*fw)]`: output pixel `(b, y*fh + dy, x*fw + dx)` of channel `co` is
/// `y[(co, dy, dx), (b, y, x)]`. One relayout (a differentiable copy).
pub fn pixel_shuffle(y: &Tensor, grid: Grid, fh: usize, fw: usize) -> Result<Tensor> {
    let (rows, n) = y.dims2()?;
    if n != grid.n() || fh * fw == 0 || rows % (fh * fw) != 0 {
        return Err(bad(
            "pixel_shuffle",
            format!(
                "input {:?} is not [Co*{fh}*{fw}, N] on grid {grid:?}",
                y.dims()
            ),
        ));
    }
    let co = rows / (fh * fw);
    relayout(
        y,
        &[co, fh, fw, grid.b, grid.h, grid.w],
        &[0, 3, 4, 1, 5, 2],
        &[co, n * fh * fw],
    )
}

/// PyTorch's `ConvTranspose{1,2}d(Ci, Co, kernel_size=f, stride=f)` without bias on a channel-major
/// input `x` `[Ci, B*H*W]`, with the PyTorch-layout weight `w` `[Ci, Co, fh, fw]` (1D:
/// `[Ci, Co, fw]`, `fh = 1`); returns `[Co, B*(H*fh)*(W*fw)]`. A gemm and a [`pixel_shuffle`],
/// both with candle autograd.
pub fn conv_transpose_stride(
    x: &Tensor,
    w: &Tensor,
    grid: Grid,
    fh: usize,
    fw: usize,
) -> Result<Tensor> {
    let (ci, _) = x.dims2()?;
    let wd = w.dims();
    if wd.len() < 2 || wd[0] != ci || w.elem_count() != ci * wd[1] * fh * fw {
        return Err(bad(
            "conv_transpose_stride",
            format!(
                "weight {wd:?} is not [{ci}, Co, {fh}x{fw}] for input {:?}",
                x.dims()
            ),
        ));
    }
    let co = wd[1];
    // [Ci, Co*fh*fw]^T x [Ci, N] = [Co*fh*fw, N], rows ordered (co, dy, dx).
    let y = w.reshape((ci, co * fh * fw))?.t()?.matmul(x)?;
    pixel_shuffle(&y, grid, fh, fw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::probe_grads;
    use candle_core::{Device, Var};

    fn vals(seed: usize, n: usize) -> Vec<f32> {
        // Distinct, irregular values (max pooling needs no ties).
        (0..n)
            .map(|i| {
                let v = ((i * 7919 + seed * 104_729) % 10_007) as f32 / 10_007.0;
                v * 2.0 - 1.0 + (i as f32) * 1e-6
            })
            .collect()
    }

    fn max_abs(a: &Tensor, b: &Tensor) -> f32 {
        (a - b)
            .unwrap()
            .abs()
            .unwrap()
            .flatten_all()
            .unwrap()
            .max(0)
            .unwrap()
            .to_scalar::<f32>()
            .unwrap()
    }

    /// [B, C, H, W] -> [C, B*H*W]
    fn to_cm(t: &Tensor) -> Tensor {
        let (b, c, h, w) = t.dims4().unwrap();
        t.permute((1, 0, 2, 3))
            .unwrap()
            .contiguous()
            .unwrap()
            .reshape((c, b * h * w))
            .unwrap()
    }

    fn from_cm(t: &Tensor, g: Grid) -> Tensor {
        let c = t.dim(0).unwrap();
        t.reshape((c, g.b, g.h, g.w))
            .unwrap()
            .permute((1, 0, 2, 3))
            .unwrap()
            .contiguous()
            .unwrap()
    }

    /// conv_same against candle's conv2d (values and both gradients). 1D cases go through
    /// conv2d with a 1 x k kernel: candle 0.11.1's own conv1d backward returns a wrong kernel
    /// gradient (checked against finite differences: -4.28 instead of -1.03 for entry 0 of the
    /// first 1D case below), so it cannot serve as the reference.
    #[test]
    fn conv_same_matches_candle_conv2d_with_gradients() {
        let dev = Device::Cpu;
        let cases = [
            (2, 3, 4, 5, 7, 3, 3),
            (3, 2, 5, 1, 9, 1, 3),
            (1, 4, 3, 6, 4, 1, 1),
            (2, 2, 2, 4, 3, 5, 3),
            (2, 3, 4, 12, 14, 3, 3),
            (2, 2, 3, 1, 20, 1, 5),
            // Large enough for gemm to split its work at 2 threads (below), and for the shifted
            // route's blocks of positions (3 of them, image rows straddling their edges).
            (4, 24, 32, 24, 24, 3, 3),
        ];
        let pad = Padding::new(Grid::new(4, 24, 24), 3, 3);
        assert_eq!(pad.p.div_ceil(pad.block(24 + 32)), 3);
        assert_ne!(pad.block(24 + 32) % pad.wp, 0);
        let routes = [ConvRoute::Im2col, ConvRoute::ShiftedGemm];
        for ((b, ci, co, h, w, kh, kw), route) in
            cases.into_iter().flat_map(|c| routes.map(|r| (c, r)))
        {
            let threads = if b == 4 { 2 } else { 1 };
            crate::cpu::with_threads(threads, || {
                let g = Grid::new(b, h, w);
                let x = Var::from_vec(vals(1, b * ci * h * w), (b, ci, h, w), &dev).unwrap();
                let wt = Var::from_vec(vals(2, co * ci * kh * kw), (co, ci, kh, kw), &dev).unwrap();
                let probe = Tensor::from_vec(vals(3, b * co * h * w), (b, co, h, w), &dev).unwrap();
                let plain = x
                    .pad_with_zeros(2, kh / 2, kh / 2)
                    .unwrap()
                    .pad_with_zeros(3, kw / 2, kw / 2)
                    .unwrap()
                    .conv2d(&wt, 0, 1, 1, 1)
                    .unwrap();
                let ours = from_cm(
                    &conv_same_via(&to_cm(&x), &wt, g, kh, kw, route).unwrap(),
                    g,
                );
                assert_eq!(ours.dims(), plain.dims());
                // Relative to the largest output: the large case sums 216 products per value.
                let scale = max_abs(&plain, &plain.zeros_like().unwrap());
                let d = max_abs(&ours, &plain);
                assert!(
                    d < 1e-5 * (1.0 + scale),
                    "{b} {ci} {co} {h} {w} {kh}x{kw} {route:?}: forward differs by {d}"
                );
                let go = probe_grads(&ours, &probe);
                let gp = probe_grads(&plain, &probe);
                for (name, v) in [("x", &x), ("w", &wt)] {
                    let (ours, want) = (go.get(v).unwrap(), gp.get(v).unwrap());
                    let d = max_abs(ours, want);
                    let scale = max_abs(want, &want.zeros_like().unwrap());
                    assert!(
                        d < 1e-4 * (1.0 + scale),
                        "{h}x{w} {kh}x{kw} {route:?}: gradient of {name} differs by {d}"
                    );
                }
            });
        }
        // One weight entry of the 1D case against a central difference as well.
        let (b, ci, co, w) = (3, 2, 5, 9);
        let g = Grid::new(b, 1, w);
        let x = Tensor::from_vec(vals(1, b * ci * w), (ci, b * w), &dev).unwrap();
        let wv = vals(2, co * ci * 3);
        let wt = Var::from_vec(wv.clone(), (co, ci, 3), &dev).unwrap();
        let probe = Tensor::from_vec(vals(3, co * b * w), (co, b * w), &dev).unwrap();
        let f = |t: &Tensor| {
            (conv_same(&x, t, g, 1, 3).unwrap() * &probe)
                .unwrap()
                .sum_all()
                .unwrap()
        };
        let ga = f(&wt)
            .backward()
            .unwrap()
            .get(&wt)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        for idx in [0, 7, 29] {
            let at = |d: f32| {
                let mut v = wv.clone();
                v[idx] += d;
                f64::from(
                    f(&Tensor::from_vec(v, (co, ci, 3), &dev).unwrap())
                        .to_scalar::<f32>()
                        .unwrap(),
                )
            };
            let fd = (at(1e-2) - at(-1e-2)) / 2e-2;
            let a = f64::from(ga[idx]);
            assert!(
                (a - fd).abs() < 1e-3 * (1.0 + fd.abs()),
                "w[{idx}]: {a} vs {fd}"
            );
        }
        // Shifted gemms where padding adds at most 30%: the UNet's 16x16 to 64x64 levels, not
        // its small deep levels or 1D signals.
        for (h, w, kh, kw, want) in [
            (64, 64, 3, 3, ConvRoute::ShiftedGemm),
            (32, 32, 3, 3, ConvRoute::ShiftedGemm),
            (16, 16, 3, 3, ConvRoute::ShiftedGemm),
            (8, 8, 3, 3, ConvRoute::Im2col),
            (4, 4, 3, 3, ConvRoute::Im2col),
            (1, 128, 1, 3, ConvRoute::Im2col),
            (1, 8, 1, 3, ConvRoute::Im2col),
            (32, 32, 1, 1, ConvRoute::Im2col),
        ] {
            assert_eq!(
                ConvRoute::for_grid(Grid::new(2, h, w), kh, kw),
                want,
                "{h}x{w} {kh}x{kw}"
            );
        }
        // Empty batches and zero input channels give empty or zero outputs by both routes.
        for route in routes {
            let g = Grid::new(0, 30, 30);
            let x = Tensor::zeros((3, 0), candle_core::DType::F32, &dev).unwrap();
            let w = Tensor::ones((2, 3, 3, 3), candle_core::DType::F32, &dev).unwrap();
            assert_eq!(
                conv_same_via(&x, &w, g, 3, 3, route).unwrap().dims(),
                &[2, 0],
                "{route:?}"
            );
            let g = Grid::new(1, 30, 30);
            let x = Tensor::zeros((0, 900), candle_core::DType::F32, &dev).unwrap();
            let w = Tensor::zeros((2, 0, 3, 3), candle_core::DType::F32, &dev).unwrap();
            let y = conv_same_via(&x, &w, g, 3, 3, route).unwrap();
            assert_eq!(y.dims(), &[2, 900], "{route:?}");
            assert_eq!(
                y.abs()
                    .unwrap()
                    .sum_all()
                    .unwrap()
                    .to_scalar::<f32>()
                    .unwrap(),
                0.0,
                "{route:?}"
            );
        }
        // A constant input gets no gradient computed (by either route); errors name the op.
        for route in routes {
            let g = Grid::new(1, 2, 2);
            let x = Tensor::ones((3, 4), candle_core::DType::F32, &dev).unwrap();
            let w = Var::ones((2, 3, 3, 3), candle_core::DType::F32, &dev).unwrap();
            let grads = conv_same_via(&x, &w, g, 3, 3, route)
                .unwrap()
                .sum_all()
                .unwrap()
                .backward()
                .unwrap();
            assert!(
                grads.get(&x).is_none() && grads.get(&w).is_some(),
                "{route:?}"
            );
        }
        let g = Grid::new(1, 2, 2);
        let x = Tensor::ones((3, 4), candle_core::DType::F32, &dev).unwrap();
        let w = Var::ones((2, 3, 3, 3), candle_core::DType::F32, &dev).unwrap();
        let e = conv_same(&x, &w, g, 2, 3).unwrap_err().to_string();
        assert!(e.starts_with("conv_same: kernel 2x3"), "{e}");
        let e = conv_same(&x, &w, Grid::new(1, 3, 2), 3, 3)
            .unwrap_err()
            .to_string();
        assert!(e.contains("does not match the grid"), "{e}");
    }

    /// Values against candle's max_pool2d; the gradient against the expected one (the probe at
    /// each window's maximum). candle 0.11.1's max_pool2d backward multiplies that gradient by
    /// the share of maxima in the window (1/4 for a unique maximum of a 2x2 window), so it is not
    /// a usable reference.
    #[test]
    fn max_pool_matches_candle_and_routes_the_gradient_to_the_maximum() {
        let dev = Device::Cpu;
        // The last case is 640 planes of 64 values: two parallel tasks at 2 threads.
        let cases = [
            (2, 3, 4, 6, 2, 2, 1),
            (3, 2, 1, 8, 1, 2, 1),
            (1, 2, 6, 6, 3, 2, 1),
            (4, 160, 8, 8, 2, 2, 2),
        ];
        for (b, c, h, w, fh, fw, threads) in cases {
            crate::cpu::with_threads(threads, || {
                let g = Grid::new(b, h, w);
                let x = Var::from_vec(vals(5, b * c * h * w), (b, c, h, w), &dev).unwrap();
                let plain = x.max_pool2d((fh, fw)).unwrap();
                let gp_out = g.pooled(fh, fw);
                let ours = from_cm(&max_pool(&to_cm(&x), g, fh, fw).unwrap(), gp_out);
                assert_eq!(max_abs(&ours, &plain), 0.0);
                let probe =
                    Tensor::from_vec(vals(6, plain.elem_count()), plain.dims(), &dev).unwrap();
                let go = probe_grads(&ours, &probe);
                // Values are distinct: exactly one maximum per window.
                let mask = x
                    .eq(&plain.upsample_nearest2d(h, w).unwrap())
                    .unwrap()
                    .to_dtype(candle_core::DType::F32)
                    .unwrap();
                let want = (probe.upsample_nearest2d(h, w).unwrap() * mask).unwrap();
                assert_eq!(max_abs(go.get(&x).unwrap(), &want), 0.0);
            });
        }
        // Ties: only the first maximum of a window gets the gradient.
        let x = Var::from_vec(vec![1f32, 1.0, 0.0, 1.0], (1, 4), &dev).unwrap();
        let y = max_pool(&x, Grid::new(1, 1, 4), 1, 2).unwrap();
        assert_eq!(y.to_vec2::<f32>().unwrap(), vec![vec![1.0, 1.0]]);
        let g = y.sum_all().unwrap().backward().unwrap();
        assert_eq!(
            g.get(&x).unwrap().to_vec2::<f32>().unwrap(),
            vec![vec![1.0, 0.0, 0.0, 1.0]]
        );
        assert!(max_pool(&x, Grid::new(1, 1, 4), 1, 3).is_err());
    }

    #[test]
    fn pixel_shuffle_matches_candle_permute() {
        let dev = Device::Cpu;
        for (co, fh, fw, b, h, w) in [(4, 2, 2, 2, 3, 5), (3, 1, 2, 2, 1, 5), (2, 2, 2, 1, 1, 1)] {
            let n = co * fh * fw * b * h * w;
            let y = Tensor::from_vec(vals(11, n), (co * fh * fw, b * h * w), &dev).unwrap();
            let ours = pixel_shuffle(&y, Grid::new(b, h, w), fh, fw).unwrap();
            let plain = y
                .reshape((co, fh, fw, b, h, w))
                .unwrap()
                .permute((0, 3, 4, 1, 5, 2))
                .unwrap()
                .contiguous()
                .unwrap()
                .reshape((co, n / co))
                .unwrap();
            assert_eq!(max_abs(&ours, &plain), 0.0, "{co} {fh} {fw} {b} {h} {w}");
        }
    }

    /// conv_transpose_stride against the definition, out[b, o, f*i + d] += x[b, c, i] w[c, o, d]
    /// (per axis), and against candle's conv_transpose2d. (candle 0.11.1's conv_transpose1d
    /// forward disagrees with the definition for these shapes, so 1D is checked against the loop
    /// only.) The gradient is candle's own matmul + relayout autograd.
    #[test]
    fn strided_transposed_conv_matches_the_definition() {
        let dev = Device::Cpu;
        let (b, ci, co, h, w) = (2, 3, 4, 3, 5);
        let (xv, wv) = (vals(7, b * ci * h * w), vals(8, ci * co * 4));
        let x = Tensor::from_vec(xv.clone(), (b, ci, h, w), &dev).unwrap();
        let wt = Tensor::from_vec(wv.clone(), (ci, co, 2, 2), &dev).unwrap();
        let (ho, wo) = (2 * h, 2 * w);
        let mut naive = vec![0f32; b * co * ho * wo];
        for bb in 0..b {
            for c in 0..ci {
                for y in 0..h {
                    for xx in 0..w {
                        for o in 0..co {
                            for dy in 0..2 {
                                for dx in 0..2 {
                                    naive[((bb * co + o) * ho + 2 * y + dy) * wo + 2 * xx + dx] +=
                                        xv[((bb * ci + c) * h + y) * w + xx]
                                            * wv[((c * co + o) * 2 + dy) * 2 + dx];
                                }
                            }
                        }
                    }
                }
            }
        }
        let naive = Tensor::from_vec(naive, (b, co, ho, wo), &dev).unwrap();
        let g = Grid::new(b, h, w);
        let ours = from_cm(
            &conv_transpose_stride(&to_cm(&x), &wt, g, 2, 2).unwrap(),
            Grid::new(b, ho, wo),
        );
        assert!(max_abs(&ours, &naive) < 1e-5);
        assert!(max_abs(&ours, &x.conv_transpose2d(&wt, 0, 0, 2, 1).unwrap()) < 1e-5);
        // 1D: [Ci, Co, 2] weights on [B, Ci, L].
        let (x1v, w1v) = (vals(9, b * ci * w), vals(10, ci * co * 2));
        let x1 = Tensor::from_vec(x1v.clone(), (b, ci, 1, w), &dev).unwrap();
        let w1 = Tensor::from_vec(w1v.clone(), (ci, co, 2), &dev).unwrap();
        let mut naive = vec![0f32; b * co * 2 * w];
        for bb in 0..b {
            for c in 0..ci {
                for xx in 0..w {
                    for o in 0..co {
                        for dx in 0..2 {
                            naive[(bb * co + o) * 2 * w + 2 * xx + dx] +=
                                x1v[(bb * ci + c) * w + xx] * w1v[(c * co + o) * 2 + dx];
                        }
                    }
                }
            }
        }
        let naive = Tensor::from_vec(naive, (b, co, 1, 2 * w), &dev).unwrap();
        let ours = conv_transpose_stride(&to_cm(&x1), &w1, Grid::new(b, 1, w), 1, 2).unwrap();
        assert!(max_abs(&from_cm(&ours, Grid::new(b, 1, 2 * w)), &naive) < 1e-5);
        assert!(conv_transpose_stride(&to_cm(&x), &w1, g, 2, 2).is_err());
    }
}
