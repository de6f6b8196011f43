//! The `fno1d` model plugin: PDEBench's 1D Fourier neural operator (its `FNO1d` class) trained by
//! autoregressive rollout, like fno2d (tempbalance-spec.md §4: the paper reports FNO on 1D CFD).
//!
//! The network ([`model::Fno1d`]) implements [`model_runtime::PdeStep`]; the runtime provides the
//! rollout (full backpropagation through every predicted frame, as PDEBench trains its FNO),
//! optimizers, SAM, checkpoints and the plugin ABI ([`model_runtime::ModelAdapter`]). The spectral
//! convolution is a truncated DFT written as real matmuls ([`spectral`]).
//!
//! Defaults are PDEBench's `FNO1d` class defaults (width 64, 16 modes, padding 2); the paper's
//! own 1D settings are not published, so they are unverified.
//!
//! Batches: `u` `[B, X, T >= t_train, C]` and `grid` `[X, 1]` (the x coordinate); `predict`
//! returns `pred` `[B, X, t_train, C]` with the first `initial_step` frames copied from `u`.
//!
//! Parameter groups: `fc0` (Linear `[width, S*C+1]`), `blocks.{i}.spectral` (SpectralComplex,
//! `weight_re`/`weight_im` `[width, width, modes]`, exported as one complex `[in, out, modes]`),
//! `blocks.{i}.pointwise` (Conv1d, weight `[width, width, 1]` and bias), `fc1`, `fc2` (Linear).

pub mod config;
pub mod model;
pub mod spectral;

pub use config::{Fno1dConfig, DEFAULT_CONFIG};
pub use model::Fno1d;

use model_runtime::{ModelAdapter, PdeModel, PluginMeta};
use plugin_api::ModelInit;

// Training repeats the same tensor shapes every step: keep freed large blocks for reuse
// (see model_runtime::alloc).
model_runtime::use_caching_allocator!();

/// The plugin name users type (`--model fno1d`).
pub const NAME: &str = "fno1d";

/// The plugin as the engine sees it.
pub type Fno1dPlugin = ModelAdapter<PdeModel<Fno1d>>;

/// Builds the plugin model from the engine's [`ModelInit`].
pub fn new_model(init: ModelInit<'_>) -> Result<Fno1dPlugin, String> {
    let build = || -> model_runtime::Result<Fno1dPlugin> {
        let net = Fno1d::new(init.config.as_str(), init.data.as_str(), init.seed)?;
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
    description: "PDEBench FNO1d (Fourier neural operator, 1D), autoregressive rollout training",
    default_config: DEFAULT_CONFIG,
    new: new_model,
}
