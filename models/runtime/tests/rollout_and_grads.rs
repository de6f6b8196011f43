//! The rollout helper (window order, feedback without teacher forcing, loss definition, 1D and
//! 2D) and the gradient-check helpers (including candle-nn's silent no-gradient LayerNorm).

use candle_core::{Device, Tensor, D};
use model_runtime::testing::{
    assert_every_param_gets_gradient, finite_difference, gradient_problems,
};
use model_runtime::{Init, ParamStore, RolloutSpec};
use plugin_api::LayerKind;

fn traj(dims: &[usize]) -> Tensor {
    let n: usize = dims.iter().product();
    let v: Vec<f32> = (0..n)
        .map(|i| ((i * 37 % 101) as f32) / 50.0 - 1.0)
        .collect();
    Tensor::from_vec(v, dims, &Device::Cpu).unwrap()
}

fn frame(u: &Tensor, t: usize) -> Tensor {
    let tax = u.rank() - 2;
    u.narrow(tax, t, 1).unwrap().squeeze(tax).unwrap()
}

fn max_diff(a: &Tensor, b: &Tensor) -> f32 {
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

#[test]
fn window_is_time_major_and_predictions_feed_back() {
    for dims in [vec![2, 5, 6, 3], vec![2, 4, 3, 6, 3]] {
        let (s, t, c) = (2, 5, 3);
        let u = traj(&dims);
        let spec = RolloutSpec::new(s, t).unwrap();
        // The step returns the oldest frame of its window: channels [0, C) of the S*C input.
        let oldest = |x: &Tensor| Ok(x.narrow(D::Minus1, 0, c)?);
        let pred = spec.predict(&u, oldest).unwrap();
        assert_eq!(pred.dims()[pred.rank() - 2], t);
        // pred_0,1 = u_0,1 (copied); pred_2 = u_0; pred_3 = u_1; pred_4 = pred_2 = u_0 (fed back).
        for (k, src) in [(0, 0), (1, 1), (2, 0), (3, 1), (4, 0)] {
            assert_eq!(
                max_diff(&frame(&pred, k), &frame(&u, src)),
                0.0,
                "{dims:?} frame {k}"
            );
        }
        // Loss = sum over t = 2..4 of mean((pred_t - u_t)^2).
        let loss = spec
            .train_loss(&u, oldest)
            .unwrap()
            .to_scalar::<f32>()
            .unwrap();
        let want: f32 = [(2, 0), (3, 1), (4, 0)]
            .iter()
            .map(|&(k, src)| {
                (frame(&u, k) - frame(&u, src))
                    .unwrap()
                    .sqr()
                    .unwrap()
                    .mean_all()
                    .unwrap()
                    .to_scalar::<f32>()
                    .unwrap()
            })
            .sum();
        assert!(
            (loss - want).abs() < 1e-6 * want.max(1.0),
            "{loss} vs {want}"
        );
    }
}

#[test]
fn rollout_rejects_bad_shapes() {
    let spec = RolloutSpec::new(2, 5).unwrap();
    let e = spec
        .predict(&traj(&[2, 5, 4, 3]), |x| Ok(x.clone()))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("4 time steps") && e.contains("t_train = 5"),
        "{e}"
    );
    let e = spec
        .predict(&traj(&[2, 5, 6, 3]), |x| Ok(x.clone()))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("one-step output has shape [2, 5, 6], expected [2, 5, 3]"),
        "{e}"
    );
    assert!(RolloutSpec::new(3, 3).is_err());
    assert!(spec.predict(&traj(&[2, 6, 3]), |x| Ok(x.clone())).is_err());
}

fn store_with_ln() -> (ParamStore, Tensor, Tensor, Tensor) {
    let mut s = ParamStore::new(1, &Device::Cpu);
    s.group("lin", LayerKind::Linear, None).unwrap();
    let w = s
        .param("weight", &[4, 4], Init::torch_default(4), true)
        .unwrap();
    s.group("norm", LayerKind::Norm, None).unwrap();
    let g = s.param("weight", &[4], Init::Constant(1.0), false).unwrap();
    let b = s.param("bias", &[4], Init::Zeros, false).unwrap();
    (s, w, g, b)
}

#[test]
fn the_gradient_check_catches_candle_nn_layer_norm() {
    let (s, w, g, b) = store_with_ln();
    let x = traj(&[3, 4]);
    let h = x.matmul(&w.t().unwrap()).unwrap();
    let target = traj(&[3, 4]).affine(0.5, 0.1).unwrap();
    // candle-nn's LayerNorm::forward on contiguous input uses a kernel without backward.
    let ln = candle_nn::LayerNorm::new(g.clone(), b.clone(), 1e-5);
    let y = candle_core::Module::forward(&ln, &h).unwrap();
    let loss = (y - &target).unwrap().sqr().unwrap().sum_all().unwrap();
    let problems = gradient_problems(&s, &loss).unwrap();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].starts_with("lin.weight: no gradient"));
    assert!(problems[1].starts_with("norm.weight: no gradient"));
    // The differentiable version passes.
    let y = candle_nn::ops::layer_norm_slow(&h, &g, &b, 1e-5).unwrap();
    let loss = (y - &target).unwrap().sqr().unwrap().sum_all().unwrap();
    assert_every_param_gets_gradient(&s, &loss);
}

#[test]
fn finite_difference_matches_autograd_and_restores_the_parameter() {
    let (s, w, g, b) = store_with_ln();
    let x = traj(&[3, 4]);
    let f = || -> model_runtime::Result<Tensor> {
        let h = x.matmul(&w.t()?)?;
        let y = candle_nn::ops::layer_norm_slow(&h, &g, &b, 1e-5)?;
        Ok((y.sqr()? * &x)?.sum_all()?)
    };
    let loss = f().unwrap();
    let grads = loss.backward().unwrap();
    let gw = grads
        .get(&w)
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    let before = s.values().unwrap();
    for idx in [0, 5, 11] {
        let fd = finite_difference(&s, "lin.weight", idx, 1e-2, || {
            Ok(f64::from(f()?.to_scalar::<f32>()?))
        })
        .unwrap();
        assert!(
            (fd - f64::from(gw[idx])).abs() < 2e-3 * (1.0 + fd.abs()),
            "{idx}: fd {fd} vs {}",
            gw[idx]
        );
    }
    assert_eq!(s.values().unwrap(), before);
}
