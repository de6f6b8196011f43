//! Label sets, the test / validation / training split, subsampling (no tokenizer needed).

mod common;

use common::write;
use std::collections::HashSet;
use textdata::split::{ceil_count, stratified_indices, train_count, val_count};
use textdata::{RawSplits, TextConfig};

/// A JSONL train file whose example i has text "t<i>" and label `label(i)`.
fn jsonl(n: usize, label: impl Fn(usize) -> String) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "{{\"text\": \"t{i}\", \"label\": {}}}\n",
            label(i)
        ));
    }
    s.into_bytes()
}

fn custom(dir: &str, train: &[u8], test: Option<&[u8]>) -> TextConfig {
    let train_file = write(dir, "train.jsonl", train);
    let test_file = test.map(|t| write(dir, "test.jsonl", t));
    TextConfig {
        dataset: "custom".into(),
        train_file: Some(train_file),
        test_file,
        ..TextConfig::default()
    }
}

fn texts(v: &[textdata::RawExample]) -> Vec<String> {
    v.iter().map(|e| e.text.clone()).collect()
}

#[test]
fn counts() {
    assert_eq!(ceil_count(0.1, 8530), 853);
    assert_eq!(ceil_count(0.1, 8531), 854);
    assert_eq!(ceil_count(0.0, 100), 0);
    assert_eq!(val_count(8530, 0.1, 500), 500);
    assert_eq!(val_count(1000, 0.1, 500), 100);
    assert_eq!(val_count(1000, 0.1, 0), 100);
    // floor like Python's int(len * ratio); at least 1.
    assert_eq!(train_count(7677, 0, 0.1).unwrap(), 767);
    assert_eq!(train_count(10, 0, 0.01).unwrap(), 1);
    assert_eq!(train_count(10, 0, 1.0).unwrap(), 10);
    assert_eq!(train_count(10, 4, 0.5).unwrap(), 4);
    let e = train_count(10, 11, 1.0).unwrap_err().to_string();
    assert!(
        e.starts_with("`text.num_train` is 11 but the training pool has only 10 examples"),
        "{e}"
    );
}

#[test]
fn integer_labels_in_numeric_order_union_of_train_and_test() {
    let train = jsonl(20, |i| ["10", "2", "\"2\""][i % 3].to_string());
    let test = b"{\"text\": \"x\", \"label\": -1}\n{\"text\": \"y\", \"label\": \"03\"}\n";
    let cfg = custom("labels-int", &train, Some(test));
    let raw = RawSplits::load(&cfg).unwrap();
    assert_eq!(raw.labels, vec!["-1", "2", "3", "10"]);
    assert_eq!(
        raw.test.iter().map(|e| e.label).collect::<Vec<_>>(),
        vec![0, 2]
    );
    assert_eq!(raw.train[0].label, 3);
    assert_eq!(raw.train[1].label, 1);
    assert_eq!(raw.train[2].label, 1);
}

#[test]
fn string_labels_sorted() {
    let train = jsonl(10, |i| {
        ["\"pos\"", "\"neg\"", "\"neutral\""][i % 3].to_string()
    });
    let test = b"{\"text\": \"x\", \"label\": \"10\"}\n";
    let cfg = custom("labels-str", &train, Some(test));
    let raw = RawSplits::load(&cfg).unwrap();
    assert_eq!(raw.labels, vec!["10", "neg", "neutral", "pos"]);
    assert_eq!(raw.train[0].label, 3);
    assert_eq!(raw.test[0].label, 0);
}

#[test]
fn val_from_end_removed_before_first_n() {
    let train = jsonl(100, |i| (i % 2).to_string());
    let test = jsonl(30, |i| (i % 2).to_string());
    let cfg = TextConfig {
        val_fraction: 0.15,
        train_ratio: 0.5,
        test_limit: 7,
        ..custom("first-n", &train, Some(&test))
    };
    let raw = RawSplits::load(&cfg).unwrap();
    assert_eq!(raw.val.len(), 15);
    assert_eq!(
        texts(&raw.val),
        (85..100).map(|i| format!("t{i}")).collect::<Vec<_>>()
    );
    assert_eq!(raw.pool_size, 85);
    assert_eq!(raw.train.len(), 42); // floor(85 * 0.5)
    assert_eq!(
        texts(&raw.train),
        (0..42).map(|i| format!("t{i}")).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(&raw.test),
        (0..7).map(|i| format!("t{i}")).collect::<Vec<_>>()
    );
    assert_eq!(raw.val[0].line, 86);

    // val_limit keeps the last val_limit; num_train overrides the ratio.
    let cfg = TextConfig {
        val_fraction: 0.5,
        val_limit: 10,
        num_train: 3,
        ..cfg
    };
    let raw = RawSplits::load(&cfg).unwrap();
    assert_eq!(
        texts(&raw.val),
        (90..100).map(|i| format!("t{i}")).collect::<Vec<_>>()
    );
    assert_eq!(raw.pool_size, 90);
    assert_eq!(texts(&raw.train), vec!["t0", "t1", "t2"]);

    // No validation set.
    let cfg = TextConfig {
        val_fraction: 0.0,
        num_train: 0,
        train_ratio: 1.0,
        ..cfg
    };
    let raw = RawSplits::load(&cfg).unwrap();
    assert!(raw.val.is_empty());
    assert_eq!(raw.train.len(), 100);
}

#[test]
fn validation_never_overlaps_train_for_any_size() {
    let train = jsonl(237, |i| (i % 3).to_string());
    let test = jsonl(5, |i| (i % 3).to_string());
    let base = custom("no-overlap", &train, Some(&test));
    for subsample in ["first", "stratified"] {
        for ratio in [0.01, 0.1, 0.33, 0.5, 1.0] {
            for (vf, vl) in [(0.1, 500), (0.3, 20), (0.05, 0)] {
                let cfg = TextConfig {
                    subsample: subsample.into(),
                    train_ratio: ratio,
                    val_fraction: vf,
                    val_limit: vl,
                    ..base.clone()
                };
                let raw = RawSplits::load(&cfg).unwrap();
                let val: HashSet<String> = texts(&raw.val).into_iter().collect();
                assert_eq!(val.len(), val_count(237, vf, vl));
                assert!(
                    raw.train.iter().all(|e| !val.contains(&e.text)),
                    "{subsample} {ratio} {vf}"
                );
                assert_eq!(raw.pool_size + raw.val.len(), 237);
                assert_eq!(
                    raw.train.len(),
                    ((raw.pool_size as f64 * ratio).floor() as usize).max(1)
                );
            }
        }
    }
}

#[test]
fn stratified_counts() {
    // Pool: 60 of class 0, 30 of class 1, 10 of class 2, interleaved.
    let labels: Vec<usize> = (0..100)
        .map(|i| {
            if i % 10 == 9 {
                2
            } else if i % 3 == 0 {
                1
            } else {
                0
            }
        })
        .collect();
    let counts = |idx: &[usize]| {
        let mut c = [0usize; 3];
        for &i in idx {
            c[labels[i]] += 1;
        }
        c
    };
    let pool = counts(&(0..100).collect::<Vec<_>>());
    let idx = stratified_indices(&labels, 3, 20);
    assert_eq!(idx.len(), 20);
    // Quotas 20 * pool / 100, largest remainders first.
    let exact: Vec<f64> = pool.iter().map(|&c| 20.0 * c as f64 / 100.0).collect();
    let got = counts(&idx);
    for (g, x) in got.iter().zip(&exact) {
        assert!((*g as f64 - x).abs() < 1.0, "{got:?} vs {exact:?}");
    }
    // Pool order, each class's first examples.
    assert!(idx.windows(2).all(|w| w[0] < w[1]));
    for (c, &k) in got.iter().enumerate() {
        let firsts: Vec<usize> = (0..100).filter(|&i| labels[i] == c).take(k).collect();
        let mine: Vec<usize> = idx.iter().copied().filter(|&i| labels[i] == c).collect();
        assert_eq!(firsts, mine);
    }
    assert_eq!(got, [12, 6, 2]);
    // Largest remainder: quotas 4.2 / 2.1 / 0.7 -> floors 4 / 2 / 0, the one left goes to class 2.
    assert_eq!(counts(&stratified_indices(&labels, 3, 7)), [4, 2, 1]);
    // 1.2 / 0.6 / 0.2 -> 1 / 0 / 0, the one left to class 1 (remainder .6).
    assert_eq!(counts(&stratified_indices(&labels, 3, 2)), [1, 1, 0]);
    // At least one per class when n >= classes: n = 3 gives one each, n = 4 gives 2/1/1.
    assert_eq!(counts(&stratified_indices(&labels, 3, 3)), [1, 1, 1]);
    assert_eq!(counts(&stratified_indices(&labels, 3, 4)), [2, 1, 1]);
    // n < classes: the largest classes.
    assert_eq!(counts(&stratified_indices(&labels, 3, 2)), [1, 1, 0]);
    // A class absent from the pool gets nothing.
    assert_eq!(stratified_indices(&[0, 0, 2, 2], 3, 2), vec![0, 2]);
    // Whole pool.
    assert_eq!(
        stratified_indices(&labels, 3, 100),
        (0..100).collect::<Vec<_>>()
    );
}

#[test]
fn stratified_through_the_config() {
    // 90 % class 0 first, then class 1: "first" would miss class 1 entirely.
    let train = jsonl(100, |i| {
        if i < 90 {
            "\"a\"".into()
        } else {
            "\"b\"".into()
        }
    });
    let test = jsonl(2, |_| "\"a\"".into());
    let cfg = TextConfig {
        val_fraction: 0.0,
        num_train: 10,
        ..custom("strat", &train, Some(&test))
    };
    let first = RawSplits::load(&cfg).unwrap();
    assert!(first.train.iter().all(|e| e.label == 0));
    let strat = RawSplits::load(&TextConfig {
        subsample: "stratified".into(),
        ..cfg
    })
    .unwrap();
    assert_eq!(
        texts(&strat.train),
        ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t90"]
    );
}

#[test]
fn custom_without_test_file_cuts_test_from_start() {
    let train = jsonl(50, |i| (i % 2).to_string());
    let cfg = TextConfig {
        test_fraction: 0.2,
        val_fraction: 0.1,
        ..custom("test-cut", &train, None)
    };
    let raw = RawSplits::load(&cfg).unwrap();
    assert_eq!(
        texts(&raw.test),
        (0..10).map(|i| format!("t{i}")).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(&raw.val),
        (46..50).map(|i| format!("t{i}")).collect::<Vec<_>>()
    ); // ceil(0.1 * 40)
    assert_eq!(
        texts(&raw.train),
        (10..46).map(|i| format!("t{i}")).collect::<Vec<_>>()
    );
    assert!(raw.test_source.is_none());
    let e = RawSplits::load(&TextConfig {
        test_fraction: 0.0,
        ..cfg
    })
    .unwrap_err()
    .to_string();
    assert!(e.contains("`text.test_fraction` is 0"), "{e}");
}

#[test]
fn missing_builtin_file_says_to_fetch() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("textdata-tests/no-assets");
    let cfg = TextConfig {
        dataset: "trec".into(),
        assets_dir: dir.clone(),
        ..TextConfig::default()
    };
    let e = RawSplits::load(&cfg).unwrap_err().to_string();
    assert!(
        e.contains(&dir.join("text/trec/train.jsonl").display().to_string()),
        "{e}"
    );
    assert!(e.contains("run scripts/fetch-assets.sh"), "{e}");
    // A built-in dataset whose files exist.
    let root =
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("textdata-tests/assets-ok");
    std::fs::create_dir_all(root.join("text/sms-spam")).unwrap();
    std::fs::write(
        root.join("text/sms-spam/train.jsonl"),
        jsonl(20, |i| (i % 2).to_string()),
    )
    .unwrap();
    std::fs::write(
        root.join("text/sms-spam/test.jsonl"),
        jsonl(4, |i| (i % 2).to_string()),
    )
    .unwrap();
    let cfg = TextConfig {
        dataset: "sms-spam".into(),
        assets_dir: root,
        ..TextConfig::default()
    };
    let raw = RawSplits::load(&cfg).unwrap();
    assert_eq!((raw.train.len(), raw.val.len(), raw.test.len()), (18, 2, 4));
    // A custom file that is missing is named too.
    let cfg = TextConfig {
        dataset: "custom".into(),
        train_file: Some("nope/train.csv".into()),
        ..TextConfig::default()
    };
    let e = RawSplits::load(&cfg).unwrap_err().to_string();
    assert_eq!(e, "cannot read nope/train.csv: no such file");
}

#[test]
fn too_little_data_is_an_error() {
    let train = jsonl(1, |_| "0".into());
    let test = jsonl(1, |_| "0".into());
    let cfg = TextConfig {
        val_fraction: 0.5,
        ..custom("tiny", &train, Some(&test))
    };
    let e = RawSplits::load(&cfg).unwrap_err().to_string();
    assert!(e.contains("leaves no training examples"), "{e}");
}
