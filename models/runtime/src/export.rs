//! One way to export a model plugin: a plugin crate names its network constructor and the adapter
//! that carries it, and [`export_model!`](crate::export_model) writes the rest (the plugin name
//! constant, `network` and `new_model` for tests and benchmarks, the caching allocator, and the
//! ABI entry points through [`plugin_api::export_model_plugin!`]).

use crate::buffers::{BufferedAdapter, BufferedCore};
use crate::{ModelAdapter, PdeModel, PdeStep, PluginMeta, Result};
use plugin_api::OptimizerSpec;

/// How a plugin wraps its network for the engine.
pub trait WrapNetwork: Sized {
    /// The network the plugin's `network` function builds.
    type Network;
    fn wrap(net: Self::Network, optimizer: OptimizerSpec, meta: PluginMeta) -> Result<Self>;
}

/// A PDE network defined by its one-step forward, rolled out by [`PdeModel`].
impl<N: PdeStep> WrapNetwork for ModelAdapter<PdeModel<N>> {
    type Network = N;
    fn wrap(net: N, optimizer: OptimizerSpec, meta: PluginMeta) -> Result<Self> {
        ModelAdapter::new(PdeModel(net), optimizer, meta)
    }
}

/// A network with non-trained state (BatchNorm running statistics) saved in checkpoints.
impl<N: BufferedCore> WrapNetwork for BufferedAdapter<N> {
    type Network = N;
    fn wrap(net: N, optimizer: OptimizerSpec, meta: PluginMeta) -> Result<Self> {
        BufferedAdapter::new(net, optimizer, meta)
    }
}

/// Exports a model plugin from its network constructor:
///
/// ```ignore
/// model_runtime::export_model! {
///     name: "fno2d",
///     description: "PDEBench FNO2d, autoregressive rollout training",
///     default_config: fno::FNO2D.default_config,
///     plugin: ModelAdapter<PdeModel<Fno>>,
///     network: |config: &str, data: &str, seed: u64| Fno::new(&fno::FNO2D, config, data, seed),
/// }
/// ```
///
/// defines `NAME`, `Plugin` (the adapter type), `network(config, data, seed)` (the network alone,
/// for tests and benchmarks), `new_model(ModelInit)` (errors prefixed with the plugin's name),
/// installs the caching allocator (training repeats the same tensor shapes every step: freed large
/// blocks are kept for reuse, see [`alloc`](crate::alloc)) and exports the ABI entry points.
#[macro_export]
macro_rules! export_model {
    (name: $name:expr, description: $desc:expr, default_config: $cfg:expr, plugin: $plugin:ty, network: $network:expr $(,)?) => {
        $crate::use_caching_allocator!();

        /// The plugin name users type (`--model NAME`).
        pub const NAME: &str = $name;

        /// The plugin as the engine sees it.
        pub type Plugin = $plugin;

        /// Builds the network alone (tests, benchmarks).
        pub fn network(config: &str, data: &str, seed: u64) -> $crate::Result<<Plugin as $crate::export::WrapNetwork>::Network> {
            ($network)(config, data, seed)
        }

        /// Builds the plugin model from the engine's `ModelInit`.
        pub fn new_model(init: $crate::plugin_api::ModelInit<'_>) -> ::std::result::Result<Plugin, String> {
            let build = || -> $crate::Result<Plugin> {
                let net = network(init.config.as_str(), init.data.as_str(), init.seed)?;
                let meta = $crate::PluginMeta { name: NAME, version: env!("CARGO_PKG_VERSION") };
                <Plugin as $crate::export::WrapNetwork>::wrap(net, init.optimizer, meta)
            };
            build().map_err(|e| format!("{NAME}: {e}"))
        }

        $crate::plugin_api::export_model_plugin! {
            name: NAME,
            description: $desc,
            default_config: $cfg,
            new: new_model,
        }
    };
}
