//! Ideal-gas building blocks of the compressible Navier-Stokes solvers (1D and 2D): the HLLC
//! approximate Riemann solver and the MUSCL slope limiter, written from the textbook equations
//! (Toro, "Riemann Solvers and Numerical Methods for Fluid Dynamics", ch. 10).

/// Ratio of specific heats (monatomic ideal gas), as PDEBench.
pub(crate) const GAMMA: f64 = 5.0 / 3.0;

/// A primitive state seen from a face: density, velocity normal to the face, velocity along it,
/// pressure. (In 1D the tangential velocity is 0.)
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Prim {
    pub rho: f64,
    pub un: f64,
    pub ut: f64,
    pub p: f64,
}

impl Prim {
    /// Total energy per volume E = p/(gamma - 1) + rho |v|^2 / 2.
    pub fn energy(&self) -> f64 {
        self.p / (GAMMA - 1.0) + 0.5 * self.rho * (self.un * self.un + self.ut * self.ut)
    }
    /// Sound speed sqrt(gamma p / rho).
    pub fn sound_speed(&self) -> f64 {
        (GAMMA * self.p / self.rho).sqrt()
    }
    /// The physical flux through the face: [mass, normal momentum, tangential momentum, energy].
    pub fn flux(&self) -> [f64; 4] {
        let m = self.rho * self.un;
        [
            m,
            m * self.un + self.p,
            m * self.ut,
            (self.energy() + self.p) * self.un,
        ]
    }
}

/// HLLC flux through a face with left state `l` and right state `r` (normal pointing from left to
/// right): [mass, normal momentum, tangential momentum, energy]. Wave speeds by Davis' estimate
/// S_L = min(u_L - c_L, u_R - c_R), S_R = max(u_L + c_L, u_R + c_R); the contact speed S* from
/// Toro (10.37) and the star states from (10.39).
#[inline]
pub(crate) fn hllc(l: Prim, r: Prim) -> [f64; 4] {
    hllc_with(l, r, WaveSpeeds::Davis)
}

/// The outer wave-speed estimates of an HLLC solver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WaveSpeeds {
    /// Davis: S_L = min(u_L - c_L, u_R - c_R), S_R = max(u_L + c_L, u_R + c_R).
    Davis,
    /// PDEBench's 2D CFD solver (from its published description): S_L = min(u_L, u_R) -
    /// max(c_L, c_R), S_R = max(u_L, u_R) + max(c_L, c_R); never narrower than Davis'.
    Pdebench,
}

/// HLLC flux with the chosen outer wave-speed estimates (see [`hllc`]).
#[inline]
pub(crate) fn hllc_with(l: Prim, r: Prim, speeds: WaveSpeeds) -> [f64; 4] {
    let (cl, cr) = (l.sound_speed(), r.sound_speed());
    let (sl, sr) = match speeds {
        WaveSpeeds::Davis => ((l.un - cl).min(r.un - cr), (l.un + cl).max(r.un + cr)),
        WaveSpeeds::Pdebench => {
            let c = cl.max(cr);
            (l.un.min(r.un) - c, l.un.max(r.un) + c)
        }
    };
    if sl >= 0.0 {
        return l.flux();
    }
    if sr <= 0.0 {
        return r.flux();
    }
    let ml = l.rho * (sl - l.un);
    let mr = r.rho * (sr - r.un);
    let s_star = (r.p - l.p + l.un * ml - r.un * mr) / (ml - mr);
    let (w, s) = if s_star >= 0.0 { (l, sl) } else { (r, sr) };
    let f = w.flux();
    let e = w.energy();
    let factor = w.rho * (s - w.un) / (s - s_star);
    let u_star = [
        factor,
        factor * s_star,
        factor * w.ut,
        factor * (e / w.rho + (s_star - w.un) * (s_star + w.p / (w.rho * (s - w.un)))),
    ];
    let u = [w.rho, w.rho * w.un, w.rho * w.ut, e];
    [
        f[0] + s * (u_star[0] - u[0]),
        f[1] + s * (u_star[1] - u[1]),
        f[2] + s * (u_star[2] - u[2]),
        f[3] + s * (u_star[3] - u[3]),
    ]
}

/// Monotonized-central limited slope (per cell, in units of the variable): when the one-sided
/// differences `dl` = q_i - q_{i-1} and `dr` = q_{i+1} - q_i have the same sign,
/// sign * min(2|dl|, 2|dr|, |dl + dr|/2), else 0. This is the limiter the data-sources recipe names
/// ("minmod(2 min(|dL|, |dR|), |central|), applied only when dL dR > 0"). Half the slope never
/// exceeds either neighbour difference, so face values stay between neighbouring cell values and
/// positive quantities stay positive.
#[inline]
pub(crate) fn mc_slope(dl: f64, dr: f64) -> f64 {
    if dl * dr > 0.0 {
        let m = (2.0 * dl.abs())
            .min(2.0 * dr.abs())
            .min(0.5 * (dl + dr).abs());
        m.copysign(dl)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prim(rho: f64, un: f64, ut: f64, p: f64) -> Prim {
        Prim { rho, un, ut, p }
    }

    #[test]
    fn consistent_with_the_physical_flux() {
        for s in [
            prim(1.0, 0.3, -0.2, 2.0),
            prim(0.2, -3.0, 1.0, 0.1),
            prim(5.0, 4.0, 0.0, 1.0),
        ] {
            let f = hllc(s, s);
            let g = s.flux();
            for k in 0..4 {
                assert!(
                    (f[k] - g[k]).abs() < 1e-12 * (1.0 + g[k].abs()),
                    "{s:?}: {f:?} vs {g:?}"
                );
            }
        }
    }

    #[test]
    fn resolves_an_isolated_contact_exactly() {
        // Same pressure and normal velocity, different density and tangential velocity: HLLC
        // (unlike HLL) gives the upwind flux of the contact.
        let l = prim(1.0, 0.5, 1.0, 1.0);
        let r = prim(0.125, 0.5, -2.0, 1.0);
        let f = hllc(l, r);
        let g = l.flux();
        for k in 0..4 {
            assert!((f[k] - g[k]).abs() < 1e-12, "{f:?} vs {g:?}");
        }
        // Stationary contact: no mass flux, momentum flux p.
        let f = hllc(prim(1.0, 0.0, 0.0, 1.0), prim(0.1, 0.0, 0.0, 1.0));
        assert!(f[0].abs() < 1e-14 && (f[1] - 1.0).abs() < 1e-14 && f[3].abs() < 1e-14);
    }

    #[test]
    fn mirror_symmetry() {
        // Swapping left and right and reversing the normal velocity reverses the odd fluxes.
        let l = prim(1.0, 0.2, 0.3, 1.0);
        let r = prim(0.5, -0.4, 0.1, 0.3);
        let f = hllc(l, r);
        let g = hllc(prim(r.rho, -r.un, r.ut, r.p), prim(l.rho, -l.un, l.ut, l.p));
        assert!((f[0] + g[0]).abs() < 1e-12);
        assert!((f[1] - g[1]).abs() < 1e-12);
        assert!((f[2] + g[2]).abs() < 1e-12);
        assert!((f[3] + g[3]).abs() < 1e-12);
    }

    #[test]
    fn limiter() {
        assert_eq!(mc_slope(1.0, -1.0), 0.0);
        assert_eq!(mc_slope(0.0, 1.0), 0.0);
        assert_eq!(mc_slope(1.0, 1.0), 1.0); // central
        assert_eq!(mc_slope(1.0, 10.0), 2.0); // 2 * min
        assert_eq!(mc_slope(-10.0, -1.0), -2.0);
        assert_eq!(mc_slope(1.0, 2.0), 1.5);
    }
}
