//! Metrics plugins: per-layer spectral analysis of exported weights.

use crate::{LayerKind, LayerWeights};
use abi_stable::std_types::{RBox, ROption, RResult, RSlice, RStr, RString, RVec};
use crate::root::root_module;
use abi_stable::{sabi_trait, StableAbi};

/// Spectral metrics of one layer. Values are NaN where they could not be computed; `skipped` then
/// says why, so nothing non-finite reaches a scheduler unflagged.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct LayerMetrics {
    /// The parameter group (layer) name.
    pub layer: RString,
    pub kind: LayerKind,
    pub block: ROption<u32>,
    /// Number of eigenvalues used for the fit (after filtering).
    pub num_eigs: u64,
    /// PL_Alpha_Hill.
    pub alpha: f64,
    /// Kolmogorov-Smirnov distance of the power-law fit.
    pub ks_distance: f64,
    /// The xmin of the fit.
    pub xmin: f64,
    /// Largest eigenvalue (squared largest singular value).
    pub spectral_norm: f64,
    /// Sum of eigenvalues (squared Frobenius norm).
    pub frobenius_norm: f64,
    pub stable_rank: f64,
    /// alpha * log10(spectral_norm).
    pub alpha_hat: f64,
    /// Why the layer must not be scheduled (too few eigenvalues, non-finite weights...), if so.
    pub skipped: ROption<RString>,
    /// The eigenvalues, ascending, when the plugin was configured to keep them (ESD plots).
    pub eigenvalues: RVec<f64>,
}

/// A metrics instance. Methods must run under [`crate::guard`].
#[sabi_trait]
pub trait Metrics: Send {
    /// Analyses every layer; returns one row per input layer, in order.
    #[sabi(last_prefix_field)]
    fn analyze(&mut self, layers: RSlice<'_, LayerWeights>) -> RResult<RVec<LayerMetrics>, RString>;
}

/// A boxed metrics plugin instance.
pub type MetricsBox = Metrics_TO<'static, RBox<()>>;

root_module! {
    /// Root module of a metrics plugin.
    MetricsMod, MetricsMod_Ref, base: "engine_metrics", name: "engine metrics plugin",
    new: fn(config: RStr<'_>) -> MetricsBox,
}

/// Exports a metrics plugin's root module; see [`crate::export_scheduler_plugin`].
#[macro_export]
macro_rules! export_metrics_plugin {
    (name: $name:expr, description: $desc:expr, default_config: $cfg:expr, new: $new:expr $(,)?) => {
        $crate::__export_plugin! {
            name: $name, description: $desc, default_config: $cfg, new: $new,
            module: MetricsMod, module_ref: MetricsMod_Ref, object: Metrics_TO, boxed: MetricsBox,
            arg: config: $crate::abi_stable::std_types::RStr<'_> => config.as_str(),
        }
    };
}
