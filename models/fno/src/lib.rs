//! The `fno2d` model plugin: PDEBench's 2D Fourier neural operator trained by autoregressive
//! rollout (tempbalance-spec.md §4).
//!
//! The network ([`model::Fno2d`]) implements [`model_runtime::PdeStep`]; the runtime provides the
//! rollout, optimizers, SAM, checkpoints and the plugin ABI ([`model_runtime::ModelAdapter`]).
//! The spectral convolution is a truncated DFT written as real matmuls ([`spectral`]).
//!
//! Batches: `u` `[B, X, Y, T >= t_train, C]` and `grid` `[X, Y, 2]`; `predict` returns `pred`
//! `[B, X, Y, t_train, C]` with the first `initial_step` frames copied from `u`.

pub mod config;
pub mod model;
pub mod spectral;

pub use config::{FnoConfig, DEFAULT_CONFIG};
pub use model::Fno2d;

use model_runtime::{ModelAdapter, PdeModel, PluginMeta};
use plugin_api::ModelInit;

// Training repeats the same tensor shapes every step: keep freed large blocks for reuse instead
// of re-mapping (and page-faulting) them each time (see model_runtime::alloc).
model_runtime::use_caching_allocator!();

/// The plugin name users type (`--model fno2d`).
pub const NAME: &str = "fno2d";

/// The plugin as the engine sees it.
pub type Fno2dPlugin = ModelAdapter<PdeModel<Fno2d>>;

/// Builds the plugin model from the engine's [`ModelInit`].
pub fn new_model(init: ModelInit<'_>) -> Result<Fno2dPlugin, String> {
    let build = || -> model_runtime::Result<Fno2dPlugin> {
        let net = Fno2d::new(init.config.as_str(), init.data.as_str(), init.seed)?;
        ModelAdapter::new(
            PdeModel(net),
            init.optimizer,
            PluginMeta {
                name: NAME,
                version: env!("CARGO_PKG_VERSION"),
            },
        )
    };
    build().map_err(|e| format!("{NAME}: {e}"))
}

plugin_api::export_model_plugin! {
    name: NAME,
    description: "PDEBench FNO2d (Fourier neural operator), autoregressive rollout training",
    default_config: DEFAULT_CONFIG,
    new: new_model,
}
