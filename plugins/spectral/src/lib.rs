//! Spectral metrics: the empirical spectral density (ESD) of every layer's weight matrix and its
//! heavy-tail exponent PL_Alpha_Hill, as TempBalance uses them (tempbalance-spec.md §1-2).
//!
//! Use it as a library ([`analyze`], [`spectrum_metrics`], [`pl_alpha_hill`]) or load it as the
//! metrics plugin `spectral` (`libengine_metrics_spectral.so`, [`SpectralPlugin`]); both run the
//! same code.
//!
//! # What is computed, per layer
//!
//! 1. **Matrices** by layer kind ([`esd`]): a Linear weight as is; one `out x in` matrix per tap of
//!    a Conv1d/Conv2d, scaled by `sqrt(conv_norm)`; one complex `in x out` matrix per Fourier mode
//!    of a spectral-complex weight.
//! 2. **Eigenvalues** `λ = σ²`, the squared singular values of every matrix, pooled and sorted
//!    ascending: `λ_0 <= ... <= λ_{N-1}`. Computed in float64 as the eigenvalues of the Gram
//!    matrix `A Aᴴ` (faer's tridiagonalisation, then [`tridiagonal`]'s implicit QR).
//! 3. **Filtering** (`filter_zeros`): the fit uses `λ > zero_threshold` only, or all eigenvalues
//!    if none is left. `num_eigs` counts the eigenvalues used; fewer than `min_eigs` skips the layer.
//! 4. **PL_Alpha_Hill** ([`powerlaw`]) with `x_min = λ_i`, tail length `n = N - i`:
//!    `α̂ = 1 + n / Σ_{j>=i} ln(λ_j / λ_i)`, and the Kolmogorov-Smirnov distance
//!    `D = max_{k<n} |1 - (λ_{i+k}/λ_i)^{1-α̂} - k/n|`. The index `i` comes from `xmin_rule`:
//!    - `mid`: `i = floor(N / xmin_pos)`;
//!    - `ks-scan`: the `i` in `0..=N-2` with the smallest `D` (fits with `α̂ <= 1` score 1; first
//!      minimum on ties);
//!    - `peak`: the same scan restricted to `0.95 p <= λ_i <= 1.5 p`, where `p = 10^e` and `e` is
//!      the left edge of the fullest of `bins` equal bins of the histogram of `log10 λ` over
//!      `[min, max]`.
//! 5. **Norms**: `spectral_norm = λ_max = σ_max²`; `frobenius_norm = Σ λ = ‖W‖_F²` (both squared,
//!    as the reference's `spectral_norm` and `norm`); `stable_rank = Σ λ / λ_max` over the fitted
//!    eigenvalues; `alpha_hat = α̂ · log10(λ_max)`.
//!
//! Nothing non-finite reaches a scheduler unflagged: a layer whose metrics are not all finite, or
//! that has too few eigenvalues, non-finite weights or an excluded kind, has `skipped` set to the
//! reason. docs/tempbalance.md lists every deviation from the reference code and why.

pub mod analyze;
pub mod config;
pub mod esd;
pub mod powerlaw;
pub mod random;
pub mod tridiagonal;

pub use analyze::{analyze, spectrum_metrics, SpectrumMetrics};
pub use config::{SpectralConfig, XminRule, DEFAULT_CONFIG};
pub use esd::{
    layer_eigenvalues, layer_matrices, matrix_eigenvalues, Extraction, LayerMatrices, MatrixSlice,
};
pub use powerlaw::{fit_at, fit_eigenvalues, histogram_peak, pl_alpha_hill, FitError, PowerLawFit};

use abi_stable::std_types::{RResult, RSlice, RString, RVec};
use plugin_api::{LayerMetrics, LayerWeights, Metrics};

/// Errors of the spectral library; each displays as one line naming the key or layer at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SpectralError {
    /// A bad configuration key or value.
    #[error("spectral config: {0}")]
    Config(String),
    /// A `LayerWeights` that breaks its contract (shape against buffers); a model plugin bug.
    #[error("spectral: layer `{layer}` ({kind}): {message}")]
    InvalidLayer {
        layer: String,
        kind: &'static str,
        message: String,
    },
}

/// The plugin instance: a configuration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpectralPlugin {
    pub config: SpectralConfig,
}

impl SpectralPlugin {
    /// Builds the plugin from its TOML section (empty = defaults).
    pub fn from_toml(text: &str) -> Result<Self, SpectralError> {
        Ok(Self {
            config: SpectralConfig::from_toml(text)?,
        })
    }
}

impl Metrics for SpectralPlugin {
    fn analyze(
        &mut self,
        layers: RSlice<'_, LayerWeights>,
    ) -> RResult<RVec<LayerMetrics>, RString> {
        plugin_api::guard("spectral analyze", || {
            analyze(layers.as_slice(), &self.config)
                .map(RVec::from)
                .map_err(|e| e.to_string())
        })
    }
}

plugin_api::export_metrics_plugin! {
    name: "spectral",
    description: "per-layer ESD and PL_Alpha_Hill (TempBalance's layer metric), spectral and Frobenius norms",
    default_config: DEFAULT_CONFIG,
    new: |config: &str| -> Result<SpectralPlugin, String> {
        SpectralPlugin::from_toml(config).map_err(|e| e.to_string())
    },
}
