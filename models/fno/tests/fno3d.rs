//! The FNO in 3D, which no plugin ships yet: the spectral convolution against a naive f64 DFT
//! (numpy's rfftn / irfftn semantics, PDEBench's four corner blocks), and the whole network
//! trained a few steps through the runtime (every parameter gets a gradient, the loss falls).

mod common;
use common::values;
use candle_core::{Device, Tensor};
use fno::spectral::{block_weight, kept_frequencies, spectral_conv, Bases, CornerWeights};
use fno::{Fno, FNO3D};
use model_runtime::pde_testing::{adam, data_json, views};
use model_runtime::testing::assert_every_param_gets_gradient;
use model_runtime::{Batch, ModelAdapter, ModelCore, PdeModel, StepCtx};
use plugin_api::abi_stable::std_types::RVec;
use plugin_api::{Model, StepPlan, TensorData};
use std::f64::consts::PI;

/// y[b, o, n] = (1/N) sum over kept k of c(k_z) Re(F[b, o, k] e^{+2 pi i k.n/N}), with F the
/// kept spectrum of x mixed by the corner weights (block j takes the high x end when bit 0 of j
/// is set, the high y end when bit 1 is).
#[allow(clippy::too_many_arguments)]
fn reference(x: &[f32], b: usize, ci: usize, co: usize, n: [usize; 3], m: [usize; 3], wr: &[Vec<f32>], wi: &[Vec<f32>]) -> Vec<f64> {
    let [nx, ny, nz] = n;
    let [m1, m2, m3] = m;
    let len = nx * ny * nz;
    let (kx, ky) = (kept_frequencies(nx, m1), kept_frequencies(ny, m2));
    let mut out = vec![0f64; b * co * len];
    for bi in 0..b {
        for (jx, &fx) in kx.iter().enumerate() {
            for (jy, &fy) in ky.iter().enumerate() {
                for fz in 0..m3 {
                    // Forward DFT of each input channel at (fx, fy, fz).
                    let mut xf = vec![(0f64, 0f64); ci];
                    for (i, acc) in xf.iter_mut().enumerate() {
                        for p in 0..len {
                            let (px, py, pz) = (p / (ny * nz), p / nz % ny, p % nz);
                            let th = -2.0 * PI * (fx as f64 * px as f64 / nx as f64 + fy as f64 * py as f64 / ny as f64 + fz as f64 * pz as f64 / nz as f64);
                            let v = f64::from(x[(bi * ci + i) * len + p]);
                            acc.0 += v * th.cos();
                            acc.1 += v * th.sin();
                        }
                    }
                    let corner = (jx / m1) | ((jy / m2) << 1);
                    let (ix, iy) = (jx % m1, jy % m2);
                    let c = if fz == 0 || 2 * fz == nz { 1.0 } else { 2.0 };
                    for o in 0..co {
                        let (mut re, mut im) = (0f64, 0f64);
                        for (i, &(ar, ai)) in xf.iter().enumerate() {
                            let w = (((i * co + o) * m1 + ix) * m2 + iy) * m3 + fz;
                            let (wre, wim) = (f64::from(wr[corner][w]), f64::from(wi[corner][w]));
                            re += ar * wre - ai * wim;
                            im += ar * wim + ai * wre;
                        }
                        for p in 0..len {
                            let (px, py, pz) = (p / (ny * nz), p / nz % ny, p % nz);
                            let th = 2.0 * PI * (fx as f64 * px as f64 / nx as f64 + fy as f64 * py as f64 / ny as f64 + fz as f64 * pz as f64 / nz as f64);
                            out[(bi * co + o) * len + p] += c * (re * th.cos() - im * th.sin()) / len as f64;
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn spectral_conv_in_3d_matches_a_naive_dft() {
    let dev = Device::Cpu;
    for (b, ci, co, n, m) in [(1, 2, 3, [6, 5, 6], [2, 2, 3]), (2, 3, 2, [4, 6, 7], [2, 3, 4])] {
        let len = n.iter().product::<usize>();
        let x = values(b * ci * len, 1);
        let nw = ci * co * m.iter().product::<usize>();
        let wr: Vec<Vec<f32>> = (0..4).map(|j| values(nw, 10 + j)).collect();
        let wi: Vec<Vec<f32>> = (0..4).map(|j| values(nw, 20 + j)).collect();
        let shape = (ci, co, m[0], m[1], m[2]);
        let t = |v: &[f32]| Tensor::from_slice(v, shape, &dev).unwrap();
        let (tr, ti): (Vec<Tensor>, Vec<Tensor>) = (wr.iter().map(|v| t(v)).collect(), wi.iter().map(|v| t(v)).collect());
        let blk = block_weight(&CornerWeights { re: tr.iter().collect(), im: ti.iter().collect() }).unwrap();
        let bases = Bases::new(&n, &m, &dev).unwrap();
        let xt = Tensor::from_slice(&x, (b, ci, len), &dev).unwrap();
        let got = spectral_conv(&xt, &blk, &bases).unwrap().flatten_all().unwrap().to_vec1::<f32>().unwrap();
        let want = reference(&x, b, ci, co, n, m, &wr, &wi);
        let scale = want.iter().fold(0f64, |a, v| a.max(v.abs()));
        let err = got.iter().zip(&want).fold(0f64, |a, (g, w)| a.max((f64::from(*g) - w).abs()));
        assert!(scale > 0.1, "a trivial reference");
        assert!(err < 2e-6 * scale.max(1.0), "{n:?} {m:?}: max error {err} (scale {scale})");
    }
    let e = Bases::new(&[6, 6, 6], &[4, 2, 2], &dev).unwrap_err().to_string();
    assert!(e.contains("axis 1 needs 1 <= modes <= 3"), "{e}");
}

#[test]
fn a_3d_fno_trains_through_the_runtime() {
    let (b, n, s, t, c) = (2, [6usize, 6, 5], 2, 4, 2);
    let data = data_json(c, &n, s, t);
    let config = "width = 5\nmodes1 = 2\nmodes2 = 2\nmodes3 = 2\npadding = 1\n";
    let net = Fno::new(&FNO3D, config, &data, 7).unwrap();
    // fc0 (S*C+3 -> 5) + 4 * (4 corners * 2 parts * 5*5*2*2*2 + 5*5 + 5) + fc1 (5 -> 128) + fc2
    let n_params = model_runtime::PdeStep::params(&net).num_scalars();
    assert_eq!(n_params, (7 * 5 + 5) + 4 * (4 * 2 * 200 + 30) + (5 * 128 + 128) + (128 * c + c));
    let err = Fno::new(&FNO3D, "modes1 = 4\npadding = 1", &data, 7).err().unwrap().to_string();
    assert!(err.contains("modes1 = 4 does not fit the padded x size 6 + 1: modes1 must be <= 3"), "{err}");

    let len: usize = n.iter().product();
    // Travelling waves (each frame the last one shifted) plus a little noise: learnable.
    let noise = values(b * len * (t + 1) * c, 5);
    let mut u = Vec::with_capacity(noise.len());
    for bi in 0..b {
        for p in 0..len {
            let (px, py, pz) = ((p / 30) as f32 / 6.0, (p / 5 % 6) as f32 / 6.0, (p % 5) as f32 / 5.0);
            for ti in 0..=t {
                for ci in 0..c {
                    let a = std::f32::consts::TAU * (px + py + pz) + 0.4 * ti as f32 + bi as f32 + ci as f32;
                    u.push(0.5 * a.sin() + 0.02 * noise[u.len()]);
                }
            }
        }
    }
    let grid: Vec<f32> = (0..len).flat_map(|p| [(p / 30) as f32 / 6.0, (p / 5 % 6) as f32 / 6.0, (p % 5) as f32 / 5.0]).collect();
    let mut u_shape = vec![b as u64];
    u_shape.extend(n.iter().map(|&v| v as u64));
    u_shape.extend([(t + 1) as u64, c as u64]);
    let batch = vec![
        TensorData { name: "u".into(), shape: RVec::from(u_shape), data: u.into() },
        TensorData { name: "grid".into(), shape: RVec::from(vec![6, 6, 5, 3]), data: grid.into() },
    ];
    let meta = model_runtime::PluginMeta { name: "fno3d", version: "test" };
    let mut m = ModelAdapter::new(PdeModel(net), adam(), meta).unwrap();
    let v = views(&batch);
    let loss = m.core().loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 }).unwrap();
    assert_every_param_gets_gradient(m.core().params(), &loss);
    let weights = m.layer_weights().unwrap();
    let spectral = weights.iter().find(|w| w.group.as_str() == "blocks.0.spectral").unwrap();
    assert_eq!(spectral.shape.as_slice(), &[5, 5, 4, 4, 2]);
    let plan = StepPlan::uniform(&m.param_groups(), 3e-3, 0.0);
    let losses: Vec<f64> = (0..40).map(|_| m.train_step(v.as_slice().into(), &plan).unwrap().loss).collect();
    assert!(losses[39] < 0.3 * losses[0], "{losses:?}");
}
