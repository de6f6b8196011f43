//! The engine's built-in PDE data: generators written from the equations, an on-disk cache,
//! PDEBench's HDF5 files (written and read), the PDEBench train/test split and PDEBench's nRMSE.
//!
//! Why generators: no package registry ships PDEBench's data and PDEBench's solver code carries a
//! non-commercial licence, so the datasets are simulated here from the published equations and
//! parameters (see `shared/reference/data-sources.md` §3.2). The data are deterministic functions
//! of the `[data]` config: sample `i` depends only on (`data.seed`, `i`, the generation
//! parameters), never on the thread count or on the training seed, so paired comparisons see the
//! same samples. A real PDEBench file can be read instead (`data.file`).
//!
//! Flow, as the engine uses it:
//!
//! ```no_run
//! use datasets::{batch_metrics, DataConfig, FieldLayout, MetricAccumulator, PdeDataset, Split};
//! let cfg = DataConfig::preset("cfd-2d");
//! let (ds, info) = PdeDataset::load(&cfg, Some(&|done, total| eprintln!("{done}/{total}")))?;
//! let split = Split::new(ds.n(), &cfg)?;
//! let batch = ds.gather(&split.train[..4]); // [4, X, (Y,) T, C]
//! let layout = FieldLayout { batch: 4, space: ds.points(), frames: ds.t(), channels: ds.c() };
//! let mut acc = MetricAccumulator::new();
//! acc.add(&batch_metrics(&batch, &batch, layout, 0..ds.t())?);
//! # Ok::<(), datasets::DataError>(())
//! ```
//!
//! - [`PdeDataset::load`] reads `<cache_dir>/<dataset>-<hash>.safetensors` if it exists, else
//!   generates the dataset at full resolution (in parallel with rayon, reporting progress) and
//!   writes that file atomically; then it applies the spatial and temporal strides. With
//!   `data.file` it reads that PDEBench HDF5 file instead, strided while reading.
//! - [`export_hdf5`] writes the generated data as a PDEBench HDF5 file ([`pdebench_file_name`]
//!   gives PDEBench's file name).
//! - [`Split`]: the first `test_fraction` of the samples is the fixed test set; training samples
//!   are the rest strided by `reduced_batch`, then cut to `train_ratio`.
//! - [`batch_metrics`] + [`MetricAccumulator`]: nRMSE / RMSE over a chosen frame range, averaged
//!   over batches as PDEBench does.
//!
//! # Datasets
//!
//! | `data.dataset` | PDEBench file | dims | channels | defaults (generated size; PDEBench's in brackets) |
//! |---|---|---|---|---|
//! | `diffusion-reaction-2d` | `2D_diff-react_NA_NA.h5` | 2 | u, v | 110 samples, 32^2 [128^2], 101 frames, t in [0, 5], rr 1, rrt 5 |
//! | `cfd-2d` | `2D_CFD_Rand_M{M}_Eta{eta}_Zeta{zeta}_periodic_128` | 2 | density, pressure, Vx, Vy | 110 samples, 64^2 [128^2], 21 frames, t in [0, 1], rr 1 (PDEBench 2), rrt 1; mach 0.1, eta 0.01, zeta 0.01 |
//! | `cfd-1d` | `1D_CFD_Rand_Eta{eta}_Zeta{zeta}_periodic` | 1 | density, pressure, Vx | 110 samples, 1024, 101 frames, t in [0, 1], rr 8, rrt 5; eta 0.01, zeta 0.01 |
//! | `darcy-2d` | `2D_DarcyFlow_beta{beta}` | 2 | u (frame 0 = nu, frame 1 = tensor) | 110 samples, 128^2, 2 frames, rr 2, rrt 1; beta 1 |
//! | `burgers-1d` | `1D_Burgers_Sols_Nu{nu}` | 1 | u | 110 samples, 1024, 201 frames, t in [0, 2], rr 4, rrt 5; nu 0.001 |
//! | `advection-1d` | `1D_Advection_Sols_beta{beta}` | 1 | u | 110 samples, 1024, 201 frames, t in [0, 2], rr 4, rrt 5; beta 0.1 |
//!
//! PDEBench's files hold 1,000 (diffusion-reaction) or 10,000 samples; 110 keeps generation in
//! seconds to minutes on two cores (11 test, 11 validation, 88 training samples). `cfd-2d` is
//! generated at 64^2 by default (a 128^2 sample costs about 8 times a 64^2 one, and PDEBench's
//! models train at 64^2 anyway); set `resolution = 128` and `reduced_resolution = 2` for
//! PDEBench's exact setup (finer grid, less numerical diffusion, then strided to 64^2).
//! The solvers and their checks are documented in their modules: `cfd2d` (MUSCL + HLLC finite
//! volumes with PDEBench's time step, integrator and direction-split viscous step: see
//! docs/decisions.md for why), `cfd1d` (MUSCL + HLLC finite volumes, SSP-RK2, viscous terms
//! unsplit), `darcy` (direct CG solve of the steady
//! problem), `burgers` (MUSCL + Rusanov, exact spectral diffusion, Strang splitting),
//! `advection` (exact solution), `diffusion_reaction` (RK4).
//!
//! Darcy is a single-step task. It is stored the way PDEBench's loader presents it: one channel and
//! two frames, frame 0 = the coefficient `nu` (a), frame 1 = the solution `tensor` (u); train it with
//! `initial_step = 1`, `t_train = 2`, and read the nRMSE over the predicted frame only.
//!
//! # `[data]` keys
//!
//! Every key is optional; a missing key takes the default of the dataset named by `dataset`
//! (see [`DataConfig`]); an unknown key is an error.
//!
//! | key | meaning |
//! |---|---|
//! | `dataset` | one of [`KNOWN_DATASETS`] (default `diffusion-reaction-2d`) |
//! | `file` | read this PDEBench HDF5 file instead of generating; its layout must be `dataset`'s; generator keys set explicitly must agree with it ([`effective_config`]) |
//! | `cache_dir` | where generated datasets are cached (default `data-cache`) |
//! | `seed` | data seed (default 0) |
//! | `num_samples` | trajectories generated; with `file`, a cap (default: the whole file) |
//! | `resolution` | cells per axis of the simulation grid |
//! | `num_frames`, `t_end` | frames saved on [0, t_end], both ends included (darcy: 2, fixed) |
//! | `reduced_resolution`, `reduced_resolution_t` | PDEBench's strides in space and time, applied on load |
//! | `test_fraction`, `val_fraction`, `reduced_batch`, `train_ratio` | the split ([`Split`]) |
//! | `mach` | cfd-2d: initial Mach number |
//! | `eta`, `zeta` | cfd-2d, cfd-1d: shear and bulk viscosity (per density) |
//! | `beta` | darcy-2d: source term; advection-1d: speed |
//! | `nu` | burgers-1d: viscosity (equation coefficient nu / pi) |
//!
//! The size at full resolution is num_samples * resolution^dims * num_frames * channels * 4 bytes
//! (cfd-2d defaults: 151 MB; PDEBench's 10,000 samples at 128^2 would be 13.8 GB, so keep
//! num_samples modest and raise it only with the memory to match).

// Index loops mirror the stencil formulas of the solvers.
#![allow(clippy::needless_range_loop)]

mod advection;
mod burgers;
mod cache;
mod cfd1d;
mod cfd2d;
mod common;
mod config;
mod darcy;
mod dataset;
mod diffusion_reaction;
mod error;
mod fidelity;
mod gas;
mod h5;
mod init;
mod metrics;
mod registry;

pub use config::{ConfigOrigin, DataConfig, ExplicitKeys, GENERATOR_KEYS};
pub use dataset::{
    cache_path, effective_config, export_hdf5, pdebench_file_name, CacheInfo, PdeDataset, Progress,
    Split, write_fields,
};
pub use error::DataError;
pub use fidelity::{flow_statistics, FlowStatistics, Moments};
pub use metrics::{batch_metrics, BatchMetrics, FieldLayout, MetricAccumulator};
pub use registry::{DatasetKind, KNOWN_DATASETS};
