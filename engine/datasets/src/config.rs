//! `DataConfig`: the engine's `[data]` section.
//!
//! The generation keys (`dataset`, `seed`, `num_samples`, `resolution`, `num_frames`, `t_end` and
//! the physics keys `mach`, `eta`, `zeta`, `beta`, `nu`) decide what is simulated and written to
//! the cache; the rest (`reduced_*`, `test_fraction`, `val_fraction`, `reduced_batch`,
//! `train_ratio`) are applied after loading, so changing them never regenerates data. With
//! `file = "path.hdf5"` the data are read from a PDEBench HDF5 file instead of generated; the
//! generator keys then describe the file: one set explicitly ([`DataConfig::is_explicit`]) must
//! agree with what the file says, and `num_samples` defaults to the whole file.
//!
//! **Defaults follow the dataset.** A key missing from the serialized form (TOML, JSON, figment)
//! takes the default of the dataset named by `dataset` ([`DataConfig::preset`]): writing only
//! `dataset = "cfd-2d"` gives 64 x 64 cells, 21 frames on t in [0, 1], M = 0.1, eta = zeta = 0.01.
//! Serializing [`DataConfig::default`] or a [`DataConfig::preset`] writes only the keys that differ
//! from the dataset's defaults (so a layer of typed defaults never pins another dataset's sizes);
//! a configuration that was deserialized serializes every key (a resolved configuration file is
//! explicit). Either way deserializing what was serialized gives the same configuration.
//!
//! The physics keys are `Option`s: `None` means the dataset's default; a key the dataset does not
//! read is an error (`data.mach is not a parameter of dataset burgers-1d`).
//!
//! The data seed is separate from the training seed so that runs compared in pairs (same data,
//! different scheduler or training seed) see identical samples.

use crate::error::{config_err, DataError};
use crate::registry::{DatasetKind, KNOWN_DATASETS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The `[data]` configuration section. See the crate docs for how the split keys combine and the
/// module docs for how defaults follow `dataset`.
///
/// Build one in code with [`DataConfig::preset`] (`DataConfig { resolution: 16,
/// ..DataConfig::preset("cfd-2d") }`); `..DataConfig::default()` gives the defaults of
/// `diffusion-reaction-2d`, whatever `dataset` is set to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "DataConfigWire", into = "DataConfigWire")]
pub struct DataConfig {
    /// Built-in dataset name (one of [`KNOWN_DATASETS`]).
    pub dataset: String,
    /// Directory of generated datasets (`<cache_dir>/<dataset>-<hash>.safetensors`); a relative
    /// path is relative to the working directory.
    pub cache_dir: PathBuf,
    /// Read this PDEBench HDF5 file instead of generating (its layout must be the one of
    /// `dataset`, e.g. `density`, `pressure`, `Vx`, `Vy` [N, T, X, Y] for `cfd-2d`). The dataset
    /// is the whole file, or its first `num_samples` samples when that key is set (PDEBench's
    /// `num_samples_max`); only the samples the split uses are read. The generator keys
    /// ([`GENERATOR_KEYS`]) then describe the file: each one set explicitly must agree with the
    /// file's attributes and shapes, or loading fails naming both values;
    /// [`crate::effective_config`] gives the configuration as the file says it.
    pub file: Option<PathBuf>,
    /// Data seed: sample `i` is a pure function of (seed, i, generation parameters).
    pub seed: u64,
    /// Number of simulated trajectories (test + train pool); with `file`, a cap on the samples
    /// taken from the file (default: all of them).
    pub num_samples: usize,
    /// Simulation grid size N (N cells in 1D, N x N in 2D).
    pub resolution: usize,
    /// Saved frames, equally spaced on [0, t_end] including both ends (PDEBench: 101 for
    /// diffusion-reaction, 21 for 2D CFD, 101 for 1D CFD, 201 for Burgers and advection). Darcy
    /// is steady: always 2 frames (the coefficient, then the solution).
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
    /// `cfd-2d`: initial Mach number M (mean |v| = M c_s). PDEBench: 0.1 or 1.
    pub mach: Option<f64>,
    /// `cfd-2d`, `cfd-1d`: shear viscosity per density (dynamic viscosity eta * rho).
    /// PDEBench: 1e-8, 0.01 or 0.1.
    pub eta: Option<f64>,
    /// `cfd-2d`, `cfd-1d`: bulk viscosity per density. PDEBench: equal to eta.
    pub zeta: Option<f64>,
    /// `darcy-2d`: the source term beta (PDEBench: 0.01 ... 100; default 1).
    /// `advection-1d`: the speed beta (PDEBench: 0.1 ... 4; default 0.1).
    pub beta: Option<f64>,
    /// `burgers-1d`: viscosity nu (the equation's coefficient is nu / pi). PDEBench: 0.001 ... 4.
    pub nu: Option<f64>,
    /// Not a configuration key: how this value serializes (see [`ConfigOrigin`]). Leave it to
    /// `..DataConfig::preset(..)` / `..DataConfig::default()`; it compares equal whatever its value.
    #[doc(hidden)]
    pub origin: ConfigOrigin,
    /// Not a configuration key: the keys that were present when this value was deserialized
    /// (see [`DataConfig::is_explicit`]). Leave it to `..DataConfig::preset(..)`; it compares
    /// equal whatever its value.
    #[doc(hidden)]
    pub explicit: ExplicitKeys,
}

/// The `[data]` keys present in a deserialized configuration (or, from [`crate::effective_config`],
/// the keys a data file states: then the set is complete, and a key outside it is not explicit
/// even where its value differs from the dataset's default). Always compares equal.
#[derive(Debug, Clone, Default)]
pub struct ExplicitKeys(
    pub(crate) std::collections::BTreeSet<&'static str>,
    pub(crate) bool,
);

impl PartialEq for ExplicitKeys {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The keys that decide what the generator simulates. With `data.file` they describe the file
/// instead: each is rejected or checked against the file when set explicitly.
pub const GENERATOR_KEYS: [&str; 9] = [
    "seed",
    "resolution",
    "num_frames",
    "t_end",
    "mach",
    "eta",
    "zeta",
    "beta",
    "nu",
];

/// Where a [`DataConfig`] came from, which decides how it serializes: a built-in default
/// ([`DataConfig::default`], [`DataConfig::preset`], and struct updates of them) writes only the
/// keys that differ from its dataset's defaults, so that a layer of typed defaults (figment's)
/// never pins one dataset's sizes onto another; a deserialized configuration writes every key, so
/// a saved resolved configuration is explicit. Deserializing either gives back the same values.
/// Always compares equal.
#[derive(Debug, Clone, Copy, Default)]
pub enum ConfigOrigin {
    /// Built in code from the defaults.
    #[default]
    Builtin,
    /// Deserialized (TOML, JSON, figment, environment).
    Deserialized,
}

impl PartialEq for ConfigOrigin {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Default for DataConfig {
    /// The defaults of `diffusion-reaction-2d`.
    fn default() -> Self {
        Self::preset_of(DatasetKind::DiffusionReaction2d)
    }
}

impl DataConfig {
    /// The defaults of the dataset called `name` (those of `diffusion-reaction-2d`, with `dataset`
    /// set to `name`, if the name is unknown: [`DataConfig::validate`] then reports it).
    pub fn preset(name: &str) -> Self {
        match DatasetKind::from_name(name) {
            Some(kind) => Self::preset_of(kind),
            None => Self {
                dataset: name.to_string(),
                ..Self::default()
            },
        }
    }

    fn preset_of(kind: DatasetKind) -> Self {
        let (num_samples, resolution, num_frames, t_end, rr, rrt) = kind.default_sizes();
        let phys = |k: &str| {
            kind.physics_defaults()
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| *v)
        };
        Self {
            dataset: kind.name().to_string(),
            cache_dir: "data-cache".into(),
            file: None,
            seed: 0,
            num_samples,
            resolution,
            num_frames,
            t_end,
            reduced_resolution: rr,
            reduced_resolution_t: rrt,
            test_fraction: 0.1,
            val_fraction: 0.1,
            reduced_batch: 1,
            train_ratio: 1.0,
            mach: phys("mach"),
            eta: phys("eta"),
            zeta: phys("zeta"),
            beta: phys("beta"),
            nu: phys("nu"),
            origin: ConfigOrigin::Builtin,
            explicit: ExplicitKeys::default(),
        }
    }

    /// With `data.file` holding `in_file` samples: how many form the dataset: the whole file,
    /// or the first `num_samples` when that was set explicitly (a cap).
    pub fn num_samples_with_file(&self, in_file: usize) -> usize {
        if self.is_explicit("num_samples") {
            self.num_samples.min(in_file)
        } else {
            in_file
        }
    }

    /// Whether `key` (a `[data]` key name) was given explicitly: present when this configuration
    /// was deserialized, or different from the default of the dataset (so a configuration built
    /// in code with `DataConfig { resolution: 16, ..DataConfig::preset("cfd-2d") }` counts
    /// `resolution` as explicit).
    pub fn is_explicit(&self, key: &str) -> bool {
        if self.explicit.0.contains(key) {
            return true;
        }
        if self.explicit.1 {
            return false;
        }
        let d = DataConfig::preset(&self.dataset);
        match key {
            "dataset" => false,
            "cache_dir" => self.cache_dir != d.cache_dir,
            "file" => self.file.is_some(),
            "seed" => self.seed != d.seed,
            "num_samples" => self.num_samples != d.num_samples,
            "resolution" => self.resolution != d.resolution,
            "num_frames" => self.num_frames != d.num_frames,
            "t_end" => self.t_end != d.t_end,
            "reduced_resolution" => self.reduced_resolution != d.reduced_resolution,
            "reduced_resolution_t" => self.reduced_resolution_t != d.reduced_resolution_t,
            "test_fraction" => self.test_fraction != d.test_fraction,
            "val_fraction" => self.val_fraction != d.val_fraction,
            "reduced_batch" => self.reduced_batch != d.reduced_batch,
            "train_ratio" => self.train_ratio != d.train_ratio,
            "mach" => self.mach != d.mach,
            "eta" => self.eta != d.eta,
            "zeta" => self.zeta != d.zeta,
            "beta" => self.beta != d.beta,
            "nu" => self.nu != d.nu,
            _ => false,
        }
    }

    /// The dataset, or the error `validate` gives for an unknown name.
    pub fn kind(&self) -> Result<DatasetKind, DataError> {
        DatasetKind::from_name(&self.dataset).ok_or_else(|| DataError::UnknownDataset {
            name: self.dataset.clone(),
            known: KNOWN_DATASETS.join(", "),
        })
    }

    fn physics_value(&self, key: &str) -> Option<f64> {
        match key {
            "mach" => self.mach,
            "eta" => self.eta,
            "zeta" => self.zeta,
            "beta" => self.beta,
            "nu" => self.nu,
            _ => None,
        }
    }

    /// The physics parameters the dataset reads, with defaults filled in (validated).
    pub fn physics(&self) -> Result<BTreeMap<String, f64>, DataError> {
        let kind = self.kind()?;
        Ok(kind
            .physics_defaults()
            .iter()
            .map(|&(k, d)| (k.to_string(), self.physics_value(k).unwrap_or(d)))
            .collect())
    }

    /// Checks every key; the error names the first bad key (`data.<key> must ...`).
    pub fn validate(&self) -> Result<(), DataError> {
        let kind = self.kind()?;
        if self.cache_dir.as_os_str().is_empty() {
            return Err(config_err("cache_dir", "must not be empty"));
        }
        if let Some(f) = &self.file {
            if f.as_os_str().is_empty() {
                return Err(config_err(
                    "file",
                    "must not be empty (leave it out to generate the data)",
                ));
            }
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
        if kind.is_steady() {
            if self.num_frames != 2 {
                return Err(config_err(
                    "num_frames",
                    format!(
                        "must be 2 for {} (frame 0 = the coefficient nu, frame 1 = the solution; got {})",
                        kind.name(),
                        self.num_frames
                    ),
                ));
            }
        } else if self.num_frames < 2 {
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
        if self.file.is_none() && self.reduced_resolution > self.resolution {
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
        if kind.is_steady() && self.reduced_resolution_t != 1 {
            return Err(config_err(
                "reduced_resolution_t",
                format!(
                    "must be 1 for {}, a single-step task (got {})",
                    kind.name(),
                    self.reduced_resolution_t
                ),
            ));
        }
        if self.file.is_none() && self.reduced_resolution_t > self.num_frames - 1 {
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
                format!(
                    "plus data.test_fraction must be below 1 (got {} + {})",
                    self.val_fraction, self.test_fraction
                ),
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
        self.validate_physics(kind)?;
        // The full-resolution array must be addressable (and its byte size must fit in usize).
        let mut dims = vec![self.num_samples];
        dims.extend(std::iter::repeat_n(self.resolution, kind.spatial_dims()));
        dims.extend([self.num_frames, kind.channels().len(), 4]);
        if dims
            .iter()
            .try_fold(1usize, |acc, &d| acc.checked_mul(d))
            .is_none()
        {
            return Err(config_err(
                "num_samples",
                "times resolution^dims times num_frames is too large to hold in memory",
            ));
        }
        Ok(())
    }

    fn validate_physics(&self, kind: DatasetKind) -> Result<(), DataError> {
        let used = kind.physics_defaults();
        for (key, value) in [
            ("mach", self.mach),
            ("eta", self.eta),
            ("zeta", self.zeta),
            ("beta", self.beta),
            ("nu", self.nu),
        ] {
            let Some(v) = value else { continue };
            if !used.iter().any(|(k, _)| *k == key) {
                let users: Vec<&str> = DatasetKind::ALL
                    .iter()
                    .filter(|k| k.physics_defaults().iter().any(|(n, _)| *n == key))
                    .map(|k| k.name())
                    .collect();
                return Err(config_err(
                    static_key(key),
                    format!(
                        "is not a parameter of dataset {}; it applies to {}: remove it",
                        kind.name(),
                        users.join(", ")
                    ),
                ));
            }
            let ok = match (kind, key) {
                (DatasetKind::Advection1d, "beta") => v.is_finite(),
                (DatasetKind::Darcy2d, "beta") => v.is_finite() && v > 0.0,
                _ => v.is_finite() && v >= 0.0,
            };
            if !ok {
                let want = match (kind, key) {
                    (DatasetKind::Advection1d, "beta") => "a finite number",
                    (DatasetKind::Darcy2d, "beta") => "a finite number > 0",
                    _ => "a finite number >= 0",
                };
                return Err(config_err(
                    static_key(key),
                    format!("must be {want} (got {v})"),
                ));
            }
        }
        Ok(())
    }
}

pub(crate) fn static_key(key: &str) -> &'static str {
    match key {
        "mach" => "mach",
        "eta" => "eta",
        "zeta" => "zeta",
        "beta" => "beta",
        _ => "nu",
    }
}

/// The serialized form: every key optional; a missing key takes the dataset's default.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataConfigWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dataset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cache_dir: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    num_samples: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resolution: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    num_frames: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t_end: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reduced_resolution: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reduced_resolution_t: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    test_fraction: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    val_fraction: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reduced_batch: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    train_ratio: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mach: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    eta: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    zeta: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beta: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nu: Option<f64>,
}

impl From<DataConfigWire> for DataConfig {
    fn from(w: DataConfigWire) -> Self {
        let mut c = match &w.dataset {
            Some(name) => DataConfig::preset(name),
            None => DataConfig::default(),
        };
        let mut explicit = std::collections::BTreeSet::new();
        macro_rules! present {
            ($($f:ident),*) => { $( if w.$f.is_some() { explicit.insert(stringify!($f)); } )* };
        }
        present!(
            dataset,
            cache_dir,
            file,
            seed,
            num_samples,
            resolution,
            num_frames,
            t_end,
            reduced_resolution,
            reduced_resolution_t,
            test_fraction,
            val_fraction,
            reduced_batch,
            train_ratio,
            mach,
            eta,
            zeta,
            beta,
            nu
        );
        c.explicit = ExplicitKeys(explicit, false);
        macro_rules! take {
            ($($f:ident),*) => { $( if let Some(v) = w.$f { c.$f = v; } )* };
        }
        take!(
            cache_dir,
            seed,
            num_samples,
            resolution,
            num_frames,
            t_end,
            reduced_resolution,
            reduced_resolution_t,
            test_fraction,
            val_fraction,
            reduced_batch,
            train_ratio
        );
        c.file = w.file;
        // Physics: an explicit value wins; otherwise the preset's (Some for the keys the dataset
        // reads, None for the others).
        macro_rules! phys {
            ($($f:ident),*) => { $( if w.$f.is_some() { c.$f = w.$f; } )* };
        }
        phys!(mach, eta, zeta, beta, nu);
        c.origin = ConfigOrigin::Deserialized;
        c
    }
}

impl From<DataConfig> for DataConfigWire {
    fn from(c: DataConfig) -> Self {
        let explicit = matches!(c.origin, ConfigOrigin::Deserialized);
        let preset = DataConfig::preset(&c.dataset);
        // For a built-in default, write a key only where it differs from the dataset's default.
        macro_rules! key {
            ($f:ident) => {
                if explicit || c.$f != preset.$f {
                    Some(c.$f.clone())
                } else {
                    None
                }
            };
        }
        // Physics: None means "the dataset's default"; an explicit config writes the resolved value
        // of every key the dataset reads.
        let kind = DatasetKind::from_name(&c.dataset);
        macro_rules! phys {
            ($f:ident) => {{
                let resolved = c.$f.or_else(|| {
                    kind.and_then(|k| {
                        k.physics_defaults()
                            .iter()
                            .find(|(n, _)| *n == stringify!($f))
                            .map(|(_, v)| *v)
                    })
                });
                if explicit {
                    resolved
                } else if c.$f != preset.$f {
                    c.$f
                } else {
                    None
                }
            }};
        }
        // With a file, a generator key describes the file: written only when it was given (or
        // read from the file by `effective_config`), so that reading the result back checks
        // exactly what was checked before.
        let with_file = c.file.is_some();
        let gen = |key: &str| !with_file || c.is_explicit(key);
        macro_rules! gen_key {
            ($f:ident) => {
                if gen(stringify!($f)) {
                    key!($f)
                } else {
                    None
                }
            };
        }
        macro_rules! gen_phys {
            ($f:ident) => {
                if gen(stringify!($f)) {
                    phys!($f)
                } else {
                    None
                }
            };
        }
        DataConfigWire {
            dataset: Some(c.dataset.clone()),
            cache_dir: key!(cache_dir),
            file: c.file.clone(),
            seed: gen_key!(seed),
            num_samples: if with_file && !c.is_explicit("num_samples") {
                None
            } else {
                key!(num_samples)
            },
            resolution: gen_key!(resolution),
            num_frames: gen_key!(num_frames),
            t_end: gen_key!(t_end),
            reduced_resolution: key!(reduced_resolution),
            reduced_resolution_t: key!(reduced_resolution_t),
            test_fraction: key!(test_fraction),
            val_fraction: key!(val_fraction),
            reduced_batch: key!(reduced_batch),
            train_ratio: key!(train_ratio),
            mach: gen_phys!(mach),
            eta: gen_phys!(eta),
            zeta: gen_phys!(zeta),
            beta: gen_phys!(beta),
            nu: gen_phys!(nu),
        }
    }
}
