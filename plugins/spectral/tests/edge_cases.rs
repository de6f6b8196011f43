//! Defined behaviour at the edges, through the library's whole-layer path: one eigenvalue, zero
//! eigenvalues with and without filtering, all-equal eigenvalues, non-finite weights, too few
//! eigenvalues, excluded kinds. Every row with a non-finite metric must say why.

use abi_stable::std_types::{ROption, RVec};
use engine_metrics_spectral::{analyze, random, spectrum_metrics, SpectralConfig, XminRule};
use plugin_api::{LayerKind, LayerMetrics, LayerWeights};

fn linear(name: &str, rows: usize, cols: usize, re: Vec<f32>) -> LayerWeights {
    assert_eq!(re.len(), rows * cols);
    LayerWeights {
        group: name.into(),
        kind: LayerKind::Linear,
        block: ROption::RNone,
        shape: vec![rows as u64, cols as u64].into(),
        re: RVec::from(re),
        im: RVec::new(),
    }
}

fn run(layer: LayerWeights, cfg: &SpectralConfig) -> LayerMetrics {
    let mut rows = analyze(&[layer], cfg).unwrap();
    let row = rows.pop().unwrap();
    let metrics = [
        row.alpha,
        row.ks_distance,
        row.xmin,
        row.spectral_norm,
        row.frobenius_norm,
        row.stable_rank,
        row.alpha_hat,
    ];
    if metrics.iter().any(|v| !v.is_finite()) {
        assert!(
            row.skipped.is_some(),
            "non-finite metric without a reason: {row:?}"
        );
    }
    row
}

fn reason(row: &LayerMetrics) -> String {
    row.skipped
        .clone()
        .into_option()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

fn cfg(rule: XminRule) -> SpectralConfig {
    SpectralConfig {
        xmin_rule: rule,
        ..SpectralConfig::default()
    }
}

/// 16 x 16, rows `rank..` zero: `rank` positive eigenvalues and `16 - rank` exact zeros.
fn low_rank(rank: usize) -> LayerWeights {
    let mut re = random::uniform(11, 256);
    re[rank * 16..].iter_mut().for_each(|x| *x = 0.0);
    linear("low_rank", 16, 16, re)
}

#[test]
fn one_eigenvalue() {
    // [1, 5]: one eigenvalue, the squared row norm.
    let re = vec![1.0f32, 2.0, 2.0, 0.0, 4.0];
    let row = run(linear("one", 1, 5, re.clone()), &cfg(XminRule::Mid));
    assert_eq!(row.num_eigs, 1);
    assert!((row.spectral_norm - 25.0).abs() < 1e-12 && (row.frobenius_norm - 25.0).abs() < 1e-12);
    assert_eq!(row.alpha, f64::INFINITY);
    assert_eq!(row.ks_distance, 0.0);
    assert_eq!(row.stable_rank, 1.0);
    let r = reason(&row);
    assert!(r.contains("1 eigenvalues < min_eigs = 10"), "{r}");
    assert!(
        r.contains("alpha is infinite: the 1 tail eigenvalues all equal x_min"),
        "{r}"
    );
    assert!(r.contains("non-finite: alpha, alpha_hat"), "{r}");

    for rule in [XminRule::KsScan, XminRule::Peak] {
        let row = run(
            linear("one", 1, 5, re.clone()),
            &SpectralConfig {
                min_eigs: 0,
                ..cfg(rule)
            },
        );
        assert!(row.alpha.is_nan());
        assert_eq!(
            reason(&row),
            format!(
                "no alpha: xmin_rule `{}` needs at least 2 eigenvalues, found 1; non-finite: alpha, ks_distance, xmin, alpha_hat",
                rule.as_str()
            )
        );
        // Norms are still reported.
        assert!((row.spectral_norm - 25.0).abs() < 1e-12);
    }
}

#[test]
fn zero_eigenvalues_without_filtering() {
    // Rank 4 of 16: 12 exact zeros; mid picks i = 8, a zero.
    let row = run(low_rank(4), &cfg(XminRule::Mid));
    assert_eq!(row.num_eigs, 16);
    assert_eq!(row.xmin, 0.0);
    assert!(row.alpha.is_nan());
    let r = reason(&row);
    assert!(
        r.starts_with(
            "no alpha: x_min is a zero eigenvalue (rank-deficient weight; set filter_zeros)"
        ),
        "{r}"
    );
    // The scans reject zero candidates (score 1) and fit among the 4 positive eigenvalues.
    for rule in [XminRule::KsScan, XminRule::Peak] {
        let row = run(low_rank(4), &cfg(rule));
        assert!(row.xmin > 0.0 && row.alpha.is_finite(), "{row:?}");
        assert_eq!(row.skipped, ROption::RNone);
    }
}

#[test]
fn zero_eigenvalues_with_filtering() {
    let filtered = SpectralConfig {
        filter_zeros: true,
        keep_eigenvalues: true,
        ..cfg(XminRule::Mid)
    };
    // 4 left after filtering < min_eigs: skipped, but the fit is still computed.
    let row = run(low_rank(4), &filtered);
    assert_eq!(row.num_eigs, 4);
    assert_eq!(
        reason(&row),
        "4 eigenvalues after filtering < min_eigs = 10"
    );
    assert!(row.alpha.is_finite() && row.alpha > 1.0);
    // The kept eigenvalues are all 16, zeros included, ascending.
    assert_eq!(row.eigenvalues.len(), 16);
    assert!(row.eigenvalues[..12].iter().all(|&x| x == 0.0));
    assert!(row.eigenvalues.windows(2).all(|w| w[0] <= w[1]));
    // With rank 12 the layer is usable; the fit is the fit of the 12 positive eigenvalues.
    let row = run(low_rank(12), &filtered);
    assert_eq!(row.num_eigs, 12);
    assert_eq!(row.skipped, ROption::RNone);
    let positive = &row.eigenvalues[4..];
    let direct = spectrum_metrics(
        positive,
        &SpectralConfig {
            filter_zeros: false,
            ..filtered.clone()
        },
    );
    assert_eq!(direct.alpha, row.alpha);
    // Stable rank uses the filtered eigenvalues, norms all of them (identical here: zeros add 0).
    assert_eq!(direct.stable_rank, row.stable_rank);
    // An all-zero weight: nothing survives filtering, so all (zero) eigenvalues are used: no alpha.
    let row = run(
        linear("zero", 12, 12, vec![0.0; 144]),
        &SpectralConfig {
            min_eigs: 0,
            ..filtered
        },
    );
    assert_eq!(row.num_eigs, 12);
    assert_eq!(row.spectral_norm, 0.0);
    let r = reason(&row);
    assert!(
        r.contains("x_min is a zero eigenvalue") && r.contains("stable_rank"),
        "{r}"
    );
}

#[test]
fn all_equal_eigenvalues() {
    // 3 I (12 x 12): twelve eigenvalues 9.
    let mut re = vec![0.0f32; 144];
    (0..12).for_each(|i| re[i * 13] = 3.0);
    let row = run(
        linear("scaled_identity", 12, 12, re.clone()),
        &cfg(XminRule::Mid),
    );
    assert_eq!(row.xmin, 9.0);
    assert_eq!(row.alpha, f64::INFINITY);
    assert!(
        (row.ks_distance - 5.0 / 6.0).abs() < 1e-15,
        "D = (n-1)/n with n = 6"
    );
    assert_eq!(row.stable_rank, 12.0);
    assert_eq!(
        reason(&row),
        "alpha is infinite: the 6 tail eigenvalues all equal x_min = 9e0; non-finite: alpha, alpha_hat"
    );
    let row = run(
        linear("scaled_identity", 12, 12, re),
        &cfg(XminRule::KsScan),
    );
    assert_eq!((row.alpha, row.ks_distance), (f64::INFINITY, 0.5));
    assert!(reason(&row).starts_with("alpha is infinite: the 2 tail eigenvalues"));
}

#[test]
fn non_finite_weights() {
    for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let mut re = random::uniform(3, 20 * 20);
        re[7] = bad;
        re[300] = bad;
        let row = run(linear("bad", 20, 20, re), &cfg(XminRule::Mid));
        assert_eq!(
            reason(&row),
            "weights contain 2 non-finite value(s) (NaN or inf)"
        );
        assert_eq!(row.num_eigs, 0);
        assert!(row.alpha.is_nan() && row.spectral_norm.is_nan());
    }
    // In the imaginary part of a complex weight too.
    let mut im = random::uniform(4, 4 * 4 * 3);
    im[5] = f32::NAN;
    let layer = LayerWeights {
        group: "spec".into(),
        kind: LayerKind::SpectralComplex,
        block: ROption::RSome(0),
        shape: vec![4u64, 4, 3].into(),
        re: RVec::from(random::uniform(5, 48)),
        im: RVec::from(im),
    };
    assert_eq!(
        reason(&run(layer, &cfg(XminRule::Mid))),
        "weights contain 1 non-finite value(s) (NaN or inf)"
    );
}

#[test]
fn excluded_spectral_complex() {
    let layer = LayerWeights {
        group: "spec".into(),
        kind: LayerKind::SpectralComplex,
        block: ROption::RSome(0),
        shape: vec![8u64, 8, 2, 2].into(),
        re: RVec::from(random::uniform(5, 256)),
        im: RVec::from(random::uniform(6, 256)),
    };
    let on = run(layer.clone(), &cfg(XminRule::Mid));
    assert_eq!((on.skipped.clone(), on.num_eigs), (ROption::RNone, 32));
    let off = run(
        layer,
        &SpectralConfig {
            include_spectral_complex: false,
            ..cfg(XminRule::Mid)
        },
    );
    assert_eq!(
        reason(&off),
        "spectral-complex layers are not analysed (include_spectral_complex = false)"
    );
}

#[test]
fn spectrum_metrics_rejects_bad_input() {
    let c = SpectralConfig::default();
    assert_eq!(
        spectrum_metrics(&[], &c).skipped.unwrap(),
        "no eigenvalues (empty weight)"
    );
    assert!(spectrum_metrics(&[1.0, f64::NAN], &c)
        .skipped
        .unwrap()
        .contains("not finite"));
    assert!(spectrum_metrics(&[-1.0, 2.0], &c)
        .skipped
        .unwrap()
        .contains("not finite and >= 0"));
    assert_eq!(
        spectrum_metrics(&[2.0, 1.0], &c).skipped.unwrap(),
        "eigenvalues are not sorted ascending"
    );
    // 1..=8 again, through the whole metrics path (min_eigs lowered): the §2.3 numbers.
    let eigs: Vec<f64> = (1..=8).map(f64::from).collect();
    let m = spectrum_metrics(&eigs, &SpectralConfig { min_eigs: 8, ..c });
    assert_eq!(m.skipped, None);
    assert!((m.alpha - 5.045318).abs() < 5e-7 && (m.ks_distance - 0.271715).abs() < 5e-7);
    assert_eq!(
        (m.xmin, m.spectral_norm, m.frobenius_norm_sq, m.stable_rank),
        (5.0, 8.0, 36.0, 4.5)
    );
    assert!((m.alpha_hat - 5.045318 * 8f64.log10()).abs() < 1e-6);
}
