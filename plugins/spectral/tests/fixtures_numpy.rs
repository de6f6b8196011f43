//! Agreement with an independent numpy computation (tests/fixtures/make_fixtures.py, float64 LAPACK
//! SVD and a loop-by-loop PL_Alpha_Hill) to 1e-6 relative, on real-sized layers of every kind.

use abi_stable::std_types::{ROption, RVec};
use engine_metrics_spectral::{analyze, random, spectrum_metrics, SpectralConfig, XminRule};
use plugin_api::{LayerKind, LayerMetrics, LayerWeights};
use serde_json::Value;

const REL: f64 = 1e-6;

fn fixtures() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/spectral_fixtures.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn rel_err(got: f64, want: f64) -> f64 {
    (got - want).abs() / want.abs().max(f64::MIN_POSITIVE)
}

fn gen(dist: &str, seed: u64, count: usize) -> Vec<f32> {
    match dist {
        "uniform" => random::uniform(seed, count),
        "heavy" => random::heavy_tailed(seed, count),
        other => panic!("unknown distribution {other}"),
    }
}

/// Rebuilds a case's layer from its seeds and checks the generator against the numpy checksums.
fn layer(case: &Value) -> LayerWeights {
    let name = case["name"].as_str().unwrap();
    let shape: Vec<u64> = case["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap())
        .collect();
    let count = shape.iter().product::<u64>() as usize;
    let dist = case["distribution"].as_str().unwrap();
    let mut re = gen(dist, case["seed_re"].as_u64().unwrap(), count);
    let im = match case["seed_im"].as_u64() {
        Some(seed) => gen(dist, seed, count),
        None => Vec::new(),
    };
    if let Some(from) = case["zero_rows_from"].as_u64() {
        let row = count / shape[0] as usize;
        re[from as usize * row..].iter_mut().for_each(|x| *x = 0.0);
    }
    let sum = |v: &[f32]| v.iter().map(|&x| x as f64).sum::<f64>();
    let abs_sum = re.iter().map(|&x| (x as f64).abs()).sum::<f64>();
    // Different summation orders: agreement to ~1e-12 means identical weights.
    assert!(
        (sum(&re) - f(&case["checksum_re"])).abs() <= 1e-9 * abs_sum,
        "{name}: generator differs (re)"
    );
    assert!(
        (abs_sum - f(&case["checksum_abs_re"])).abs() <= 1e-12 * abs_sum,
        "{name}: generator differs (|re|)"
    );
    assert!(
        (sum(&im) - f(&case["checksum_im"])).abs() <= 1e-9 * abs_sum.max(1.0),
        "{name}: generator differs (im)"
    );
    let kind = LayerKind::parse(case["kind"].as_str().unwrap()).unwrap();
    LayerWeights {
        group: name.into(),
        kind,
        block: ROption::RNone,
        shape: shape.into_iter().collect(),
        re: RVec::from(re),
        im: RVec::from(im),
    }
}

fn config(case: &Value, fixtures: &Value, rule: &str) -> SpectralConfig {
    let mut cfg = SpectralConfig {
        filter_zeros: case["filter_zeros"].as_bool().unwrap(),
        zero_threshold: f(&fixtures["zero_threshold"]),
        conv_norm: f(&fixtures["conv_norm"]),
        bins: fixtures["bins"].as_u64().unwrap() as usize,
        keep_eigenvalues: true,
        ..SpectralConfig::default()
    };
    match rule {
        "mid-2" => cfg.xmin_pos = 2.0,
        "mid-1.5" => cfg.xmin_pos = 1.5,
        "ks-scan" => cfg.xmin_rule = XminRule::KsScan,
        "peak" => cfg.xmin_rule = XminRule::Peak,
        other => panic!("unknown rule {other}"),
    }
    cfg
}

#[test]
fn agrees_with_numpy_to_1e6_relative() {
    let fx = fixtures();
    let cases = fx["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    let layers: Vec<LayerWeights> = cases.iter().map(layer).collect();
    let mut worst_eig = 0.0f64;
    let mut worst_metric = 0.0f64;
    for rule in ["mid-2", "mid-1.5", "ks-scan", "peak"] {
        for (case, layer) in cases.iter().zip(&layers) {
            let name = case["name"].as_str().unwrap();
            let cfg = config(case, &fx, rule);
            let rows: Vec<LayerMetrics> = analyze(std::slice::from_ref(layer), &cfg).unwrap();
            let row = &rows[0];
            assert_eq!(row.skipped, ROption::RNone, "{name} {rule}");
            assert_eq!(row.layer.as_str(), name);

            // Eigenvalues: every one to 1e-6 relative, except numpy's exact zeros (zero rows), which
            // must be zeros here too.
            let want: Vec<f64> = case["eigenvalues"]
                .as_array()
                .unwrap()
                .iter()
                .map(f)
                .collect();
            assert_eq!(row.eigenvalues.len(), want.len(), "{name}");
            for (k, (&g, &w)) in row.eigenvalues.iter().zip(&want).enumerate() {
                if w == 0.0 {
                    assert_eq!(g, 0.0, "{name}: eigenvalue {k}");
                } else {
                    let e = rel_err(g, w);
                    worst_eig = worst_eig.max(e);
                    assert!(
                        e <= REL,
                        "{name}: eigenvalue {k}: {g} vs numpy {w} (rel {e:.2e})"
                    );
                }
            }
            assert_eq!(row.num_eigs, case["num_eigs"].as_u64().unwrap(), "{name}");

            let fit = &case["fits"][rule];
            let checks = [
                ("alpha", row.alpha, f(&fit["alpha"])),
                ("ks_distance", row.ks_distance, f(&fit["ks_distance"])),
                ("xmin", row.xmin, f(&fit["xmin"])),
                ("alpha_hat", row.alpha_hat, f(&fit["alpha_hat"])),
                (
                    "spectral_norm",
                    row.spectral_norm,
                    f(&case["spectral_norm"]),
                ),
                (
                    "frobenius_norm",
                    row.frobenius_norm,
                    f(&case["frobenius_norm_sq"]),
                ),
                ("stable_rank", row.stable_rank, f(&case["stable_rank"])),
            ];
            for (what, got, want) in checks {
                let e = rel_err(got, want);
                worst_metric = worst_metric.max(e);
                assert!(
                    e <= REL,
                    "{name} {rule}: {what} = {got} vs numpy {want} (rel {e:.2e})"
                );
            }
            // The same x_min index as numpy's loop (pure-library path on the returned eigenvalues).
            let m = spectrum_metrics(&row.eigenvalues, &cfg);
            let used_from = row.eigenvalues.len() - row.num_eigs as usize;
            assert_eq!(
                m.xmin_index,
                Some(fit["xmin_index"].as_u64().unwrap() as usize),
                "{name} {rule}"
            );
            assert_eq!(row.eigenvalues[used_from + m.xmin_index.unwrap()], row.xmin);
        }
    }
    println!("worst relative difference from numpy: eigenvalues {worst_eig:.2e}, metrics {worst_metric:.2e}");
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let fx = fixtures();
    let layers: Vec<LayerWeights> = fx["cases"].as_array().unwrap().iter().map(layer).collect();
    let cfg = SpectralConfig {
        xmin_rule: XminRule::KsScan,
        keep_eigenvalues: true,
        ..SpectralConfig::default()
    };
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| analyze(&layers, &cfg).unwrap());
    let three = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap()
        .install(|| analyze(&layers, &cfg).unwrap());
    assert_eq!(one.len(), layers.len());
    // Bitwise: every matrix is decomposed single-threaded and pooled in a fixed order.
    for (a, b) in one.iter().zip(&three) {
        assert_eq!(a.layer, b.layer);
        assert_eq!(a.eigenvalues, b.eigenvalues);
        assert_eq!(a.alpha.to_bits(), b.alpha.to_bits());
        assert_eq!(a.ks_distance.to_bits(), b.ks_distance.to_bits());
    }
}
