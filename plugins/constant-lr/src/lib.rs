//! Scheduler plugin `constant-lr`: every parameter group trains at the engine's base learning rate
//! eta_t (the base schedule itself, warmup and decay included, belongs to the engine).
//!
//! It is the plain baseline of every ablation and the smallest complete example of a scheduler
//! written with the SDK ([`plugin_api::SchedulerLogic`]).

use plugin_api::{MetricsView, NoState, ParamGroupInfo, SchedulerLogic, StepContext, StepPlan};
use serde::{Deserialize, Serialize};

/// The default configuration: this scheduler has no settings.
pub const DEFAULT_CONFIG: &str = "# constant-lr has no settings: every group gets the base learning rate eta_t.\n";

/// No settings: any key in `[plugins.constant-lr]` is an unknown field.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {}

/// The stateless constant scheduler.
#[derive(Debug, Default)]
pub struct ConstantLr;

impl SchedulerLogic for ConstantLr {
    type Config = Settings;
    type State = NoState;

    fn new(_: Settings) -> Result<Self, String> {
        Ok(ConstantLr)
    }

    fn plan(&mut self, ctx: &StepContext, _: &[ParamGroupInfo], _: Option<MetricsView<'_>>, mut plan: StepPlan) -> Result<StepPlan, String> {
        // The incoming plan already holds eta_t for every group (or the previous scheduler's
        // refinement when stacked); reset every learning rate to eta_t.
        for group in plan.groups.iter_mut() {
            group.lr = ctx.base_lr;
        }
        Ok(plan)
    }
}

plugin_api::export_scheduler! {
    name: "constant-lr",
    description: "every parameter group at the base learning rate (the plain baseline)",
    scheduler: ConstantLr,
    describe: DEFAULT_CONFIG,
}

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::abi_stable::std_types::ROption;
    use plugin_api::sdk::new_scheduler;
    use plugin_api::{LayerKind, ParamInfo, Scheduler};

    fn groups() -> Vec<ParamGroupInfo> {
        ["fc0", "blocks.0.spectral", "fc1"]
            .iter()
            .map(|n| ParamGroupInfo {
                name: (*n).into(),
                kind: LayerKind::Linear,
                block: ROption::RNone,
                params: vec![ParamInfo { name: format!("{n}.weight").into(), shape: vec![2, 2].into(), decay: true }].into(),
                num_params: 4,
            })
            .collect()
    }

    fn ctx(step: u64, base_lr: f64) -> StepContext {
        StepContext { epoch: 0, step, step_in_epoch: step, steps_per_epoch: 10, total_steps: 10, base_lr, weight_decay: 1e-4 }
    }

    /// Through the ABI trait, as the engine calls it.
    #[test]
    fn every_plan_is_the_base_rate() {
        let groups = groups();
        let mut s = new_scheduler::<ConstantLr>("").unwrap();
        for (step, lr) in [(0, 1e-3), (1, 5e-4), (2, 2.5e-4)] {
            // An incoming plan that a previous scheduler changed is reset to eta_t.
            let mut incoming = StepPlan::uniform(&groups, lr, 1e-4);
            incoming.groups[1].lr = 7.0;
            let plan = s.plan(ctx(step, lr), groups.as_slice().into(), ROption::RNone, &incoming).unwrap();
            assert_eq!(plan.groups.len(), 3);
            assert!(plan.groups.iter().all(|g| g.lr == lr && g.weight_decay == 1e-4));
        }
    }

    /// The state is `{}`, as before the SDK, so checkpoints of earlier runs still resume.
    #[test]
    fn state_is_an_empty_object_and_restores() {
        let mut s = new_scheduler::<ConstantLr>("").unwrap();
        let state = s.save_state().unwrap();
        assert_eq!(state.as_str(), "{}");
        s.load_state(state.as_rstr()).unwrap();
        assert!(s.load_state("[1]".into()).into_result().unwrap_err().contains("invalid state"));
    }

    #[test]
    fn unknown_key_is_named() {
        let err = new_scheduler::<ConstantLr>("lr = 0.1").err().unwrap();
        assert!(err.contains("`lr`") && !err.contains('\n'), "{err}");
    }
}
