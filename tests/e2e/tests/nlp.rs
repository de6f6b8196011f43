//! The NLP suite end to end: the fetched assets (all-MiniLM-L6-v2 and five text datasets), the
//! `bert` model plugin fine-tuning under TempBalance's block mode and under the constant-LR
//! baseline, user-provided CSV data, resume, and `engine analyze` on the real checkpoint.
//!
//! The assets come from `scripts/fetch-assets.sh` (which `.ci/run` runs); without them these tests
//! fail and say so rather than skip.

use engine_e2e::*;
use std::collections::HashMap;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// `assets/` of the repository (or `ENGINE_ASSETS_DIR`), checked to hold what the fetch script makes.
fn assets() -> PathBuf {
    let dir = std::env::var_os("ENGINE_ASSETS_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("assets"));
    for needed in ["minilm/model.safetensors", "minilm/tokenizer.json", "text/rotten-tomatoes/train.jsonl"] {
        assert!(dir.join(needed).is_file(), "{} is missing: run scripts/fetch-assets.sh first", dir.join(needed).display());
    }
    dir
}

/// Settings that point a run at the fetched assets and keep it to seconds: few examples, short
/// sequences, small evaluation sets.
fn text_run(dir: &Path, extra: &[&str]) -> std::process::Command {
    let mut cmd = engine();
    cmd.arg("run").arg("--runs").arg(dir.join("runs"));
    text_settings(&mut cmd);
    cmd.args(extra);
    cmd
}

fn text_settings(cmd: &mut std::process::Command) {
    let assets = assets();
    cmd.args(["--progress", "plain", "--model", "bert"]);
    let sets = [
        "task=\"text-classification\"".to_string(),
        format!("text.assets_dir=\"{}\"", assets.display()),
        format!("text.tokenizer=\"{}\"", assets.join("minilm/tokenizer.json").display()),
        format!("plugins.bert.pretrained=\"{}\"", assets.join("minilm").display()),
        "text.num_train=48".into(),
        "text.max_len=32".into(),
        "text.val_limit=32".into(),
        "text.test_limit=64".into(),
        "train.batch_size=16".into(),
        "train.eval_batch_size=32".into(),
        "train.epochs=2".into(),
        "optim.name=\"adamw\"".into(),
        "optim.lr=1e-4".into(),
        "optim.weight_decay=0.1".into(),
        "optim.grad_clip=1.0".into(),
        "schedule.kind=\"linear\"".into(),
        "schedule.interval=\"step\"".into(),
        "schedule.warmup_ratio=0.06".into(),
    ];
    for s in &sets {
        cmd.arg("--set").arg(s);
    }
}

fn the_run(dir: &Path) -> PathBuf {
    let runs: Vec<PathBuf> = fs::read_dir(dir.join("runs")).expect("runs dir").map(|e| e.unwrap().path()).collect();
    assert_eq!(runs.len(), 1, "{runs:?}");
    runs[0].clone()
}

fn line_count(path: &Path) -> usize {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).lines().count()
}

#[test]
fn fetched_datasets_have_the_documented_sizes_and_labels() {
    let text = assets().join("text");
    // (dataset, train + test rows, classes): docs/assets.md.
    for (name, total, classes) in [("rotten-tomatoes", 10_568, 2), ("trec", 5_452, 6), ("sms-spam", 5_574, 2), ("20newsgroups", 18_821, 20), ("reuters-r8", 7_674, 8)] {
        let (train, test) = (text.join(name).join("train.jsonl"), text.join(name).join("test.jsonl"));
        assert_eq!(line_count(&train) + line_count(&test), total, "{name}");
        let mut labels = BTreeMap::new();
        for line in fs::read_to_string(&train).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{}: {e}", train.display()));
            assert!(!v["text"].as_str().unwrap().trim().is_empty(), "{name}: empty text");
            *labels.entry(v["label"].as_str().unwrap().to_string()).or_insert(0) += 1;
        }
        assert_eq!(labels.len(), classes, "{name}: {labels:?}");
    }
}

#[test]
fn analyze_lists_the_36_encoder_matrices_of_minilm() {
    let out = engine().args(["analyze", assets().join("minilm").to_str().unwrap()]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let mut found = 0;
    for layer in 0..6 {
        for m in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense"] {
            let name = format!("encoder.layer.{layer}.{m}");
            let line = stdout.lines().find(|l| l.split_whitespace().next() == Some(name.as_str())).unwrap_or_else(|| panic!("{name} missing:\n{stdout}"));
            assert!(line.ends_with("used"), "{line}");
            found += 1;
        }
    }
    assert_eq!(found, 36);
}

/// `engine analyze --rule ks-scan` against WeightWatcher 0.7.7's own table of all-MiniLM-L6-v2
/// (tests/fixtures/weightwatcher-0.7.7-minilm.csv, written by scripts/weightwatcher-reference.py):
/// the same layers, and every column within float32 rounding (WeightWatcher's SVD is float32).
#[test]
fn analyze_ks_scan_reproduces_weightwatcher_on_minilm() {
    let dir = temp_dir("analyze-ww");
    let csv = dir.join("table.csv");
    let out = engine()
        .args(["analyze", assets().join("minilm").to_str().unwrap(), "--rule", "ks-scan", "--csv", csv.to_str().unwrap()])
        .args(["--set", r#"plugins.spectral.kinds=["linear","embedding"]"#])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("x_min rule: ks-scan"), "{stdout}");
    let ours: HashMap<String, HashMap<String, String>> = read_csv(&csv).into_iter().map(|r| (r["layer"].clone(), r)).collect();
    let reference = read_csv(&repo_root().join("tests/fixtures/weightwatcher-0.7.7-minilm.csv"));
    assert_eq!(reference.len(), 39);
    let used = ours.values().filter(|r| r["status"] == "used").count();
    assert_eq!(used, reference.len(), "WeightWatcher analyses the same layers (not the 2-row token type embedding)");
    for ww in &reference {
        let name = &ww["name"];
        let row = ours.get(name).unwrap_or_else(|| panic!("{name} missing from the table"));
        for (ww_col, col) in [
            ("alpha", "alpha"),
            ("xmin", "xmin"),
            ("D", "ks_distance"),
            ("lambda_max", "lambda_max"),
            ("stable_rank", "stable_rank"),
            ("alpha_weighted", "alpha_weighted"),
            ("log_alpha_norm", "log_alpha_norm"),
        ] {
            let (a, b): (f64, f64) = (ww[ww_col].parse().unwrap(), row[col].parse().unwrap());
            assert!(close(a, b, 1e-5), "{name} {ww_col}: WeightWatcher {a}, engine {b}");
        }
        for col in ["N", "M", "num_evals", "num_pl_spikes", "warning"] {
            assert_eq!(ww[col], row[col], "{name} {col}");
        }
    }
    assert!(stdout.contains("1 of 39 analysed layers have alpha < 2 (WeightWatcher: over-trained): embeddings.position_embeddings"), "{stdout}");
    assert!(stdout.contains("4 of 39 analysed layers have alpha > 6"), "{stdout}");
}

/// Per-step learning rates of the groups of encoder block `b`, and of the groups outside blocks.
fn block_lrs(step: &serde_json::Value, b: usize) -> Vec<f64> {
    let prefix = format!("lr/encoder.layer.{b}.");
    step.as_object().unwrap().iter().filter(|(k, _)| k.starts_with(&prefix)).map(|(_, v)| v.as_f64().unwrap()).collect()
}

#[test]
fn tempbalance_block_mode_fine_tunes_minilm() {
    let dir = temp_dir("nlp-tempbalance");
    let out = text_run(&dir, &["--scheduler", "tempbalance", "--set", "plugins.tempbalance.unit=\"block\"", "--set", "plugins.tempbalance.interval=0", "--set", "plugins.tempbalance.interval_unit=\"steps\""]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("test/accuracy"), "{stdout}");
    let run = the_run(&dir);
    let rows = read_csv(&run.join("metrics.csv"));
    assert_eq!(rows.len(), 2);
    for r in &rows {
        for key in ["val/accuracy", "val/macro_f1"] {
            let v: f64 = r[key].parse().unwrap();
            assert!((0.0..=1.0).contains(&v), "{key} = {v}");
        }
        // Test data is scored once, at the end, unless train.test_every asks for curves.
        assert_eq!(r["test/accuracy"], "", "test scored during training");
    }
    let summary: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["selection_metric"], "val/accuracy");
    for key in ["test/accuracy", "test/macro_f1", "val/accuracy"] {
        let v = summary["best"][key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&v), "{key} = {v}");
    }
    let steps = read_jsonl(&run.join("metrics.jsonl"));
    // 48 examples in batches of 16: 3 steps per epoch, so the automatic interval is 1 step.
    assert_eq!(steps.len(), 6);
    let last = steps.last().unwrap();
    let base = num(last, "lr/base");
    // Embeddings and the head follow eta_t; every group of a block shares the block's rate; the
    // blocks differ.
    for g in ["lr/embeddings.word_embeddings", "lr/embeddings.LayerNorm", "lr/classifier"] {
        assert_eq!(num(last, g), base, "{g}");
    }
    let mut per_block = Vec::new();
    for b in 0..6 {
        let lrs = block_lrs(last, b);
        assert_eq!(lrs.len(), 8, "block {b}: 6 linear layers and 2 layer norms");
        assert!(lrs.iter().all(|&lr| lr == lrs[0]), "block {b}: {lrs:?}");
        per_block.push(lrs[0]);
    }
    assert!(per_block.iter().any(|&lr| (lr - base).abs() > 1e-3 * base), "{per_block:?} vs {base}");
    // The spectral log records one alpha per encoder matrix at every analysis: before every step
    // but the last (each analysis applies from the step after the weights it read).
    let layers = fs::read_to_string(run.join("spectral/layers.csv")).unwrap();
    assert_eq!(layers.lines().filter(|l| l.contains("encoder.layer.5.output.dense")).count(), steps.len() - 1, "{layers}");
}

#[test]
fn constant_lr_fine_tunes_minilm_with_every_group_at_eta_t() {
    let dir = temp_dir("nlp-constant");
    let out = text_run(&dir, &["--scheduler", "constant-lr"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let run = the_run(&dir);
    let steps = read_jsonl(&run.join("metrics.jsonl"));
    for step in &steps {
        let base = num(step, "lr/base");
        for (k, v) in step.as_object().unwrap() {
            if k.starts_with("lr/") {
                assert_eq!(v.as_f64().unwrap(), base, "{k}");
            }
        }
    }
    // Linear warmup then linear decay, per step.
    let lrs: Vec<f64> = steps.iter().map(|s| num(s, "lr/base")).collect();
    assert!(lrs[1] > lrs[lrs.len() - 1], "{lrs:?}");
    let summary = fs::read_to_string(run.join("summary.md")).unwrap();
    assert!(summary.contains("chosen by val/accuracy"), "{summary}");

    // engine eval --save-predictions: one JSON line per test example, agreeing with the scores.
    let pred = dir.join("pred.jsonl");
    let out = engine().args(["eval", run.to_str().unwrap(), "--split", "test", "--save-predictions", pred.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let lines = read_jsonl(&pred);
    assert_eq!(lines.len(), 64, "text.test_limit = 64");
    let test_file = fs::read_to_string(assets().join("text/rotten-tomatoes/test.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(test_file.lines().next().unwrap()).unwrap();
    assert_eq!(lines[0]["text"], first["text"], "file order, texts as in the source");
    assert_eq!(lines[0]["label"], first["label"]);
    let mut correct = 0;
    for l in &lines {
        let probs = l["probabilities"].as_object().unwrap();
        assert_eq!(probs.len(), 2);
        assert!((probs.values().map(|p| p.as_f64().unwrap()).sum::<f64>() - 1.0).abs() < 1e-9);
        let best = probs.iter().max_by(|a, b| a.1.as_f64().unwrap().total_cmp(&b.1.as_f64().unwrap())).unwrap().0;
        assert_eq!(l["predicted"].as_str().unwrap(), best);
        assert_eq!(l["correct"].as_bool().unwrap(), l["predicted"] == l["label"]);
        correct += l["correct"].as_bool().unwrap() as usize;
    }
    let eval: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("eval-test.json")).unwrap()).unwrap();
    assert!((eval["metrics"]["test/accuracy"].as_f64().unwrap() - correct as f64 / 64.0).abs() < 1e-12, "{eval}");
}

/// A tiny randomly initialised encoder (no checkpoint) on a user CSV: quick, and independent of
/// the fetched model.
fn tiny_custom_run(dir: &Path, csv: &Path, extra: &[&str]) -> std::process::Command {
    let mut cmd = engine();
    match extra.iter().position(|a| *a == "--resume") {
        Some(_) => cmd.arg("run"),
        None => cmd.arg("run").arg("--runs").arg(dir.join("runs")),
    };
    text_settings(&mut cmd);
    for s in [
        "text.dataset=\"custom\"".to_string(),
        format!("text.train_file=\"{}\"", csv.display()),
        "text.text_column=\"review\"".into(),
        "text.label_column=\"stars\"".into(),
        "text.num_train=0".into(),
        "text.val_fraction=0.2".into(),
        "plugins.bert.pretrained=\"\"".into(),
        "plugins.bert.hidden_size=32".into(),
        "plugins.bert.num_layers=2".into(),
        "plugins.bert.num_heads=4".into(),
        "plugins.bert.intermediate_size=64".into(),
        "optim.lr=1e-3".into(),
    ] {
        cmd.arg("--set").arg(s);
    }
    cmd.args(extra);
    cmd
}

fn write_reviews(path: &Path) {
    let mut text = String::from("id,review,stars\n");
    for i in 0..60 {
        let (review, stars) = if i % 2 == 0 { ("\"great, loved it\"", 5) } else { ("awful and boring", 1) };
        text.push_str(&format!("{i},{review} #{i},{stars}\n"));
    }
    fs::write(path, text).unwrap();
}

#[test]
fn a_user_csv_trains_and_resumes_bitwise() {
    let dir = temp_dir("nlp-custom");
    let csv = dir.join("reviews.csv");
    write_reviews(&csv);
    // A schedule that does not depend on the planned length, so a 2-epoch run extended to 3 is
    // the same run as a 3-epoch one (dropout masks, shuffles and TempBalance state included).
    let tiny_custom_run = |dir: &Path, csv: &Path, extra: &[&str]| {
        let mut cmd = tiny_custom_run(dir, csv, extra);
        cmd.args(["--set", "schedule.kind=\"constant\"", "--set", "schedule.warmup_ratio=0.0"]);
        cmd
    };
    let out = tiny_custom_run(&dir, &csv, &["--scheduler", "tempbalance", "--set", "run.name=\"full\"", "--set", "train.epochs=3"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let out = tiny_custom_run(&dir, &csv, &["--scheduler", "tempbalance", "--set", "run.name=\"split\"", "--set", "train.epochs=2"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let split = dir.join("runs/split");
    let out = tiny_custom_run(&dir, &csv, &["--scheduler", "tempbalance", "--resume", split.to_str().unwrap(), "--set", "train.epochs=3"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let weights = |run: &str| fs::read(dir.join("runs").join(run).join("checkpoints/last/model.safetensors")).unwrap();
    assert!(weights("full") == weights("split"), "a resumed run must match an uninterrupted one bitwise");
    let rows = read_csv(&dir.join("runs/full/metrics.csv"));
    assert_eq!(rows.len(), 3);
}

#[test]
fn a_wrong_label_column_is_named_and_leaves_no_run() {
    let dir = temp_dir("nlp-bad-column");
    let csv = dir.join("reviews.csv");
    write_reviews(&csv);
    let out = tiny_custom_run(&dir, &csv, &["--scheduler", "constant-lr", "--set", "text.label_column=\"rating\""]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("reviews.csv") && errors[0].contains("rating"), "{}", errors[0]);
    assert!(!dir.join("runs").exists() || fs::read_dir(dir.join("runs")).unwrap().next().is_none());
}

#[test]
fn bert_refuses_pde_data_with_a_one_line_error() {
    let dir = temp_dir("nlp-wrong-task");
    let out = tiny_run(&dir, &["--model", "bert", "--scheduler", "constant-lr"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("bert") && errors[0].contains("text-classification"), "{}", errors[0]);
}

/// Every NLP preset parses and loads its dataset from the repository root (the paths in the
/// presets are relative to it); one tiny epoch each, with a tiny random encoder in place of MiniLM.
#[test]
fn every_bert_preset_loads_its_dataset() {
    assets();
    let dir = temp_dir("nlp-presets");
    let presets: Vec<PathBuf> = fs::read_dir(repo_root().join("configs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("bert-"))
        .collect();
    assert!(presets.len() >= 5, "{presets:?}");
    for preset in presets {
        let mut cmd = engine();
        cmd.current_dir(repo_root()).arg("run").arg("--config").arg(&preset).arg("--runs").arg(dir.join("runs"));
        cmd.args(["--scheduler", "tempbalance", "--progress", "plain"]);
        for s in ["train.epochs=1", "text.num_train=16", "text.val_limit=16", "text.test_limit=16", "text.max_len=16", "plugins.bert.pretrained=\"\"", "plugins.bert.hidden_size=32", "plugins.bert.num_layers=1", "plugins.bert.num_heads=2", "plugins.bert.intermediate_size=32"] {
            cmd.args(["--set", s]);
        }
        let out = cmd.output().unwrap();
        let (_, stderr) = texts(&out);
        assert!(out.status.success(), "{}: {stderr}", preset.display());
        let dataset = preset.file_stem().unwrap().to_str().unwrap().trim_start_matches("bert-").to_string();
        assert!(stderr.contains(&format!("data: {dataset}: 16 train")), "{}: {stderr}", preset.display());
    }
}
