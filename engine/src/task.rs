//! What the training loop trains on: a task owns its data splits, builds the batches the model
//! plugin receives, and scores the model on a split. The loop itself is task-agnostic.
//!
//! - `pde-rollout` ([`crate::data`]): PDEBench-style trajectories, rollout loss, nRMSE; model
//!   selection by the lowest validation nRMSE.
//! - `text-classification` ([`crate::text`]): tokenized sentences (or pairs) and labels,
//!   cross-entropy, accuracy and macro-F1; model selection by the highest validation accuracy.

use crate::config::Config;
use crate::data::PdeData;
use crate::error::{EngineError, Result};
use crate::host::Model;
use crate::text::TextTask;
use plugin_api::TensorView;
use std::borrow::Cow;

/// The task named by the top-level `task` key.
pub const TASKS: [&str; 2] = ["pde-rollout", "text-classification"];

/// Named scores of one evaluation, in the task's column order; `loss` comes first.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores(pub Vec<(&'static str, f64)>);

impl Scores {
    pub fn get(&self, name: &str) -> Option<f64> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

/// Whether a larger value of the metric `name` is better (accuracy, F1) or worse (loss, errors).
pub fn higher_is_better(name: &str) -> bool {
    let metric = name.rsplit('/').next().unwrap_or(name);
    matches!(metric, "accuracy" | "macro_f1")
}

/// One split of a task's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Val,
    Test,
}

/// Tensors of one batch as the model plugin receives them; data shared by every batch (the PDE
/// grid) is borrowed, not copied per step.
pub struct HostBatch<'a> {
    pub tensors: Vec<(String, Vec<u64>, Cow<'a, [f32]>)>,
}

impl HostBatch<'_> {
    /// A batch of owned tensors (name, shape, data).
    pub fn owned(tensors: Vec<(String, Vec<u64>, Vec<f32>)>) -> Self {
        HostBatch { tensors: tensors.into_iter().map(|(n, s, d)| (n, s, Cow::Owned(d))).collect() }
    }

    pub fn views(&self) -> Vec<TensorView<'_>> {
        self.tensors
            .iter()
            .map(|(name, shape, data)| TensorView { name: name.as_str().into(), shape: shape.as_slice().into(), data: data.as_ref().into() })
            .collect()
    }
}

/// The data of a run and how it is scored.
pub enum Task {
    Pde(PdeData),
    Text(TextTask),
}

impl Task {
    pub fn load(cfg: &Config) -> Result<Self> {
        match cfg.task.as_str() {
            "pde-rollout" => Ok(Task::Pde(PdeData::load(cfg)?)),
            "text-classification" => Ok(Task::Text(TextTask::load(cfg)?)),
            other => Err(EngineError::Config(format!("`task` is `{other}`; use {}", TASKS.join(" or ")))),
        }
    }

    /// One line for the log: what was loaded and how it is split.
    pub fn describe(&self, cfg: &Config) -> String {
        match self {
            Task::Pde(d) => format!(
                "{} ({} train / {} val / {} test samples, grid {:?}, {} frames, {} channels; t_train {} frames, initial_step {})",
                cfg.data.dataset,
                d.train.len(),
                d.val.len(),
                d.test.len(),
                d.spatial(),
                d.frames(),
                d.channels(),
                cfg.train.t_train,
                cfg.train.initial_step
            ),
            Task::Text(t) => t.describe(),
        }
    }

    /// What the model plugin is told about the data (`ModelInit.data`; also stored in checkpoints
    /// so `engine analyze` can rebuild the model).
    pub fn data_json(&self, cfg: &Config) -> String {
        match self {
            Task::Pde(d) => {
                let mut json = serde_json::json!({
                    "task": "pde-rollout",
                    "channels": d.channels(),
                    "spatial": d.spatial(),
                    "initial_step": cfg.train.initial_step,
                    "t_train": cfg.train.t_train,
                });
                if let Some(w) = &d.loss_weights {
                    json["loss_weights"] = serde_json::json!(w);
                }
                if let Some(n) = &d.relative_loss {
                    json["relative_loss"] = serde_json::json!({"scale": n.std, "offset": n.mean});
                }
                if cfg.train.sample_norm {
                    json["sample_norm"] = serde_json::json!(true);
                }
                json.to_string()
            }
            Task::Text(t) => t.data_json(),
        }
    }

    /// Identifiers of the training examples; the loop shuffles them and asks for batches of them.
    pub fn train_ids(&self) -> Vec<usize> {
        match self {
            Task::Pde(d) => d.train.clone(),
            Task::Text(t) => (0..t.train_len()).collect(),
        }
    }

    pub fn has_val(&self) -> bool {
        match self {
            Task::Pde(d) => !d.val.is_empty(),
            Task::Text(t) => t.val_len() > 0,
        }
    }

    /// A training batch of the examples `ids` (from [`Task::train_ids`]).
    pub fn train_batch(&self, ids: &[usize]) -> HostBatch<'_> {
        match self {
            Task::Pde(d) => d.batch(ids).into_host(),
            Task::Text(t) => t.train_batch(ids),
        }
    }

    /// Scores the model on a split, in batches of `train.eval_batch_size`.
    pub fn evaluate(&self, model: &mut Model, split: Split, cfg: &Config) -> Result<Scores> {
        match self {
            Task::Pde(d) => {
                let ids = match split {
                    Split::Val => &d.val,
                    Split::Test => &d.test,
                };
                d.evaluate(model, ids, cfg)
            }
            Task::Text(t) => t.evaluate(model, split, cfg),
        }
    }

    /// The metrics [`Task::evaluate`] reports, in order (`loss` first).
    pub fn metric_names(&self) -> &'static [&'static str] {
        match self {
            Task::Pde(_) => &["loss", "nrmse", "nrmse_pred"],
            Task::Text(_) => &["loss", "accuracy", "macro_f1"],
        }
    }

    /// The metric shown on each epoch's progress line.
    pub fn headline(&self) -> &'static str {
        match self {
            Task::Pde(_) => "nrmse",
            Task::Text(_) => "accuracy",
        }
    }

    /// The metric that picks the best checkpoint (direction: [`higher_is_better`]):
    /// `train.select_metric`, or by default the headline on validation data (the training loss
    /// when there is no validation split). Checked against the metrics the task reports.
    pub fn selection_metric(&self, cfg: &Config) -> Result<String> {
        if !self.has_val() {
            return Ok("train/loss".into());
        }
        let chosen = cfg.train.select_metric.trim();
        if chosen.is_empty() {
            return Ok(format!("val/{}", self.headline()));
        }
        let known: Vec<String> = self.metric_names().iter().map(|m| format!("val/{m}")).chain(["train/loss".to_string()]).collect();
        if known.iter().any(|k| k == chosen) {
            Ok(chosen.to_string())
        } else {
            Err(EngineError::Config(format!("`train.select_metric` is `{chosen}`; use one of {}", known.join(", "))))
        }
    }

    /// Training, validation and test set sizes.
    pub fn sizes(&self) -> [usize; 3] {
        match self {
            Task::Pde(d) => [d.train.len(), d.val.len(), d.test.len()],
            Task::Text(t) => [t.train_len(), t.val_len(), t.test_len()],
        }
    }

    /// The dataset's name as reports group by it.
    pub fn dataset_name(&self, cfg: &Config) -> String {
        match self {
            Task::Pde(_) => match &cfg.data.file {
                Some(f) => format!("{} ({})", cfg.data.dataset, f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()),
                None => cfg.data.dataset.clone(),
            },
            Task::Text(_) => cfg.text.dataset.clone(),
        }
    }

    /// The input normalisation the model was trained with (saved beside every checkpoint as
    /// normalizer.json, so predictions can be mapped back to physical units without the data).
    pub fn normalizer_json(&self) -> Option<String> {
        match self {
            Task::Pde(d) => d.normalizer.as_ref().map(|n| serde_json::to_string_pretty(n).expect("json")),
            Task::Text(_) => None,
        }
    }

    /// The data as provenance.json records it: a file's path and SHA-256, or the generator and
    /// every generation parameter.
    pub fn provenance(&self, cfg: &Config) -> serde_json::Value {
        match self {
            Task::Pde(_) => match &cfg.data.file {
                Some(f) => serde_json::json!({"file": crate::provenance::file_digest(f), "dataset": cfg.data.dataset}),
                None => serde_json::json!({"generator": cfg.data.dataset, "parameters": serde_json::to_value(&cfg.data).unwrap_or_default()}),
            },
            Task::Text(_) => {
                let files: Vec<serde_json::Value> = [&cfg.text.train_file, &cfg.text.test_file].into_iter().flatten().map(|f| crate::provenance::file_digest(f)).collect();
                serde_json::json!({"dataset": cfg.text.dataset, "files": files, "settings": serde_json::to_value(&cfg.text).unwrap_or_default()})
            }
        }
    }

    /// Uses a checkpoint's normalizer.json (PDE); `None` means the checkpoint trained on raw fields.
    pub fn use_checkpoint_normalizer(&mut self, checkpoint: &std::path::Path) -> Result<()> {
        if let Task::Pde(d) = self {
            let path = checkpoint.join("normalizer.json");
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    let n: crate::data::Normalizer = serde_json::from_str(&text).map_err(|e| crate::error::io_err(&path, format!("not a normalizer ({e})")))?;
                    d.set_normalizer(n)?;
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => d.normalizer = None,
                Err(e) => return Err(crate::error::io_err(&path, e)),
            }
        }
        Ok(())
    }

    /// Scores of trivial predictors on the test split, shown beside the model's (PDE:
    /// persistence, the last input frame copied forward, and the training set's mean field).
    /// Empty for text.
    pub fn baselines(&self, cfg: &Config) -> Vec<(String, Scores)> {
        self.baselines_on(Split::Test, cfg)
    }

    /// [`Task::baselines`] on either split.
    pub fn baselines_on(&self, split: Split, cfg: &Config) -> Vec<(String, Scores)> {
        match self {
            Task::Pde(d) => {
                let ids = if split == Split::Val { &d.val } else { &d.test };
                vec![("persistence".into(), d.persistence(ids, cfg)), ("mean_field".into(), d.mean_field(ids, cfg))]
            }
            Task::Text(_) => Vec::new(),
        }
    }

    /// A note printed under the summary table.
    pub fn metric_note(&self) -> &'static str {
        match self {
            Task::Pde(_) => "nrmse: PDEBench's nRMSE over all frames, the copied input frames included; nrmse_pred: predicted frames only",
            Task::Text(_) => "accuracy and macro_f1 (unweighted mean of per-class F1 over the classes present) in [0, 1]",
        }
    }
}
