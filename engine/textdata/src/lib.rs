//! Text classification data for the engine's `text-classification` task: reading JSON Lines /
//! CSV / TSV files, the label set, the train / validation / test split, tokenization with a
//! HuggingFace `tokenizer.json`, batches as named f32 buffers, and accuracy / macro-F1.
//!
//! # The protocol
//!
//! It follows the NLP protocol of the TempBalance paper ("Model Balancing Helps Low-data Training
//! and Fine-tuning", EMNLP 2024): a pretrained BERT-style encoder is fine-tuned on the **first
//! N examples** of a training set, sequences truncated to `max_seq_length` = 128
//! (`text.max_len`), and evaluated on a fixed test set. Given the `[text]` configuration
//! ([`TextConfig`]):
//!
//! 1. **Files.** A built-in dataset is `<assets_dir>/text/<dataset>/train.jsonl` and
//!    `test.jsonl` (written by `scripts/fetch-assets.sh`; a missing file is an error that says to
//!    run it). `train_file` / `test_file` replace them; `dataset = "custom"` reads only those.
//! 2. **Labels.** The label set is the union of the train and test labels: numeric order if
//!    every label is an integer, else sorted strings. The class id is the index in
//!    [`TextData::labels`].
//! 3. **Test set (fixed).** The test file, in file order; only its first `test_limit` examples
//!    if `test_limit > 0`. Custom data without a test file: the first
//!    ceil(`test_fraction` × n) rows of the train file are the test set and the rest is treated
//!    as the train file below.
//! 4. **Validation set (from the end of the train file).** The last
//!    ceil(`val_fraction` × n) examples of the train file (n = its length), at most `val_limit`
//!    (then the last `val_limit`). They are removed **before** subsampling, so they never
//!    train whatever N is, and the validation set does not change with N.
//! 5. **Training subsample.** The rest is the training pool (`pool_size`). N is `num_train`
//!    when it is not 0, else floor(pool × `train_ratio`) (the paper's `int(len * ratio)`), at
//!    least 1.
//!    `subsample = "first"` (default, the paper) keeps the first N of the pool;
//!    `"stratified"` keeps per-class counts proportional to the pool (see
//!    [`split::stratified_indices`]), still each class's first examples and in pool order.
//!    No step is random, so every run with the same configuration sees the same examples.
//! 6. **Tokens.** The tokenizer's own padding is switched off and its truncation set to
//!    `max_len` (longest first for pairs); special tokens come from its post-processor
//!    (`[CLS] A [SEP] B [SEP]`, type ids 0 / 1). [`TextData::batch`] pads right with the
//!    tokenizer's pad id, to the batch's longest example (`padding = "longest"`) or to `max_len`.
//!
//! Ceilings use a 1e-9 tolerance so that 0.1 × 8530 gives 853; the floor of step 5 is plain
//! (as Python's `int()`).

pub mod config;
pub mod error;
pub mod metrics;
pub mod reader;
pub mod split;
pub mod tokenize;

pub use config::{Format, Padding, Subsample, TextConfig, BUILTIN_DATASETS, CUSTOM_DATASET};
pub use error::TextError;
pub use metrics::{argmax_rows, cross_entropy_and_argmax, ClassificationMetrics};
pub use split::{RawExample, RawSplits};
pub use tokenize::{Encoded, TextTokenizer};

/// The names of a batch's tensors, in the order of [`TextBatch::tensors`].
pub const BATCH_TENSORS: [&str; 4] = ["input_ids", "token_type_ids", "attention_mask", "labels"];

/// Loaded, split and tokenized data.
#[derive(Debug, Clone)]
pub struct TextData {
    /// Label names; the index is the class id.
    pub labels: Vec<String>,
    /// Whether examples are text pairs.
    pub pair: bool,
    pub train: Vec<Encoded>,
    pub val: Vec<Encoded>,
    pub test: Vec<Encoded>,
    /// The training pool (train file minus validation) before subsampling.
    pub pool_size: usize,
    /// How many examples (all splits) were truncated to `max_len`.
    pub truncated: usize,
    /// The id padding uses (`[PAD]` = 0 for MiniLM / BERT).
    pub pad_id: u32,
    pub max_len: usize,
    pub padding: Padding,
    /// `text.dataset` (or the train file's name for custom data), for messages.
    pub name: String,
}

/// One batch as named buffers, right-padded to length L:
/// `input_ids` `[B, L]`, `token_type_ids` `[B, L]`, `attention_mask` `[B, L]` (1 = token, 0 = pad),
/// `labels` `[B]` (class ids), all as f32 (token ids below 2^24 are exact).
#[derive(Debug, Clone, PartialEq)]
pub struct TextBatch {
    /// (name, shape, data) in the order of [`BATCH_TENSORS`].
    pub tensors: Vec<(String, Vec<u64>, Vec<f32>)>,
}

impl TextBatch {
    /// The tensor called `name` (shape, data).
    pub fn get(&self, name: &str) -> Option<(&[u64], &[f32])> {
        self.tensors
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, s, d)| (s.as_slice(), d.as_slice()))
    }

    /// Batch size B.
    pub fn batch_size(&self) -> usize {
        self.tensors
            .first()
            .map(|(_, s, _)| s[0] as usize)
            .unwrap_or(0)
    }

    /// Padded length L.
    pub fn seq_len(&self) -> usize {
        self.tensors
            .first()
            .map(|(_, s, _)| s[1] as usize)
            .unwrap_or(0)
    }
}

impl TextData {
    /// Reads, splits and tokenizes the data of `cfg` (validated first).
    pub fn load(cfg: &TextConfig) -> Result<TextData, TextError> {
        cfg.validate()?;
        // Load the tokenizer first: a missing tokenizer fails before reading large files.
        let tokenizer = TextTokenizer::from_file(&cfg.tokenizer, cfg.max_len)?;
        let raw = RawSplits::load(cfg)?;
        Self::from_raw(cfg, raw, &tokenizer)
    }

    /// Tokenizes splits prepared by [`RawSplits::load`] / [`RawSplits::from_rows`].
    pub fn from_raw(
        cfg: &TextConfig,
        raw: RawSplits,
        tokenizer: &TextTokenizer,
    ) -> Result<TextData, TextError> {
        let (train, t1) = tokenizer.encode(&raw.train)?;
        let (val, t2) = tokenizer.encode(&raw.val)?;
        let (test, t3) = tokenizer.encode(&raw.test)?;
        let name = if cfg.dataset == CUSTOM_DATASET {
            raw.train_source
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_else(|| "custom".into())
        } else {
            cfg.dataset.clone()
        };
        Ok(TextData {
            labels: raw.labels,
            pair: raw.pair,
            train,
            val,
            test,
            pool_size: raw.pool_size,
            truncated: t1 + t2 + t3,
            pad_id: tokenizer.pad_id(),
            max_len: cfg.max_len,
            padding: cfg.padding_mode()?,
            name,
        })
    }

    /// Number of classes.
    pub fn num_labels(&self) -> usize {
        self.labels.len()
    }

    /// One batch of `examples` (see [`TextBatch`]). L is the longest example of the batch
    /// (`padding = "longest"`) or `max_len` (`"max_length"`); an empty batch has L = 0 in
    /// `longest` mode.
    pub fn batch(&self, examples: &[&Encoded]) -> TextBatch {
        let longest = examples.iter().map(|e| e.ids.len()).max().unwrap_or(0);
        let len = match self.padding {
            Padding::Longest => longest,
            Padding::MaxLength => self.max_len.max(longest),
        };
        let b = examples.len();
        let mut ids = vec![self.pad_id as f32; b * len];
        let mut types = vec![0f32; b * len];
        let mut mask = vec![0f32; b * len];
        let mut labels = Vec::with_capacity(b);
        for (row, e) in examples.iter().enumerate() {
            let o = row * len;
            for (j, (&id, &t)) in e.ids.iter().zip(&e.type_ids).enumerate() {
                ids[o + j] = id as f32;
                types[o + j] = t as f32;
                mask[o + j] = 1.0;
            }
            labels.push(e.label as f32);
        }
        let shape = vec![b as u64, len as u64];
        TextBatch {
            tensors: vec![
                (BATCH_TENSORS[0].into(), shape.clone(), ids),
                (BATCH_TENSORS[1].into(), shape.clone(), types),
                (BATCH_TENSORS[2].into(), shape, mask),
                (BATCH_TENSORS[3].into(), vec![b as u64], labels),
            ],
        }
    }

    /// A batch of `split[i]` for each `i` in `indices`.
    pub fn batch_of(&self, split: &[Encoded], indices: &[usize]) -> TextBatch {
        let refs: Vec<&Encoded> = indices.iter().map(|&i| &split[i]).collect();
        self.batch(&refs)
    }

    /// One line for the log: dataset, split sizes, labels, token lengths.
    pub fn describe(&self) -> String {
        let all = || self.train.iter().chain(&self.val).chain(&self.test);
        let n = all().count();
        let total: usize = all().map(|e| e.len()).sum();
        let max = all().map(|e| e.len()).max().unwrap_or(0);
        let mean = if n > 0 { total as f64 / n as f64 } else { 0.0 };
        let shown: Vec<&str> = self.labels.iter().take(8).map(|s| s.as_str()).collect();
        let more = if self.labels.len() > 8 {
            format!(", ... {} more", self.labels.len() - 8)
        } else {
            String::new()
        };
        format!(
            "{}: {} train (pool {}) / {} val / {} test {}, {} labels [{}{}], tokens mean {:.1} max {} ({} truncated to {}), padding {}",
            self.name,
            self.train.len(),
            self.pool_size,
            self.val.len(),
            self.test.len(),
            if self.pair { "pairs" } else { "texts" },
            self.labels.len(),
            shown.join(", "),
            more,
            mean,
            max,
            self.truncated,
            self.max_len,
            match self.padding {
                Padding::Longest => "longest",
                Padding::MaxLength => "max_length",
            }
        )
    }
}

/// Indices of `examples` ordered by token length, longest first (ties keep their order), so
/// that consecutive evaluation batches hold similar lengths and waste little padding. Metrics
/// do not depend on the order.
pub fn order_by_length(examples: &[Encoded]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..examples.len()).collect();
    idx.sort_by(|&a, &b| examples[b].len().cmp(&examples[a].len()));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(padding: Padding, pad_id: u32) -> TextData {
        let e = |ids: &[u32], types: &[u32], label| Encoded {
            ids: ids.to_vec(),
            type_ids: types.to_vec(),
            label,
        };
        TextData {
            labels: vec!["a".into(), "b".into(), "c".into()],
            pair: true,
            train: vec![
                e(&[101, 7, 102], &[0, 0, 0], 2),
                e(&[101, 5, 102, 6, 102], &[0, 0, 0, 1, 1], 0),
            ],
            val: vec![],
            test: vec![e(&[101, 9, 9, 102], &[0, 0, 0, 0], 1)],
            pool_size: 2,
            truncated: 0,
            pad_id,
            max_len: 8,
            padding,
            name: "t".into(),
        }
    }

    #[test]
    fn batch_longest() {
        let d = data(Padding::Longest, 3);
        let b = d.batch_of(&d.train, &[0, 1]);
        assert_eq!(
            b.tensors.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(),
            BATCH_TENSORS
        );
        assert_eq!((b.batch_size(), b.seq_len()), (2, 5));
        assert_eq!(
            b.get("input_ids").unwrap(),
            (
                &[2u64, 5][..],
                &[101., 7., 102., 3., 3., 101., 5., 102., 6., 102.][..]
            )
        );
        assert_eq!(
            b.get("token_type_ids").unwrap().1,
            &[0., 0., 0., 0., 0., 0., 0., 0., 1., 1.]
        );
        assert_eq!(
            b.get("attention_mask").unwrap().1,
            &[1., 1., 1., 0., 0., 1., 1., 1., 1., 1.]
        );
        assert_eq!(b.get("labels").unwrap(), (&[2u64][..], &[2., 0.][..]));
        let one = d.batch(&[&d.test[0]]);
        assert_eq!(one.get("input_ids").unwrap().0, &[1, 4]);
        let empty = d.batch(&[]);
        assert_eq!(empty.get("input_ids").unwrap().0, &[0, 0]);
        assert_eq!(empty.get("labels").unwrap().0, &[0]);
    }

    #[test]
    fn batch_max_length() {
        let d = data(Padding::MaxLength, 0);
        let b = d.batch_of(&d.train, &[1]);
        assert_eq!(
            b.get("input_ids").unwrap(),
            (&[1u64, 8][..], &[101., 5., 102., 6., 102., 0., 0., 0.][..])
        );
        assert_eq!(
            b.get("attention_mask").unwrap().1,
            &[1., 1., 1., 1., 1., 0., 0., 0.]
        );
        assert_eq!(
            b.get("token_type_ids").unwrap().1,
            &[0., 0., 0., 1., 1., 0., 0., 0.]
        );
    }

    #[test]
    fn length_order() {
        let d = data(Padding::Longest, 0);
        let all: Vec<Encoded> = d.train.iter().chain(&d.test).cloned().collect();
        assert_eq!(order_by_length(&all), vec![1, 2, 0]);
    }
}
