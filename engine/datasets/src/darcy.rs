//! 2D Darcy flow, PDEBench's `2D_DarcyFlow_beta{beta}` problem, solved directly as the steady
//! state it approximates:
//!
//! ```text
//! -div(a(x) grad u) = beta   on [0, 1]^2,   u = 0 half a cell outside the boundary
//! ```
//!
//! (PDEBench time-marches u_t = div(a grad u) + beta from u = 0 and stores t = 1.75; at steady
//! state u is linear in beta, so the files for different beta differ by scale plus a small transient
//! remnant.)
//!
//! **Coefficient** (data-sources §3.2): g(x) = sum_{i=1..5} exp(-|x - c_i|^2 / s_i), c_i ~ U([0,1]^2),
//! s_i = 0.5 U(0, 1) (drawn per Gaussian: c_x, c_y, then the uniform for s); a = 1 where
//! g > threshold, else 0.1, where the threshold is the mean of g over a whole **batch**.
//! PDEBench's batch is the 200 samples generated together (one file key). Here the batch of sample
//! i is the block of 200 consecutive indices containing it, `200 * (i / 200) .. 200 * (i / 200) + 200`,
//! and the threshold is the mean of g over those 200 samples' grids (all 200 are drawn even when
//! fewer samples are generated), so a sample still depends only on (seed, index, parameters) and
//! never on `num_samples` or the thread count.
//!
//! **Discretisation**: cell-centred finite volumes on an N x N grid (h = 1/N), 5-point stencil,
//! face coefficient = mean of the two cells' a; at the boundary the ghost cell has u = 0 and the
//! cell's own a (so the boundary face coefficient is a of the cell). The system
//! sum_faces a_f (u_c - u_nb) = beta h^2 is symmetric positive definite; it is solved by conjugate
//! gradients with a Jacobi preconditioner to a relative residual of 1e-10.
//!
//! **Layout for the autoregressive engine**: PDEBench's loader concatenates `nu` and `tensor` along
//! time; so does this crate: one channel, two frames, frame 0 = a (`nu`), frame 1 = u (`tensor`).
//! Train with initial_step = 1 and t_train = 2.

use rand::Rng;

pub(crate) const NAME: &str = "darcy-2d";
/// Bumped whenever generated numbers would change; part of the cache hash.
pub(crate) const GENERATOR_VERSION: u32 = 1;
/// One channel; frame 0 is `nu` (the coefficient a), frame 1 is `tensor` (the solution u).
pub(crate) const CHANNELS: [&str; 1] = ["u"];
/// PDEBench's batch size: samples sharing one threshold.
pub(crate) const BLOCK: usize = 200;
const A_HIGH: f64 = 1.0;
const A_LOW: f64 = 0.1;
const TOLERANCE: f64 = 1e-10;

/// The five Gaussians of one sample's g.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bumps {
    pub centre: [[f64; 2]; 5],
    pub width: [f64; 5],
}

impl Bumps {
    pub fn draw(rng: &mut impl Rng) -> Self {
        let mut centre = [[0.0; 2]; 5];
        let mut width = [0.0; 5];
        for i in 0..5 {
            centre[i] = [rng.random::<f64>(), rng.random::<f64>()];
            width[i] = 0.5 * rng.random::<f64>();
        }
        Self { centre, width }
    }

    /// g on the N x N cell centres, row-major (x major).
    pub fn field(&self, n: usize) -> Vec<f64> {
        let x = crate::common::cell_centres(n, 0.0, 1.0);
        let mut g = vec![0.0; n * n];
        for k in 0..5 {
            let [cx, cy] = self.centre[k];
            let s = self.width[k];
            if s <= 0.0 {
                continue; // a zero-width bump contributes nothing (measure zero draw)
            }
            let ey: Vec<f64> = x
                .iter()
                .map(|&y| (-(y - cy) * (y - cy) / s).exp())
                .collect();
            for (i, &xv) in x.iter().enumerate() {
                let ex = (-(xv - cx) * (xv - cx) / s).exp();
                for j in 0..n {
                    g[i * n + j] += ex * ey[j];
                }
            }
        }
        g
    }
}

/// The coefficient a from g and the batch threshold.
pub(crate) fn coefficient(g: &[f64], threshold: f64) -> Vec<f64> {
    g.iter()
        .map(|&v| if v > threshold { A_HIGH } else { A_LOW })
        .collect()
}

/// y = A x for the operator sum_faces a_f (x_c - x_nb) (times h^2), ghost x = 0, ghost a = a_c.
pub(crate) fn apply(n: usize, a: &[f64], x: &[f64], y: &mut [f64]) {
    for i in 0..n {
        for j in 0..n {
            let c = i * n + j;
            let (ac, xc) = (a[c], x[c]);
            let mut s = 0.0;
            let mut face = |nb: Option<usize>| match nb {
                Some(q) => s += 0.5 * (ac + a[q]) * (xc - x[q]),
                None => s += ac * xc,
            };
            face((i > 0).then(|| c - n));
            face((i + 1 < n).then(|| c + n));
            face((j > 0).then(|| c - 1));
            face((j + 1 < n).then(|| c + 1));
            y[c] = s;
        }
    }
}

/// The diagonal of the operator.
fn diagonal(n: usize, a: &[f64]) -> Vec<f64> {
    let mut d = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            let c = i * n + j;
            let ac = a[c];
            let f = |nb: Option<usize>| nb.map_or(ac, |q| 0.5 * (ac + a[q]));
            d[c] = f((i > 0).then(|| c - n))
                + f((i + 1 < n).then(|| c + n))
                + f((j > 0).then(|| c - 1))
                + f((j + 1 < n).then(|| c + 1));
        }
    }
    d
}

/// Solves -div(a grad u) = beta on the N x N grid (see the module docs). Returns (u, iterations);
/// Err(()) if CG did not converge within 20 N + 100 iterations (it converges in a few hundred for
/// N = 128 and a contrast of 10).
pub(crate) fn solve(n: usize, a: &[f64], beta: f64) -> Result<(Vec<f64>, usize), ()> {
    let m = n * n;
    let h2 = 1.0 / (n * n) as f64;
    let b = vec![beta * h2; m];
    let dinv: Vec<f64> = diagonal(n, a).iter().map(|d| 1.0 / d).collect();
    let mut x = vec![0.0; m];
    let mut r = b.clone();
    let mut z: Vec<f64> = r.iter().zip(&dinv).map(|(r, d)| r * d).collect();
    let mut p = z.clone();
    let mut ap = vec![0.0; m];
    let dot = |u: &[f64], v: &[f64]| u.iter().zip(v).map(|(a, b)| a * b).sum::<f64>();
    let b_norm = dot(&b, &b).sqrt();
    if b_norm == 0.0 {
        return Ok((x, 0));
    }
    let mut rz = dot(&r, &z);
    for it in 1..=20 * n + 100 {
        apply(n, a, &p, &mut ap);
        let alpha = rz / dot(&p, &ap);
        for k in 0..m {
            x[k] += alpha * p[k];
            r[k] -= alpha * ap[k];
        }
        if dot(&r, &r).sqrt() <= TOLERANCE * b_norm {
            return Ok((x, it));
        }
        for k in 0..m {
            z[k] = r[k] * dinv[k];
        }
        let rz_new = dot(&r, &z);
        let beta_cg = rz_new / rz;
        rz = rz_new;
        for k in 0..m {
            p[k] = z[k] + beta_cg * p[k];
        }
    }
    Err(())
}

/// The threshold of the block containing sample `index`: the mean of g over the block's 200
/// samples and their grids.
pub(crate) fn block_threshold(seed: u64, block: usize, n: usize) -> f64 {
    let mut sum = 0.0;
    for i in block * BLOCK..(block + 1) * BLOCK {
        let mut rng = crate::common::sample_rng(NAME, seed, i);
        sum += Bumps::draw(&mut rng).field(n).iter().sum::<f64>();
    }
    sum / (BLOCK * n * n) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::sample_rng;

    fn residual(n: usize, a: &[f64], u: &[f64], beta: f64) -> f64 {
        let mut au = vec![0.0; n * n];
        apply(n, a, u, &mut au);
        let h2 = 1.0 / (n * n) as f64;
        let r: f64 = au
            .iter()
            .map(|v| (v - beta * h2).powi(2))
            .sum::<f64>()
            .sqrt();
        r / (beta * h2 * n as f64)
    }

    #[test]
    fn discrete_residual_is_below_tolerance_on_real_samples() {
        let n = 48;
        let threshold = block_threshold(0, 0, n);
        for i in 0..3 {
            let mut rng = sample_rng(NAME, 0, i);
            let a = coefficient(&Bumps::draw(&mut rng).field(n), threshold);
            let (u, iters) = solve(n, &a, 1.0).unwrap();
            assert!(
                residual(n, &a, &u, 1.0) < 2e-10,
                "{}",
                residual(n, &a, &u, 1.0)
            );
            assert!(iters > 10 && iters < 20 * n, "{iters}");
            // Positive inside (maximum principle), small at the boundary, O(beta / 8) at most.
            assert!(u.iter().all(|&v| v > 0.0));
            let max = u.iter().cloned().fold(0.0, f64::max);
            assert!(max < 1.0 && max > 1e-3, "{max}");
        }
    }

    #[test]
    fn symmetric_coefficient_gives_symmetric_solution() {
        let n = 40;
        // a symmetric under x <-> y and under x -> 1 - x: a disc of high permeability cut by a
        // low-permeability diagonal cross. Built from the odd integers 2i + 1 - n so that the
        // symmetry is exact in floating point.
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                let (xi, yj) = ((2 * i + 1) as i64 - n as i64, (2 * j + 1) as i64 - n as i64);
                let disc = xi * xi + yj * yj < (n as i64 * n as i64) * 36 / 100;
                let cross = (xi.abs() - yj.abs()).abs() <= 2;
                a[i * n + j] = if disc && !cross { 1.0 } else { 0.1 };
            }
        }
        for i in 0..n {
            for j in 0..n {
                assert_eq!(a[i * n + j], a[j * n + i]);
                assert_eq!(a[i * n + j], a[(n - 1 - i) * n + j]);
            }
        }
        assert!(a.iter().filter(|&&v| v == 1.0).count() > n * n / 5);
        let (u, _) = solve(n, &a, 3.0).unwrap();
        let mut worst = 0.0f64;
        for i in 0..n {
            for j in 0..n {
                let v = u[i * n + j];
                worst = worst.max((v - u[j * n + i]).abs()); // transpose
                worst = worst.max((v - u[(n - 1 - i) * n + j]).abs()); // mirror in x
            }
        }
        let max = u.iter().cloned().fold(0.0, f64::max);
        assert!(worst < 1e-8 * max, "asymmetry {worst} of {max}");
    }

    /// Constant a = 1: -Laplace u = beta with u = 0 at distance h/2 outside a unit square of N cells
    /// is the Poisson problem on a square of side 1 + h; the centre value of its exact solution is
    /// 0.0736713 beta L^2 (series solution). Second-order convergence of the discrete centre value.
    #[test]
    fn constant_coefficient_matches_the_poisson_centre_value() {
        let exact_unit = 0.073_671_353_8; // u(centre) / (beta L^2) for the unit square
        let mut errs = Vec::new();
        for n in [16usize, 32] {
            let a = vec![1.0; n * n];
            let (u, _) = solve(n, &a, 1.0).unwrap();
            let l = 1.0 + 1.0 / n as f64;
            // Centre = average of the 4 middle cells (bilinear interpolation at the centre point).
            let h = n / 2;
            let c = 0.25
                * (u[(h - 1) * n + h - 1] + u[(h - 1) * n + h] + u[h * n + h - 1] + u[h * n + h]);
            errs.push((c - exact_unit * l * l).abs());
        }
        assert!(errs[1] < 2e-4, "{errs:?}");
        assert!(errs[0] / errs[1] > 3.0, "order: {errs:?}");
    }

    #[test]
    fn solution_is_linear_in_beta() {
        let n = 24;
        let mut rng = sample_rng(NAME, 3, 5);
        let g = Bumps::draw(&mut rng).field(n);
        let a = coefficient(&g, g.iter().sum::<f64>() / g.len() as f64);
        let (u1, _) = solve(n, &a, 1.0).unwrap();
        let (u10, _) = solve(n, &a, 10.0).unwrap();
        for (p, q) in u1.iter().zip(&u10) {
            assert!((10.0 * p - q).abs() < 1e-8 * q.abs().max(1e-3));
        }
    }

    #[test]
    fn block_threshold_is_shared_and_splits_the_batch() {
        let n = 16;
        let t0 = block_threshold(0, 0, n);
        assert_eq!(t0, block_threshold(0, 0, n));
        assert_ne!(t0, block_threshold(0, 1, n));
        // Over the block, a = 1 on a sizeable fraction of the cells (g is skewed: below half).
        let mut high = 0usize;
        for i in 0..BLOCK {
            let mut rng = sample_rng(NAME, 0, i);
            let a = coefficient(&Bumps::draw(&mut rng).field(n), t0);
            high += a.iter().filter(|&&v| v == 1.0).count();
        }
        let frac = high as f64 / (BLOCK * n * n) as f64;
        assert!(frac > 0.2 && frac < 0.8, "{frac}");
    }
}
