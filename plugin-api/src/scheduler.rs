//! Scheduler plugins: policy only. A scheduler reads the step counters, the model's parameter groups
//! and the latest spectral metrics, and refines the plan it is given.

use crate::{LayerMetrics, ParamGroupInfo, StepPlan};
use abi_stable::std_types::{RBox, ROption, RResult, RSlice, RStr, RString};
use crate::root::root_module;
use abi_stable::{sabi_trait, StableAbi};

/// Where training stands when a plan is asked for.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq)]
pub struct StepContext {
    /// Epoch index, from 0.
    pub epoch: u64,
    /// Global optimizer step about to be taken, from 0.
    pub step: u64,
    /// Step index within the epoch, from 0.
    pub step_in_epoch: u64,
    pub steps_per_epoch: u64,
    pub total_steps: u64,
    /// eta_t: the engine's base schedule (warmup, decay) at this step. Every plan is relative to it.
    pub base_lr: f64,
    /// The configured base weight decay.
    pub weight_decay: f64,
}

/// The unit of a cadence.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CadenceUnit {
    Never,
    Steps,
    Epochs,
}

/// How often something happens (here: how often the scheduler wants fresh spectral metrics).
/// Metrics are computed before the first step and then every `every` units.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub unit: CadenceUnit,
    pub every: u64,
}

impl Cadence {
    pub const NEVER: Cadence = Cadence { unit: CadenceUnit::Never, every: 0 };
}

/// The latest spectral analysis, and when it was taken.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy)]
pub struct MetricsSnapshot<'a> {
    /// Global step at which the weights were analysed (metrics taken before step s have step = s).
    pub step: u64,
    pub epoch: u64,
    pub layers: RSlice<'a, LayerMetrics>,
}

/// A scheduler instance. Methods must run under [`crate::guard`].
#[sabi_trait]
pub trait Scheduler: Send {
    /// How often the engine should run the metrics plugin for this scheduler.
    fn analysis_cadence(&self) -> Cadence;

    /// Refines `incoming` (the base plan: every group at `ctx.base_lr`, or the previous scheduler's
    /// plan when schedulers are stacked) into the plan for step `ctx.step`.
    fn plan(
        &mut self,
        ctx: StepContext,
        groups: RSlice<'_, ParamGroupInfo>,
        metrics: ROption<MetricsSnapshot<'_>>,
        incoming: &StepPlan,
    ) -> RResult<StepPlan, RString>;

    /// The scheduler's state (counters, last metrics, last plan) as JSON, saved with checkpoints.
    fn save_state(&self) -> RResult<RString, RString>;

    /// Restores [`Scheduler::save_state`] output.
    #[sabi(last_prefix_field)]
    fn load_state(&mut self, state: RStr<'_>) -> RResult<(), RString>;
}

/// A boxed scheduler as returned by plugins.
pub type SchedulerBox = Scheduler_TO<'static, RBox<()>>;

root_module! {
    /// Root module of a scheduler plugin.
    SchedulerMod, SchedulerMod_Ref, base: "engine_scheduler", name: "engine scheduler plugin",
    new: fn(config: RStr<'_>) -> SchedulerBox,
}

/// Exports a scheduler plugin's root module.
///
/// ```ignore
/// plugin_api::export_scheduler_plugin! {
///     name: "constant-lr", description: "every group at the base learning rate",
///     default_config: "", new: |config: &str| -> Result<MyScheduler, String> { ... },
/// }
/// ```
/// `new` returns a value implementing [`Scheduler`]; it runs under [`crate::guard`].
#[macro_export]
macro_rules! export_scheduler_plugin {
    (name: $name:expr, description: $desc:expr, default_config: $cfg:expr, new: $new:expr $(,)?) => {
        $crate::__export_plugin! {
            name: $name, description: $desc, default_config: $cfg, new: $new,
            module: SchedulerMod, module_ref: SchedulerMod_Ref, object: Scheduler_TO, boxed: SchedulerBox,
            arg: config: $crate::abi_stable::std_types::RStr<'_> => config.as_str(),
        }
    };
}
