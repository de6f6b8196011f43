//! The fno2d plugin end to end: the shared FNO suite (models/fno/testsuite/plugin_suite.rs:
//! gradients, overfitting, determinism, checkpoints, the exported root module) and what is
//! particular to 2D: the parameter layout, the exported layer weights, config, data and batch
//! errors, the defaults.

use engine_model_fno2d as plugin;
use engine_model_fno2d::{network, FnoConfig, VARIANT};

const X: usize = 10;
const Y: usize = 9;
const SPATIAL: &[usize] = &[X, Y];
const CONFIG: &str = "width = 6\nmodes1 = 3\nmodes2 = 3\npadding = 2\n";
const OTHER_WIDTH: &str = "width = 5\nmodes1 = 3\nmodes2 = 3";

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
fn config_and_data_errors_are_one_line_and_name_the_problem() {
    let data = data();
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
    let _ = model_runtime::PdeModel(net);
}
