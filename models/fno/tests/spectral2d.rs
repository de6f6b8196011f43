//! The spectral convolution against a naive f64 rfft2 / irfft2 reference (numpy semantics), and
//! its gradients against central finite differences.

mod common;
use common::values;
use candle_core::{Device, Tensor, Var};
use fno::spectral::{block_weight, spectral_conv, Bases, CornerWeights};

/// The block weight from the two corner blocks in PyTorch's argument order (weights1, weights2).
fn bw(w1_re: &Tensor, w1_im: &Tensor, w2_re: &Tensor, w2_im: &Tensor) -> model_runtime::Result<Tensor> {
    block_weight(&CornerWeights { re: vec![w1_re, w2_re], im: vec![w1_im, w2_im] })
}

#[derive(Clone, Copy)]
struct C64(f64, f64);
impl C64 {
    fn mul(self, o: C64) -> C64 {
        C64(self.0 * o.0 - self.1 * o.1, self.0 * o.1 + self.1 * o.0)
    }
    fn add(self, o: C64) -> C64 {
        C64(self.0 + o.0, self.1 + o.1)
    }
    fn expi(th: f64) -> C64 {
        C64(th.cos(), th.sin())
    }
}

/// PyTorch's SpectralConv2d forward, naively in f64: rfft2, truncated complex mode mixing with
/// weights1 (kx < m1) and weights2 (kx >= H - m1), irfft2 with numpy's Hermitian semantics.
#[allow(clippy::too_many_arguments)]
fn reference(
    x: &[f32],
    dims: (usize, usize, usize, usize),
    co: usize,
    m1: usize,
    m2: usize,
    w: [&[f32]; 4],
) -> Vec<f64> {
    let (b, ci, hh, ww) = dims;
    let nk = ww / 2 + 1;
    let pi2 = 2.0 * std::f64::consts::PI;
    let widx = |i: usize, o: usize, a: usize, k: usize| ((i * co + o) * m1 + a) * m2 + k;
    let mut out = vec![0f64; b * co * hh * ww];
    for bb in 0..b {
        // rfft2 of every input channel.
        let mut xf = vec![C64(0.0, 0.0); ci * hh * nk];
        for i in 0..ci {
            for kx in 0..hh {
                for ky in 0..nk {
                    let mut acc = C64(0.0, 0.0);
                    for h in 0..hh {
                        for q in 0..ww {
                            let v = f64::from(x[((bb * ci + i) * hh + h) * ww + q]);
                            let th =
                                -pi2 * ((kx * h) as f64 / hh as f64 + (ky * q) as f64 / ww as f64);
                            acc = acc.add(C64(v, 0.0).mul(C64::expi(th)));
                        }
                    }
                    xf[(i * hh + kx) * nk + ky] = acc;
                }
            }
        }
        for o in 0..co {
            let mut oft = vec![C64(0.0, 0.0); hh * nk];
            for ky in 0..m2 {
                for a in 0..m1 {
                    for (kx, wr, wi) in [(a, w[0], w[1]), (hh - m1 + a, w[2], w[3])] {
                        let mut acc = C64(0.0, 0.0);
                        for i in 0..ci {
                            let wc = C64(
                                f64::from(wr[widx(i, o, a, ky)]),
                                f64::from(wi[widx(i, o, a, ky)]),
                            );
                            acc = acc.add(xf[(i * hh + kx) * nk + ky].mul(wc));
                        }
                        oft[kx * nk + ky] = acc;
                    }
                }
            }
            // irfft2: inverse complex DFT along H, then c2r along W on the Hermitian extension
            // (imaginary parts of the DC and Nyquist bins ignored).
            for h in 0..hh {
                let mut z = vec![C64(0.0, 0.0); nk];
                for (ky, zk) in z.iter_mut().enumerate() {
                    for kx in 0..hh {
                        let th = pi2 * (kx * h) as f64 / hh as f64;
                        *zk = zk.add(oft[kx * nk + ky].mul(C64::expi(th)));
                    }
                    zk.0 /= hh as f64;
                    zk.1 /= hh as f64;
                }
                z[0].1 = 0.0;
                if ww % 2 == 0 {
                    z[ww / 2].1 = 0.0;
                }
                for q in 0..ww {
                    let mut acc = 0.0;
                    for k in 0..ww {
                        let zk = if k < nk {
                            z[k]
                        } else {
                            C64(z[ww - k].0, -z[ww - k].1)
                        };
                        acc += zk.mul(C64::expi(pi2 * (k * q) as f64 / ww as f64)).0;
                    }
                    out[((bb * co + o) * hh + h) * ww + q] = acc / ww as f64;
                }
            }
        }
    }
    out
}

fn case(b: usize, ci: usize, co: usize, hh: usize, ww: usize, m1: usize, m2: usize) {
    let dev = Device::Cpu;
    let x = values(b * ci * hh * ww, 1);
    let nw = ci * co * m1 * m2;
    let ws: Vec<Vec<f32>> = (0..4).map(|k| values(nw, 10 + k)).collect();
    let t = |v: &[f32]| Tensor::from_slice(v, (ci, co, m1, m2), &dev).unwrap();
    let blk = bw(&t(&ws[0]), &t(&ws[1]), &t(&ws[2]), &t(&ws[3])).unwrap();
    let bases = Bases::new(&[hh, ww], &[m1, m2], &dev).unwrap();
    let xt = Tensor::from_slice(&x, (b, ci, hh * ww), &dev).unwrap();
    let got = spectral_conv(&xt, &blk, &bases)
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    let want = reference(
        &x,
        (b, ci, hh, ww),
        co,
        m1,
        m2,
        [&ws[0], &ws[1], &ws[2], &ws[3]],
    );
    let scale = want.iter().fold(0f64, |m, v| m.max(v.abs()));
    let err = got
        .iter()
        .zip(&want)
        .fold(0f64, |m, (g, w)| m.max((f64::from(*g) - w).abs()));
    assert!(scale > 0.1, "degenerate test: output scale {scale}");
    assert!(
        err < 2e-6 * scale.max(1.0),
        "{hh}x{ww} modes ({m1},{m2}): max error {err} (scale {scale})"
    );
}

#[test]
fn matches_naive_dft_odd_width() {
    case(2, 3, 2, 10, 9, 3, 4);
}

#[test]
fn matches_naive_dft_with_full_kx_range_and_nyquist_bin() {
    // 2*m1 = H uses every kx; m2 = W/2 + 1 includes the Nyquist column.
    case(1, 2, 3, 8, 8, 4, 5);
}

#[test]
fn matches_naive_dft_padded_cfd_shape() {
    // The 2D CFD grid after padding (66 x 66) with PDEBench's 12 x 12 modes, few channels.
    case(1, 2, 2, 66, 66, 12, 12);
}

#[test]
fn mode_count_must_fit_the_grid() {
    assert!(Bases::new(&[10, 9], &[6, 3], &Device::Cpu)
        .unwrap_err()
        .to_string()
        .contains("axis 1 needs 1 <= modes <= 5"));
    assert!(Bases::new(&[10, 9], &[5, 6], &Device::Cpu)
        .unwrap_err()
        .to_string()
        .contains("axis 2 needs 1 <= modes <= 5"));
}

/// Gradients of a fixed linear functional of the output, against central differences, for
/// entries of all four weight tensors and of the input.
#[test]
fn gradients_match_finite_differences() {
    let dev = Device::Cpu;
    let (b, ci, co, hh, ww, m1, m2) = (2, 3, 2, 8, 7, 2, 3);
    let x = Var::from_vec(values(b * ci * hh * ww, 2), (b, ci, hh * ww), &dev).unwrap();
    let ws: Vec<Var> = (0..4)
        .map(|k| Var::from_vec(values(ci * co * m1 * m2, 20 + k), (ci, co, m1, m2), &dev).unwrap())
        .collect();
    let probe = Tensor::from_vec(values(b * co * hh * ww, 3), (b, co, hh * ww), &dev).unwrap();
    let bases = Bases::new(&[hh, ww], &[m1, m2], &dev).unwrap();
    let loss = |x: &Tensor, w: &[Tensor]| -> f64 {
        let blk = bw(&w[0], &w[1], &w[2], &w[3]).unwrap();
        let y = spectral_conv(x, &blk, &bases).unwrap();
        // Nonlinear in the output so the check is not exact by linearity alone.
        let y2 = (&y * &y).unwrap();
        f64::from(
            (y2 * &probe)
                .unwrap()
                .sum_all()
                .unwrap()
                .to_scalar::<f32>()
                .unwrap(),
        )
    };
    let wt: Vec<Tensor> = ws.iter().map(|v| v.as_tensor().clone()).collect();
    let blk = bw(&wt[0], &wt[1], &wt[2], &wt[3]).unwrap();
    let y = spectral_conv(x.as_tensor(), &blk, &bases).unwrap();
    let l = ((&y * &y).unwrap() * &probe).unwrap().sum_all().unwrap();
    let grads = l.backward().unwrap();
    let eps = 1e-2f32;
    let fd_check = |name: &str, analytic: f64, fd: f64| {
        assert!(
            (analytic - fd).abs() <= 2e-3 + 5e-3 * fd.abs(),
            "{name}: analytic {analytic} vs finite difference {fd}"
        );
    };
    // (tensor, flat index): entries away from kx = ky = 0 in every weight tensor.
    for (k, idx) in [(0usize, 7usize), (1, 7), (2, 11), (3, 11), (0, 0), (2, 5)] {
        let g = grads
            .get(ws[k].as_tensor())
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap()[idx];
        let base = ws[k]
            .as_tensor()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        let shifted = |d: f32| {
            let mut v = base.clone();
            v[idx] += d;
            let mut w = wt.clone();
            w[k] = Tensor::from_vec(v, (ci, co, m1, m2), &dev).unwrap();
            loss(x.as_tensor(), &w)
        };
        let fd = (shifted(eps) - shifted(-eps)) / (2.0 * f64::from(eps));
        fd_check(&format!("weight tensor {k} entry {idx}"), f64::from(g), fd);
    }
    // irfft drops the imaginary part of the DC mode, so weight1_im at kx = ky = 0 gets exactly 0.
    let g_dc = grads
        .get(ws[1].as_tensor())
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    assert_eq!(g_dc[0], 0.0);
    let gx = grads
        .get(x.as_tensor())
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    let xb = x
        .as_tensor()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    for idx in [0usize, 45, 200] {
        let shifted = |d: f32| {
            let mut v = xb.clone();
            v[idx] += d;
            loss(&Tensor::from_vec(v, (b, ci, hh * ww), &dev).unwrap(), &wt)
        };
        let fd = (shifted(eps) - shifted(-eps)) / (2.0 * f64::from(eps));
        fd_check(&format!("input entry {idx}"), f64::from(gx[idx]), fd);
    }
}
