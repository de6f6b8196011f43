//! Scheduler plugin `sam`: sharpness-aware minimization.
//!
//! The scheduler is policy only: it sets `sam = Some(SamPlan { rho, adaptive })` in the plan and
//! leaves every learning rate and weight decay as it came. The model runtime does the mechanics
//! (models/runtime/src/train.rs): a first pass at w gives g, the weights move to w + e with
//! `e = rho * g / ||g||` (adaptive SAM, ASAM: `e = rho * w^2 * g / ||w * g||`), a second pass there
//! gives the gradient that the base optimizer applies at the original w.
//!
//! Stacked after another scheduler it adds SAM to that scheduler's rates:
//! `--scheduler tempbalance+sam` trains with TempBalance's per-layer rates and SAM's two passes.
//!
//! Defaults follow the reference (tempbalance-spec.md §6): `rho = 0.05`, `adaptive = false`. Note
//! that the paper's NLP code passes its arguments positionally so that `adaptive` receives a
//! (truthy) dict: its runs actually used adaptive SAM. Set `adaptive = true` to match them.

use plugin_api::abi_stable::std_types::ROption;
use plugin_api::{MetricsView, NoState, ParamGroupInfo, SamPlan, SchedulerLogic, StepContext, StepPlan};
use serde::{Deserialize, Serialize};

/// The plugin's name, as users type it.
pub const NAME: &str = "sam";

/// The default configuration (what `engine plugins describe sam` prints).
pub const DEFAULT_CONFIG: &str = r#"# sam: sharpness-aware minimization. Learning rates pass through unchanged; the model runtime
# takes two forward/backward passes per step (the second at w + e).

# Neighbourhood radius; 0.05 is the reference default. Must be > 0.
rho = 0.05
# Adaptive SAM (ASAM): e = rho * w^2 * g / ||w * g|| instead of rho * g / ||g||.
# The paper's NLP runs actually used adaptive SAM (its trainer passes the arguments positionally).
adaptive = false
"#;

/// The `[plugins.sam]` section.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub rho: f64,
    pub adaptive: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { rho: 0.05, adaptive: false }
    }
}

/// The scheduler. It has no state beyond its configuration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sam {
    pub settings: SamPlan,
}

impl SchedulerLogic for Sam {
    type Config = Settings;
    type State = NoState;

    fn new(config: Settings) -> Result<Self, String> {
        if !(config.rho.is_finite() && config.rho > 0.0) {
            return Err(format!("`rho` is {}; it must be a positive number (0.05 is the reference's)", config.rho));
        }
        Ok(Sam { settings: SamPlan { rho: config.rho, adaptive: config.adaptive } })
    }

    fn plan(&mut self, _: &StepContext, _: &[ParamGroupInfo], _: Option<MetricsView<'_>>, mut plan: StepPlan) -> Result<StepPlan, String> {
        if let ROption::RSome(earlier) = plan.sam {
            if earlier != self.settings {
                plan.warnings.push(
                    format!(
                        "{NAME}: replaces the SAM settings of an earlier scheduler (rho {}, adaptive {}) with rho {}, adaptive {}",
                        earlier.rho, earlier.adaptive, self.settings.rho, self.settings.adaptive
                    )
                    .into(),
                );
            }
        }
        plan.sam = ROption::RSome(self.settings);
        Ok(plan)
    }
}

plugin_api::export_scheduler! {
    name: NAME,
    description: "sharpness-aware minimization (SAM / adaptive SAM); learning rates pass through",
    scheduler: Sam,
    describe: DEFAULT_CONFIG,
}

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::abi_stable::std_types::RStr;
    use plugin_api::sdk::{new_scheduler, Exported};
    use plugin_api::{LayerKind, ParamInfo, Scheduler};

    fn groups() -> Vec<ParamGroupInfo> {
        ["fc0", "blocks.0.spectral", "fc1"]
            .iter()
            .enumerate()
            .map(|(i, n)| ParamGroupInfo {
                name: (*n).into(),
                kind: LayerKind::Linear,
                block: if i == 1 { ROption::RSome(0) } else { ROption::RNone },
                params: vec![ParamInfo { name: format!("{n}.weight").into(), shape: vec![2, 2].into(), decay: true }].into(),
                num_params: 4,
            })
            .collect()
    }

    fn ctx(step: u64, base_lr: f64) -> StepContext {
        StepContext { epoch: 0, step, step_in_epoch: step, steps_per_epoch: 10, total_steps: 10, base_lr, weight_decay: 1e-4 }
    }

    fn sam(text: &str) -> Result<Exported<Sam>, String> {
        new_scheduler::<Sam>(text)
    }

    fn plan(s: &mut Exported<Sam>, step: u64, incoming: &StepPlan) -> StepPlan {
        let groups = groups();
        s.plan(ctx(step, 1e-3), groups.as_slice().into(), ROption::RNone, incoming).unwrap()
    }

    #[test]
    fn a_sequence_of_plans_asks_for_sam_and_keeps_the_rates() {
        let groups = groups();
        let mut s = sam("").unwrap();
        for (step, eta) in [(0u64, 1e-3), (1, 5e-4), (2, 1e-5)] {
            let mut incoming = StepPlan::uniform(&groups, eta, 1e-4);
            incoming.groups[1].lr = 3.0 * eta; // an earlier scheduler's refinement
            incoming.groups[2].weight_decay = 0.0;
            let p = plan(&mut s, step, &incoming);
            assert_eq!(p.sam, ROption::RSome(SamPlan { rho: 0.05, adaptive: false }));
            assert_eq!(p.groups, incoming.groups);
            assert!(p.warnings.is_empty());
        }
        let mut s = sam("rho = 0.1\nadaptive = true").unwrap();
        let p = plan(&mut s, 0, &StepPlan::uniform(&groups, 1e-3, 0.0));
        assert_eq!(p.sam, ROption::RSome(SamPlan { rho: 0.1, adaptive: true }));
    }

    #[test]
    fn earlier_sam_settings_are_replaced_with_a_warning() {
        let groups = groups();
        let mut incoming = StepPlan::uniform(&groups, 1e-3, 0.0);
        incoming.sam = ROption::RSome(SamPlan { rho: 0.5, adaptive: true });
        let p = plan(&mut sam("").unwrap(), 0, &incoming);
        assert_eq!(p.sam, ROption::RSome(SamPlan { rho: 0.05, adaptive: false }));
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("rho 0.5"), "{}", p.warnings[0]);
        // The same settings twice (sam+sam) are no news.
        let again = plan(&mut sam("").unwrap(), 0, &p);
        assert_eq!(again.warnings.len(), 1);
    }

    #[test]
    fn save_restore_gives_the_same_plans() {
        let groups = groups();
        let mut a = sam("rho = 0.2").unwrap();
        let _ = plan(&mut a, 0, &StepPlan::uniform(&groups, 1e-3, 0.0));
        let state = a.save_state().unwrap();
        let mut b = sam("rho = 0.2").unwrap();
        b.load_state(state.as_rstr()).unwrap();
        for step in 1..4 {
            let incoming = StepPlan::uniform(&groups, 1e-3 / step as f64, 0.0);
            assert_eq!(plan(&mut a, step, &incoming), plan(&mut b, step, &incoming));
        }
        assert!(b.load_state(RStr::from("nope")).is_err());
    }

    #[test]
    fn configuration_is_validated() {
        assert_eq!(sam(DEFAULT_CONFIG).unwrap().0, sam("").unwrap().0);
        assert_eq!(sam("rho = 1").unwrap().0.settings.rho, 1.0);
        for (text, needle) in [
            ("radius = 0.1", "unknown field `radius`"),
            ("rho = 0", "`rho` is 0"),
            ("rho = -0.1", "`rho` is -0.1"),
            ("rho = \"big\"", "`rho = \"big\"`"),
            ("adaptive = 1", "`adaptive = 1`"),
        ] {
            let err = sam(text).err().unwrap();
            assert!(err.contains(needle), "{text}: {err}");
        }
    }
}
