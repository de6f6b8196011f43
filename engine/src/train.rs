//! The training loop: data, plugins, epochs and batches, spectral analysis on the scheduler's
//! cadence, the plan for every step (base schedule refined by each scheduler in turn), evaluation,
//! logs and checkpoints.

use crate::config::{Config, Loaded, OnNonFinite, TrainConfig};
use crate::summary;
use crate::task::{higher_is_better, Scores, Split, Task};
use crate::error::{io_err, EngineError, Result};
use crate::host::{self, Metrics, Model, Scheduler, SearchPath};
use crate::progress::Progress;
use crate::provenance;
use crate::rundir::{self, Checkpoints, CsvLog, JsonLog};
use crate::schedule::BaseSchedule;
use crate::seed;
use crate::spectral::SpectralLog;
use plugin_api::{CadenceUnit, LayerMetrics, MetricsSnapshot, ModelInit, OptimizerKind, OptimizerSpec, ParamGroupInfo, StepContext, StepPlan};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Instant;

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
    let result = train(cfg, &run_dir, &task, &data_json, &mut plugins, start);
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

/// Keys a resume may change: how long to train and how to show it, never what is computed.
const RESUME_MAY_CHANGE: [&str; 12] = [
    "train.epochs",
    "train.min_steps",
    "train.on_nonfinite",
    "train.skip_limit",
    "train.progress",
    "train.threads",
    "train.test_every",
    "train.early_stop_patience",
    "train.tensorboard",
    "run.root",
    "run.name",
    "data.cache_dir",
];

/// A resumed run must continue with the configuration it was trained with: a changed data split
/// would compare validation scores across splits, a changed model would not load. Names every key
/// that differs; `--force-config` accepts them.
fn check_unchanged(run_dir: &Path, now: &Config) -> Result<()> {
    let path = run_dir.join("config.resolved.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| io_err(&path, e))?;
    let before: Config = toml::from_str(&text).map_err(|e| io_err(&path, format!("not a resolved configuration: {}", e.message())))?;
    let flat = |c: &Config| -> Result<std::collections::BTreeMap<String, toml::Value>> {
        let table: toml::Table = c.to_toml()?.parse().map_err(|e| io_err(&path, e))?;
        let mut out = std::collections::BTreeMap::new();
        summary::flatten("", &toml::Value::Table(table), &mut out);
        Ok(out)
    };
    let (old, new) = (flat(&before)?, flat(now)?);
    // Keys either side has (an optional key set now but absent before counts as a change).
    let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let show = |v: Option<&toml::Value>| v.map(|v| v.to_string()).unwrap_or_else(|| "unset".into());
    let changed: Vec<String> = keys
        .into_iter()
        .filter(|k| !RESUME_MAY_CHANGE.contains(&k.as_str()) && old.get(*k) != new.get(*k))
        // A run from before plugin settings were recorded has no [plugins] keys: not a change.
        .filter(|k| !(k.starts_with("plugins.") && !old.contains_key(*k)))
        .map(|k| format!("{k} ({} -> {})", show(old.get(k)), show(new.get(k))))
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    Err(EngineError::Config(format!(
        "resuming {} with a changed configuration: {}; resume with the run's own settings, or pass --force-config to continue anyway",
        run_dir.display(),
        changed.join(", ")
    )))
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

/// Where a resumed run starts: counters, best so far, and the epochs already logged.
#[derive(Default)]
struct ResumePoint {
    epochs_done: u64,
    step: u64,
    best: Option<(u64, f64)>,
    records: Vec<EpochRecord>,
    /// Steps already taken in the epoch after `epochs_done` (a checkpoint written on SIGINT or
    /// SIGTERM in the middle of an epoch), and their summed loss.
    step_in_epoch: u64,
    epoch_loss_sum: f64,
    /// Of those steps, how many were skipped for a non-finite loss.
    epoch_skipped: u64,
    /// Wall time and spectral time of the processes before this one.
    elapsed_s: f64,
    spectral_s: f64,
    analyses: u64,
}

impl ResumePoint {
    /// Loads the `last` checkpoint of `run_dir` into the model and schedulers.
    fn restore(run_dir: &Path, plugins: &mut Plugins, task: &Task) -> Result<Self> {
        let checkpoints = Checkpoints::new(run_dir)?;
        let last = checkpoints.target("last").ok_or_else(|| {
            EngineError::RunDir(format!("`{}` has no checkpoints/last to resume from", run_dir.display()))
        })?;
        rundir::verify_checkpoint(&last)?;
        let state_path = last.join("state.json");
        let text = std::fs::read_to_string(&state_path).map_err(|e| io_err(&state_path, e))?;
        let state: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| io_err(&state_path, format!("not valid JSON: {e}")))?;
        let field = |key: &str| state.get(key).and_then(|v| v.as_u64()).ok_or_else(|| io_err(&state_path, format!("missing `{key}`")));
        let (epochs_done, step) = (field("epoch")?, field("global_step")?);
        plugins.model.load_checkpoint(&last, false)?;
        let saved = state.get("schedulers").and_then(|v| v.as_array()).cloned().unwrap_or_default();
        for (i, scheduler) in plugins.schedulers.iter_mut().enumerate() {
            let entry = saved.get(i).filter(|e| e.get("name").and_then(|n| n.as_str()) == Some(scheduler.name.as_str()));
            let Some(entry) = entry else {
                return Err(EngineError::RunDir(format!(
                    "{} holds no state for scheduler #{} `{}`; resume with the schedulers the run used",
                    state_path.display(),
                    i + 1,
                    scheduler.name
                )));
            };
            scheduler.load_state(entry.get("state").and_then(|s| s.as_str()).unwrap_or("{}"))?;
        }
        let best = match (state.get("best_epoch").and_then(|v| v.as_u64()), state.get("best_value").and_then(|v| v.as_f64())) {
            (Some(e), Some(v)) => Some((e, v)),
            _ => None,
        };
        if let Some(b) = state.get("best_epoch").and_then(|v| v.as_u64()) {
            checkpoints.repair_best(b)?;
        }
        // Logs may run ahead of the checkpoint (written before it, or cut by a kill mid-line):
        // cut them back, so the resumed run continues them with no repeated or half line.
        let cell = |line: &str, i: usize| line.split(',').nth(i).and_then(|c| c.parse::<u64>().ok());
        rundir::truncate_log(&run_dir.join("metrics.csv"), 1, |l| cell(l, 0).is_some_and(|e| e <= epochs_done))?;
        rundir::truncate_log(&run_dir.join("metrics.jsonl"), 0, |l| {
            serde_json::from_str::<serde_json::Value>(l).ok().and_then(|v| v.get("step").and_then(|s| s.as_u64())).is_some_and(|s| s < step)
        })?;
        for file in ["spectral/layers.csv", "spectral/summary.csv"] {
            rundir::truncate_log(&run_dir.join(file), 1, |l| cell(l, 1).is_some_and(|s| s < step))?;
        }
        let records = read_records(&run_dir.join("metrics.csv"), epochs_done, task)?;
        let seconds = |key: &str| state.get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
        // Time spent so far lives beside the state, so that state.json itself is the same bytes
        // whether or not the run was interrupted.
        let timing: serde_json::Value = std::fs::read_to_string(last.join("timing.json")).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let spent = |key: &str| timing.get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
        let (elapsed_s, spectral_s) = (spent("elapsed_s"), spent("spectral_s"));
        let analyses = timing.get("analyses").and_then(|v| v.as_u64()).unwrap_or(0);
        let step_in_epoch = state.get("step_in_epoch").and_then(|v| v.as_u64()).unwrap_or(0);
        let epoch_loss_sum = seconds("epoch_loss_sum");
        let epoch_skipped = state.get("epoch_skipped").and_then(|v| v.as_u64()).unwrap_or(0).min(step_in_epoch);
        tracing::info!("resuming from {} (epoch {epochs_done}, step {step})", last.display());
        Ok(Self { epochs_done, step, best, records, step_in_epoch, epoch_loss_sum, epoch_skipped, elapsed_s, spectral_s, analyses })
    }
}

/// The epoch rows of metrics.csv up to `epochs`, for the end-of-run summary.
fn read_records(path: &Path, epochs: u64, task: &Task) -> Result<Vec<EpochRecord>> {
    let text = std::fs::read_to_string(path).map_err(|e| io_err(path, e))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let mut records = Vec::new();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let get = |name: &str| header.iter().position(|h| *h == name).and_then(|i| cells.get(i)).and_then(|c| c.parse::<f64>().ok());
        let Some(epoch) = get("epoch").map(|e| e as u64) else { continue };
        if epoch > epochs {
            continue;
        }
        let scores = |split: &str| Scores(task.metric_names().iter().map(|m| (*m, get(&format!("{split}/{m}")).unwrap_or(f64::NAN))).collect());
        let val = get("val/loss").map(|_| scores("val"));
        let test = get("test/loss").map(|_| scores("test"));
        records.push(EpochRecord { epoch, train_loss: get("train/loss").unwrap_or(f64::NAN), val, test });
    }
    Ok(records)
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

fn train(cfg: &Config, run_dir: &Path, task: &Task, data_json: &str, plugins: &mut Plugins, start: Option<ResumePoint>) -> Result<RunReport> {
    let groups = plugins.model.param_groups();
    let num_params: u64 = groups.iter().map(|g| g.num_params).sum();
    tracing::info!("model {}: {} parameter groups, {} parameters", plugins.model.name, groups.len(), num_params);

    let train_ids = task.train_ids();
    let steps_per_epoch = train_ids.len().div_ceil(cfg.train.batch_size) as u64;
    let epochs = planned_epochs(&cfg.train, steps_per_epoch);
    let raised;
    let cfg = if epochs == cfg.train.epochs {
        cfg
    } else {
        tracing::info!(
            "train.min_steps = {}: {} training samples at batch size {} make {steps_per_epoch} step(s) per epoch, so the run trains {epochs} epochs instead of {}",
            cfg.train.min_steps,
            train_ids.len(),
            cfg.train.batch_size,
            cfg.train.epochs
        );
        raised = Config { train: TrainConfig { epochs, ..cfg.train.clone() }, ..cfg.clone() };
        &raised
    };
    let total_steps = steps_per_epoch * cfg.train.epochs;
    let schedule = BaseSchedule::new(&cfg.schedule, cfg.optim.lr, cfg.train.epochs, steps_per_epoch)?;

    let resuming = start.is_some();
    let mut epoch_csv = CsvLog::open(run_dir.join("metrics.csv"), epoch_columns(task, &groups), resuming)?;
    let mut step_log = JsonLog::create(run_dir.join("metrics.jsonl"))?;
    let mut spectral_log = match plugins.metrics {
        Some(_) => Some(SpectralLog::open(run_dir, resuming)?),
        None => None,
    };
    let checkpoints = Checkpoints::new(run_dir)?;
    let mut board = if cfg.train.tensorboard { Some(crate::tensorboard::EventWriter::create(&run_dir.join("tensorboard"))?) } else { None };
    let progress = Progress::new(cfg.train.progress, total_steps);

    let mut snapshot: Option<(u64, u64, Vec<LayerMetrics>)> = None;
    let mut warned: std::collections::HashSet<String> = std::collections::HashSet::new();
    if let Some(p) = &start {
        // The counters must agree with each other: a hand-edited or corrupt state.json would
        // otherwise wrap the step counter or skip data.
        let expected = p.epochs_done.checked_mul(steps_per_epoch).and_then(|s| s.checked_add(p.step_in_epoch));
        if expected != Some(p.step) || p.step_in_epoch > steps_per_epoch || p.epochs_done > cfg.train.epochs {
            return Err(EngineError::RunDir(format!(
                "{}: checkpoints/last/state.json says epoch {}, step {} of the epoch, global step {}, which do not agree ({} steps per epoch); the checkpoint is not usable",
                run_dir.display(),
                p.epochs_done,
                p.step_in_epoch,
                p.step,
                steps_per_epoch
            )));
        }
    }
    let start = start.unwrap_or_default();
    let mut records: Vec<EpochRecord> = start.records;
    let mut best: Option<(u64, f64)> = start.best;
    let mut step: u64 = start.step;
    let started = Instant::now();
    // Time spent on spectral analysis and scheduling, reported as TempBalance's overhead; both
    // add up over the processes of a resumed run.
    let mut scheduling_seconds = start.spectral_s;
    let mut analyses = start.analyses;
    let elapsed_before = start.elapsed_s;
    let selection_name = task.selection_metric(cfg)?;
    let mut stopped_early = false;
    let stop = crate::signals::StopRequest::installed();
    let (resume_epoch, resume_skip, resume_loss, resume_skipped) = (start.epochs_done, start.step_in_epoch, start.epoch_loss_sum, start.epoch_skipped);
    let mut skipped_in_row = 0u64;

    for epoch in start.epochs_done..cfg.train.epochs {
        // `epoch` is 0-based as plugins see it; files and logs count completed epochs from 1.
        let epoch_no = epoch + 1;
        let epoch_started = Instant::now();
        let mut order = train_ids.clone();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed::derive(cfg.seed, &format!("shuffle/{epoch}")));
        order.shuffle(&mut rng);

        // An epoch interrupted by a signal continues after the steps it had taken.
        let skip = if epoch == resume_epoch { resume_skip as usize } else { 0 };
        let mut loss_sum = if epoch == resume_epoch { resume_loss } else { 0.0 };
        // Steps of this epoch skipped for a non-finite loss (train.on_nonfinite = "skip"): the
        // epoch's loss is the mean over the steps taken.
        let mut skipped_in_epoch = if epoch == resume_epoch { resume_skipped } else { 0 };
        let mut plan = StepPlan::uniform(&groups, cfg.optim.lr, cfg.optim.weight_decay);
        for (step_in_epoch, batch_indices) in order.chunks(cfg.train.batch_size).enumerate().skip(skip) {
            let step_in_epoch = step_in_epoch as u64;
            let base_lr = schedule.lr(step, epoch);
            let ctx = StepContext {
                epoch,
                step,
                step_in_epoch,
                steps_per_epoch,
                total_steps,
                base_lr,
                weight_decay: cfg.optim.weight_decay,
            };

            let scheduling_started = Instant::now();
            let analysed_now = analysis_due(plugins, cfg.train.spectral_every, step, step_in_epoch, epoch);
            if analysed_now {
                let weights = plugins.model.layer_weights()?;
                let metrics = plugins.metrics.as_mut().expect("loaded when a scheduler has a cadence");
                snapshot = Some((step, epoch, metrics.analyze(&weights)?));
                analyses += 1;
            }

            plan = StepPlan::uniform(&groups, base_lr, cfg.optim.weight_decay);
            for scheduler in plugins.schedulers.iter_mut() {
                let view = snapshot.as_ref().map(|(s, e, layers)| MetricsSnapshot { step: *s, epoch: *e, layers: layers.as_slice().into() });
                plan = scheduler.plan(ctx, &groups, view, &plan)?;
            }
            check_plan(&plan, &groups, &plugins.schedulers, step)?;
            for w in plan.warnings.iter() {
                if warned.insert(w.to_string()) {
                    tracing::warn!("{} (step {step}; shown once)", w);
                }
            }

            if analysed_now {
                if let (Some(log), Some((_, _, layers))) = (spectral_log.as_mut(), snapshot.as_ref()) {
                    log.record(epoch_no, step, layers, &plan, base_lr)?;
                }
                if let (Some(board), Some((_, _, layers))) = (board.as_mut(), snapshot.as_ref()) {
                    let tags: Vec<(String, f64)> = layers.iter().map(|m| (format!("alpha/{}", m.layer), m.alpha)).collect();
                    board.scalars(step, tags.iter().map(|(t, v)| (t.as_str(), *v)))?;
                }
            }

            scheduling_seconds += scheduling_started.elapsed().as_secs_f64();

            let batch = task.train_batch(batch_indices);
            let mut line = match plugins.model.train_step(&batch.views(), &plan, step) {
                Ok(out) if out.loss.is_finite() => {
                    skipped_in_row = 0;
                    loss_sum += out.loss;
                    if let Some(board) = board.as_mut() {
                        let lrs: Vec<(String, f64)> = plan.groups.iter().map(|g| (format!("lr/{}", g.group), g.lr)).collect();
                        let fixed = [("train/loss", out.loss), ("train/grad_norm", out.grad_norm), ("lr/base", base_lr)];
                        board.scalars(step, fixed.into_iter().chain(lrs.iter().map(|(t, v)| (t.as_str(), *v))))?;
                    }
                    json!({"epoch": epoch_no, "step": step, "train/loss": out.loss, "train/grad_norm": out.grad_norm, "lr/base": base_lr})
                }
                // A plugin that applied a step with a non-finite loss has changed its weights:
                // nothing to skip back to.
                Ok(out) => {
                    return Err(EngineError::Training(format!(
                        "model plugin `{}` reported a non-finite training loss ({}) at epoch {epoch_no} step {step}; {}",
                        plugins.model.name,
                        out.loss,
                        divergence_advice(cfg)
                    )))
                }
                Err(EngineError::NonFiniteStep(why)) => {
                    skipped_in_row += 1;
                    if cfg.train.on_nonfinite == OnNonFinite::Stop || skipped_in_row >= cfg.train.skip_limit {
                        let count = if skipped_in_row > 1 { format!("{skipped_in_row} non-finite steps in a row, the last: ") } else { String::new() };
                        return Err(EngineError::Training(format!("{count}{why} (epoch {epoch_no}); {}", divergence_advice(cfg))));
                    }
                    skipped_in_epoch += 1;
                    tracing::warn!("step {step} (epoch {epoch_no}) skipped, weights unchanged: {why}");
                    json!({"epoch": epoch_no, "step": step, "skipped": why, "lr/base": base_lr})
                }
                Err(e) => return Err(e),
            };
            for g in plan.groups.iter() {
                line[format!("lr/{}", g.group)] = json!(g.lr);
            }
            step_log.write(&line)?;
            step += 1;
            progress.step(|| format!("epoch {epoch_no} loss {}", crate::progress::sci(loss_sum / (step_in_epoch + 1 - skipped_in_epoch).max(1) as f64, 3)));
            if stop.requested() {
                step_log.flush()?;
                if let Some(board) = board.as_mut() {
                    board.flush()?;
                }
                progress.finish();
                let mut state = state_json(cfg, plugins, epoch, step, &selection_name, best, (elapsed_before + started.elapsed().as_secs_f64(), scheduling_seconds, analyses))?;
                state["step_in_epoch"] = json!(step_in_epoch + 1);
                state["epoch_loss_sum"] = json!(loss_sum);
                if skipped_in_epoch > 0 {
                    state["epoch_skipped"] = json!(skipped_in_epoch);
                }
                let name = format!("epoch-{epoch_no:04}-step-{step:08}");
                let dir = save_checkpoint(&checkpoints, &name, false, plugins, task, data_json, epoch_no, step, &state)?;
                return Err(EngineError::Interrupted {
                    signal: stop.signal(),
                    message: format!(
                        "{} after step {step} (epoch {epoch_no}, step {} of {steps_per_epoch}); checkpoint {}; continue with: engine run --resume {}",
                        stop.signal_name(),
                        step_in_epoch + 1,
                        dir.display(),
                        run_dir.display()
                    ),
                });
            }
        }
        step_log.flush()?;
        let taken = steps_per_epoch.saturating_sub(skipped_in_epoch);
        let train_loss = if taken == 0 { f64::NAN } else { loss_sum / taken as f64 };
        if skipped_in_epoch > 0 {
            tracing::warn!("epoch {epoch_no}: {skipped_in_epoch} of {steps_per_epoch} steps skipped for a non-finite loss or gradient");
        }

        let val = if task.has_val() { Some(task.evaluate(&mut plugins.model, Split::Val, cfg)?) } else { None };
        // Test data is looked at once at the end, unless test curves were asked for.
        let test = if cfg.train.test_every > 0 && epoch_no % cfg.train.test_every == 0 {
            Some(task.evaluate(&mut plugins.model, Split::Test, cfg)?)
        } else {
            None
        };
        // Model selection uses validation data, never test data; without a validation split, the
        // training loss.
        let selection = match (&val, selection_name.split_once('/')) {
            (Some(v), Some(("val", metric))) => v.get(metric).unwrap_or(f64::NAN),
            _ => train_loss,
        };
        // Skipping batches only helps while the weights are sound: an epoch that ends inside a run
        // of skipped steps with a non-finite validation score has diverged weights, which must
        // not become a checkpoint.
        if skipped_in_row > 0 && !selection.is_finite() {
            return Err(EngineError::Training(format!(
                "epoch {epoch_no} ended after {skipped_in_row} skipped non-finite step(s) in a row with {selection_name} = {selection}: the weights have diverged and were not checkpointed; {}",
                divergence_advice(cfg)
            )));
        }
        let better = |a: f64, b: f64| if higher_is_better(&selection_name) { a > b } else { a < b };
        let is_best = best.is_none_or(|(_, b)| better(selection, b) || (b.is_nan() && !selection.is_nan()));
        if is_best {
            best = Some((epoch_no, selection));
        }
        let patience = cfg.train.early_stop_patience;
        stopped_early = patience > 0 && epoch_no + 1 <= cfg.train.epochs && best.is_some_and(|(e, _)| epoch_no - e >= patience);

        // The epoch's row is written before its checkpoint: a kill in between leaves the log ahead,
        // and a resume cuts it back to the checkpoint (never a missing row).
        let elapsed = epoch_started.elapsed().as_secs_f64();
        let mut row = vec![
            ("epoch".to_string(), epoch_no.to_string()),
            ("step".to_string(), step.to_string()),
            ("train/loss".to_string(), fmt_f(train_loss)),
            ("lr/base".to_string(), fmt_f(schedule.lr(step.saturating_sub(1), epoch))),
            ("time_s".to_string(), format!("{elapsed:.3}")),
            ("best".to_string(), (is_best as u8).to_string()),
        ];
        for (name, value) in test.iter().flat_map(|t| &t.0) {
            row.push((format!("test/{name}"), fmt_f(*value)));
        }
        if let Some(v) = &val {
            for (name, value) in &v.0 {
                row.push((format!("val/{name}"), fmt_f(*value)));
            }
        }
        for g in plan.groups.iter() {
            row.push((format!("lr/{}", g.group), fmt_f(g.lr)));
        }
        epoch_csv.row(&row)?;
        rundir::fault_point("epoch-row");
        if let Some(board) = board.as_mut() {
            // Per-epoch figures at the epoch's last step, so they line up with the step curves.
            let mut tags: Vec<(String, f64)> = vec![("epoch/train_loss".into(), train_loss)];
            for (split, scores) in [("val", val.as_ref()), ("test", test.as_ref())] {
                tags.extend(scores.iter().flat_map(|s| s.0.iter().map(move |(k, v)| (format!("{split}/{k}"), *v))));
            }
            board.scalars(step.saturating_sub(1), tags.iter().map(|(t, v)| (t.as_str(), *v)))?;
            board.flush()?;
        }

        let mut state = state_json(cfg, plugins, epoch_no, step, &selection_name, best, (elapsed_before + started.elapsed().as_secs_f64(), scheduling_seconds, analyses))?;
        state["selection_value"] = json!(selection);
        save_checkpoint(&checkpoints, &format!("epoch-{epoch_no:04}"), is_best, plugins, task, data_json, epoch_no, step, &state)?;


        let headline = task.headline();
        let val_text = match &val {
            Some(v) => format!(" | val/loss {} | val/{headline} {:.4}", crate::progress::sci(v.get("loss").unwrap_or(f64::NAN), 2), v.get(headline).unwrap_or(f64::NAN)),
            None => String::new(),
        };
        let test_text = match &test {
            Some(t) => format!(" | test/{headline} {:.4}", t.get(headline).unwrap_or(f64::NAN)),
            None => String::new(),
        };
        progress.line(&format!(
            "epoch {:>4}/{} | train/loss {}{val_text}{test_text} | lr/base {} | {:.1}s{}",
            epoch_no,
            cfg.train.epochs,
            crate::progress::sci(train_loss, 2),
            crate::progress::sci(schedule.lr(step.saturating_sub(1), epoch), 2),
            elapsed,
            if is_best { " | best" } else { "" }
        ));
        records.push(EpochRecord { epoch: epoch_no, train_loss, val, test });
        if let Some(log) = &spectral_log {
            log.plot()?;
        }
        plot_curves(run_dir, task, &records, best.map(|b| b.0))?;
        if stopped_early {
            tracing::info!(
                "early stop after epoch {epoch_no}: {selection_name} has not improved for {} epochs (train.early_stop_patience)",
                cfg.train.early_stop_patience
            );
            break;
        }
    }
    progress.finish();

    let end = EndOfRun {
        selection_name,
        best_epoch: best.map(|b| b.0),
        stopped_early,
        wall_time_s: elapsed_before + started.elapsed().as_secs_f64(),
        spectral_s: scheduling_seconds,
        analyses,
    };
    finish(cfg, run_dir, task, plugins, &checkpoints, &records, end)
}

/// `state.json` of a checkpoint: counters, best so far, every scheduler's state; with `timing`
/// (wall and spectral seconds, analyses), which is saved beside it as timing.json.
fn state_json(cfg: &Config, plugins: &Plugins, epochs_done: u64, step: u64, selection_name: &str, best: Option<(u64, f64)>, timing: (f64, f64, u64)) -> Result<serde_json::Value> {
    let (elapsed_s, spectral_s, analyses) = timing;
    Ok(json!({
        "epoch": epochs_done,
        "global_step": step,
        "seed": cfg.seed,
        "api_version": plugin_api::API_VERSION,
        "engine_version": env!("CARGO_PKG_VERSION"),
        "model": plugins.model.name,
        "selection_metric": selection_name,
        "best_epoch": best.map(|b| b.0),
        "best_value": best.map(|b| b.1),
        "schedulers": plugins.schedulers.iter().map(|s| Ok(json!({"name": s.name, "state": s.save_state()?}))).collect::<Result<Vec<_>>>()?,
        "timing": {"elapsed_s": elapsed_s, "spectral_s": spectral_s, "analyses": analyses},
    }))
}

/// Writes a checkpoint directory: the model's files, the input normalisation, and `state`.
#[allow(clippy::too_many_arguments)]
fn save_checkpoint(
    checkpoints: &Checkpoints,
    name: &str,
    is_best: bool,
    plugins: &Plugins,
    task: &Task,
    data_json: &str,
    epoch_no: u64,
    step: u64,
    state: &serde_json::Value,
) -> Result<PathBuf> {
    // `data` lets `engine analyze` rebuild the model from the checkpoint alone.
    let metadata = json!({
        "epoch": epoch_no.to_string(),
        "global_step": step.to_string(),
        "engine_version": env!("CARGO_PKG_VERSION"),
        "data": data_json,
    })
    .to_string();
    checkpoints.save_as(name, is_best, |dir| {
        plugins.model.save_checkpoint(dir, &metadata)?;
        if let Some(norm) = task.normalizer_json() {
            std::fs::write(dir.join("normalizer.json"), norm).map_err(|e| io_err(&dir.join("normalizer.json"), e))?;
        }
        let mut state = state.clone();
        let timing = state.as_object_mut().and_then(|o| o.remove("timing")).unwrap_or_default();
        for (file, value) in [("state.json", &state), ("timing.json", &timing)] {
            let text = serde_json::to_string_pretty(value).expect("json");
            std::fs::write(dir.join(file), text).map_err(|e| io_err(&dir.join(file), e))?;
        }
        Ok(())
    })
}

/// `plots/curves.png`: training loss, the validation (and, when scored, test) headline metric per
/// epoch, and the best-validation epoch marked.
fn plot_curves(run_dir: &Path, task: &Task, records: &[EpochRecord], best_epoch: Option<u64>) -> Result<()> {
    let headline = task.headline();
    let pick = |f: &dyn Fn(&EpochRecord) -> Option<f64>| records.iter().filter_map(|r| f(r).map(|v| (r.epoch as f64, v))).collect::<Vec<_>>();
    let mut series = vec![crate::plots::Series::new("train/loss", pick(&|r| Some(r.train_loss)))];
    series.push(crate::plots::Series::new(format!("val/{headline}"), pick(&|r| r.val.as_ref().and_then(|v| v.get(headline)))));
    series.push(crate::plots::Series::new(format!("test/{headline}"), pick(&|r| r.test.as_ref().and_then(|t| t.get(headline)))));
    series.retain(|s| !s.points.is_empty());
    let log_y = matches!(task, Task::Pde(_));
    if let Some(b) = best_epoch {
        let values = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).filter(|v| v.is_finite() && (!log_y || *v > 0.0));
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, c), v| (a.min(v), c.max(v)));
        if lo.is_finite() {
            series.push(crate::plots::Series { name: format!("best validation (epoch {b})"), points: vec![(b as f64, lo), (b as f64, hi)], dashed: true });
        }
    }
    let dir = run_dir.join("plots");
    std::fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
    crate::plots::line_chart(&dir.join("curves.png"), "learning curves", "epoch", if log_y { "value (log scale)" } else { "value" }, &series, log_y)
}

/// What the loop hands to the end of the run.
struct EndOfRun {
    selection_name: String,
    best_epoch: Option<u64>,
    stopped_early: bool,
    wall_time_s: f64,
    spectral_s: f64,
    analyses: u64,
}

/// The end of a run: test once with the final weights and once with the best-validation
/// checkpoint, the trivial baselines, then summary.json and summary.md.
fn finish(cfg: &Config, run_dir: &Path, task: &Task, plugins: &mut Plugins, checkpoints: &Checkpoints, records: &[EpochRecord], end: EndOfRun) -> Result<RunReport> {
    let last = records.last();
    let final_test = match last.and_then(|r| r.test.clone()) {
        Some(t) => t,
        None => task.evaluate(&mut plugins.model, Split::Test, cfg)?,
    };
    let best_record = records.iter().find(|r| Some(r.epoch) == end.best_epoch);
    let best_test = match (best_record, checkpoints.target("best")) {
        (Some(r), _) if Some(r.epoch) == last.map(|l| l.epoch) => final_test.clone(),
        (_, Some(dir)) => {
            rundir::verify_checkpoint(&dir)?;
            plugins.model.load_checkpoint(&dir, true)?;
            task.evaluate(&mut plugins.model, Split::Test, cfg)?
        }
        (_, None) => final_test.clone(),
    };
    let metrics_of = |r: Option<&EpochRecord>, test: &Scores| {
        let mut pairs: Vec<(String, f64)> = test.0.iter().map(|(k, v)| (format!("test/{k}"), *v)).collect();
        if let Some(r) = r {
            pairs.push(("train/loss".into(), r.train_loss));
            pairs.extend(r.val.iter().flat_map(|v| v.0.iter().map(|(k, x)| (format!("val/{k}"), *x))));
        }
        summary::finite(pairs)
    };
    let baselines = summary::finite(task.baselines(cfg).into_iter().flat_map(|(name, scores)| {
        scores.0.into_iter().filter(|(k, _)| *k != "loss").map(move |(k, v)| (format!("{name}/{k}"), v))
    }));
    let [n_train, n_val, n_test] = task.sizes();
    let size_keys: Vec<(&str, serde_json::Value)> = match task {
        Task::Pde(_) => vec![
            ("data.train_ratio", json!(cfg.data.train_ratio)),
            ("data.reduced_batch", json!(cfg.data.reduced_batch)),
            ("data.num_samples", json!(cfg.data.num_samples)),
        ],
        Task::Text(_) => vec![("text.train_ratio", json!(cfg.text.train_ratio)), ("text.num_train", json!(cfg.text.num_train))],
    };
    let mut defaults = default_config_like(cfg)?;
    let mut effective = cfg.clone();
    for (name, d) in &plugins.defaults {
        let mut table = d.clone();
        table.extend(cfg.plugins.get(name).cloned().unwrap_or_default());
        effective.plugins.insert(name.clone(), table);
        defaults.plugins.insert(name.clone(), d.clone());
    }
    let report = summary::RunSummary {
        schema: summary::SCHEMA,
        status: if end.stopped_early { "stopped_early" } else { "completed" }.into(),
        model: plugins.model.name.clone(),
        scheduler: cfg.scheduler.names().join("+"),
        seed: cfg.seed,
        task: cfg.task.clone(),
        dataset: task.dataset_name(cfg),
        data_seed: matches!(task, Task::Pde(_)).then_some(cfg.data.seed),
        data: summary::DataSizes {
            train: n_train,
            val: n_val,
            test: n_test,
            keys: size_keys.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        },
        overrides: summary::overrides(&effective, &defaults)?,
        epochs: last.map(|r| r.epoch).unwrap_or(0),
        epochs_planned: cfg.train.epochs,
        selection_metric: end.selection_name,
        best_epoch: end.best_epoch,
        best: metrics_of(best_record, &best_test),
        last: metrics_of(last, &final_test),
        baselines,
        wall_time_s: end.wall_time_s,
        spectral_s: end.spectral_s,
        spectral_fraction: if end.wall_time_s > 0.0 { end.spectral_s / end.wall_time_s } else { 0.0 },
        analyses: end.analyses,
    };
    report.write(run_dir)?;

    let pointer = |p: &str| checkpoints.target(p).map(|t| t.display().to_string()).unwrap_or_else(|| "none".into());
    let mut text = report.table(task.metric_names(), task.metric_note());
    text.push_str(&format!(
        "\nrun directory: {}\ncheckpoints: last -> {}, best -> {}\nlogs: metrics.csv (per epoch), metrics.jsonl (per step), summary.json, config.resolved.toml\ntime: {:.1}s{}\nspectral analysis and scheduling: {:.2}s ({:.2}% of the run; {} analyses)\n",
        run_dir.display(),
        pointer("last"),
        pointer("best"),
        report.wall_time_s,
        if end.stopped_early { " (stopped early)" } else { "" },
        report.spectral_s,
        100.0 * report.spectral_fraction,
        report.analyses
    ));
    rundir::write_atomic(&run_dir.join("summary.md"), text.as_bytes())?;
    Ok(RunReport { run_dir: run_dir.to_path_buf(), summary: text })
}

/// The defaults a run's overrides are measured against: the typed defaults with the run's task and
/// dataset (each dataset has its own preset sizes), written out in full.
fn default_config_like(cfg: &Config) -> Result<Config> {
    let base = Config {
        task: cfg.task.clone(),
        data: datasets::DataConfig::preset(&cfg.data.dataset),
        ..Config::default()
    };
    // A round trip through TOML makes every key explicit, as in the run's resolved config.
    toml::from_str(&base.to_toml()?).map_err(|e| EngineError::Config(format!("default configuration: {e}")))
}

/// Whether the spectral analysis runs before this step: on any scheduler's cadence, and every
/// `spectral_every` epochs when set (to log spectra under schedulers that do not use them).
fn analysis_due(plugins: &Plugins, spectral_every: u64, step: u64, step_in_epoch: u64, epoch: u64) -> bool {
    if plugins.metrics.is_none() {
        return false;
    }
    let by_config = spectral_every > 0 && step_in_epoch == 0 && epoch % spectral_every == 0;
    by_config
        || plugins.schedulers.iter().any(|s| {
            let c = s.analysis_cadence();
            match c.unit {
                CadenceUnit::Never => false,
                CadenceUnit::Steps => step % c.every.max(1) == 0,
                CadenceUnit::Epochs => step_in_epoch == 0 && epoch % c.every.max(1) == 0,
            }
        })
}

/// A plan must cover every group exactly once with a finite, non-negative learning rate.
fn check_plan(plan: &StepPlan, groups: &[ParamGroupInfo], schedulers: &[Scheduler], step: u64) -> Result<()> {
    let who = schedulers.last().map(|s| s.name.as_str()).unwrap_or("engine");
    let fail = |why: String| Err(EngineError::Plugin(format!("scheduler plugin `{who}` returned a bad plan at step {step}: {why}")));
    if plan.groups.len() != groups.len() {
        return fail(format!("{} groups planned, the model has {}", plan.groups.len(), groups.len()));
    }
    for g in groups {
        match plan.get(g.name.as_str()) {
            None => return fail(format!("group `{}` is missing", g.name)),
            Some(p) if !(p.lr.is_finite() && p.lr >= 0.0) => return fail(format!("group `{}` has learning rate {}", g.name, p.lr)),
            Some(p) if !(p.weight_decay.is_finite() && p.weight_decay >= 0.0) => {
                return fail(format!("group `{}` has weight decay {}", g.name, p.weight_decay))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn epoch_columns(task: &Task, groups: &[ParamGroupInfo]) -> Vec<String> {
    let mut cols: Vec<String> = vec!["epoch".into(), "step".into(), "train/loss".into()];
    for split in ["val", "test"] {
        cols.extend(task.metric_names().iter().map(|m| format!("{split}/{m}")));
    }
    cols.extend(["lr/base", "time_s", "best"].iter().map(|s| s.to_string()));
    cols.extend(groups.iter().map(|g| format!("lr/{}", g.name)));
    cols
}

fn fmt_f(x: f64) -> String {
    format!("{x:.6e}")
}

/// UTC time as YYYYmmdd-HHMMSS without a date crate.
fn utc_timestamp() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = provenance::civil_from_days(days as i64);
    format!("{y:04}{m:02}{d:02}-{:02}{:02}{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}
