//! PDEBench's UNet baseline, 1D and 2D, as one autoregressive one-step model (the `unet1d` and
//! `unet2d` plugins are [`UNet`] exported with `model_runtime::export_model!`).
//!
//! This crate owns the network and its training loss (pushforward); the kernels it runs on are
//! in `model_kernels`, the training mechanics in `model_runtime`. It must not depend on the
//! engine or on other network crates.
//!
//! # Architecture (PDEBench `UNet1d` / `UNet2d`, from Buda's brain-segmentation UNet)
//!
//! ```text
//! input: the last S frames, time-major channels [B, X(, Y), S*C]   (no grid coordinates)
//! encoder1..4: block(F), block(2F), block(4F), block(8F), 2x2 max-pool (1D: 2) between levels
//! bottleneck:  pool, block(16F)
//! decoder4..1: ConvTranspose(k=2, s=2) to half the channels, concat [up, skip], block
//! head:        1x1 conv F -> C (with bias)               F = init_features (PDEBench: 32)
//! block(c):    conv3x3(no bias) -> BatchNorm -> tanh -> conv3x3(no bias) -> BatchNorm -> tanh
//! ```
//!
//! Spatial sizes must be divisible by 16 (four poolings by 2).
//!
//! # Choices
//!
//! - **BatchNorm, as PDEBench.** Training uses batch statistics and updates running statistics
//!   (momentum 0.1, eps 1e-5, PyTorch's defaults) after every forward pass of the rollout, as
//!   PyTorch's `train()` mode does; predictions use the running statistics (`eval()` mode), so a
//!   sample's prediction does not depend on the rest of its batch. The running statistics are
//!   buffers ([`model_runtime::buffers`]), saved in checkpoints as `buffers.safetensors`. With SAM, only
//!   the first (unperturbed) pass of a step updates them; a step that fails leaves them as they
//!   were. A stateless norm (GroupNorm, instance norm) would have avoided the buffers but changed
//!   the baseline the paper reports; UNet results depend on the normalization. (PDEBench's
//!   trainer computes its in-training validation loss without calling `model.eval()`, i.e. with
//!   batch statistics; its reported test metrics load the checkpoint and call `eval()`. Our
//!   `predict` is the latter.) Training needs more than one value per channel at every level:
//!   a batch of 1 on a 16-point grid (1x1 bottleneck) is refused, as PyTorch refuses it.
//! - **Transposed convolutions exactly as PDEBench**, also in 1D: with kernel = stride = 2 the
//!   output patches do not overlap, so the layer is a gemm plus a pixel shuffle
//!   ([`model_kernels::cnn::conv_transpose_stride`]) and needs no `conv_transpose1d` backward.
//! - **Pushforward, as PDEBench** (config `pushforward`, `unroll_step`, defaults `true` and 20 as
//!   PDEBench's configs): see [`crate::pushforward`]. With S = 10 and t_train = 21 (the paper's
//!   setting) it equals full backpropagation through the rollout.
//! - Layout: activations are channel-major `[C, B*H*W]` throughout ([`model_kernels::cnn`]); the window
//!   is transposed in once and the prediction out once per step.
//!
//! # Parameter groups
//!
//! In forward order: `encoder{1..4}.conv{1,2}` (Conv1d/Conv2d, weight only, PDEBench's convs have
//! `bias=False`), `encoder{l}.norm{1,2}` (Norm: `weight`, `bias`), the same for `bottleneck`,
//! `upconv{4..1}` (kind Other: a transposed convolution, which the reference TempBalance code does
//! not analyse; weight `[Ci, Co, 2(, 2)]` and bias), `decoder{4..1}.conv/norm{1,2}`, and `head`
//! (Conv1d/Conv2d 1x1, weight and bias). Block index = the UNet stage in forward order:
//! encoder1..4 = 0..3, bottleneck = 4, decoder4..1 = 5..8 (an upconv belongs to the decoder stage
//! it feeds); `head` has none. Every parameter has weight decay (PDEBench's Adam applies its
//! `weight_decay` to all of them). Layer weights are exported for the conv groups and `head`.


pub mod model;
pub mod pushforward;

pub use model::{UNet, UNetConfig, DEFAULT_CONFIG, KERNEL, LEVELS};
