//! Tokenization with the real MiniLM tokenizer (fails if it is missing: run
//! scripts/fetch-assets.sh), truncation, and the whole load.

mod common;

use common::{minilm_tokenizer, write};
use textdata::{order_by_length, Padding, TextConfig, TextData, TextTokenizer};

#[test]
fn known_ids_for_a_pair_without_tokenizer_padding() {
    let tok = TextTokenizer::from_file(&minilm_tokenizer(), 128).unwrap();
    assert_eq!(tok.pad_id(), 0);
    let (ids, types, truncated) = tok
        .encode_one("The movie was surprisingly good!", Some("Is it good?"))
        .unwrap();
    assert_eq!(
        ids,
        vec![101, 1996, 3185, 2001, 10889, 2204, 999, 102, 2003, 2009, 2204, 1029, 102]
    );
    assert_eq!(types, [vec![0; 8], vec![1; 5]].concat());
    assert!(!truncated);
    let (ids, types, _) = tok
        .encode_one("The movie was surprisingly good!", None)
        .unwrap();
    assert_eq!(ids, vec![101, 1996, 3185, 2001, 10889, 2204, 999, 102]);
    assert_eq!(types, vec![0; 8]);
}

fn words(n: usize) -> String {
    (0..n)
        .map(|i| ["good", "movie", "was", "it"][i % 4])
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn truncation_to_max_len_single_and_pair() {
    let tok = TextTokenizer::from_file(&minilm_tokenizer(), 16).unwrap();
    // Single: 40 words -> 16 tokens, [CLS] first, [SEP] last.
    let (ids, types, truncated) = tok.encode_one(&words(40), None).unwrap();
    assert_eq!(ids.len(), 16);
    assert_eq!((ids[0], ids[15]), (101, 102));
    assert_eq!(types, vec![0; 16]);
    assert!(truncated);
    // Exactly fits: 14 words + 2 specials = 16, not truncated.
    let (ids, _, truncated) = tok.encode_one(&words(14), None).unwrap();
    assert_eq!(ids.len(), 16);
    assert!(!truncated);
    // Pair, longest first: a 3-word A stays whole, B is cut to 16 - 3 - 3 = 10.
    let (ids, types, truncated) = tok.encode_one("good movie was", Some(&words(30))).unwrap();
    assert_eq!(ids.len(), 16);
    assert!(truncated);
    assert_eq!(&ids[..5], &[101, 2204, 3185, 2001, 102]);
    assert_eq!(types, [vec![0; 5], vec![1; 11]].concat());
    assert_eq!(ids.iter().filter(|&&i| i == 102).count(), 2);
    // Both long: 13 content tokens split 6 / 7 (A first), the tokenizers rule.
    let (ids, types, truncated) = tok.encode_one(&words(30), Some(&words(30))).unwrap();
    assert_eq!(ids.len(), 16);
    assert!(truncated);
    assert_eq!(types.iter().filter(|&&t| t == 0).count(), 1 + 6 + 1);
    assert_eq!(ids[7], 102);
}

#[test]
fn load_batches_and_lengths() {
    let train = "text,label\n\"The movie was surprisingly good!\",pos\nbad,neg\n\"long, long, long, long, long, long, long, long, long, long, long\",pos\nok,neg\nfine film,pos\n";
    let test = "text,label\nawful,neg\n\"good, good\",pos\n";
    let cfg = TextConfig {
        dataset: "custom".into(),
        train_file: Some(write("load", "train.csv", train.as_bytes())),
        test_file: Some(write("load", "test.csv", test.as_bytes())),
        tokenizer: minilm_tokenizer(),
        max_len: 12,
        val_fraction: 0.2,
        ..TextConfig::default()
    };
    let data = TextData::load(&cfg).unwrap();
    assert_eq!(data.labels, vec!["neg", "pos"]);
    assert_eq!(
        (
            data.train.len(),
            data.val.len(),
            data.test.len(),
            data.pool_size
        ),
        (4, 1, 2, 4)
    );
    assert_eq!(data.truncated, 1); // the 21-token "long, long, ..." text
    assert_eq!(data.train[2].ids.len(), 12);
    assert_eq!(
        data.train[0].ids,
        vec![101, 1996, 3185, 2001, 10889, 2204, 999, 102]
    );
    assert_eq!(data.train[0].label, 1);
    assert!(!data.pair);
    assert_eq!(data.padding, Padding::Longest);
    let line = data.describe();
    assert!(
        line.starts_with("train.csv: 4 train (pool 4) / 1 val / 2 test texts, 2 labels [neg, pos]"),
        "{line}"
    );
    assert!(!line.contains('\n'));

    // padding = longest: L = longest in the batch; right padding with [PAD] = 0.
    let b = data.batch_of(&data.train, &[0, 1]);
    let (shape, ids) = b.get("input_ids").unwrap();
    assert_eq!(shape, &[2, 8]);
    assert_eq!(&ids[8..], &[101.0, 2919.0, 102.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    let (_, mask) = b.get("attention_mask").unwrap();
    assert_eq!(&mask[8..], &[1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(b.get("labels").unwrap(), (&[2u64][..], &[1.0f32, 0.0][..]));

    // padding = max_length: always max_len.
    let data = TextData::load(&TextConfig {
        padding: "max_length".into(),
        ..cfg.clone()
    })
    .unwrap();
    let b = data.batch_of(&data.test, &[0]);
    assert_eq!(b.get("input_ids").unwrap().0, &[1, 12]);
    assert_eq!(b.get("token_type_ids").unwrap().1, &[0.0; 12]);

    // Length order for evaluation: longest first.
    let order = order_by_length(&data.train);
    assert_eq!(order[0], 2);
    assert!(order
        .windows(2)
        .all(|w| data.train[w[0]].len() >= data.train[w[1]].len()));
}

#[test]
fn load_pairs_from_tsv() {
    let train = "q1\tq2\tlabel\nThe movie was surprisingly good!\tIs it good?\t1\nA\tB\t0\n";
    let cfg = TextConfig {
        dataset: "custom".into(),
        train_file: Some(write("pairs", "train.tsv", train.as_bytes())),
        test_file: Some(write("pairs", "test.tsv", train.as_bytes())),
        text_column: "q1".into(),
        text_pair_column: Some("q2".into()),
        tokenizer: minilm_tokenizer(),
        val_fraction: 0.0,
        ..TextConfig::default()
    };
    let data = TextData::load(&cfg).unwrap();
    assert!(data.pair);
    assert_eq!(
        data.train[0].ids,
        vec![101, 1996, 3185, 2001, 10889, 2204, 999, 102, 2003, 2009, 2204, 1029, 102]
    );
    let b = data.batch(&[&data.train[1], &data.train[0]]);
    let (shape, types) = b.get("token_type_ids").unwrap();
    assert_eq!(shape, &[2, 13]);
    // Row 0 is "[CLS] a [SEP] b [SEP]" then padding (type id 0).
    assert_eq!(
        &types[..13],
        &[0., 0., 0., 1., 1., 0., 0., 0., 0., 0., 0., 0., 0.]
    );
    assert_eq!(
        &types[13..],
        &[0., 0., 0., 0., 0., 0., 0., 0., 1., 1., 1., 1., 1.]
    );
}

#[test]
fn missing_tokenizer_is_named() {
    let cfg = TextConfig {
        tokenizer: "nowhere/tokenizer.json".into(),
        ..TextConfig::default()
    };
    let e = TextData::load(&cfg).unwrap_err().to_string();
    assert_eq!(e, "tokenizer nowhere/tokenizer.json: not found; run scripts/fetch-assets.sh or set text.tokenizer to a tokenizer.json");
}

#[test]
fn long_texts_cut_before_tokenizing_give_the_same_tokens() {
    let tok = TextTokenizer::from_file(&minilm_tokenizer(), 16).unwrap();
    let raw = |text: String| textdata::RawExample {
        text,
        text_pair: None,
        label: 0,
        line: 1,
    };
    // 3000 words with punctuation: the batch path cuts at 16 words, the single path does not.
    let long: String = (0..3000)
        .map(|i| ["Hello,", "world!", "it's", "(really)", "good-ish"][i % 5])
        .collect::<Vec<_>>()
        .join(" ");
    // 1000 "words" the normalizer removes (control characters), then real words: the cut text
    // yields no tokens, so the whole text is encoded again.
    let vanishing = format!("{} {}", vec!["\u{1}"; 1000].join(" "), words(200));
    let short = "good movie".to_string();
    let (enc, truncated) = tok
        .encode(&[
            raw(long.clone()),
            raw(vanishing.clone()),
            raw(short.clone()),
        ])
        .unwrap();
    assert_eq!(truncated, 2);
    for (e, text) in enc.iter().zip([&long, &vanishing, &short]) {
        let (ids, types, _) = tok.encode_one(text, None).unwrap();
        assert_eq!((&e.ids, &e.type_ids), (&ids, &types));
    }
    assert_eq!(enc[1].ids.len(), 16);
    assert_eq!(enc[1].ids[1], 2204); // "good"
}

/// A tokenizer.json whose `decoder` section is cut (found by fuzzing: tokenizers 0.23 panics on
/// it instead of returning an error) is one error naming the file, never a panic.
#[test]
fn a_corrupt_decoder_section_is_an_error_not_a_panic() {
    let text = std::fs::read_to_string(minilm_tokenizer()).unwrap();
    let at = text.find("\"cleanup\"").expect("MiniLM's decoder has cleanup") + 4;
    let later = text.find("\"unk_token\"").unwrap();
    let dir = std::env::temp_dir().join(format!("textdata-corrupt-decoder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tokenizer.json");
    std::fs::write(&path, format!("{}{}", &text[..at], &text[later..])).unwrap();
    let e = TextTokenizer::from_file(&path, 32).err().expect("a corrupt file is refused").to_string();
    assert!(e.contains(path.to_str().unwrap()) && e.contains("cannot load"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Found by fuzzing: a post-processor template naming a special token that its `special_tokens`
/// map lacks loads, then makes the tokenizers crate panic on every encoding. It is refused at load
/// time in one line naming the file.
#[test]
fn a_template_naming_an_undefined_special_token_is_an_error_not_a_panic() {
    let text = std::fs::read_to_string(minilm_tokenizer()).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let specials = json["post_processor"]["special_tokens"].as_object_mut().expect("MiniLM's post-processor is a template");
    assert!(specials.remove("[SEP]").is_some());
    let dir = std::env::temp_dir().join(format!("textdata-bad-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tokenizer.json");
    std::fs::write(&path, json.to_string()).unwrap();
    let e = TextTokenizer::from_file(&path, 32).err().expect("a malformed template is refused").to_string();
    assert!(e.contains(path.to_str().unwrap()) && e.contains("cannot encode with it") && !e.contains('\n'), "{e}");
    // The shipped file passes the probe.
    assert!(TextTokenizer::from_file(&minilm_tokenizer(), 32).is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}
