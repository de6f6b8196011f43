//! The `unet1d` model plugin: PDEBench's UNet1d baseline trained by autoregressive rollout
//! (tempbalance-spec.md §4: the paper reports UNet on 1D CFD).
//!
//! Four encoder levels of two 3-wide convolutions with BatchNorm and tanh, MaxPool1d(2) between
//! levels, a bottleneck, four decoder levels with ConvTranspose1d(k=2, s=2) upsampling and skip
//! connections by concatenation, and a 1-wide convolution to the C output channels; the input is
//! the last `initial_step` frames (S*C channels), without grid coordinates. The network,
//! BatchNorm (running statistics saved as checkpoint buffers), the pushforward training loss and
//! the parameter groups are documented in [`unet`], which this crate and the
//! other UNet plugin share; the fused convolution, pooling and norm kernels are in
//! [`model_kernels::cnn`] and [`model_kernels::batchnorm`].
//!
//! Batches: `u` `[B, X, T >= t_train, C]` (and `grid`, which the UNet does not use); every spatial size must be divisible by 16. `predict` returns
//! `pred` `[B, X, t_train, C]` with the first `initial_step` frames copied from `u`,
//! computed with the BatchNorm running statistics (PyTorch's eval mode).
//!
//! Parameter groups (kind Conv1d for the convolutions): `encoder{1..4}.conv{1,2}` and
//! `.norm{1,2}`, `bottleneck.*`, `upconv{4..1}` (kind Other), `decoder{4..1}.*`, `head`.

pub use unet::{UNet, UNetConfig, DEFAULT_CONFIG};

use model_runtime::buffers::BufferedAdapter;

/// Spatial dimensions of the data this plugin takes.
pub const SPATIAL_DIMS: usize = 1;

model_runtime::export_model! {
    name: "unet1d",
    description: "PDEBench UNet1d (BatchNorm, tanh), autoregressive rollout training with pushforward",
    default_config: DEFAULT_CONFIG,
    plugin: BufferedAdapter<UNet>,
    network: |config: &str, data: &str, seed: u64| UNet::new(SPATIAL_DIMS, config, data, seed),
}
