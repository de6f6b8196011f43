#![allow(non_camel_case_types, non_local_definitions)]
//! The engine's stable plugin ABI.
//!
//! Three kinds of plugin are loaded by the engine at run time, each a `cdylib` that exports one
//! abi_stable root module:
//!
//! | kind      | root module        | trait object  | file name                           |
//! |-----------|--------------------|---------------|-------------------------------------|
//! | scheduler | [`SchedulerMod`]   | [`Scheduler`] | `libengine_scheduler_<name>.so`     |
//! | model     | [`ModelMod`]       | [`Model`]     | `libengine_model_<name>.so`         |
//! | metrics   | [`MetricsMod`]     | [`Metrics`]   | `libengine_metrics_<name>.so`       |
//!
//! Only plain data crosses the boundary: names, shapes, `f32` buffers, small `#[repr(C)]` structs and
//! configuration as TOML text. No candle type ever does: each model plugin links its own candle.
//!
//! Every exported function must run its body under [`guard`], so that a panic becomes an error value
//! naming the plugin instead of abi_stable's process exit. The `export_*_plugin!` macros do that for
//! the constructors; trait methods call [`guard`] themselves.
//!
//! The API version is this crate's package version ([`API_VERSION`]). The engine refuses a plugin
//! built against another major version (for 0.y, another minor), then abi_stable refuses one whose
//! types have another layout; patch numbers are not compared, the layout decides.
//! docs/plugin-abi.md has the evolution rules and what was verified.

pub mod guard;
mod metrics;
mod model;
mod root;
mod scheduler;
pub mod sdk;
mod types;

pub use guard::guard;
pub use metrics::*;
pub use model::*;
pub use scheduler::*;
pub use sdk::{MetricsView, NoState, SchedulerLogic};
pub use types::*;

/// Re-exported so plugin crates and the export macros use the same abi_stable.
pub use abi_stable;

/// The plugin API version every plugin reports (the version of this crate it was built against).
pub const API_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How a model's `train_step` error begins when the step was not applied because its loss or a
/// gradient was not finite (NaN or infinite): parameters and optimizer state are unchanged, so the
/// engine may skip the batch instead of ending the run ([`Model::train_step`]).
pub const NON_FINITE_STEP: &str = "non-finite ";

/// Whether a `train_step` error says the step was not applied for a non-finite loss or gradient.
pub fn is_non_finite_step(error: &str) -> bool {
    error.starts_with(NON_FINITE_STEP)
}

/// File-name prefix of plugin libraries: `lib{PREFIX}_{kind}_{name}.so` (name with `-` as `_`).
pub const FILE_PREFIX: &str = "engine";
