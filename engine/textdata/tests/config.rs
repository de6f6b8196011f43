//! The `[text]` section: defaults, unknown keys, validation messages.

use textdata::TextConfig;

#[test]
fn defaults_and_round_trip() {
    let d = TextConfig::default();
    assert_eq!(d.dataset, "rotten-tomatoes");
    assert_eq!(d.max_len, 128);
    assert_eq!(d.padding, "longest");
    assert_eq!(
        (
            d.train_ratio,
            d.num_train,
            d.val_fraction,
            d.val_limit,
            d.test_limit
        ),
        (1.0, 0, 0.1, 500, 0)
    );
    assert_eq!(
        d.tokenizer,
        std::path::PathBuf::from("assets/minilm/tokenizer.json")
    );
    d.validate().unwrap();
    let empty: TextConfig = toml::from_str("").unwrap();
    assert_eq!(empty, d);
    let c: TextConfig =
        toml::from_str("dataset = \"trec\"\nnum_train = 100\ntext_pair_column = \"q2\"").unwrap();
    assert_eq!(
        (
            c.dataset.as_str(),
            c.num_train,
            c.text_pair_column.as_deref()
        ),
        ("trec", 100, Some("q2"))
    );
    let back: TextConfig = toml::from_str(&toml::to_string(&c).unwrap()).unwrap();
    assert_eq!(back, c);
}

#[test]
fn unknown_keys_are_errors() {
    let e = toml::from_str::<TextConfig>("max_length = 64")
        .unwrap_err()
        .to_string();
    assert!(e.contains("max_length"), "{e}");
}

#[test]
fn validation_messages() {
    let check = |c: TextConfig, want: &str| {
        let e = c.validate().unwrap_err().to_string();
        assert_eq!(e, want);
    };
    let d = TextConfig::default;
    check(
        TextConfig {
            padding: "foo".into(),
            ..d()
        },
        "`text.padding` is `foo`; use longest or max_length",
    );
    check(
        TextConfig {
            subsample: "random".into(),
            ..d()
        },
        "`text.subsample` is `random`; use first or stratified",
    );
    check(
        TextConfig {
            format: Some("xml".into()),
            ..d()
        },
        "`text.format` is `xml`; use jsonl, csv or tsv",
    );
    check(
        TextConfig {
            train_ratio: 0.0,
            ..d()
        },
        "`text.train_ratio` is 0; use a number in (0, 1]",
    );
    check(
        TextConfig {
            train_ratio: 1.5,
            ..d()
        },
        "`text.train_ratio` is 1.5; use a number in (0, 1]",
    );
    check(
        TextConfig {
            val_fraction: 1.0,
            ..d()
        },
        "`text.val_fraction` is 1; use a number in [0, 1)",
    );
    check(
        TextConfig {
            test_fraction: -0.1,
            ..d()
        },
        "`text.test_fraction` is -0.1; use a number in [0, 1)",
    );
    check(
        TextConfig { max_len: 4, ..d() },
        "`text.max_len` is 4; use at least 8 (the paper uses 128)",
    );
    check(
        TextConfig { dataset: "custom".into(), ..d() },
        "`text.dataset` is custom but `text.train_file` is not set; set it to a .jsonl, .csv or .tsv file",
    );
    let e = TextConfig {
        dataset: "imdb".into(),
        ..d()
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("`text.dataset` is `imdb`; use one of rotten-tomatoes, trec, sms-spam, 20newsgroups, reuters-r8 or custom"), "{e}");
    TextConfig {
        padding: "max_length".into(),
        subsample: "stratified".into(),
        train_ratio: 0.01,
        val_fraction: 0.0,
        ..d()
    }
    .validate()
    .unwrap();
}
