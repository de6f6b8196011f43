//! The runtime shared by the engine's model plugins (fno1d, fno2d, unet1d, unet2d, bert).
//!
//! A model plugin declares its parameters in a [`ParamStore`] (groups = layers, dotted names,
//! seeded init), implements [`ModelCore`] (loss, predict, layer weights) or, for PDE models, only
//! a one-step forward ([`PdeStep`], rolled out by [`PdeModel`]), and wraps it in [`ModelAdapter`],
//! which implements [`plugin_api::Model`]: per-group Adam/AdamW/SGD from the step plan, SAM,
//! gradient clipping, non-finite guards, safetensors checkpoints, panic containment.
//!
//! Also here: the model plugin export ([`export_model!`], [`export`]), a caching global allocator
//! for plugin crates ([`alloc`]), the PDE rollout ([`rollout`]), non-trained model state saved in
//! checkpoints and the adapter that carries it ([`buffers`]), checks every model's tests run
//! ([`testing`]: every parameter gets a gradient, finite differences), and shared test and
//! benchmark fixtures ([`pde_testing`]).
//!
//! This crate owns the training mechanics the engine relies on. The compute kernels (fused ops
//! with backward passes) are in `model_kernels`; networks are in their own crates (`fno`, `unet`,
//! `engine-model-bert`). It must not depend on a network crate or on the engine.
//!
//! ```ignore
//! struct MyNet { params: ParamStore, data: PdeData, w: Tensor }
//! impl PdeStep for MyNet { /* params, data, config_toml, prepare, step, layer_weights */ }
//! model_runtime::export_model! {
//!     name: "mynet",
//!     description: "...",
//!     default_config: "",
//!     plugin: ModelAdapter<PdeModel<MyNet>>,
//!     network: MyNet::new, // fn(config: &str, data: &str, seed: u64) -> Result<MyNet>
//! }
//! ```


pub mod adapter;
pub mod alloc;
pub mod batch;
pub mod buffers;
pub mod checkpoint;
pub mod config;
pub mod error;
pub mod export;
pub mod optim;
pub mod params;
pub mod pde;
pub mod pde_testing;
pub mod rng;
pub mod rollout;
pub mod split;
pub mod testing;
pub mod train;

pub use adapter::{real_layer_weights, tensor_data, ModelAdapter, ModelCore, PluginMeta, StepCtx};
pub use batch::{Batch, Dim};
pub use error::{Error, Result};
pub use optim::{GroupHyper, Optimizer};
pub use params::{Group, Init, Param, ParamStore};
pub use pde::{PdeData, PdeModel, PdeStep};
pub use rng::{rng_for, Rng};
pub use rollout::{RelativeLoss, RolloutSpec};
pub use train::Trainer;

/// Re-exported so model crates use the runtime's candle.
pub use candle_core;
/// Re-exported for [`export_model!`].
pub use plugin_api;
