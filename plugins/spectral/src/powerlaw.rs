//! PL_Alpha_Hill: the Hill (continuous power-law maximum-likelihood) estimate of the ESD's tail
//! exponent, its Kolmogorov-Smirnov distance, and the three x_min rules.
//!
//! For eigenvalues `λ_0 <= ... <= λ_{N-1}` and `x_min = λ_i`, with tail length `n = N - i` (the tail
//! includes `x_min`):
//!
//! ```text
//! α̂ = 1 + n / Σ_{j=i}^{N-1} (ln λ_j - ln λ_i)
//! D = max_{k=0..n-1} | 1 - (λ_{i+k} / λ_i)^(1-α̂) - k/n |
//! ```
//!
//! The denominator is summed as log *differences* rather than the reference's
//! `Σ ln λ_j - n ln λ_i`, which cancels catastrophically when the tail is narrow; `(λ/λ_i)^(1-α̂)`
//! is `exp((1-α̂)(ln λ - ln λ_i))`.
//!
//! Defined degenerate results (they are returned, and [`crate::spectrum_metrics`] flags them):
//! - every tail eigenvalue equals `x_min` (e.g. `N - i = 1`): `α̂ = +inf`, `D = (n-1)/n`;
//! - `x_min <= 0` (zero eigenvalues without filtering): `α̂ = D = NaN` (ln 0 is undefined).

use crate::XminRule;
use std::fmt;

/// One power-law fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerLawFit {
    /// PL_Alpha_Hill (`+inf` when the tail is flat, NaN when `x_min <= 0`).
    pub alpha: f64,
    /// KS distance of the fit (for the scanning rules: the selection score, 1.0 for rejected fits).
    pub ks_distance: f64,
    pub xmin: f64,
    /// Index of `x_min` in the (ascending) eigenvalues the fit was given.
    pub xmin_index: usize,
    /// Number of eigenvalues in the tail, `N - xmin_index`.
    pub tail_len: usize,
}

/// Why no fit could be made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FitError {
    /// No eigenvalues at all.
    Empty,
    /// The scanning rules need at least two eigenvalues (x_min is never the largest).
    TooFew { rule: XminRule, count: usize },
    /// `floor(N / xmin_pos)` is not a valid index (`xmin_pos <= 1` or not finite).
    BadXminPos,
    /// The peak rule found no positive eigenvalue to build its histogram from.
    NoPositive,
    /// The peak rule's window `[0.95, 1.5] x peak` contains no candidate x_min.
    EmptyWindow { peak: f64 },
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::Empty => write!(f, "no eigenvalues"),
            FitError::TooFew { rule, count } => {
                write!(
                    f,
                    "xmin_rule `{}` needs at least 2 eigenvalues, found {count}",
                    rule.as_str()
                )
            }
            FitError::BadXminPos => write!(f, "xmin_pos must be a finite number > 1"),
            FitError::NoPositive => write!(f, "xmin_rule `peak` found no positive eigenvalue"),
            FitError::EmptyWindow { peak } => {
                write!(
                    f,
                    "xmin_rule `peak`: no x_min candidate in [0.95, 1.5] x peak {peak:.6e}"
                )
            }
        }
    }
}

impl std::error::Error for FitError {}

/// Natural logs of the eigenvalues (`-inf` for 0, NaN for negatives).
fn logs(eigs: &[f64]) -> Vec<f64> {
    eigs.iter().map(|x| x.ln()).collect()
}

/// The fit with `x_min = eigs[i]`, given `ln_eigs[j] = ln eigs[j]`.
fn fit_with_logs(eigs: &[f64], ln_eigs: &[f64], i: usize) -> PowerLawFit {
    let n = eigs.len() - i;
    let xmin = eigs[i];
    if xmin.is_nan() || xmin <= 0.0 {
        return PowerLawFit {
            alpha: f64::NAN,
            ks_distance: f64::NAN,
            xmin,
            xmin_index: i,
            tail_len: n,
        };
    }
    let lx = ln_eigs[i];
    let tail = &ln_eigs[i..];
    let denominator: f64 = tail.iter().map(|l| l - lx).sum();
    // denominator == 0 exactly when every tail eigenvalue equals x_min: alpha = +inf, as in the
    // reference's float division.
    let alpha = 1.0 + n as f64 / denominator;
    let nf = n as f64;
    let mut d = 0.0f64;
    for (k, l) in tail.iter().enumerate() {
        // (λ/x_min)^(1-α): exactly 1 at λ = x_min, also when α = inf (where exp(-inf * 0) is NaN).
        let fitted = if *l == lx {
            1.0
        } else {
            ((1.0 - alpha) * (l - lx)).exp()
        };
        d = d.max((1.0 - fitted - k as f64 / nf).abs());
    }
    PowerLawFit {
        alpha,
        ks_distance: d,
        xmin,
        xmin_index: i,
        tail_len: n,
    }
}

/// The Hill estimate and KS distance with `x_min = eigs[i]`. `eigs` ascending; `i < eigs.len()`.
pub fn fit_at(eigs: &[f64], i: usize) -> PowerLawFit {
    assert!(
        i < eigs.len(),
        "fit_at: index {i} out of range for {} eigenvalues",
        eigs.len()
    );
    fit_with_logs(eigs, &logs(eigs), i)
}

/// The index `floor(N / xmin_pos)` of the `mid` rule, if valid.
pub fn mid_index(n: usize, xmin_pos: f64) -> Option<usize> {
    let i = (n as f64 / xmin_pos).floor();
    (xmin_pos.is_finite() && xmin_pos > 1.0 && i >= 0.0 && (i as usize) < n).then_some(i as usize)
}

/// Left edge (in linear units) of the fullest bin of the histogram of `log10` of the positive
/// eigenvalues, `bins` equal bins over `[min, max]` (edges as numpy's `linspace`, the last bin
/// closed; the first fullest bin on ties). `eigs` ascending.
pub fn histogram_peak(eigs: &[f64], bins: usize) -> Option<f64> {
    let positive: Vec<f64> = eigs
        .iter()
        .copied()
        .filter(|x| *x > 0.0)
        .map(f64::log10)
        .collect();
    let (lo, hi) = (*positive.first()?, *positive.last()?);
    let bins = bins.max(1);
    if hi <= lo {
        // One distinct value: every eigenvalue is the peak.
        return Some(10f64.powf(lo));
    }
    let step = (hi - lo) / bins as f64;
    let edge = |k: usize| if k == bins { hi } else { lo + k as f64 * step };
    let norm = bins as f64 / (hi - lo);
    let mut counts = vec![0usize; bins];
    for &x in &positive {
        let mut b = (((x - lo) * norm) as usize).min(bins - 1);
        // Make the bin agree with the edges exactly (rounding in `norm` can be off by one).
        if b > 0 && x < edge(b) {
            b -= 1;
        } else if b + 1 < bins && x >= edge(b + 1) {
            b += 1;
        }
        counts[b] += 1;
    }
    let mut best = 0;
    for (b, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = b;
        }
    }
    Some(10f64.powf(edge(best)))
}

/// Scans candidates `i = 0..N-2` (within `window` when given, as the reference does: skip below,
/// stop above) and keeps the smallest KS distance, the first on ties; a fit with `α̂ <= 1` (or NaN,
/// from `x_min <= 0`) scores 1.0.
fn scan(eigs: &[f64], window: Option<(f64, f64)>) -> Option<PowerLawFit> {
    let ln_eigs = logs(eigs);
    let mut best: Option<PowerLawFit> = None;
    for i in 0..eigs.len().saturating_sub(1) {
        if let Some((low, high)) = window {
            if eigs[i] < low {
                continue;
            }
            if eigs[i] > high {
                break;
            }
        }
        let mut fit = fit_with_logs(eigs, &ln_eigs, i);
        if fit.alpha.is_nan() || fit.alpha <= 1.0 {
            fit.ks_distance = 1.0;
        }
        if best.is_none_or(|b| fit.ks_distance < b.ks_distance) {
            best = Some(fit);
        }
    }
    best
}

/// PL_Alpha_Hill of ascending eigenvalues (already filtered) with the given x_min rule.
///
/// `xmin_pos` is used by [`XminRule::Mid`], `bins` by [`XminRule::Peak`].
pub fn pl_alpha_hill(
    eigs: &[f64],
    rule: XminRule,
    xmin_pos: f64,
    bins: usize,
) -> Result<PowerLawFit, FitError> {
    let n = eigs.len();
    if n == 0 {
        return Err(FitError::Empty);
    }
    match rule {
        XminRule::Mid => {
            let i = mid_index(n, xmin_pos).ok_or(FitError::BadXminPos)?;
            Ok(fit_at(eigs, i))
        }
        XminRule::KsScan => scan(eigs, None).ok_or(FitError::TooFew { rule, count: n }),
        XminRule::Peak => {
            if n < 2 {
                return Err(FitError::TooFew { rule, count: n });
            }
            let peak = histogram_peak(eigs, bins).ok_or(FitError::NoPositive)?;
            // The window is in linear units; the reference's lower bound log10(0.95 peak) compares a
            // log against eigenvalues (docs/tempbalance.md).
            scan(eigs, Some((0.95 * peak, 1.5 * peak))).ok_or(FitError::EmptyWindow { peak })
        }
    }
}

/// The eigenvalues used for fitting: those `> threshold` when filtering (a suffix, since `eigs` is
/// ascending), or all of them when filtering is off or would leave none (as the reference).
pub fn fit_eigenvalues(eigs: &[f64], threshold: Option<f64>) -> &[f64] {
    match threshold {
        None => eigs,
        Some(t) => {
            let start = eigs.partition_point(|x| *x <= t);
            if start == eigs.len() {
                eigs
            } else {
                &eigs[start..]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_TO_EIGHT: [f64; 8] = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1.0)
    }

    #[test]
    fn reference_vectors_mid() {
        // tempbalance-spec.md §2.3 (printed to 6 decimals).
        let f = pl_alpha_hill(&ONE_TO_EIGHT, XminRule::Mid, 2.0, 100).unwrap();
        assert_eq!((f.xmin_index, f.xmin, f.tail_len), (4, 5.0, 4));
        assert!((f.alpha - 5.045318).abs() < 5e-7, "{}", f.alpha);
        assert!((f.ks_distance - 0.271715).abs() < 5e-7, "{}", f.ks_distance);
        let f = pl_alpha_hill(&ONE_TO_EIGHT, XminRule::Mid, 1.5, 100).unwrap();
        assert_eq!((f.xmin_index, f.xmin), (5, 6.0));
        assert!((f.alpha - 7.789900).abs() < 5e-7, "{}", f.alpha);
        assert!((f.ks_distance - 0.315561).abs() < 5e-7, "{}", f.ks_distance);
    }

    #[test]
    fn reference_vectors_scan() {
        let expected = [
            (1.754389, 0.313419),
            (2.216847, 0.284064),
            (2.807348, 0.269437),
            (3.657635, 0.259581),
            (5.045318, 0.271715),
            (7.789900, 0.315561),
            (15.977751, 0.364665),
        ];
        for (i, (alpha, d)) in expected.iter().enumerate() {
            let f = fit_at(&ONE_TO_EIGHT, i);
            assert!(
                (f.alpha - alpha).abs() < 5e-7,
                "i={i}: {} vs {alpha}",
                f.alpha
            );
            assert!(
                (f.ks_distance - d).abs() < 5e-7,
                "i={i}: {} vs {d}",
                f.ks_distance
            );
        }
        let f = pl_alpha_hill(&ONE_TO_EIGHT, XminRule::KsScan, 2.0, 100).unwrap();
        assert_eq!((f.xmin_index, f.xmin), (3, 4.0));
        assert!((f.alpha - 3.657635).abs() < 5e-7);
        assert!((f.ks_distance - 0.259581).abs() < 5e-7);
    }

    #[test]
    fn closed_form_two_point_tail() {
        // Tail [x, e x]: denominator = 1, alpha = 1 + 2 = 3; D = max(|1-1-0|, |1-e^-2-1/2|).
        let e = std::f64::consts::E;
        let f = fit_at(&[1.0, e], 0);
        assert!(close(f.alpha, 3.0, 1e-15));
        assert!(close(f.ks_distance, (0.5 - (-2.0f64).exp()).abs(), 1e-15));
    }

    #[test]
    fn single_eigenvalue() {
        let f = pl_alpha_hill(&[2.5], XminRule::Mid, 2.0, 100).unwrap();
        assert_eq!(f.xmin_index, 0);
        assert_eq!(f.alpha, f64::INFINITY);
        assert_eq!(f.ks_distance, 0.0);
        for rule in [XminRule::KsScan, XminRule::Peak] {
            assert_eq!(
                pl_alpha_hill(&[2.5], rule, 2.0, 100),
                Err(FitError::TooFew { rule, count: 1 })
            );
        }
        assert_eq!(
            pl_alpha_hill(&[], XminRule::Mid, 2.0, 100),
            Err(FitError::Empty)
        );
    }

    #[test]
    fn all_equal_eigenvalues() {
        let eigs = [3.0; 6];
        let f = pl_alpha_hill(&eigs, XminRule::Mid, 2.0, 100).unwrap();
        assert_eq!((f.xmin_index, f.tail_len), (3, 3));
        assert_eq!(f.alpha, f64::INFINITY);
        assert!(close(f.ks_distance, 2.0 / 3.0, 1e-15));
        // Every candidate is flat; the last one has the smallest D = (2-1)/2.
        let f = pl_alpha_hill(&eigs, XminRule::KsScan, 2.0, 100).unwrap();
        assert_eq!(
            (f.xmin_index, f.alpha, f.ks_distance),
            (4, f64::INFINITY, 0.5)
        );
        let f = pl_alpha_hill(&eigs, XminRule::Peak, 2.0, 100).unwrap();
        assert_eq!((f.xmin_index, f.alpha), (4, f64::INFINITY));
    }

    #[test]
    fn zero_xmin_gives_nan_and_scan_rejects_zeros() {
        let eigs = [
            0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0,
        ];
        let f = pl_alpha_hill(&eigs, XminRule::Mid, 3.0, 100).unwrap();
        assert_eq!((f.xmin_index, f.xmin), (4, 0.0));
        assert!(f.alpha.is_nan() && f.ks_distance.is_nan());
        // The scan scores zero candidates 1.0 and finds the 1..8 answer at i = 5 + 3.
        let f = pl_alpha_hill(&eigs, XminRule::KsScan, 2.0, 100).unwrap();
        assert_eq!((f.xmin_index, f.xmin), (8, 4.0));
        assert!((f.alpha - 3.657635).abs() < 5e-7);
        // Filtering drops the zeros: the fit is exactly the 1..8 one.
        let used = fit_eigenvalues(&eigs, Some(1e-5));
        assert_eq!(used, &ONE_TO_EIGHT);
        let f = pl_alpha_hill(used, XminRule::Mid, 2.0, 100).unwrap();
        assert!((f.alpha - 5.045318).abs() < 5e-7);
    }

    #[test]
    fn filtering_threshold_and_fallback() {
        let eigs = [1e-9, 1e-5, 2e-5, 1.0];
        assert_eq!(fit_eigenvalues(&eigs, None), &eigs);
        // "> threshold": 1e-5 itself is dropped.
        assert_eq!(fit_eigenvalues(&eigs, Some(1e-5)), &[2e-5, 1.0]);
        // Nothing left: all are used, as the reference falls back.
        assert_eq!(fit_eigenvalues(&[0.0, 1e-7], Some(1e-5)), &[0.0, 1e-7]);
        assert_eq!(fit_eigenvalues(&[], Some(1e-5)), &[] as &[f64]);
    }

    #[test]
    fn mid_index_is_python_int_of_the_division() {
        assert_eq!(mid_index(8, 2.0), Some(4));
        assert_eq!(mid_index(8, 1.5), Some(5));
        assert_eq!(mid_index(768, 1.5), Some(512));
        assert_eq!(mid_index(1, 2.0), Some(0));
        assert_eq!(mid_index(8, 1.0), None);
        assert_eq!(mid_index(8, f64::NAN), None);
        assert_eq!(
            pl_alpha_hill(&ONE_TO_EIGHT, XminRule::Mid, 0.5, 100),
            Err(FitError::BadXminPos)
        );
    }

    #[test]
    fn histogram_peak_picks_the_fullest_bin() {
        // log10 values 0 (x1), 1 (x3), 2 (x1) in 2 bins [0,1), [1,2]: bin 1 has 4 -> left edge 10^1.
        let eigs = [1.0, 10.0, 10.0, 10.0, 100.0];
        assert!(close(histogram_peak(&eigs, 2).unwrap(), 10.0, 1e-14));
        // With 4 bins [0,.5) [.5,1) [1,1.5) [1.5,2]: bin 2 holds the three 10s.
        assert!(close(histogram_peak(&eigs, 4).unwrap(), 10.0, 1e-14));
        // Zeros are ignored; ties go to the first bin.
        assert!(close(
            histogram_peak(&[0.0, 1.0, 100.0], 2).unwrap(),
            1.0,
            1e-14
        ));
        assert_eq!(histogram_peak(&[0.0, 0.0], 10), None);
        assert_eq!(
            histogram_peak(&[4.0, 4.0], 10),
            Some(10f64.powf(4f64.log10()))
        );
    }

    #[test]
    fn peak_window_is_linear() {
        // log10 in [0, 2], 4 bins with edges 0, .5, 1, 1.5, 2: the fullest bin is [1, 1.5) (10 ..
        // 30), so peak = 10^1 and the window [9.5, 15] holds one candidate, 10 at i = 6.
        let eigs = [
            1.0, 1.5, 2.2, 3.5, 5.0, 7.0, 10.0, 16.0, 18.0, 20.0, 22.0, 25.0, 28.0, 30.0, 100.0,
        ];
        let peak = histogram_peak(&eigs, 4).unwrap();
        assert!(close(peak, 10.0, 1e-14), "{peak}");
        let f = pl_alpha_hill(&eigs, XminRule::Peak, 2.0, 4).unwrap();
        assert_eq!(f, fit_at(&eigs, 6));
        // The reference's lower bound log10(0.95 x 10) = 0.98 admits every eigenvalue from 1.0 on,
        // and its scan picks i = 0 (D 0.236 against 0.304 at i = 6; values from numpy).
        let reference = scan(&eigs, Some(((0.95 * peak).log10(), 1.5 * peak))).unwrap();
        assert_eq!(reference.xmin_index, 0);
        assert!(
            (reference.ks_distance - 0.2364).abs() < 1e-4 && (f.ks_distance - 0.3040).abs() < 1e-4
        );
        // The unrestricted scan picks i = 7 (16.0, outside the window).
        assert_eq!(
            pl_alpha_hill(&eigs, XminRule::KsScan, 2.0, 4)
                .unwrap()
                .xmin_index,
            7
        );
    }

    #[test]
    fn peak_with_empty_window() {
        // log10 = 0, 10, 20, 30, 30 in 100 bins over [0, 30]: the fullest bin is the last one (the
        // two 1e30), peak = 10^29.7, window [0.95, 1.5] x 10^29.7 holds no candidate (the largest
        // eigenvalue is never x_min and 1e30 > 1.5 x 10^29.7).
        let eigs = [1.0, 1e10, 1e20, 1e30, 1e30];
        match pl_alpha_hill(&eigs, XminRule::Peak, 2.0, 100) {
            Err(FitError::EmptyWindow { peak }) => {
                assert!(close(peak, 10f64.powf(29.7), 1e-12), "{peak}")
            }
            other => panic!("{other:?}"),
        }
    }
}
