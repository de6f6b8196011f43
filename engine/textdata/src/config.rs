//! `TextConfig`: the engine's `[text]` section.
//!
//! Every key has a default ([`TextConfig::default`]), unknown keys are an error, and
//! [`TextConfig::validate`] checks values before any file is read. How the keys combine into the
//! train / validation / test split is described in the crate docs.

use crate::error::{config_err, TextError};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The built-in datasets. Each is `<assets_dir>/text/<name>/{train,test}.jsonl` with the
/// fields `text` and `label`, written by `scripts/fetch-assets.sh`.
pub const BUILTIN_DATASETS: [&str; 5] = [
    "rotten-tomatoes",
    "trec",
    "sms-spam",
    "20newsgroups",
    "reuters-r8",
];

/// The value of `text.dataset` that reads `text.train_file` (and `text.test_file`) instead.
pub const CUSTOM_DATASET: &str = "custom";

/// The `[text]` configuration section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TextConfig {
    /// A built-in dataset ([`BUILTIN_DATASETS`]) or `custom` (then `train_file` is required).
    pub dataset: String,
    /// Where the built-in datasets live (`<assets_dir>/text/<dataset>/train.jsonl`); a relative
    /// path is relative to the working directory.
    pub assets_dir: PathBuf,
    /// The training file; for a built-in dataset it replaces the built-in train file.
    pub train_file: Option<PathBuf>,
    /// The test file; for a built-in dataset it replaces the built-in test file. With
    /// `dataset = "custom"` and no test file, the test set is cut from the start of the train
    /// file (`test_fraction`).
    pub test_file: Option<PathBuf>,
    /// Force the file format: `jsonl`, `csv` or `tsv`. By default it follows the extension:
    /// `.jsonl`/`.json`/`.ndjson` = JSON Lines (one object per line), `.csv` = comma-separated
    /// with a header row and RFC 4180 quoting, `.tsv` = tab-separated with a header row and no
    /// quoting (a `"` is an ordinary character, as in GLUE's files).
    pub format: Option<String>,
    /// The column (JSON key) of the text.
    pub text_column: String,
    /// The column of the second text of a pair (`[CLS] A [SEP] B [SEP]`); none = single texts.
    pub text_pair_column: Option<String>,
    /// The column of the label: a string or an integer.
    pub label_column: String,
    /// The tokenizer (a HuggingFace `tokenizer.json`); its padding and truncation settings are
    /// replaced by `padding` and `max_len`.
    pub tokenizer: PathBuf,
    /// Maximum tokens per example, special tokens included (the paper's `max_seq_length`);
    /// longer examples are truncated (pairs: longest first).
    pub max_len: usize,
    /// `longest`: pad each batch to its longest example; `max_length`: always to `max_len`.
    pub padding: String,
    /// Fraction of the training pool to train on, when `num_train` is 0: the first
    /// floor(pool * train_ratio) examples (at least 1), the paper's `int(len * ratio)`.
    pub train_ratio: f64,
    /// Number of training examples (the first `num_train` of the pool); 0 = use `train_ratio`.
    pub num_train: usize,
    /// `first`: the first N examples of the pool (the paper's rule); `stratified`: N examples
    /// with per-class counts proportional to the pool, each class's first examples, kept in pool
    /// order.
    pub subsample: String,
    /// Fraction of the train file, taken from its end, held out for validation (model
    /// selection); these examples never train. 0 = no validation set.
    pub val_fraction: f64,
    /// At most this many validation examples (the last ones of the train file); 0 = no cap.
    pub val_limit: usize,
    /// Evaluate on the first `test_limit` test examples; 0 = all.
    pub test_limit: usize,
    /// Only for `custom` data without a `test_file`: the first ceil(test_fraction * n) rows of
    /// the train file form the test set; the rest is the train file for everything else.
    pub test_fraction: f64,
}

impl Default for TextConfig {
    fn default() -> Self {
        Self {
            dataset: "rotten-tomatoes".into(),
            assets_dir: "assets".into(),
            train_file: None,
            test_file: None,
            format: None,
            text_column: "text".into(),
            text_pair_column: None,
            label_column: "label".into(),
            tokenizer: "assets/minilm/tokenizer.json".into(),
            max_len: 128,
            padding: "longest".into(),
            train_ratio: 1.0,
            num_train: 0,
            subsample: "first".into(),
            val_fraction: 0.1,
            val_limit: 500,
            test_limit: 0,
            test_fraction: 0.2,
        }
    }
}

/// How a batch is padded (`text.padding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Padding {
    /// To the longest example of the batch.
    Longest,
    /// Always to `max_len`.
    MaxLength,
}

/// How the training subsample is drawn from the pool (`text.subsample`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subsample {
    First,
    Stratified,
}

/// A data file format (`text.format`, or from the extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    Tsv,
}

impl Format {
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "tsv" => Some(Format::Tsv),
            _ => None,
        }
    }
}

fn fraction_msg(key: &str, v: f64, range: &str) -> TextError {
    config_err(format!("`text.{key}` is {v}; use a number in {range}"))
}

impl TextConfig {
    /// Checks every key; the error names the first bad key.
    pub fn validate(&self) -> Result<(), TextError> {
        if self.dataset != CUSTOM_DATASET && !BUILTIN_DATASETS.contains(&self.dataset.as_str()) {
            return Err(config_err(format!(
                "`text.dataset` is `{}`; use one of {} or {CUSTOM_DATASET} (with text.train_file)",
                self.dataset,
                BUILTIN_DATASETS.join(", ")
            )));
        }
        if self.dataset == CUSTOM_DATASET && self.train_file.is_none() {
            return Err(config_err("`text.dataset` is custom but `text.train_file` is not set; set it to a .jsonl, .csv or .tsv file"));
        }
        for (key, p) in [
            ("train_file", &self.train_file),
            ("test_file", &self.test_file),
        ] {
            if p.as_ref().is_some_and(|p| p.as_os_str().is_empty()) {
                return Err(config_err(format!(
                    "`text.{key}` is empty; set a file or leave the key out"
                )));
            }
        }
        if self.assets_dir.as_os_str().is_empty() {
            return Err(config_err(
                "`text.assets_dir` is empty; use a directory (default assets)",
            ));
        }
        if let Some(f) = &self.format {
            if Format::from_name(f).is_none() {
                return Err(config_err(format!(
                    "`text.format` is `{f}`; use jsonl, csv or tsv"
                )));
            }
        }
        for (key, v) in [
            ("text_column", &self.text_column),
            ("label_column", &self.label_column),
        ] {
            if v.trim().is_empty() {
                return Err(config_err(format!("`text.{key}` is empty; name a column")));
            }
        }
        if let Some(p) = &self.text_pair_column {
            if p.trim().is_empty() {
                return Err(config_err(
                    "`text.text_pair_column` is empty; name a column or leave the key out",
                ));
            }
            if p == &self.text_column || p == &self.label_column {
                return Err(config_err(format!(
                    "`text.text_pair_column` is `{p}`, the same as text.text_column or text.label_column; name the second text's column"
                )));
            }
        }
        if self.text_column == self.label_column {
            return Err(config_err(format!(
                "`text.label_column` is `{}`, the same as text.text_column; name the label's column",
                self.label_column
            )));
        }
        if self.tokenizer.as_os_str().is_empty() {
            return Err(config_err(
                "`text.tokenizer` is empty; set the path of a tokenizer.json",
            ));
        }
        if self.max_len < 8 {
            return Err(config_err(format!(
                "`text.max_len` is {}; use at least 8 (the paper uses 128)",
                self.max_len
            )));
        }
        self.padding_mode()?;
        self.subsample_mode()?;
        if !(self.train_ratio.is_finite() && self.train_ratio > 0.0 && self.train_ratio <= 1.0) {
            return Err(fraction_msg("train_ratio", self.train_ratio, "(0, 1]"));
        }
        if !(self.val_fraction.is_finite() && (0.0..1.0).contains(&self.val_fraction)) {
            return Err(fraction_msg("val_fraction", self.val_fraction, "[0, 1)"));
        }
        if !(self.test_fraction.is_finite() && (0.0..1.0).contains(&self.test_fraction)) {
            return Err(fraction_msg("test_fraction", self.test_fraction, "[0, 1)"));
        }
        Ok(())
    }

    /// `padding` as an enum (or the error `validate` gives).
    pub fn padding_mode(&self) -> Result<Padding, TextError> {
        match self.padding.as_str() {
            "longest" => Ok(Padding::Longest),
            "max_length" => Ok(Padding::MaxLength),
            other => Err(config_err(format!(
                "`text.padding` is `{other}`; use longest or max_length"
            ))),
        }
    }

    /// `subsample` as an enum (or the error `validate` gives).
    pub fn subsample_mode(&self) -> Result<Subsample, TextError> {
        match self.subsample.as_str() {
            "first" => Ok(Subsample::First),
            "stratified" => Ok(Subsample::Stratified),
            other => Err(config_err(format!(
                "`text.subsample` is `{other}`; use first or stratified"
            ))),
        }
    }

    /// The train file: `train_file` if set, else the built-in one.
    pub fn train_path(&self) -> PathBuf {
        match &self.train_file {
            Some(p) => p.clone(),
            None => self
                .assets_dir
                .join("text")
                .join(&self.dataset)
                .join("train.jsonl"),
        }
    }

    /// The test file: `test_file` if set, else the built-in one; `None` for custom data without
    /// a test file (the test set is then cut from the train file).
    pub fn test_path(&self) -> Option<PathBuf> {
        match &self.test_file {
            Some(p) => Some(p.clone()),
            None if self.dataset == CUSTOM_DATASET => None,
            None => Some(
                self.assets_dir
                    .join("text")
                    .join(&self.dataset)
                    .join("test.jsonl"),
            ),
        }
    }
}
