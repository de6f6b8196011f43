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
//! (`engine_scheduler_<name with - as _>`), [`DEFAULT_CONFIG`], and the body of
//! [`WarmLayers::refine`]. docs/writing-a-scheduler.md explains each part.

use abi_stable::std_types::{ROption, RResult, RSlice, RStr, RString};
use plugin_api::{guard, Cadence, MetricsSnapshot, ParamGroupInfo, Scheduler, StepContext, StepPlan};

/// The name users type (`--scheduler warm-layers`, `[plugins.warm-layers]`). The library file must
/// be `libengine_scheduler_warm_layers.so` for the engine to find it by this name.
pub const NAME: &str = "warm-layers";

/// The default configuration, as TOML. The engine prints it for `engine plugins describe`, and
/// accepts in `[plugins.warm-layers]` exactly these keys, with values of these types.
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

/// The validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// (prefix, multiplier), in the order given.
    pub scales: Vec<(String, f64)>,
    pub default_scale: f64,
    pub ramp_steps: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config { scales: Vec::new(), default_scale: 1.0, ramp_steps: 0 }
    }
}

/// A non-negative finite number from a TOML value (integers are accepted).
fn multiplier(key: &str, value: &toml::Value) -> Result<f64, String> {
    let x = value
        .as_float()
        .or_else(|| value.as_integer().map(|i| i as f64))
        .ok_or_else(|| format!("`{key}` must be a number, found {value}"))?;
    if x.is_finite() && x >= 0.0 {
        Ok(x)
    } else {
        Err(format!("`{key}` is {x}; it must be a finite number >= 0"))
    }
}

impl Config {
    /// Parses the `[plugins.warm-layers]` section the engine hands over (TOML text, empty for
    /// defaults). The engine has already rejected unknown top-level keys and wrong types; the
    /// plugin checks again (it may be used by other hosts) and checks the values.
    pub fn parse(text: &str) -> Result<Self, String> {
        let table: toml::Table = text.parse().map_err(|e| format!("invalid configuration: {e}"))?;
        let mut cfg = Config::default();
        for (key, value) in &table {
            match key.as_str() {
                "scales" => {
                    let scales = value.as_table().ok_or_else(|| format!("`scales` must be a table, found {value}"))?;
                    for (prefix, s) in scales {
                        if prefix.is_empty() || prefix.starts_with('.') || prefix.ends_with('.') {
                            return Err(format!("`scales` has the prefix `{prefix}`; use a group name or its dotted prefix"));
                        }
                        cfg.scales.push((prefix.clone(), multiplier(&format!("scales.\"{prefix}\""), s)?));
                    }
                }
                "default_scale" => cfg.default_scale = multiplier(key, value)?,
                "ramp_steps" => {
                    let n = value.as_integer().ok_or_else(|| format!("`ramp_steps` must be an integer, found {value}"))?;
                    cfg.ramp_steps = u64::try_from(n).map_err(|_| format!("`ramp_steps` is {n}; it must be >= 0"))?;
                }
                other => return Err(format!("unknown key `{other}`; known: scales, default_scale, ramp_steps")),
            }
        }
        Ok(cfg)
    }

    /// The full multiplier of a group: its longest matching prefix's, or the default.
    pub fn scale_of(&self, group: &str) -> f64 {
        self.scales
            .iter()
            .filter(|(prefix, _)| matches_prefix(group, prefix))
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or(self.default_scale, |(_, s)| *s)
    }
}

/// Whether `prefix` is `name` or a leading run of its dotted components.
pub fn matches_prefix(name: &str, prefix: &str) -> bool {
    name == prefix || (name.starts_with(prefix) && name[prefix.len()..].starts_with('.'))
}

/// The scheduler instance. Its only state is the step it started at.
#[derive(Debug, Clone, Default)]
pub struct WarmLayers {
    pub config: Config,
    /// The first step this scheduler planned; `None` before its first plan.
    pub start_step: Option<u64>,
}

impl WarmLayers {
    /// The constructor `export_scheduler_plugin!` calls with the configuration text.
    pub fn from_config(text: &str) -> Result<Self, String> {
        Ok(WarmLayers { config: Config::parse(text)?, start_step: None })
    }

    /// The ramp factor r(t) in [0, 1].
    fn ramp(&self, step: u64) -> f64 {
        let start = self.start_step.unwrap_or(step);
        match self.config.ramp_steps {
            0 => 1.0,
            n => (step.saturating_sub(start) as f64 / n as f64).min(1.0),
        }
    }

    /// The policy: everything a scheduler decides happens here, on plain Rust types.
    pub fn refine(&mut self, ctx: StepContext, groups: &[ParamGroupInfo], incoming: &StepPlan) -> Result<StepPlan, String> {
        let start = *self.start_step.get_or_insert(ctx.step);
        if ctx.step < start {
            return Err(format!("asked for step {} but it started at step {start}; was the wrong state restored?", ctx.step));
        }
        let r = self.ramp(ctx.step);
        // Refine, don't rebuild: start from the incoming plan so that weight decay, SAM settings,
        // warnings and the earlier schedulers' rates are kept.
        let mut plan = incoming.clone();
        for entry in plan.groups.iter_mut() {
            let s = self.config.scale_of(entry.group.as_str());
            entry.lr *= 1.0 + (s - 1.0) * r;
        }
        // A warning is logged once by the engine however often it is returned.
        for (prefix, _) in &self.config.scales {
            if !groups.iter().any(|g| matches_prefix(g.name.as_str(), prefix)) {
                plan.warnings.push(format!("{NAME}: the scale for `{prefix}` matches no parameter group").into());
            }
        }
        Ok(plan)
    }
}

/// The ABI side: each method runs its body under `guard`, which turns an `Err` or a panic into an
/// error value that the engine reports naming this plugin (a panic must never cross the boundary).
impl Scheduler for WarmLayers {
    fn analysis_cadence(&self) -> Cadence {
        // No spectral metrics needed; a metrics-driven scheduler would return e.g.
        // Cadence { unit: CadenceUnit::Epochs, every: 1 }.
        Cadence::NEVER
    }

    fn plan(
        &mut self,
        ctx: StepContext,
        groups: RSlice<'_, ParamGroupInfo>,
        _metrics: ROption<MetricsSnapshot<'_>>,
        incoming: &StepPlan,
    ) -> RResult<StepPlan, RString> {
        guard("plan", || self.refine(ctx, groups.as_slice(), incoming))
    }

    fn save_state(&self) -> RResult<RString, RString> {
        guard("save_state", || Ok(serde_json::json!({ "start_step": self.start_step }).to_string().into()))
    }

    fn load_state(&mut self, state: RStr<'_>) -> RResult<(), RString> {
        guard("load_state", || {
            let value: serde_json::Value = serde_json::from_str(state.as_str()).map_err(|e| format!("invalid state: {e}"))?;
            self.start_step = match value.get("start_step") {
                None | Some(serde_json::Value::Null) => None,
                Some(v) => Some(v.as_u64().ok_or_else(|| format!("invalid state: start_step is {v}"))?),
            };
            Ok(())
        })
    }
}

// The root module the engine loads: info (name, versions, description), the default configuration,
// and the constructor (run under `guard`).
plugin_api::export_scheduler_plugin! {
    name: NAME,
    description: "example: per-group learning-rate multipliers by name prefix, ramped in over the first steps",
    default_config: DEFAULT_CONFIG,
    new: WarmLayers::from_config,
}

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::{LayerKind, ParamInfo};

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

    fn plan(s: &mut WarmLayers, step: u64, eta: f64) -> StepPlan {
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
        let mut s = WarmLayers::from_config(CONFIG).unwrap();
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
        let mut s = WarmLayers::from_config(CONFIG).unwrap();
        assert_eq!(plan(&mut s, 10, 1.0).groups[0].lr, 1.0);
        assert_eq!(plan(&mut s, 12, 1.0).groups[0].lr, 0.75);
        assert_eq!(s.start_step, Some(10));
        let groups = groups();
        let err = s.plan(ctx(3, 1.0), groups.as_slice().into(), ROption::RNone, &StepPlan::uniform(&groups, 1.0, 0.0)).unwrap_err();
        assert!(err.contains("started at step 10"), "{err}");
    }

    #[test]
    fn save_restore_continues_the_ramp() {
        let mut a = WarmLayers::from_config(CONFIG).unwrap();
        plan(&mut a, 0, 1e-3);
        plan(&mut a, 1, 1e-3);
        let state = a.save_state().unwrap();
        assert_eq!(state.as_str(), r#"{"start_step":0}"#);
        let mut b = WarmLayers::from_config(CONFIG).unwrap();
        b.load_state(state.as_rstr()).unwrap();
        for step in 2..7 {
            assert_eq!(plan(&mut a, step, 1e-3), plan(&mut b, step, 1e-3));
        }
        // A fresh scheduler would restart the ramp: the state matters.
        let mut fresh = WarmLayers::from_config(CONFIG).unwrap();
        assert_ne!(plan(&mut fresh, 2, 1e-3), plan(&mut a, 2, 1e-3));
        assert!(b.load_state(RStr::from("{\"start_step\": -1}")).is_err());
    }

    #[test]
    fn it_refines_the_incoming_plan() {
        let groups = groups();
        let mut s = WarmLayers::from_config("[scales]\nfc1 = 4.0").unwrap();
        let mut incoming = StepPlan::uniform(&groups, 1.0, 0.0);
        incoming.groups[3].lr = 0.5;
        incoming.sam = ROption::RSome(plugin_api::SamPlan { rho: 0.05, adaptive: false });
        let p = s.plan(ctx(0, 1.0), groups.as_slice().into(), ROption::RNone, &incoming).unwrap();
        assert_eq!(lrs(&p), vec![1.0, 1.0, 1.0, 2.0]);
        assert_eq!(p.sam, incoming.sam);
    }

    #[test]
    fn an_unmatched_prefix_is_a_warning() {
        let mut s = WarmLayers::from_config("[scales]\nhead = 10.0").unwrap();
        let p = plan(&mut s, 0, 1.0);
        assert_eq!(lrs(&p), vec![1.0; 4]);
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("`head` matches no parameter group"));
    }

    #[test]
    fn configuration_is_validated() {
        assert_eq!(Config::parse(DEFAULT_CONFIG).unwrap(), Config::default());
        for (text, needle) in [
            ("ramp = 3", "unknown key `ramp`"),
            ("default_scale = -1", "`default_scale` is -1"),
            ("ramp_steps = -2", "`ramp_steps` is -2"),
            ("scales = 2", "`scales` must be a table"),
            ("[scales]\nfc0 = \"x\"", "must be a number"),
            ("[scales]\n\"fc0.\" = 1.0", "prefix `fc0.`"),
        ] {
            let err = Config::parse(text).unwrap_err();
            assert!(err.contains(needle), "{text}: {err}");
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
