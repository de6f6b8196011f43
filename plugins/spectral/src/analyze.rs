//! Per-layer metrics from eigenvalues, and the whole-model pass.

use crate::esd::{layer_matrices, matrix_eigenvalues, Extraction, LayerMatrices};
use crate::powerlaw::{fit_eigenvalues, pl_alpha_hill};
use crate::{SpectralConfig, SpectralError};
use abi_stable::std_types::{ROption, RString, RVec};
use plugin_api::{LayerMetrics, LayerWeights};
use rayon::prelude::*;

/// The metrics of one spectrum (the pure part of [`LayerMetrics`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SpectrumMetrics {
    /// Eigenvalues used for the fit (after filtering).
    pub num_eigs: usize,
    /// PL_Alpha_Hill.
    pub alpha: f64,
    /// KS distance of the chosen fit.
    pub ks_distance: f64,
    /// The chosen x_min.
    pub xmin: f64,
    /// Index of x_min in the fitted (filtered) eigenvalues.
    pub xmin_index: Option<usize>,
    /// `λ_max = σ_max²`, what the reference calls `spectral_norm` (the squared spectral norm).
    pub spectral_norm: f64,
    /// `Σ λ = ‖W‖_F²`, the reference's `norm`: the *squared* Frobenius norm.
    pub frobenius_norm_sq: f64,
    /// `Σ λ / λ_max` over the fitted eigenvalues.
    pub stable_rank: f64,
    /// `alpha * log10(spectral_norm)`.
    pub alpha_hat: f64,
    /// Why the layer must not be scheduled; always set when any metric is not finite.
    pub skipped: Option<String>,
}

impl SpectrumMetrics {
    /// All metrics NaN, with a reason.
    pub fn skipped(reason: impl Into<String>) -> Self {
        Self {
            num_eigs: 0,
            alpha: f64::NAN,
            ks_distance: f64::NAN,
            xmin: f64::NAN,
            xmin_index: None,
            spectral_norm: f64::NAN,
            frobenius_norm_sq: f64::NAN,
            stable_rank: f64::NAN,
            alpha_hat: f64::NAN,
            skipped: Some(reason.into()),
        }
    }

    /// The ABI row for a layer.
    pub fn to_layer_metrics(&self, layer: &LayerWeights, eigenvalues: Vec<f64>) -> LayerMetrics {
        LayerMetrics {
            layer: layer.group.clone(),
            kind: layer.kind,
            block: layer.block,
            num_eigs: self.num_eigs as u64,
            alpha: self.alpha,
            ks_distance: self.ks_distance,
            xmin: self.xmin,
            spectral_norm: self.spectral_norm,
            frobenius_norm: self.frobenius_norm_sq,
            stable_rank: self.stable_rank,
            alpha_hat: self.alpha_hat,
            skipped: match &self.skipped {
                Some(reason) => ROption::RSome(RString::from(reason.as_str())),
                None => ROption::RNone,
            },
            eigenvalues: RVec::from(eigenvalues),
        }
    }
}

/// Metrics of one layer's eigenvalues (`eigs`: every eigenvalue, ascending, finite, >= 0).
///
/// Metrics that can be computed are computed even when the layer is skipped (too few
/// eigenvalues), so `engine analyze` can still show them.
pub fn spectrum_metrics(eigs: &[f64], cfg: &SpectralConfig) -> SpectrumMetrics {
    if eigs.is_empty() {
        return SpectrumMetrics::skipped("no eigenvalues (empty weight)");
    }
    if let Some(bad) = eigs.iter().position(|x| !(x.is_finite() && *x >= 0.0)) {
        return SpectrumMetrics::skipped(format!(
            "eigenvalue {} is not finite and >= 0",
            eigs[bad]
        ));
    }
    if eigs.windows(2).any(|w| w[0] > w[1]) {
        return SpectrumMetrics::skipped("eigenvalues are not sorted ascending");
    }
    let used = fit_eigenvalues(eigs, cfg.filter_threshold());
    let spectral_norm = eigs[eigs.len() - 1];
    let frobenius_norm_sq: f64 = eigs.iter().sum();
    let stable_rank = used.iter().sum::<f64>() / used[used.len() - 1];
    let mut reasons = Vec::new();
    if used.len() < cfg.min_eigs {
        let after = if cfg.filter_zeros {
            " after filtering"
        } else {
            ""
        };
        reasons.push(format!(
            "{} eigenvalues{after} < min_eigs = {}",
            used.len(),
            cfg.min_eigs
        ));
    }
    let mut m = SpectrumMetrics {
        num_eigs: used.len(),
        alpha: f64::NAN,
        ks_distance: f64::NAN,
        xmin: f64::NAN,
        xmin_index: None,
        spectral_norm,
        frobenius_norm_sq,
        stable_rank,
        alpha_hat: f64::NAN,
        skipped: None,
    };
    match pl_alpha_hill(used, cfg.xmin_rule, cfg.xmin_pos, cfg.bins) {
        Ok(fit) => {
            m.alpha = fit.alpha;
            m.ks_distance = fit.ks_distance;
            m.xmin = fit.xmin;
            m.xmin_index = Some(fit.xmin_index);
            m.alpha_hat = fit.alpha * spectral_norm.log10();
            if fit.xmin <= 0.0 {
                reasons.push("no alpha: x_min is a zero eigenvalue (rank-deficient weight; set filter_zeros)".into());
            } else if fit.alpha.is_infinite() {
                reasons.push(format!(
                    "alpha is infinite: the {} tail eigenvalues all equal x_min = {:e}",
                    fit.tail_len, fit.xmin
                ));
            } else if fit.alpha.is_nan() {
                reasons.push(format!(
                    "no alpha: no valid x_min candidate (best KS score {})",
                    fit.ks_distance
                ));
            }
        }
        Err(e) => reasons.push(format!("no alpha: {e}")),
    }
    // Name every non-finite metric, so a reader never has to guess which values are unusable.
    let values = [
        ("alpha", m.alpha),
        ("ks_distance", m.ks_distance),
        ("xmin", m.xmin),
        ("spectral_norm", m.spectral_norm),
        ("frobenius_norm", m.frobenius_norm_sq),
        ("stable_rank", m.stable_rank),
        ("alpha_hat", m.alpha_hat),
    ];
    let non_finite: Vec<&str> = values
        .iter()
        .filter(|(_, v)| !v.is_finite())
        .map(|(n, _)| *n)
        .collect();
    if !non_finite.is_empty() {
        reasons.push(format!("non-finite: {}", non_finite.join(", ")));
    }
    if !reasons.is_empty() {
        m.skipped = Some(reasons.join("; "));
    }
    m
}

/// Number of non-finite values in a buffer.
fn count_non_finite(values: &[f32]) -> usize {
    values.iter().filter(|x| !x.is_finite()).count()
}

/// Eigenvalues of matrix `k` of layer `l`, keyed by `(l, k)`.
type TaskResult = ((usize, usize), Result<Vec<f64>, String>);

/// What the pass does with one layer.
enum Plan {
    Skip(String),
    Analyse(LayerMatrices),
}

/// Analyses every layer: one [`LayerMetrics`] row per input layer, in order.
///
/// Every matrix of every layer (conv taps and Fourier modes included) is one rayon task, largest
/// first, each decomposed single-threaded: on many small-to-medium matrices that beats
/// parallelising inside one decomposition. Layers not analysed (kind excluded, non-finite weights,
/// not a matrix) come back with NaN metrics and `skipped` set. `Err` only for weights that break
/// the `LayerWeights` contract (buffer lengths, ranks).
pub fn analyze(
    layers: &[LayerWeights],
    cfg: &SpectralConfig,
) -> Result<Vec<LayerMetrics>, SpectralError> {
    cfg.validate()?;
    let mut plans = Vec::with_capacity(layers.len());
    for layer in layers {
        let plan = if let Some(reason) = cfg.exclusion(layer.kind) {
            Plan::Skip(reason)
        } else {
            match layer_matrices(layer, cfg.conv_norm)? {
                Extraction::Skip(reason) => Plan::Skip(reason),
                Extraction::Matrices(m) => {
                    let bad = count_non_finite(&layer.re) + count_non_finite(&layer.im);
                    if bad > 0 {
                        Plan::Skip(format!(
                            "weights contain {bad} non-finite value(s) (NaN or inf)"
                        ))
                    } else {
                        Plan::Analyse(m)
                    }
                }
            }
        };
        plans.push(plan);
    }

    // One task per matrix, the most expensive first so the tail of the pass stays balanced.
    let mut tasks: Vec<(usize, usize)> = plans
        .iter()
        .enumerate()
        .flat_map(|(l, plan)| match plan {
            Plan::Analyse(m) => (0..m.matrices.len()).map(|k| (l, k)).collect(),
            Plan::Skip(_) => Vec::new(),
        })
        .collect();
    let cost = |&(l, k): &(usize, usize)| match &plans[l] {
        Plan::Analyse(m) => m.matrices[k].cost(),
        Plan::Skip(_) => 0.0,
    };
    tasks.sort_by(|a, b| cost(b).total_cmp(&cost(a)));
    let results: Vec<TaskResult> = tasks
        .par_iter()
        .with_max_len(1)
        .map(|&(l, k)| {
            let Plan::Analyse(m) = &plans[l] else {
                unreachable!("only analysed layers have tasks")
            };
            let layer = &layers[l];
            let im = m.complex.then_some(layer.im.as_slice());
            let values = matrix_eigenvalues(&m.matrices[k], &layer.re, im)
                .map(|v| v.into_iter().map(|x| x * m.eigen_scale).collect());
            ((l, k), values)
        })
        .collect();

    // Pool per layer (in matrix order, then sorted).
    let mut pooled: Vec<Result<Vec<f64>, String>> = layers.iter().map(|_| Ok(Vec::new())).collect();
    let mut ordered = results;
    ordered.sort_by_key(|(key, _)| *key);
    for ((l, _), values) in ordered {
        match (&mut pooled[l], values) {
            (Ok(all), Ok(v)) => all.extend(v),
            (slot @ Ok(_), Err(e)) => *slot = Err(e),
            (Err(_), _) => {}
        }
    }

    let rows = plans
        .par_iter()
        .zip(pooled.into_par_iter())
        .zip(layers.par_iter())
        .map(|((plan, eigs), layer)| match (plan, eigs) {
            (Plan::Skip(reason), _) => {
                SpectrumMetrics::skipped(reason.as_str()).to_layer_metrics(layer, Vec::new())
            }
            (Plan::Analyse(_), Err(e)) => {
                SpectrumMetrics::skipped(e).to_layer_metrics(layer, Vec::new())
            }
            (Plan::Analyse(_), Ok(mut eigs)) => {
                eigs.sort_by(f64::total_cmp);
                let metrics = spectrum_metrics(&eigs, cfg);
                let kept = if cfg.keep_eigenvalues {
                    eigs
                } else {
                    Vec::new()
                };
                metrics.to_layer_metrics(layer, kept)
            }
        })
        .collect();
    Ok(rows)
}
