//! The assignment functions (tempbalance-spec.md §3.1), as multipliers of the incoming rate.
//!
//! Each takes one finite metric per unit (layer or block) and returns one multiplier per unit, or
//! the reason the values cannot be balanced (the caller then leaves every group at its incoming
//! rate and warns).

use crate::config::{Assignment, TbConfig};

/// The logistic function.
fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// `tb_std_sigmoid`: `d = m − mean(m)`; `10^(s_max·(σ(τd) − ½))` for `d > 0`, else
/// `10^(s_min·(σ(τd) − ½))`.
pub fn std_sigmoid(values: &[f64], s_min: f64, s_max: f64, temperature: f64) -> Vec<f64> {
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    values
        .iter()
        .map(|m| {
            let d = m - mean;
            let s = if d > 0.0 { s_max } else { s_min };
            10f64.powf(s * (sigmoid(temperature * d) - 0.5))
        })
        .collect()
}

/// `tb_linear_map`: `s1 + (s2 − s1)(m − min)/(max − min)`. Needs `max > min`.
pub fn linear_map(values: &[f64], s1: f64, s2: f64) -> Vec<f64> {
    let (lo, hi) = min_max(values);
    values
        .iter()
        .map(|m| s1 + (s2 - s1) * (m - lo) / (hi - lo))
        .collect()
}

/// `tb_step` / `tbr`: `s1 + (s2 − s1)·r/n` with r the rank (0-based) by ascending metric; ties are
/// ranked in unit order (stable sort), so the result never depends on a sort's whims.
pub fn rank(values: &[f64], s1: f64, s2: f64) -> Vec<f64> {
    let n = values.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; n];
    for (r, &i) in order.iter().enumerate() {
        out[i] = s1 + (s2 - s1) * r as f64 / n as f64;
    }
    out
}

/// `tb_sqrt`: `n·sqrt(m)/Σ sqrt(m)` (mean 1). Needs every `m >= 0` and a positive sum.
pub fn sqrt_share(values: &[f64]) -> Vec<f64> {
    let n = values.len() as f64;
    let sum: f64 = values.iter().map(|m| m.sqrt()).sum();
    values.iter().map(|m| n * m.sqrt() / sum).collect()
}

/// `tb_log2`: `n·log2(m)/Σ log2(m)` (mean 1). Needs every `m > 1`.
pub fn log2_share(values: &[f64]) -> Vec<f64> {
    let n = values.len() as f64;
    let sum: f64 = values.iter().map(|m| m.log2()).sum();
    values.iter().map(|m| n * m.log2() / sum).collect()
}

/// `s_auto`: the sigmoid scale log10(max/min) of the units' metrics, so that the saturated
/// multipliers 10^(±s/2) span exactly the ratio of the largest to the smallest metric. None
/// unless every metric is positive.
pub fn auto_scale(values: &[f64]) -> Option<f64> {
    let (lo, hi) = min_max(values);
    (lo > 0.0).then(|| (hi / lo).log10())
}

fn min_max(values: &[f64]) -> (f64, f64) {
    values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &m| {
            (lo.min(m), hi.max(m))
        })
}

/// Multipliers for `values` (one finite metric per unit, at least two units) under `cfg`, with
/// `normalize` applied; `labels` name the units in messages. `Err` is the reason they cannot be
/// balanced.
pub fn multipliers(
    cfg: &TbConfig,
    metric: &str,
    values: &[f64],
    labels: &[String],
) -> Result<Vec<f64>, String> {
    debug_assert_eq!(values.len(), labels.len());
    if values.len() < 2 {
        return Err(format!("fewer than 2 units to balance ({})", values.len()));
    }
    if let Some(i) = values.iter().position(|v| !v.is_finite()) {
        return Err(format!(
            "{} has a non-finite {metric} ({})",
            labels[i], values[i]
        ));
    }
    let (lo, hi) = min_max(values);
    // Exact equality, or equality up to rounding (the linear map would divide rounding noise by
    // itself). numpy's interp maps equal values to the *maximum* (spec pitfall 3); never do that.
    if hi - lo <= 1e-12 * hi.abs().max(lo.abs()) {
        return Err(format!(
            "all {} units have the same {metric} ({lo})",
            values.len()
        ));
    }
    let raw = match cfg.assignment {
        Assignment::Sigmoid if cfg.s_auto => {
            let s = auto_scale(values).ok_or_else(|| {
                format!("s_auto needs positive metrics; the smallest {metric} is {lo}")
            })?;
            std_sigmoid(values, s, s, cfg.temperature)
        }
        Assignment::Sigmoid => std_sigmoid(values, cfg.s_min, cfg.s_max, cfg.temperature),
        Assignment::Linear => linear_map(values, cfg.s1, cfg.s2),
        Assignment::Rank => rank(values, cfg.s1, cfg.s2),
        Assignment::Sqrt => {
            if let Some(i) = values.iter().position(|&v| v < 0.0) {
                return Err(format!(
                    "the sqrt assignment needs metrics >= 0; {} has {metric} {}",
                    labels[i], values[i]
                ));
            }
            sqrt_share(values)
        }
        Assignment::Log2 => {
            if let Some(i) = values.iter().position(|&v| v <= 1.0) {
                return Err(format!(
                    "the log2 assignment needs metrics > 1; {} has {metric} {}",
                    labels[i], values[i]
                ));
            }
            log2_share(values)
        }
    };
    let out = if cfg.normalize {
        let mean = raw.iter().sum::<f64>() / raw.len() as f64;
        if !(mean.is_finite() && mean > 0.0) {
            return Err(format!("cannot normalize: the mean multiplier is {mean}"));
        }
        raw.iter().map(|m| m / mean).collect()
    } else {
        raw
    };
    if let Some(i) = out.iter().position(|m| !(m.is_finite() && *m >= 0.0)) {
        return Err(format!(
            "{} would get the multiplier {} (check s_min, s_max, s1, s2, temperature)",
            labels[i], out[i]
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64], tol: f64) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() <= tol, "{a:?} vs {b:?}");
        }
    }

    /// s_auto: s = log10(max/min), so the multipliers stay inside (min/max)^(1/2) ..
    /// (max/min)^(1/2) and the most and least trained units differ by less than max/min.
    #[test]
    fn auto_scale_spans_the_metric_ratio() {
        let alphas = [2.0, 3.0, 4.0, 8.0];
        let s = auto_scale(&alphas).unwrap();
        assert!((s - 4f64.log10()).abs() < 1e-12);
        let cfg = TbConfig { s_auto: true, ..TbConfig::default() };
        let labels: Vec<String> = (0..4).map(|i| format!("u{i}")).collect();
        let m = multipliers(&cfg, "alpha", &alphas, &labels).unwrap();
        close(&m, &std_sigmoid(&alphas, s, s, 10.0), 1e-12);
        assert!(m[3] / m[0] < 4.0 && m[3] / m[0] > 3.9, "{m:?}");
        assert!(m.iter().all(|x| *x > 0.5 - 1e-9 && *x < 2.0 + 1e-9), "{m:?}");
        // Metrics that even out switch balancing off gradually.
        let close_alphas = [3.9, 4.0, 4.1];
        let m = multipliers(&cfg, "alpha", &close_alphas, &labels[..3]).unwrap();
        assert!(m.iter().all(|x| (x - 1.0).abs() < 0.03), "{m:?}");
        let e = multipliers(&cfg, "alpha", &[-1.0, 2.0], &labels[..2]).unwrap_err();
        assert!(e.contains("s_auto needs positive metrics"), "{e}");
    }

    #[test]
    fn sigmoid_matches_the_spec_examples() {
        // Metrics with mean 0 so that d = metric (tempbalance-spec.md §3.1, tau = 10).
        let d = [-0.3, -0.1, 0.0, 0.1, 0.3];
        close(
            &std_sigmoid(&d, 1.0, 1.0, 10.0),
            &[0.353, 0.587, 1.0, 1.702, 2.835],
            1e-3,
        );
        // The spec prints 0.876 at d = -0.1; the formula gives 0.875458.
        close(
            &std_sigmoid(&d, 0.25, 0.25, 10.0),
            &[0.770649, 0.875458, 1.0, 1.142259, 1.297608],
            1e-6,
        );
        close(
            &std_sigmoid(&d, 1.25, 1.25, 10.0),
            &[0.272, 0.514, 1.0, 1.945, 3.679],
            1e-3,
        );
        close(
            &std_sigmoid(&d, 2.0, 1.0, 10.0),
            &[0.124, 0.345, 1.0, 1.702, 2.835],
            1e-3,
        );
        // Shifting every metric changes nothing: only d = m - mean matters.
        let shifted: Vec<f64> = d.iter().map(|x| x + 3.0).collect();
        close(
            &std_sigmoid(&shifted, 1.0, 1.0, 10.0),
            &std_sigmoid(&d, 1.0, 1.0, 10.0),
            1e-12,
        );
    }

    #[test]
    fn rank_never_reaches_s2_and_breaks_ties_in_order() {
        close(
            &rank(&[3.0, 1.0, 2.0, 5.0], 0.5, 1.5),
            &[1.0, 0.5, 0.75, 1.25],
            1e-15,
        );
        close(&rank(&[2.0, 1.0, 2.0], 0.0, 3.0), &[1.0, 0.0, 2.0], 1e-15);
    }
}
