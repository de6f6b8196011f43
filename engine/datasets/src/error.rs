//! The crate's error type. Every message is one line that names the key, file or argument at
//! fault and says what to do, so the engine can show it as it is.

use std::path::PathBuf;

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// A `[data]` key has a value that cannot be used.
    #[error("data.{key} {message}")]
    Config {
        /// The key inside `[data]`, e.g. `reduced_batch`.
        key: &'static str,
        /// What is wrong, starting with "must ..." or similar.
        message: String,
    },
    /// `data.dataset` names no built-in dataset.
    #[error("data.dataset: unknown dataset {name:?}; known datasets: {known}")]
    UnknownDataset { name: String, known: String },
    /// The cache file exists but cannot be used.
    #[error(
        "dataset cache file {} is unreadable or corrupt ({reason}); delete it and run again to regenerate it",
        path.display()
    )]
    CorruptCache { path: PathBuf, reason: String },
    /// Writing the cache (or creating its directory) failed.
    #[error("cannot write dataset cache {}: {source}; check that data.cache_dir is writable", path.display())]
    CacheWrite {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A PDEBench HDF5 file cannot be read or written, or does not have the expected layout.
    #[error("PDEBench file {}: {reason}", path.display())]
    File { path: PathBuf, reason: String },
    /// The split leaves no training (or no test) samples.
    #[error("data split: {0}")]
    Split(String),
    /// A buffer handed to a metric or to `gather` does not have the stated shape.
    #[error("{0}")]
    Shape(String),
    /// The PDE solver produced a non-finite value (a bug: the time step is chosen to be stable).
    #[error("the {dataset} solver diverged on sample {sample}; please report this with the [data] config")]
    SolverDiverged {
        dataset: &'static str,
        sample: usize,
    },
}

pub(crate) fn config_err(key: &'static str, message: impl Into<String>) -> DataError {
    DataError::Config {
        key,
        message: message.into(),
    }
}
