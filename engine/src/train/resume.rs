//! Continuing a run from its `last` checkpoint: the configuration must be the one it was trained
//! with; weights, optimizer and scheduler states, counters and the logs are brought back to the
//! checkpoint.

use super::{EpochRecord, Plugins};
use crate::config::Config;
use crate::error::{io_err, EngineError, Result};
use crate::rundir::{self, Checkpoints};
use crate::summary;
use crate::task::{Scores, Task};
use std::path::Path;

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
pub(super) fn check_unchanged(run_dir: &Path, now: &Config) -> Result<()> {
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

/// Where a resumed run starts: counters, best so far, and the epochs already logged.
#[derive(Default)]
pub(super) struct ResumePoint {
    pub(super) epochs_done: u64,
    pub(super) step: u64,
    pub(super) best: Option<(u64, f64)>,
    pub(super) records: Vec<EpochRecord>,
    /// Steps already taken in the epoch after `epochs_done` (a checkpoint written on SIGINT or
    /// SIGTERM in the middle of an epoch), and their summed loss.
    pub(super) step_in_epoch: u64,
    pub(super) epoch_loss_sum: f64,
    /// Of those steps, how many were skipped for a non-finite loss.
    pub(super) epoch_skipped: u64,
    /// Wall time, spectral time and analysis time beside steps of the processes before this one.
    pub(super) elapsed_s: f64,
    pub(super) spectral_s: f64,
    pub(super) beside_s: f64,
    pub(super) analyses: u64,
    /// An analysis finished beside the last step before the checkpoint, which the schedulers have
    /// not seen yet.
    pub(super) pending_analysis: Option<crate::spectral::Snapshot>,
}

impl ResumePoint {
    /// Loads the `last` checkpoint of `run_dir` into the model and schedulers.
    pub(super) fn restore(run_dir: &Path, plugins: &mut Plugins, task: &Task) -> Result<Self> {
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
        let pending_analysis = match state.get("pending_analysis") {
            None => None,
            Some(v) => Some(crate::spectral::snapshot_from_json(v).map_err(|e| io_err(&state_path, format!("`pending_analysis`: {e}")))?),
        };
        // A pending analysis is logged when it reaches the schedulers, after the checkpoint.
        let logged_before = pending_analysis.as_ref().map_or(step, |p| p.0.min(step));
        for file in ["spectral/layers.csv", "spectral/summary.csv"] {
            rundir::truncate_log(&run_dir.join(file), 1, |l| cell(l, 1).is_some_and(|s| s < logged_before))?;
        }
        let records = read_records(&run_dir.join("metrics.csv"), epochs_done, task)?;
        let seconds = |key: &str| state.get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
        // Time spent so far lives beside the state, so that state.json itself is the same bytes
        // whether or not the run was interrupted.
        let timing: serde_json::Value = std::fs::read_to_string(last.join("timing.json")).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let spent = |key: &str| timing.get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
        let (elapsed_s, spectral_s, beside_s) = (spent("elapsed_s"), spent("spectral_s"), spent("analysis_beside_s"));
        let analyses = timing.get("analyses").and_then(|v| v.as_u64()).unwrap_or(0);
        let step_in_epoch = state.get("step_in_epoch").and_then(|v| v.as_u64()).unwrap_or(0);
        let epoch_loss_sum = seconds("epoch_loss_sum");
        let epoch_skipped = state.get("epoch_skipped").and_then(|v| v.as_u64()).unwrap_or(0).min(step_in_epoch);
        tracing::info!("resuming from {} (epoch {epochs_done}, step {step})", last.display());
        Ok(Self { epochs_done, step, best, records, step_in_epoch, epoch_loss_sum, epoch_skipped, elapsed_s, spectral_s, beside_s, analyses, pending_analysis })
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
