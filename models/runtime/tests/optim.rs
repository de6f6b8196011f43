//! Optimizer, plan, clipping, SAM and non-finite handling, checked against hand-derived values
//! and against independent f64 re-implementations of PyTorch's update formulas.

use candle_core::{Device, Tensor};
use model_runtime::{Init, ParamStore, Result, Trainer};
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{GroupPlan, LayerKind, OptimizerKind, OptimizerSpec, SamPlan, StepPlan};

fn spec(kind: OptimizerKind) -> OptimizerSpec {
    OptimizerSpec {
        kind,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        momentum: 0.0,
        nesterov: false,
        grad_clip: 0.0,
    }
}

/// Two groups: "a" with a decayed weight and a non-decayed bias, "b" with one decayed weight.
fn store(wa: &[f32], ba: &[f32], wb: &[f32]) -> ParamStore {
    let mut s = ParamStore::new(0, &Device::Cpu);
    s.group("a", LayerKind::Linear, None).unwrap();
    s.param("weight", &[wa.len()], Init::Values(wa.to_vec()), true)
        .unwrap();
    s.param("bias", &[ba.len()], Init::Values(ba.to_vec()), false)
        .unwrap();
    s.group("b", LayerKind::Linear, Some(0)).unwrap();
    s.param("weight", &[wb.len()], Init::Values(wb.to_vec()), true)
        .unwrap();
    s
}

fn plan(entries: &[(&str, f64, f64)]) -> StepPlan {
    StepPlan {
        groups: entries
            .iter()
            .map(|&(g, lr, wd)| GroupPlan {
                group: g.into(),
                lr,
                weight_decay: wd,
            })
            .collect::<RVec<_>>(),
        sam: ROption::RNone,
        warnings: RVec::new(),
    }
}

/// loss = sum_i c_i * p_i for every parameter (gradient = c, constant).
fn linear_loss(s: &ParamStore, coef: &[Vec<f32>]) -> Result<Tensor> {
    let mut total = Tensor::new(0f32, &Device::Cpu)?;
    for (p, c) in s.params().iter().zip(coef) {
        let c = Tensor::from_slice(c, p.shape(), &Device::Cpu)?;
        total = (total + (p.tensor() * c)?.sum_all()?)?;
    }
    Ok(total)
}

fn vals(s: &ParamStore) -> Vec<Vec<f32>> {
    s.values().unwrap()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

#[test]
fn adam_first_step_moves_each_weight_by_lr() {
    // With m-hat = g and v-hat = g^2 after one step, Adam moves every weight by lr * g/(|g|+eps).
    let s = store(&[1.0, -2.0], &[0.5], &[3.0]);
    let mut t = Trainer::new(spec(OptimizerKind::Adam), &s).unwrap();
    let coef = vec![vec![2.0, -0.5], vec![1e-3], vec![-7.0]];
    let out = t
        .step(&s, &plan(&[("a", 0.1, 0.0), ("b", 0.01, 0.0)]), || {
            linear_loss(&s, &coef)
        })
        .unwrap();
    assert!(close(out.loss, 2.0 + 1.0 + 0.5e-3 - 21.0, 1e-6));
    assert!(close(
        out.grad_norm,
        (4.0f64 + 0.25 + 1e-6 + 49.0).sqrt(),
        1e-6
    ));
    let v = vals(&s);
    assert!(
        close(v[0][0] as f64, 0.9, 1e-6) && close(v[0][1] as f64, -1.9, 1e-6),
        "{v:?}"
    );
    assert!(close(v[1][0] as f64, 0.4, 1e-5), "{v:?}");
    assert!(close(v[2][0] as f64, 3.01, 1e-6), "{v:?}");
    assert_eq!(t.optimizer().step_count(), 1);
}

/// Independent f64 re-implementation of PyTorch Adam / AdamW for one tensor.
#[allow(clippy::too_many_arguments)]
fn adam_ref(
    w: &mut [f64],
    m: &mut [f64],
    v: &mut [f64],
    g: &[f64],
    t: i32,
    lr: f64,
    wd: f64,
    decoupled: bool,
) {
    let (b1, b2, eps) = (0.9f64, 0.999f64, 1e-8f64);
    for i in 0..w.len() {
        let mut gi = g[i];
        if decoupled {
            w[i] *= 1.0 - lr * wd;
        } else {
            gi += wd * w[i];
        }
        m[i] = b1 * m[i] + (1.0 - b1) * gi;
        v[i] = b2 * v[i] + (1.0 - b2) * gi * gi;
        let mhat = m[i] / (1.0 - b1.powi(t));
        let vhat = v[i] / (1.0 - b2.powi(t));
        w[i] -= lr * mhat / (vhat.sqrt() + eps);
    }
}

fn sgd_ref(w: &mut [f64], buf: &mut [f64], g: &[f64], lr: f64, wd: f64, mom: f64, nesterov: bool) {
    for i in 0..w.len() {
        let d = g[i] + wd * w[i];
        buf[i] = mom * buf[i] + d;
        let u = if nesterov { d + mom * buf[i] } else { buf[i] };
        w[i] -= lr * u;
    }
}

/// loss = 0.5 * sum (p - target)^2 over all params: gradient = p - target, changes every step.
fn quad_loss(s: &ParamStore, target: f32) -> Result<Tensor> {
    let mut total = Tensor::new(0f32, &Device::Cpu)?;
    for p in s.params() {
        total = (total + (p.tensor() - f64::from(target))?.sqr()?.sum_all()? * 0.5)?;
    }
    Ok(total)
}

fn run_against_reference(kind: OptimizerKind, momentum: f64, nesterov: bool) {
    let init = [vec![1.0f32, -2.0, 0.25], vec![0.5], vec![3.0, -1.0]];
    let s = store(&init[0], &init[1], &init[2]);
    let mut sp = spec(kind);
    sp.momentum = momentum;
    sp.nesterov = nesterov;
    let mut t = Trainer::new(sp, &s).unwrap();
    let hyper = [("a", 0.05, 0.1), ("b", 0.02, 0.3)];
    let p = plan(&hyper);
    let mut w: Vec<Vec<f64>> = init
        .iter()
        .map(|v| v.iter().map(|&x| f64::from(x)).collect())
        .collect();
    let mut m: Vec<Vec<f64>> = w.iter().map(|v| vec![0.0; v.len()]).collect();
    let mut v2 = m.clone();
    let decay = [true, false, true];
    let group = [0usize, 0, 1];
    for step in 1..=5 {
        t.step(&s, &p, || quad_loss(&s, 0.3)).unwrap();
        for i in 0..3 {
            let g: Vec<f64> = w[i].iter().map(|&x| x - 0.3).collect();
            let (lr, wd) = (
                hyper[group[i]].1,
                if decay[i] { hyper[group[i]].2 } else { 0.0 },
            );
            match kind {
                OptimizerKind::Adam => {
                    adam_ref(&mut w[i], &mut m[i], &mut v2[i], &g, step, lr, wd, false)
                }
                OptimizerKind::AdamW => {
                    adam_ref(&mut w[i], &mut m[i], &mut v2[i], &g, step, lr, wd, true)
                }
                OptimizerKind::Sgd => sgd_ref(&mut w[i], &mut m[i], &g, lr, wd, momentum, nesterov),
            }
        }
    }
    let got = vals(&s);
    for i in 0..3 {
        for j in 0..w[i].len() {
            assert!(
                close(f64::from(got[i][j]), w[i][j], 2e-5),
                "{kind:?} param {i}[{j}]: {} vs {}",
                got[i][j],
                w[i][j]
            );
        }
    }
}

/// Large parameters are updated in chunks on rayon's threads: the values must be exactly those of
/// a one-thread update (every optimizer kind), and the update must have happened everywhere.
#[test]
fn large_parameters_update_identically_on_two_threads() {
    let n = 150_001; // over two parallel chunks of 2^16, the last one short
    let init: Vec<f32> = (0..n).map(|i| ((i * 37) % 101) as f32 / 50.0 - 1.0).collect();
    let run = |threads: usize, kind: OptimizerKind, momentum: f64, nesterov: bool| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| {
            let s = store(&init, &[0.5], &init[..10]);
            let mut sp = spec(kind);
            sp.momentum = momentum;
            sp.nesterov = nesterov;
            let mut t = Trainer::new(sp, &s).unwrap();
            let p = plan(&[("a", 0.05, 0.1), ("b", 0.02, 0.3)]);
            for _ in 0..3 {
                t.step(&s, &p, || quad_loss(&s, 0.3)).unwrap();
            }
            vals(&s)
        })
    };
    for (kind, momentum, nesterov) in [
        (OptimizerKind::Adam, 0.0, false),
        (OptimizerKind::AdamW, 0.0, false),
        (OptimizerKind::Sgd, 0.0, false),
        (OptimizerKind::Sgd, 0.9, true),
    ] {
        let one = run(1, kind, momentum, nesterov);
        let two = run(2, kind, momentum, nesterov);
        assert_eq!(one, two, "{kind:?} momentum {momentum}");
        let moved = one[0].iter().zip(&init).filter(|(a, b)| a != b).count();
        assert!(moved > n - 10, "{kind:?}: only {moved} of {n} weights moved");
    }
}

#[test]
fn adam_matches_pytorch_formula_with_coupled_l2() {
    run_against_reference(OptimizerKind::Adam, 0.0, false);
}

#[test]
fn adamw_matches_pytorch_formula_with_decoupled_decay() {
    run_against_reference(OptimizerKind::AdamW, 0.0, false);
}

#[test]
fn sgd_plain_momentum_and_nesterov_match_pytorch_formula() {
    run_against_reference(OptimizerKind::Sgd, 0.0, false);
    run_against_reference(OptimizerKind::Sgd, 0.9, false);
    run_against_reference(OptimizerKind::Sgd, 0.9, true);
}

#[test]
fn decay_flag_and_coupled_vs_decoupled_decay() {
    // Zero gradient: only weight decay can move a parameter.
    let zero = vec![vec![0.0, 0.0], vec![0.0], vec![0.0]];
    for kind in [
        OptimizerKind::Adam,
        OptimizerKind::AdamW,
        OptimizerKind::Sgd,
    ] {
        let s = store(&[1.0, 2.0], &[1.0], &[1.0]);
        let mut t = Trainer::new(spec(kind), &s).unwrap();
        t.step(&s, &plan(&[("a", 0.1, 0.5), ("b", 0.1, 0.0)]), || {
            linear_loss(&s, &zero)
        })
        .unwrap();
        let v = vals(&s);
        assert_eq!(
            v[1],
            vec![1.0],
            "{kind:?}: the bias has decay = false and must not move"
        );
        assert_eq!(v[2], vec![1.0], "{kind:?}: group b has weight decay 0");
        let expect = match kind {
            OptimizerKind::Adam => [0.9, 1.9], // g = wd*w, first Adam step moves by lr
            OptimizerKind::AdamW => [0.95, 1.9], // w *= 1 - lr*wd; the moment update is 0
            OptimizerKind::Sgd => [0.95, 1.9], // w -= lr * wd * w
        };
        assert!(
            close(v[0][0] as f64, expect[0], 1e-6) && close(v[0][1] as f64, expect[1], 1e-6),
            "{kind:?}: {v:?}"
        );
    }
}

#[test]
fn a_group_at_lr_zero_stays_put() {
    let s = store(&[1.0, 2.0], &[1.0], &[1.0]);
    let mut t = Trainer::new(spec(OptimizerKind::AdamW), &s).unwrap();
    for _ in 0..3 {
        t.step(&s, &plan(&[("a", 0.0, 0.1), ("b", 0.1, 0.1)]), || {
            quad_loss(&s, 5.0)
        })
        .unwrap();
    }
    let v = vals(&s);
    assert_eq!(v[0], vec![1.0, 2.0]);
    assert_eq!(v[1], vec![1.0]);
    assert!(v[2][0] > 1.2);
}

#[test]
fn plan_errors_name_the_group_and_change_nothing() {
    let s = store(&[1.0], &[1.0], &[1.0]);
    let mut t = Trainer::new(spec(OptimizerKind::Adam), &s).unwrap();
    let cases = [
        (plan(&[("a", 0.1, 0.0)]), "no entry for parameter group 'b'"),
        (
            plan(&[("a", 0.1, 0.0), ("b", 0.1, 0.0), ("c", 0.1, 0.0)]),
            "unknown parameter group 'c'",
        ),
        (
            plan(&[("a", 0.1, 0.0), ("a", 0.1, 0.0), ("b", 0.1, 0.0)]),
            "parameter group 'a' twice",
        ),
        (
            plan(&[("a", -0.1, 0.0), ("b", 0.1, 0.0)]),
            "group 'a' an invalid learning rate",
        ),
        (
            plan(&[("a", 0.1, 0.0), ("b", 0.1, f64::NAN)]),
            "group 'b' an invalid weight decay",
        ),
    ];
    for (p, want) in cases {
        let e = t
            .step(&s, &p, || quad_loss(&s, 0.0))
            .unwrap_err()
            .to_string();
        assert!(e.contains(want), "{e}");
    }
    assert_eq!(vals(&s), vec![vec![1.0], vec![1.0], vec![1.0]]);
    assert_eq!(t.optimizer().step_count(), 0);
}

#[test]
fn invalid_optimizer_settings_are_rejected() {
    let s = store(&[1.0], &[1.0], &[1.0]);
    let mut sp = spec(OptimizerKind::Adam);
    sp.beta1 = 1.0;
    assert!(Trainer::new(sp, &s)
        .unwrap_err()
        .to_string()
        .contains("beta1"));
    let mut sp = spec(OptimizerKind::Sgd);
    sp.nesterov = true;
    assert!(Trainer::new(sp, &s)
        .unwrap_err()
        .to_string()
        .contains("nesterov"));
    let mut sp = spec(OptimizerKind::Sgd);
    sp.grad_clip = -1.0;
    assert!(Trainer::new(sp, &s)
        .unwrap_err()
        .to_string()
        .contains("grad_clip"));
}

#[test]
fn gradient_clipping_reports_the_pre_clip_norm() {
    let s = store(&[0.0], &[0.0], &[0.0]);
    let mut sp = spec(OptimizerKind::Sgd);
    sp.grad_clip = 1.0;
    let mut t = Trainer::new(sp, &s).unwrap();
    let coef = vec![vec![3.0], vec![0.0], vec![4.0]];
    let out = t
        .step(&s, &plan(&[("a", 1.0, 0.0), ("b", 1.0, 0.0)]), || {
            linear_loss(&s, &coef)
        })
        .unwrap();
    assert!(close(out.grad_norm, 5.0, 1e-9));
    let v = vals(&s);
    // g * clip / (norm + 1e-6), as torch.nn.utils.clip_grad_norm_.
    let k = 1.0 / (5.0 + 1e-6);
    assert!(
        close(v[0][0] as f64, -3.0 * k, 1e-6) && close(v[2][0] as f64, -4.0 * k, 1e-6),
        "{v:?}"
    );
    // Below the threshold nothing is scaled.
    let coef = vec![vec![0.3], vec![0.0], vec![0.4]];
    t.step(&s, &plan(&[("a", 1.0, 0.0), ("b", 1.0, 0.0)]), || {
        linear_loss(&s, &coef)
    })
    .unwrap();
    let w = vals(&s);
    assert!(close(w[0][0] as f64, v[0][0] as f64 - 0.3, 1e-6));
}

fn sam_plan(rho: f64, adaptive: bool) -> StepPlan {
    let mut p = plan(&[("a", 0.1, 0.0), ("b", 0.1, 0.0)]);
    p.sam = ROption::RSome(SamPlan { rho, adaptive });
    p
}

/// loss = 0.5 * sum_i a_i w_i^2 with a = 1 for group a's weight and 4 for group b's weight.
fn sam_quadratic(s: &ParamStore) -> Result<Tensor> {
    let p = s.params();
    let la = (p[0].tensor().sqr()?.sum_all()? * 0.5)?;
    let lb = (p[2].tensor().sqr()?.sum_all()? * 2.0)?;
    Ok(((la + lb)? + (p[1].tensor() * 0.0)?.sum_all()?)?)
}

#[test]
fn sam_step_on_a_quadratic_matches_hand_computation() {
    // w = (1 | 1), g = (1 | 4), ||g|| = sqrt(17), e = 0.1 g / sqrt(17) = (0.0242536 | 0.0970143),
    // g' = a (w + e) = (1.0242536 | 4.3880570), SGD lr 0.1: w' = (0.8975746 | 0.5611943).
    let s = store(&[1.0], &[0.0], &[1.0]);
    let mut t = Trainer::new(spec(OptimizerKind::Sgd), &s).unwrap();
    let out = t
        .step(&s, &sam_plan(0.1, false), || sam_quadratic(&s))
        .unwrap();
    let v = vals(&s);
    assert!(close(v[0][0] as f64, 0.8975746, 1e-6), "{v:?}");
    assert!(close(v[2][0] as f64, 0.5611943, 1e-6), "{v:?}");
    assert!(
        close(out.loss, 2.5, 1e-7),
        "the reported loss is the unperturbed one"
    );
    assert!(close(
        out.grad_norm,
        (1.0242536f64.powi(2) + 4.388057f64.powi(2)).sqrt(),
        1e-6
    ));

    // Adaptive: w = (2 | 0.5), g = (2 | 2), ||w*g|| = sqrt(17), e = 0.1 w^2 g / sqrt(17)
    // = (0.1940285 | 0.0121268), g' = (2.1940285 | 2.0485071), w' = (1.7805972 | 0.2951493).
    let s = store(&[2.0], &[0.0], &[0.5]);
    let mut t = Trainer::new(spec(OptimizerKind::Sgd), &s).unwrap();
    t.step(&s, &sam_plan(0.1, true), || sam_quadratic(&s))
        .unwrap();
    let v = vals(&s);
    assert!(close(v[0][0] as f64, 1.7805972, 1e-6), "{v:?}");
    assert!(close(v[2][0] as f64, 0.2951493, 1e-6), "{v:?}");
}

#[test]
fn sam_clips_the_perturbed_gradient() {
    let s = store(&[1.0], &[0.0], &[1.0]);
    let mut sp = spec(OptimizerKind::Sgd);
    sp.grad_clip = 1.0;
    let mut t = Trainer::new(sp, &s).unwrap();
    let out = t
        .step(&s, &sam_plan(0.1, false), || sam_quadratic(&s))
        .unwrap();
    let gp = [1.0242536f64, 4.388057];
    let n = (gp[0] * gp[0] + gp[1] * gp[1]).sqrt();
    assert!(close(out.grad_norm, n, 1e-6));
    let v = vals(&s);
    assert!(
        close(v[0][0] as f64, 1.0 - 0.1 * gp[0] / (n + 1e-6), 1e-6),
        "{v:?}"
    );
    assert!(
        close(v[2][0] as f64, 1.0 - 0.1 * gp[1] / (n + 1e-6), 1e-6),
        "{v:?}"
    );
}

#[test]
fn non_finite_loss_or_gradient_changes_nothing() {
    let s = store(&[1.0, 0.0], &[1.0], &[2.0]);
    let mut t = Trainer::new(spec(OptimizerKind::Adam), &s).unwrap();
    let p = plan(&[("a", 0.1, 0.1), ("b", 0.1, 0.1)]);
    t.step(&s, &p, || quad_loss(&s, 0.5)).unwrap();
    let before = vals(&s);
    let state_before = (0..3)
        .map(|i| t.optimizer().slot(0, i).to_vec())
        .collect::<Vec<_>>();

    let e = t
        .step(&s, &p, || Ok((quad_loss(&s, 0.5)? * f64::NAN)?))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("non-finite loss (loss = NaN"), "{e}");
    assert!(e.contains("left unchanged"), "{e}");
    // SAM: the perturbed pass blows up; the weights must be restored exactly.
    let mut calls = 0;
    let mut sp = sam_plan(0.5, false);
    sp.groups = p.groups.clone();
    let e = t
        .step(&s, &sp, || {
            calls += 1;
            let l = quad_loss(&s, 0.5)?;
            if calls == 2 {
                Ok((l * f64::INFINITY)?)
            } else {
                Ok(l)
            }
        })
        .unwrap_err()
        .to_string();
    assert!(e.contains("SAM's perturbed pass"), "{e}");
    assert_eq!(vals(&s), before);
    assert_eq!(t.optimizer().step_count(), 1);
    let state_after = (0..3)
        .map(|i| t.optimizer().slot(0, i).to_vec())
        .collect::<Vec<_>>();
    assert_eq!(state_after, state_before);
}

#[test]
fn non_finite_gradient_is_reported_with_the_parameter() {
    let s = store(&[0.0], &[1.0], &[1.0]);
    let mut t = Trainer::new(spec(OptimizerKind::Sgd), &s).unwrap();
    let p = plan(&[("a", 0.1, 0.0), ("b", 0.1, 0.0)]);
    // d/dw sqrt(w) at w = 0 is +inf; the loss itself is 0.
    let e = t
        .step(&s, &p, || Ok(s.params()[0].tensor().sqrt()?.sum_all()?))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "non-finite gradient (in group 'a' (parameter 'a.weight')); parameters and optimizer state left unchanged");
    // The engine recognises it as a step that changed nothing (it may skip the batch).
    assert!(plugin_api::is_non_finite_step(&e));
    assert_eq!(vals(&s), vec![vec![0.0], vec![1.0], vec![1.0]]);
    // Gradients non-finite in both groups name both; a non-finite loss with finite weights says so.
    let s = store(&[0.0], &[1.0], &[0.0]);
    let mut t = Trainer::new(spec(OptimizerKind::Sgd), &s).unwrap();
    let e = t
        .step(&s, &p, || {
            let mut total = Tensor::new(0f32, &Device::Cpu)?;
            for q in s.params() {
                total = (total + q.tensor().sqrt()?.sum_all()?)?;
            }
            Ok(total)
        })
        .unwrap_err()
        .to_string();
    assert!(e.contains("(in groups 'a' (parameter 'a.weight'), 'b' (parameter 'b.weight'))"), "{e}");
    let e = t.step(&s, &p, || Ok((quad_loss(&s, 0.5)? * f64::NAN)?)).unwrap_err().to_string();
    assert!(e.contains("every weight is finite") && plugin_api::is_non_finite_step(&e), "{e}");
}
