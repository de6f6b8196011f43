//! The runtime's error type. Every message is one line and names what is at fault (parameter,
//! group, file, key, batch tensor), because it ends up in front of a user as a plugin error.

/// Errors of the model runtime and of the model plugins built on it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A candle operation failed (shape mismatch inside a model, ...). Only the first line of
    /// candle's message is kept: with `RUST_BACKTRACE` set candle appends a backtrace.
    #[error("tensor operation failed: {0}")]
    Candle(String),
    /// The model configuration (TOML) or data description (JSON) is invalid.
    #[error("{0}")]
    Config(String),
    /// A batch lacks a tensor or has one of the wrong shape.
    #[error("{0}")]
    Batch(String),
    /// The step plan does not match the model's parameter groups, or has invalid values.
    #[error("{0}")]
    Plan(String),
    /// Parameter declaration or lookup problems.
    #[error("{0}")]
    Param(String),
    /// The optimizer settings are invalid.
    #[error("{0}")]
    Optimizer(String),
    /// A loss or gradient was NaN or infinite; nothing was updated. (The engine adds which step
    /// of the run it was.)
    #[error("non-finite {what}{detail}; parameters and optimizer state left unchanged")]
    NonFinite { what: &'static str, detail: String },
    /// Reading or writing a checkpoint failed.
    #[error("checkpoint {file}: {msg}")]
    Checkpoint { file: String, msg: String },
}

/// A kernel's error keeps its text and kind.
impl From<model_kernels::Error> for Error {
    fn from(e: model_kernels::Error) -> Self {
        match e {
            model_kernels::Error::Candle(msg) => Error::Candle(msg),
            model_kernels::Error::Param(msg) => Error::Param(msg),
        }
    }
}

impl From<candle_core::Error> for Error {
    fn from(e: candle_core::Error) -> Self {
        Error::Candle(first_line(&e.to_string()))
    }
}

impl Error {
    /// The error as a plugin returns it from `train_step`: prefixed with the model's name, except
    /// a non-finite step, whose text must begin with [`plugin_api::NON_FINITE_STEP`] so that the
    /// engine can tell that nothing changed (the engine names the plugin itself).
    pub fn for_train_step(&self, model: &str) -> String {
        match self {
            Error::NonFinite { .. } => self.to_string(),
            _ => format!("{model}: {self}"),
        }
    }
}

pub(crate) use model_kernels::error::first_line;

/// The runtime's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
