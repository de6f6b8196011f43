//! The 1D spectral convolution against a naive f64 rfft / irfft reference (numpy semantics), and
//! its gradients against central finite differences.

mod common;
use common::values;
use candle_core::{Device, Tensor, Var};
use fno::spectral::{block_weight, spectral_conv, Bases, CornerWeights};

/// The 1D block weight from PyTorch's one complex weight (real and imaginary parts).
fn bw(w_re: &Tensor, w_im: &Tensor) -> model_runtime::Result<Tensor> {
    block_weight(&CornerWeights { re: vec![w_re], im: vec![w_im] })
}

/// PyTorch's SpectralConv1d forward, naively in f64: rfft, complex mode mixing for k < modes,
/// irfft(n) on the Hermitian extension (imaginary parts of the DC and Nyquist bins ignored).
fn reference(
    x: &[f32],
    (b, ci, n): (usize, usize, usize),
    co: usize,
    k: usize,
    wr: &[f32],
    wi: &[f32],
) -> Vec<f64> {
    let pi2 = 2.0 * std::f64::consts::PI;
    let nk = n / 2 + 1;
    let mut out = vec![0f64; b * co * n];
    for bb in 0..b {
        let mut xf = vec![(0f64, 0f64); ci * nk];
        for i in 0..ci {
            for m in 0..nk {
                let (mut re, mut im) = (0.0, 0.0);
                for j in 0..n {
                    let v = f64::from(x[(bb * ci + i) * n + j]);
                    let th = -pi2 * (m * j) as f64 / n as f64;
                    re += v * th.cos();
                    im += v * th.sin();
                }
                xf[i * nk + m] = (re, im);
            }
        }
        for o in 0..co {
            let mut z = vec![(0f64, 0f64); nk];
            for (m, zm) in z.iter_mut().enumerate().take(k) {
                for i in 0..ci {
                    let (a, bq) = xf[i * nk + m];
                    let (c, d) = (
                        f64::from(wr[(i * co + o) * k + m]),
                        f64::from(wi[(i * co + o) * k + m]),
                    );
                    zm.0 += a * c - bq * d;
                    zm.1 += a * d + bq * c;
                }
            }
            z[0].1 = 0.0;
            if n % 2 == 0 {
                z[n / 2].1 = 0.0;
            }
            for j in 0..n {
                let mut acc = 0.0;
                for m in 0..n {
                    let (re, im) = if m < nk {
                        z[m]
                    } else {
                        (z[n - m].0, -z[n - m].1)
                    };
                    let th = pi2 * (m * j) as f64 / n as f64;
                    acc += re * th.cos() - im * th.sin();
                }
                out[(bb * co + o) * n + j] = acc / n as f64;
            }
        }
    }
    out
}

#[test]
fn matches_the_naive_dft_reference_including_the_nyquist_bin() {
    // (b, ci, co, n, modes): modes = n/2 + 1 keeps the Nyquist bin of an even length.
    for (b, ci, co, n, k) in [
        (2, 3, 4, 16, 5),
        (1, 2, 3, 10, 6),
        (2, 3, 2, 13, 7),
        (3, 4, 4, 130, 16),
    ] {
        let x = values(b * ci * n, 1);
        let wr = values(ci * co * k, 2);
        let wi = values(ci * co * k, 3);
        let dev = Device::Cpu;
        let bases = Bases::new(&[n], &[k], &dev).unwrap();
        let blk = bw(
            &Tensor::from_slice(&wr, (ci, co, k), &dev).unwrap(),
            &Tensor::from_slice(&wi, (ci, co, k), &dev).unwrap(),
        )
        .unwrap();
        let got = spectral_conv(
            &Tensor::from_slice(&x, (b, ci, n), &dev).unwrap(),
            &blk,
            &bases,
        )
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
        let want = reference(&x, (b, ci, n), co, k, &wr, &wi);
        let scale = want.iter().fold(0f64, |m, v| m.max(v.abs()));
        let err = got
            .iter()
            .zip(&want)
            .fold(0f64, |m, (g, w)| m.max((f64::from(*g) - w).abs()));
        assert!(scale > 0.1, "a trivial reference");
        assert!(
            err < 2e-6 * scale.max(1.0),
            "{b} {ci} {co} {n} {k}: max error {err} (scale {scale})"
        );
    }
    assert!(Bases::new(&[10], &[7], &Device::Cpu)
        .unwrap_err()
        .to_string()
        .contains("axis 1 needs 1 <= modes <= 6"));
    assert!(Bases::new(&[10], &[0], &Device::Cpu).is_err());
}

#[test]
fn gradients_match_finite_differences() {
    let dev = Device::Cpu;
    let (b, ci, co, n, k) = (2, 3, 2, 12, 5);
    let xv = values(b * ci * n, 4);
    let wrv = values(ci * co * k, 5);
    let wiv = values(ci * co * k, 6);
    let probe = Tensor::from_vec(values(b * co * n, 7), (b, co, n), &dev).unwrap();
    let bases = Bases::new(&[n], &[k], &dev).unwrap();
    let f = |x: &Tensor, wr: &Tensor, wi: &Tensor| -> Tensor {
        let y = spectral_conv(x, &bw(wr, wi).unwrap(), &bases).unwrap();
        (y.sqr().unwrap() * &probe).unwrap().sum_all().unwrap()
    };
    let x = Var::from_vec(xv.clone(), (b, ci, n), &dev).unwrap();
    let wr = Var::from_vec(wrv.clone(), (ci, co, k), &dev).unwrap();
    let wi = Var::from_vec(wiv.clone(), (ci, co, k), &dev).unwrap();
    let grads = f(&x, &wr, &wi).backward().unwrap();
    let flat = |v: &Var| {
        grads
            .get(v)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap()
    };
    let (gx, gr, gi) = (flat(&x), flat(&wr), flat(&wi));
    let eval = |which: usize, idx: usize, d: f32| -> f64 {
        let (mut a, mut r, mut i) = (xv.clone(), wrv.clone(), wiv.clone());
        match which {
            0 => a[idx] += d,
            1 => r[idx] += d,
            _ => i[idx] += d,
        }
        let t = |v: Vec<f32>, s: (usize, usize, usize)| Tensor::from_vec(v, s, &dev).unwrap();
        f64::from(
            f(&t(a, (b, ci, n)), &t(r, (ci, co, k)), &t(i, (ci, co, k)))
                .to_scalar::<f32>()
                .unwrap(),
        )
    };
    for (which, g) in [(0usize, &gx), (1, &gr), (2, &gi)] {
        let idx = (0..g.len())
            .max_by(|&a, &b| g[a].abs().total_cmp(&g[b].abs()))
            .unwrap();
        let fd = (eval(which, idx, 1e-2) - eval(which, idx, -1e-2)) / 2e-2;
        let a = f64::from(g[idx]);
        assert!(a.abs() > 1e-3, "trivial gradient {a}");
        assert!(
            (a - fd).abs() <= 1e-2 * fd.abs().max(a.abs()),
            "input {which}[{idx}]: {a} vs {fd}"
        );
    }
    // irfft drops the imaginary part of the DC bin: mode 0's imaginary weights get no gradient.
    for i in 0..ci {
        for o in 0..co {
            assert_eq!(gi[(i * co + o) * k], 0.0);
        }
    }
}
