//! The fno1d plugin end to end: parameter groups, layer weights, gradients (presence and finite
//! differences through the whole rollout), overfitting, determinism, checkpoints,
//! config/data/batch validation, and the exported root module loaded from the .so.

use engine_model_fno1d::{network, new_model, FnoConfig, Plugin as Fno1dPlugin, DEFAULT_CONFIG, VARIANT};
use model_runtime::pde_testing::{adam, data_json, trajectories, views};
use model_runtime::testing::{assert_every_param_gets_gradient, finite_difference};
use model_runtime::{Batch, ModelCore, StepCtx};
use plugin_api::abi_stable::sabi_trait::TD_Opaque;
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{LayerKind, ModelBox, ModelInit, Model_TO, StepPlan, TensorData};

const C: usize = 2;
const X: usize = 14;
const S: usize = 2;
const T: usize = 5;
const CONFIG: &str = "width = 6\nmodes = 4\npadding = 2\n";

fn data() -> String {
    data_json(C, &[X], S, T)
}

fn plugin_with(config: &str, data: &str, seed: u64) -> Result<Fno1dPlugin, String> {
    new_model(ModelInit {
        config: config.into(),
        data: data.into(),
        optimizer: adam(),
        seed,
    })
}

fn plugin(seed: u64) -> Fno1dPlugin {
    plugin_with(CONFIG, &data(), seed).unwrap()
}

fn boxed(seed: u64) -> ModelBox {
    Model_TO::from_value(plugin(seed), TD_Opaque)
}

/// u [B, X, T + 1, C] (one spare frame) and grid [X, 1].
fn batch(b: usize, phase: f32) -> Vec<TensorData> {
    trajectories(b, &[X], T + 1, C, phase)
}

fn loss_of(p: &Fno1dPlugin, d: &[TensorData]) -> f64 {
    let v = views(d);
    let l = p
        .core()
        .loss(&Batch::new(&v), &StepCtx { step: 0, pass: 0 })
        .unwrap();
    f64::from(l.to_scalar::<f32>().unwrap())
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
    assert_eq!(groups[0].kind, LayerKind::Linear);
    assert_eq!(
        groups[0].params[0].shape.as_slice(),
        &[6, (S * C + 1) as u64]
    );
    let spec = &groups[3];
    assert_eq!(spec.kind, LayerKind::SpectralComplex);
    assert_eq!(spec.block, ROption::RSome(1));
    let pnames: Vec<&str> = spec.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        pnames,
        ["blocks.1.spectral.weight_re", "blocks.1.spectral.weight_im"]
    );
    assert_eq!(spec.params[0].shape.as_slice(), &[6, 6, 4]);
    assert_eq!(groups[4].kind, LayerKind::Conv1d);
    assert_eq!(groups[4].block, ROption::RSome(1));
    assert_eq!(groups[4].params[0].shape.as_slice(), &[6, 6, 1]);
    assert_eq!(groups[4].params[1].shape.as_slice(), &[6]);
    assert_eq!(groups[9].params[0].shape.as_slice(), &[128, 6]);
    assert_eq!(groups[10].params[0].shape.as_slice(), &[C as u64, 128]);
    assert!(groups.iter().flat_map(|g| g.params.iter()).all(|p| p.decay));
    // Spectral init: scale * U(0, 1), scale = 1 / (width * width).
    let p = plugin(0);
    let w = p
        .core()
        .params()
        .get("blocks.0.spectral.weight_im")
        .unwrap()
        .values()
        .unwrap();
    assert!(w.iter().all(|&v| (0.0..=1.0 / 36.0).contains(&v)));
    assert!(w.iter().any(|&v| v > 0.5 / 36.0));
}

#[test]
fn layer_weights_export_spectral_weights_as_complex_in_out_modes() {
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
    assert_eq!(s.block, ROption::RSome(1));
    assert_eq!(s.shape.as_slice(), &[6, 6, 4]);
    let params = p.core().params();
    assert_eq!(
        s.re.as_slice(),
        params
            .get("blocks.1.spectral.weight_re")
            .unwrap()
            .values()
            .unwrap()
    );
    assert_eq!(
        s.im.as_slice(),
        params
            .get("blocks.1.spectral.weight_im")
            .unwrap()
            .values()
            .unwrap()
    );
    assert_eq!(lw[2].kind, LayerKind::Conv1d);
    assert_eq!(lw[2].shape.as_slice(), &[6, 6, 1]);
    assert!(lw[2].im.is_empty());
    assert_eq!(lw[0].shape.as_slice(), &[6, (S * C + 1) as u64]);
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
    // At PDEBench's init (scale 1/width^2) the spectral path is weak and its gradients are below
    // what an f32 finite difference resolves; scale the spectral weights up.
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
    for name in [
        "blocks.0.spectral.weight_re",
        "blocks.1.spectral.weight_im",
        "blocks.3.spectral.weight_re",
        "blocks.2.pointwise.weight",
        "blocks.0.pointwise.bias",
        "fc0.weight",
        "fc1.bias",
        "fc2.weight",
    ] {
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
        &[3, X as u64, T as u64, C as u64]
    );
    let (pred, u) = (&preds[0].data, &d[0].data);
    for b in 0..3 {
        for x in [0, X / 2, X - 1] {
            for t in 0..T {
                for c in 0..C {
                    let pi = ((b * X + x) * T + t) * C + c;
                    let ui = ((b * X + x) * (T + 1) + t) * C + c;
                    assert_eq!(pred[pi] == u[ui], t < S, "b{b} x{x} t{t} c{c}");
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
    let dir = std::env::temp_dir().join(format!("fno1d-ckpt-{}", std::process::id()));
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
    assert_eq!(meta["plugin"], "fno1d");
    assert_eq!(meta["model_config"], CONFIG);
    let other = plugin_with("width = 5\nmodes = 4", &data(), 0).unwrap();
    let mut other = Model_TO::from_value(other, TD_Opaque);
    let e = other
        .load_checkpoint(dir.to_str().unwrap().into(), true)
        .unwrap_err();
    assert!(
        e.contains("key 'fc0.weight' has shape [6, 5], the model expects [5, 5]"),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn config_and_data_errors_are_one_line_and_name_the_problem() {
    let cases: [(&str, String, &str); 5] = [
        ("depth = 4", data(), "fno1d: config has unknown key 'depth' (known keys: width, modes, padding)"),
        ("width = 2.5", data(), "key 'width' must be a positive integer"),
        ("modes = 10", data(), "modes = 10 does not fit the padded x size 14 + 2: modes must be <= 9"),
        ("", data_json(C, &[X, X], S, T), "fno1d needs 1 spatial dimension, the data description's key 'spatial' has 2 ([14, 14])"),
        ("", r#"{"task":"pde-rollout","channels":2,"spatial":[14],"initial_step":2}"#.into(), "missing key 't_train'"),
    ];
    for (cfg, data, want) in cases {
        let e = plugin_with(cfg, &data, 0).err().unwrap();
        assert!(e.contains(want), "{cfg:?}: {e}");
        assert!(e.starts_with("fno1d: ") && !e.contains('\n'), "{e}");
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
        "fno1d: the batch has no tensor 'grid' (it has: u)"
    );
    let mut bad = d.clone();
    bad[1].shape = RVec::from(vec![X as u64, 2]);
    bad[1].data = vec![0.0; 2 * X].into();
    let e = m.predict(views(&bad).as_slice().into()).unwrap_err();
    assert!(
        e.contains("batch tensor 'grid' has shape [14, 2]: dimension 1 is 2, expected 1=1"),
        "{e}"
    );
    // 2D data to the 1D model.
    let two = trajectories(1, &[X, 4], T, C, 0.0);
    let e = m.predict(views(&two).as_slice().into()).unwrap_err();
    assert!(e.contains("'u'") && e.contains("rank 5"), "{e}");
}

#[test]
fn default_config_describes_pdebench_settings() {
    let c = FnoConfig::from_toml(&VARIANT, DEFAULT_CONFIG).unwrap();
    assert_eq!((c.width, c.modes.as_slice(), c.padding), (64, &[16][..], 2));
    assert!(DEFAULT_CONFIG.contains("unverified"));
    // The PDEBench 1D CFD setting (reduced_resolution 8: 1024 -> 128 points) builds, with the
    // parameter count of PDEBench's FNO1d(num_channels=3, modes=16, width=64, initial_step=10).
    let cfd = data_json(3, &[128], 10, 21);
    let net = network("", &cfd, 0).unwrap();
    let n = model_runtime::PdeStep::params(&net).num_scalars();
    // fc0 (31*64+64) + 4 * (2 * 64*64*16 + 64*64 + 64) + fc1 (64*128+128) + fc2 (128*3+3)
    assert_eq!(n, 2048 + 4 * (131_072 + 4160) + 8320 + 387);
}

/// The root module exported by the cdylib loads through abi_stable and builds a working model.
#[test]
fn exported_root_module_loads_from_the_shared_library() {
    use plugin_api::abi_stable::library::lib_header_from_path;
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let so = deps.join("libengine_model_fno1d.so");
    assert!(so.exists(), "{} was not built", so.display());
    let module = lib_header_from_path(&so)
        .unwrap()
        .init_root_module::<plugin_api::ModelMod_Ref>()
        .unwrap();
    let info = (module.info())();
    assert_eq!(info.name.as_str(), "fno1d");
    assert_eq!(info.api_version.as_str(), plugin_api::API_VERSION);
    assert_eq!((module.describe())().as_str(), DEFAULT_CONFIG);
    let data = data();
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
}
