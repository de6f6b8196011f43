//! The `fno1d` model plugin: PDEBench's 1D Fourier neural operator (its `FNO1d` class) trained by
//! autoregressive rollout (tempbalance-spec.md §4: the paper reports FNO on 1D CFD). The network
//! is the FNO family's ([`fno::Fno`]) in 1D.
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

pub use fno::{Fno, FnoConfig, FNO1D as VARIANT};
use model_runtime::{ModelAdapter, PdeModel};

/// What `engine plugins describe fno1d` prints.
pub const DEFAULT_CONFIG: &str = VARIANT.default_config;

model_runtime::export_model! {
    name: VARIANT.name,
    description: VARIANT.description,
    default_config: DEFAULT_CONFIG,
    plugin: ModelAdapter<PdeModel<Fno>>,
    network: |config: &str, data: &str, seed: u64| Fno::new(&VARIANT, config, data, seed),
}
