//! Scheduler plugin `constant-lr`: every parameter group trains at the engine's base learning rate
//! eta_t (the base schedule itself, warmup and decay included, belongs to the engine).
//!
//! It is the plain baseline of every ablation and the smallest complete example of a scheduler.

use abi_stable::std_types::{ROption, RResult, RSlice, RStr, RString};
use plugin_api::{guard, Cadence, MetricsSnapshot, ParamGroupInfo, Scheduler, StepContext, StepPlan};

/// The default configuration: this scheduler has no settings.
pub const DEFAULT_CONFIG: &str = "# constant-lr has no settings: every group gets the base learning rate eta_t.\n";

/// The stateless constant scheduler.
#[derive(Debug, Default)]
pub struct ConstantLr;

impl ConstantLr {
    /// Parses the configuration section; any key is unknown.
    pub fn from_config(config: &str) -> Result<Self, String> {
        let table: toml::Table = config.parse().map_err(|e| format!("invalid configuration: {e}"))?;
        match table.keys().next() {
            Some(key) => Err(format!("unknown key `{key}` (constant-lr has no settings)")),
            None => Ok(ConstantLr),
        }
    }
}

impl Scheduler for ConstantLr {
    fn analysis_cadence(&self) -> Cadence {
        Cadence::NEVER
    }

    fn plan(
        &mut self,
        ctx: StepContext,
        _groups: RSlice<'_, ParamGroupInfo>,
        _metrics: ROption<MetricsSnapshot<'_>>,
        incoming: &StepPlan,
    ) -> RResult<StepPlan, RString> {
        guard("plan", || {
            // The incoming plan already holds eta_t for every group (or the previous scheduler's
            // refinement when stacked); reset every learning rate to eta_t.
            let mut plan = incoming.clone();
            for group in plan.groups.iter_mut() {
                group.lr = ctx.base_lr;
            }
            Ok(plan)
        })
    }

    fn save_state(&self) -> RResult<RString, RString> {
        guard("save_state", || Ok(RString::from("{}")))
    }

    fn load_state(&mut self, state: RStr<'_>) -> RResult<(), RString> {
        guard("load_state", || {
            serde_json::from_str::<serde_json::Value>(state.as_str())
                .map(|_| ())
                .map_err(|e| format!("invalid state: {e}"))
        })
    }
}

plugin_api::export_scheduler_plugin! {
    name: "constant-lr",
    description: "every parameter group at the base learning rate (the plain baseline)",
    default_config: DEFAULT_CONFIG,
    new: ConstantLr::from_config,
}

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::{LayerKind, ParamInfo};

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

    #[test]
    fn every_plan_is_the_base_rate() {
        let groups = groups();
        let mut s = ConstantLr::from_config("").unwrap();
        for (step, lr) in [(0, 1e-3), (1, 5e-4), (2, 2.5e-4)] {
            // An incoming plan that a previous scheduler changed is reset to eta_t.
            let mut incoming = StepPlan::uniform(&groups, lr, 1e-4);
            incoming.groups[1].lr = 7.0;
            let plan = s.plan(ctx(step, lr), groups.as_slice().into(), ROption::RNone, &incoming).unwrap();
            assert_eq!(plan.groups.len(), 3);
            assert!(plan.groups.iter().all(|g| g.lr == lr && g.weight_decay == 1e-4));
        }
    }

    #[test]
    fn save_restore_gives_the_same_plans() {
        let groups = groups();
        let mut a = ConstantLr::from_config("").unwrap();
        let state = a.save_state().unwrap();
        let mut b = ConstantLr::default();
        b.load_state(state.as_rstr()).unwrap();
        let incoming = StepPlan::uniform(&groups, 1e-3, 0.0);
        let pa = a.plan(ctx(5, 1e-3), groups.as_slice().into(), ROption::RNone, &incoming).unwrap();
        let pb = b.plan(ctx(5, 1e-3), groups.as_slice().into(), ROption::RNone, &incoming).unwrap();
        assert_eq!(pa, pb);
    }

    #[test]
    fn unknown_key_is_named() {
        let err = ConstantLr::from_config("lr = 0.1").unwrap_err();
        assert!(err.contains("`lr`"), "{err}");
    }
}
