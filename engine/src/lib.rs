//! The engine: the host that owns data loading and the training loop, and loads scheduler, model
//! and metrics plugins through the stable ABI in `plugin-api`.
//!
//! - [`config`]: layered configuration (defaults < file < env < flags < `--set`).
//! - [`host`]: plugin discovery and loading, plugin-named errors.
//! - [`task`]: what is trained, task-agnostic for the loop: [`data`] (the built-in PDE data as
//!   batches, evaluation by nRMSE) or [`text`] (tokenized text classification, accuracy, macro-F1).
//! - [`schedule`]: the base learning-rate schedule eta_t.
//! - [`train`]: the training loop.
//! - [`rundir`]: run directory, logs, atomic checkpoints.

pub mod analyze;
pub mod config;
pub mod data;
pub mod error;
pub mod eval;
pub mod host;
pub mod plots;
pub mod provenance;
pub mod progress;
pub mod rundir;
pub mod schedule;
pub mod seed;
pub mod signals;
pub mod spectral;
pub mod summary;
pub mod sweep;
pub mod task;
pub mod tensorboard;
pub mod text;
pub mod train;

pub use error::{EngineError, Result};
