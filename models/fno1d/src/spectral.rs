//! The 1D FNO spectral convolution (PyTorch's `SpectralConv1d`) as a truncated DFT in real
//! matmuls (candle has no FFT and no complex dtype).
//!
//! For input `[B, Ci, N]` and `K = modes`, PyTorch computes `irfft(out_ft, n=N)` with
//! `out_ft[o, k] = sum_i rfft(x)[i, k] * W[i, o, k]` for k < K and zero above. Here:
//!
//! 1. r2c DFT:     `[B*Ci, N] x [N, 2K]`                       (columns: re | im)
//! 2. mode mixing, one batched block-real matmul `[K, B, 2Ci] x [K, 2Ci, 2Co]` with the block
//!    `[[Wr, Wi], [-Wi, Wr]]`, so that `[Xr Xi] . blk = [Re(XW) Im(XW)]`
//! 3. c2r (irfft: DC and Nyquist imaginary parts dropped, other bins doubled):
//!    `[B*Co, 2K] x [2K, N]`
//!
//! Two relayout copies bring the contracted axis last. Autograd comes from candle's matmul and
//! the runtime's `relayout`; the products with the constant bases use `matmul_const`, whose
//! backward skips the basis gradient. The bases are built once per padded length.

use candle_core::{Device, Tensor};
use model_runtime::ops::{matmul_const, relayout};
use model_runtime::{Error, Result};
use std::f64::consts::PI;

/// Constant DFT bases for one padded length and mode count.
#[derive(Debug, Clone)]
pub struct Bases1d {
    pub n: usize,
    pub modes: usize,
    /// `[N, 2K]`: forward r2c.
    fwd: Tensor,
    /// `[2K, N]`: inverse c2r with the 1/N factor and irfft's weights.
    inv: Tensor,
}

impl Bases1d {
    /// Needs 1 <= modes <= n/2 + 1 (the rfft bins).
    pub fn new(n: usize, modes: usize, device: &Device) -> Result<Self> {
        if modes == 0 || modes > n / 2 + 1 {
            return Err(Error::Config(format!(
                "{modes} Fourier modes do not fit the padded length {n}: need 1 <= modes <= {}",
                n / 2 + 1
            )));
        }
        let nf = n as f64;
        let mut fwd = vec![0f32; n * 2 * modes];
        let mut inv = vec![0f32; 2 * modes * n];
        for k in 0..modes {
            // irfft counts every bin except DC and Nyquist twice (Hermitian symmetry).
            let c = if k == 0 || 2 * k == n { 1.0 } else { 2.0 };
            for j in 0..n {
                let th = 2.0 * PI * ((k * j) % n) as f64 / nf;
                fwd[j * 2 * modes + k] = th.cos() as f32;
                fwd[j * 2 * modes + modes + k] = (-th.sin()) as f32;
                inv[k * n + j] = (c * th.cos() / nf) as f32;
                inv[(modes + k) * n + j] = (-c * th.sin() / nf) as f32;
            }
        }
        Ok(Self {
            n,
            modes,
            fwd: Tensor::from_vec(fwd, (n, 2 * modes), device)?,
            inv: Tensor::from_vec(inv, (2 * modes, n), device)?,
        })
    }
}

/// The block-real mode-mixing weight `[K, 2*Ci, 2*Co]` from PyTorch-layout complex weights
/// `[Ci, Co, K]` (real and imaginary parts). Built once per rollout.
pub fn block_weight(w_re: &Tensor, w_im: &Tensor) -> Result<Tensor> {
    let (ci, co, k) = w_re.dims3()?;
    let wr = w_re.permute((2, 0, 1))?; // [K, Ci, Co]
    let wi = w_im.permute((2, 0, 1))?;
    let top = Tensor::cat(&[&wr, &wi], 2)?;
    let bottom = Tensor::cat(&[&wi.neg()?, &wr], 2)?;
    let blk = Tensor::cat(&[&top, &bottom], 1)?;
    debug_assert_eq!(blk.dims(), &[k, 2 * ci, 2 * co]);
    Ok(blk)
}

/// Spectral convolution of `x` `[B, Ci, N]` (N = `bases.n`) with a [`block_weight`]; returns
/// `[B, Co, N]`.
pub fn spectral_conv1d(x: &Tensor, wblk: &Tensor, bases: &Bases1d) -> Result<Tensor> {
    let (b, ci, n) = x.dims3()?;
    let (k, two_ci, two_co) = wblk.dims3()?;
    if n != bases.n || k != bases.modes || two_ci != 2 * ci {
        return Err(Error::Param(format!(
            "spectral conv: input {:?} and block weight {:?} do not match the bases (n = {}, modes = {})",
            x.dims(),
            wblk.dims(),
            bases.n,
            bases.modes
        )));
    }
    let co = two_co / 2;
    // 1. r2c: [B*Ci, 2K] laid out (b, ci, 2, k) -> (k, b, 2, ci).
    let xf = matmul_const(&x.reshape((b * ci, n))?, &bases.fwd)?;
    let xf = relayout(&xf, &[b, ci, 2, k], &[3, 0, 2, 1], &[k, b, 2 * ci])?;
    // 2. mode mixing.
    let y = xf.matmul(wblk)?;
    // 3. c2r: (k, b, 2, co) -> (b, co, 2, k).
    let y = relayout(&y, &[k, b, 2, co], &[1, 3, 2, 0], &[b * co, 2 * k])?;
    Ok(matmul_const(&y, &bases.inv)?.reshape((b, co, n))?)
}
