//! 2D diffusion-reaction (FitzHugh-Nagumo), PDEBench's `2D_diff-react` problem, written from the
//! equations:
//!
//! ```text
//! u_t = Du Δu + u - u^3 - k - v
//! v_t = Dv Δv + u - v              on [-1, 1]^2,  Du = 1e-3, Dv = 5e-3, k = 5e-3
//! ```
//!
//! Space: N x N cell-centred finite volumes, 5-point Laplacian, no-flux (Neumann) boundaries (the
//! flux through a boundary face is zero, so a boundary cell only exchanges with its interior
//! neighbours and the discrete integral of a purely diffusing field is conserved).
//!
//! Time: classical RK4, in f64, with a step re-chosen before every step from the current state:
//!
//! - stability: dt * rho <= 2, where rho bounds (Gershgorin) the spectral radius of the Jacobian
//!   of the whole right-hand side: row u: 8 Du/dx^2 + |1 - 3u^2| + 1, row v: 8 Dv/dx^2 + 2, with
//!   max |u| measured now. RK4's stability region contains the left half-disc of radius 2.5.
//! - accuracy of the reaction: dt * (max(|1 - 3u^2|) + 1) <= 0.25. The early transient from N(0, 1)
//!   noise (|u| up to about 4.5, stiff cubic damping) gets small steps, the later dynamics
//!   (|u| about 1) large ones. Measured against a fine reference on the reaction ODE: about 1e-6.
//! - dt <= 0.1, and every save interval is split into a whole number of equal steps, so the
//!   solver lands exactly on each save time.
//!
//! The stiffest diffusion modes (grid-scale noise) are then damped by RK4's R(z) with z up to -2
//! instead of exp(z): both are negligible after a few steps. (PDEBench used scipy's RK45 with
//! default tolerances, rtol 1e-3.)
//!
//! Initial condition: u0, v0 i.i.d. N(0, 1) per cell, drawn from ChaCha20 seeded with the data
//! seed and stream = sample index, so a sample depends on nothing but (seed, index, parameters):
//! not on the thread count, nor on how many samples are generated.

use crate::error::DataError;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use rand_distr::StandardNormal;

/// Dataset name.
pub(crate) const NAME: &str = "diffusion-reaction-2d";
/// Bumped whenever generated numbers would change; it is part of the cache hash.
pub(crate) const GENERATOR_VERSION: u32 = 1;
pub(crate) const CHANNELS: [&str; 2] = ["u", "v"];
pub(crate) const DU: f64 = 1e-3;
pub(crate) const DV: f64 = 5e-3;
pub(crate) const K: f64 = 5e-3;
/// Domain [X_MIN, X_MAX]^2.
pub(crate) const X_MIN: f64 = -1.0;
pub(crate) const X_MAX: f64 = 1.0;
/// dt * rho <= STABILITY, rho bounding the Jacobian's spectral radius (see module docs).
const STABILITY: f64 = 2.0;
/// dt * rho_reaction <= ACCURACY, rho_reaction bounding the reaction Jacobian alone.
const ACCURACY: f64 = 0.25;
/// Upper bound on dt for accuracy of the slow dynamics on coarse grids.
const DT_MAX: f64 = 0.1;

/// The model and its discretisation on an n x n grid.
#[derive(Debug, Clone)]
pub(crate) struct Fhn {
    pub n: usize,
    pub du: f64,
    pub dv: f64,
    pub k: f64,
    /// false: pure diffusion (tests only).
    pub reaction: bool,
    /// Multiplies the chosen dt (1 in generation; smaller in convergence tests).
    pub dt_scale: f64,
    inv_dx2: f64,
}

impl Fhn {
    pub fn new(n: usize, du: f64, dv: f64, k: f64, reaction: bool) -> Self {
        let dx = (X_MAX - X_MIN) / n as f64;
        Self {
            n,
            du,
            dv,
            k,
            reaction,
            dt_scale: 1.0,
            inv_dx2: 1.0 / (dx * dx),
        }
    }

    /// The PDEBench problem on an n x n grid.
    pub fn pdebench(n: usize) -> Self {
        Self::new(n, DU, DV, K, true)
    }

    /// Stable (and accurate) step for the current state: see the module docs.
    fn stable_dt(&self, u: &[f64]) -> f64 {
        let lap = if self.n > 1 { 8.0 * self.inv_dx2 } else { 0.0 };
        let react = if self.reaction {
            let umax2 = u.iter().fold(0.0f64, |m, &x| m.max(x * x));
            (3.0 * umax2 - 1.0).max(1.0) + 1.0
        } else {
            0.0
        };
        // Gershgorin rows: u: 8 Du/dx^2 + |1 - 3u^2| + 1; v: 8 Dv/dx^2 + 2.
        let rho = if self.reaction {
            (self.du * lap + react).max(self.dv * lap + 2.0)
        } else {
            self.du.max(self.dv) * lap
        };
        let mut dt = DT_MAX;
        if rho > 0.0 {
            dt = dt.min(STABILITY / rho);
        }
        if react > 0.0 {
            dt = dt.min(ACCURACY / react);
        }
        dt * self.dt_scale
    }

    /// out = d * Δf (Neumann, 5-point), row-major n x n.
    fn laplacian(&self, d: f64, f: &[f64], out: &mut [f64]) {
        let n = self.n;
        let s = d * self.inv_dx2;
        if n == 1 {
            out[0] = 0.0;
            return;
        }
        for i in 0..n {
            let up = &f[i.saturating_sub(1) * n..][..n];
            let cur = &f[i * n..][..n];
            let down = &f[(i + 1).min(n - 1) * n..][..n];
            let o = &mut out[i * n..][..n];
            // A missing neighbour (boundary face) is replaced by the cell itself: zero flux.
            o[0] = s * (up[0] + down[0] + cur[0] + cur[1] - 4.0 * cur[0]);
            for j in 1..n - 1 {
                o[j] = s * (up[j] + down[j] + cur[j - 1] + cur[j + 1] - 4.0 * cur[j]);
            }
            o[n - 1] = s * (up[n - 1] + down[n - 1] + cur[n - 2] + cur[n - 1] - 4.0 * cur[n - 1]);
        }
    }

    /// (fu, fv) = right-hand side at (u, v).
    fn rhs(&self, u: &[f64], v: &[f64], fu: &mut [f64], fv: &mut [f64]) {
        self.laplacian(self.du, u, fu);
        self.laplacian(self.dv, v, fv);
        if self.reaction {
            let k = self.k;
            for (((fu, fv), &u), &v) in fu.iter_mut().zip(fv.iter_mut()).zip(u).zip(v) {
                *fu += u - u * u * u - k - v;
                *fv += u - v;
            }
        }
    }

    /// Integrates from `times[0]` through every time in `times` (increasing), calling
    /// `emit(frame, u, v)` at each, frame 0 being the initial state. Errors (`Err(())`) if the
    /// state becomes non-finite.
    pub fn simulate(
        &self,
        mut u: Vec<f64>,
        mut v: Vec<f64>,
        times: &[f64],
        mut emit: impl FnMut(usize, &[f64], &[f64]),
    ) -> Result<(), ()> {
        let m = self.n * self.n;
        assert_eq!(u.len(), m);
        assert_eq!(v.len(), m);
        let mut ws = Workspace::new(m);
        emit(0, &u, &v);
        for f in 1..times.len() {
            let mut remaining = times[f] - times[f - 1];
            while remaining > 0.0 {
                let steps = (remaining / self.stable_dt(&u)).ceil().max(1.0);
                // The last step of the interval is exactly what is left, so no drift accumulates.
                let dt = if steps <= 1.0 {
                    remaining
                } else {
                    remaining / steps
                };
                self.rk4_step(&mut u, &mut v, dt, &mut ws);
                remaining = if steps <= 1.0 { 0.0 } else { remaining - dt };
            }
            if !u.iter().chain(v.iter()).all(|x| x.is_finite()) {
                return Err(());
            }
            emit(f, &u, &v);
        }
        Ok(())
    }

    fn rk4_step(&self, u: &mut [f64], v: &mut [f64], dt: f64, ws: &mut Workspace) {
        let Workspace {
            ku,
            kv,
            au,
            av,
            tu,
            tv,
        } = ws;
        // k1
        self.rhs(u, v, ku, kv);
        au.copy_from_slice(ku);
        av.copy_from_slice(kv);
        for (stage_dt, weight) in [(0.5 * dt, 2.0), (0.5 * dt, 2.0), (dt, 1.0)] {
            for i in 0..u.len() {
                tu[i] = u[i] + stage_dt * ku[i];
                tv[i] = v[i] + stage_dt * kv[i];
            }
            self.rhs(tu, tv, ku, kv);
            for i in 0..u.len() {
                au[i] += weight * ku[i];
                av[i] += weight * kv[i];
            }
        }
        let h = dt / 6.0;
        for i in 0..u.len() {
            u[i] += h * au[i];
            v[i] += h * av[i];
        }
    }
}

struct Workspace {
    ku: Vec<f64>,
    kv: Vec<f64>,
    au: Vec<f64>,
    av: Vec<f64>,
    tu: Vec<f64>,
    tv: Vec<f64>,
}

impl Workspace {
    fn new(m: usize) -> Self {
        let z = vec![0.0; m];
        Self {
            ku: z.clone(),
            kv: z.clone(),
            au: z.clone(),
            av: z.clone(),
            tu: z.clone(),
            tv: z,
        }
    }
}

/// Save times t_k = t_end * k / (num_frames - 1) (the generator uses `common::save_times`, the
/// same formula).
#[cfg(test)]
pub(crate) fn save_times(t_end: f64, num_frames: usize) -> Vec<f64> {
    (0..num_frames)
        .map(|k| t_end * k as f64 / (num_frames - 1) as f64)
        .collect()
}

/// Cell-centre coordinates along one axis (the generator uses `common::cell_centres`).
#[cfg(test)]
pub(crate) fn cell_centres(n: usize) -> Vec<f64> {
    let dx = (X_MAX - X_MIN) / n as f64;
    (0..n).map(|i| X_MIN + (i as f64 + 0.5) * dx).collect()
}

/// Initial condition of sample `index`: (u0, v0), each n*n i.i.d. N(0, 1), row-major (x, y).
pub(crate) fn initial_condition(seed: u64, index: usize, n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    rng.set_stream(index as u64);
    let u: Vec<f64> = (0..n * n).map(|_| rng.sample(StandardNormal)).collect();
    let v: Vec<f64> = (0..n * n).map(|_| rng.sample(StandardNormal)).collect();
    (u, v)
}

/// Simulates sample `index` into `out`, laid out [X, Y, T, C] (C = 2: u, v).
pub(crate) fn generate_sample(
    seed: u64,
    index: usize,
    n: usize,
    times: &[f64],
    out: &mut [f32],
) -> Result<(), DataError> {
    let nt = times.len();
    debug_assert_eq!(out.len(), n * n * nt * 2);
    let (u0, v0) = initial_condition(seed, index, n);
    Fhn::pdebench(n)
        .simulate(u0, v0, times, |f, u, v| {
            for cell in 0..n * n {
                let o = (cell * nt + f) * 2;
                out[o] = u[cell] as f32;
                out[o + 1] = v[cell] as f32;
            }
        })
        .map_err(|()| DataError::SolverDiverged {
            dataset: NAME,
            sample: index,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(model: &Fhn, u0: Vec<f64>, v0: Vec<f64>, times: &[f64]) -> Vec<(Vec<f64>, Vec<f64>)> {
        let mut frames = Vec::new();
        model
            .simulate(u0, v0, times, |_, u, v| {
                frames.push((u.to_vec(), v.to_vec()))
            })
            .unwrap();
        frames
    }

    fn noise(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
        initial_condition(seed, 0, n)
    }

    #[test]
    fn no_diffusion_no_reaction_keeps_the_field() {
        let n = 8;
        let model = Fhn::new(n, 0.0, 0.0, 0.0, false);
        let (u0, v0) = noise(n, 3);
        let frames = run(&model, u0.clone(), v0.clone(), &save_times(5.0, 11));
        for (u, v) in &frames {
            assert_eq!(u, &u0);
            assert_eq!(v, &v0);
        }
    }

    #[test]
    fn pure_diffusion_conserves_the_mean() {
        let n = 16;
        // Large D so the field changes a lot (and many steps are taken).
        let model = Fhn::new(n, 0.05, 0.2, 0.0, false);
        let (u0, v0) = noise(n, 5);
        let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
        let (mu, mv) = (mean(&u0), mean(&v0));
        let var0: f64 = u0.iter().map(|x| (x - mu).powi(2)).sum();
        let frames = run(&model, u0, v0, &save_times(2.0, 5));
        for (u, v) in &frames {
            assert!(
                (mean(u) - mu).abs() < 1e-13,
                "mean u drifted: {} vs {}",
                mean(u),
                mu
            );
            assert!((mean(v) - mv).abs() < 1e-13);
        }
        // ... and it does diffuse: the variance of u decays.
        let (u_end, _) = frames.last().unwrap();
        let var_end: f64 = u_end.iter().map(|x| (x - mu).powi(2)).sum();
        assert!(var_end < 0.1 * var0, "variance {var_end} vs {var0}");
    }

    /// A discrete Neumann eigenmode cos(pi p (i + 1/2) / n) cos(pi q (j + 1/2) / n) decays as
    /// exp(-D lambda t) with lambda = (2 - 2 cos(pi p / n) + 2 - 2 cos(pi q / n)) / dx^2.
    /// This checks the Laplacian, the boundary treatment and the time integration together.
    #[test]
    fn neumann_eigenmode_decays_at_the_discrete_rate() {
        let n = 12;
        let (p, q) = (3.0, 1.0);
        let d = 0.02;
        let model = Fhn::new(n, d, d, 0.0, false);
        let dx = 2.0 / n as f64;
        let mode: Vec<f64> = (0..n * n)
            .map(|c| {
                let (i, j) = ((c / n) as f64, (c % n) as f64);
                (std::f64::consts::PI * p * (i + 0.5) / n as f64).cos()
                    * (std::f64::consts::PI * q * (j + 0.5) / n as f64).cos()
            })
            .collect();
        let pi = std::f64::consts::PI;
        let lambda =
            (4.0 - 2.0 * (pi * p / n as f64).cos() - 2.0 * (pi * q / n as f64).cos()) / (dx * dx);
        let times = save_times(3.0, 4);
        let frames = run(&model, mode.clone(), mode.clone(), &times);
        for ((u, _), &t) in frames.iter().zip(&times) {
            let factor = (-d * lambda * t).exp();
            for (a, b) in u.iter().zip(&mode) {
                assert!(
                    (a - factor * b).abs() < 1e-6,
                    "t={t}: {a} vs {}",
                    factor * b
                );
            }
        }
        // A wrong boundary (e.g. periodic or Dirichlet) would not keep this a pure mode.
        assert!((frames.last().unwrap().0[0] / mode[0] - (-d * lambda * 3.0).exp()).abs() < 1e-6);
    }

    /// The grid-scale checkerboard mode has the most negative eigenvalue (about -8 D/dx^2); the
    /// chosen dt puts it near z = -2, inside RK4's stability region. It must decay every frame.
    #[test]
    fn stiffest_mode_is_stable() {
        let n = 32;
        let model = Fhn::new(n, 0.05, 0.05, 0.0, false);
        let mode: Vec<f64> = (0..n * n)
            .map(|c| if (c / n + c % n) % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let frames = run(&model, mode.clone(), mode, &save_times(5.0, 3));
        let amp = |u: &[f64]| u.iter().map(|x| x * x).sum::<f64>().sqrt(); // L2: monotone if stable
        for w in frames.windows(2) {
            assert!(
                amp(&w[1].0) < amp(&w[0].0),
                "{} -> {}",
                amp(&w[0].0),
                amp(&w[1].0)
            );
        }
        assert!(amp(&frames.last().unwrap().0) < 1e-3 * n as f64);
    }

    /// A spatially uniform state has no diffusion, so (u, v) follows the reaction ODE. Compared with
    /// an independent fine-step midpoint-free reference (RK4 on the scalar system, dt = 1e-4).
    #[test]
    fn uniform_state_follows_the_reaction_ode() {
        let n = 4;
        let model = Fhn::pdebench(n);
        let (u_init, v_init) = (2.5, -0.7);
        let times = save_times(5.0, 11);
        let frames = run(&model, vec![u_init; n * n], vec![v_init; n * n], &times);

        let f = |u: f64, v: f64| (u - u * u * u - K - v, u - v);
        let (mut u, mut v) = (u_init, v_init);
        let h = 1e-4;
        let mut t = 0.0;
        for (frame, &ts) in frames.iter().zip(&times) {
            while t < ts - 1e-12 {
                let (a1, b1) = f(u, v);
                let (a2, b2) = f(u + 0.5 * h * a1, v + 0.5 * h * b1);
                let (a3, b3) = f(u + 0.5 * h * a2, v + 0.5 * h * b2);
                let (a4, b4) = f(u + h * a3, v + h * b3);
                u += h / 6.0 * (a1 + 2.0 * a2 + 2.0 * a3 + a4);
                v += h / 6.0 * (b1 + 2.0 * b2 + 2.0 * b3 + b4);
                t += h;
            }
            for c in 0..n * n {
                assert!(
                    (frame.0[c] - u).abs() < 1e-5,
                    "t={ts}: u {} vs {u}",
                    frame.0[c]
                );
                assert!(
                    (frame.1[c] - v).abs() < 1e-5,
                    "t={ts}: v {} vs {v}",
                    frame.1[c]
                );
            }
        }
        // The reaction did something (the state moved far from its start).
        assert!((u - u_init).abs() > 0.5);
    }

    /// On a real sample (noise initial condition, full model), refining dt by 8 changes the saved
    /// frames by far less than the f32 storage precision matters for training.
    #[test]
    fn time_step_is_converged_on_a_pdebench_sample() {
        let n = 24;
        let times = save_times(5.0, 21);
        let (u0, v0) = initial_condition(0, 3, n);
        let coarse = run(&Fhn::pdebench(n), u0.clone(), v0.clone(), &times);
        let mut fine_model = Fhn::pdebench(n);
        fine_model.dt_scale = 0.125;
        let fine = run(&fine_model, u0, v0, &times);
        let mut worst = 0f64;
        for ((cu, cv), (fu, fv)) in coarse.iter().zip(&fine) {
            for (a, b) in cu.iter().chain(cv).zip(fu.iter().chain(fv)) {
                worst = worst.max((a - b).abs());
            }
        }
        assert!(worst < 3e-5, "max |coarse - fine| = {worst}");
        assert!(worst > 0.0);
    }

    #[test]
    fn pdebench_samples_stay_bounded_and_settle() {
        let n = 16;
        let times = save_times(5.0, 101);
        let mut out = vec![0f32; n * n * times.len() * 2];
        generate_sample(0, 7, n, &times, &mut out).unwrap();
        assert!(out.iter().all(|x| x.is_finite()));
        // FitzHugh-Nagumo with these parameters: noise of std 1 collapses quickly towards
        // |u| of order 1.
        let last_max = (0..n * n)
            .map(|c| out[(c * times.len() + 100) * 2].abs())
            .fold(0f32, f32::max);
        assert!(last_max < 1.5, "max |u| at t_end = {last_max}");
        // Frame 0 is the N(0,1) initial condition.
        let (u0, _) = initial_condition(0, 7, n);
        assert_eq!(out[0], u0[0] as f32);
        assert_eq!(out[2 * times.len()], u0[1] as f32);
    }

    #[test]
    fn cell_centres_are_symmetric() {
        let c = cell_centres(4);
        assert_eq!(c, vec![-0.75, -0.25, 0.25, 0.75]);
    }
}
