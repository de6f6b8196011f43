//! The engine's built-in PDE data: generators written from the equations, an on-disk cache, the
//! PDEBench train/test split and PDEBench's nRMSE.
//!
//! Why generators: no package registry ships PDEBench's data and PDEBench's solver code carries a
//! non-commercial licence, so the datasets are simulated here from the published equations and
//! parameters (see `shared/reference/data-sources.md` §3.2). The data are deterministic functions
//! of the `[data]` config: sample `i` depends only on (`data.seed`, `i`, the generation
//! parameters), never on the thread count or on the training seed, so paired comparisons see the
//! same samples.
//!
//! Flow, as the engine uses it:
//!
//! ```no_run
//! use datasets::{batch_metrics, DataConfig, FieldLayout, MetricAccumulator, PdeDataset, Split};
//! let cfg = DataConfig::default();
//! let (ds, info) = PdeDataset::load(&cfg, Some(&|done, total| eprintln!("{done}/{total}")))?;
//! let split = Split::new(ds.n(), &cfg)?;
//! let batch = ds.gather(&split.train[..4]); // [4, X, Y, T, C]
//! let layout = FieldLayout { batch: 4, space: ds.x() * ds.y(), frames: ds.t(), channels: ds.c() };
//! let mut acc = MetricAccumulator::new();
//! acc.add(&batch_metrics(&batch, &batch, layout, 0..ds.t())?);
//! # Ok::<(), datasets::DataError>(())
//! ```
//!
//! - [`PdeDataset::load`] reads `<cache_dir>/<dataset>-<hash>.safetensors` if it exists, else
//!   generates the dataset at full resolution (in parallel with rayon, reporting progress) and
//!   writes that file atomically; then it applies the spatial and temporal strides.
//! - [`Split`]: the first `test_fraction` of the samples is the fixed test set; training samples
//!   are the rest strided by `reduced_batch`, then cut to `train_ratio`.
//! - [`batch_metrics`] + [`MetricAccumulator`]: nRMSE / RMSE over a chosen frame range, averaged
//!   over batches as PDEBench does.
//!
//! Datasets: `diffusion-reaction-2d`, PDEBench's 2D FitzHugh-Nagumo problem, channels `[u, v]`.
//! Its size at full resolution is num_samples * resolution^2 * num_frames * 2 * 4 bytes (91 MB for
//! the defaults; PDEBench's 1000 samples at 128^2 would be 13 GB, so keep resolution modest and
//! raise it only with the memory to match).

mod cache;
mod config;
mod dataset;
mod diffusion_reaction;
mod error;
mod metrics;

pub use config::{DataConfig, KNOWN_DATASETS};
pub use dataset::{cache_path, CacheInfo, PdeDataset, Progress, Split};
pub use error::DataError;
pub use metrics::{batch_metrics, BatchMetrics, FieldLayout, MetricAccumulator};
