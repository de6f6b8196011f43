//! `warm-layers`: an example scheduler plugin, and the template to start your own from.
//!
//! It gives chosen parameter groups a learning-rate multiplier and ramps the multiplier in:
//!
//! ```text
//! lr_g(t) = incoming_g(t) * (1 + (s_g - 1) * r(t)),   r(t) = min(1, (t - t0) / ramp_steps)
//! ```
//!
//! - `s_g` is the multiplier of the longest prefix in `scales` that matches the group's name on
//!   whole dotted components (`blocks.1` matches `blocks.1.spectral`, not `blocks.10.spectral`),
//!   or `default_scale` when none matches;
//! - `t` is the global step, `t0` the first step this scheduler planned (saved in checkpoints, so
//!   a resumed run continues the ramp instead of restarting it); with `ramp_steps = 0`, `r = 1`.
//!
//! A typical use: in fine-tuning, train a freshly initialised head faster than the pretrained body
//! (`scales = { head = 10.0 }`), or hold the lifting layer of an FNO back (`scales = { fc0 = 0.5 }`).
//!
//! Like every scheduler it *refines* the plan it receives: stacked after another scheduler
//! (`--scheduler tempbalance+warm-layers`) it multiplies that scheduler's rates.
//!
//! To make your own scheduler from this file: change [`NAME`], the `[lib] name` in Cargo.toml
//! (`engine_scheduler_<name with - as _>`), [`Config`] and [`DEFAULT_CONFIG`], and the body of
//! `plan`. Everything else (guards, ABI types, parsing the configuration, saving the state) comes
//! from `plugin_api::export_scheduler!`. docs/writing-a-scheduler.md explains each part.

use plugin_api::{MetricsView, ParamGroupInfo, SchedulerLogic, StepContext, StepPlan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The name users type (`--scheduler warm-layers`, `[plugins.warm-layers]`). The library file must
/// be `libengine_scheduler_warm_layers.so` for the engine to find it by this name.
pub const NAME: &str = "warm-layers";

/// The default configuration with comments, as `engine plugins describe warm-layers` prints it.
pub const DEFAULT_CONFIG: &str = r#"# warm-layers: lr = incoming * (1 + (scale - 1) * min(1, steps_planned / ramp_steps)).

# Multipliers by group-name prefix, matched on whole dotted components ("blocks.1" matches
# "blocks.1.spectral", not "blocks.10.spectral"); the longest matching prefix wins. In a file:
#   [plugins.warm-layers.scales]
#   fc0 = 0.5
#   "blocks.3" = 2.0
scales = {}
# Multiplier of every group that no prefix matches.
default_scale = 1.0
# Ramp each multiplier linearly from 1 to its value over this many optimizer steps, counted from
# the first step this scheduler plans. 0: the full value from the start.
ramp_steps = 0
"#;

/// The `[plugins.warm-layers]` section. serde does the parsing: an unknown key or a wrong type is
/// an error naming it; a key left out keeps its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Multiplier by group-name prefix.
    pub scales: BTreeMap<String, f64>,
    pub default_scale: f64,
    pub ramp_steps: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config { scales: BTreeMap::new(), default_scale: 1.0, ramp_steps: 0 }
    }
}

/// What a resumed run needs: the step the ramp started at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub start_step: Option<u64>,
}

/// Whether `prefix` is `name` or a leading run of its dotted components.
pub fn matches_prefix(name: &str, prefix: &str) -> bool {
    name == prefix || (name.starts_with(prefix) && name[prefix.len()..].starts_with('.'))
}

/// The scheduler instance.
#[derive(Debug, Clone)]
pub struct WarmLayers {
    pub config: Config,
    pub state: State,
}

impl WarmLayers {
    /// The full multiplier of a group: its longest matching prefix's, or the default.
    pub fn scale_of(&self, group: &str) -> f64 {
        let matching = self.config.scales.iter().filter(|(prefix, _)| matches_prefix(group, prefix));
        matching.max_by_key(|(prefix, _)| prefix.len()).map_or(self.config.default_scale, |(_, s)| *s)
    }
}

impl SchedulerLogic for WarmLayers {
    type Config = Config;
    type State = State;

    /// Checks what the types cannot: multipliers finite and >= 0, prefixes that can match.
    fn new(config: Config) -> Result<Self, String> {
        let numbers = config.scales.iter().map(|(p, s)| (format!("scales.\"{p}\""), *s));
        for (key, x) in numbers.chain([("default_scale".to_string(), config.default_scale)]) {
            if !(x.is_finite() && x >= 0.0) {
                return Err(format!("`{key}` is {x}; it must be a finite number >= 0"));
            }
        }
        if let Some(p) = config.scales.keys().find(|p| p.is_empty() || p.starts_with('.') || p.ends_with('.')) {
            return Err(format!("`scales` has the prefix `{p}`; use a group name or its dotted prefix"));
        }
        Ok(WarmLayers { config, state: State::default() })
    }

    // No spectral metrics needed: `cadence` keeps its default (never). A metrics-driven scheduler
    // returns e.g. Cadence { unit: CadenceUnit::Epochs, every: 1 } and reads `metrics` below.

    fn plan(&mut self, ctx: &StepContext, groups: &[ParamGroupInfo], _: Option<MetricsView<'_>>, mut plan: StepPlan) -> Result<StepPlan, String> {
        let start = *self.state.start_step.get_or_insert(ctx.step);
        if ctx.step < start {
            return Err(format!("asked for step {} but it started at step {start}; was the wrong state restored?", ctx.step));
        }
        let r = match self.config.ramp_steps {
            0 => 1.0,
            n => ((ctx.step - start) as f64 / n as f64).min(1.0),
        };
        // Refine, don't rebuild: the incoming plan keeps weight decay, SAM settings, warnings and
        // the earlier schedulers' rates.
        for entry in plan.groups.iter_mut() {
            entry.lr *= 1.0 + (self.scale_of(entry.group.as_str()) - 1.0) * r;
        }
        // A warning is logged once by the engine however often it is returned.
        for prefix in self.config.scales.keys().filter(|p| !groups.iter().any(|g| matches_prefix(g.name.as_str(), p))) {
            plan.warnings.push(format!("{NAME}: the scale for `{prefix}` matches no parameter group").into());
        }
        Ok(plan)
    }

    fn state(&self) -> State {
        self.state
    }

    fn restore(&mut self, state: State) -> Result<(), String> {
        self.state = state;
        Ok(())
    }
}

// The root module the engine loads: name, description, the commented defaults, and the guards and
// ABI conversions around `WarmLayers`.
plugin_api::export_scheduler! {
    name: NAME,
    description: "example: per-group learning-rate multipliers by name prefix, ramped in over the first steps",
    scheduler: WarmLayers,
    describe: DEFAULT_CONFIG,
}

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::abi_stable::std_types::ROption;
    use plugin_api::sdk::new_scheduler;
    use plugin_api::{LayerKind, ParamInfo, Scheduler};

    fn groups() -> Vec<ParamGroupInfo> {
        ["fc0", "blocks.1.spectral", "blocks.10.spectral", "fc1"]
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
        StepContext { epoch: step / 5, step, step_in_epoch: step % 5, steps_per_epoch: 5, total_steps: 50, base_lr, weight_decay: 0.0 }
    }

    /// A plan through the ABI trait, as the engine asks for it.
    fn plan(s: &mut impl Scheduler, step: u64, eta: f64) -> StepPlan {
        let groups = groups();
        let incoming = StepPlan::uniform(&groups, eta, 1e-4);
        s.plan(ctx(step, eta), groups.as_slice().into(), ROption::RNone, &incoming).unwrap()
    }

    fn lrs(p: &StepPlan) -> Vec<f64> {
        p.groups.iter().map(|g| g.lr).collect()
    }

    const CONFIG: &str = "ramp_steps = 4\ndefault_scale = 1.0\n[scales]\nfc0 = 0.5\n\"blocks.1\" = 3.0\nblocks = 2.0\n";

    #[test]
    fn plans_follow_the_ramp_and_the_longest_prefix() {
        let mut s = new_scheduler::<WarmLayers>(CONFIG).unwrap();
        for (step, r) in [(0u64, 0.0), (1, 0.25), (2, 0.5), (4, 1.0), (9, 1.0)] {
            let eta = 1e-3;
            let p = plan(&mut s, step, eta);
            let m = |scale: f64| eta * (1.0 + (scale - 1.0) * r);
            // fc0: 0.5; blocks.1.spectral: "blocks.1" (longer than "blocks"); blocks.10: "blocks"; fc1: default.
            assert_eq!(lrs(&p), vec![m(0.5), m(3.0), m(2.0), m(1.0)], "step {step}");
            assert!(p.groups.iter().all(|g| g.weight_decay == 1e-4));
            assert!(p.warnings.is_empty());
        }
    }

    #[test]
    fn the_ramp_counts_from_the_first_planned_step() {
        let mut s = new_scheduler::<WarmLayers>(CONFIG).unwrap();
        assert_eq!(plan(&mut s, 10, 1.0).groups[0].lr, 1.0);
        assert_eq!(plan(&mut s, 12, 1.0).groups[0].lr, 0.75);
        assert_eq!(s.0.state.start_step, Some(10));
        let groups = groups();
        let err = s.plan(ctx(3, 1.0), groups.as_slice().into(), ROption::RNone, &StepPlan::uniform(&groups, 1.0, 0.0)).unwrap_err();
        assert!(err.contains("started at step 10"), "{err}");
    }

    #[test]
    fn save_restore_continues_the_ramp() {
        let mut a = new_scheduler::<WarmLayers>(CONFIG).unwrap();
        plan(&mut a, 0, 1e-3);
        plan(&mut a, 1, 1e-3);
        let state = a.save_state().unwrap();
        assert_eq!(state.as_str(), r#"{"start_step":0}"#);
        let mut b = new_scheduler::<WarmLayers>(CONFIG).unwrap();
        b.load_state(state.as_rstr()).unwrap();
        for step in 2..7 {
            assert_eq!(plan(&mut a, step, 1e-3), plan(&mut b, step, 1e-3));
        }
        // A fresh scheduler would restart the ramp: the state matters.
        let mut fresh = new_scheduler::<WarmLayers>(CONFIG).unwrap();
        assert_ne!(plan(&mut fresh, 2, 1e-3), plan(&mut a, 2, 1e-3));
        assert!(b.load_state("{\"start_step\": -1}".into()).is_err());
    }

    #[test]
    fn it_refines_the_incoming_plan() {
        let groups = groups();
        let mut s = new_scheduler::<WarmLayers>("[scales]\nfc1 = 4.0").unwrap();
        let mut incoming = StepPlan::uniform(&groups, 1.0, 0.0);
        incoming.groups[3].lr = 0.5;
        incoming.sam = ROption::RSome(plugin_api::SamPlan { rho: 0.05, adaptive: false });
        let p = s.plan(ctx(0, 1.0), groups.as_slice().into(), ROption::RNone, &incoming).unwrap();
        assert_eq!(lrs(&p), vec![1.0, 1.0, 1.0, 2.0]);
        assert_eq!(p.sam, incoming.sam);
    }

    #[test]
    fn an_unmatched_prefix_is_a_warning() {
        let mut s = new_scheduler::<WarmLayers>("[scales]\nhead = 10.0").unwrap();
        let p = plan(&mut s, 0, 1.0);
        assert_eq!(lrs(&p), vec![1.0; 4]);
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("`head` matches no parameter group"));
    }

    #[test]
    fn configuration_is_validated() {
        assert_eq!(new_scheduler::<WarmLayers>(DEFAULT_CONFIG).unwrap().0.config, Config::default());
        for (text, needle) in [
            ("ramp = 3", "unknown field `ramp`"),
            ("default_scale = -1", "`default_scale` is -1"),
            ("ramp_steps = -2", "ramp_steps"),
            ("scales = 2", "scales"),
            ("[scales]\nfc0 = \"x\"", "fc0"),
            ("[scales]\n\"fc0.\" = 1.0", "prefix `fc0.`"),
        ] {
            let err = new_scheduler::<WarmLayers>(text).err().unwrap();
            assert!(err.contains(needle) && !err.contains('\n'), "{text}: {err}");
        }
    }

    #[test]
    fn prefixes_match_whole_components() {
        assert!(matches_prefix("blocks.1.spectral", "blocks.1"));
        assert!(matches_prefix("blocks.1", "blocks.1"));
        assert!(!matches_prefix("blocks.10.spectral", "blocks.1"));
        assert!(!matches_prefix("fc0", "fc"));
    }
}
