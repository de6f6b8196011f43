//! Scheduler plugin `tempbalance`: TempBalance / "Model Balancing" (Zhou et al. NeurIPS'23; Liu et
//! al. EMNLP'24), as tempbalance-spec.md §3 describes the reference code.
//!
//! Each layer's (or block's) spectral metric — PL_Alpha_Hill by default, from the metrics plugin —
//! becomes a learning-rate multiplier: under-trained layers (large alpha) get more than the
//! incoming rate, over-trained ones (small alpha) less. For every step
//!
//! ```text
//! lr(group) = multiplier(group) * incoming.lr(group)
//! ```
//!
//! where `incoming` is the plan the scheduler receives: every group at eta_t when TempBalance is
//! the first scheduler, or the previous scheduler's plan when stacked (TempBalance then scales
//! that scheduler's rates). Groups that are not balanced keep their incoming rate (multiplier 1);
//! weight decay and SAM settings pass through unchanged.
//!
//! The multipliers are computed when a new metrics snapshot arrives on this scheduler's cadence
//! (`interval` / `interval_unit`) and are reused for every step until the next one, while eta_t
//! may change every step (the reference overwrites the groups from cached metrics after each base
//! scheduler step). Before the first snapshot the incoming plan passes unchanged.
//! [`balance::analyse`] describes eligibility, units and which groups follow which; the assignment
//! functions are in [`assign`]; configuration keys in [`config::DEFAULT_CONFIG`].

pub mod assign;
pub mod balance;
pub mod config;

use abi_stable::std_types::RString;
use plugin_api::{Cadence, CadenceUnit, MetricsView, ParamGroupInfo, SchedulerLogic, StepContext, StepPlan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use config::{Assignment, IntervalUnit, Metric, TbConfig, Unit, DEFAULT_CONFIG};

/// Errors of this plugin; every message is one line.
#[derive(Debug, Clone, PartialEq)]
pub enum TbError {
    /// A configuration key is unknown, of the wrong type or out of range.
    Config(String),
    /// A saved state cannot be restored.
    State(String),
}

impl std::fmt::Display for TbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TbError::Config(m) => write!(f, "tempbalance configuration: {m}"),
            TbError::State(m) => write!(f, "tempbalance state: {m}"),
        }
    }
}

impl std::error::Error for TbError {}

/// The automatic analysis interval of [MB]'s NLP trainer: `min(100, max(1, steps_per_epoch / 10))`.
pub fn auto_interval(steps_per_epoch: u64) -> u64 {
    (steps_per_epoch / 10).clamp(1, 100)
}

/// Version of the saved state's layout.
pub const STATE_FORMAT: u32 = 1;

/// Counters kept for logs and checks; they do not influence plans.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counters {
    /// `plan` calls answered.
    pub plans: u64,
    /// Snapshots turned into multipliers.
    pub analyses: u64,
    /// Analyses that left every group at its incoming rate (degenerate metrics).
    pub fallbacks: u64,
    /// Distinct snapshots not used because they fell off this scheduler's cadence (taken for
    /// another stacked scheduler).
    pub snapshots_ignored: u64,
}

/// Everything a resumed scheduler needs to give the same plans: the state saved with checkpoints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub format: u32,
    /// [`TbConfig::fingerprint`] of the configuration that produced the state.
    pub config_fingerprint: String,
    /// Step and epoch of the snapshot the multipliers come from (none before the first).
    pub last_snapshot_step: Option<u64>,
    pub last_snapshot_epoch: Option<u64>,
    /// The multiplier of every group that does not keep its incoming rate, by group name. Saved
    /// as shortest round-trip decimal strings: serde_json's default float parsing is not always
    /// correctly rounded, and a resumed run must get bit-identical rates.
    #[serde(with = "exact_f64_map")]
    pub multipliers: BTreeMap<String, f64>,
    /// The metric behind each balanced group's multiplier (its own, or its block's mean).
    pub unit_metrics: BTreeMap<String, f64>,
    /// The last analysis's warnings; appended to every plan that uses its multipliers.
    pub warnings: Vec<String>,
    /// From the last step context (for `interval = 0`).
    pub steps_per_epoch: Option<u64>,
    /// The last snapshot step looked at, used or not (so an ignored snapshot is counted once).
    pub last_seen_step: Option<u64>,
    pub counters: Counters,
}

mod exact_f64_map {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(map: &BTreeMap<String, f64>, s: S) -> Result<S::Ok, S::Error> {
        let text: BTreeMap<&str, String> = map
            .iter()
            .map(|(k, v)| (k.as_str(), format!("{v:?}")))
            .collect();
        text.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, f64>, D::Error> {
        let text = BTreeMap::<String, String>::deserialize(d)?;
        text.into_iter()
            .map(|(k, v)| match v.parse::<f64>() {
                Ok(x) => Ok((k, x)),
                Err(_) => Err(serde::de::Error::custom(format!(
                    "multiplier of `{k}` is not a number: \"{v}\""
                ))),
            })
            .collect()
    }
}

/// The TempBalance scheduler.
#[derive(Debug, Clone)]
pub struct TempBalance {
    config: TbConfig,
    state: State,
}

impl TempBalance {
    /// A scheduler with this configuration.
    pub fn with_config(config: TbConfig) -> Self {
        let state = State {
            format: STATE_FORMAT,
            config_fingerprint: config.fingerprint(),
            ..State::default()
        };
        Self { config, state }
    }

    /// Parses the configuration section (TOML text; empty means defaults).
    pub fn from_config(text: &str) -> Result<Self, TbError> {
        Ok(Self::with_config(TbConfig::parse(text)?))
    }

    pub fn config(&self) -> &TbConfig {
        &self.config
    }

    /// The cadence in effect: with `interval = 0` (steps), the automatic interval once a step
    /// context has told the scheduler the epoch length, every step before that.
    pub fn current_cadence(&self) -> Cadence {
        match self.config.interval_unit {
            IntervalUnit::Epochs => Cadence {
                unit: CadenceUnit::Epochs,
                every: self.config.interval,
            },
            IntervalUnit::Steps => Cadence {
                unit: CadenceUnit::Steps,
                every: self.steps_interval(),
            },
        }
    }

    fn steps_interval(&self) -> u64 {
        match (self.config.interval, self.state.steps_per_epoch) {
            (0, Some(spe)) => auto_interval(spe),
            (0, None) => 1,
            (n, _) => n,
        }
    }

    /// Whether `snap` should replace the cached multipliers.
    fn wants(&self, snap: &MetricsView<'_>) -> bool {
        let Some(last) = self.state.last_snapshot_step else {
            return true;
        };
        if snap.step <= last {
            return false;
        }
        match self.config.interval_unit {
            IntervalUnit::Steps => snap.step.is_multiple_of(self.steps_interval()),
            IntervalUnit::Epochs => {
                snap.epoch.is_multiple_of(self.config.interval)
                    && self.state.last_snapshot_epoch != Some(snap.epoch)
            }
        }
    }

    /// The plan for one step.
    pub fn plan_step(
        &mut self,
        ctx: &StepContext,
        groups: &[ParamGroupInfo],
        metrics: Option<MetricsView<'_>>,
        incoming: StepPlan,
    ) -> StepPlan {
        if ctx.steps_per_epoch > 0 {
            self.state.steps_per_epoch = Some(ctx.steps_per_epoch);
        }
        self.state.counters.plans += 1;
        if let Some(snap) = metrics {
            if self.wants(&snap) {
                let analysis = balance::analyse(&self.config, groups, snap.layers);
                self.state.last_snapshot_step = Some(snap.step);
                self.state.last_snapshot_epoch = Some(snap.epoch);
                self.state.multipliers = analysis.multipliers;
                self.state.unit_metrics = analysis.unit_metrics;
                self.state.warnings = analysis.warnings;
                self.state.counters.analyses += 1;
                if analysis.fell_back {
                    self.state.counters.fallbacks += 1;
                }
            } else if self.state.last_seen_step != Some(snap.step)
                && self.state.last_snapshot_step != Some(snap.step)
            {
                self.state.counters.snapshots_ignored += 1;
            }
            self.state.last_seen_step = Some(snap.step);
        }
        let mut plan = incoming;
        for entry in plan.groups.iter_mut() {
            if let Some(m) = self.state.multipliers.get(entry.group.as_str()) {
                entry.lr *= m;
            }
        }
        for w in &self.state.warnings {
            plan.warnings
                .push(RString::from(format!("tempbalance: {w}")));
        }
        plan
    }
}

/// The plugin side: configuration parsed by [`TbConfig::parse`] (its own one-line messages, with
/// the ranges), state saved with the configuration's fingerprint.
impl SchedulerLogic for TempBalance {
    type Config = toml::Table;
    type State = State;

    fn new(config: toml::Table) -> Result<Self, String> {
        let text = toml::to_string(&config).map_err(|e| format!("tempbalance configuration: {e}"))?;
        Self::from_config(&text).map_err(|e| e.to_string())
    }

    fn cadence(&self) -> Cadence {
        self.current_cadence()
    }

    fn plan(&mut self, ctx: &StepContext, groups: &[ParamGroupInfo], metrics: Option<MetricsView<'_>>, incoming: StepPlan) -> Result<StepPlan, String> {
        Ok(self.plan_step(ctx, groups, metrics, incoming))
    }

    fn state(&self) -> State {
        self.state.clone()
    }

    /// Accepts a state saved under the same configuration, in this plugin's format.
    fn restore(&mut self, state: State) -> Result<(), String> {
        let refuse = |m: String| Err(TbError::State(m).to_string());
        if state.format != STATE_FORMAT {
            return refuse(format!("saved in format {} by another plugin version; this one reads format {STATE_FORMAT}", state.format));
        }
        let now = self.config.fingerprint();
        if state.config_fingerprint != now {
            return refuse(format!(
                "saved under another configuration (fingerprint {}, now {now}); resume with the same [plugins.tempbalance] settings, or start a new run",
                state.config_fingerprint
            ));
        }
        if let Some((name, m)) = state.multipliers.iter().find(|(_, m)| !(m.is_finite() && **m >= 0.0)) {
            return refuse(format!("group `{name}` has the invalid multiplier {m}"));
        }
        self.state = state;
        Ok(())
    }
}

plugin_api::export_scheduler! {
    name: "tempbalance",
    description: "TempBalance: layer-wise learning rates balanced by each layer's PL_Alpha_Hill (spectral metrics)",
    scheduler: TempBalance,
    describe: DEFAULT_CONFIG,
}
