//! `engine eval`: scores a saved checkpoint on the validation or test split of its run's data, or
//! of another data file, without training. The model plugin is rebuilt from the run's resolved
//! configuration; the checkpoint's files are verified against their checksums; PDE predictions
//! are mapped back to physical units with the checkpoint's own normalisation.

use crate::config::{self, CliOverrides};
use crate::error::{EngineError, Result};
use crate::host::{self, SearchPath};
use crate::task::{Split, Task};
use plugin_api::ModelInit;
use std::path::{Path, PathBuf};

pub struct EvalOptions {
    /// A run directory (its best checkpoint is used) or a checkpoint directory.
    pub path: PathBuf,
    pub split: Split,
    /// Another PDEBench file to evaluate on (`data.file`).
    pub data: Option<PathBuf>,
    pub sets: Vec<String>,
    /// Write the predictions there: PDE rollouts as HDF5 in PDEBench's layout, text predictions as
    /// JSONL (text, label, predicted label, probabilities).
    pub save_predictions: Option<PathBuf>,
}

/// The scores, where they were written, and the table printed.
pub struct EvalReport {
    pub text: String,
    pub written: PathBuf,
}

/// The run directory and checkpoint a path names.
fn locate(path: &Path) -> Result<(PathBuf, PathBuf)> {
    if path.join("config.resolved.toml").is_file() {
        let best = path.join("checkpoints/best");
        let ckpt = std::fs::canonicalize(&best).map_err(|e| EngineError::RunDir(format!("{}: no best checkpoint ({e})", path.display())))?;
        return Ok((path.to_path_buf(), ckpt));
    }
    if path.join("state.json").is_file() {
        let ckpt = std::fs::canonicalize(path).map_err(|e| crate::error::io_err(path, e))?;
        // <run>/checkpoints/<epoch-...>
        let run = ckpt.parent().and_then(Path::parent).filter(|r| r.join("config.resolved.toml").is_file());
        return match run {
            Some(r) => Ok((r.to_path_buf(), ckpt.clone())),
            None => Err(EngineError::RunDir(format!("{}: a checkpoint outside a run directory (no ../../config.resolved.toml)", path.display()))),
        };
    }
    Err(EngineError::RunDir(format!("{}: neither a run directory (config.resolved.toml) nor a checkpoint directory (state.json)", path.display())))
}

pub fn run(opts: &EvalOptions, search: &SearchPath) -> Result<EvalReport> {
    let (run_dir, ckpt) = locate(&opts.path)?;
    crate::rundir::verify_checkpoint(&ckpt)?;
    let mut sets = opts.sets.clone();
    if let Some(file) = &opts.data {
        sets.push(format!("data.file={:?}", file.display().to_string()));
    }
    let loaded = config::load(Some(&run_dir.join("config.resolved.toml")), &CliOverrides::default(), &sets)?;
    let cfg = &loaded.config;
    let model_lib = host::load_model(search, &cfg.model)?;
    let model_config = config::plugin_section(&loaded, model_lib.info.name.as_str(), &model_lib.describe())?;
    let mut task = Task::load(cfg)?;
    task.use_checkpoint_normalizer(&ckpt)?;
    let data_json = task.data_json(cfg);
    let mut model = model_lib.instantiate(ModelInit {
        config: model_config.as_str().into(),
        data: data_json.as_str().into(),
        optimizer: crate::train::optimizer_spec(cfg)?,
        seed: 0,
    })?;
    model.load_checkpoint(&ckpt, true)?;
    let scores = match (&opts.save_predictions, &task) {
        (None, _) => task.evaluate(&mut model, opts.split, cfg)?,
        (Some(path), Task::Pde(d)) => d.save_predictions(&mut model, if opts.split == Split::Val { &d.val } else { &d.test }, cfg, path)?,
        (Some(path), Task::Text(t)) => t.save_predictions(&mut model, opts.split, cfg, path)?,
    };
    let split = if opts.split == Split::Val { "val" } else { "test" };
    let mut doc = serde_json::json!({
        "checkpoint": ckpt.display().to_string(),
        "split": split,
        "data": task.provenance(cfg),
        "metrics": scores.0.iter().map(|(k, v)| (format!("{split}/{k}"), *v)).filter(|(_, v)| v.is_finite()).collect::<std::collections::BTreeMap<_, _>>(),
    });
    let mut text = format!("| metric | {} |\n|---|---|\n", ckpt.display());
    for (k, v) in &scores.0 {
        text.push_str(&format!("| {split}/{k} | {} |\n", crate::progress::sci(*v, 4)));
    }
    for (name, s) in task.baselines_on(opts.split, cfg) {
        for (k, v) in s.0.iter().filter(|(k, _)| *k != "loss") {
            text.push_str(&format!("| baseline {name}/{k} | {} |\n", crate::progress::sci(*v, 4)));
            doc["baselines"][format!("{name}/{k}")] = serde_json::json!(v);
        }
    }
    let tag = opts.data.as_ref().and_then(|f| f.file_stem()).map(|s| format!("-{}", s.to_string_lossy())).unwrap_or_default();
    let written = run_dir.join(format!("eval-{split}{tag}.json"));
    let body = serde_json::to_string_pretty(&doc).expect("json");
    crate::rundir::write_atomic(&written, format!("{body}\n").as_bytes())?;
    Ok(EvalReport { text, written })
}
