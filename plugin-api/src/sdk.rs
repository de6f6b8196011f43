//! Schedulers in plain Rust: implement [`SchedulerLogic`] with ordinary types, a `serde`
//! configuration struct and a `serde` state, then export it with [`crate::export_scheduler!`]. The
//! macro adds what the ABI needs: the guards (a panic becomes an error naming the call), the
//! abi_stable conversions, the parsing of the `[plugins.<name>]` section (a misspelt key or a wrong
//! type is one line naming it), and the JSON state saved with checkpoints.
//!
//! ```ignore
//! #[derive(Default, serde::Serialize, serde::Deserialize)]
//! #[serde(deny_unknown_fields, default)]
//! struct Settings { floor: f64 }
//!
//! struct DepthCosine { floor: f64 }
//!
//! impl SchedulerLogic for DepthCosine {
//!     type Config = Settings;
//!     type State = NoState;
//!     fn new(config: Settings) -> Result<Self, String> { Ok(Self { floor: config.floor }) }
//!     fn plan(&mut self, _: &StepContext, groups: &[ParamGroupInfo], _: Option<MetricsView<'_>>, mut plan: StepPlan) -> Result<StepPlan, String> {
//!         /* change plan.groups[i].lr */
//!         Ok(plan)
//!     }
//! }
//!
//! plugin_api::export_scheduler! { name: "depth-cosine", description: "...", scheduler: DepthCosine }
//! ```

use crate::{guard, Cadence, LayerMetrics, MetricsSnapshot, ParamGroupInfo, Scheduler, StepContext, StepPlan};
use abi_stable::std_types::{ROption, RResult, RSlice, RStr, RString};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The latest spectral analysis, as plain Rust.
#[derive(Debug, Clone, Copy)]
pub struct MetricsView<'a> {
    /// Global step at which the weights were analysed.
    pub step: u64,
    pub epoch: u64,
    /// One row per analysed layer, in model order.
    pub layers: &'a [LayerMetrics],
}

/// The state of a scheduler that keeps none (saved as `{}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoState {}

/// A scheduler's policy. Everything else a plugin needs comes from [`crate::export_scheduler!`].
pub trait SchedulerLogic: Sized + Send + 'static {
    /// The `[plugins.<name>]` section. Derive `Deserialize` with
    /// `#[serde(deny_unknown_fields, default)]`: a misspelt key is then an error naming it, and a
    /// key left out takes its value from `Default`, which is also what `engine plugins describe`
    /// prints.
    type Config: Serialize + DeserializeOwned + Default;
    /// What a resumed run needs to continue exactly (counters, cached metrics); [`NoState`] if
    /// nothing.
    type State: Serialize + DeserializeOwned + Default;

    /// Builds the scheduler. Check values the types cannot (ranges) here; an error names the key.
    fn new(config: Self::Config) -> Result<Self, String>;

    /// How often the scheduler wants fresh spectral metrics (default: never).
    fn cadence(&self) -> Cadence {
        Cadence::NEVER
    }

    /// The plan for step `ctx.step`: `incoming` holds every group at `ctx.base_lr` (or the previous
    /// scheduler's plan when stacked); refine it and return it.
    fn plan(&mut self, ctx: &StepContext, groups: &[ParamGroupInfo], metrics: Option<MetricsView<'_>>, incoming: StepPlan) -> Result<StepPlan, String>;

    /// The state saved with a checkpoint (default: `State::default()`).
    fn state(&self) -> Self::State {
        Self::State::default()
    }

    /// Continues from a saved state (default: nothing to restore).
    fn restore(&mut self, _state: Self::State) -> Result<(), String> {
        Ok(())
    }
}

/// A [`SchedulerLogic`] behind the ABI's [`Scheduler`] trait. Made by [`crate::export_scheduler!`].
pub struct Exported<S>(pub S);

impl<S: SchedulerLogic> Scheduler for Exported<S> {
    fn analysis_cadence(&self) -> Cadence {
        self.0.cadence()
    }

    fn plan(
        &mut self,
        ctx: StepContext,
        groups: RSlice<'_, ParamGroupInfo>,
        metrics: ROption<MetricsSnapshot<'_>>,
        incoming: &StepPlan,
    ) -> RResult<StepPlan, RString> {
        guard("plan", || {
            let metrics = metrics.into_option().map(|m| MetricsView { step: m.step, epoch: m.epoch, layers: m.layers.as_slice() });
            self.0.plan(&ctx, groups.as_slice(), metrics, incoming.clone())
        })
    }

    fn save_state(&self) -> RResult<RString, RString> {
        guard("save_state", || serde_json::to_string(&self.0.state()).map(RString::from).map_err(|e| format!("cannot save the state: {e}")))
    }

    fn load_state(&mut self, state: RStr<'_>) -> RResult<(), RString> {
        guard("load_state", || {
            let state: S::State = serde_json::from_str(state.as_str()).map_err(|e| format!("invalid state: {e}"))?;
            self.0.restore(state)
        })
    }
}

/// Parses a `[plugins.<name>]` section (TOML text, empty for the defaults) into `S::Config` and
/// builds the scheduler; errors are one line.
pub fn new_scheduler<S: SchedulerLogic>(config: &str) -> Result<Exported<S>, String> {
    let parsed: S::Config = toml::from_str(config).map_err(|e| toml_error("invalid configuration", config, &e))?;
    S::new(parsed).map(Exported)
}

/// A TOML error in `text` as one line: `{what} at line N (`the line`): message`. serde names an
/// unknown key but not the key of a bad value, hence the quoted line. Every configuration parser
/// of the engine and its plugins reports TOML errors through this.
pub fn toml_error(what: &str, text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let start = span.start.min(text.len());
            let number = text[..start].matches('\n').count() + 1;
            match text.lines().nth(number - 1).map(str::trim).filter(|l| !l.is_empty()) {
                Some(line) => format!("{what} at line {number} (`{line}`): {message}"),
                None => format!("{what} at line {number}: {message}"),
            }
        }
        None => format!("{what}: {message}"),
    }
}

/// The default configuration as TOML, what `engine plugins describe` prints when the plugin gives
/// no commented text of its own.
pub fn default_config<S: SchedulerLogic>() -> String {
    toml::to_string(&S::Config::default()).unwrap_or_else(|e| format!("# the default configuration cannot be shown: {e}\n"))
}

/// Exports a [`SchedulerLogic`] type as a scheduler plugin.
///
/// ```ignore
/// plugin_api::export_scheduler! {
///     name: "depth-cosine",
///     description: "rates falling with depth along a half cosine",
///     scheduler: DepthCosine,
///     // optional: the text `engine plugins describe` prints (default: the Config's defaults)
///     describe: DEFAULT_CONFIG,
/// }
/// ```
#[macro_export]
macro_rules! export_scheduler {
    (name: $name:expr, description: $desc:expr, scheduler: $ty:ty, describe: $cfg:expr $(,)?) => {
        $crate::export_scheduler_plugin! {
            name: $name,
            description: $desc,
            default_config: $cfg,
            new: $crate::sdk::new_scheduler::<$ty>,
        }
    };
    (name: $name:expr, description: $desc:expr, scheduler: $ty:ty $(,)?) => {
        $crate::export_scheduler_plugin! {
            name: $name,
            description: $desc,
            default_config: $crate::sdk::default_config::<$ty>(),
            new: $crate::sdk::new_scheduler::<$ty>,
        }
    };
}
