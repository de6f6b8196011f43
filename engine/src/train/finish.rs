//! The end of a run: test scores with the final weights and with the best-validation checkpoint,
//! the trivial baselines, summary.json and summary.md.

use super::{EpochRecord, Plugins, RunReport};
use crate::config::Config;
use crate::error::{EngineError, Result};
use crate::rundir::{self, Checkpoints};
use crate::summary;
use crate::task::{Scores, Split, Task};
use serde_json::json;
use std::path::Path;

/// What the loop hands to the end of the run.
pub(super) struct EndOfRun {
    pub(super) selection_name: String,
    pub(super) best_epoch: Option<u64>,
    pub(super) stopped_early: bool,
    pub(super) wall_time_s: f64,
    pub(super) spectral_s: f64,
    pub(super) beside_s: f64,
    pub(super) analyses: u64,
}

/// The end of a run: test once with the final weights and once with the best-validation
/// checkpoint, the trivial baselines, then summary.json and summary.md.
pub(super) fn finish(cfg: &Config, run_dir: &Path, task: &Task, plugins: &mut Plugins, checkpoints: &Checkpoints, records: &[EpochRecord], end: EndOfRun) -> Result<RunReport> {
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
        analysis_beside_s: end.beside_s,
        analyses: end.analyses,
    };
    report.write(run_dir)?;

    let pointer = |p: &str| checkpoints.target(p).map(|t| t.display().to_string()).unwrap_or_else(|| "none".into());
    let mut text = report.table(task.metric_names(), task.metric_note());
    text.push_str(&format!(
        "\nrun directory: {}\ncheckpoints: last -> {}, best -> {}\nlogs: metrics.csv (per epoch), metrics.jsonl (per step), summary.json, config.resolved.toml\ntime: {:.1}s{}\nspectral analysis and scheduling: {:.2}s ({:.2}% of the run; {} analyses{})\n",
        run_dir.display(),
        pointer("last"),
        pointer("best"),
        report.wall_time_s,
        if end.stopped_early { " (stopped early)" } else { "" },
        report.spectral_s,
        100.0 * report.spectral_fraction,
        report.analyses,
        if report.analysis_beside_s > 0.0 { format!(", {:.2}s more of them beside training steps", report.analysis_beside_s) } else { String::new() }
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
