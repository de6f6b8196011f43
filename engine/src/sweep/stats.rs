//! Paired statistics for sweep reports: mean difference with a Student-t 95% interval, the paired
//! t-test and the exact Wilcoxon signed-rank test. Written from the textbook definitions (the
//! regularized incomplete beta function by Lentz's continued fraction; the signed-rank null
//! distribution by counting subsets of ranks).

/// The comparison of paired values `a[i]` against `b[i]` (same seed, same data): d = a - b.
#[derive(Debug, Clone, PartialEq)]
pub struct Paired {
    pub n: usize,
    pub mean_diff: f64,
    pub sd_diff: f64,
    /// 95% confidence interval of the mean difference (Student t, n - 1 degrees of freedom);
    /// NaN for n < 2.
    pub ci: (f64, f64),
    /// Two-sided p-value of the paired t-test (NaN for n < 2; with zero spread, 1 when every
    /// difference is 0 and 0 when they are all the same non-zero value).
    pub t_p: f64,
    /// Two-sided exact p-value of the Wilcoxon signed-rank test (zero differences dropped, ties
    /// given average ranks); 1 when every difference is zero.
    pub wilcoxon_p: f64,
}

pub fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Sample standard deviation (n - 1); 0 for fewer than two values.
pub fn sd(v: &[f64]) -> f64 {
    if v.len() < 2 {
        return 0.0;
    }
    let m = mean(v);
    (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
}

pub fn paired(a: &[f64], b: &[f64]) -> Paired {
    assert_eq!(a.len(), b.len());
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let n = d.len();
    let m = mean(&d);
    let s = sd(&d);
    let (ci, t_p) = if n < 2 {
        ((f64::NAN, f64::NAN), f64::NAN)
    } else {
        let df = (n - 1) as f64;
        let se = s / (n as f64).sqrt();
        let q = t_quantile(0.975, df);
        let p = if se > 0.0 { t_two_sided_p(m / se, df) } else if m == 0.0 { 1.0 } else { 0.0 };
        ((m - q * se, m + q * se), p)
    };
    Paired { n, mean_diff: m, sd_diff: s, ci, t_p, wilcoxon_p: wilcoxon_exact_p(&d) }
}

/// ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits).
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + 7.5;
    let series = G[1..].iter().enumerate().fold(G[0], |acc, (i, g)| acc + g / (x + i as f64 + 1.0));
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + series.ln()
}

/// The regularized incomplete beta function I_x(a, b).
fn inc_beta(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front = (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(x, a, b) / a
    } else {
        1.0 - front * beta_cf(1.0 - x, b, a) / b
    }
}

/// Continued fraction of the incomplete beta function (modified Lentz).
fn beta_cf(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..300 {
        let m = m as f64;
        for num in [m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m)), -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0))] {
            d = 1.0 + num * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + num / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            h *= d * c;
        }
        if (d * c - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// Two-sided p-value of Student's t with `df` degrees of freedom: P(|T| >= |t|).
pub fn t_two_sided_p(t: f64, df: f64) -> f64 {
    if !t.is_finite() {
        return if t.is_nan() { f64::NAN } else { 0.0 };
    }
    inc_beta(df / (df + t * t), df / 2.0, 0.5)
}

/// The quantile of Student's t: the t with P(T <= t) = q (bisection on the CDF).
pub fn t_quantile(q: f64, df: f64) -> f64 {
    let cdf = |t: f64| if t >= 0.0 { 1.0 - 0.5 * t_two_sided_p(t, df) } else { 0.5 * t_two_sided_p(t, df) };
    let (mut lo, mut hi) = (-1e3, 1e3);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if cdf(mid) < q {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Exact two-sided p-value of the Wilcoxon signed-rank test of differences `d` against zero.
/// Zero differences are dropped (Wilcoxon's convention); tied |d| get average ranks, and the null
/// distribution is counted over the actual (tied) ranks, so it stays exact with ties.
pub fn wilcoxon_exact_p(d: &[f64]) -> f64 {
    let mut nz: Vec<f64> = d.iter().copied().filter(|x| *x != 0.0 && x.is_finite()).collect();
    let n = nz.len();
    if n == 0 {
        return 1.0;
    }
    nz.sort_by(|a, b| a.abs().total_cmp(&b.abs()));
    // Doubled average ranks are integers.
    let mut rank2 = vec![0usize; n];
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && nz[j + 1].abs() == nz[i].abs() {
            j += 1;
        }
        for r in rank2.iter_mut().take(j + 1).skip(i) {
            *r = i + j + 2; // 2 * mean of ranks i+1 ..= j+1
        }
        i = j + 1;
    }
    let w_plus: usize = nz.iter().zip(&rank2).filter(|(x, _)| **x > 0.0).map(|(_, r)| r).sum();
    let total: usize = rank2.iter().sum();
    // counts[s] = number of sign assignments whose positive doubled-rank sum is s.
    let mut counts = vec![0f64; total + 1];
    counts[0] = 1.0;
    for &r in &rank2 {
        for s in (r..=total).rev() {
            counts[s] += counts[s - r];
        }
    }
    let all = 2f64.powi(n as i32);
    let lower: f64 = counts[..=w_plus].iter().sum::<f64>() / all;
    let upper: f64 = counts[w_plus..].iter().sum::<f64>() / all;
    (2.0 * lower.min(upper)).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn student_t_matches_tables() {
        // Two-sided 5% critical values: df 4 -> 2.776445, df 9 -> 2.262157, df 1 -> 12.706205.
        for (df, crit) in [(4.0, 2.776_445), (9.0, 2.262_157), (1.0, 12.706_205)] {
            assert!((t_two_sided_p(crit, df) - 0.05).abs() < 1e-6, "df {df}");
            assert!((t_quantile(0.975, df) - crit).abs() < 1e-5, "df {df}");
        }
        assert!((t_two_sided_p(0.0, 5.0) - 1.0).abs() < 1e-12);
        // t = 1 with df = 1 (Cauchy): P(|T| >= 1) = 1/2.
        assert!((t_two_sided_p(1.0, 1.0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn paired_t_test_by_hand() {
        // d = [1, 2, 3, 4, 5] - 0: mean 3, sd sqrt(2.5), se sqrt(0.5), t = 4.2426, df 4.
        let p = paired(&[1.0, 2.0, 3.0, 4.0, 5.0], &[0.0; 5]);
        assert_eq!(p.n, 5);
        assert!((p.mean_diff - 3.0).abs() < 1e-12);
        assert!((p.sd_diff - 2.5f64.sqrt()).abs() < 1e-12);
        let half = 2.776_445 * 0.5f64.sqrt();
        assert!((p.ci.0 - (3.0 - half)).abs() < 1e-5 && (p.ci.1 - (3.0 + half)).abs() < 1e-5);
        // P(|T_4| >= 4.2426) = 0.013236 (tables).
        assert!((p.t_p - 0.013_236).abs() < 2e-6, "{}", p.t_p);
        // Every sign positive: exact Wilcoxon two-sided p = 2 / 2^5.
        assert!((p.wilcoxon_p - 0.0625).abs() < 1e-12);
    }

    #[test]
    fn wilcoxon_exact_small_cases() {
        // n = 6, ranks of the negatives {1, 2}: W+ = 18. Subsets of {1..6} with sum >= 18: all
        // (21), all but 1 (20), all but 2 (19), all but 3 or all but {1, 2} (18): P = 5/64.
        let d = [-0.1, -0.2, 0.3, 0.4, 0.5, 0.6];
        assert!((wilcoxon_exact_p(&d) - 2.0 * 5.0 / 64.0).abs() < 1e-12);
        // Symmetric around zero: p = 1.
        assert_eq!(wilcoxon_exact_p(&[-1.0, 1.0]), 1.0);
        assert_eq!(wilcoxon_exact_p(&[0.0, 0.0]), 1.0);
        // Ties: |d| all equal, 4 positive of 4: p = 2/16.
        assert!((wilcoxon_exact_p(&[1.0, 1.0, 1.0, 1.0]) - 0.125).abs() < 1e-12);
    }

    #[test]
    fn no_spread_no_interval() {
        let p = paired(&[1.0], &[0.5]);
        assert!(p.ci.0.is_nan() && p.t_p.is_nan());
        let p = paired(&[1.0, 1.0], &[1.0, 1.0]);
        assert_eq!((p.t_p, p.wilcoxon_p), (1.0, 1.0));
    }
}
