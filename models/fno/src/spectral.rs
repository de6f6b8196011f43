//! The FNO spectral convolution in any number of spatial dimensions, as a truncated DFT in
//! block-real matmuls (candle has no FFT and no complex dtype).
//!
//! For input `[B, Ci, N_1, ..., N_D]` and modes `(m_1, ..., m_D)`, PyTorch's `SpectralConv{D}d`
//! computes `irfftn(out_ft)` where `out_ft[k] = sum_i rfftn(x)[i, k] * W[i, o, k]` over the kept
//! frequencies and zero elsewhere. Along the last axis the kept bins are the rfft's `0..m_D`; along
//! each leading axis `a` both ends, `0..m_a` and `N_a-m_a..N_a`, so the complex weight is split
//! into `2^(D-1)` corner blocks (PDEBench's `weights1`, `weights2`, ...: block `j` takes the high
//! end of axis `a` when bit `a-1` of `j` is set). Each transform is one large real matmul with a
//! constant basis:
//!
//! 1. r2c DFT along the last axis: `[B*Ci*N_1..N_{D-1}, N_D] x [N_D, 2*m_D]` (columns: re | im)
//! 2. complex DFT along each leading axis, the last first: `[.., 2*N_a] x [2*N_a, 2*M_a]` with
//!    `M_a = 2*m_a` kept frequencies
//! 3. mode mixing, one batched block-real matmul `[M, B, 2Ci] x [M, 2Ci, 2Co]` (M the number of
//!    kept frequencies) with the block `[[Wr, Wi], [-Wi, Wr]]`, so that `[Xr Xi] . blk = [Re(XW)
//!    Im(XW)]`
//! 4. the inverse complex DFTs along the leading axes (1/N_a included), the first axis first
//! 5. c2r along the last axis (irfft: DC and Nyquist imaginary parts dropped, other bins doubled)
//!
//! Between the steps, relayout copies bring the contracted axis last (one autograd node each, see
//! `model_kernels::layout::relayout`). The products with the constant bases use `matmul_const`, whose
//! backward skips the (useless) gradient of the basis. The bases are built once per grid size.
//! For D = 1 and 2 the sequence of operations is exactly that of the former separate fno1d and
//! fno2d implementations (same relayouts, same matmuls), so their results are unchanged.

use candle_core::{Device, Tensor};
use model_kernels::layout::relayout;
use model_kernels::matmul::matmul_const;
use model_runtime::{Error, Result};
use std::f64::consts::PI;

/// Constant DFT bases for one padded grid and mode count per axis.
#[derive(Debug, Clone)]
pub struct Bases {
    /// The padded grid `[N_1, ..., N_D]`.
    pub sizes: Vec<usize>,
    /// Modes kept per axis (`m_a`; the leading axes keep `2*m_a` frequencies).
    pub modes: Vec<usize>,
    /// `[N_D, 2*m_D]`: forward r2c along the last axis.
    fwd_last: Tensor,
    /// `[2*m_D, N_D]`: inverse c2r along the last axis, with 1/N_D and irfft's weights.
    inv_last: Tensor,
    /// Per leading axis: `[2*N_a, 2*M_a]`, the forward complex DFT (kept frequencies only).
    fwd_lead: Vec<Tensor>,
    /// Per leading axis: `[2*M_a, 2*N_a]`, the inverse complex DFT with the 1/N_a factor.
    inv_lead: Vec<Tensor>,
}

/// The kept frequencies along a leading axis of size `n`: 0..m then n-m..n (the order of the low
/// then the high corner block).
pub fn kept_frequencies(n: usize, modes: usize) -> Vec<usize> {
    (0..modes).chain(n - modes..n).collect()
}

/// The largest mode count that fits a padded size: leading axes keep both ends without overlap
/// (`2*m <= n`), the last axis the rfft's bins (`m <= n/2 + 1`).
pub fn max_modes(n: usize, last: bool) -> usize {
    if last {
        n / 2 + 1
    } else {
        n / 2
    }
}

impl Bases {
    /// Bases for the padded grid `sizes` keeping `modes[a]` modes along axis `a`.
    pub fn new(sizes: &[usize], modes: &[usize], device: &Device) -> Result<Self> {
        let d = sizes.len();
        if d == 0 || modes.len() != d {
            return Err(Error::Config(format!("Fourier modes {modes:?} do not match the grid {sizes:?}")));
        }
        for (a, (&n, &m)) in sizes.iter().zip(modes).enumerate() {
            let max = max_modes(n, a + 1 == d);
            if m == 0 || m > max {
                return Err(Error::Config(format!(
                    "Fourier modes {modes:?} do not fit the padded grid {sizes:?}: axis {} needs 1 <= modes <= {max}",
                    a + 1
                )));
            }
        }
        let (n, m) = (sizes[d - 1], modes[d - 1]);
        let nf = n as f64;
        let mut fwd = vec![0f32; n * 2 * m];
        let mut inv = vec![0f32; 2 * m * n];
        for k in 0..m {
            // irfft counts every bin except DC and Nyquist twice (Hermitian symmetry).
            let c = if k == 0 || 2 * k == n { 1.0 } else { 2.0 };
            for j in 0..n {
                let th = 2.0 * PI * ((k * j) % n) as f64 / nf;
                fwd[j * 2 * m + k] = th.cos() as f32;
                fwd[j * 2 * m + m + k] = (-th.sin()) as f32;
                inv[k * n + j] = (c * th.cos() / nf) as f32;
                inv[(m + k) * n + j] = (-c * th.sin() / nf) as f32;
            }
        }
        let mut fwd_lead = Vec::with_capacity(d - 1);
        let mut inv_lead = Vec::with_capacity(d - 1);
        for (&n, &m) in sizes[..d - 1].iter().zip(&modes[..d - 1]) {
            let (fwd, inv) = complex_bases(n, m);
            let kept = 2 * m;
            fwd_lead.push(Tensor::from_vec(fwd, (2 * n, 2 * kept), device)?);
            inv_lead.push(Tensor::from_vec(inv, (2 * kept, 2 * n), device)?);
        }
        Ok(Self {
            sizes: sizes.to_vec(),
            modes: modes.to_vec(),
            fwd_last: Tensor::from_vec(fwd, (n, 2 * m), device)?,
            inv_last: Tensor::from_vec(inv, (2 * m, n), device)?,
            fwd_lead,
            inv_lead,
        })
    }

    /// Kept frequencies per axis, in the order of the spectrum: `[m_D, M_{D-1}, ..., M_1]`.
    fn spectrum_dims(&self) -> Vec<usize> {
        let d = self.sizes.len();
        let mut dims = vec![self.modes[d - 1]];
        dims.extend(self.modes[..d - 1].iter().rev().map(|m| 2 * m));
        dims
    }
}

/// The forward `[2n, 2M]` and inverse `[2M, 2n]` complex DFT bases along an axis of size `n`,
/// keeping [`kept_frequencies`] (M = 2m of them), real and imaginary parts as row/column blocks.
fn complex_bases(n: usize, m: usize) -> (Vec<f32>, Vec<f32>) {
    let kept = kept_frequencies(n, m);
    let mk = kept.len();
    let nf = n as f64;
    let mut fwd = vec![0f32; 2 * n * 2 * mk];
    let mut inv = vec![0f32; 2 * mk * 2 * n];
    for (j, &k) in kept.iter().enumerate() {
        for t in 0..n {
            let th = 2.0 * PI * ((k * t) % n) as f64 / nf;
            // e^{-i th} = c + i s; [a | b] . [[C, S], [-S, C]] = [Re, Im] of (a + ib)(c + is)
            let (c, s) = (th.cos(), -th.sin());
            fwd[t * 2 * mk + j] = c as f32;
            fwd[t * 2 * mk + mk + j] = s as f32;
            fwd[(n + t) * 2 * mk + j] = (-s) as f32;
            fwd[(n + t) * 2 * mk + mk + j] = c as f32;
            // inverse: e^{+i th} = c - i s, divided by n
            let (ci, si) = (th.cos() / nf, th.sin() / nf);
            inv[j * 2 * n + t] = ci as f32;
            inv[j * 2 * n + n + t] = si as f32;
            inv[(mk + j) * 2 * n + t] = (-si) as f32;
            inv[(mk + j) * 2 * n + n + t] = ci as f32;
        }
    }
    (fwd, inv)
}

/// One complex weight as PyTorch lays out the corners of the spectrum: `[Ci, Co, m_1, ..., m_D]`
/// real and imaginary parts per corner block, `2^(D-1)` blocks.
pub struct CornerWeights<'a> {
    pub re: Vec<&'a Tensor>,
    pub im: Vec<&'a Tensor>,
}

/// The corner blocks joined into the full kept spectrum `[Ci, Co, M_1, ..., M_{D-1}, m_D]` (low
/// then high end along each leading axis): the layout the spectral metrics read.
pub fn join_corners(blocks: &[&Tensor]) -> Result<Tensor> {
    let mut level: Vec<Tensor> = blocks.iter().map(|t| (*t).clone()).collect();
    let mut axis = 2;
    // Block j holds the high end of axis a when bit a-1 is set: pairs (2i, 2i+1) differ in the
    // lowest bit, i.e. along the first axis; joining them leaves blocks indexed by the next bit.
    while level.len() > 1 {
        level = level.chunks(2).map(|pair| Tensor::cat(&[&pair[0], &pair[1]], axis)).collect::<candle_core::Result<Vec<_>>>()?;
        axis += 1;
    }
    Ok(level.pop().expect("at least one block"))
}

/// The block-real mode-mixing weight `[M, 2*Ci, 2*Co]` from PyTorch-layout complex corner
/// weights. Built once per rollout and shared by every step.
pub fn block_weight(w: &CornerWeights<'_>) -> Result<Tensor> {
    let wr = join_corners(&w.re)?;
    let wi = join_corners(&w.im)?;
    let dims = wr.dims().to_vec();
    let (ci, co) = (dims[0], dims[1]);
    let d = dims.len() - 2;
    // [Ci, Co, M_1, ..., m_D] -> [m_D, M_{D-1}, ..., M_1, Ci, Co]: mode-major, as the spectrum is
    // laid out by `spectral_conv`.
    let perm: Vec<usize> = (2..2 + d).rev().chain([0, 1]).collect();
    let wr = wr.permute(perm.clone())?;
    let wi = wi.permute(perm)?;
    let last = d + 1;
    let top = Tensor::cat(&[&wr, &wi], last)?;
    let bottom = Tensor::cat(&[&wi.neg()?, &wr], last)?;
    let blk = Tensor::cat(&[&top, &bottom], last - 1)?;
    let m: usize = dims[2..].iter().product();
    Ok(if d == 1 { blk } else { blk.reshape((m, 2 * ci, 2 * co))? })
}

/// Spectral convolution of `x` `[B, Ci, N_1*...*N_D]` (channel-first, spatial axes flattened, the
/// sizes those of `bases`) with a [`block_weight`]; returns `[B, Co, N_1*...*N_D]`.
pub fn spectral_conv(x: &Tensor, wblk: &Tensor, bases: &Bases) -> Result<Tensor> {
    let (b, ci, len) = x.dims3()?;
    let sizes = &bases.sizes;
    let d = sizes.len();
    let (m, two_ci, two_co) = wblk.dims3()?;
    let spectrum = bases.spectrum_dims();
    let kept: usize = spectrum.iter().product();
    if len != sizes.iter().product::<usize>() || two_ci != 2 * ci || m != kept {
        return Err(Error::Param(format!(
            "spectral conv: input {:?} and block weight {:?} do not match the bases for the grid {sizes:?}",
            x.dims(),
            wblk.dims(),
        )));
    }
    let co = two_co / 2;
    let n_last = sizes[d - 1];
    let k_last = bases.modes[d - 1];

    // 1. r2c along the last axis: layout (b, ci, N_1..N_{D-1}, 2, m_D).
    let mut a = matmul_const(&x.reshape((len / n_last * b * ci, n_last))?, &bases.fwd_last)?;
    // `lead`: the leading spatial axes not transformed yet; `done`: kept frequencies of the
    // transformed axes, in spectrum order; `cur`: the axis just transformed (last in the layout).
    let mut lead: Vec<usize> = sizes[..d - 1].to_vec();
    let mut done: Vec<usize> = Vec::new();
    let mut cur = k_last;
    // 2. complex DFT along each leading axis, the last first: bring that axis after the "2".
    for ax in (0..d - 1).rev() {
        let n = lead.pop().expect("one per leading axis");
        // (b, ci, lead.., n, done.., 2, cur) -> (b, ci, lead.., done.., cur, 2, n)
        let mut view = vec![b, ci];
        view.extend(&lead);
        view.push(n);
        view.extend(&done);
        view.extend([2, cur]);
        let r = view.len();
        let p0 = 2 + lead.len();
        let mut perm: Vec<usize> = (0..p0).collect();
        perm.extend(p0 + 1..p0 + 1 + done.len());
        perm.extend([r - 1, r - 2, p0]);
        let rows: usize = view.iter().product::<usize>() / (2 * n);
        a = relayout(&a, &view, &perm, &[rows, 2 * n])?;
        a = matmul_const(&a, &bases.fwd_lead[ax])?;
        done.push(cur);
        cur = 2 * bases.modes[ax];
    }
    done.push(cur);
    // 3. mode mixing: (b, ci, spectrum.., 2 before the last) -> (spectrum.., b, 2, ci).
    let mut view = vec![b, ci];
    view.extend(&done[..done.len() - 1]);
    view.extend([2, cur]);
    let r = view.len();
    let mut perm: Vec<usize> = (2..r - 2).collect();
    perm.extend([r - 1, 0, r - 2, 1]);
    let xf = relayout(&a, &view, &perm, &[m, b, 2 * ci])?;
    let y = xf.matmul(wblk)?;

    // 4. inverse complex DFTs along the leading axes, the first axis first. Layout now
    // (spectrum.., b, 2, co) with spectrum = [m_D, M_{D-1}, ..., M_1].
    let mut spec = done; // spectrum order: m_D, M_{D-1}, ..., M_1
    let mut restored: Vec<usize> = Vec::new(); // spatial axes already back, in order
    let mut z = y;
    let mut first = true;
    for ax in 0..d - 1 {
        let kept_here = spec.pop().expect("one per leading axis");
        // The current layout and where its pieces sit.
        let (view, perm) = if first {
            // (spec.., kept_here, b, 2, co) -> (b, co, spec.., 2, kept_here)
            let mut view = spec.clone();
            view.extend([kept_here, b, 2, co]);
            let s = spec.len();
            let mut perm = vec![s + 1, s + 3];
            perm.extend(0..s);
            perm.extend([s + 2, s]);
            (view, perm)
        } else {
            // (b, co, restored.., spec.., kept_here, 2, n_prev) -> (b, co, restored.., n_prev, spec.., 2, kept_here)
            let n_prev = restored.pop().expect("the axis restored last");
            let mut view = vec![b, co];
            view.extend(&restored);
            view.extend(&spec);
            view.extend([kept_here, 2, n_prev]);
            let r = view.len();
            let p0 = 2 + restored.len();
            let mut perm: Vec<usize> = (0..p0).collect();
            perm.push(r - 1);
            perm.extend(p0..p0 + spec.len());
            perm.extend([r - 2, r - 3]);
            restored.push(n_prev);
            (view, perm)
        };
        let rows: usize = view.iter().product::<usize>() / kept_here;
        z = relayout(&z, &view, &perm, &[rows / 2, 2 * kept_here])?;
        z = matmul_const(&z, &bases.inv_lead[ax])?;
        restored.push(sizes[ax]);
        first = false;
    }
    // 5. c2r along the last axis: bring the last axis's kept bins after the "2".
    let z = if d == 1 {
        // (m_D, b, 2, co) -> (b, co, 2, m_D)
        relayout(&z, &[k_last, b, 2, co], &[1, 3, 2, 0], &[b * co, 2 * k_last])?
    } else {
        // (b, co, restored.., m_D, 2, N_{D-1}) -> (b, co, restored.., N_{D-1}, 2, m_D)
        let n_prev = restored.pop().expect("the axis restored last");
        let mut view = vec![b, co];
        view.extend(&restored);
        view.extend([k_last, 2, n_prev]);
        let r = view.len();
        let mut perm: Vec<usize> = (0..r - 3).collect();
        perm.extend([r - 1, r - 2, r - 3]);
        let rows: usize = view.iter().product::<usize>() / (2 * k_last);
        relayout(&z, &view, &perm, &[rows, 2 * k_last])?
    };
    Ok(matmul_const(&z, &bases.inv_last)?.reshape((b, co, len))?)
}
