//! The tokenizer, configured by the engine: the file's own padding is switched off (batches are
//! padded by [`crate::TextData::batch`]) and its truncation is replaced by `max_len`, longest
//! first for pairs. Special tokens come from the file's post-processor (BERT: `[CLS] A [SEP]`,
//! pairs `[CLS] A [SEP] B [SEP]` with type ids 0 then 1).

use crate::error::TextError;
use crate::split::RawExample;
use std::path::{Path, PathBuf};
use tokenizers::{
    EncodeInput, Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy,
};

/// One tokenized example: token ids and type ids (same length, at most `max_len`, no padding)
/// and the class id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub ids: Vec<u32>,
    pub type_ids: Vec<u32>,
    pub label: usize,
}

impl Encoded {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// A `tokenizer.json` set up for the engine.
pub struct TextTokenizer {
    tokenizer: Tokenizer,
    path: PathBuf,
    pad_id: u32,
    max_len: usize,
}

/// `Tokenizer::from_file`, with a panic turned into an error: tokenizers 0.23 panics on some
/// malformed files (a corrupt `decoder` section, found by fuzzing) instead of returning one. Its
/// panic message is kept off stderr; the file is then named in one error line.
fn load_without_panicking(path: &Path) -> Result<Tokenizer, String> {
    match quietly(|| Tokenizer::from_file(path)) {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(e)) => Err(format!("cannot load ({e})")),
        Err(()) => Err("cannot load (the tokenizer library rejected its contents: the file is malformed)".into()),
    }
}

/// Runs `f`, turning a panic into `Err(())` without printing it.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(previous);
    result.map_err(|_| ())
}

/// Encodes a probe text and a probe pair: the tokenizers crate (0.23) loads a file whose
/// post-processor template names a special token it does not define, then panics on every
/// encoding (found by fuzzing). An error (a tokenizer without a pair template) is fine; a panic
/// means the file is malformed.
fn probe_without_panicking(tokenizer: &Tokenizer) -> Result<(), String> {
    quietly(|| {
        let _ = tokenizer.encode_fast("a probe", true);
        let _ = tokenizer.encode_fast(("a probe", "and its pair"), true);
    })
    .map_err(|()| "cannot encode with it (the tokenizer library panics on a probe text: its post-processor or another section is malformed)".into())
}

impl TextTokenizer {
    /// Loads `path` and sets truncation to `max_len` (longest first) and padding off. The pad id
    /// is the file's padding `pad_id` if it has padding, else the id of `[PAD]` or `<pad>`, else 0.
    pub fn from_file(path: &Path, max_len: usize) -> Result<TextTokenizer, TextError> {
        let err = |reason: String| TextError::Tokenizer {
            path: path.to_path_buf(),
            reason,
        };
        if !path.exists() {
            return Err(err(
                "not found; run scripts/fetch-assets.sh or set text.tokenizer to a tokenizer.json"
                    .into(),
            ));
        }
        let mut tokenizer = load_without_panicking(path).map_err(err)?;
        let pad_id = match tokenizer.get_padding() {
            Some(p) => p.pad_id,
            None => tokenizer
                .token_to_id("[PAD]")
                .or_else(|| tokenizer.token_to_id("<pad>"))
                .unwrap_or(0),
        };
        let added = tokenizer.get_post_processor().map(|pp| {
            use tokenizers::PostProcessor;
            pp.added_tokens(true)
        });
        if let Some(added) = added {
            if added >= max_len {
                return Err(TextError::Config(format!(
                    "`text.max_len` is {max_len} but the tokenizer adds {added} special tokens to a pair; raise it"
                )));
            }
        }
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                direction: TruncationDirection::Right,
                max_length: max_len,
                strategy: TruncationStrategy::LongestFirst,
                stride: 0,
            }))
            .map_err(|e| err(format!("cannot set truncation to {max_len} ({e})")))?;
        probe_without_panicking(&tokenizer).map_err(err)?;
        Ok(TextTokenizer {
            tokenizer,
            path: path.to_path_buf(),
            pad_id,
            max_len,
        })
    }

    /// The id used for padding.
    pub fn pad_id(&self) -> u32 {
        self.pad_id
    }

    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// The underlying tokenizer (for decoding in diagnostics).
    pub fn inner(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Encodes one text or pair with special tokens; also says whether it was truncated.
    pub fn encode_one(
        &self,
        text: &str,
        text_pair: Option<&str>,
    ) -> Result<(Vec<u32>, Vec<u32>, bool), TextError> {
        let input: EncodeInput = match text_pair {
            Some(b) => (text, b).into(),
            None => text.into(),
        };
        let enc = self
            .tokenizer
            .encode_fast(input, true)
            .map_err(|e| TextError::Tokenizer {
                path: self.path.clone(),
                reason: format!("encoding failed ({e})"),
            })?;
        Ok((
            enc.get_ids().to_vec(),
            enc.get_type_ids().to_vec(),
            !enc.get_overflowing().is_empty(),
        ))
    }

    /// Encodes examples in parallel (rayon). Returns the encodings and how many were truncated.
    ///
    /// A single text of more than `max_len` whitespace-separated words is first cut after that
    /// many words (long documents, e.g. 20 Newsgroups, would otherwise spend most of the time on
    /// tokens that truncation throws away). Normalization and pre-tokenization are word-local
    /// for BERT, byte-level BPE and SentencePiece tokenizers, so the kept tokens are the same; if
    /// a cut text still does not fill `max_len` (words that yield no token), the whole text is
    /// encoded again. Pairs are never cut (longest-first truncation depends on both lengths).
    pub fn encode(&self, examples: &[RawExample]) -> Result<(Vec<Encoded>, usize), TextError> {
        let cap = self.max_len;
        let cut: Vec<Option<&str>> = examples
            .iter()
            .map(|e| match e.text_pair {
                Some(_) => None,
                None => word_prefix(&e.text, cap),
            })
            .collect();
        let inputs: Vec<EncodeInput> = examples
            .iter()
            .zip(&cut)
            .map(|(e, c)| match (&e.text_pair, c) {
                (Some(b), _) => (e.text.as_str(), b.as_str()).into(),
                (None, Some(prefix)) => (*prefix).into(),
                (None, None) => e.text.as_str().into(),
            })
            .collect();
        let fail = |e: tokenizers::Error| TextError::Tokenizer {
            path: self.path.clone(),
            reason: format!("encoding failed ({e})"),
        };
        let encodings = self
            .tokenizer
            .encode_batch_fast(inputs, true)
            .map_err(fail)?;
        let mut truncated = 0;
        let mut out = Vec::with_capacity(examples.len());
        for ((enc, ex), c) in encodings.into_iter().zip(examples).zip(&cut) {
            let (ids, type_ids, was_truncated) = if c.is_some() && enc.get_overflowing().is_empty()
            {
                self.encode_one(&ex.text, None)?
            } else {
                (
                    enc.get_ids().to_vec(),
                    enc.get_type_ids().to_vec(),
                    !enc.get_overflowing().is_empty(),
                )
            };
            truncated += usize::from(was_truncated);
            out.push(Encoded {
                ids,
                type_ids,
                label: ex.label,
            });
        }
        Ok((out, truncated))
    }
}

/// The first `n` whitespace-separated words of `text` (up to the end of the n-th word), or
/// `None` if it has at most `n` words.
pub fn word_prefix(text: &str, n: usize) -> Option<&str> {
    let mut words = 0;
    let mut in_word = false;
    let mut end = 0;
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if in_word && words == n {
                end = i;
            }
            in_word = false;
        } else if !in_word {
            if words == n {
                return Some(&text[..end]);
            }
            in_word = true;
            words += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::word_prefix;

    #[test]
    fn word_prefixes() {
        assert_eq!(word_prefix("a b c", 2), Some("a b"));
        assert_eq!(word_prefix("  a\tb\n\n c  ", 2), Some("  a\tb"));
        assert_eq!(word_prefix("a b c", 3), None);
        assert_eq!(word_prefix("a b c   ", 3), None);
        assert_eq!(word_prefix("", 1), None);
        assert_eq!(word_prefix("é ü", 1), Some("é"));
    }
}
