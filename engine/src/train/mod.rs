//! A training run: plugins loaded and configured, data loaded, the run directory created or a run
//! resumed, then the epoch loop and the end-of-run summary.
//!
//! - `mod.rs` (this file): setting a run up, before its first step;
//! - `resume.rs`: continuing a run from its `last` checkpoint;
//! - `epochs.rs`: the loop, which reads as the data flow (plan a step, take it, log it; end the
//!   epoch: evaluate, select, log, checkpoint);
//! - `finish.rs`: the end of a run (test scores, baselines, summary.json and summary.md).

mod epochs;
mod finish;
mod resume;

use crate::config::{Config, Loaded, OnNonFinite, TrainConfig};
use crate::error::{EngineError, Result};
use crate::host::{self, Metrics, Model, Scheduler, SearchPath};
use crate::provenance;
use crate::rundir::{self, Checkpoints};
use crate::seed;
use crate::task::{Scores, Task};
use plugin_api::{CadenceUnit, ModelInit, OptimizerKind, OptimizerSpec};
use resume::{check_unchanged, ResumePoint};
use std::path::{Path, PathBuf};

/// What a finished run reports.
#[derive(Debug)]
pub struct RunReport {
    pub run_dir: PathBuf,
    pub summary: String,
}

/// The plugins a run uses, loaded and configured.
struct Plugins {
    model: Model,
    schedulers: Vec<Scheduler>,
    metrics: Option<Metrics>,
    /// Each loaded plugin's default settings (for the overrides a summary lists).
    defaults: std::collections::BTreeMap<String, toml::Table>,
}

/// Per-epoch record kept for the end-of-run summary.
#[derive(Debug, Clone)]
struct EpochRecord {
    epoch: u64,
    train_loss: f64,
    val: Option<Scores>,
    /// Only on `train.test_every` epochs.
    test: Option<Scores>,
}

/// Runs a whole training job as configured; with `resume`, continues the run in that directory
/// from its `last` checkpoint (weights, optimizer, scheduler states, counters) up to
/// `train.epochs`.
pub fn run(loaded: &Loaded, search: &SearchPath, resume: Option<&Path>) -> Result<RunReport> {
    run_with(loaded, search, resume, false)
}

/// The variable that sizes candle's own elementwise thread pool (1: none, the ops run inline).
pub const CANDLE_THREADS_ENV: &str = "CANDLE_NUM_THREADS";

/// [`run`]; with `force_config`, a resume may change settings that change the result (data, model,
/// optimizer...), which it otherwise refuses.
pub fn run_with(loaded: &Loaded, search: &SearchPath, resume: Option<&Path>, force_config: bool) -> Result<RunReport> {
    // From the start: a signal while plugins and data load stops the run at its first step.
    crate::signals::StopRequest::install().map_err(|e| EngineError::Training(format!("cannot install signal handlers: {e}")))?;
    let cfg = &loaded.config;
    cfg.validate()?;
    if cfg.train.threads > 0 {
        // More threads than cores only adds contention (and thousands would hang the machine).
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        let threads = if cfg.train.threads > cores {
            tracing::warn!("train.threads = {} is more than the {cores} cores of this machine; using {cores}", cfg.train.threads);
            cores
        } else {
            cfg.train.threads
        };
        // Before any plugin starts its thread pool (each plugin links its own rayon).
        std::env::set_var("RAYON_NUM_THREADS", threads.to_string());
    }
    // candle (in each model plugin) runs elementwise ops on a spinning thread pool of its own,
    // next to rayon's, which carries the plugins' parallel work (matmuls, kernels, batch chunks).
    // Two pools spinning on the same few cores take the cores from each other: fno2d's step at 2
    // threads took 2.7 s with it and 1.5 s without (docs/benchmarks.md). One pool it is, unless the
    // user chose otherwise.
    if std::env::var_os(CANDLE_THREADS_ENV).is_none() {
        std::env::set_var(CANDLE_THREADS_ENV, "1");
    }

    // Everything is checked (plugins loaded and built, data loaded) before the run directory exists,
    // so a typo never leaves an empty run behind.
    let mut scheduler_libs = Vec::new();
    for spec in &cfg.scheduler.names() {
        scheduler_libs.push(host::load_scheduler(search, spec)?);
    }
    let model_lib = host::load_model(search, &cfg.model)?;
    let model_config = crate::config::plugin_section(loaded, model_lib.info.name.as_str(), &model_lib.describe())?;
    let mut scheduler_configs = Vec::new();
    for lib in &scheduler_libs {
        scheduler_configs.push(crate::config::plugin_section(loaded, lib.info.name.as_str(), &lib.describe())?);
    }
    cfg.data.validate()?;

    let task = Task::load(cfg)?;
    tracing::info!("data: {}", task.describe(cfg));

    let optimizer = optimizer_spec(cfg)?;
    let data_json = task.data_json(cfg);
    let model = model_lib.instantiate(ModelInit {
        config: model_config.as_str().into(),
        data: data_json.as_str().into(),
        optimizer,
        seed: seed::derive(cfg.seed, "model-init"),
    })?;
    let mut schedulers = Vec::new();
    for (lib, conf) in scheduler_libs.iter().zip(&scheduler_configs) {
        schedulers.push(lib.instantiate(conf)?);
    }
    let wants_metrics = cfg.train.spectral_every > 0 || schedulers.iter().any(|s| s.analysis_cadence().unit != CadenceUnit::Never);
    let mut used: Vec<(provenance::PluginUse, String)> = vec![(plugin_use("model", &model_lib.info, &model_lib.path), model_lib.describe())];
    for lib in &scheduler_libs {
        used.push((plugin_use("scheduler", &lib.info, &lib.path), lib.describe()));
    }
    let metrics = if wants_metrics {
        let lib = host::load_metrics(search, &cfg.metrics)?;
        let conf = crate::config::plugin_section(loaded, lib.info.name.as_str(), &lib.describe())?;
        used.push((plugin_use("metrics", &lib.info, &lib.path), lib.describe()));
        Some(lib.instantiate(&conf)?)
    } else {
        None
    };
    check_plugin_sections(cfg, search, &used)?;
    // The resolved configuration records every plugin's settings, its defaults included, and for a
    // data file what the file says (its grid, frames, physics, the samples read).
    let mut resolved = cfg.clone();
    if cfg.task == "pde-rollout" && cfg.data.file.is_some() {
        resolved.data = datasets::effective_config(&cfg.data)?;
    }
    for (p, defaults) in &used {
        let mut table: toml::Table = defaults.parse().unwrap_or_default();
        if let Some(user) = cfg.plugins.get(&p.name) {
            table.extend(user.clone());
        }
        resolved.plugins.insert(p.name.clone(), table);
    }
    let defaults = used.iter().map(|(p, d)| (p.name.clone(), d.parse::<toml::Table>().unwrap_or_default())).collect();
    let mut plugins = Plugins { model, schedulers, metrics, defaults };

    // Only now, with every plugin built from its configuration, does the run directory appear.
    let run_dir = match resume {
        Some(dir) => dir.to_path_buf(),
        None => {
            let default_name = format!(
                "{}-{}-{}",
                model_lib.info.name,
                scheduler_libs.iter().map(|l| l.info.name.to_string()).collect::<Vec<_>>().join("+"),
                utc_timestamp()
            );
            let run_dir = rundir::create(&cfg.run.root, &cfg.run.name, &default_name)?;
            rundir::write_atomic(&run_dir.join("config.resolved.toml"), resolved.to_toml()?.as_bytes())?;
            run_dir
        }
    };
    // One writer per run directory: a second `--resume` of the same run is refused.
    let _lock = rundir::DirLock::acquire(&run_dir, "run directory")?;
    tracing::info!("run directory: {}", run_dir.display());

    let start = match resume {
        Some(dir) => {
            if !force_config {
                check_unchanged(dir, &resolved)?;
            }
            let point = ResumePoint::restore(dir, &mut plugins, &task)?;
            // A run that trained every epoch but died before its summary only finishes.
            if point.epochs_done >= cfg.train.epochs && dir.join("summary.json").exists() {
                return Err(EngineError::Config(format!(
                    "the run already completed {} epochs; raise train.epochs (--epochs) to continue it",
                    point.epochs_done
                )));
            }
            // The resolved configuration now records what the run continues with.
            rundir::write_atomic(&dir.join("config.resolved.toml"), resolved.to_toml()?.as_bytes())?;
            Some(point)
        }
        None => None,
    };
    let uses: Vec<provenance::PluginUse> = used.into_iter().map(|(p, _)| p).collect();
    provenance::record_start(&run_dir, &uses, task.provenance(cfg), cfg.train.threads)?;
    let resumed = start.is_some();
    let result = epochs::train(cfg, &run_dir, &task, &data_json, &mut plugins, start);
    // A fresh run that failed before its first checkpoint has nothing worth keeping: remove it,
    // so its --name can be used again.
    if result.is_err() && !resumed && Checkpoints::new(&run_dir).ok().and_then(|c| c.target("last")).is_none() {
        let _ = std::fs::remove_dir_all(&run_dir);
        return result.map_err(|e| EngineError::Training(format!("{} (before the first checkpoint; the run directory was removed)", e.reason())));
    }
    let _ = provenance::record_end(
        &run_dir,
        match &result {
            Ok(_) => "completed",
            Err(EngineError::Interrupted { .. }) => "interrupted",
            Err(_) => "failed",
        },
    );
    result.map_err(|e| {
        // Say where the run can be picked up again (an interruption already says it).
        match Checkpoints::new(&run_dir).ok().and_then(|c| c.target("last")) {
            Some(last) if !matches!(e, EngineError::Interrupted { .. }) => {
                EngineError::Training(format!("{}; the last good checkpoint is {}", e.reason(), last.display()))
            }
            _ => e,
        }
    })
}

fn plugin_use(kind: &'static str, info: &plugin_api::PluginInfo, path: &Path) -> provenance::PluginUse {
    provenance::PluginUse { kind, name: info.name.to_string(), version: info.version.to_string(), api_version: info.api_version.to_string(), path: path.to_path_buf() }
}

/// A `[plugins.<name>]` section must name a plugin that exists: one this run loads, or one
/// installed on the search path (presets keep settings for plugins that only some runs load, e.g.
/// `[plugins.tempbalance]` under `--scheduler constant-lr`). A typo is an error, not ignored.
fn check_plugin_sections(cfg: &Config, search: &SearchPath, used: &[(provenance::PluginUse, String)]) -> Result<()> {
    let loaded: Vec<&str> = used.iter().map(|(p, _)| p.name.as_str()).collect();
    let mut installed: Option<Vec<String>> = None;
    for name in cfg.plugins.keys() {
        if loaded.contains(&name.as_str()) {
            continue;
        }
        let all = installed.get_or_insert_with(|| search.discover().into_iter().map(|f| f.name).collect());
        if !all.contains(name) {
            return Err(EngineError::Config(format!(
                "`[plugins.{name}]`: no plugin named `{name}` (this run loads {}; installed: {})",
                loaded.join(", "),
                all.join(", ")
            )));
        }
    }
    Ok(())
}

pub(crate) fn optimizer_spec(cfg: &Config) -> Result<OptimizerSpec> {
    let kind = match cfg.optim.name.as_str() {
        "adam" => OptimizerKind::Adam,
        "adamw" => OptimizerKind::AdamW,
        "sgd" => OptimizerKind::Sgd,
        other => return Err(EngineError::Config(format!("`optim.name` is `{other}`; use adam, adamw or sgd"))),
    };
    Ok(OptimizerSpec {
        kind,
        beta1: cfg.optim.beta1,
        beta2: cfg.optim.beta2,
        eps: cfg.optim.eps,
        momentum: cfg.optim.momentum,
        nesterov: cfg.optim.nesterov,
        grad_clip: cfg.optim.grad_clip,
    })
}

/// What to try after a non-finite step, with the settings the run had.
fn divergence_advice(cfg: &Config) -> String {
    let clip = if cfg.optim.grad_clip > 0.0 { format!("a smaller optim.grad_clip (now {})", cfg.optim.grad_clip) } else { "optim.grad_clip = 1.0 (now off)".into() };
    let skip = match cfg.train.on_nonfinite {
        OnNonFinite::Stop => "; or train.on_nonfinite = \"skip\" to skip such batches",
        OnNonFinite::Skip => "",
    };
    format!("try a lower optim.lr (now {}), {clip}{skip}", cfg.optim.lr)
}

/// The epochs a run trains: `train.epochs`, or more where `train.min_steps` needs them.
pub(crate) fn planned_epochs(train: &TrainConfig, steps_per_epoch: u64) -> u64 {
    train.epochs.max(train.min_steps.div_ceil(steps_per_epoch.max(1)))
}

/// UTC time as YYYYmmdd-HHMMSS without a date crate.
fn utc_timestamp() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = provenance::civil_from_days(days as i64);
    format!("{y:04}{m:02}{d:02}-{:02}{:02}{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}
