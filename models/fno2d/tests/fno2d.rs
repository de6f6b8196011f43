//! The fno2d plugin end to end: parameter groups, layer weights, gradients (presence and finite
//! differences through the whole rollout), overfitting, per-group learning rates, determinism,
//! checkpoints, config/data/batch validation, and the exported root module loaded from the .so.

use engine_model_fno2d::{network, new_model, FnoConfig, Plugin as Fno2dPlugin, DEFAULT_CONFIG, VARIANT};
use model_runtime::testing::{assert_every_param_gets_gradient, finite_difference};
use model_runtime::{Batch, ModelCore, PdeModel, StepCtx};
use plugin_api::abi_stable::sabi_trait::TD_Opaque;
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{
    LayerKind, ModelBox, ModelInit, Model_TO, OptimizerKind, OptimizerSpec, StepPlan, TensorData,
};

const C: usize = 2;
const X: usize = 10;
const Y: usize = 9;
const S: usize = 2;
const T: usize = 5;
const CONFIG: &str = "width = 6\nmodes1 = 3\nmodes2 = 3\npadding = 2\n";

fn data_json() -> String {
    format!(
        r#"{{"task":"pde-rollout","channels":{C},"spatial":[{X},{Y}],"initial_step":{S},"t_train":{T}}}"#
    )
}

fn adam() -> OptimizerSpec {
    OptimizerSpec {
        kind: OptimizerKind::Adam,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        momentum: 0.0,
        nesterov: false,
        grad_clip: 0.0,
    }
}

fn plugin_with(config: &str, data: &str, seed: u64) -> Result<Fno2dPlugin, String> {
    new_model(ModelInit {
        config: config.into(),
        data: data.into(),
        optimizer: adam(),
        seed,
    })
}

fn plugin(seed: u64) -> Fno2dPlugin {
    plugin_with(CONFIG, &data_json(), seed).unwrap()
}

fn boxed(seed: u64) -> ModelBox {
    Model_TO::from_value(plugin(seed), TD_Opaque)
}

/// Smooth trajectories `u` [B, X, Y, T + 1, C] (one spare frame) and the grid [X, Y, 2].
fn batch(b: usize, phase: f32) -> Vec<TensorData> {
    let tt = T + 1;
    let mut u = Vec::with_capacity(b * X * Y * tt * C);
    for bi in 0..b {
        for x in 0..X {
            for y in 0..Y {
                for t in 0..tt {
                    for c in 0..C {
                        let a = 2.0
                            * std::f32::consts::PI
                            * (x as f32 / X as f32 + 0.3 * bi as f32 + phase);
                        let v = (a + 0.2 * t as f32 * (c + 1) as f32).sin()
                            * (2.0 * std::f32::consts::PI * y as f32 / Y as f32).cos()
                            * 0.5
                            + 0.1 * c as f32;
                        u.push(v);
                    }
                }
            }
        }
    }
    let grid: Vec<f32> = (0..X)
        .flat_map(|x| (0..Y).flat_map(move |y| [x as f32 / X as f32, y as f32 / Y as f32]))
        .collect();
    vec![
        TensorData {
            name: "u".into(),
            shape: RVec::from(vec![b as u64, X as u64, Y as u64, tt as u64, C as u64]),
            data: u.into(),
        },
        TensorData {
            name: "grid".into(),
            shape: RVec::from(vec![X as u64, Y as u64, 2]),
            data: grid.into(),
        },
    ]
}

fn views(d: &[TensorData]) -> Vec<plugin_api::TensorView<'_>> {
    d.iter().map(TensorData::view).collect()
}

fn loss_of(p: &Fno2dPlugin, d: &[TensorData]) -> f64 {
    let v = views(d);
    let l = p
        .core()
        .loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 })
        .unwrap();
    f64::from(l.to_scalar::<f32>().unwrap())
}

#[test]
fn parameter_groups_follow_the_pdebench_layout() {
    let m = boxed(0);
    let groups = m.param_groups();
    let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
    let mut want = vec!["fc0".to_string()];
    for i in 0..4 {
        want.push(format!("blocks.{i}.spectral"));
        want.push(format!("blocks.{i}.pointwise"));
    }
    want.push("fc1".into());
    want.push("fc2".into());
    assert_eq!(names, want);
    assert_eq!(
        groups[0].params[0].shape.as_slice(),
        &[6, (S * C + 2) as u64]
    );
    let spec = &groups[3];
    assert_eq!(spec.kind, LayerKind::SpectralComplex);
    assert_eq!(spec.block, ROption::RSome(1));
    let pnames: Vec<&str> = spec.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        pnames,
        [
            "blocks.1.spectral.weight1_re",
            "blocks.1.spectral.weight1_im",
            "blocks.1.spectral.weight2_re",
            "blocks.1.spectral.weight2_im"
        ]
    );
    assert_eq!(spec.params[0].shape.as_slice(), &[6, 6, 3, 3]);
    assert_eq!(groups[4].kind, LayerKind::Conv2d);
    assert_eq!(groups[4].params[0].shape.as_slice(), &[6, 6, 1, 1]);
    assert_eq!(groups[10].params[0].shape.as_slice(), &[C as u64, 128]);
    assert!(groups.iter().flat_map(|g| g.params.iter()).all(|p| p.decay));
    // Spectral init: scale * U(0, 1), scale = 1 / (width * width).
    let p = plugin(0);
    let w = p
        .core()
        .params()
        .get("blocks.0.spectral.weight2_im")
        .unwrap()
        .values()
        .unwrap();
    assert!(w.iter().all(|&v| (0.0..=1.0 / 36.0).contains(&v)));
    assert!(w.iter().any(|&v| v > 0.5 / 36.0));
}

#[test]
fn layer_weights_export_spectral_weights_as_one_complex_tensor_per_layer() {
    let p = plugin(4);
    let lw = p.export_layer_weights().unwrap();
    let names: Vec<&str> = lw.iter().map(|l| l.group.as_str()).collect();
    assert_eq!(
        names[..4],
        [
            "fc0",
            "blocks.0.spectral",
            "blocks.0.pointwise",
            "blocks.1.spectral"
        ]
    );
    assert_eq!(lw.len(), 11);
    let s = &lw[3];
    assert_eq!(s.kind, LayerKind::SpectralComplex);
    assert_eq!(s.shape.as_slice(), &[6, 6, 6, 3]);
    let params = p.core().params();
    let w1i = params
        .get("blocks.1.spectral.weight1_im")
        .unwrap()
        .values()
        .unwrap();
    let w2r = params
        .get("blocks.1.spectral.weight2_re")
        .unwrap()
        .values()
        .unwrap();
    // Entry [i, o, a, k] of [in, out, 2*m1, m2]: weight1 for a < m1, weight2[a - m1] after.
    let (i, o, k) = (2, 5, 1);
    for a in 0..6 {
        let exported = ((i * 6 + o) * 6 + a) * 3 + k;
        if a < 3 {
            assert_eq!(s.im[exported], w1i[((i * 6 + o) * 3 + a) * 3 + k]);
        } else {
            assert_eq!(s.re[exported], w2r[((i * 6 + o) * 3 + (a - 3)) * 3 + k]);
        }
    }
    assert_eq!(lw[2].kind, LayerKind::Conv2d);
    assert_eq!(lw[2].shape.as_slice(), &[6, 6, 1, 1]);
    assert!(lw[2].im.is_empty());
    assert_eq!(lw[10].group.as_str(), "fc2");
    assert_eq!(lw[10].shape.as_slice(), &[C as u64, 128]);
}

#[test]
fn every_parameter_gets_a_gradient() {
    let p = plugin(1);
    let d = batch(2, 0.0);
    let v = views(&d);
    let loss = p
        .core()
        .loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 })
        .unwrap();
    assert_every_param_gets_gradient(p.core().params(), &loss);
}

#[test]
fn rollout_gradients_match_finite_differences() {
    let p = plugin(2);
    let params = p.core().params();
    // At PDEBench's init (scale 1/width^2) the spectral path is weak and its gradients (~1e-7)
    // are below what an f32 finite difference resolves; scale the spectral weights up so the
    // check measures them.
    for param in params
        .params()
        .iter()
        .filter(|q| q.name().contains(".spectral."))
    {
        let v: Vec<f32> = param
            .values()
            .unwrap()
            .iter()
            .map(|x| x * 8.0 - 0.1)
            .collect();
        params.set_param(param, &v).unwrap();
    }
    let d = batch(2, 0.1);
    let v = views(&d);
    let loss = p
        .core()
        .loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 })
        .unwrap();
    let grads = loss.backward().unwrap();
    let checks = [
        "blocks.0.spectral.weight1_re",
        "blocks.1.spectral.weight1_im",
        "blocks.2.spectral.weight2_re",
        "blocks.3.spectral.weight2_im",
        "blocks.1.pointwise.weight",
        "fc0.weight",
        "fc1.bias",
        "fc2.weight",
    ];
    for name in checks {
        // The entry with the largest gradient: a check of a near-zero entry would pass trivially.
        let all = grads
            .get(params.get(name).unwrap().tensor())
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        let idx = argmax_abs(&all);
        let g = f64::from(all[idx]);
        let fd = finite_difference(params, name, idx, 5e-2, || Ok(loss_of(&p, &d))).unwrap();
        assert!(
            g.abs() > 1e-5,
            "{name}[{idx}]: gradient too small to be a meaningful check ({g:e})"
        );
        assert!(
            (g - fd).abs() <= 1e-2 * fd.abs().max(g.abs()),
            "{name}[{idx}]: analytic {g:e} vs finite difference {fd:e}"
        );
    }
}

/// The one-step forward's gradient with respect to its input frames.
#[test]
fn step_input_gradient_matches_finite_differences() {
    use candle_core::{Device, Tensor, Var};
    let p = plugin(9);
    let net = &p.core().0;
    let d = batch(1, 0.0);
    let grid = Tensor::from_slice(d[1].data.as_slice(), (X, Y, 2), &Device::Cpu).unwrap();
    let ctx = net.context(&grid, 1).unwrap();
    let n = X * Y * S * C;
    let x0: Vec<f32> = (0..n).map(|i| ((i * 29 % 17) as f32 / 8.0) - 1.0).collect();
    let probe = Tensor::from_vec(
        (0..X * Y * C)
            .map(|i| ((i * 13 % 7) as f32) - 3.0)
            .collect::<Vec<_>>(),
        (1, X, Y, C),
        &Device::Cpu,
    )
    .unwrap();
    let f = |x: &Tensor| {
        net.forward(&ctx, x)
            .unwrap()
            .sqr()
            .unwrap()
            .mul(&probe)
            .unwrap()
            .sum_all()
            .unwrap()
    };
    let xv = Var::from_vec(x0.clone(), (1, X, Y, S * C), &Device::Cpu).unwrap();
    let grads = f(xv.as_tensor()).backward().unwrap();
    let gx = grads
        .get(xv.as_tensor())
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    for idx in [argmax_abs(&gx), n / 2] {
        let at = |delta: f32| {
            let mut v = x0.clone();
            v[idx] += delta;
            f64::from(
                f(&Tensor::from_vec(v, (1, X, Y, S * C), &Device::Cpu).unwrap())
                    .to_scalar::<f32>()
                    .unwrap(),
            )
        };
        let fd = (at(5e-2) - at(-5e-2)) / 1e-1;
        let g = f64::from(gx[idx]);
        assert!(
            g.abs() > 1e-5,
            "input[{idx}]: gradient too small to be a meaningful check ({g:e})"
        );
        assert!(
            (g - fd).abs() <= 1e-2 * fd.abs().max(g.abs()),
            "input[{idx}]: analytic {g:e} vs finite difference {fd:e}"
        );
    }
}

fn argmax_abs(v: &[f32]) -> usize {
    (0..v.len())
        .max_by(|&a, &b| v[a].abs().total_cmp(&v[b].abs()))
        .unwrap()
}

fn train(m: &mut ModelBox, d: &[TensorData], steps: usize, plan: &StepPlan) -> Vec<f64> {
    let v = views(d);
    (0..steps)
        .map(|_| m.train_step(v.as_slice().into(), plan).unwrap().loss)
        .collect()
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
        let frozen =
            param.name().starts_with("blocks.2.spectral") || param.name().starts_with("fc0.");
        assert_eq!(before[i] == after[i], frozen, "{}", param.name());
    }
}

#[test]
fn same_seed_same_model_and_training_different_seed_differs() {
    let (a, b, c) = (plugin(11), plugin(11), plugin(12));
    let va = a.core().params().values().unwrap();
    assert_eq!(va, b.core().params().values().unwrap());
    assert!(va
        .iter()
        .zip(c.core().params().values().unwrap())
        .all(|(x, y)| *x != y));
    let d = batch(2, 0.2);
    let (mut ma, mut mb) = (
        Model_TO::from_value(a, TD_Opaque),
        Model_TO::from_value(b, TD_Opaque),
    );
    let plan = StepPlan::uniform(&ma.param_groups(), 1e-3, 1e-4);
    assert_eq!(train(&mut ma, &d, 3, &plan), train(&mut mb, &d, 3, &plan));
    let v = views(&d);
    assert_eq!(
        ma.predict(v.as_slice().into()).unwrap(),
        mb.predict(v.as_slice().into()).unwrap()
    );
}

#[test]
fn predictions_have_the_rollout_shape_and_copy_the_initial_frames() {
    let mut m = boxed(6);
    let d = batch(3, 0.0);
    let v = views(&d);
    let preds = m.predict(v.as_slice().into()).unwrap();
    assert_eq!(preds.len(), 1);
    assert_eq!(preds[0].name.as_str(), "pred");
    assert_eq!(
        preds[0].shape.as_slice(),
        &[3, X as u64, Y as u64, T as u64, C as u64]
    );
    let (pred, u) = (&preds[0].data, &d[0].data);
    for b in 0..3 {
        for x in [0, X - 1] {
            for y in [0, Y - 1] {
                for t in 0..T {
                    for c in 0..C {
                        let pi = (((b * X + x) * Y + y) * T + t) * C + c;
                        let ui = (((b * X + x) * Y + y) * (T + 1) + t) * C + c;
                        assert_eq!(pred[pi] == u[ui], t < S, "b{b} x{x} y{y} t{t} c{c}");
                    }
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
    let dir = std::env::temp_dir().join(format!("fno2d-ckpt-{}", std::process::id()));
    a.save_checkpoint(dir.to_str().unwrap().into(), r#"{"epoch": 1}"#.into())
        .unwrap();
    let mut b = boxed(8);
    b.load_checkpoint(dir.to_str().unwrap().into(), false)
        .unwrap();
    assert_eq!(
        a.predict(v.as_slice().into()).unwrap(),
        b.predict(v.as_slice().into()).unwrap()
    );
    assert_eq!(train(&mut a, &d, 2, &plan), train(&mut b, &d, 2, &plan));
    let meta = model_runtime::checkpoint::read_f32_safetensors(&dir.join("model.safetensors"))
        .unwrap()
        .metadata;
    assert_eq!(meta["plugin"], "fno2d");
    assert_eq!(meta["model_config"], CONFIG);
    // A model with another width cannot load it, and says which key does not fit.
    let other = plugin_with("width = 5\nmodes1 = 3\nmodes2 = 3", &data_json(), 0).unwrap();
    let mut other = Model_TO::from_value(other, TD_Opaque);
    let e = other
        .load_checkpoint(dir.to_str().unwrap().into(), true)
        .unwrap_err();
    assert!(
        e.contains("key 'fc0.weight' has shape [6, 6], the model expects [5, 6]"),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn config_and_data_errors_are_one_line_and_name_the_problem() {
    let data = data_json();
    let cases = [
        (
            "depth = 4",
            data.clone(),
            "fno2d: config has unknown key 'depth' (known keys: width, modes1, modes2, padding)",
        ),
        (
            "width = 2.5",
            data.clone(),
            "key 'width' must be a positive integer",
        ),
        (
            "modes1 = 7",
            data.clone(),
            "modes1 = 7 does not fit the padded x size 10 + 2: modes1 must be <= 6",
        ),
        (
            "modes1 = 3\nmodes2 = 7\npadding = 0",
            data.clone(),
            "modes2 = 7 does not fit the padded y size 9 + 0: modes2 must be <= 5",
        ),
        (
            "",
            r#"{"task":"pde-rollout","channels":2,"spatial":[10],"initial_step":2,"t_train":5}"#
                .into(),
            "fno2d needs 2 spatial dimensions, the data description's key 'spatial' has 1 ([10])",
        ),
        (
            "",
            r#"{"task":"pde-rollout","channels":2,"spatial":[10,9],"initial_step":2}"#.into(),
            "missing key 't_train'",
        ),
    ];
    for (cfg, data, want) in cases {
        let e = plugin_with(cfg, &data, 0).err().unwrap();
        assert!(e.contains(want), "{cfg:?}: {e}");
        assert!(e.starts_with("fno2d: ") && !e.contains('\n'), "{e}");
    }
}

#[test]
fn batch_errors_name_the_tensor() {
    let mut m = boxed(0);
    let plan = StepPlan::uniform(&m.param_groups(), 1e-3, 0.0);
    let d = batch(2, 0.0);
    let e = m
        .train_step(views(&d[..1]).as_slice().into(), &plan)
        .unwrap_err();
    assert_eq!(
        e.as_str(),
        "fno2d: the batch has no tensor 'grid' (it has: u)"
    );
    let mut bad = d.clone();
    bad[1].shape = RVec::from(vec![Y as u64, X as u64, 2]);
    let e = m.predict(views(&bad).as_slice().into()).unwrap_err();
    assert!(
        e.contains("batch tensor 'grid' has shape [9, 10, 2]: dimension 0 is 9, expected X=10"),
        "{e}"
    );
    let mut short = d.clone();
    short[0].shape = RVec::from(vec![
        2 * (T as u64 + 1) / (T as u64),
        X as u64,
        Y as u64,
        T as u64 - 1,
        C as u64,
    ]);
    let e = m.predict(views(&short).as_slice().into()).unwrap_err();
    assert!(e.contains("'u'") && e.contains("T>=5"), "{e}");
}

#[test]
fn default_config_describes_pdebench_settings() {
    let c = FnoConfig::from_toml(&VARIANT, DEFAULT_CONFIG).unwrap();
    assert_eq!((c.width, c.modes.as_slice(), c.padding), (20, &[12, 12][..], 2));
    assert!(
        DEFAULT_CONFIG
            .lines()
            .filter(|l| l.starts_with('#'))
            .count()
            >= 4
    );
    // The PDEBench 2D CFD setting builds, with PDEBench's parameter count.
    let cfd =
        r#"{"task":"pde-rollout","channels":4,"spatial":[64,64],"initial_step":10,"t_train":21}"#;
    let net = network("", cfd, 0).unwrap();
    let n = model_runtime::PdeStep::params(&net).num_scalars();
    // fc0 (42*20+20) + 4 * (4 * 20*20*12*12 + 20*20 + 20) + fc1 (20*128+128) + fc2 (128*4+4)
    assert_eq!(n, 860 + 4 * (230_400 + 420) + 2688 + 516);
    let _ = PdeModel(net);
}

/// The root module exported by the cdylib loads through abi_stable and builds a working model.
#[test]
fn exported_root_module_loads_from_the_shared_library() {
    use plugin_api::abi_stable::library::{lib_header_from_path, RootModule};
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let so = deps.join("libengine_model_fno2d.so");
    assert!(so.exists(), "{} was not built", so.display());
    let module = lib_header_from_path(&so)
        .unwrap()
        .init_root_module::<plugin_api::ModelMod_Ref>()
        .unwrap();
    let info = (module.info())();
    assert_eq!(info.name.as_str(), "fno2d");
    assert_eq!(info.api_version.as_str(), plugin_api::API_VERSION);
    assert_eq!((module.describe())().as_str(), DEFAULT_CONFIG);
    let data = data_json();
    let init = ModelInit {
        config: CONFIG.into(),
        data: data.as_str().into(),
        optimizer: adam(),
        seed: 3,
    };
    let mut m = (module.new())(init).unwrap();
    assert_eq!(m.param_groups().len(), 11);
    let d = batch(1, 0.0);
    let plan = StepPlan::uniform(&m.param_groups(), 1e-3, 0.0);
    let out = m.train_step(views(&d).as_slice().into(), &plan).unwrap();
    assert!(out.loss.is_finite() && out.grad_norm > 0.0);
    let bad = ModelInit {
        config: "nope = 1".into(),
        data: data.as_str().into(),
        optimizer: adam(),
        seed: 3,
    };
    match (module.new())(bad) {
        plugin_api::abi_stable::std_types::RResult::RErr(e) => {
            assert!(e.contains("unknown key 'nope'"), "{e}")
        }
        plugin_api::abi_stable::std_types::RResult::ROk(_) => {
            panic!("a bad config must be refused")
        }
    }
    let _ = <plugin_api::ModelMod_Ref as RootModule>::NAME;
}
