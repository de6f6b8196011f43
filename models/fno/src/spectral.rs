//! FNO spectral convolution as a truncated DFT in block-real matmuls (candle has no FFT and no
//! complex dtype).
//!
//! For input `[B, Ci, H, W]` and modes (m1, m2), PyTorch's `SpectralConv2d` computes
//! `irfft2(out_ft)` where `out_ft[kx, ky] = sum_i rfft2(x)[i, kx, ky] * W[i, o, kx, ky]` for
//! kx in {0..m1} (weights1) and {H-m1..H} (weights2), ky in {0..m2}, and zero elsewhere.
//! Here each transform is one large real matmul with a constant basis:
//!
//! 1. r2c DFT along W:      `[B*Ci*H, W] x [W, 2*m2]`           (columns: re | im)
//! 2. complex DFT along H:  `[B*Ci*m2, 2H] x [2H, 2*M1]`         (M1 = 2*m1 kept kx)
//! 3. mode mixing, one batched block-real matmul `[M, B, 2Ci] x [M, 2Ci, 2Co]`, M = m2*M1,
//!    with the block `[[Wr, Wi], [-Wi, Wr]]` so that `[Xr Xi] . blk = [Re(XW) Im(XW)]`
//! 4. inverse complex DFT along H: `[B*Co*m2, 2*M1] x [2*M1, 2H]`
//! 5. c2r along W (irfft: DC and Nyquist imaginary parts dropped, other bins doubled):
//!    `[B*Co*H, 2*m2] x [2*m2, W]`
//!
//! Between the steps, four relayout copies bring the contracted axis last (one autograd node
//! each, see `model_runtime::ops::relayout`). Autograd comes for free (matmul, relayout, cat);
//! the products with the constant bases use `matmul_const`, whose backward skips the (useless)
//! gradient of the basis.
//! The bases are built once per grid size.

use candle_core::{Device, Tensor};
use model_runtime::ops::{matmul_const, relayout};
use model_runtime::Result;
use std::f64::consts::PI;

/// Constant DFT bases for one padded grid size and mode count.
#[derive(Debug, Clone)]
pub struct Bases {
    pub h: usize,
    pub w: usize,
    pub modes1: usize,
    pub modes2: usize,
    /// `[W, 2*m2]`: forward r2c along W.
    fw: Tensor,
    /// `[2H, 2*M1]`: forward complex DFT along H (kept kx only).
    fh: Tensor,
    /// `[2*M1, 2H]`: inverse complex DFT along H, with the 1/H factor.
    ih: Tensor,
    /// `[2*m2, W]`: inverse c2r along W, with the 1/W factor and irfft's weights.
    iw: Tensor,
}

/// The kept frequencies along H: 0..m1 then H-m1..H (the order of weights1 then weights2).
pub fn kept_kx(h: usize, modes1: usize) -> Vec<usize> {
    (0..modes1).chain(h - modes1..h).collect()
}

impl Bases {
    /// Needs 2*modes1 <= h (the two kx ranges do not overlap) and modes2 <= w/2 + 1 (rfft bins).
    pub fn new(h: usize, w: usize, modes1: usize, modes2: usize, device: &Device) -> Result<Self> {
        if modes1 == 0 || modes2 == 0 || 2 * modes1 > h || modes2 > w / 2 + 1 {
            return Err(model_runtime::Error::Config(format!(
                "Fourier modes ({modes1}, {modes2}) do not fit the padded grid {h}x{w}: need modes1 <= {} and modes2 <= {}",
                h / 2,
                w / 2 + 1
            )));
        }
        let kx = kept_kx(h, modes1);
        let m1 = kx.len();
        let (hf, wf) = (h as f64, w as f64);
        let mut fw = vec![0f32; w * 2 * modes2];
        let mut iw = vec![0f32; 2 * modes2 * w];
        for k in 0..modes2 {
            // irfft counts every bin except DC and Nyquist twice (Hermitian symmetry).
            let c = if k == 0 || 2 * k == w { 1.0 } else { 2.0 };
            for n in 0..w {
                let th = 2.0 * PI * (k * n) as f64 / wf;
                fw[n * 2 * modes2 + k] = th.cos() as f32;
                fw[n * 2 * modes2 + modes2 + k] = (-th.sin()) as f32;
                iw[k * w + n] = (c * th.cos() / wf) as f32;
                iw[(modes2 + k) * w + n] = (-c * th.sin() / wf) as f32;
            }
        }
        let mut fh = vec![0f32; 2 * h * 2 * m1];
        let mut ih = vec![0f32; 2 * m1 * 2 * h];
        for (j, &k) in kx.iter().enumerate() {
            for n in 0..h {
                let th = 2.0 * PI * ((k * n) % h) as f64 / hf;
                let (c, s) = (th.cos(), -th.sin()); // e^{-i th} = c + i s
                                                    // [a | b] . [[C, S], [-S, C]] = [Re, Im] of (a + ib)(c + is)
                fh[n * 2 * m1 + j] = c as f32;
                fh[n * 2 * m1 + m1 + j] = s as f32;
                fh[(h + n) * 2 * m1 + j] = (-s) as f32;
                fh[(h + n) * 2 * m1 + m1 + j] = c as f32;
                // inverse: e^{+i th} = c - i s, divided by H
                let (ci, si) = (th.cos() / hf, th.sin() / hf);
                ih[j * 2 * h + n] = ci as f32;
                ih[j * 2 * h + h + n] = si as f32;
                ih[(m1 + j) * 2 * h + n] = (-si) as f32;
                ih[(m1 + j) * 2 * h + h + n] = ci as f32;
            }
        }
        Ok(Self {
            h,
            w,
            modes1,
            modes2,
            fw: Tensor::from_vec(fw, (w, 2 * modes2), device)?,
            fh: Tensor::from_vec(fh, (2 * h, 2 * m1), device)?,
            ih: Tensor::from_vec(ih, (2 * m1, 2 * h), device)?,
            iw: Tensor::from_vec(iw, (2 * modes2, w), device)?,
        })
    }
}

/// The block-real mode-mixing weight `[m2 * 2*m1, 2*Ci, 2*Co]` from PyTorch-layout complex weights
/// (each `[Ci, Co, m1, m2]`, weights1 for kx 0..m1, weights2 for kx H-m1..H). Built once per
/// forward and shared by every rollout step.
pub fn block_weight(
    w1_re: &Tensor,
    w1_im: &Tensor,
    w2_re: &Tensor,
    w2_im: &Tensor,
) -> Result<Tensor> {
    let (ci, co, m1, m2) = w1_re.dims4()?;
    // [Ci, Co, 2*m1, m2] -> [m2, 2*m1, Ci, Co]: mode-major, as the spectrum is laid out.
    let wr = Tensor::cat(&[w1_re, w2_re], 2)?.permute((3, 2, 0, 1))?;
    let wi = Tensor::cat(&[w1_im, w2_im], 2)?.permute((3, 2, 0, 1))?;
    let top = Tensor::cat(&[&wr, &wi], 3)?;
    let bottom = Tensor::cat(&[&wi.neg()?, &wr], 3)?;
    Ok(Tensor::cat(&[&top, &bottom], 2)?.reshape((m2 * 2 * m1, 2 * ci, 2 * co))?)
}

/// Spectral convolution of `x` `[B, Ci, H*W]` (channel-first, spatial axes flattened, H and W
/// those of `bases`) with a [`block_weight`]; returns `[B, Co, H*W]`.
pub fn spectral_conv(x: &Tensor, wblk: &Tensor, bases: &Bases) -> Result<Tensor> {
    let (b, ci, hw) = x.dims3()?;
    let (h, w) = (bases.h, bases.w);
    let (m, two_ci, two_co) = wblk.dims3()?;
    let (k2, m1) = (bases.modes2, 2 * bases.modes1);
    if hw != h * w || two_ci != 2 * ci || m != k2 * m1 {
        return Err(model_runtime::Error::Param(format!(
            "spectral conv: input {:?} and block weight {:?} do not match the bases for {h}x{w}",
            x.dims(),
            wblk.dims(),
        )));
    }
    let co = two_co / 2;
    // 1. r2c along W.
    let a = matmul_const(&x.reshape((b * ci * h, w))?, &bases.fw)?;
    // 2. complex DFT along H: (b*ci, h, 2, k2) -> (b*ci, k2, 2, h).
    let a = relayout(
        &a,
        &[b * ci, h, 2, k2],
        &[0, 3, 2, 1],
        &[b * ci * k2, 2 * h],
    )?;
    let xf = matmul_const(&a, &bases.fh)?;
    // 3. mode mixing: (b, ci, k2, 2, m1) -> (k2, m1, b, 2, ci).
    let xf = relayout(&xf, &[b, ci, k2, 2, m1], &[2, 4, 0, 3, 1], &[m, b, 2 * ci])?;
    let y = xf.matmul(wblk)?;
    // 4. inverse along H: (k2, m1, b, 2, co) -> (b, co, k2, 2, m1).
    let y = relayout(
        &y,
        &[k2, m1, b, 2, co],
        &[2, 4, 0, 3, 1],
        &[b * co * k2, 2 * m1],
    )?;
    let z = matmul_const(&y, &bases.ih)?;
    // 5. c2r along W: (b, co, k2, 2, h) -> (b, co, h, 2, k2).
    let z = relayout(
        &z,
        &[b, co, k2, 2, h],
        &[0, 1, 4, 3, 2],
        &[b * co * h, 2 * k2],
    )?;
    Ok(matmul_const(&z, &bases.iw)?.reshape((b, co, h * w))?)
}
