//! Eigenvalues of a real symmetric tridiagonal matrix: implicit symmetric QR with Wilkinson shifts
//! (Golub & Van Loan, *Matrix Computations*, algorithms 8.3.2-8.3.3), eigenvalues only.
//!
//! faer does the O(n³) part (Householder tridiagonalisation); this replaces only faer's
//! eigenvalues-only tridiagonal QR, which spends two `hypot` calls per element and iteration and
//! took 12 of the 30 ms of a 768x768 eigenvalue computation. Here a rotation costs one `sqrt`,
//! and the deflation test is two absolute values and a comparison.
//!
//! One QR step on the unreduced block `start..=end` with shift `μ` chases a bulge down the block
//! with rotations `J_k = [[c, -s], [s, c]]` on rows/columns `k, k+1` (`T <- J_kᵀ T J_k`). With
//! `a = d_k, b = e_k, d = d_{k+1}`:
//!
//! ```text
//! d_k'     = c² a + 2cs b + s² d
//! d_{k+1}' = s² a - 2cs b + c² d
//! e_k'     = cs (d - a) + (c² - s²) b
//! ```
//! The first rotation maps `(d_start - μ, e_start)` to `(r, 0)`; each later one maps
//! `(e_{k-1}, bulge)` to `(r, 0)`, and leaves the bulge `s e_{k+1}` below, with `e_{k+1} <- c e_{k+1}`.
//! An off-diagonal is set to 0 once `|e_i| <= ε (|d_i| + |d_{i+1}|)`.

/// Overwrites `d` (diagonal, length n) with the eigenvalues of the symmetric tridiagonal matrix
/// with off-diagonal `e` (length n - 1; destroyed), unsorted. `Err` after `30 n` QR steps without
/// convergence (LAPACK's limit), which does not happen for finite input.
pub fn symmetric_tridiagonal_eigenvalues(d: &mut [f64], e: &mut [f64]) -> Result<(), String> {
    let n = d.len();
    assert_eq!(e.len(), n.saturating_sub(1), "off-diagonal length");
    if n <= 1 {
        return Ok(());
    }
    if d.iter().chain(e.iter()).any(|x| !x.is_finite()) {
        return Err("the tridiagonal matrix is not finite".into());
    }
    // Work on T / max|T| so that squares neither overflow nor underflow (undone at the end).
    let scale = d.iter().chain(e.iter()).fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 {
        return Ok(());
    }
    d.iter_mut().chain(e.iter_mut()).for_each(|x| *x /= scale);

    let eps = f64::EPSILON;
    let tiny = f64::MIN_POSITIVE;
    let negligible = |d: &[f64], e: &[f64], i: usize| {
        e[i].abs() <= eps * (d[i].abs() + d[i + 1].abs()) || e[i].abs() < tiny
    };
    let max_steps = 30 * n;
    let mut steps = 0;
    let mut end = n - 1;
    while end > 0 {
        if negligible(d, e, end - 1) {
            e[end - 1] = 0.0;
            end -= 1;
            continue;
        }
        let mut start = end - 1;
        while start > 0 && !negligible(d, e, start - 1) {
            start -= 1;
        }
        if start > 0 {
            e[start - 1] = 0.0;
        }
        steps += 1;
        if steps > max_steps {
            return Err(format!(
                "tridiagonal QR did not converge in {max_steps} steps"
            ));
        }
        qr_step(d, e, start, end);
    }
    d.iter_mut().for_each(|x| *x *= scale);
    Ok(())
}

/// One implicit QR step with the Wilkinson shift on the unreduced block `start..=end`.
fn qr_step(d: &mut [f64], e: &mut [f64], start: usize, end: usize) {
    // Wilkinson shift: the eigenvalue of the trailing 2x2 block closer to d_end.
    let (a, b, c) = (d[end - 1], e[end - 1], d[end]);
    let delta = (a - c) / 2.0;
    let mu = if delta == 0.0 {
        c - b.abs()
    } else {
        c - b * b / (delta + delta.signum() * delta.hypot(b))
    };
    let mut x = d[start] - mu;
    let mut z = e[start];
    for k in start..end {
        let big = x.abs().max(z.abs());
        let r = if big < 1e-150 {
            x.hypot(z)
        } else {
            (x * x + z * z).sqrt()
        };
        // One division instead of two on the dependency chain.
        let (cs, sn) = if r == 0.0 {
            (1.0, 0.0)
        } else {
            let inv = 1.0 / r;
            (x * inv, z * inv)
        };
        if k > start {
            e[k - 1] = r;
        }
        let (dk, ek, dk1) = (d[k], e[k], d[k + 1]);
        let (cc, ss, cs2) = (cs * cs, sn * sn, 2.0 * cs * sn);
        d[k] = cc * dk + cs2 * ek + ss * dk1;
        d[k + 1] = ss * dk - cs2 * ek + cc * dk1;
        e[k] = cs * sn * (dk1 - dk) + (cc - ss) * ek;
        if k + 1 < end {
            z = sn * e[k + 1];
            e[k + 1] *= cs;
            x = e[k];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random;

    fn sorted(mut v: Vec<f64>) -> Vec<f64> {
        v.sort_by(f64::total_cmp);
        v
    }

    fn eigenvalues(d: &[f64], e: &[f64]) -> Vec<f64> {
        let (mut d, mut e) = (d.to_vec(), e.to_vec());
        symmetric_tridiagonal_eigenvalues(&mut d, &mut e).unwrap();
        sorted(d)
    }

    /// faer's dense self-adjoint eigenvalues of the same tridiagonal matrix.
    fn faer_eigenvalues(d: &[f64], e: &[f64]) -> Vec<f64> {
        let n = d.len();
        let t = faer::Mat::<f64>::from_fn(n, n, |i, j| {
            if i == j {
                d[i]
            } else if i == j + 1 {
                e[j]
            } else if j == i + 1 {
                e[i]
            } else {
                0.0
            }
        });
        sorted(t.self_adjoint_eigenvalues(faer::Side::Lower).unwrap())
    }

    fn assert_agree(got: &[f64], want: &[f64], tol: f64) {
        let norm = want.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() <= tol * norm, "{got:?}\nvs\n{want:?}");
        }
    }

    #[test]
    fn small_closed_forms() {
        assert_eq!(eigenvalues(&[], &[]), Vec::<f64>::new());
        assert_eq!(eigenvalues(&[3.0], &[]), vec![3.0]);
        // [[2, 1], [1, 2]]: 1 and 3.
        assert_agree(&eigenvalues(&[2.0, 2.0], &[1.0]), &[1.0, 3.0], 1e-15);
        // The second-difference matrix tridiag(-1, 2, -1) of size n: 2 - 2 cos(k π / (n + 1)).
        let n = 50;
        let want: Vec<f64> = (1..=n)
            .map(|k| 2.0 - 2.0 * (k as f64 * std::f64::consts::PI / (n as f64 + 1.0)).cos())
            .collect();
        assert_agree(
            &eigenvalues(&vec![2.0; n], &vec![-1.0; n - 1]),
            &want,
            1e-14,
        );
        // Zero, diagonal and constant-diagonal matrices.
        assert_eq!(eigenvalues(&[0.0; 4], &[0.0; 3]), vec![0.0; 4]);
        assert_eq!(
            eigenvalues(&[4.0, -1.0, 2.0], &[0.0, 0.0]),
            vec![-1.0, 2.0, 4.0]
        );
        assert_eq!(eigenvalues(&[5.0; 6], &[0.0; 5]), vec![5.0; 6]);
    }

    #[test]
    fn agrees_with_faer_on_random_and_graded_matrices() {
        for (seed, n) in [(1u64, 2usize), (2, 3), (3, 17), (4, 200), (5, 768)] {
            let d: Vec<f64> = random::uniform(seed, n).iter().map(|&x| x as f64).collect();
            let e: Vec<f64> = random::uniform(seed + 100, n - 1)
                .iter()
                .map(|&x| x as f64)
                .collect();
            assert_agree(&eigenvalues(&d, &e), &faer_eigenvalues(&d, &e), 1e-13);
            // Graded over 12 orders of magnitude, and scaled far from 1.
            let g: Vec<f64> = (0..n)
                .map(|i| 10f64.powf(-12.0 * i as f64 / n as f64))
                .collect();
            let dg: Vec<f64> = d.iter().zip(&g).map(|(x, s)| x.abs() * s * 1e200).collect();
            let eg: Vec<f64> = e.iter().zip(&g).map(|(x, s)| x * s * 1e199).collect();
            assert_agree(&eigenvalues(&dg, &eg), &faer_eigenvalues(&dg, &eg), 1e-13);
        }
    }

    #[test]
    fn tiny_and_split_blocks() {
        // Two blocks joined by a tiny coupling, and a denormal-sized block.
        let d = [1.0, 2.0, 3.0, 1e-310, 2e-310, 5.0];
        let e = [0.5, 1e-20, 0.0, 1e-310, 0.0];
        assert_agree(&eigenvalues(&d, &e), &faer_eigenvalues(&d, &e), 1e-14);
        let mut bad = [f64::NAN, 1.0];
        assert!(symmetric_tridiagonal_eigenvalues(&mut bad, &mut [1.0]).is_err());
    }
}
