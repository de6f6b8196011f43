//! PDEBench's "pushforward" training loss for autoregressive models (its UNet trainer, options
//! `pushforward` and `unroll_step`; PDEBench's configs set `pushforward: True`,
//! `unroll_step: 20`).
//!
//! The rollout is the one of [`RolloutSpec`] (window of the last S frames, predictions fed back),
//! but only the last `unroll_step` frames are trained on: frames `t < t_train - unroll_step` are
//! predicted without gradient (PyTorch: under `torch.no_grad()`) and contribute nothing to the
//! loss; frames from `max(initial_step, t_train - unroll_step)` on are predicted with gradient and
//! the loss is the sum of their MSEs. So the model learns to correct inputs that are its own,
//! slightly wrong, earlier predictions, while backpropagating through at most `unroll_step`
//! steps. When `t_train - unroll_step <= initial_step` (e.g. PDEBench's 2D CFD setting, S = 10,
//! T = 21, unroll 20) this is exactly [`RolloutSpec::train_loss`].

use model_kernels::layout::shift_append;
use model_runtime::{Error, Result, RolloutSpec};
use candle_core::Tensor;

/// The first frame that is trained on: `max(S, T - unroll_step)`; `None` trains every frame.
/// PDEBench clamps `unroll_step` to `t_train - 1`, which this formula already implies.
pub fn first_graded_frame(spec: &RolloutSpec, unroll_step: Option<usize>) -> usize {
    match unroll_step {
        None => spec.initial_step,
        Some(u) => spec.initial_step.max(spec.t_train.saturating_sub(u)),
    }
}

/// The pushforward loss of the rollout of `u` `[B, X.., T >= t_train, C]` under `step` (see the
/// module docs). `step` is called once per predicted frame, in order, also for the frames that
/// carry no gradient (a model with batch statistics sees every forward pass, as in PyTorch's
/// train mode).
pub fn pushforward_loss(
    spec: &RolloutSpec,
    u: &Tensor,
    unroll_step: Option<usize>,
    mut step: impl FnMut(&Tensor) -> Result<Tensor>,
) -> Result<Tensor> {
    let dims = u.dims().to_vec();
    if !(4..=5).contains(&dims.len()) {
        return Err(Error::Batch(format!(
            "rollout input must be [B, X.., T, C] with 1 or 2 spatial dims, got {dims:?}"
        )));
    }
    let tax = dims.len() - 2;
    if dims[tax] < spec.t_train {
        return Err(Error::Batch(format!(
            "rollout input has {} time steps, t_train = {} needs at least that many",
            dims[tax], spec.t_train
        )));
    }
    let mut frame_shape = dims.clone();
    frame_shape.remove(tax);
    let s = spec.initial_step;
    let graded = first_graded_frame(spec, unroll_step);
    let mut window_shape = frame_shape.clone();
    *window_shape.last_mut().expect("frames have a channel axis") *= s;
    let mut window = u.narrow(tax, 0, s)?.contiguous()?.reshape(window_shape)?;
    let mut total: Option<Tensor> = None;
    for t in s..spec.t_train {
        let mut pred = step(&window)?;
        if pred.dims() != frame_shape.as_slice() {
            return Err(Error::Batch(format!(
                "the model's one-step output has shape {:?}, expected {frame_shape:?}",
                pred.dims()
            )));
        }
        if t < graded {
            pred = pred.detach();
        } else {
            let target = u.narrow(tax, t, 1)?.squeeze(tax)?;
            let mse = spec.frame_loss(&pred, &target)?;
            total = Some(match total.take() {
                None => mse,
                Some(acc) => (acc + mse)?,
            });
        }
        if t + 1 < spec.t_train {
            window = shift_append(&window, &pred)?;
        }
    }
    total.ok_or_else(|| Error::Batch("rollout produced no trained steps".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::{Device, Var, D};

    fn traj() -> Tensor {
        let v: Vec<f32> = (0..2 * 3 * 7 * 2)
            .map(|i| ((i * 37 % 29) as f32) / 10.0 - 1.4)
            .collect();
        Tensor::from_vec(v, (2, 3, 7, 2), &Device::Cpu).unwrap()
    }

    #[test]
    fn without_a_cut_it_is_the_plain_rollout_loss() {
        let u = traj();
        let spec = RolloutSpec::new(2, 7).unwrap();
        let w = Var::from_vec(vec![0.7f32, -0.2, 0.1, 0.4], (4, 1), &Device::Cpu).unwrap();
        // One step: a linear map of the 2*2 window channels, per output channel.
        let step = |x: &Tensor| -> Result<Tensor> {
            let y = x.broadcast_matmul(&w)?; // [B, X, 1]
            Ok(Tensor::cat(&[&y, &(&y * 0.5)?], D::Minus1)?)
        };
        for unroll in [None, Some(5), Some(20)] {
            let a = pushforward_loss(&spec, &u, unroll, step).unwrap();
            let b = spec.train_loss(&u, step).unwrap();
            assert_eq!(a.to_scalar::<f32>().unwrap(), b.to_scalar::<f32>().unwrap());
            let ga = a
                .backward()
                .unwrap()
                .get(&w)
                .unwrap()
                .to_vec2::<f32>()
                .unwrap();
            let gb = b
                .backward()
                .unwrap()
                .get(&w)
                .unwrap()
                .to_vec2::<f32>()
                .unwrap();
            assert_eq!(ga, gb);
        }
    }

    #[test]
    fn cut_frames_carry_no_loss_and_no_gradient_but_still_run() {
        let u = traj();
        let spec = RolloutSpec::new(2, 7).unwrap();
        assert_eq!(first_graded_frame(&spec, Some(2)), 5);
        assert_eq!(first_graded_frame(&spec, Some(100)), 2);
        assert_eq!(first_graded_frame(&spec, None), 2);
        let w = Var::from_vec(vec![0.7f32, -0.2, 0.1, 0.4], (4, 1), &Device::Cpu).unwrap();
        let mut calls = 0;
        let mut step = |x: &Tensor| -> Result<Tensor> {
            calls += 1;
            let y = x.broadcast_matmul(&w)?;
            Ok(Tensor::cat(&[&y, &y], D::Minus1)?)
        };
        let loss = pushforward_loss(&spec, &u, Some(2), &mut step).unwrap();
        assert_eq!(calls, 5, "every frame is predicted");
        // Reference: roll out 3 frames without gradient, then 2 with, summing only those.
        let wd = w.as_tensor().detach();
        let mut window = u
            .narrow(2, 0, 2)
            .unwrap()
            .contiguous()
            .unwrap()
            .reshape((2, 3, 4))
            .unwrap();
        let mut want = 0f32;
        for t in 2..7 {
            let wt = if t < 5 { &wd } else { w.as_tensor() };
            let y = window.broadcast_matmul(wt).unwrap();
            let pred = Tensor::cat(&[&y, &y], D::Minus1).unwrap();
            if t >= 5 {
                let target = u.narrow(2, t, 1).unwrap().squeeze(2).unwrap();
                want += (&pred - target)
                    .unwrap()
                    .sqr()
                    .unwrap()
                    .mean_all()
                    .unwrap()
                    .to_scalar::<f32>()
                    .unwrap();
            }
            window = shift_append(&window, &pred).unwrap();
        }
        let got = loss.to_scalar::<f32>().unwrap();
        assert!(
            (got - want).abs() < 1e-5 * want.abs().max(1.0),
            "{got} vs {want}"
        );
        // The gradient differs from the full rollout's: earlier frames do not contribute.
        let g_pf = loss
            .backward()
            .unwrap()
            .get(&w)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        let full = spec
            .train_loss(&u, |x| {
                let y = x.broadcast_matmul(&w)?;
                Ok(Tensor::cat(&[&y, &y], D::Minus1)?)
            })
            .unwrap();
        let g_full = full
            .backward()
            .unwrap()
            .get(&w)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        assert_ne!(g_pf, g_full);
        let short = Tensor::zeros((2, 3, 4, 2), candle_core::DType::F32, &Device::Cpu).unwrap();
        let e = pushforward_loss(&spec, &short, None, |x| Ok(x.clone())).unwrap_err();
        assert!(e.to_string().contains("4 time steps"), "{e}");
    }
}
