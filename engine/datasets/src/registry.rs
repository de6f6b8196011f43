//! The built-in datasets by name: dimensions, channels, domain, PDEBench-style defaults and the
//! generator of each.

use crate::cache::GenParams;
use crate::common::{cell_centres, sample_rng, save_times};
use crate::error::DataError;
use crate::{advection, burgers, cfd1d, cfd2d, darcy, diffusion_reaction as dr};
use std::collections::BTreeMap;

/// A built-in dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatasetKind {
    /// `diffusion-reaction-2d`: PDEBench's 2D FitzHugh-Nagumo problem, channels [u, v].
    DiffusionReaction2d,
    /// `cfd-2d`: 2D compressible Navier-Stokes (the paper's main experiment), channels
    /// [density, pressure, Vx, Vy].
    Cfd2d,
    /// `cfd-1d`: 1D compressible Navier-Stokes, channels [density, pressure, Vx].
    Cfd1d,
    /// `darcy-2d`: steady Darcy flow; one channel, frame 0 = the coefficient `nu`, frame 1 = the
    /// solution `tensor`.
    Darcy2d,
    /// `burgers-1d`: viscous Burgers, channel `u`.
    Burgers1d,
    /// `advection-1d`: linear advection, channel `u`.
    Advection1d,
}

/// Names of the built-in datasets, as `data.dataset` accepts them.
pub const KNOWN_DATASETS: &[&str] = &[
    "diffusion-reaction-2d",
    "cfd-2d",
    "cfd-1d",
    "darcy-2d",
    "burgers-1d",
    "advection-1d",
];

impl DatasetKind {
    /// Every dataset, in [`KNOWN_DATASETS`] order.
    pub const ALL: [DatasetKind; 6] = [
        DatasetKind::DiffusionReaction2d,
        DatasetKind::Cfd2d,
        DatasetKind::Cfd1d,
        DatasetKind::Darcy2d,
        DatasetKind::Burgers1d,
        DatasetKind::Advection1d,
    ];

    /// The `data.dataset` name.
    pub fn name(self) -> &'static str {
        match self {
            DatasetKind::DiffusionReaction2d => dr::NAME,
            DatasetKind::Cfd2d => cfd2d::NAME,
            DatasetKind::Cfd1d => cfd1d::NAME,
            DatasetKind::Darcy2d => darcy::NAME,
            DatasetKind::Burgers1d => burgers::NAME,
            DatasetKind::Advection1d => advection::NAME,
        }
    }

    /// The dataset called `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Number of spatial dimensions (1 or 2).
    pub fn spatial_dims(self) -> usize {
        match self {
            DatasetKind::DiffusionReaction2d | DatasetKind::Cfd2d | DatasetKind::Darcy2d => 2,
            DatasetKind::Cfd1d | DatasetKind::Burgers1d | DatasetKind::Advection1d => 1,
        }
    }

    /// Channel names, in channel order.
    pub fn channels(self) -> &'static [&'static str] {
        match self {
            DatasetKind::DiffusionReaction2d => &dr::CHANNELS,
            DatasetKind::Cfd2d => &cfd2d::CHANNELS,
            DatasetKind::Cfd1d => &cfd1d::CHANNELS,
            DatasetKind::Darcy2d => &darcy::CHANNELS,
            DatasetKind::Burgers1d => &burgers::CHANNELS,
            DatasetKind::Advection1d => &advection::CHANNELS,
        }
    }

    /// The domain [lo, hi] of every spatial axis.
    pub fn domain(self) -> [f64; 2] {
        match self {
            DatasetKind::DiffusionReaction2d => [dr::X_MIN, dr::X_MAX],
            DatasetKind::Cfd1d => [cfd1d::X_MIN, cfd1d::X_MAX],
            _ => [0.0, 1.0],
        }
    }

    /// True for a single-step task stored as two frames (input, output): Darcy.
    pub fn is_steady(self) -> bool {
        self == DatasetKind::Darcy2d
    }

    /// The physics keys of `[data]` this dataset reads, with their defaults (PDEBench's values).
    pub fn physics_defaults(self) -> &'static [(&'static str, f64)] {
        match self {
            DatasetKind::DiffusionReaction2d => &[],
            DatasetKind::Cfd2d => &[("mach", 0.1), ("eta", 0.01), ("zeta", 0.01)],
            DatasetKind::Cfd1d => &[("eta", 0.01), ("zeta", 0.01)],
            DatasetKind::Darcy2d => &[("beta", 1.0)],
            DatasetKind::Burgers1d => &[("nu", 0.001)],
            DatasetKind::Advection1d => &[("beta", 0.1)],
        }
    }

    /// Default sizes: (num_samples, resolution, num_frames, t_end, reduced_resolution,
    /// reduced_resolution_t). See the crate docs for the reasoning per dataset.
    pub(crate) fn default_sizes(self) -> (usize, usize, usize, f64, usize, usize) {
        match self {
            DatasetKind::DiffusionReaction2d => (110, 32, 101, 5.0, 1, 5),
            DatasetKind::Cfd2d => (110, 64, 21, 1.0, 1, 1),
            DatasetKind::Cfd1d => (110, 1024, 101, 1.0, 8, 5),
            DatasetKind::Darcy2d => (110, 128, 2, 1.0, 2, 1),
            DatasetKind::Burgers1d => (110, 1024, 201, 2.0, 4, 5),
            DatasetKind::Advection1d => (110, 1024, 201, 2.0, 4, 5),
        }
    }

    pub(crate) fn generator_version(self) -> u32 {
        match self {
            DatasetKind::DiffusionReaction2d => dr::GENERATOR_VERSION,
            DatasetKind::Cfd2d => cfd2d::GENERATOR_VERSION,
            DatasetKind::Cfd1d => cfd1d::GENERATOR_VERSION,
            DatasetKind::Darcy2d => darcy::GENERATOR_VERSION,
            DatasetKind::Burgers1d => burgers::GENERATOR_VERSION,
            DatasetKind::Advection1d => advection::GENERATOR_VERSION,
        }
    }

    /// A description of the initial condition, recorded in the cache (and its hash).
    pub(crate) fn initial_condition(self) -> &'static str {
        match self {
            DatasetKind::DiffusionReaction2d => {
                "u0, v0 iid N(0,1) per cell; ChaCha20 seed_from_u64(seed), stream = sample index"
            }
            DatasetKind::Cfd2d => "PDEBench 2D_CFD_Rand: d0, T0 ~ U(0.1,10), dD, dP ~ U(0.01,0.2), sum |k|^-1/2 sin(k.x+phi) over {-4..4}^2 (ij != 0), mean|v| = M c_s, tanh window p=0.5; ChaCha20 keyed by (seed, dataset), stream = sample index",
            DatasetKind::Cfd1d => "PDEBench 1D_CFD_Rand: init_multi k_tot=3 window p=0.5 for rho, p, v; rho -> [0,1]*m+b, m,b logU[1,10]; p -> [0,1]*m+b, m,b logU[10,100]; ChaCha20 keyed by (seed, dataset), stream = sample index",
            DatasetKind::Darcy2d => "PDEBench DarcyFlow: g = sum of 5 Gaussians exp(-|x-c|^2/s), c ~ U[0,1]^2, s = 0.5 U(0,1); a = 1 where g > mean of g over the 200-sample block, else 0.1; ChaCha20 keyed by (seed, dataset), stream = sample index",
            DatasetKind::Burgers1d => "PDEBench init_multi k_tot=4 window p=0.1; ChaCha20 keyed by (seed, dataset), stream = sample index",
            DatasetKind::Advection1d => "PDEBench init_multi k_tot=4 window p=0.1, exact solution u0(x - beta t); ChaCha20 keyed by (seed, dataset), stream = sample index",
        }
    }
}

/// Generation parameters of `kind` with the given sizes and physics (already validated).
pub(crate) fn gen_params(
    kind: DatasetKind,
    seed: u64,
    num_samples: usize,
    resolution: usize,
    num_frames: usize,
    t_end: f64,
    physics: BTreeMap<String, f64>,
) -> GenParams {
    let physics = if kind == DatasetKind::DiffusionReaction2d {
        BTreeMap::from([
            ("du".into(), dr::DU),
            ("dv".into(), dr::DV),
            ("k".into(), dr::K),
        ])
    } else {
        physics
    };
    GenParams {
        dataset: kind.name().to_string(),
        generator_version: kind.generator_version(),
        seed,
        num_samples,
        resolution,
        num_frames,
        t_end,
        physics,
        domain: kind.domain(),
        initial_condition: kind.initial_condition().to_string(),
        channels: kind.channels().iter().map(|s| s.to_string()).collect(),
    }
}

/// A dataset's generator, ready to simulate samples (in parallel: it is `Sync`).
pub(crate) struct Generator {
    kind: DatasetKind,
    seed: u64,
    n: usize,
    times: Vec<f64>,
    sim: Sim,
}

enum Sim {
    DiffusionReaction,
    Cfd2d { solver: cfd2d::Cfd2d, mach: f64 },
    Cfd1d(cfd1d::Cfd1d),
    Darcy { beta: f64, thresholds: Vec<f64> },
    Burgers(burgers::Burgers),
    Advection { beta: f64 },
}

impl Generator {
    /// Prepares the generator of `p` (for Darcy this computes the batch thresholds of every block
    /// that `p.num_samples` samples touch).
    pub fn new(kind: DatasetKind, p: &GenParams) -> Self {
        let get = |k: &str| p.physics.get(k).copied().unwrap_or(f64::NAN);
        let n = p.resolution;
        let sim = match kind {
            DatasetKind::DiffusionReaction2d => Sim::DiffusionReaction,
            DatasetKind::Cfd2d => Sim::Cfd2d {
                solver: cfd2d::Cfd2d::new(n, get("eta"), get("zeta")),
                mach: get("mach"),
            },
            DatasetKind::Cfd1d => Sim::Cfd1d(cfd1d::Cfd1d::new(n, get("eta"), get("zeta"))),
            DatasetKind::Darcy2d => {
                use rayon::prelude::*;
                let blocks = p.num_samples.div_ceil(darcy::BLOCK);
                let thresholds = (0..blocks)
                    .into_par_iter()
                    .map(|b| darcy::block_threshold(p.seed, b, n))
                    .collect();
                Sim::Darcy {
                    beta: get("beta"),
                    thresholds,
                }
            }
            DatasetKind::Burgers1d => Sim::Burgers(burgers::Burgers::new(n, get("nu"))),
            DatasetKind::Advection1d => Sim::Advection { beta: get("beta") },
        };
        Self {
            kind,
            seed: p.seed,
            n,
            times: save_times(p.t_end, p.num_frames),
            sim,
        }
    }

    /// Values per sample: points * frames * channels.
    pub fn sample_len(&self) -> usize {
        self.n.pow(self.kind.spatial_dims() as u32) * self.times.len() * self.kind.channels().len()
    }

    /// Simulates sample `index` into `out`, laid out [X(, Y), T, C].
    pub fn generate_sample(&self, index: usize, out: &mut [f32]) -> Result<(), DataError> {
        debug_assert_eq!(out.len(), self.sample_len());
        let n = self.n;
        let nt = self.times.len();
        let diverged = || DataError::SolverDiverged {
            dataset: self.kind.name(),
            sample: index,
        };
        let mut rng = sample_rng(self.kind.name(), self.seed, index);
        match &self.sim {
            Sim::DiffusionReaction => dr::generate_sample(self.seed, index, n, &self.times, out),
            Sim::Cfd2d { solver, mach } => {
                let (rho, vx, vy, p) = cfd2d::initial_condition(&mut rng, n, *mach);
                let u = cfd2d::State::from_primitive(&rho, &vx, &vy, &p);
                solver
                    .simulate(u, &self.times, |k, s| {
                        for c in 0..n * n {
                            let (rho, vx, vy, p) = s.primitive(c);
                            let o = (c * nt + k) * 4;
                            out[o] = rho as f32;
                            out[o + 1] = p as f32;
                            out[o + 2] = vx as f32;
                            out[o + 3] = vy as f32;
                        }
                    })
                    .map(|_| ())
                    .map_err(|()| diverged())
            }
            Sim::Cfd1d(solver) => {
                let (rho, v, p) = cfd1d::initial_condition(&mut rng, n);
                let u = cfd1d::State::from_primitive(&rho, &v, &p);
                solver
                    .simulate(u, &self.times, |k, s| {
                        for c in 0..n {
                            let (rho, v, p) = s.primitive(c);
                            let o = (c * nt + k) * 3;
                            out[o] = rho as f32;
                            out[o + 1] = p as f32;
                            out[o + 2] = v as f32;
                        }
                    })
                    .map(|_| ())
                    .map_err(|()| diverged())
            }
            Sim::Darcy { beta, thresholds } => {
                let g = darcy::Bumps::draw(&mut rng).field(n);
                let a = darcy::coefficient(&g, thresholds[index / darcy::BLOCK]);
                let (u, _) = darcy::solve(n, &a, *beta).map_err(|()| diverged())?;
                for c in 0..n * n {
                    out[c * 2] = a[c] as f32;
                    out[c * 2 + 1] = u[c] as f32;
                }
                Ok(())
            }
            Sim::Burgers(solver) => {
                let u0 = burgers::initial_condition(&mut rng, n);
                solver
                    .simulate(u0, &self.times, |k, u| {
                        for c in 0..n {
                            out[c * nt + k] = u[c] as f32;
                        }
                    })
                    .map(|_| ())
                    .map_err(|()| diverged())
            }
            Sim::Advection { beta } => {
                let f = advection::initial_field(&mut rng);
                let [lo, hi] = self.kind.domain();
                for (c, &x) in cell_centres(n, lo, hi).iter().enumerate() {
                    for (k, &t) in self.times.iter().enumerate() {
                        out[c * nt + k] = advection::exact(&f, *beta, x, t) as f32;
                    }
                }
                Ok(())
            }
        }
    }

    /// Save times.
    pub fn times(&self) -> &[f64] {
        &self.times
    }

    /// Cell-centre grid [X(, Y), d]: (x_i) in 1D, (x_i, y_j) at (i*Y + j)*2 in 2D.
    pub fn grid(&self) -> Vec<f32> {
        let [lo, hi] = self.kind.domain();
        let c = cell_centres(self.n, lo, hi);
        match self.kind.spatial_dims() {
            1 => c.iter().map(|&x| x as f32).collect(),
            _ => {
                let mut g = Vec::with_capacity(self.n * self.n * 2);
                for &x in &c {
                    for &y in &c {
                        g.push(x as f32);
                        g.push(y as f32);
                    }
                }
                g
            }
        }
    }
}
