//! Metrics plugins: per-layer spectral analysis of exported weights.

use crate::{LayerKind, LayerWeights, PluginInfo};
use abi_stable::library::RootModule;
use abi_stable::sabi_types::VersionStrings;
use abi_stable::std_types::{RBox, ROption, RResult, RSlice, RStr, RString, RVec};
use abi_stable::{declare_root_module_statics, package_version_strings, sabi_trait, StableAbi};

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

/// Root module of a metrics plugin.
#[repr(C)]
#[derive(StableAbi)]
#[sabi(kind(Prefix(prefix_ref = MetricsMod_Ref)))]
#[sabi(missing_field(panic))]
pub struct MetricsMod {
    pub info: extern "C" fn() -> PluginInfo,
    pub describe: extern "C" fn() -> RString,
    #[sabi(last_prefix_field)]
    pub new: extern "C" fn(config: RStr<'_>) -> RResult<MetricsBox, RString>,
}

impl RootModule for MetricsMod_Ref {
    declare_root_module_statics! {MetricsMod_Ref}
    const BASE_NAME: &'static str = "engine_metrics";
    const NAME: &'static str = "engine metrics plugin";
    const VERSION_STRINGS: VersionStrings = package_version_strings!();
}

/// Exports a metrics plugin's root module; see [`crate::export_scheduler_plugin`].
#[macro_export]
macro_rules! export_metrics_plugin {
    (name: $name:expr, description: $desc:expr, default_config: $cfg:expr, new: $new:expr $(,)?) => {
        extern "C" fn __engine_info() -> $crate::PluginInfo {
            $crate::PluginInfo::new($name, env!("CARGO_PKG_VERSION"), $desc)
        }
        extern "C" fn __engine_describe() -> $crate::abi_stable::std_types::RString {
            $crate::abi_stable::std_types::RString::from($cfg)
        }
        extern "C" fn __engine_new(
            config: $crate::abi_stable::std_types::RStr<'_>,
        ) -> $crate::abi_stable::std_types::RResult<$crate::MetricsBox, $crate::abi_stable::std_types::RString> {
            $crate::guard("new", || {
                let metrics = ($new)(config.as_str())?;
                Ok($crate::Metrics_TO::from_value(metrics, $crate::abi_stable::sabi_trait::TD_Opaque))
            })
        }
        #[$crate::abi_stable::export_root_module]
        pub fn __engine_root_module() -> $crate::MetricsMod_Ref {
            use $crate::abi_stable::prefix_type::PrefixTypeTrait;
            $crate::MetricsMod { info: __engine_info, describe: __engine_describe, new: __engine_new }
                .leak_into_prefix()
        }
    };
}
