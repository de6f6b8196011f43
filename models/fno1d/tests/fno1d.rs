//! The fno1d plugin end to end: the shared FNO suite (models/fno/testsuite/plugin_suite.rs:
//! gradients, overfitting, determinism, checkpoints, the exported root module) and what is
//! particular to 1D: the parameter layout, the exported layer weights, config, data and batch
//! errors, the defaults.

use engine_model_fno1d as plugin;
use engine_model_fno1d::{network, FnoConfig, VARIANT};

const X: usize = 14;
const SPATIAL: &[usize] = &[X];
const CONFIG: &str = "width = 6\nmodes = 4\npadding = 2\n";
const OTHER_WIDTH: &str = "width = 5\nmodes = 4";

include!("../../fno/testsuite/plugin_suite.rs");

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
