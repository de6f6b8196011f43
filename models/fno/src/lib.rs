//! The Fourier neural operator family (PDEBench's FNO1d, FNO2d, FNO3d in one implementation):
//! the number of spatial dimensions comes from the [`FnoVariant`], the modes per axis from the
//! configuration. The plugin crates `fno1d` and `fno2d` are this network in 1D and 2D, exported
//! with [`model_runtime::export_model!`].
//!
//! The network ([`Fno`]) implements [`model_runtime::PdeStep`]; the runtime provides the rollout
//! (full backpropagation through every predicted frame, as PDEBench trains its FNO), optimizers,
//! SAM, checkpoints and the plugin ABI. The spectral convolution is a truncated DFT written as real
//! matmuls ([`spectral`]).
//!
//! This crate owns the network only; it must not depend on the engine or on other model crates.

pub mod config;
pub mod model;
pub mod spectral;

pub use config::{FnoConfig, FnoVariant, FNO1D, FNO2D, FNO3D};
pub use model::{Fno, FnoCtx};
