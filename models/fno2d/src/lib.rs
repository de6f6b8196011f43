//! The `fno2d` model plugin: PDEBench's 2D Fourier neural operator trained by autoregressive
//! rollout (tempbalance-spec.md §4). The network is the FNO family's ([`fno::Fno`]) in 2D.
//!
//! Batches: `u` `[B, X, Y, T >= t_train, C]` and `grid` `[X, Y, 2]`; `predict` returns `pred`
//! `[B, X, Y, t_train, C]` with the first `initial_step` frames copied from `u`.
//!
//! Parameter groups: `fc0` (Linear `[width, S*C+2]`), `blocks.{i}.spectral` (SpectralComplex,
//! `weight1_*` for kx 0..modes1 and `weight2_*` for the highest modes1 kx, each
//! `[width, width, modes1, modes2]`, exported as one complex `[in, out, 2*modes1, modes2]`),
//! `blocks.{i}.pointwise` (Conv2d, weight `[width, width, 1, 1]` and bias), `fc1`, `fc2`.

pub use fno::{Fno, FnoConfig, FNO2D as VARIANT};
use model_runtime::{ModelAdapter, PdeModel};

/// What `engine plugins describe fno2d` prints.
pub const DEFAULT_CONFIG: &str = VARIANT.default_config;

model_runtime::export_model! {
    name: VARIANT.name,
    description: VARIANT.description,
    default_config: DEFAULT_CONFIG,
    plugin: ModelAdapter<PdeModel<Fno>>,
    network: |config: &str, data: &str, seed: u64| Fno::new(&VARIANT, config, data, seed),
}
