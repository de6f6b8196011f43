//! Readers for JSON Lines, CSV and TSV files: one [`Row`] per example, with its line number.
//!
//! - JSON Lines: one object per line; blank lines are skipped. Text columns must be JSON strings;
//!   a label may be a JSON string or an integer.
//! - CSV: a header row, RFC 4180 quoting (`"a, b"`, `""` for a quote, newlines inside quotes).
//! - TSV: a header row, tab-separated, no quoting.
//!
//! All three accept CRLF line ends and a leading UTF-8 byte-order mark. Labels are trimmed of
//! surrounding whitespace; texts are kept as they are. A missing or empty (whitespace-only) text
//! or label is an error naming the file, the line and the column, never a silently skipped row.

use crate::config::Format;
use crate::error::TextError;
use std::path::{Path, PathBuf};

/// One example as read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub text: String,
    pub text_pair: Option<String>,
    /// The label as written (trimmed; an integer JSON label in decimal).
    pub label: String,
    /// 1-based line of the file where the example starts (CSV/TSV: the header is line 1).
    pub line: u64,
}

/// Which columns to read.
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a> {
    pub text: &'a str,
    pub text_pair: Option<&'a str>,
    pub label: &'a str,
}

/// The format of `path`: `forced` (a `text.format` value) if given, else from the extension.
pub fn detect_format(path: &Path, forced: Option<&str>) -> Result<Format, TextError> {
    if let Some(f) = forced {
        return Format::from_name(f).ok_or_else(|| {
            TextError::Config(format!("`text.format` is `{f}`; use jsonl, csv or tsv"))
        });
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("jsonl" | "json" | "ndjson") => Ok(Format::Jsonl),
        Some("csv") => Ok(Format::Csv),
        Some("tsv") => Ok(Format::Tsv),
        _ => Err(TextError::File {
            path: path.to_path_buf(),
            message: "cannot tell the format from the extension (.jsonl, .json, .csv or .tsv); set text.format to jsonl, csv or tsv".into(),
        }),
    }
}

/// Reads every example of `path`. `forced` is `text.format`. An empty file (no examples) is an
/// error.
pub fn read_rows(
    path: &Path,
    forced: Option<&str>,
    cols: Columns<'_>,
) -> Result<Vec<Row>, TextError> {
    let format = detect_format(path, forced)?;
    let bytes = std::fs::read(path).map_err(|e| TextError::Io {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(&bytes);
    let rows = match format {
        Format::Jsonl => read_jsonl(path, bytes, cols)?,
        Format::Csv => read_delimited(path, bytes, b',', true, cols)?,
        Format::Tsv => read_delimited(path, bytes, b'\t', false, cols)?,
    };
    if rows.is_empty() {
        return Err(TextError::File {
            path: path.to_path_buf(),
            message: "has no examples".into(),
        });
    }
    Ok(rows)
}

fn row_err(path: &Path, line: u64, message: impl Into<String>) -> TextError {
    TextError::Row {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

fn check_text(path: &Path, line: u64, col: &str, s: String) -> Result<String, TextError> {
    if s.trim().is_empty() {
        return Err(row_err(path, line, format!("column `{col}` is empty")));
    }
    Ok(s)
}

fn check_label(path: &Path, line: u64, col: &str, s: &str) -> Result<String, TextError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(row_err(
            path,
            line,
            format!("column `{col}` (the label) is empty"),
        ));
    }
    Ok(t.to_string())
}

fn read_jsonl(path: &Path, bytes: &[u8], cols: Columns<'_>) -> Result<Vec<Row>, TextError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        row_err(path, line, "is not valid UTF-8")
    })?;
    let mut rows = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let lineno = i as u64 + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            row_err(
                path,
                lineno,
                format!("not a JSON object ({e}); a JSON Lines file has one object per line"),
            )
        })?;
        let obj = value.as_object().ok_or_else(|| {
            row_err(
                path,
                lineno,
                "not a JSON object; a JSON Lines file has one object per line",
            )
        })?;
        let get_text = |col: &str| -> Result<String, TextError> {
            match obj.get(col) {
                None | Some(serde_json::Value::Null) => {
                    Err(row_err(path, lineno, format!("column `{col}` is missing")))
                }
                Some(serde_json::Value::String(s)) => check_text(path, lineno, col, s.clone()),
                Some(other) => Err(row_err(
                    path,
                    lineno,
                    format!("column `{col}` must be a string (got {other})"),
                )),
            }
        };
        let text = get_text(cols.text)?;
        let text_pair = cols.text_pair.map(get_text).transpose()?;
        let label = match obj.get(cols.label) {
            None | Some(serde_json::Value::Null) => {
                return Err(row_err(
                    path,
                    lineno,
                    format!("column `{}` (the label) is missing", cols.label),
                ))
            }
            Some(serde_json::Value::String(s)) => check_label(path, lineno, cols.label, s)?,
            Some(serde_json::Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
            Some(other) => {
                return Err(row_err(
                    path,
                    lineno,
                    format!(
                        "column `{}` (the label) must be a string or an integer (got {other})",
                        cols.label
                    ),
                ))
            }
        };
        rows.push(Row {
            text,
            text_pair,
            label,
            line: lineno,
        });
    }
    Ok(rows)
}

fn read_delimited(
    path: &Path,
    bytes: &[u8],
    delimiter: u8,
    quoting: bool,
    cols: Columns<'_>,
) -> Result<Vec<Row>, TextError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(delimiter)
        .quoting(quoting)
        .flexible(false)
        .from_reader(bytes);
    let file_err = |message: String| TextError::File {
        path: path.to_path_buf(),
        message,
    };
    let headers = rdr
        .headers()
        .map_err(|e| csv_err(path, &mut LineCounter::new(bytes), &e))?
        .clone();
    if headers.is_empty() || (headers.len() == 1 && headers[0].trim().is_empty()) {
        return Err(file_err("has no header row".into()));
    }
    let find = |col: &str| -> Result<usize, TextError> {
        headers.iter().position(|h| h.trim() == col).ok_or_else(|| {
            let have: Vec<&str> = headers.iter().collect();
            file_err(format!(
                "no column `{col}` in the header (columns: {}); set text.text_column / text.text_pair_column / text.label_column",
                have.join(", ")
            ))
        })
    };
    let text_i = find(cols.text)?;
    let pair_i = cols.text_pair.map(find).transpose()?;
    let label_i = find(cols.label)?;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_err(path, &mut lines, &e)),
        }
        let line = record
            .position()
            .map(|p| lines.line_at(p.byte()))
            .unwrap_or(0);
        // A line with nothing on it (e.g. a trailing blank line) is not an example.
        if record.len() == 1 && record[0].trim().is_empty() && headers.len() > 1 {
            continue;
        }
        let text = check_text(path, line, cols.text, record[text_i].to_string())?;
        let text_pair = match pair_i {
            Some(i) => Some(check_text(
                path,
                line,
                cols.text_pair.unwrap_or_default(),
                record[i].to_string(),
            )?),
            None => None,
        };
        let label = check_label(path, line, cols.label, &record[label_i])?;
        rows.push(Row {
            text,
            text_pair,
            label,
            line,
        });
    }
    Ok(rows)
}

/// Line numbers of records from their byte positions, counted incrementally (positions only
/// grow). csv's own line count is one short after CRLF line ends (a record's position points at
/// the `\n` of the previous `\r\n`), so line-end bytes are skipped forward first.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record starting at byte `at`.
    fn line_at(&mut self, at: u64) -> u64 {
        let b = self.bytes;
        let mut p = (at as usize).min(b.len());
        while p < b.len() && (b[p] == b'\n' || b[p] == b'\r') {
            p += 1;
        }
        if p < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += b[self.pos..p].iter().filter(|&&c| c == b'\n').count() as u64;
        self.pos = p;
        self.line
    }
}

fn csv_err(path: &Path, lines: &mut LineCounter<'_>, e: &csv::Error) -> TextError {
    let line = e.position().map(|p| lines.line_at(p.byte())).unwrap_or(0);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("has {len} fields but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "is not valid UTF-8".to_string(),
        csv::ErrorKind::Io(err) => format!("read error: {err}"),
        _ => e.to_string().replace('\n', " "),
    };
    if line == 0 {
        TextError::File {
            path: PathBuf::from(path),
            message,
        }
    } else {
        row_err(path, line, message)
    }
}
