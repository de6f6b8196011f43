//! 1D compressible Navier-Stokes, PDEBench's `1D_CFD_Rand_Eta{eta}_Zeta{zeta}_periodic` problem,
//! written from the equations:
//!
//! ```text
//! rho_t + (rho v)_x                 = 0
//! (rho v)_t + (rho v^2 + p - tau)_x = 0
//! E_t + ((E + p) v - tau v)_x       = 0,    E = p/(gamma - 1) + rho v^2 / 2,  gamma = 5/3
//! tau = (4/3 eta + zeta) rho v_x        (dynamic viscosities eta rho and zeta rho)
//! ```
//!
//! on the periodic interval [-1, 1]; PDEBench's momentum flux (eta + zeta + eta/3) rho_bar v_x.
//!
//! **Numerics**: as [`crate::cfd2d`] in one dimension: cell-centred finite volumes, MUSCL on
//! (rho, v, p) with the monotonized-central limiter, HLLC, viscous flux at the faces from the
//! two-point velocity difference and the face-averaged density (unsplit, in the same right-hand
//! side; PDEBench splits it off as a separate explicit step), SSP-RK2 in time with
//! dt = min(CFL dx / max(|v| + c), VISC_SAFETY dx^2 / (nu max_i S_i)), CFL = 0.3,
//! nu = 4/3 eta + zeta, S_i = sum over the two faces of rho_face / rho_i (2 for uniform density),
//! clipped to land on every save time.
//!
//! **Initial condition** (data-sources §3.2): rho, p and v are three independent
//! [`MultiSine`] draws (k_tot = 3, window probability 0.5, window edges xL ~ U(0.1, 0.45),
//! xR ~ U(0.55, 0.9) in absolute coordinates although x is in [-1, 1], as PDEBench), drawn in the
//! order rho, p, v. rho is rescaled to [0, 1] over the grid, then rho = rho * m + b with m, b
//! log-uniform on [1, 10] (drawn m then b, after the three fields); p likewise with m, b
//! log-uniform on [10, 100]; v is not rescaled.

use crate::gas::{hllc, mc_slope, Prim, GAMMA};
use crate::init::{rescale01, MultiSine};
use rand::Rng;

pub(crate) const NAME: &str = "cfd-1d";
/// Bumped whenever generated numbers would change; part of the cache hash.
pub(crate) const GENERATOR_VERSION: u32 = 1;
pub(crate) const CHANNELS: [&str; 3] = ["density", "pressure", "Vx"];
pub(crate) const X_MIN: f64 = -1.0;
pub(crate) const X_MAX: f64 = 1.0;
pub(crate) const CFL: f64 = 0.3;
pub(crate) const VISC_SAFETY: f64 = 0.5;
const K_TOT: usize = 3;
const P_WINDOW: f64 = 0.5;

/// Conserved variables, each N long.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct State {
    pub rho: Vec<f64>,
    pub m: Vec<f64>,
    pub e: Vec<f64>,
}

impl State {
    pub fn from_primitive(rho: &[f64], v: &[f64], p: &[f64]) -> Self {
        State {
            rho: rho.to_vec(),
            m: rho.iter().zip(v).map(|(r, v)| r * v).collect(),
            e: rho
                .iter()
                .zip(v)
                .zip(p)
                .map(|((r, v), p)| p / (GAMMA - 1.0) + 0.5 * r * v * v)
                .collect(),
        }
    }

    /// (rho, v, p) of cell c.
    #[inline]
    pub fn primitive(&self, c: usize) -> (f64, f64, f64) {
        let rho = self.rho[c];
        let v = self.m[c] / rho;
        (rho, v, (GAMMA - 1.0) * (self.e[c] - 0.5 * rho * v * v))
    }
}

/// The solver on N periodic cells of [-1, 1].
#[derive(Debug, Clone)]
pub(crate) struct Cfd1d {
    pub n: usize,
    pub eta: f64,
    pub zeta: f64,
    pub cfl: f64,
    pub visc_safety: f64,
    dx: f64,
}

struct Work {
    /// Padded primitives rho, v, p (2 ghost cells each side).
    w: [Vec<f64>; 3],
    du: [Vec<f64>; 3],
    stage: State,
}

impl Cfd1d {
    pub fn new(n: usize, eta: f64, zeta: f64) -> Self {
        Self {
            n,
            eta,
            zeta,
            cfl: CFL,
            visc_safety: VISC_SAFETY,
            dx: (X_MAX - X_MIN) / n as f64,
        }
    }

    fn work(&self) -> Work {
        let n = self.n;
        Work {
            w: std::array::from_fn(|_| vec![0.0; n + 4]),
            du: std::array::from_fn(|_| vec![0.0; n]),
            stage: State {
                rho: vec![0.0; n],
                m: vec![0.0; n],
                e: vec![0.0; n],
            },
        }
    }

    pub fn stable_dt(&self, u: &State) -> f64 {
        let n = self.n;
        let nu = 4.0 / 3.0 * self.eta + self.zeta;
        let (mut a_max, mut s_max) = (0.0f64, 0.0f64);
        for c in 0..n {
            let (rho, v, p) = u.primitive(c);
            a_max = a_max.max(v.abs() + (GAMMA * p / rho).sqrt());
            if nu > 0.0 {
                let (l, r) = (u.rho[(c + n - 1) % n], u.rho[(c + 1) % n]);
                s_max = s_max.max((0.5 * (l + rho) + 0.5 * (r + rho)) / rho);
            }
        }
        let mut dt = self.cfl * self.dx / a_max;
        if nu > 0.0 {
            dt = dt.min(self.visc_safety * self.dx * self.dx / (nu * s_max));
        }
        dt
    }

    fn rhs(&self, u: &State, work: &mut Work) {
        let n = self.n;
        let inv_dx = 1.0 / self.dx;
        let w = &mut work.w;
        for c in 0..n {
            let (rho, v, p) = u.primitive(c);
            w[0][c + 2] = rho;
            w[1][c + 2] = v;
            w[2][c + 2] = p;
        }
        for a in w.iter_mut() {
            a[0] = a[n];
            a[1] = a[n + 1];
            a[n + 2] = a[2];
            a[n + 3] = a[3];
        }
        let w = &work.w;
        let du = &mut work.du;
        for d in du.iter_mut() {
            d.fill(0.0);
        }
        let nu = 4.0 / 3.0 * self.eta + self.zeta;
        let recon = |v: usize, q: usize| -> (f64, f64) {
            let a = &w[v];
            let s = 0.5 * mc_slope(a[q] - a[q - 1], a[q + 1] - a[q]);
            (a[q] - s, a[q] + s)
        };
        // Left state at face 0 (between cells -1 and 0): the plus side of padded cell 1.
        let mut l = [recon(0, 1).1, recon(1, 1).1, recon(2, 1).1];
        for r in 0..=n {
            let q = r + 2;
            let (r0, r1, r2) = (recon(0, q), recon(1, q), recon(2, q));
            let f = hllc(
                Prim {
                    rho: l[0],
                    un: l[1],
                    ut: 0.0,
                    p: l[2],
                },
                Prim {
                    rho: r0.0,
                    un: r1.0,
                    ut: 0.0,
                    p: r2.0,
                },
            );
            l = [r0.1, r1.1, r2.1];
            let mut flux = [f[0], f[1], f[3]];
            if nu != 0.0 {
                let rho_f = 0.5 * (w[0][q - 1] + w[0][q]);
                let tau = nu * rho_f * (w[1][q] - w[1][q - 1]) * inv_dx;
                flux[1] -= tau;
                flux[2] -= 0.5 * (w[1][q - 1] + w[1][q]) * tau;
            }
            if r > 0 {
                for k in 0..3 {
                    du[k][r - 1] -= flux[k] * inv_dx;
                }
            }
            if r < n {
                for k in 0..3 {
                    du[k][r] += flux[k] * inv_dx;
                }
            }
        }
    }

    fn step(&self, u: &mut State, dt: f64, work: &mut Work) -> Result<(), ()> {
        self.rhs(u, work);
        let n = self.n;
        for c in 0..n {
            work.stage.rho[c] = u.rho[c] + dt * work.du[0][c];
            work.stage.m[c] = u.m[c] + dt * work.du[1][c];
            work.stage.e[c] = u.e[c] + dt * work.du[2][c];
        }
        let stage = std::mem::replace(
            &mut work.stage,
            State {
                rho: Vec::new(),
                m: Vec::new(),
                e: Vec::new(),
            },
        );
        self.rhs(&stage, work);
        for c in 0..n {
            u.rho[c] = 0.5 * (u.rho[c] + stage.rho[c] + dt * work.du[0][c]);
            u.m[c] = 0.5 * (u.m[c] + stage.m[c] + dt * work.du[1][c]);
            u.e[c] = 0.5 * (u.e[c] + stage.e[c] + dt * work.du[2][c]);
        }
        work.stage = stage;
        for c in 0..n {
            let (rho, v, p) = u.primitive(c);
            if !(rho > 0.0 && p > 0.0 && rho.is_finite() && p.is_finite() && v.is_finite()) {
                return Err(());
            }
        }
        Ok(())
    }

    /// As [`crate::cfd2d::Cfd2d::simulate`].
    pub fn simulate(
        &self,
        mut u: State,
        times: &[f64],
        mut save: impl FnMut(usize, &State),
    ) -> Result<usize, ()> {
        let mut work = self.work();
        crate::common::march(
            times,
            &mut u,
            |s| crate::common::admissible_dt(self.stable_dt(s)),
            |s, dt| self.step(s, dt, &mut work),
            |k, s| save(k, s),
        )
    }
}

/// log-uniform on [lo, hi].
fn log_uniform(rng: &mut impl Rng, lo: f64, hi: f64) -> f64 {
    (lo.ln() + rng.random::<f64>() * (hi.ln() - lo.ln())).exp()
}

/// The random initial condition of one sample: (rho, v, p) on N cells.
pub(crate) fn initial_condition(rng: &mut impl Rng, n: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let x = crate::common::cell_centres(n, X_MIN, X_MAX);
    let length = X_MAX - X_MIN;
    let fr = MultiSine::draw(rng, K_TOT, P_WINDOW, length);
    let fp = MultiSine::draw(rng, K_TOT, P_WINDOW, length);
    let fv = MultiSine::draw(rng, K_TOT, P_WINDOW, length);
    let mut rho: Vec<f64> = x.iter().map(|&x| fr.eval(x)).collect();
    let mut p: Vec<f64> = x.iter().map(|&x| fp.eval(x)).collect();
    let v: Vec<f64> = x.iter().map(|&x| fv.eval(x)).collect();
    rescale01(&mut rho);
    rescale01(&mut p);
    let (m_rho, b_rho) = (log_uniform(rng, 1.0, 10.0), log_uniform(rng, 1.0, 10.0));
    let (m_p, b_p) = (log_uniform(rng, 10.0, 100.0), log_uniform(rng, 10.0, 100.0));
    for r in rho.iter_mut() {
        *r = *r * m_rho + b_rho;
    }
    for q in p.iter_mut() {
        *q = *q * m_p + b_p;
    }
    (rho, v, p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::{cell_centres, sample_rng, save_times};
    use std::f64::consts::PI;

    fn run(solver: &Cfd1d, u: State, times: &[f64]) -> Vec<State> {
        let mut frames = Vec::new();
        solver
            .simulate(u, times, |_, s| frames.push(s.clone()))
            .expect("admissible");
        frames
    }

    #[test]
    fn uniform_state_stays_uniform() {
        let n = 16;
        let s = State::from_primitive(&vec![2.0; n], &vec![-0.3; n], &vec![5.0; n]);
        for f in run(&Cfd1d::new(n, 0.1, 0.1), s.clone(), &save_times(0.5, 3)) {
            for c in 0..n {
                assert!((f.rho[c] - s.rho[c]).abs() < 1e-13);
                assert!((f.m[c] - s.m[c]).abs() < 1e-13);
                assert!((f.e[c] - s.e[c]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn conserves_mass_momentum_energy_and_stays_positive_on_random_samples() {
        let n = 256;
        for i in 0..3 {
            let mut rng = sample_rng(NAME, 0, i);
            let (rho, v, p) = initial_condition(&mut rng, n);
            let s = State::from_primitive(&rho, &v, &p);
            let sum = |x: &[f64]| x.iter().sum::<f64>();
            let (m0, p0, e0) = (sum(&s.rho), sum(&s.m), sum(&s.e));
            let frames = run(&Cfd1d::new(n, 0.01, 0.01), s, &save_times(0.3, 4));
            for f in &frames {
                assert!((sum(&f.rho) - m0).abs() < 1e-12 * m0);
                assert!((sum(&f.m) - p0).abs() < 1e-12 * e0);
                assert!((sum(&f.e) - e0).abs() < 1e-12 * e0);
                for c in 0..n {
                    let (r, _, pr) = f.primitive(c);
                    assert!(r > 0.0 && pr > 0.0);
                }
            }
        }
    }

    /// Sod's shock tube on the periodic domain (two mirror-image tubes; the waves do not reach
    /// each other by t = 0.2 on [-1, 1] with the discontinuities at -0.5 and 0.5). Compared with
    /// the exact Riemann solution for gamma = 5/3 (p* = 0.29395, u* = 0.84119) between the contact
    /// and the shock, and with the shock position from the Rankine-Hugoniot mass balance. Checks
    /// HLLC, MUSCL and the time stepping together.
    #[test]
    fn sod_shock_tube_star_state() {
        let n = 800;
        let x = cell_centres(n, X_MIN, X_MAX);
        let (rho, p): (Vec<f64>, Vec<f64>) = x
            .iter()
            .map(|&x| {
                if x.abs() < 0.5 {
                    (1.0, 1.0)
                } else {
                    (0.125, 0.1)
                }
            })
            .unzip();
        let s = State::from_primitive(&rho, &vec![0.0; n], &p);
        let frames = run(&Cfd1d::new(n, 0.0, 0.0), s, &[0.0, 0.2]);
        let f = &frames[1];
        // Exact star region for gamma = 5/3 (computed by Newton iteration on the pressure function).
        let (p_star, u_star) = exact_sod_star(1.0, 1.0, 0.125, 0.1);
        // Around x = 0.5 + 0.2 * (u_star / 2) (between contact and shock for the right-going tube).
        let probe = 0.5 + 0.2 * 0.5 * u_star;
        let c = x.iter().position(|&xc| xc >= probe).unwrap();
        let (_, v, pr) = f.primitive(c);
        assert!((pr - p_star).abs() < 0.002 * p_star, "p {pr} vs {p_star}");
        assert!((v - u_star).abs() < 0.002 * u_star, "v {v} vs {u_star}");
        // Mirror image: velocity reversed at -probe.
        let cm = n - 1 - c;
        let (_, vm, pm) = f.primitive(cm);
        assert!((vm + v).abs() < 1e-9 && (pm - pr).abs() < 1e-9);
        // Shock position: rho jumps from the post-shock to 0.125 at x = 0.5 + S t.
        let rho_post = 0.125 * ((GAMMA + 1.0) * p_star + (GAMMA - 1.0) * 0.1)
            / ((GAMMA - 1.0) * p_star + (GAMMA + 1.0) * 0.1);
        let shock_speed = (0.125 * u_star) / (rho_post - 0.125) + u_star; // mass balance
        let x_shock = 0.5 + shock_speed * 0.2;
        let found = x
            .iter()
            .zip(&f.rho)
            .filter(|(&xc, _)| xc > 0.5)
            .find(|(_, &r)| r < 0.5 * (rho_post + 0.125))
            .map(|(&xc, _)| xc)
            .unwrap();
        assert!(
            (found - x_shock).abs() < 3.0 * (X_MAX - X_MIN) / n as f64,
            "shock at {found} vs {x_shock}"
        );
    }

    /// Exact (p*, u*) of a Riemann problem with zero velocities (Toro ch. 4), by Newton.
    fn exact_sod_star(rl: f64, pl: f64, rr: f64, pr: f64) -> (f64, f64) {
        let g = GAMMA;
        let f = |p: f64, r: f64, pk: f64| -> (f64, f64) {
            let c = (g * pk / r).sqrt();
            if p > pk {
                let a = 2.0 / ((g + 1.0) * r);
                let b = (g - 1.0) / (g + 1.0) * pk;
                let s = (a / (p + b)).sqrt();
                ((p - pk) * s, s * (1.0 - 0.5 * (p - pk) / (p + b)))
            } else {
                let e = (g - 1.0) / (2.0 * g);
                (
                    2.0 * c / (g - 1.0) * ((p / pk).powf(e) - 1.0),
                    (p / pk).powf(-(g + 1.0) / (2.0 * g)) / (r * c),
                )
            }
        };
        let mut p = 0.5 * (pl + pr);
        for _ in 0..50 {
            let (fl, dl) = f(p, rl, pl);
            let (fr, dr) = f(p, rr, pr);
            p -= (fl + fr) / (dl + dr);
        }
        let (fl, _) = f(p, rl, pl);
        let (fr, _) = f(p, rr, pr);
        (p, 0.5 * (fr - fl))
    }

    #[test]
    fn initial_condition_ranges() {
        let n = 128;
        for i in 0..50 {
            let mut rng = sample_rng(NAME, 1, i);
            let (rho, v, p) = initial_condition(&mut rng, n);
            let min = |x: &[f64]| x.iter().cloned().fold(f64::INFINITY, f64::min);
            let max = |x: &[f64]| x.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            // rho in [b, b + m] with b, m in [1, 10], attaining both ends.
            assert!(min(&rho) >= 1.0 - 1e-12 && max(&rho) <= 20.0 + 1e-12);
            assert!(min(&p) >= 10.0 - 1e-12 && max(&p) <= 200.0 + 1e-12);
            assert!(max(&v).abs().max(min(&v).abs()) <= 2.0);
        }
    }

    /// Viscous damping of a small sound wave at the rate (4/3 eta + zeta) k^2 / 2, measured as the
    /// ratio of viscous to inviscid runs.
    #[test]
    fn sound_wave_damps_at_the_acoustic_rate() {
        let n = 200;
        let x = cell_centres(n, X_MIN, X_MAX);
        let k = PI; // one wavelength on [-1, 1]
        let eps = 1e-5;
        let wave = || {
            let s: Vec<f64> = x.iter().map(|&x| (k * x).sin()).collect();
            let rho: Vec<f64> = s.iter().map(|s| 1.0 + eps * s).collect();
            let v: Vec<f64> = s.iter().map(|s| eps * s).collect();
            let p: Vec<f64> = s.iter().map(|s| 0.6 * (1.0 + GAMMA * eps * s)).collect();
            State::from_primitive(&rho, &v, &p)
        };
        let amp = |u: &State| {
            let (mut a, mut b) = (0.0, 0.0);
            for (c, &xc) in x.iter().enumerate() {
                a += (u.rho[c] - 1.0) * (k * xc).sin();
                b += (u.rho[c] - 1.0) * (k * xc).cos();
            }
            a.hypot(b)
        };
        let (eta, zeta, t) = (0.03, 0.05, 1.0);
        let visc = run(&Cfd1d::new(n, eta, zeta), wave(), &[0.0, t]);
        let inv = run(&Cfd1d::new(n, 0.0, 0.0), wave(), &[0.0, t]);
        let ratio = amp(&visc[1]) / amp(&inv[1]);
        let want = (-0.5 * (4.0 / 3.0 * eta + zeta) * k * k * t).exp();
        assert!((ratio - want).abs() < 0.005 * want, "{ratio} vs {want}");
    }
}
