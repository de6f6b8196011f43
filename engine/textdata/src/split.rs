//! From rows to splits, before tokenization: the label set, the fixed test set, the validation
//! tail of the train file, and the training subsample. See the crate docs for the rules.

use crate::config::{Subsample, TextConfig};
use crate::error::TextError;
use crate::reader::{read_rows, Columns, Row};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// One example before tokenization; `label` is a class id (an index into the label names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawExample {
    pub text: String,
    pub text_pair: Option<String>,
    pub label: usize,
    /// The line of `RawSplits::train_source` / `test_source` it came from.
    pub line: u64,
}

/// The splits as text.
#[derive(Debug, Clone)]
pub struct RawSplits {
    pub labels: Vec<String>,
    pub pair: bool,
    pub train: Vec<RawExample>,
    pub val: Vec<RawExample>,
    pub test: Vec<RawExample>,
    /// Training pool size (the train file minus the validation tail) before subsampling.
    pub pool_size: usize,
    pub train_source: PathBuf,
    /// `None` when the test set was cut from the start of the train file.
    pub test_source: Option<PathBuf>,
}

/// ceil(fraction * n) with a tolerance of 1e-9, so that 0.1 * 8530 (= 853.0000000000001 in
/// floating point) gives 853.
pub fn ceil_count(fraction: f64, n: usize) -> usize {
    let x = fraction * n as f64;
    let c = (x - 1e-9).ceil();
    if c <= 0.0 {
        0
    } else {
        (c as usize).min(n)
    }
}

/// The number of validation examples taken from the end of a train file of `n` rows:
/// ceil(val_fraction * n), capped at `val_limit` (0 = no cap).
pub fn val_count(n: usize, val_fraction: f64, val_limit: usize) -> usize {
    let v = ceil_count(val_fraction, n);
    if val_limit > 0 {
        v.min(val_limit)
    } else {
        v
    }
}

/// The training subsample size for a pool of `pool` examples: `num_train` if > 0 (an error if
/// the pool is smaller), else floor(pool * train_ratio) like the paper's `int(len * ratio)`, and
/// at least 1.
pub fn train_count(pool: usize, num_train: usize, train_ratio: f64) -> Result<usize, TextError> {
    if pool == 0 {
        return Err(TextError::Split("the training pool is empty (the train file minus the validation set); lower text.val_fraction or add data".into()));
    }
    if num_train > 0 {
        if num_train > pool {
            return Err(TextError::Config(format!(
                "`text.num_train` is {num_train} but the training pool has only {pool} examples (the train file minus the validation set); lower it"
            )));
        }
        return Ok(num_train);
    }
    Ok(((pool as f64 * train_ratio).floor() as usize).clamp(1, pool))
}

/// Stratified subsample of `n` examples out of a pool whose class ids are `labels` (each
/// `< num_classes`): class c gets a count proportional to its share of the pool (largest
/// remainder rounding, ties to the smaller class id), at least one per class present in the pool
/// when `n` is at least the number of such classes (taken from the class with the largest count);
/// each class contributes its first examples in pool order. Returns pool indices in pool order.
pub fn stratified_indices(labels: &[usize], num_classes: usize, n: usize) -> Vec<usize> {
    let total = labels.len();
    let n = n.min(total);
    let mut pool_counts = vec![0usize; num_classes];
    for &l in labels {
        pool_counts[l] += 1;
    }
    // Largest remainder (Hamilton) apportionment, exact in integers: quota_c = n * n_c / total.
    let mut take: Vec<usize> = pool_counts.iter().map(|&c| n * c / total.max(1)).collect();
    let mut rem: Vec<(usize, usize)> = pool_counts
        .iter()
        .enumerate()
        .map(|(c, &k)| (n * k % total.max(1), c))
        .collect();
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut left = n - take.iter().sum::<usize>();
    for &(_, c) in &rem {
        if left == 0 {
            break;
        }
        if take[c] < pool_counts[c] {
            take[c] += 1;
            left -= 1;
        }
    }
    let present = pool_counts.iter().filter(|&&c| c > 0).count();
    if n >= present {
        for c in 0..num_classes {
            if pool_counts[c] > 0 && take[c] == 0 {
                // Take one from the class with the largest count (the smallest id among ties).
                let donor = (0..num_classes)
                    .filter(|&d| take[d] > 1)
                    .max_by(|&a, &b| take[a].cmp(&take[b]).then(b.cmp(&a)));
                if let Some(d) = donor {
                    take[d] -= 1;
                    take[c] = 1;
                }
            }
        }
    }
    let mut seen = vec![0usize; num_classes];
    let mut out = Vec::with_capacity(n);
    for (i, &l) in labels.iter().enumerate() {
        if seen[l] < take[l] {
            seen[l] += 1;
            out.push(i);
        }
    }
    out
}

/// Maps a written label to its class id.
pub type LabelMap = Box<dyn Fn(&str) -> usize>;

/// The label names and a map from the written label to the class id: if every label parses as
/// an integer, numeric order (names in canonical decimal, so `01` and `1` are one class); else
/// sorted strings.
pub fn label_set<'a>(labels: impl Iterator<Item = &'a str> + Clone) -> (Vec<String>, LabelMap) {
    let all_int = labels.clone().all(|l| l.parse::<i64>().is_ok());
    if all_int {
        let set: BTreeSet<i64> = labels.map(|l| l.parse::<i64>().unwrap()).collect();
        let values: Vec<i64> = set.into_iter().collect();
        let names = values.iter().map(|v| v.to_string()).collect();
        (
            names,
            Box::new(move |l: &str| values.binary_search(&l.parse::<i64>().unwrap()).unwrap()),
        )
    } else {
        let set: BTreeSet<String> = labels.map(|l| l.to_string()).collect();
        let names: Vec<String> = set.into_iter().collect();
        let keys = names.clone();
        (
            names,
            Box::new(move |l: &str| keys.binary_search_by(|k| k.as_str().cmp(l)).unwrap()),
        )
    }
}

impl RawSplits {
    /// Reads the files of `cfg` and applies the split rules (no tokenizer needed).
    pub fn load(cfg: &TextConfig) -> Result<RawSplits, TextError> {
        cfg.validate()?;
        let cols = Columns {
            text: &cfg.text_column,
            text_pair: cfg.text_pair_column.as_deref(),
            label: &cfg.label_column,
        };
        let train_source = cfg.train_path();
        check_exists(cfg, &train_source)?;
        let train_rows = read_rows(&train_source, cfg.format.as_deref(), cols)?;
        let test_source = cfg.test_path();
        let test_rows = match &test_source {
            Some(p) => {
                check_exists(cfg, p)?;
                Some(read_rows(p, cfg.format.as_deref(), cols)?)
            }
            None => None,
        };
        Self::from_rows(cfg, train_source, train_rows, test_source, test_rows)
    }

    /// The split rules applied to rows already read. `test_rows = None`: the test set is the
    /// first ceil(test_fraction * n) rows of the train rows.
    pub fn from_rows(
        cfg: &TextConfig,
        train_source: PathBuf,
        mut train_rows: Vec<Row>,
        test_source: Option<PathBuf>,
        test_rows: Option<Vec<Row>>,
    ) -> Result<RawSplits, TextError> {
        let subsample = cfg.subsample_mode()?;
        let test_rows = match test_rows {
            Some(t) => t,
            None => {
                let k = ceil_count(cfg.test_fraction, train_rows.len());
                if k == 0 {
                    return Err(TextError::Config(format!(
                        "`text.test_fraction` is {} and there is no text.test_file, so there would be no test set; set text.test_file or a test_fraction > 0",
                        cfg.test_fraction
                    )));
                }
                if k >= train_rows.len() {
                    return Err(TextError::Split(format!(
                        "{}: the test set (the first {k} of {} rows, text.test_fraction) leaves no training rows",
                        train_source.display(),
                        train_rows.len()
                    )));
                }
                let rest = train_rows.split_off(k);
                std::mem::replace(&mut train_rows, rest)
            }
        };
        let (labels, id_of) = label_set(
            train_rows
                .iter()
                .chain(test_rows.iter())
                .map(|r| r.label.as_str()),
        );
        let convert = |rows: Vec<Row>| -> Vec<RawExample> {
            rows.into_iter()
                .map(|r| RawExample {
                    label: id_of(&r.label),
                    text: r.text,
                    text_pair: r.text_pair,
                    line: r.line,
                })
                .collect()
        };
        let mut test = convert(test_rows);
        if cfg.test_limit > 0 {
            test.truncate(cfg.test_limit);
        }
        let mut pool = convert(train_rows);
        let n_val = val_count(pool.len(), cfg.val_fraction, cfg.val_limit);
        if n_val >= pool.len() {
            return Err(TextError::Split(format!(
                "{}: the validation set ({n_val} of {} examples) leaves no training examples; lower text.val_fraction",
                train_source.display(),
                pool.len()
            )));
        }
        let val = pool.split_off(pool.len() - n_val);
        let pool_size = pool.len();
        let n = train_count(pool_size, cfg.num_train, cfg.train_ratio)?;
        let train = match subsample {
            Subsample::First => {
                pool.truncate(n);
                pool
            }
            Subsample::Stratified => {
                let ids: Vec<usize> = pool.iter().map(|e| e.label).collect();
                let keep = stratified_indices(&ids, labels.len(), n);
                let mut flags = vec![false; pool.len()];
                for i in keep {
                    flags[i] = true;
                }
                pool.into_iter()
                    .zip(flags)
                    .filter(|(_, f)| *f)
                    .map(|(e, _)| e)
                    .collect()
            }
        };
        Ok(RawSplits {
            labels,
            pair: cfg.text_pair_column.is_some(),
            train,
            val,
            test,
            pool_size,
            train_source,
            test_source,
        })
    }
}

fn check_exists(cfg: &TextConfig, p: &std::path::Path) -> Result<(), TextError> {
    if p.exists() {
        return Ok(());
    }
    let builtin = cfg.dataset != crate::config::CUSTOM_DATASET
        && (Some(p) != cfg.train_file.as_deref() && Some(p) != cfg.test_file.as_deref());
    if builtin {
        Err(TextError::MissingAsset {
            path: p.to_path_buf(),
        })
    } else {
        Err(TextError::Io {
            path: p.to_path_buf(),
            reason: "no such file".into(),
        })
    }
}
