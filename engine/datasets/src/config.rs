//! `DataConfig`: the engine's `[data]` section.
//!
//! The generation keys (`dataset`, `seed`, `num_samples`, `resolution`, `num_frames`, `t_end`)
//! decide what is simulated and written to the cache; the rest (`reduced_*`, `test_fraction`,
//! `train_ratio`) are applied after loading, so changing them never regenerates data.
//!
//! The data seed is separate from the training seed so that runs compared in pairs (same data,
//! different scheduler or training seed) see identical samples.

use crate::error::{config_err, DataError};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Names of the built-in datasets, as `data.dataset` accepts them.
pub const KNOWN_DATASETS: &[&str] = &["diffusion-reaction-2d"];

/// The `[data]` configuration section. See the crate docs for how the split keys combine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DataConfig {
    /// Built-in dataset name (one of [`KNOWN_DATASETS`]).
    pub dataset: String,
    /// Directory of generated datasets (`<cache_dir>/<dataset>-<hash>.safetensors`); a relative
    /// path is relative to the working directory.
    pub cache_dir: PathBuf,
    /// Data seed: sample `i` is a pure function of (seed, i, generation parameters).
    pub seed: u64,
    /// Number of simulated trajectories (test + train pool).
    pub num_samples: usize,
    /// Simulation grid size N (N x N cells).
    pub resolution: usize,
    /// Saved frames, equally spaced on [0, t_end] including both ends (PDEBench: 101).
    pub num_frames: usize,
    /// Final time of the simulation.
    pub t_end: f64,
    /// Spatial stride applied after loading (PDEBench `reduced_resolution`).
    pub reduced_resolution: usize,
    /// Temporal stride applied after loading (PDEBench `reduced_resolution_t`); 101 frames with
    /// stride 5 give 21.
    pub reduced_resolution_t: usize,
    /// Fraction of samples, taken from the start, that form the fixed test set.
    pub test_fraction: f64,
    /// Fraction of samples, taken from the end, held out for validation (model selection and the
    /// best checkpoint); they never train. 0 reproduces PDEBench's split exactly (PDEBench selects
    /// on the test set; the engine then selects on the training loss instead).
    pub val_fraction: f64,
    /// Training subsample stride over the samples after the test set (PDEBench `reduced_batch`).
    pub reduced_batch: usize,
    /// Keep the first ceil(train_ratio * k) of the k strided training samples.
    pub train_ratio: f64,
}

impl Default for DataConfig {
    fn default() -> Self {
        Self {
            dataset: "diffusion-reaction-2d".into(),
            cache_dir: "data-cache".into(),
            seed: 0,
            num_samples: 110,
            resolution: 32,
            num_frames: 101,
            t_end: 5.0,
            reduced_resolution: 1,
            reduced_resolution_t: 5,
            test_fraction: 0.1,
            val_fraction: 0.1,
            reduced_batch: 1,
            train_ratio: 1.0,
        }
    }
}

impl DataConfig {
    /// Checks every key; the error names the first bad key (`data.<key> must ...`).
    pub fn validate(&self) -> Result<(), DataError> {
        if !KNOWN_DATASETS.contains(&self.dataset.as_str()) {
            return Err(DataError::UnknownDataset {
                name: self.dataset.clone(),
                known: KNOWN_DATASETS.join(", "),
            });
        }
        if self.cache_dir.as_os_str().is_empty() {
            return Err(config_err("cache_dir", "must not be empty"));
        }
        if self.num_samples < 1 {
            return Err(config_err("num_samples", "must be >= 1 (got 0)"));
        }
        if self.resolution < 2 {
            return Err(config_err(
                "resolution",
                format!("must be >= 2 (got {})", self.resolution),
            ));
        }
        if self.num_frames < 2 {
            return Err(config_err(
                "num_frames",
                format!("must be >= 2 (got {})", self.num_frames),
            ));
        }
        if !(self.t_end.is_finite() && self.t_end > 0.0) {
            return Err(config_err(
                "t_end",
                format!("must be a finite number > 0 (got {})", self.t_end),
            ));
        }
        if self.reduced_resolution < 1 {
            return Err(config_err("reduced_resolution", "must be >= 1 (got 0)"));
        }
        if self.reduced_resolution > self.resolution {
            return Err(config_err(
                "reduced_resolution",
                format!(
                    "must be <= data.resolution = {} (got {})",
                    self.resolution, self.reduced_resolution
                ),
            ));
        }
        if self.reduced_resolution_t < 1 {
            return Err(config_err("reduced_resolution_t", "must be >= 1 (got 0)"));
        }
        if self.reduced_resolution_t > self.num_frames - 1 {
            return Err(config_err(
                "reduced_resolution_t",
                format!(
                    "must be <= data.num_frames - 1 = {} so that at least 2 frames remain (got {})",
                    self.num_frames - 1,
                    self.reduced_resolution_t
                ),
            ));
        }
        if !(self.test_fraction.is_finite() && (0.0..1.0).contains(&self.test_fraction)) {
            return Err(config_err(
                "test_fraction",
                format!("must be in [0, 1) (got {})", self.test_fraction),
            ));
        }
        if !(self.val_fraction.is_finite() && (0.0..1.0).contains(&self.val_fraction)) {
            return Err(config_err(
                "val_fraction",
                format!("must be in [0, 1) (got {})", self.val_fraction),
            ));
        }
        if self.test_fraction + self.val_fraction >= 1.0 {
            return Err(config_err(
                "val_fraction",
                format!("plus data.test_fraction must be below 1 (got {} + {})", self.val_fraction, self.test_fraction),
            ));
        }
        if self.reduced_batch < 1 {
            return Err(config_err("reduced_batch", "must be >= 1 (got 0)"));
        }
        if !(self.train_ratio.is_finite() && self.train_ratio > 0.0 && self.train_ratio <= 1.0) {
            return Err(config_err(
                "train_ratio",
                format!("must be in (0, 1] (got {})", self.train_ratio),
            ));
        }
        // The full-resolution array must be addressable (and its byte size must fit in u64/usize).
        let elems = [
            self.num_samples,
            self.resolution,
            self.resolution,
            self.num_frames,
            2,
            4,
        ]
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d));
        if elems.is_none() {
            return Err(config_err(
                "num_samples",
                "times resolution^2 times num_frames is too large to hold in memory",
            ));
        }
        Ok(())
    }
}
