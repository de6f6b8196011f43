//! The `text-classification` task: the `[text]` section's data (tokenized by the engine, padded
//! per batch), batches for the model plugin, and scores (cross-entropy, accuracy, macro-F1) from
//! the plugin's `logits`. The data rules (first N examples as the paper, validation from the end of
//! the training file, fixed test set) live in the `textdata` crate.

use crate::config::Config;
use crate::error::{EngineError, Result};
use crate::host::Model;
use crate::task::{HostBatch, Scores, Split};
use std::path::Path;
use textdata::{ClassificationMetrics, Encoded, TextData};

pub struct TextTask {
    data: TextData,
    /// Evaluation orders, longest first, so evaluation batches carry little padding.
    val_order: Vec<usize>,
    test_order: Vec<usize>,
}

impl From<textdata::TextError> for EngineError {
    fn from(e: textdata::TextError) -> Self {
        EngineError::Data(e.to_string())
    }
}

impl TextTask {
    pub fn load(cfg: &Config) -> Result<Self> {
        cfg.text.validate()?;
        let started = std::time::Instant::now();
        let data = TextData::load(&cfg.text)?;
        tracing::info!("tokenized in {:.1}s", started.elapsed().as_secs_f64());
        if data.train.is_empty() || data.test.is_empty() {
            return Err(EngineError::Data(format!("{}: the training and test sets must not be empty", data.name)));
        }
        let val_order = textdata::order_by_length(&data.val);
        let test_order = textdata::order_by_length(&data.test);
        Ok(Self { data, val_order, test_order })
    }

    pub fn describe(&self) -> String {
        self.data.describe()
    }

    pub fn data_json(&self) -> String {
        serde_json::json!({
            "task": "text-classification",
            "num_labels": self.data.num_labels(),
            "labels": self.data.labels,
            "max_len": self.data.max_len,
            "pair": self.data.pair,
        })
        .to_string()
    }

    pub fn train_len(&self) -> usize {
        self.data.train.len()
    }

    pub fn val_len(&self) -> usize {
        self.data.val.len()
    }

    pub fn test_len(&self) -> usize {
        self.data.test.len()
    }

    pub fn train_batch(&self, ids: &[usize]) -> HostBatch<'_> {
        HostBatch::owned(self.data.batch_of(&self.data.train, ids).tensors)
    }

    /// Cross-entropy, accuracy and macro-F1 of the model's `logits` on a split.
    pub fn evaluate(&self, model: &mut Model, split: Split, cfg: &Config) -> Result<Scores> {
        self.evaluate_keeping(model, split, cfg, &mut |_, _| {})
    }

    /// [`TextTask::evaluate`], handing each batch's example indices and logits (`[B, labels]`
    /// row-major) to `keep`.
    fn evaluate_keeping(&self, model: &mut Model, split: Split, cfg: &Config, keep: &mut dyn FnMut(&[usize], &[f32])) -> Result<Scores> {
        let (examples, order): (&[Encoded], &[usize]) = match split {
            Split::Val => (&self.data.val, &self.val_order),
            Split::Test => (&self.data.test, &self.test_order),
        };
        let k = self.data.num_labels();
        let mut metrics = ClassificationMetrics::new(k);
        for chunk in order.chunks(cfg.train.eval_batch_size.max(1)) {
            let batch = HostBatch::owned(self.data.batch_of(examples, chunk).tensors);
            let outputs = model.predict(&batch.views())?;
            let logits = outputs.iter().find(|t| t.name.as_str() == "logits").ok_or_else(|| {
                EngineError::Plugin(format!("model plugin `{}` returned no `logits` tensor from predict", model.name))
            })?;
            let expected = [chunk.len() as u64, k as u64];
            if logits.shape.as_slice() != expected {
                return Err(EngineError::Plugin(format!(
                    "model plugin `{}` returned `logits` of shape {:?}, expected {:?} ({} labels)",
                    model.name,
                    logits.shape.as_slice(),
                    expected,
                    k
                )));
            }
            let labels: Vec<usize> = chunk.iter().map(|&i| examples[i].label).collect();
            metrics.add_logits(&logits.data, &labels)?;
            keep(chunk, &logits.data);
        }
        Ok(Scores(vec![("loss", metrics.mean_loss()), ("accuracy", metrics.accuracy()), ("macro_f1", metrics.macro_f1())]))
    }

    /// Evaluates a split and writes one JSON line per example, in the split's file order: its
    /// text, true label, predicted label and softmax probabilities per label.
    pub fn save_predictions(&self, model: &mut Model, split: Split, cfg: &Config, path: &Path) -> Result<Scores> {
        let k = self.data.num_labels();
        let mut logits: Vec<Option<Vec<f32>>> = vec![None; if split == Split::Val { self.val_len() } else { self.test_len() }];
        let scores = self.evaluate_keeping(model, split, cfg, &mut |chunk, rows| {
            for (&i, row) in chunk.iter().zip(rows.chunks_exact(k)) {
                logits[i] = Some(row.to_vec());
            }
        })?;
        // The texts: the encoded examples keep only token ids. Same rules, same order.
        let raw = textdata::RawSplits::load(&cfg.text)?;
        let examples = if split == Split::Val { &raw.val } else { &raw.test };
        let source = if split == Split::Val { Some(&raw.train_source) } else { raw.test_source.as_ref() }.unwrap_or(&raw.train_source);
        let mut body = String::new();
        for (example, row) in examples.iter().zip(&logits) {
            let row = row.as_ref().expect("every example evaluated");
            let probabilities = softmax(row);
            let predicted = probabilities.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map(|(i, _)| i).unwrap_or(0);
            // `line`: where the example is in its source file, so a row can be traced back.
            let mut line = serde_json::json!({
                "line": example.line,
                "text": example.text,
                "label": self.data.labels[example.label],
                "predicted": self.data.labels[predicted],
                "correct": predicted == example.label,
                "probabilities": self.data.labels.iter().cloned().zip(probabilities.iter().map(|p| serde_json::json!(p))).collect::<serde_json::Map<_, _>>(),
            });
            if let Some(pair) = &example.text_pair {
                line["text_pair"] = serde_json::json!(pair);
            }
            body.push_str(&line.to_string());
            body.push('\n');
        }
        tracing::info!("{} predictions of {} written to {}", examples.len(), source.display(), path.display());
        crate::rundir::write_atomic(path, body.as_bytes())?;
        Ok(scores)
    }
}

/// Softmax of one row of logits, in f64 (stable: the maximum is subtracted first).
fn softmax(logits: &[f32]) -> Vec<f64> {
    let max = logits.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v)) as f64;
    let exp: Vec<f64> = logits.iter().map(|&v| (v as f64 - max).exp()).collect();
    let sum: f64 = exp.iter().sum();
    exp.into_iter().map(|e| e / sum).collect()
}
