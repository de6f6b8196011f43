//! The `text-classification` task: the `[text]` section's data (tokenized by the engine, padded
//! per batch), batches for the model plugin, and scores (cross-entropy, accuracy, macro-F1) from
//! the plugin's `logits`. The data rules (first N examples as the paper, validation from the end of
//! the training file, fixed test set) live in the `textdata` crate.

use crate::config::Config;
use crate::error::{EngineError, Result};
use crate::host::Model;
use crate::task::{HostBatch, Scores, Split};
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
        }
        Ok(Scores(vec![("loss", metrics.mean_loss()), ("accuracy", metrics.accuracy()), ("macro_f1", metrics.macro_f1())]))
    }
}
