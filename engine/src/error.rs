//! The engine library's error type. Every message is one line that names the file, key, plugin or
//! layer at fault.

use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("config error: {0}")]
    Config(String),
    #[error("{0}")]
    Plugin(String),
    #[error("data error: {0}")]
    Data(String),
    #[error("training stopped: {0}")]
    Training(String),
    /// A model's training step that was not applied because its loss or a gradient was not
    /// finite (the model says which groups); nothing changed, so the batch may be skipped.
    #[error("{0}")]
    NonFiniteStep(String),
    #[error("{0}")]
    RunDir(String),
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    /// Stopped by SIGINT or SIGTERM after writing a checkpoint; the message says how to go on.
    #[error("{message}")]
    Interrupted { signal: i32, message: String },
}

impl EngineError {
    /// The message without the "training stopped: " a training error prints with, for wrapping
    /// it in another training error.
    pub fn reason(self) -> String {
        match self {
            EngineError::Training(why) => why,
            other => other.to_string(),
        }
    }

    /// The process exit code: 128 + the signal for an interruption (130 for SIGINT, 143 for
    /// SIGTERM), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            EngineError::Interrupted { signal, .. } => (128 + signal) as u8,
            _ => 1,
        }
    }
}

pub type Result<T, E = EngineError> = std::result::Result<T, E>;

/// Wraps an I/O error with the path it concerns.
pub fn io_err(path: &Path, e: impl std::fmt::Display) -> EngineError {
    EngineError::Io { path: path.display().to_string(), message: e.to_string() }
}

impl From<datasets::DataError> for EngineError {
    fn from(e: datasets::DataError) -> Self {
        EngineError::Data(e.to_string())
    }
}
