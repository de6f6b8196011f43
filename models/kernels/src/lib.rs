//! Compute kernels of the engine's model plugins: fused CPU ops with hand-written backward passes
//! for what candle lacks or makes slow, one family per file.
//!
//! - [`activation`]: exact GELU, bias + activation (the tail of every Linear/Conv layer);
//! - [`matmul`]: the matmul by a constant (an FNO DFT basis) that skips the constant's gradient;
//! - [`layout`]: relayout (permute + copy + reshape), zero padding, the rollout window shift;
//! - [`cnn`]: channel-major convolution, max pooling, strided transposed convolution (the UNets);
//! - [`batchnorm`]: BatchNorm + tanh with running statistics (the UNets' blocks);
//! - [`cpu`]: the low-level helpers they share with model crates' own fused ops (f32 access,
//!   chunked-parallel loops, lane sums, a vectorizable `exp`, AVX-512/AVX2 dispatch).
//!
//! This crate owns numerics only: it must not depend on the model runtime (parameters,
//! optimizers, checkpoints, the plugin ABI), on the engine or on any network crate. A new kernel
//! goes in the file of its family, with its backward pass and a test against plain candle ops.

pub mod activation;
pub mod batchnorm;
pub mod cnn;
pub mod cpu;
pub mod error;
pub mod layout;
pub mod matmul;
#[cfg(test)]
mod testing;

pub use error::{Error, Result};
