//! The plugin through its ABI: the root module exported by this crate, called in-process, and the
//! built `libengine_metrics_spectral.so` loaded the way the engine loads it.

use abi_stable::library::lib_header_from_path;
use abi_stable::std_types::{ROption, RSlice, RStr, RVec};
use engine_metrics_spectral::{analyze, random, SpectralConfig, DEFAULT_CONFIG};
use plugin_api::{LayerKind, LayerMetrics, LayerWeights, MetricsMod_Ref};
use std::path::PathBuf;

fn weights(
    group: &str,
    kind: LayerKind,
    block: Option<u32>,
    shape: &[u64],
    seed: u64,
) -> LayerWeights {
    let count = shape.iter().product::<u64>() as usize;
    let im = if kind == LayerKind::SpectralComplex {
        random::uniform(seed + 1000, count)
    } else {
        Vec::new()
    };
    LayerWeights {
        group: group.into(),
        kind,
        block: block.map_or(ROption::RNone, ROption::RSome),
        shape: shape.iter().copied().collect(),
        re: RVec::from(random::heavy_tailed(seed, count)),
        im: RVec::from(im),
    }
}

/// A small FNO-and-transformer-like model: every kind once, plus a NaN weight.
fn model() -> Vec<LayerWeights> {
    let mut nan = weights("blocks.1.mlp", LayerKind::Linear, Some(1), &[32, 48], 5);
    nan.re[17] = f32::NAN;
    vec![
        weights("embed", LayerKind::Embedding, None, &[100, 32], 1),
        weights("fc0", LayerKind::Linear, None, &[32, 12], 2),
        weights(
            "blocks.0.spectral",
            LayerKind::SpectralComplex,
            Some(0),
            &[16, 16, 4, 3],
            3,
        ),
        weights("blocks.0.w", LayerKind::Conv2d, Some(0), &[16, 16, 1, 1], 4),
        weights("blocks.0.norm", LayerKind::Norm, Some(0), &[16], 6),
        nan,
        weights("blocks.1.conv", LayerKind::Conv1d, Some(1), &[24, 16, 3], 7),
        weights("head", LayerKind::Head, None, &[4, 32], 8),
    ]
}

fn metrics_are_flagged(rows: &[LayerMetrics]) {
    for r in rows {
        let finite = [
            r.alpha,
            r.ks_distance,
            r.xmin,
            r.spectral_norm,
            r.frobenius_norm,
            r.stable_rank,
            r.alpha_hat,
        ]
        .iter()
        .all(|v| v.is_finite());
        assert!(
            finite || r.skipped.is_some(),
            "{}: non-finite metrics without a reason: {r:?}",
            r.layer
        );
    }
}

fn check_rows(rows: &[LayerMetrics], layers: &[LayerWeights]) {
    assert_eq!(rows.len(), layers.len());
    for (row, layer) in rows.iter().zip(layers) {
        assert_eq!(row.layer, layer.group);
        assert_eq!(row.kind, layer.kind);
        assert_eq!(row.block, layer.block);
    }
    metrics_are_flagged(rows);
    let by_name = |name: &str| rows.iter().find(|r| r.layer.as_str() == name).unwrap();
    let reason = |name: &str| {
        by_name(name)
            .skipped
            .clone()
            .into_option()
            .map(|s| s.to_string())
    };
    assert_eq!(
        reason("embed").unwrap(),
        "layer kind `embedding` is not analysed (not in `kinds`)"
    );
    assert_eq!(
        reason("blocks.0.norm").unwrap(),
        "layer kind `norm` is not analysed (not in `kinds`)"
    );
    assert_eq!(
        reason("head").unwrap(),
        "layer kind `head` is not analysed (not in `kinds`)"
    );
    assert_eq!(
        reason("blocks.1.mlp").unwrap(),
        "weights contain 1 non-finite value(s) (NaN or inf)"
    );
    // fc0 [32, 12] and the 1x1 conv have 12 and 16 eigenvalues: analysed (min_eigs = 10).
    for (name, eigs) in [
        ("fc0", 12),
        ("blocks.0.spectral", 16 * 12),
        ("blocks.0.w", 16),
        ("blocks.1.conv", 16 * 3),
    ] {
        let r = by_name(name);
        assert_eq!(r.skipped, ROption::RNone, "{name}: {r:?}");
        assert_eq!(r.num_eigs, eigs, "{name}");
        assert!(r.alpha > 1.0 && r.alpha.is_finite(), "{name}: {r:?}");
        assert!(r.ks_distance > 0.0 && r.ks_distance < 1.0, "{name}: {r:?}");
        assert!(
            r.stable_rank >= 1.0 && r.stable_rank <= eigs as f64,
            "{name}: {r:?}"
        );
        assert!(
            r.spectral_norm > 0.0 && r.frobenius_norm >= r.spectral_norm,
            "{name}: {r:?}"
        );
        assert!(
            r.eigenvalues.is_empty(),
            "eigenvalues are not kept by default"
        );
    }
}

#[test]
fn root_module_in_process() {
    let module = engine_metrics_spectral::__engine_root_module();
    let info = module.info()();
    assert_eq!(info.name.as_str(), "spectral");
    assert_eq!(info.api_version.as_str(), plugin_api::API_VERSION);
    assert_eq!(module.describe()().as_str(), DEFAULT_CONFIG);

    let layers = model();
    let mut plugin = module.new()(RStr::from("")).unwrap();
    let rows = plugin.analyze(RSlice::from_slice(&layers)).unwrap();
    check_rows(&rows, &layers);
    // The plugin and the library give the same rows (NaN-aware comparison through Debug).
    let direct = analyze(&layers, &SpectralConfig::default()).unwrap();
    assert_eq!(format!("{:?}", rows.as_slice()), format!("{direct:?}"));

    // A configured instance: keeps eigenvalues, analyses heads.
    let mut plugin = module.new()(RStr::from(
        "keep_eigenvalues = true\nkinds = [\"head\", \"linear\"]\nmin_eigs = 2",
    ))
    .unwrap();
    let rows = plugin.analyze(RSlice::from_slice(&layers)).unwrap();
    metrics_are_flagged(&rows);
    let head = rows.iter().find(|r| r.layer.as_str() == "head").unwrap();
    assert_eq!(head.skipped, ROption::RNone, "{head:?}");
    assert_eq!(head.eigenvalues.len(), 4);
    assert!(head.eigenvalues.windows(2).all(|w| w[0] <= w[1]));
    let conv = rows
        .iter()
        .find(|r| r.layer.as_str() == "blocks.1.conv")
        .unwrap();
    assert_eq!(
        conv.skipped.clone().unwrap().as_str(),
        "layer kind `conv1d` is not analysed (not in `kinds`)"
    );
}

#[test]
fn config_and_contract_errors_come_back_as_values() {
    let module = engine_metrics_spectral::__engine_root_module();
    let e = new_error(module, "xmin_rul = \"mid\"");
    assert!(
        e.starts_with("spectral config: unknown key `xmin_rul`"),
        "{e}"
    );
    let e = new_error(module, "min_eigs = \"ten\"");
    assert_eq!(
        e,
        "spectral config: key `min_eigs` must be an integer, found string \"ten\""
    );

    let mut plugin = module.new()(RStr::from("")).unwrap();
    let mut bad = weights("fc", LayerKind::Linear, None, &[4, 4], 1);
    bad.shape = vec![4u64, 5].into();
    let e = plugin.analyze(RSlice::from_slice(&[bad])).unwrap_err();
    assert_eq!(
        e.as_str(),
        "spectral: layer `fc` (linear): `re` has 16 values, shape [4, 5] needs 20"
    );
}

/// The error `new` returns for `config` (the plugin box has no Debug, so no `unwrap_err`).
fn new_error(module: MetricsMod_Ref, config: &str) -> String {
    match module.new()(RStr::from(config)) {
        abi_stable::std_types::RResult::ROk(_) => panic!("config {config:?} was accepted"),
        abi_stable::std_types::RResult::RErr(e) => e.to_string(),
    }
}

/// The cdylib cargo builds for this crate's integration tests, beside the test binary.
fn built_library() -> PathBuf {
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let name = format!(
        "{}engine_metrics_spectral{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    for dir in [deps.clone(), deps.parent().unwrap().to_path_buf()] {
        if dir.join(&name).is_file() {
            return dir.join(&name);
        }
    }
    panic!("{name} not found next to {}", deps.display());
}

#[test]
fn loaded_shared_library() {
    let path = built_library();
    let module = lib_header_from_path(&path)
        .and_then(|h| h.init_root_module::<MetricsMod_Ref>())
        .unwrap_or_else(|e| panic!("loading {}: {e}", path.display()));
    assert_eq!(module.info()().name.as_str(), "spectral");
    let layers = model();
    let mut plugin = module.new()(RStr::from("xmin_rule = \"ks-scan\"")).unwrap();
    let rows = plugin.analyze(RSlice::from_slice(&layers)).unwrap();
    check_rows(&rows, &layers);
    let cfg = SpectralConfig::from_toml("xmin_rule = \"ks-scan\"").unwrap();
    assert_eq!(
        format!("{:?}", rows.as_slice()),
        format!("{:?}", analyze(&layers, &cfg).unwrap())
    );
    assert_eq!(
        new_error(module, "bins = 0"),
        "spectral config: key `bins` must be >= 1, found 0"
    );
}
