//! The crate's error type. Every message is one line that names the key, file, line or column at
//! fault and says what to do, so the engine can show it as it is.

use std::path::PathBuf;

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// A `[text]` key has a value that cannot be used. The message starts with the key in
    /// backquotes: "`text.padding` is `foo`; use longest or max_length".
    #[error("{0}")]
    Config(String),
    /// A built-in dataset file is not there.
    #[error("dataset file {} not found; run scripts/fetch-assets.sh (or set text.assets_dir)", path.display())]
    MissingAsset { path: PathBuf },
    /// A data or tokenizer file cannot be opened or read.
    #[error("cannot read {}: {reason}", path.display())]
    Io { path: PathBuf, reason: String },
    /// A row of a data file cannot be used (bad JSON, a missing or empty field, a bad label, a row
    /// with the wrong number of fields). `line` is 1-based; for CSV/TSV it is the line where the
    /// record starts, the header being line 1.
    #[error("{}:{line}: {message}", path.display())]
    Row {
        path: PathBuf,
        line: u64,
        message: String,
    },
    /// A whole data file cannot be used (no header, a column missing from the header, no rows).
    #[error("{}: {message}", path.display())]
    File { path: PathBuf, message: String },
    /// The tokenizer file cannot be loaded or configured, or encoding failed.
    #[error("tokenizer {}: {reason}", path.display())]
    Tokenizer { path: PathBuf, reason: String },
    /// The rules of the split leave a set empty or ask for more examples than there are.
    #[error("text split: {0}")]
    Split(String),
    /// A buffer handed to a metric does not have the stated shape.
    #[error("{0}")]
    Shape(String),
}

pub(crate) fn config_err(msg: impl Into<String>) -> TextError {
    TextError::Config(msg.into())
}
