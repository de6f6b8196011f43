//! `summary.json`: the machine-readable result of one run, the unit every sweep report aggregates,
//! and `summary.md`, the same figures as the table printed at the end of a run.
//!
//! Test figures are those **of the best-validation checkpoint** (what a PDEBench or GLUE paper
//! reports); the final epoch's figures sit beside them. Test data never chooses anything.

use crate::config::Config;
use crate::error::{EngineError, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The summary's format version; a report refuses summaries of a newer one.
pub const SCHEMA: u32 = 1;

/// Named metric values, e.g. `val/nrmse`, `test/nrmse`, `train/loss`. Non-finite values are left
/// out (JSON has no NaN): a missing key means "not measured" or "not a number".
pub type MetricMap = BTreeMap<String, f64>;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunSummary {
    pub schema: u32,
    /// `completed` (every epoch ran) or `stopped_early` (train.early_stop_patience).
    pub status: String,
    pub model: String,
    /// The scheduler chain as typed, `a+b`.
    pub scheduler: String,
    pub seed: u64,
    pub task: String,
    pub dataset: String,
    /// `data.seed` for generated PDE data; none for text.
    pub data_seed: Option<u64>,
    pub data: DataSizes,
    /// Every configuration key whose value differs from the defaults of the run's task and
    /// dataset, dotted, as `--set` takes them (where files go and the progress display left out).
    pub overrides: BTreeMap<String, serde_json::Value>,
    /// Epochs trained (fewer than train.epochs after an early stop).
    pub epochs: u64,
    pub epochs_planned: u64,
    /// The metric that chose the best checkpoint, e.g. `val/nrmse`.
    pub selection_metric: String,
    pub best_epoch: Option<u64>,
    /// Validation (and training loss) of the best epoch, and test of the best checkpoint.
    pub best: MetricMap,
    /// The same of the last epoch.
    #[serde(rename = "final")]
    pub last: MetricMap,
    /// Trivial predictors on the test split (PDE: `persistence/nrmse`, ...).
    pub baselines: MetricMap,
    /// Training wall time over every process of the run (resumes add up).
    pub wall_time_s: f64,
    /// Time training waited for spectral analysis and scheduling, and its share of the wall time.
    pub spectral_s: f64,
    pub spectral_fraction: f64,
    /// Time of the analyses that ran on their own thread beside training steps
    /// (`train.step_analysis = "next-step"`), not in `spectral_s` (absent before 2026-12-07).
    #[serde(default)]
    pub analysis_beside_s: f64,
    pub analyses: u64,
}

/// Set sizes and the keys that set them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DataSizes {
    pub train: usize,
    pub val: usize,
    pub test: usize,
    /// The subsampling keys of the task (`data.train_ratio`, `data.reduced_batch`,
    /// `data.num_samples` for PDEs; `text.train_ratio`, `text.num_train` for text).
    pub keys: BTreeMap<String, serde_json::Value>,
}

/// Keeps finite values only (JSON has no NaN or infinity).
pub fn finite(pairs: impl IntoIterator<Item = (String, f64)>) -> MetricMap {
    pairs.into_iter().filter(|(_, v)| v.is_finite()).collect()
}

impl RunSummary {
    pub fn write(&self, run_dir: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self).expect("a summary serializes");
        crate::rundir::write_atomic(&run_dir.join("summary.json"), format!("{text}\n").as_bytes())
    }

    /// Reads `summary.json` of a run directory; `None` when the run has not finished.
    pub fn read(run_dir: &Path) -> Result<Option<Self>> {
        let path = run_dir.join("summary.json");
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(crate::error::io_err(&path, e)),
        };
        let summary: RunSummary =
            serde_json::from_str(&text).map_err(|e| EngineError::RunDir(format!("{}: not a run summary: {e}", path.display())))?;
        if summary.schema > SCHEMA {
            return Err(EngineError::RunDir(format!(
                "{}: summary format {} is newer than this engine's ({SCHEMA}); use a newer engine",
                path.display(),
                summary.schema
            )));
        }
        Ok(Some(summary))
    }

    /// The table printed at the end of a run and saved as summary.md.
    pub fn table(&self, metric_names: &[&str], note: &str) -> String {
        let mut out = format!(
            "| metric | best checkpoint (epoch {}) | final (epoch {}) |\n|---|---|---|\n",
            self.best_epoch.map(|e| e.to_string()).unwrap_or_else(|| "-".into()),
            self.epochs
        );
        let cell = |m: &MetricMap, k: &str| m.get(k).map(|v| crate::progress::sci(*v, 4)).unwrap_or_else(|| "-".into());
        let mut keys = vec!["train/loss".to_string()];
        for split in ["val", "test"] {
            keys.extend(metric_names.iter().map(|m| format!("{split}/{m}")));
        }
        for k in keys {
            if self.best.contains_key(&k) || self.last.contains_key(&k) {
                out.push_str(&format!("| {k} | {} | {} |\n", cell(&self.best, &k), cell(&self.last, &k)));
            }
        }
        for (k, v) in &self.baselines {
            out.push_str(&format!("| baseline {k} (test) | {} | |\n", crate::progress::sci(*v, 4)));
        }
        out.push_str(&format!(
            "\nbest checkpoint chosen by {}; test figures are evaluated once, with that checkpoint.\n({note})\n",
            self.selection_metric
        ));
        if let (Some(model), Some(persist)) = (self.best.get("test/nrmse"), self.baselines.get("persistence/nrmse")) {
            if model >= persist {
                out.push_str(&format!(
                    "WARNING: test nRMSE {model:.4} does not beat persistence (copying the last input frame forward: {persist:.4}); this model has learnt nothing worth reporting yet.\n"
                ));
            }
        }
        out
    }
}

/// Keys that say where files go or how progress shows, never what is computed.
const PLACE_ONLY: [&str; 6] = ["run.root", "run.name", "train.progress", "train.tensorboard", "data.cache_dir", "text.assets_dir"];

/// Every key of `cfg` whose value differs from `defaults` and can change a result, dotted, with
/// its value.
pub fn overrides(cfg: &Config, defaults: &Config) -> Result<BTreeMap<String, serde_json::Value>> {
    let flat = |c: &Config| -> Result<BTreeMap<String, toml::Value>> {
        let table: toml::Table = c.to_toml()?.parse().map_err(|e| EngineError::Config(format!("resolved configuration: {e}")))?;
        let mut out = BTreeMap::new();
        flatten("", &toml::Value::Table(table), &mut out);
        Ok(out)
    };
    let (have, base) = (flat(cfg)?, flat(defaults)?);
    Ok(have
        .into_iter()
        .filter(|(k, v)| base.get(k) != Some(v) && !PLACE_ONLY.contains(&k.as_str()))
        .map(|(k, v)| (k, serde_json::to_value(&v).unwrap_or(serde_json::Value::Null)))
        .collect())
}

/// Flattens a TOML value into dotted keys.
pub fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, toml::Value>) {
    match value {
        toml::Value::Table(t) if !t.is_empty() => {
            for (k, v) in t {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        v => {
            out.insert(prefix.to_string(), v.clone());
        }
    }
}
