//! The kernels' error: arguments a kernel does not take (shapes, ranks, dtypes), or a candle
//! operation that failed. One line each; the model runtime converts them into its own error with
//! the same text.

/// Errors of the fused ops.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A candle operation failed. Only the first line of candle's message is kept: with
    /// `RUST_BACKTRACE` set candle appends a backtrace.
    #[error("tensor operation failed: {0}")]
    Candle(String),
    /// A kernel was called with inputs it does not take.
    #[error("{0}")]
    Param(String),
}

impl From<candle_core::Error> for Error {
    fn from(e: candle_core::Error) -> Self {
        Error::Candle(first_line(&e.to_string()))
    }
}

/// The first non-empty line of `s`, trimmed.
pub fn first_line(s: &str) -> String {
    s.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").to_string()
}

/// The kernels' result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
