//! 1D viscous Burgers, PDEBench's `1D_Burgers_Sols_Nu{nu}` problem, written from the equation:
//!
//! ```text
//! u_t + (u^2 / 2)_x = (nu / pi) u_xx     on the periodic interval [0, 1]
//! ```
//!
//! **Numerics**: Strang splitting per step dt: a half step of diffusion, a full step of
//! advection, a half step of diffusion.
//! - Advection: cell-centred finite volumes, MUSCL with the monotonized-central limiter, Rusanov
//!   (local Lax-Friedrichs) flux F = (f(uL) + f(uR))/2 - max(|uL|, |uR|) (uR - uL)/2 (PDEBench: "an
//!   upwind, Rusanov-like flux"), SSP-RK2.
//! - Diffusion: exact in time for the discrete 3-point Laplacian, applied in Fourier space: mode m
//!   is multiplied by exp(-D tau (2 - 2 cos(2 pi m / N)) / dx^2), D = nu / pi. This is
//!   unconditionally stable and exact for any nu, so a large viscosity (nu = 4, where an explicit
//!   step would need dt of about 1e-7) costs nothing extra; the mean (mode 0) is conserved exactly.
//! - dt = CFL dx / max|u| with CFL = 0.25 (PDEBench's), at most the save interval, clipped to land
//!   exactly on every save time. (PDEBench: dt = CFL min(dx / max|u|, dx^2 / (2 D)).)
//!
//! **Initial condition**: [`MultiSine`] with k_tot = 4 and window probability 0.1 (data-sources
//! §3.2), not rescaled.

use crate::gas::mc_slope;
use crate::init::MultiSine;
use rand::Rng;
use rustfft::num_complex::Complex64;
use rustfft::{Fft, FftPlanner};
use std::sync::Arc;

pub(crate) const NAME: &str = "burgers-1d";
/// Bumped whenever generated numbers would change; part of the cache hash.
pub(crate) const GENERATOR_VERSION: u32 = 1;
pub(crate) const CHANNELS: [&str; 1] = ["u"];
pub(crate) const CFL: f64 = 0.25;
pub(crate) const K_TOT: usize = 4;
pub(crate) const P_WINDOW: f64 = 0.1;

/// The solver on N periodic cells of [0, 1] with viscosity nu (the equation's coefficient is nu/pi).
pub(crate) struct Burgers {
    pub n: usize,
    pub nu: f64,
    pub cfl: f64,
    dx: f64,
    forward: Arc<dyn Fft<f64>>,
    inverse: Arc<dyn Fft<f64>>,
    /// (2 - 2 cos(2 pi m / N)) / dx^2 per mode m.
    lambda: Vec<f64>,
}

struct Work {
    padded: Vec<f64>,
    du: Vec<f64>,
    stage: Vec<f64>,
    spectrum: Vec<Complex64>,
    scratch: Vec<Complex64>,
}

impl Burgers {
    pub fn new(n: usize, nu: f64) -> Self {
        let mut planner = FftPlanner::new();
        let dx = 1.0 / n as f64;
        let lambda = (0..n)
            .map(|m| {
                (2.0 - 2.0 * (2.0 * std::f64::consts::PI * m as f64 / n as f64).cos()) / (dx * dx)
            })
            .collect();
        Self {
            n,
            nu,
            cfl: CFL,
            dx,
            forward: planner.plan_fft_forward(n),
            inverse: planner.plan_fft_inverse(n),
            lambda,
        }
    }

    fn work(&self) -> Work {
        let n = self.n;
        let scratch_len = self
            .forward
            .get_inplace_scratch_len()
            .max(self.inverse.get_inplace_scratch_len());
        Work {
            padded: vec![0.0; n + 4],
            du: vec![0.0; n],
            stage: vec![0.0; n],
            spectrum: vec![Complex64::new(0.0, 0.0); n],
            scratch: vec![Complex64::new(0.0, 0.0); scratch_len],
        }
    }

    /// Exact diffusion over time tau of the semi-discrete heat equation.
    fn diffuse(&self, u: &mut [f64], tau: f64, work: &mut Work) {
        let d = self.nu / std::f64::consts::PI;
        if d == 0.0 || tau == 0.0 {
            return;
        }
        for (s, &v) in work.spectrum.iter_mut().zip(u.iter()) {
            *s = Complex64::new(v, 0.0);
        }
        self.forward
            .process_with_scratch(&mut work.spectrum, &mut work.scratch);
        let scale = 1.0 / self.n as f64;
        for (s, &l) in work.spectrum.iter_mut().zip(&self.lambda) {
            *s *= (-d * tau * l).exp() * scale;
        }
        self.inverse
            .process_with_scratch(&mut work.spectrum, &mut work.scratch);
        for (v, s) in u.iter_mut().zip(&work.spectrum) {
            *v = s.re;
        }
    }

    /// du = -(F_{i+1/2} - F_{i-1/2}) / dx for the inviscid flux.
    fn advection_rhs(&self, u: &[f64], padded: &mut [f64], du: &mut [f64]) {
        let n = self.n;
        padded[2..n + 2].copy_from_slice(u);
        // n >= 2 (validated): ghosts wrap around.
        padded[0] = u[n - 2];
        padded[1] = u[n - 1];
        padded[n + 2] = u[0];
        padded[n + 3] = u[1];
        let inv_dx = 1.0 / self.dx;
        let recon = |q: usize| {
            let s = 0.5 * mc_slope(padded[q] - padded[q - 1], padded[q + 1] - padded[q]);
            (padded[q] - s, padded[q] + s)
        };
        du.fill(0.0);
        let mut left = recon(1).1;
        for r in 0..=n {
            let (rm, rp) = recon(r + 2);
            let (ul, ur) = (left, rm);
            let a = ul.abs().max(ur.abs());
            let f = 0.25 * (ul * ul + ur * ur) - 0.5 * a * (ur - ul);
            left = rp;
            if r > 0 {
                du[r - 1] -= f * inv_dx;
            }
            if r < n {
                du[r] += f * inv_dx;
            }
        }
    }

    fn advect(&self, u: &mut [f64], dt: f64, work: &mut Work) {
        let n = self.n;
        self.advection_rhs(u, &mut work.padded, &mut work.du);
        for c in 0..n {
            work.stage[c] = u[c] + dt * work.du[c];
        }
        let stage = std::mem::take(&mut work.stage);
        self.advection_rhs(&stage, &mut work.padded, &mut work.du);
        for c in 0..n {
            u[c] = 0.5 * (u[c] + stage[c] + dt * work.du[c]);
        }
        work.stage = stage;
    }

    /// Advances u through `times`, calling `save(k, u)` at every save time (k = 0 first).
    /// Err(()) on a non-finite value.
    pub fn simulate(
        &self,
        mut u: Vec<f64>,
        times: &[f64],
        mut save: impl FnMut(usize, &[f64]),
    ) -> Result<usize, ()> {
        let mut work = self.work();
        let dt_cap = times
            .windows(2)
            .map(|w| w[1] - w[0])
            .fold(f64::INFINITY, f64::min);
        crate::common::march(
            times,
            &mut u,
            |u| {
                let umax = u.iter().fold(0.0f64, |m, v| m.max(v.abs()));
                let dt = if umax > 0.0 {
                    self.cfl * self.dx / umax
                } else {
                    dt_cap
                };
                Ok(dt.min(dt_cap))
            },
            |u, dt| {
                self.diffuse(u, 0.5 * dt, &mut work);
                self.advect(u, dt, &mut work);
                self.diffuse(u, 0.5 * dt, &mut work);
                if u.iter().all(|v| v.is_finite()) {
                    Ok(())
                } else {
                    Err(())
                }
            },
            |k, u| save(k, u),
        )
    }
}

/// The random initial condition of one sample on N cells of [0, 1].
pub(crate) fn initial_condition(rng: &mut impl Rng, n: usize) -> Vec<f64> {
    let f = MultiSine::draw(rng, K_TOT, P_WINDOW, 1.0);
    crate::common::cell_centres(n, 0.0, 1.0)
        .iter()
        .map(|&x| f.eval(x))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::{cell_centres, sample_rng, save_times};
    use std::f64::consts::PI;

    fn final_state(n: usize, nu: f64, u0: Vec<f64>, t: f64) -> Vec<f64> {
        let mut last = Vec::new();
        Burgers::new(n, nu)
            .simulate(u0, &[0.0, t], |_, u| last = u.to_vec())
            .unwrap();
        last
    }

    /// Cell averages of a fine solution on the coarse grid.
    fn restrict(fine: &[f64], n: usize) -> Vec<f64> {
        let r = fine.len() / n;
        fine.chunks(r)
            .map(|c| c.iter().sum::<f64>() / r as f64)
            .collect()
    }

    /// A PDEBench-style sample (random sines) with nu = 0.1 at t = 0.5, on 64 and 128 cells against
    /// the cell averages of a 2048-cell reference: small errors that shrink at second order.
    #[test]
    fn converges_to_a_fine_grid_reference() {
        let draw = |n: usize| {
            let mut rng = sample_rng(NAME, 0, 2);
            let f = MultiSine::draw(&mut rng, K_TOT, 0.0, 1.0);
            // Cell averages of u0 (by a fine midpoint rule) so the grids start from the same data.
            let sub = 2048 / n;
            (0..n)
                .map(|i| {
                    (0..sub)
                        .map(|s| f.eval((i * sub + s) as f64 / 2048.0 + 0.5 / 2048.0))
                        .sum::<f64>()
                        / sub as f64
                })
                .collect::<Vec<f64>>()
        };
        let (nu, t) = (0.1, 0.5);
        let reference = final_state(2048, nu, draw(2048), t);
        let mut errs = Vec::new();
        for n in [64usize, 128] {
            let u = final_state(n, nu, draw(n), t);
            let r = restrict(&reference, n);
            let err =
                (u.iter().zip(&r).map(|(a, b)| (a - b).powi(2)).sum::<f64>() / n as f64).sqrt();
            errs.push(err);
        }
        let scale = (reference.iter().map(|v| v * v).sum::<f64>() / 2048.0).sqrt();
        assert!(errs[1] < 2e-3 * scale, "{errs:?} (scale {scale})");
        assert!(
            errs[0] / errs[1] > 2.5,
            "convergence ratio {}: {errs:?}",
            errs[0] / errs[1]
        );
    }

    /// Large viscosity (nu = 4): a small sine decays as the discrete heat equation predicts, in a
    /// handful of steps.
    #[test]
    fn large_viscosity_is_exact_and_cheap() {
        let n = 256;
        let eps = 1e-6;
        let x = cell_centres(n, 0.0, 1.0);
        let u0: Vec<f64> = x.iter().map(|&x| eps * (2.0 * PI * x).sin()).collect();
        let times = save_times(0.05, 6);
        let mut frames = Vec::new();
        let steps = Burgers::new(n, 4.0)
            .simulate(u0.clone(), &times, |_, u| frames.push(u.to_vec()))
            .unwrap();
        let dx = 1.0 / n as f64;
        let lambda = (2.0 - 2.0 * (2.0 * PI * dx).cos()) / (dx * dx);
        for (f, &t) in frames.iter().zip(&times) {
            let decay = (-4.0 / PI * lambda * t).exp();
            for c in 0..n {
                assert!((f[c] - decay * u0[c]).abs() < 1e-6 * eps, "t {t}");
            }
        }
        assert!(steps <= 10, "{steps} steps");
    }

    /// Inviscid limit: the mean is conserved, the total variation does not grow, and a shock from
    /// u0 = sin(2 pi x) sits at x = 0.5 (by symmetry) after the breaking time 1/(2 pi).
    #[test]
    fn shock_forms_in_the_right_place_and_total_variation_falls() {
        let n = 200;
        let x = cell_centres(n, 0.0, 1.0);
        let u0: Vec<f64> = x.iter().map(|&x| (2.0 * PI * x).sin()).collect();
        let tv = |u: &[f64]| {
            (0..u.len())
                .map(|i| (u[(i + 1) % u.len()] - u[i]).abs())
                .sum::<f64>()
        };
        let mut frames = Vec::new();
        Burgers::new(n, 0.0)
            .simulate(u0.clone(), &save_times(0.5, 11), |_, u| {
                frames.push(u.to_vec())
            })
            .unwrap();
        for w in frames.windows(2) {
            assert!(tv(&w[1]) <= tv(&w[0]) + 1e-12);
            assert!(w[1].iter().sum::<f64>().abs() < 1e-10);
        }
        let last = frames.last().unwrap();
        // Steepest descent between cells 99 and 100 (x = 0.5).
        let (imax, _) = (0..n - 1)
            .map(|i| (i, last[i] - last[i + 1]))
            .fold((0, f64::MIN), |a, b| if b.1 > a.1 { b } else { a });
        assert_eq!(imax, n / 2 - 1);
        assert!(last[n / 2 - 2] > 0.5 && last[n / 2 + 1] < -0.5);
    }

    #[test]
    fn pdebench_sample_is_finite_and_conserves_the_mean() {
        let n = 256;
        let mut rng = sample_rng(NAME, 1, 0);
        let u0 = initial_condition(&mut rng, n);
        let mean0 = u0.iter().sum::<f64>();
        let mut frames = Vec::new();
        Burgers::new(n, 0.001)
            .simulate(u0, &save_times(2.0, 201), |_, u| frames.push(u.to_vec()))
            .unwrap();
        assert_eq!(frames.len(), 201);
        for f in &frames {
            assert!((f.iter().sum::<f64>() - mean0).abs() < 1e-10 * n as f64);
        }
    }
}
