//! PDEBench's 1D "random sine" initial condition (`init_multi`), written from its description
//! (data-sources.md §3.2):
//!
//! 1. pick 2 integer wavenumbers, with replacement, from {1, ..., k_tot}; the wavenumber used is
//!    k * 2 pi / L;
//! 2. amplitudes ~ U(0, 1), phases ~ U(0, 2 pi);
//! 3. u0 = sum A sin(k x + phi);
//! 4. with probability 0.1, u0 = |u0|;
//! 5. a random sign +-1;
//! 6. with probability p_win, multiply by the window 1/2 [tanh((x - xL)/0.01) - tanh((x - xR)/0.01)],
//!    xL ~ U(0.1, 0.45), xR ~ U(0.55, 0.9) (in absolute coordinates, whatever the domain: PDEBench
//!    does this on x in [-1, 1] too);
//! 7. optionally rescale to [0, 1] over the grid (done by the caller, see [`rescale01`]).
//!
//! One deliberate difference: PDEBench uses k * 2 pi / (x_last - x_first) with cell centres, a
//! period one cell shorter than the domain, which leaves a small kink at the periodic boundary.
//! Here the period is the domain length L, so the field is exactly periodic (the wavenumbers differ
//! by a factor 1 - 1/N, 0.1% at N = 1024). The draws, in order: k1, k2, A1, A2, phi1, phi2,
//! abs (uniform < 0.1), sign (uniform < 0.5 means -1), window (uniform < p_win), and xL, xR only
//! when the window applies.

use rand::Rng;
use std::f64::consts::PI;

/// Probability of taking |u0| (step 4).
const P_ABS: f64 = 0.1;
/// Transition width of the tanh window.
const WINDOW_WIDTH: f64 = 0.01;

/// One draw of the random sine field: an analytic function of x.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MultiSine {
    /// Angular wavenumbers k * 2 pi / L.
    pub k: [f64; 2],
    pub amp: [f64; 2],
    pub phase: [f64; 2],
    pub abs: bool,
    pub sign: f64,
    /// (xL, xR) when the window applies.
    pub window: Option<(f64, f64)>,
}

impl MultiSine {
    /// Draws a field on a periodic domain of length `length`.
    pub fn draw(rng: &mut impl Rng, k_tot: usize, p_win: f64, length: f64) -> Self {
        let kk = [rng.random_range(1..=k_tot), rng.random_range(1..=k_tot)];
        let amp = [rng.random::<f64>(), rng.random::<f64>()];
        let phase = [
            rng.random::<f64>() * 2.0 * PI,
            rng.random::<f64>() * 2.0 * PI,
        ];
        let abs = rng.random::<f64>() < P_ABS;
        let sign = if rng.random::<f64>() < 0.5 { -1.0 } else { 1.0 };
        let window = if rng.random::<f64>() < p_win {
            Some((rng.random_range(0.1..0.45), rng.random_range(0.55..0.9)))
        } else {
            None
        };
        let k = kk.map(|k| k as f64 * 2.0 * PI / length);
        Self {
            k,
            amp,
            phase,
            abs,
            sign,
            window,
        }
    }

    /// The field at x.
    pub fn eval(&self, x: f64) -> f64 {
        let mut u = 0.0;
        for m in 0..2 {
            u += self.amp[m] * (self.k[m] * x + self.phase[m]).sin();
        }
        if self.abs {
            u = u.abs();
        }
        u *= self.sign;
        if let Some((xl, xr)) = self.window {
            u *= window(x, xl, xr);
        }
        u
    }
}

/// 1/2 [tanh((x - xl)/0.01) - tanh((x - xr)/0.01)]: about 1 on (xl, xr), about 0 outside.
pub(crate) fn window(x: f64, xl: f64, xr: f64) -> f64 {
    0.5 * (((x - xl) / WINDOW_WIDTH).tanh() - ((x - xr) / WINDOW_WIDTH).tanh())
}

/// Rescales values to [0, 1] (min to 0, max to 1); a constant field becomes 0.
pub(crate) fn rescale01(u: &mut [f64]) {
    let (lo, hi) = u
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
            (a.min(x), b.max(x))
        });
    let span = hi - lo;
    for x in u.iter_mut() {
        *x = if span > 0.0 { (*x - lo) / span } else { 0.0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::{cell_centres, sample_rng};

    #[test]
    fn draws_follow_the_recipe() {
        let n = 400;
        let (mut windows, mut abs, mut neg) = (0, 0, 0);
        let mut ks = [0usize; 5];
        for i in 0..n {
            let mut rng = sample_rng("init-test", 0, i);
            let f = MultiSine::draw(&mut rng, 4, 0.5, 2.0);
            for k in f.k {
                let int = (k * 2.0 / (2.0 * PI)).round() as usize;
                assert!((1..=4).contains(&int));
                ks[int] += 1;
            }
            assert!(f.amp.iter().all(|a| (0.0..1.0).contains(a)));
            assert!(f.phase.iter().all(|p| (0.0..2.0 * PI).contains(p)));
            if let Some((l, r)) = f.window {
                assert!((0.1..0.45).contains(&l) && (0.55..0.9).contains(&r));
                windows += 1;
            }
            abs += f.abs as usize;
            neg += (f.sign < 0.0) as usize;
        }
        // Binomial(400, p): 0.5 -> 200 +- 10, 0.1 -> 40 +- 6.
        assert!((150..250).contains(&windows), "{windows}");
        assert!((15..70).contains(&abs), "{abs}");
        assert!((150..250).contains(&neg), "{neg}");
        assert!(ks[1..].iter().all(|&c| (150..250).contains(&c)), "{ks:?}");
    }

    #[test]
    fn field_is_periodic_and_windowed() {
        let mut rng = sample_rng("init-test", 3, 0);
        let mut f = MultiSine::draw(&mut rng, 4, 0.0, 1.0);
        f.window = None;
        for x in [0.0, 0.13, 0.77] {
            assert!((f.eval(x) - f.eval(x + 1.0)).abs() < 1e-12);
        }
        f.window = Some((0.3, 0.7));
        assert!(f.eval(0.05).abs() < 1e-12 && f.eval(0.95).abs() < 1e-12);
        let mut g = f.clone();
        g.window = None;
        assert!((f.eval(0.5) - g.eval(0.5)).abs() < 1e-12);
        let mut u: Vec<f64> = cell_centres(64, 0.0, 1.0)
            .iter()
            .map(|&x| g.eval(x))
            .collect();
        rescale01(&mut u);
        let (lo, hi) = u
            .iter()
            .fold((1.0f64, 0.0f64), |(a, b), &x| (a.min(x), b.max(x)));
        assert_eq!((lo, hi), (0.0, 1.0));
    }
}
