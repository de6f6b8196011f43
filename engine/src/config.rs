//! The run configuration: typed defaults < `--config` TOML < `ENGINE_` environment variables <
//! CLI flags < `--set key=value`, merged with figment. Unknown keys and wrong types are errors that
//! name the key and the source it came from.
//!
//! Plugin settings live in `[plugins.<name>]` tables; the engine checks their keys against the
//! plugin's own defaults (`describe()`) and hands the table to the plugin as TOML text.

use crate::error::{EngineError, Result};
use figment::providers::{Env, Format, Serialized, Toml};
use figment::value::{Dict, Value};
use figment::Figment;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Environment variables with the `ENGINE_` prefix that are not configuration keys
/// (`ENGINE_ASSETS_DIR` belongs to scripts/fetch-assets.sh, `ENGINE_FAULT_AT` to the
/// crash-consistency tests: rundir::fault_point).
const RESERVED_ENV: [&str; 4] = ["plugin_path", "log", "assets_dir", "fault_at"];

/// The whole configuration of a run.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Model plugin: a name or a path to a plugin library.
    pub model: String,
    /// Scheduler plugin(s): a name or path, `a+b`, or a list; stacked schedulers each refine the
    /// previous one's plan, in order.
    pub scheduler: SchedulerChain,
    /// Metrics plugin used when the scheduler asks for spectral metrics.
    pub metrics: String,
    /// Training seed (initialization, shuffling, dropout); the data has its own `data.seed`.
    pub seed: u64,
    /// What is trained: `pde-rollout` (the `[data]` section) or `text-classification` (the
    /// `[text]` section).
    pub task: String,
    pub run: RunConfig,
    /// PDE data (task `pde-rollout`).
    pub data: datasets::DataConfig,
    /// Text classification data (task `text-classification`).
    pub text: textdata::TextConfig,
    pub train: TrainConfig,
    pub optim: OptimConfig,
    pub schedule: ScheduleConfig,
    /// Per-plugin settings, `[plugins.<name>]`, checked against the plugin's defaults.
    pub plugins: BTreeMap<String, toml::Table>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            model: "fno2d".into(),
            scheduler: SchedulerChain::One("constant-lr".into()),
            metrics: "spectral".into(),
            seed: 0,
            task: "pde-rollout".into(),
            run: RunConfig::default(),
            data: datasets::DataConfig::default(),
            text: textdata::TextConfig::default(),
            train: TrainConfig::default(),
            optim: OptimConfig::default(),
            schedule: ScheduleConfig::default(),
            plugins: BTreeMap::new(),
        }
    }
}

/// One scheduler or a chain of them: `"tempbalance"`, `"tempbalance+sam"` or
/// `["tempbalance", "sam"]`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum SchedulerChain {
    One(String),
    Many(Vec<String>),
}

impl SchedulerChain {
    /// The schedulers in order (a `+` inside a name also separates).
    pub fn names(&self) -> Vec<String> {
        let parts: Vec<&String> = match self {
            SchedulerChain::One(s) => vec![s],
            SchedulerChain::Many(v) => v.iter().collect(),
        };
        parts.iter().flat_map(|s| s.split('+')).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
    }
}

/// Where the run directory goes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RunConfig {
    /// Parent directory of run directories.
    pub root: PathBuf,
    /// Run directory name; empty means `<model>-<scheduler>-<utc timestamp>`.
    pub name: String,
}

impl Default for RunConfig {
    fn default() -> Self {
        Self { root: "runs".into(), name: String::new() }
    }
}

/// Progress display.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ProgressMode {
    /// A bar on a terminal, plain lines otherwise.
    Auto,
    Bar,
    Plain,
    Off,
}

/// The training loop.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TrainConfig {
    pub epochs: u64,
    /// At least this many optimizer steps: a training set too small for `epochs` to make that
    /// many trains for more epochs (0: `epochs` as given). Lets one study file train every data
    /// size until its validation curve flattens, where a fixed epoch count would give the
    /// smallest sizes a handful of steps.
    pub min_steps: u64,
    pub batch_size: usize,
    /// Batch size for validation and test (PDEBench: 10x the training batch).
    pub eval_batch_size: usize,
    /// Input frames of the autoregressive rollout.
    pub initial_step: usize,
    /// The rollout runs up to (excluding) this frame.
    pub t_train: usize,
    /// Threads for the numeric kernels (RAYON_NUM_THREADS); 0 keeps the environment's setting.
    pub threads: usize,
    pub progress: ProgressMode,
    /// Also run the spectral analysis every N epochs whatever the scheduler (0: only when the
    /// scheduler asks), so baselines log the same spectra as TempBalance.
    pub spectral_every: u64,
    /// Also evaluate the test split every N epochs, for test curves in metrics.csv (0: only at
    /// the end of the run, with the best-validation checkpoint and with the final weights).
    pub test_every: u64,
    /// The validation metric that picks the best checkpoint, e.g. `val/nrmse`, `val/loss`,
    /// `val/accuracy`; empty: the task's headline (`val/nrmse` for PDEs, `val/accuracy` for text).
    pub select_metric: String,
    /// Stop once the selection metric has not improved for this many epochs (0: never).
    pub early_stop_patience: u64,
    /// Write TensorBoard event files into `<run>/tensorboard/` (scalars per step, per epoch, per
    /// analysis).
    pub tensorboard: bool,
    /// PDE training loss: `mse` (PDEBench's, on the fields the model sees) or `nrmse` (each
    /// channel's squared error divided by the channel's mean square over the training split, in
    /// physical units: the squared nRMSE with the training split's denominators, so the loss
    /// weighs channels as the reported metric does) or `relative` (the reported metric itself: each
    /// predicted frame's mean over samples and channels of the relative L2 error in physical units,
    /// so a sample with small fields weighs as much as one with large fields).
    pub loss: TrainLoss,
    /// A step whose loss or gradient is NaN or infinite: `stop` ends the run (the last good
    /// checkpoint stays), `skip` leaves the weights as they were and goes on with the next batch.
    pub on_nonfinite: OnNonFinite,
    /// With `on_nonfinite = "skip"`: end the run after this many non-finite steps in a row.
    pub skip_limit: u64,
    /// PDE data: `channel` trains on per-channel unit-Gaussian normalised fields (training-split
    /// statistics; metrics stay in physical units), `none` on raw fields as PDEBench does.
    pub normalize: String,
    /// PDE models see each trajectory normalised by its own given frames (per sample and channel:
    /// mean and standard deviation over the input frames), undone on every predicted frame
    /// (reversible instance normalisation), so a trajectory with small fields gets errors in
    /// proportion to its own scale. On top of `normalize`.
    pub sample_norm: bool,
    /// When a spectral analysis on a step cadence reaches the schedulers (docs/tempbalance.md).
    /// A resolved configuration written before this key existed ran `same-step`.
    #[serde(default = "StepAnalysis::before_the_key")]
    pub step_analysis: StepAnalysis,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            epochs: 30,
            min_steps: 0,
            batch_size: 10,
            eval_batch_size: 50,
            initial_step: 10,
            t_train: 21,
            threads: 1,
            progress: ProgressMode::Auto,
            spectral_every: 0,
            test_every: 0,
            select_metric: String::new(),
            early_stop_patience: 0,
            normalize: "channel".into(),
            sample_norm: false,
            tensorboard: true,
            loss: TrainLoss::Mse,
            on_nonfinite: OnNonFinite::Stop,
            skip_limit: 5,
            step_analysis: StepAnalysis::NextStep,
        }
    }
}

/// When an analysis a scheduler asked for on a step cadence (TempBalance's `interval_unit =
/// "steps"`) reaches it (`train.step_analysis`). Epoch-cadence analyses always apply from the step
/// they are taken before, as [MB]'s SciML trainer applies the ESD it takes after each epoch.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum StepAnalysis {
    /// Taken of the weights before step t, run on its own thread beside step t, applied from step
    /// t+1: the reference's NLP trainer ([MB] computes the ESD at the start of a step and
    /// overwrites the group rates after that step's optimizer update). Costs no wall time where a
    /// core is free.
    NextStep,
    /// Taken before step t, applied from step t; training waits for it.
    SameStep,
}

impl StepAnalysis {
    /// What runs whose resolved configuration lacks the key did (engines before 2026-12-07).
    fn before_the_key() -> Self {
        StepAnalysis::SameStep
    }
}

/// The PDE training loss (`train.loss`).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TrainLoss {
    Mse,
    Nrmse,
    Relative,
}

/// What a non-finite training step does (`train.on_nonfinite`).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum OnNonFinite {
    Stop,
    Skip,
}

/// Optimizer family and hyperparameters (the learning rate per group comes from the scheduler).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct OptimConfig {
    /// `adam` (coupled L2, PDEBench), `adamw` (decoupled) or `sgd`.
    pub name: String,
    /// Base learning rate (eta_0 of the base schedule).
    pub lr: f64,
    pub weight_decay: f64,
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    pub momentum: f64,
    pub nesterov: bool,
    /// Clip the global gradient norm; 0 disables.
    pub grad_clip: f64,
}

impl Default for OptimConfig {
    fn default() -> Self {
        // PDEBench's FNO settings: Adam, lr 1e-3, weight decay 1e-4.
        Self {
            name: "adam".into(),
            lr: 1e-3,
            weight_decay: 1e-4,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum: 0.9,
            nesterov: false,
            grad_clip: 0.0,
        }
    }
}

/// The base learning-rate schedule eta_t; every scheduler plugin refines it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ScheduleConfig {
    /// `constant`, `step`, `cosine` or `linear`.
    pub kind: String,
    /// Whether decay advances per `epoch` or per `step`.
    pub interval: String,
    /// Step decay: multiply by `gamma` every `step_size` intervals.
    pub step_size: u64,
    pub gamma: f64,
    /// Floor of cosine and linear decay.
    pub min_lr: f64,
    /// Linear warmup over this many optimizer steps...
    pub warmup_steps: u64,
    /// ...or over this fraction of all steps (used when warmup_steps is 0).
    pub warmup_ratio: f64,
}

impl Default for ScheduleConfig {
    fn default() -> Self {
        // PDEBench: StepLR(step_size=100, gamma=0.5) stepped per epoch.
        Self {
            kind: "step".into(),
            interval: "epoch".into(),
            step_size: 100,
            gamma: 0.5,
            min_lr: 0.0,
            warmup_steps: 0,
            warmup_ratio: 0.0,
        }
    }
}

/// Values given by typed CLI flags (each overrides the files and the environment).
#[derive(Debug, Default, Clone, Serialize)]
pub struct CliOverrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduler: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    #[serde(skip_serializing_if = "Dict::is_empty")]
    pub run: Dict,
    #[serde(skip_serializing_if = "Dict::is_empty")]
    pub train: Dict,
}

/// A loaded configuration and the figment it came from (for provenance in error messages).
pub struct Loaded {
    pub config: Config,
    pub figment: Figment,
}

include!(concat!(env!("OUT_DIR"), "/presets.rs"));

/// A shipped preset by name (`fno2d-cfd-2d` for configs/fno2d-cfd-2d.toml).
pub fn preset(name: &str) -> Option<&'static str> {
    let name = name.strip_suffix(".toml").unwrap_or(name);
    PRESETS.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

/// Merges every layer and extracts the typed configuration. `config_file` is a TOML file, or the
/// name of a shipped preset (`engine config --list`) when no such file exists.
pub fn load(config_file: Option<&Path>, cli: &CliOverrides, sets: &[String]) -> Result<Loaded> {
    let mut figment = Figment::from(Serialized::defaults(Config::default()));
    if let Some(path) = config_file {
        let as_preset = path.to_str().filter(|p| !p.contains('/')).and_then(preset);
        match (path.is_file(), as_preset) {
            (true, _) => figment = figment.merge(Toml::file_exact(path)),
            (false, Some(text)) => figment = figment.merge(Preset { name: path.display().to_string(), text }),
            (false, None) => {
                return Err(EngineError::Config(format!(
                    "config file `{}` does not exist, and no preset has that name (presets: {})",
                    path.display(),
                    PRESETS.iter().map(|(n, _)| *n).filter(|n| !n.contains('/')).collect::<Vec<_>>().join(", ")
                )))
            }
        }
    }
    let flags = Value::serialize(cli).map_err(|e| EngineError::Config(format!("command-line flags: {e}")))?;
    figment = figment
        .merge(Env::prefixed("ENGINE_").split("__").filter(|k| !RESERVED_ENV.iter().any(|r| k.as_str().eq_ignore_ascii_case(r))))
        .merge(Layer { name: "command-line flags", dict: flags.into_dict().unwrap_or_default() });
    for set in sets {
        let (key, value) = set
            .split_once('=')
            .ok_or_else(|| EngineError::Config(format!("--set `{set}` is not of the form key=value")))?;
        let key = key.trim();
        if key.is_empty() {
            return Err(EngineError::Config(format!("--set `{set}` has an empty key")));
        }
        figment = figment.merge(Layer { name: "--set", dict: figment::util::nest(key, parse_value(value)).into_dict().unwrap_or_default() });
    }
    let config: Config = figment.extract().map_err(|e| EngineError::Config(describe_figment_error(&e)))?;
    Ok(Loaded { config, figment })
}

/// A `--set` value as TOML would read it (`3e-3` a float, `true` a bool, `[1, 2]` an array), and
/// as a plain string when it is not a TOML value (`--set data.dataset=darcy`).
fn parse_value(text: &str) -> Value {
    let text = text.trim();
    match format!("v = {text}").parse::<toml::Table>() {
        Ok(mut table) => Value::serialize(table.remove("v").expect("parsed key")).unwrap_or_else(|_| Value::from(text.to_string())),
        Err(_) => Value::from(text.to_string()),
    }
}

/// A shipped preset as a configuration layer, named in error messages.
struct Preset {
    name: String,
    text: &'static str,
}

impl figment::Provider for Preset {
    fn metadata(&self) -> figment::Metadata {
        figment::Metadata::named(format!("preset `{}`", self.name))
    }

    fn data(&self) -> std::result::Result<figment::value::Map<figment::Profile, Dict>, figment::Error> {
        Toml::string(self.text).data()
    }
}

/// A configuration layer with a name that error messages can show ("--set", "command-line flags").
struct Layer {
    name: &'static str,
    dict: Dict,
}

impl figment::Provider for Layer {
    fn metadata(&self) -> figment::Metadata {
        figment::Metadata::named(self.name)
    }

    fn data(&self) -> std::result::Result<figment::value::Map<figment::Profile, Dict>, figment::Error> {
        Ok(figment::Profile::Default.collect(self.dict.clone()))
    }
}

/// One line per figment error: what is wrong, the key, and where the value came from.
fn describe_figment_error(error: &figment::Error) -> String {
    let mut lines = Vec::new();
    for e in error.clone() {
        let key = e.path.join(".");
        let source = e
            .metadata
            .as_ref()
            .map(|m| match &m.source {
                Some(src) => format!("{} ({src})", m.name),
                None => m.name.to_string(),
            })
            .unwrap_or_else(|| "defaults".into());
        let what = match &e.kind {
            figment::error::Kind::UnknownField(field, _) => {
                // figment's path already ends with the field for unknown keys.
                let full = if key.is_empty() { field.clone() } else if key.ends_with(field.as_str()) { key.clone() } else { format!("{key}.{field}") };
                format!("unknown key `{full}`")
            }
            kind => format!("key `{key}`: {kind}"),
        };
        lines.push(format!("{what} (from {source})"));
    }
    lines.join("; ")
}

/// Where a key's value came from, for messages about plugin sections.
pub fn source_of(figment: &Figment, key: &str) -> String {
    match figment.find_metadata(key) {
        Some(m) => match &m.source {
            Some(src) => format!("{} ({src})", m.name),
            None => m.name.to_string(),
        },
        None => "defaults".into(),
    }
}

/// The `[plugins.<name>]` table for a plugin, checked against its default configuration: every key
/// must exist there and have a compatible type. Returns the TOML text the plugin receives.
pub fn plugin_section(loaded: &Loaded, plugin: &str, defaults_toml: &str) -> Result<String> {
    let defaults: toml::Table = defaults_toml.parse().map_err(|e| {
        EngineError::Plugin(format!("plugin `{plugin}` describes an invalid default configuration: {e}"))
    })?;
    let Some(section) = loaded.config.plugins.get(plugin) else {
        return Ok(String::new());
    };
    for (key, value) in section {
        let path = format!("plugins.{plugin}.{key}");
        let source = source_of(&loaded.figment, &path);
        let Some(default) = defaults.get(key) else {
            let known: Vec<&str> = defaults.keys().map(String::as_str).collect();
            let known = if known.is_empty() { "it has no settings".to_string() } else { format!("known: {}", known.join(", ")) };
            return Err(EngineError::Config(format!("unknown key `{path}` (from {source}); {known}")));
        };
        if !same_kind(default, value) {
            return Err(EngineError::Config(format!(
                "key `{path}` (from {source}) must be of type {}, found {}",
                default.type_str(),
                value.type_str()
            )));
        }
    }
    toml::to_string(section).map_err(|e| EngineError::Config(format!("plugins.{plugin}: {e}")))
}

/// Whether a user value fits the type of the default (integers are accepted for floats).
fn same_kind(default: &toml::Value, value: &toml::Value) -> bool {
    use toml::Value::*;
    matches!((default, value), (Float(_), Integer(_)))
        || std::mem::discriminant(default) == std::mem::discriminant(value)
}

impl Config {
    /// The resolved configuration with only the data section of its task (`[data]` for PDEs,
    /// `[text]` for text), as `engine config` shows it.
    pub fn to_toml_for_task(&self) -> Result<String> {
        let mut table: toml::Table = self.to_toml()?.parse().map_err(|e| EngineError::Config(format!("{e}")))?;
        table.remove(if self.task == "text-classification" { "data" } else { "text" });
        toml::to_string_pretty(&table).map_err(|e| EngineError::Config(format!("cannot serialize the configuration: {e}")))
    }

    /// The resolved configuration as TOML (saved in the run directory).
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string_pretty(self).map_err(|e| EngineError::Config(format!("cannot serialize the configuration: {e}")))
    }

    /// Checks values that types alone cannot.
    pub fn validate(&self) -> Result<()> {
        let bad = |key: &str, why: &str| Err(EngineError::Config(format!("`{key}` {why}")));
        if self.scheduler.names().is_empty() {
            return bad("scheduler", "names no scheduler");
        }
        if self.train.epochs == 0 {
            return bad("train.epochs", "must be at least 1");
        }
        if self.train.loss != TrainLoss::Mse && self.task == "text-classification" {
            return bad("train.loss", "= \"nrmse\" and \"relative\" are for PDE tasks (text models train on cross-entropy)");
        }
        if self.train.sample_norm && self.task == "text-classification" {
            return bad("train.sample_norm", "is for PDE tasks (it normalises each trajectory by its given frames)");
        }
        if self.train.skip_limit == 0 {
            return bad("train.skip_limit", "must be at least 1");
        }
        if self.train.batch_size == 0 || self.train.eval_batch_size == 0 {
            return bad("train.batch_size", "and train.eval_batch_size must be at least 1");
        }
        if self.train.initial_step == 0 || self.train.t_train <= self.train.initial_step {
            return bad("train.t_train", "must be greater than train.initial_step (>= 1)");
        }
        if !(self.optim.lr.is_finite() && self.optim.lr > 0.0) {
            return bad("optim.lr", "must be a positive number");
        }
        if !(self.optim.weight_decay.is_finite() && self.optim.weight_decay >= 0.0) {
            return bad("optim.weight_decay", "must be >= 0");
        }
        if !["adam", "adamw", "sgd"].contains(&self.optim.name.as_str()) {
            return bad("optim.name", "must be one of adam, adamw, sgd");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_temp(name: &str, text: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("engine-config-{name}-{}.toml", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    /// New runs analyse beside the step; a resolved configuration from before the key existed
    /// reads back as what those engines did, so resuming such a run names the change.
    #[test]
    fn step_analysis_defaults_to_next_step_and_old_runs_read_as_same_step() {
        let new = load(None, &CliOverrides::default(), &[]).unwrap().config;
        assert_eq!(new.train.step_analysis, StepAnalysis::NextStep);
        let mut old: toml::Table = new.to_toml().unwrap().parse().unwrap();
        old["train"].as_table_mut().unwrap().remove("step_analysis");
        let old: Config = toml::from_str(&old.to_string()).unwrap();
        assert_eq!(old.train.step_analysis, StepAnalysis::SameStep);
        assert_eq!(Config { train: TrainConfig { step_analysis: StepAnalysis::NextStep, ..old.train.clone() }, ..old }, new);
    }

    #[test]
    fn layers_apply_in_order() {
        let file = write_temp("order", "seed = 3\n[train]\nepochs = 5\nbatch_size = 7\n");
        let cli = CliOverrides { seed: Some(4), ..Default::default() };
        let loaded = load(Some(&file), &cli, &["train.epochs=9".into(), "optim.lr=0.5".into()]).unwrap();
        let c = &loaded.config;
        assert_eq!((c.seed, c.train.epochs, c.train.batch_size, c.optim.lr), (4, 9, 7, 0.5));
        assert_eq!(c.train.t_train, TrainConfig::default().t_train);
        assert!(source_of(&loaded.figment, "train.batch_size").contains(file.file_name().unwrap().to_str().unwrap()));
    }

    #[test]
    fn unknown_key_and_wrong_type_name_key_and_source() {
        let file = write_temp("unknown", "[optim]\nlearning_rate = 0.1\n");
        let err = load(Some(&file), &CliOverrides::default(), &[]).err().unwrap().to_string();
        assert!(err.contains("unknown key `optim.learning_rate`"), "{err}");
        assert!(err.contains(file.file_name().unwrap().to_str().unwrap()), "{err}");

        let err = load(None, &CliOverrides::default(), &["train.epochs=lots".into()]).err().unwrap().to_string();
        assert!(err.contains("train.epochs"), "{err}");
    }

    #[test]
    fn plugin_sections_are_checked_against_the_plugin_defaults() {
        let loaded = load(None, &CliOverrides::default(), &["plugins.fno2d.width=32".into(), "plugins.fno2d.padding=1".into()]).unwrap();
        let text = plugin_section(&loaded, "fno2d", "width = 20\npadding = 2\nmodes1 = 12\n").unwrap();
        let table: toml::Table = text.parse().unwrap();
        assert_eq!(table["width"].as_integer(), Some(32));

        let loaded = load(None, &CliOverrides::default(), &["plugins.fno2d.widht=32".into()]).unwrap();
        let err = plugin_section(&loaded, "fno2d", "width = 20\n").unwrap_err().to_string();
        assert!(err.contains("unknown key `plugins.fno2d.widht`") && err.contains("known: width"), "{err}");

        let loaded = load(None, &CliOverrides::default(), &["plugins.fno2d.width=wide".into()]).unwrap();
        let err = plugin_section(&loaded, "fno2d", "width = 20\n").unwrap_err().to_string();
        assert!(err.contains("`plugins.fno2d.width`") && err.contains("must be of type integer"), "{err}");
    }

    #[test]
    fn scheduler_chains_from_a_string_or_a_list() {
        let file = write_temp("chain", "scheduler = [\"tempbalance\", \"sam\"]\n");
        let loaded = load(Some(&file), &CliOverrides::default(), &[]).unwrap();
        assert_eq!(loaded.config.scheduler.names(), vec!["tempbalance", "sam"]);
        let cli = CliOverrides { scheduler: Some("layerwise-decay + sam".into()), ..Default::default() };
        let loaded = load(Some(&file), &cli, &[]).unwrap();
        assert_eq!(loaded.config.scheduler.names(), vec!["layerwise-decay", "sam"]);
    }

    #[test]
    fn missing_config_file_is_named() {
        let err = load(Some(Path::new("/nonexistent/x.toml")), &CliOverrides::default(), &[]).err().unwrap().to_string();
        assert!(err.contains("/nonexistent/x.toml"), "{err}");
    }
}
