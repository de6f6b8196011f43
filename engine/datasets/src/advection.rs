//! 1D linear advection, PDEBench's `1D_Advection_Sols_beta{beta}` problem:
//!
//! ```text
//! u_t + beta u_x = 0     on the periodic interval [0, 1]
//! ```
//!
//! The solution is written down exactly, u(x, t) = u0((x - beta t) mod 1), evaluated at the cell
//! centres (PDEBench solves it with a finite-volume scheme and so adds numerical diffusion; the
//! exact solution is the faithful one). u0 is a [`MultiSine`] with k_tot = 4 and window probability
//! 0.1 (data-sources §3.2), periodic with period 1, and evaluated in [0, 1) after the wrap so the
//! window sits where it was drawn.

use crate::init::MultiSine;
use rand::Rng;

pub(crate) const NAME: &str = "advection-1d";
/// Bumped whenever generated numbers would change; part of the cache hash.
pub(crate) const GENERATOR_VERSION: u32 = 1;
pub(crate) const CHANNELS: [&str; 1] = ["u"];
pub(crate) const K_TOT: usize = 4;
pub(crate) const P_WINDOW: f64 = 0.1;

/// u(x, t) for the initial field f and speed beta on the unit periodic interval.
pub(crate) fn exact(f: &MultiSine, beta: f64, x: f64, t: f64) -> f64 {
    f.eval((x - beta * t).rem_euclid(1.0))
}

/// Draws the initial field of one sample.
pub(crate) fn initial_field(rng: &mut impl Rng) -> MultiSine {
    MultiSine::draw(rng, K_TOT, P_WINDOW, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::{cell_centres, sample_rng, save_times};

    /// When beta t is a whole number of cells, the exact solution is the initial grid shifted by
    /// that many cells (to the right for beta > 0, wrapping around): checks direction and wrap.
    #[test]
    fn whole_cell_shifts_move_the_grid_values() {
        let n = 100;
        let x = cell_centres(n, 0.0, 1.0);
        for i in 0..20 {
            let mut rng = sample_rng(NAME, 0, i);
            let mut f = initial_field(&mut rng);
            if i % 2 == 0 {
                f.window = Some((0.2, 0.6)); // make sure windows cross the boundary too
            }
            let beta: f64 = if i % 3 == 0 { -0.5 } else { 0.5 };
            // 0.02 per frame = 1 cell at |beta| = 0.5.
            for (k, &t) in save_times(2.0, 101).iter().enumerate() {
                let shift = (k as i64 * beta.signum() as i64).rem_euclid(n as i64) as usize;
                for c in 0..n {
                    let got = exact(&f, beta, x[c], t);
                    let want = f.eval(x[(c + n - shift) % n]);
                    assert!(
                        (got - want).abs() < 1e-9,
                        "sample {i} t {t} cell {c}: {got} vs {want}"
                    );
                }
            }
        }
    }

    /// After one period 1/|beta| the field is back where it started.
    #[test]
    fn one_period_returns_the_initial_field() {
        let mut rng = sample_rng(NAME, 1, 0);
        let f = initial_field(&mut rng);
        for beta in [0.1, 0.4, 4.0] {
            for &x in &cell_centres(64, 0.0, 1.0) {
                assert!((exact(&f, beta, x, 1.0 / beta) - f.eval(x)).abs() < 1e-9);
            }
        }
    }

    /// The exact solution solves the PDE: u_t + beta u_x = 0 by central differences at smooth points.
    #[test]
    fn satisfies_the_equation() {
        let mut rng = sample_rng(NAME, 2, 3);
        let mut f = initial_field(&mut rng);
        f.window = None;
        f.abs = false;
        let (beta, h) = (0.4, 1e-5);
        for &x in &[0.1, 0.37, 0.81] {
            for &t in &[0.0, 0.7, 1.9] {
                let ut = (exact(&f, beta, x, t + h) - exact(&f, beta, x, t - h)) / (2.0 * h);
                let ux = (exact(&f, beta, x + h, t) - exact(&f, beta, x - h, t)) / (2.0 * h);
                assert!((ut + beta * ux).abs() < 1e-6, "{}", ut + beta * ux);
            }
        }
    }
}
