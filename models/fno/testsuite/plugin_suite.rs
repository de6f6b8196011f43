// The FNO plugin test suite, shared by fno1d and fno2d: gradients (presence, finite differences
// through the rollout and through one step), overfitting, frozen groups, determinism, the
// prediction layout, checkpoints, and the exported root module loaded from the .so.
//
// Each crate's test file defines `plugin` (the crate), `SPATIAL` (a small grid), `CONFIG` (a small
// model on it) and `OTHER_WIDTH` (the same with width 5), and its dimension-specific tests (group
// layout, layer weights, config and batch errors), then `include!`s this file.

use model_runtime::pde_testing::{adam, data_json, trajectories, views};
use model_runtime::testing::{assert_every_param_gets_gradient, finite_difference};
use model_runtime::{Batch, ModelCore, StepCtx};
use plugin::{new_model, Plugin, DEFAULT_CONFIG, NAME};
use plugin_api::abi_stable::sabi_trait::TD_Opaque;
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{LayerKind, ModelBox, ModelInit, Model_TO, StepPlan, TensorData};

const C: usize = 2;
const S: usize = 2;
const T: usize = 5;
/// Inputs of fc0: the S*C frame channels and the grid coordinates.
const LIFT_IN: usize = S * C + SPATIAL.len();

fn data() -> String {
    data_json(C, SPATIAL, S, T)
}

fn points() -> usize {
    SPATIAL.iter().product()
}

fn plugin_with(config: &str, data: &str, seed: u64) -> Result<Plugin, String> {
    new_model(ModelInit { config: config.into(), data: data.into(), optimizer: adam(), seed })
}

fn plugin(seed: u64) -> Plugin {
    plugin_with(CONFIG, &data(), seed).unwrap()
}

fn boxed(seed: u64) -> ModelBox {
    Model_TO::from_value(plugin(seed), TD_Opaque)
}

/// u [B, X.., T + 1, C] (one spare frame) and grid [X.., D].
fn batch(b: usize, phase: f32) -> Vec<TensorData> {
    trajectories(b, SPATIAL, T + 1, C, phase)
}

fn loss_of(p: &Plugin, d: &[TensorData]) -> f64 {
    let v = views(d);
    let l = p.core().loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 }).unwrap();
    f64::from(l.to_scalar::<f32>().unwrap())
}

fn argmax_abs(v: &[f32]) -> usize {
    (0..v.len()).max_by(|&a, &b| v[a].abs().total_cmp(&v[b].abs())).unwrap()
}

fn train(m: &mut ModelBox, d: &[TensorData], steps: usize, plan: &StepPlan) -> Vec<f64> {
    let v = views(d);
    (0..steps).map(|_| m.train_step(v.as_slice().into(), plan).unwrap().loss).collect()
}

/// The parameters of a group, by full name.
fn group_params(p: &Plugin, group: &str) -> Vec<String> {
    p.core().params().params().iter().map(|q| q.name().to_string()).filter(|n| n.starts_with(&format!("{group}."))).collect()
}

#[test]
fn every_parameter_gets_a_gradient() {
    let p = plugin(1);
    let d = batch(2, 0.0);
    let v = views(&d);
    let loss = p.core().loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 }).unwrap();
    assert_every_param_gets_gradient(p.core().params(), &loss);
}

#[test]
fn rollout_gradients_match_finite_differences() {
    let p = plugin(2);
    let params = p.core().params();
    // At PDEBench's init (scale 1/width^2) the spectral path is weak and its gradients are below
    // what an f32 finite difference resolves; scale the spectral weights up.
    for param in params.params().iter().filter(|q| q.name().contains(".spectral.")) {
        let v: Vec<f32> = param.values().unwrap().iter().map(|x| x * 8.0 - 0.1).collect();
        params.set_param(param, &v).unwrap();
    }
    let d = batch(2, 0.1);
    let v = views(&d);
    let loss = p.core().loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 }).unwrap();
    let grads = loss.backward().unwrap();
    // Block 0's first spectral weight (real part), block 1's second (imaginary part), block 2's
    // third (2D: the second corner's real part), ...
    let spectral = |block: usize, i: usize| {
        let all = group_params(&p, &format!("blocks.{block}.spectral"));
        all[i.min(all.len() - 1)].clone()
    };
    let mut names = vec![spectral(0, 0), spectral(1, 1), spectral(2, 2), spectral(3, 0)];
    names.extend(["blocks.2.pointwise.weight", "blocks.0.pointwise.bias", "fc0.weight", "fc1.bias", "fc2.weight"].map(String::from));
    for name in &names {
        let all = grads.get(params.get(name).unwrap().tensor()).unwrap().flatten_all().unwrap().to_vec1::<f32>().unwrap();
        let idx = argmax_abs(&all);
        let g = f64::from(all[idx]);
        let fd = finite_difference(params, name, idx, 5e-2, || Ok(loss_of(&p, &d))).unwrap();
        assert!(g.abs() > 1e-5, "{name}[{idx}]: gradient too small to be a meaningful check ({g:e})");
        assert!((g - fd).abs() <= 1e-2 * fd.abs().max(g.abs()), "{name}[{idx}]: analytic {g:e} vs finite difference {fd:e}");
    }
}

/// The one-step forward's gradient with respect to its input frames.
#[test]
fn step_input_gradient_matches_finite_differences() {
    use candle_core::{Device, Tensor, Var};
    let p = plugin(9);
    let net = &p.core().0;
    let d = batch(1, 0.0);
    let mut grid_shape = SPATIAL.to_vec();
    grid_shape.push(SPATIAL.len());
    let grid = Tensor::from_slice(d[1].data.as_slice(), grid_shape, &Device::Cpu).unwrap();
    let ctx = net.context(&grid, 1).unwrap();
    let n = points() * S * C;
    let shape = |last: usize| [1].into_iter().chain(SPATIAL.iter().copied()).chain([last]).collect::<Vec<usize>>();
    let x0: Vec<f32> = (0..n).map(|i| ((i * 29 % 17) as f32 / 8.0) - 1.0).collect();
    let probe = Tensor::from_vec((0..points() * C).map(|i| ((i * 13 % 7) as f32) - 3.0).collect::<Vec<_>>(), shape(C), &Device::Cpu).unwrap();
    let f = |x: &Tensor| net.forward(&ctx, x).unwrap().sqr().unwrap().mul(&probe).unwrap().sum_all().unwrap();
    let xv = Var::from_vec(x0.clone(), shape(S * C), &Device::Cpu).unwrap();
    let grads = f(xv.as_tensor()).backward().unwrap();
    let gx = grads.get(xv.as_tensor()).unwrap().flatten_all().unwrap().to_vec1::<f32>().unwrap();
    for idx in [argmax_abs(&gx), n / 2] {
        let at = |delta: f32| {
            let mut v = x0.clone();
            v[idx] += delta;
            f64::from(f(&Tensor::from_vec(v, shape(S * C), &Device::Cpu).unwrap()).to_scalar::<f32>().unwrap())
        };
        let fd = (at(5e-2) - at(-5e-2)) / 1e-1;
        let g = f64::from(gx[idx]);
        assert!(g.abs() > 1e-5, "input[{idx}]: gradient too small to be a meaningful check ({g:e})");
        assert!((g - fd).abs() <= 1e-2 * fd.abs().max(g.abs()), "input[{idx}]: analytic {g:e} vs finite difference {fd:e}");
    }
}

#[test]
fn overfits_one_small_batch() {
    let mut m = boxed(3);
    let d = batch(2, 0.0);
    let plan = StepPlan::uniform(&m.param_groups(), 3e-3, 0.0);
    let losses = train(&mut m, &d, 150, &plan);
    let (first, last) = (losses[0], *losses.last().unwrap());
    assert!(last < first / 20.0, "loss fell only from {first} to {last}");
}

#[test]
fn a_group_at_lr_zero_keeps_its_weights() {
    let mut p = plugin(5);
    let before = p.core().params().values().unwrap();
    let d = batch(2, 0.0);
    let mut plan = StepPlan::uniform(p.groups(), 1e-2, 1e-4);
    for g in plan.groups.iter_mut() {
        if g.group.as_str() == "blocks.2.spectral" || g.group.as_str() == "fc0" {
            g.lr = 0.0;
        }
    }
    let v = views(&d);
    for _ in 0..3 {
        p.fit_step(&v, &plan).unwrap();
    }
    let after = p.core().params().values().unwrap();
    for (i, param) in p.core().params().params().iter().enumerate() {
        let frozen = param.name().starts_with("blocks.2.spectral") || param.name().starts_with("fc0.");
        assert_eq!(before[i] == after[i], frozen, "{}", param.name());
    }
}

#[test]
fn same_seed_same_model_and_training_different_seed_differs() {
    let (a, b, c) = (plugin(11), plugin(11), plugin(12));
    let va = a.core().params().values().unwrap();
    assert_eq!(va, b.core().params().values().unwrap());
    assert!(va.iter().zip(c.core().params().values().unwrap()).all(|(x, y)| *x != y));
    let d = batch(2, 0.2);
    let (mut ma, mut mb) = (Model_TO::from_value(a, TD_Opaque), Model_TO::from_value(b, TD_Opaque));
    let plan = StepPlan::uniform(&ma.param_groups(), 1e-3, 1e-4);
    assert_eq!(train(&mut ma, &d, 3, &plan), train(&mut mb, &d, 3, &plan));
    let v = views(&d);
    assert_eq!(ma.predict(v.as_slice().into()).unwrap(), mb.predict(v.as_slice().into()).unwrap());
}

#[test]
fn predictions_have_the_rollout_shape_and_copy_the_initial_frames() {
    let mut m = boxed(6);
    let d = batch(3, 0.0);
    let v = views(&d);
    let preds = m.predict(v.as_slice().into()).unwrap();
    assert_eq!(preds.len(), 1);
    assert_eq!(preds[0].name.as_str(), "pred");
    let mut want: Vec<u64> = vec![3];
    want.extend(SPATIAL.iter().map(|&n| n as u64));
    want.extend([T as u64, C as u64]);
    assert_eq!(preds[0].shape.as_slice(), want.as_slice());
    let (pred, u, np) = (&preds[0].data, &d[0].data, points());
    for b in 0..3 {
        for x in [0, np / 2, np - 1] {
            for t in 0..T {
                for c in 0..C {
                    let pi = ((b * np + x) * T + t) * C + c;
                    let ui = ((b * np + x) * (T + 1) + t) * C + c;
                    assert_eq!(pred[pi] == u[ui], t < S, "b{b} point{x} t{t} c{c}");
                }
            }
        }
    }
}

#[test]
fn checkpoint_round_trip_gives_identical_predictions() {
    let d = batch(2, 0.0);
    let v = views(&d);
    let mut a = boxed(7);
    let plan = StepPlan::uniform(&a.param_groups(), 1e-3, 1e-4);
    train(&mut a, &d, 2, &plan);
    let dir = std::env::temp_dir().join(format!("{NAME}-ckpt-{}", std::process::id()));
    a.save_checkpoint(dir.to_str().unwrap().into(), r#"{"epoch": 1}"#.into()).unwrap();
    let mut b = boxed(8);
    b.load_checkpoint(dir.to_str().unwrap().into(), false).unwrap();
    assert_eq!(a.predict(v.as_slice().into()).unwrap(), b.predict(v.as_slice().into()).unwrap());
    assert_eq!(train(&mut a, &d, 2, &plan), train(&mut b, &d, 2, &plan));
    let meta = model_runtime::checkpoint::read_f32_safetensors(&dir.join("model.safetensors")).unwrap().metadata;
    assert_eq!(meta["plugin"], NAME);
    assert_eq!(meta["model_config"], CONFIG);
    // A model with another width cannot load it, and says which key does not fit.
    let other = plugin_with(OTHER_WIDTH, &data(), 0).unwrap();
    let mut other = Model_TO::from_value(other, TD_Opaque);
    let e = other.load_checkpoint(dir.to_str().unwrap().into(), true).unwrap_err();
    let want = format!("key 'fc0.weight' has shape [6, {LIFT_IN}], the model expects [5, {LIFT_IN}]");
    assert!(e.contains(&want), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The root module exported by the cdylib loads through abi_stable and builds a working model.
#[test]
fn exported_root_module_loads_from_the_shared_library() {
    use plugin_api::abi_stable::library::lib_header_from_path;
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    let so = deps.join(format!("libengine_model_{NAME}.so"));
    assert!(so.exists(), "{} was not built", so.display());
    let module = lib_header_from_path(&so).unwrap().init_root_module::<plugin_api::ModelMod_Ref>().unwrap();
    let info = (module.info())();
    assert_eq!(info.name.as_str(), NAME);
    assert_eq!(info.api_version.as_str(), plugin_api::API_VERSION);
    assert_eq!((module.describe())().as_str(), DEFAULT_CONFIG);
    let data = data();
    let init = ModelInit { config: CONFIG.into(), data: data.as_str().into(), optimizer: adam(), seed: 3 };
    let mut m = (module.new())(init).unwrap();
    assert_eq!(m.param_groups().len(), 11);
    let d = batch(1, 0.0);
    let plan = StepPlan::uniform(&m.param_groups(), 1e-3, 0.0);
    let out = m.train_step(views(&d).as_slice().into(), &plan).unwrap();
    assert!(out.loss.is_finite() && out.grad_norm > 0.0);
    let bad = ModelInit { config: "nope = 1".into(), data: data.as_str().into(), optimizer: adam(), seed: 3 };
    match (module.new())(bad) {
        plugin_api::abi_stable::std_types::RResult::RErr(e) => assert!(e.contains("unknown key 'nope'"), "{e}"),
        plugin_api::abi_stable::std_types::RResult::ROk(_) => panic!("a bad config must be refused"),
    }
}
