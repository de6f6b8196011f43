//! Whole training runs through the `engine` binary: the run directory, failing plugins, config
//! errors.

use engine_e2e::*;
use std::fs;

#[test]
fn tiny_run_trains_and_writes_the_run_directory() {
    let dir = temp_dir("tiny-run");
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "6"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let run = dir.join("runs/r");
    for file in ["config.resolved.toml", "metrics.csv", "metrics.jsonl", "summary.md", "checkpoints/last/model.safetensors", "checkpoints/last/state.json", "checkpoints/best/model.safetensors"] {
        assert!(run.join(file).exists(), "{file} missing");
    }
    // One plain line per epoch, then the summary table.
    assert_eq!(stdout.lines().filter(|l| l.starts_with("epoch ")).count(), 6, "{stdout}");
    assert!(stdout.contains("| val/nrmse |") && stdout.contains("chosen by val/nrmse"), "{stdout}");

    let rows = read_csv(&run.join("metrics.csv"));
    assert_eq!(rows.len(), 6);
    let val: Vec<f64> = rows.iter().map(|r| r["val/nrmse"].parse().unwrap()).collect();
    assert!(val.iter().all(|v| v.is_finite()));
    assert!(val[5] < val[0], "validation nRMSE did not fall: {val:?}");
    // Every group's learning rate is logged, here all at the base rate.
    let lr_cols: Vec<&String> = rows[0].keys().filter(|k| k.starts_with("lr/") && *k != "lr/base").collect();
    assert!(lr_cols.len() >= 11, "{lr_cols:?}");
    assert!(lr_cols.iter().all(|c| rows[0][*c] == rows[0]["lr/base"]));
    // The per-step log has one line per optimizer step.
    let steps = fs::read_to_string(run.join("metrics.jsonl")).unwrap().lines().count();
    assert_eq!(steps as u64, rows[5]["step"].parse::<u64>().unwrap());
    // The resolved config records the overrides.
    let resolved = fs::read_to_string(run.join("config.resolved.toml")).unwrap();
    assert!(resolved.contains("epochs = 6") && resolved.contains("resolution = 16"), "{resolved}");

    // Every plugin's resolved settings, defaults included.
    assert!(resolved.contains("[plugins.fno2d]") && resolved.contains("[plugins.constant-lr]") && resolved.contains("padding ="), "{resolved}");
    // provenance.json: engine, plugins with file hashes, data generator, this process.
    let prov: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("provenance.json")).unwrap()).unwrap();
    assert_eq!(prov["engine"]["version"], "0.1.0");
    assert_eq!(prov["engine"]["git_commit"].as_str().map(|c| c.len()), Some(40), "{prov}");
    let plugins = prov["plugins"].as_array().unwrap();
    assert!(plugins.iter().any(|p| p["name"] == "fno2d" && p["kind"] == "model" && p["file"]["sha256"].as_str().is_some_and(|h| h.len() == 64)), "{prov}");
    assert_eq!(prov["data"]["generator"], "diffusion-reaction-2d");
    assert_eq!(prov["data"]["parameters"]["resolution"], 16);
    let process = &prov["processes"][0];
    assert!(process["started"].as_str().unwrap().ends_with('Z') && process["ended"].as_str().is_some(), "{prov}");
    assert_eq!(process["outcome"], "completed");
    assert!(process["command"].as_array().unwrap().iter().any(|a| a == "run"));

    // summary.json: test of the best-validation checkpoint, which the epoch rows agree with.
    let summary: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["status"], "completed");
    assert_eq!((summary["model"].as_str(), summary["scheduler"].as_str()), (Some("fno2d"), Some("constant-lr")));
    assert_eq!(summary["selection_metric"], "val/nrmse");
    let best_epoch = summary["best_epoch"].as_u64().unwrap();
    let best_row = rows.iter().min_by(|a, b| a["val/nrmse"].parse::<f64>().unwrap().total_cmp(&b["val/nrmse"].parse::<f64>().unwrap())).unwrap();
    assert_eq!(best_row["epoch"].parse::<u64>().unwrap(), best_epoch);
    assert_eq!(best_row["best"], "1");
    assert!(close(summary["best"]["val/nrmse"].as_f64().unwrap(), best_row["val/nrmse"].parse().unwrap(), 1e-5));
    assert!(summary["best"]["test/nrmse"].as_f64().unwrap().is_finite());
    assert!(close(summary["final"]["val/nrmse"].as_f64().unwrap(), rows[5]["val/nrmse"].parse().unwrap(), 1e-5));
    assert!(rows.iter().all(|r| r["test/nrmse"].is_empty()), "test scored during training");
    let sizes = &summary["data"];
    assert!(sizes["train"].as_u64().unwrap() > 0 && sizes["val"].as_u64().unwrap() > 0 && sizes["test"].as_u64().unwrap() > 0);
    assert_eq!(summary["overrides"]["train.epochs"], 6);
    assert_eq!(summary["overrides"]["data.resolution"], 16);
    assert_eq!(summary["overrides"]["optim.lr"], 3e-3);
    // Only what changes the result: not where the run and the cache live, nor the display.
    for key in ["optim.weight_decay", "run.name", "run.root", "data.cache_dir", "train.progress"] {
        assert!(summary["overrides"].get(key).is_none(), "{key}: {}", summary["overrides"]);
    }
    // PDE models train on normalised channels; the statistics travel with every checkpoint.
    let norm: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("checkpoints/best/normalizer.json")).unwrap()).unwrap();
    assert_eq!((norm["mean"].as_array().unwrap().len(), norm["std"].as_array().unwrap().len()), (2, 2));
    assert!(norm["std"].as_array().unwrap().iter().all(|s| s.as_f64().unwrap() > 0.0));
    // Persistence is scored on the same test split and shown beside the model.
    assert!(summary["baselines"]["persistence/nrmse"].as_f64().unwrap() > 0.0);
    // And the training set's mean field, the best a model that ignores its input could do.
    let mean_field = summary["baselines"]["mean_field/nrmse"].as_f64().unwrap();
    assert!(mean_field > 0.0 && mean_field != summary["baselines"]["persistence/nrmse"].as_f64().unwrap());
    assert!(stdout.contains("baseline persistence/nrmse"), "{stdout}");
}

/// `train.min_steps` raises the epochs of a small training set, never lowers them; the cosine
/// schedule spans the raised count.
#[test]
fn min_steps_trains_a_small_set_for_more_epochs() {
    let dir = temp_dir("min-steps");
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "1", "--set", "train.min_steps=10", "--set", "schedule.kind=cosine", "--set", "schedule.interval=epoch"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let run = dir.join("runs/r");
    let rows = read_csv(&run.join("metrics.csv"));
    let steps_per_epoch: u64 = rows[0]["step"].parse().unwrap();
    let expected = 10u64.div_ceil(steps_per_epoch);
    assert!(expected > 1, "the tiny set makes {steps_per_epoch} steps per epoch");
    assert_eq!(rows.len() as u64, expected, "{stderr}");
    assert!(rows.last().unwrap()["step"].parse::<u64>().unwrap() >= 10);
    assert!(stderr.contains(&format!("so the run trains {expected} epochs instead of 1")), "{stderr}");
    // The schedule decays over the epochs trained: the last epoch's rate is below the first's.
    let lr = |r: &std::collections::HashMap<String, String>| r["lr/base"].parse::<f64>().unwrap();
    assert!(lr(rows.last().unwrap()) < lr(&rows[0]), "{rows:?}");
    let summary: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["epochs"].as_u64(), Some(expected));
    // More epochs than min_steps needs stay as given.
    let out = tiny_run(&dir, &["--name", "more", "--epochs", "4", "--set", "train.min_steps=2"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    assert_eq!(read_csv(&dir.join("runs/more/metrics.csv")).len(), 4);
}

/// `train.loss = "nrmse"`: the model trains on each channel's squared error divided by the
/// channel's mean square (training split, physical units), the weights the reported nRMSE gives
/// channels; scaled to mean 1 and logged. Refused for text tasks.
#[test]
fn nrmse_loss_weights_channels_as_the_metric_does() {
    let dir = temp_dir("nrmse-loss");
    let raw = ["--epochs", "1", "--set", "train.normalize=none"];
    let out = tiny_run(&dir, &[&["--name", "n", "--set", "train.loss=nrmse"][..], &raw[..]].concat()).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let line = stderr.lines().find(|l| l.contains("train.loss = \"nrmse\": channel weights")).unwrap_or_else(|| panic!("{stderr}"));
    let inside = &line[line.find('[').unwrap() + 1..line.rfind(']').unwrap()];
    let weights: Vec<f64> = inside.split(',').map(|w| w.trim().trim_matches('"').parse().unwrap()).collect();
    assert_eq!(weights.len(), 2, "{line}");
    assert!((weights.iter().sum::<f64>() / 2.0 - 1.0).abs() < 1e-3, "{line}");
    assert!((weights[0] - weights[1]).abs() > 0.1, "the two channels have different scales: {line}");
    let out = tiny_run(&dir, &[&["--name", "m"][..], &raw[..]].concat()).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let loss = |name: &str| read_csv(&dir.join("runs").join(name).join("metrics.csv"))[0]["train/loss"].parse::<f64>().unwrap();
    assert!((loss("n") - loss("m")).abs() > 1e-3 * loss("m"), "nrmse {} vs mse {}", loss("n"), loss("m"));
    let out = engine().current_dir(repo_root()).args(["config", "--config", "configs/bert-trec.toml", "--set", "train.loss=nrmse"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("train.loss"), "{stderr}");

    // The metric itself as the loss: the model is told how its normalised fields map back to
    // physical units (the normaliser's std and mean), which the relative error's denominator needs.
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "1", "--set", "train.loss=relative"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let ckpt = dir.join("runs/r/checkpoints/last");
    let norm: serde_json::Value = serde_json::from_str(&fs::read_to_string(ckpt.join("normalizer.json")).unwrap()).unwrap();
    let bytes = fs::read(ckpt.join("model.safetensors")).unwrap();
    let (_, header) = safetensors::SafeTensors::read_metadata(&bytes).unwrap();
    let data: serde_json::Value = serde_json::from_str(&header.metadata().as_ref().unwrap()["data"]).unwrap();
    assert_eq!(data["relative_loss"]["scale"], norm["std"], "{data}");
    assert_eq!(data["relative_loss"]["offset"], norm["mean"], "{data}");
    // Each epoch's loss sums the relative errors of the predicted frames: of the order of one per
    // frame for a barely trained model, nothing like the normalised MSE.
    let rel = loss("r");
    assert!(rel.is_finite() && rel > 0.0 && (rel - loss("m")).abs() > 1e-3 * loss("m"), "relative {rel} vs mse {}", loss("m"));
}

/// `train.sample_norm`: the model is told (in the checkpoint too, so `engine eval` rebuilds it the
/// same way) and trains to other figures; text tasks refuse the key.
#[test]
fn sample_norm_reaches_the_model_and_is_refused_for_text() {
    let dir = temp_dir("sample-norm");
    let loss = |name: &str| read_csv(&dir.join("runs").join(name).join("metrics.csv"))[0]["train/loss"].parse::<f64>().unwrap();
    let out = tiny_run(&dir, &["--name", "s", "--epochs", "1", "--set", "train.sample_norm=true"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let bytes = fs::read(dir.join("runs/s/checkpoints/last/model.safetensors")).unwrap();
    let (_, header) = safetensors::SafeTensors::read_metadata(&bytes).unwrap();
    let data: serde_json::Value = serde_json::from_str(&header.metadata().as_ref().unwrap()["data"]).unwrap();
    assert_eq!(data["sample_norm"], true, "{data}");
    let out = tiny_run(&dir, &["--name", "m", "--epochs", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    assert!((loss("s") - loss("m")).abs() > 1e-6 * loss("m"), "sample_norm {} vs plain {}", loss("s"), loss("m"));
    let out = engine().current_dir(repo_root()).args(["config", "--config", "configs/bert-trec.toml", "--set", "train.sample_norm=true"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("train.sample_norm"), "{stderr}");
}

#[test]
fn test_curves_and_early_stopping_on_request() {
    let dir = temp_dir("test-every");
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "5", "--set", "train.test_every=2", "--set", "train.early_stop_patience=1", "--set", "optim.lr=1e-30"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let run = dir.join("runs/r");
    let rows = read_csv(&run.join("metrics.csv"));
    let summary: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
    // With a learning rate of 1e-30 nothing moves: epoch 1 stays best, epoch 2 ends the run.
    assert_eq!(summary["status"], "stopped_early", "{stderr}");
    assert_eq!((summary["best_epoch"].as_u64(), summary["epochs"].as_u64()), (Some(1), Some(2)));
    assert_eq!(rows.len(), 2);
    for r in &rows {
        let tested = r["epoch"].parse::<u64>().unwrap() % 2 == 0;
        assert_eq!(!r["test/nrmse"].is_empty(), tested, "{r:?}");
    }
    // Raw fields on request (PDEBench's way): no statistics saved; a wrong value is one line.
    let out = tiny_run(&dir, &["--name", "raw", "--epochs", "1", "--set", "train.normalize=none"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    assert!(!run.with_file_name("raw").join("checkpoints/last/normalizer.json").exists());
    let out = tiny_run(&dir, &["--name", "bad", "--set", "train.normalize=zscore"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("train.normalize"), "{stderr}");
    // An unknown selection metric is one line naming the key.
    let out = tiny_run(&dir, &["--name", "s", "--set", "train.select_metric=val/accuracy"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    assert!(error_lines(&stderr)[0].contains("train.select_metric") && error_lines(&stderr)[0].contains("val/nrmse"), "{stderr}");
}

#[test]
fn same_seed_gives_the_same_run() {
    let dir = temp_dir("same-seed");
    for name in ["a", "b"] {
        let out = tiny_run(&dir, &["--name", name, "--epochs", "2", "--seed", "7"]).output().unwrap();
        assert!(out.status.success(), "{}", texts(&out).1);
    }
    let losses = |name: &str| -> Vec<String> { read_csv(&dir.join("runs").join(name).join("metrics.csv")).iter().map(|r| r["train/loss"].clone()).collect() };
    assert_eq!(losses("a"), losses("b"));
}

#[test]
fn an_existing_run_directory_is_not_overwritten() {
    let dir = temp_dir("exists");
    fs::create_dir_all(dir.join("runs/taken")).unwrap();
    fs::write(dir.join("runs/taken/keep.txt"), "precious").unwrap();
    let out = tiny_run(&dir, &["--name", "taken"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    assert!(error_lines(&stderr)[0].contains("already exists"), "{stderr}");
    assert_eq!(fs::read_to_string(dir.join("runs/taken/keep.txt")).unwrap(), "precious");
}

/// A scheduler that fails in epoch 2 (step 9, with 4 steps per epoch): the run stops naming the
/// plugin, exits non-zero, and epoch 2's checkpoint (the last good one) is intact.
fn failing_scheduler(mode: &str) {
    let dir = temp_dir(&format!("faulty-{mode}"));
    let faulty = fixture("fixture_faulty_scheduler");
    let out = tiny_run(
        &dir,
        &["--name", "f", "--epochs", "5", "--scheduler", faulty.to_str().unwrap(), "--set", &format!("plugins.faulty.mode={mode}"), "--set", "plugins.faulty.at_step=9"],
    )
    .env_remove("RUST_BACKTRACE")
    .output()
    .unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("scheduler plugin `faulty` failed in plan at step 9"), "{}", errors[0]);
    assert!(errors[0].contains(&format!("deliberate {mode} at step 9")), "{}", errors[0]);
    // A panic is that one line too: no panic message or backtrace note from the plugin before it
    // (unless RUST_BACKTRACE asks), and the line says where the plugin panicked.
    assert!(!stderr.contains("thread '") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
    if mode == "panic" {
        assert!(errors[0].contains("(at tests/fixtures/faulty-scheduler/src/lib.rs:") || errors[0].contains("(at src/lib.rs:"), "{}", errors[0]);
    }
    let ckpt = dir.join("runs/f/checkpoints");
    assert_eq!(fs::read_link(ckpt.join("last")).unwrap().to_str(), Some("epoch-0002"));
    let state = fs::read_to_string(ckpt.join("last/state.json")).unwrap();
    assert!(state.contains("\"global_step\": 8"), "{state}");
    let model = fs::read(ckpt.join("last/model.safetensors")).unwrap();
    assert!(model.len() > 1000);
    assert!(!fs::read_dir(&ckpt).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".partial")));
}

#[test]
fn scheduler_returning_an_error_stops_the_run_and_keeps_the_checkpoint() {
    failing_scheduler("error");
}

#[test]
fn scheduler_panicking_stops_the_run_and_keeps_the_checkpoint() {
    failing_scheduler("panic");
}

#[test]
fn unknown_key_in_a_config_file_names_key_and_file() {
    let dir = temp_dir("config-file");
    let file = dir.join("bad.toml");
    fs::write(&file, "[train]\nepochs = 2\nbatchsize = 4\n").unwrap();
    let out = tiny_run(&dir, &["--config", file.to_str().unwrap()]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr)[0];
    assert!(e.contains("unknown key `train.batchsize`") && e.contains("bad.toml"), "{e}");
}

#[test]
fn wrong_type_from_the_environment_names_key_and_variable() {
    let dir = temp_dir("config-env");
    let out = tiny_run(&dir, &[]).env("ENGINE_TRAIN__EPOCHS", "many").output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr)[0];
    assert!(e.contains("train.epochs") && e.contains("ENGINE_"), "{e}");
}

#[test]
fn unknown_plugin_key_names_key_and_source() {
    let dir = temp_dir("config-plugin");
    let out = tiny_run(&dir, &["--set", "plugins.fno2d.widht=4"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr)[0];
    assert!(e.contains("unknown key `plugins.fno2d.widht`") && e.contains("width"), "{e}");
}

/// Training 4 epochs in one go and 2 + 2 with --resume gives the same losses and learning rates
/// (weights, optimizer moments, scheduler state and counters all restored).
#[test]
fn resumed_run_matches_an_uninterrupted_one() {
    let dir = temp_dir("resume");
    let tb = ["--scheduler", "tempbalance", "--set", "plugins.fno2d.width=16", "--seed", "3"];
    let full = tiny_run(&dir, &[&["--name", "full", "--epochs", "4"][..], &tb[..]].concat()).output().unwrap();
    assert!(full.status.success(), "{}", texts(&full).1);
    let half = tiny_run(&dir, &[&["--name", "half", "--epochs", "2"][..], &tb[..]].concat()).output().unwrap();
    assert!(half.status.success(), "{}", texts(&half).1);
    let run = dir.join("runs/half");
    let resumed = engine().args(["run", "--resume", run.to_str().unwrap(), "--epochs", "4", "--progress", "plain"]).output().unwrap();
    let (stdout, stderr) = texts(&resumed);
    assert!(resumed.status.success(), "{stderr}");
    assert!(stderr.contains("resuming from"), "{stderr}");
    assert!(stdout.contains("| train/loss |"), "{stdout}");

    let cols = |name: &str, col: &str| -> Vec<String> { read_csv(&dir.join("runs").join(name).join("metrics.csv")).iter().map(|r| r[col].clone()).collect() };
    for col in ["epoch", "train/loss", "val/nrmse", "lr/fc1", "lr/blocks.0.pointwise"] {
        assert_eq!(cols("full", col), cols("half", col), "column {col}");
    }
    let steps = |name: &str| fs::read_to_string(dir.join("runs").join(name).join("metrics.jsonl")).unwrap();
    assert_eq!(steps("full"), steps("half"));
    // A finished run cannot be resumed without more epochs.
    let again = engine().args(["run", "--resume", run.to_str().unwrap()]).output().unwrap();
    assert!(!again.status.success());
    assert!(error_lines(&texts(&again).1)[0].contains("already completed 4 epochs"), "{}", texts(&again).1);
}

/// A run killed between its writes leaves its logs ahead of its last checkpoint (a row of the next
/// epoch, per-step lines, half a line) and `best` lagging behind the state it resumes from. The
/// resume cuts the logs back and repairs `best`: every log ends up identical to an uninterrupted
/// run's, and the true best checkpoint survives pruning.
#[test]
fn a_run_killed_between_its_writes_resumes_to_the_same_logs() {
    let dir = temp_dir("killed");
    let tb = ["--scheduler", "tempbalance", "--set", "plugins.fno2d.width=16", "--seed", "5"];
    for (name, epochs) in [("full", "4"), ("half", "2")] {
        let out = tiny_run(&dir, &[&["--name", name, "--epochs", epochs][..], &tb[..]].concat()).output().unwrap();
        assert!(out.status.success(), "{}", texts(&out).1);
    }
    let (full, half) = (dir.join("runs/full"), dir.join("runs/half"));
    let lines = |p: &std::path::Path| fs::read_to_string(p).unwrap().lines().map(String::from).collect::<Vec<_>>();
    let append = |p: &std::path::Path, text: &str| {
        let mut f = fs::OpenOptions::new().append(true).open(p).unwrap();
        std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
    };
    // Epoch 3's row and steps, written before a checkpoint that never came; then half a line.
    let full_csv = lines(&full.join("metrics.csv"));
    append(&half.join("metrics.csv"), &format!("{}\n", full_csv[3]));
    let half_steps = lines(&half.join("metrics.jsonl")).len();
    let full_steps = lines(&full.join("metrics.jsonl"));
    append(&half.join("metrics.jsonl"), &format!("{}\n{{\"epoch\":3,\"lr/ba", full_steps[half_steps..half_steps + 2].join("\n")));
    let full_layers = lines(&full.join("spectral/layers.csv"));
    let half_layers = lines(&half.join("spectral/layers.csv")).len();
    append(&half.join("spectral/layers.csv"), &format!("{}\n", full_layers[half_layers]));
    // `best` left on an older checkpoint while the state says epoch 2 is best.
    let ckpt = half.join("checkpoints");
    let state: serde_json::Value = serde_json::from_str(&fs::read_to_string(ckpt.join("last/state.json")).unwrap()).unwrap();
    let best_epoch = state["best_epoch"].as_u64().unwrap();
    fs::create_dir_all(ckpt.join("epoch-0000")).unwrap();
    fs::remove_file(ckpt.join("best")).unwrap();
    std::os::unix::fs::symlink("epoch-0000", ckpt.join("best")).unwrap();

    let resumed = engine().args(["run", "--resume", half.to_str().unwrap(), "--epochs", "4", "--progress", "plain"]).output().unwrap();
    assert!(resumed.status.success(), "{}", texts(&resumed).1);
    for file in ["metrics.jsonl", "spectral/layers.csv", "spectral/summary.csv"] {
        assert_eq!(lines(&half.join(file)), lines(&full.join(file)), "{file}");
    }
    let cols = |run: &std::path::Path, col: &str| -> Vec<String> { read_csv(&run.join("metrics.csv")).iter().map(|r| r[col].clone()).collect() };
    for col in ["epoch", "train/loss", "val/nrmse", "best", "lr/fc1"] {
        assert_eq!(cols(&half, col), cols(&full, col), "column {col}");
    }
    // The best checkpoint is the one the state names, and the stale one is gone.
    let summary: serde_json::Value = serde_json::from_str(&fs::read_to_string(half.join("summary.json")).unwrap()).unwrap();
    let best_now = summary["best_epoch"].as_u64().unwrap();
    assert!(best_now >= best_epoch);
    assert_eq!(fs::read_link(ckpt.join("best")).unwrap(), std::path::PathBuf::from(format!("epoch-{best_now:04}")));
    assert!(!ckpt.join("epoch-0000").exists());
}

/// TempBalance analysing every step: the analysis of the weights before step t runs beside step t
/// and applies from step t+1, so a checkpoint after a step holds an analysis no scheduler has seen.
const EVERY_STEP: [&str; 4] = ["--set", "plugins.tempbalance.interval_unit=steps", "--set", "plugins.tempbalance.interval=1"];

/// Fault injection at every write point of an epoch's end (`ENGINE_FAULT_AT`, rundir::fault_point):
/// the process dies there as under kill -9, and the resumed run ends with the logs, learning
/// rates, state.json and weights of an uninterrupted run; with analyses once per epoch and every
/// step.
#[test]
fn a_run_killed_at_each_write_point_resumes_to_the_uninterrupted_run() {
    killed_at_each_write_point("fault-points", &[]);
    killed_at_each_write_point("fault-points-steps", &EVERY_STEP);
}

fn killed_at_each_write_point(name: &str, cadence: &[&str]) {
    use std::os::unix::process::ExitStatusExt;
    let dir = temp_dir(name);
    let args = [&["--epochs", "4", "--scheduler", "tempbalance", "--set", "plugins.fno2d.width=16", "--seed", "3"][..], cadence].concat();
    let full = tiny_run(&dir, &[&["--name", "full"][..], &args[..]].concat()).output().unwrap();
    assert!(full.status.success(), "{}", texts(&full).1);
    let full_run = dir.join("runs/full");
    let lines = |p: &std::path::Path| fs::read_to_string(p).unwrap().lines().map(String::from).collect::<Vec<_>>();
    // Every epoch passes these points; epoch 1 is always the best so far, so `best-moved` is hit
    // there for sure.
    for (point, hit) in [("epoch-row", 3), ("checkpoint-written", 3), ("checkpoint-renamed", 3), ("last-moved", 3), ("best-moved", 1), ("pruned", 3)] {
        let name = format!("cut-{point}");
        let run = dir.join("runs").join(&name);
        let out = tiny_run(&dir, &[&["--name", name.as_str()][..], &args[..]].concat()).env("ENGINE_FAULT_AT", format!("{point}:{hit}")).output().unwrap();
        assert_eq!(out.status.signal(), Some(6), "{point}: the run was not cut there: {}", texts(&out).1);
        let resumed = engine().args(["run", "--resume", run.to_str().unwrap(), "--progress", "plain"]).output().unwrap();
        assert!(resumed.status.success(), "{point}: {}", texts(&resumed).1);
        for file in ["metrics.jsonl", "spectral/layers.csv", "spectral/summary.csv"] {
            assert_eq!(lines(&run.join(file)), lines(&full_run.join(file)), "{point}: {file}");
        }
        let cols = |r: &std::path::Path, col: &str| -> Vec<String> { read_csv(&r.join("metrics.csv")).iter().map(|row| row[col].clone()).collect() };
        for col in ["epoch", "step", "train/loss", "val/nrmse", "best", "lr/fc1"] {
            assert_eq!(cols(&run, col), cols(&full_run, col), "{point}: column {col}");
        }
        for file in ["state.json", "model.safetensors", "optimizer.safetensors"] {
            let bytes = |r: &std::path::Path| fs::read(r.join("checkpoints/last").join(file)).unwrap();
            assert!(bytes(&run) == bytes(&full_run), "{point}: {file} differs");
        }
        assert_eq!(fs::read_link(run.join("checkpoints/best")).unwrap(), fs::read_link(full_run.join("checkpoints/best")).unwrap(), "{point}");
        let left: Vec<_> = fs::read_dir(run.join("checkpoints")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).filter(|n| n.ends_with(".partial") || n.starts_with('.')).collect();
        assert!(left.is_empty(), "{point}: left behind {left:?}");
    }
}

/// Sends `signal` to a run once its step log shows the first epoch, and waits for it.
fn interrupt_after_first_epoch(cmd: &mut std::process::Command, run: &std::path::Path, signal: &str) -> std::process::Output {
    let child = cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let started = std::time::Instant::now();
    while fs::read_to_string(run.join("metrics.jsonl")).map(|t| t.lines().count()).unwrap_or(0) < 4 {
        assert!(started.elapsed().as_secs() < 120, "the run never logged its first epoch");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let status = std::process::Command::new("kill").args(["-s", signal, &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    child.wait_with_output().unwrap()
}

/// SIGINT and SIGTERM finish the step, write a checkpoint in the middle of the epoch, print one
/// line with the resume command and exit 130 / 143; the resumed run's logs, learning rates and
/// summary equal an uninterrupted run's; with analyses once per epoch and every step.
#[test]
fn signals_checkpoint_mid_epoch_and_the_resume_is_exact() {
    signals_and_exact_resume("signals", &[]);
    signals_and_exact_resume("signals-steps", &EVERY_STEP);
}

fn signals_and_exact_resume(name: &str, cadence: &[&str]) {
    let dir = temp_dir(name);
    let args = [&["--epochs", "40", "--scheduler", "tempbalance", "--set", "plugins.fno2d.width=16", "--seed", "2"][..], cadence].concat();
    let full = tiny_run(&dir, &[&["--name", "full"][..], &args[..]].concat()).output().unwrap();
    assert!(full.status.success(), "{}", texts(&full).1);
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let name = format!("cut-{signal}");
        let run = dir.join("runs").join(&name);
        let out = interrupt_after_first_epoch(&mut tiny_run(&dir, &[&["--name", name.as_str()][..], &args[..]].concat()), &run, signal);
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(code), "{stderr}");
        let last_line = stderr.lines().last().unwrap();
        assert!(last_line.starts_with(&format!("interrupted: SIG{signal} after step ")), "{stderr}");
        assert!(last_line.ends_with(&format!("continue with: engine run --resume {}", run.display())), "{stderr}");
        let last = fs::read_link(run.join("checkpoints/last")).unwrap();
        assert!(last.to_string_lossy().contains("-step-"), "{last:?}");
        let resumed = engine().args(["run", "--resume", run.to_str().unwrap(), "--progress", "plain"]).output().unwrap();
        assert!(resumed.status.success(), "{}", texts(&resumed).1);
        let text = |run: &std::path::Path, f: &str| fs::read_to_string(run.join(f)).unwrap();
        let full_run = dir.join("runs/full");
        assert_eq!(text(&run, "metrics.jsonl"), text(&full_run, "metrics.jsonl"), "SIG{signal}");
        assert_eq!(text(&run, "spectral/layers.csv"), text(&full_run, "spectral/layers.csv"), "SIG{signal}");
        let cols = |r: &std::path::Path, col: &str| -> Vec<String> { read_csv(&r.join("metrics.csv")).iter().map(|x| x[col].clone()).collect() };
        for col in ["epoch", "step", "train/loss", "val/nrmse", "best", "lr/fc1"] {
            assert_eq!(cols(&run, col), cols(&full_run, col), "SIG{signal} column {col}");
        }
        let best = |r: &std::path::Path| -> serde_json::Value { serde_json::from_str::<serde_json::Value>(&text(r, "summary.json")).unwrap()["best"].clone() };
        assert_eq!(best(&run), best(&full_run), "SIG{signal}");
        // The last checkpoint is the same bytes: state (timings live in timing.json) and weights.
        for file in ["state.json", "model.safetensors", "optimizer.safetensors"] {
            let bytes = |r: &std::path::Path| fs::read(r.join("checkpoints/last").join(file)).unwrap();
            assert!(bytes(&run) == bytes(&full_run), "SIG{signal}: {file} differs");
        }
    }
}

/// A diverging run (the base rate jumps by 1e12 after the first epoch) stops at the first
/// non-finite loss with a one-line error, exit code 1, and epoch 1's checkpoint intact.
#[test]
fn non_finite_loss_stops_the_run_and_keeps_the_last_good_checkpoint() {
    let dir = temp_dir("nan");
    let out = tiny_run(
        &dir,
        &["--name", "nan", "--epochs", "4", "--set", "schedule.kind=step", "--set", "schedule.step_size=1", "--set", "schedule.gamma=1e12"],
    )
    .output()
    .unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    // It names the model, the step, where the non-finite values are, and what to try.
    for part in ["model plugin `fno2d` at step ", ": non-finite loss (loss = NaN; every weight is finite)", "(epoch 2)", "optim.lr (now 0.003)", "train.on_nonfinite", "the last good checkpoint is"] {
        assert!(errors[0].contains(part), "{part}: {}", errors[0]);
    }
    let ckpt = dir.join("runs/nan/checkpoints");
    let last = fs::read_link(ckpt.join("last")).unwrap();
    assert!(last.to_str().unwrap().starts_with("epoch-000"), "{last:?}");
    let state = fs::read_to_string(ckpt.join("last/state.json")).unwrap();
    assert!(state.contains("\"selection_value\""), "{state}");
    let rows = read_csv(&dir.join("runs/nan/metrics.csv"));
    assert!(rows.iter().all(|r| r["train/loss"].parse::<f64>().unwrap().is_finite()));
}

/// `train.on_nonfinite = "skip"`: a step with a non-finite loss changes nothing and the run goes
/// on (logged per step and per epoch); `skip_limit` such steps in a row end it as "stop" would,
/// and so does an epoch that ends inside such a run of steps with a non-finite validation score
/// (its diverged weights never become a checkpoint).
#[test]
fn non_finite_steps_are_skipped_on_request_up_to_the_limit() {
    let dir = temp_dir("nan-skip");
    // From epoch 2 the rate is 1e12 times larger: its first step blows the weights up (finite),
    // every later step of the epoch is non-finite and skipped.
    let diverge = ["--set", "schedule.kind=step", "--set", "schedule.step_size=1", "--set", "schedule.gamma=1e12", "--set", "train.on_nonfinite=skip"];
    let out = tiny_run(&dir, &[&["--name", "skip", "--epochs", "2", "--set", "train.skip_limit=1000"][..], &diverge[..]].concat()).output().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let run = dir.join("runs/skip");
    let lines: Vec<serde_json::Value> = fs::read_to_string(run.join("metrics.jsonl")).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let skipped: Vec<_> = lines.iter().filter(|l| l.get("skipped").is_some()).collect();
    assert!(!skipped.is_empty() && skipped.iter().all(|l| l["epoch"] == 2 && l.get("train/loss").is_none()), "{lines:?}");
    assert!(skipped[0]["skipped"].as_str().unwrap().contains("non-finite"), "{:?}", skipped[0]);
    assert!(stderr.contains(&format!("epoch 2: {} of", skipped.len())), "{stderr}");
    let errors = error_lines(&stderr);
    assert!(errors.len() == 1 && errors[0].contains(&format!("epoch 2 ended after {} skipped non-finite step(s) in a row", skipped.len())) && errors[0].contains("not checkpointed"), "{stderr}");
    // The last checkpoint is still epoch 1's.
    let last = fs::read_link(run.join("checkpoints/last")).unwrap();
    assert_eq!(last.to_str().unwrap(), "epoch-0001", "{last:?}");

    let out = tiny_run(&dir, &[&["--name", "limit", "--epochs", "3", "--set", "train.skip_limit=2"][..], &diverge[..]].concat()).output().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert_eq!(errors[0].matches("training stopped").count(), 1, "{}", errors[0]);
    assert!(errors[0].contains("2 non-finite steps in a row, the last: model plugin `fno2d`") && !errors[0].contains("to skip such batches"), "{}", errors[0]);
    let out = tiny_run(&dir, &["--name", "bad", "--set", "train.on_nonfinite=ignore"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("train.on_nonfinite"), "{stderr}");
}

/// Presets by name from any directory, `engine config --list`, `engine config` failing on an
/// unknown plugin as `engine run` does and showing only the task's data section; a run that fails
/// before its first checkpoint leaves no directory behind, so its name can be used again.
#[test]
fn presets_by_name_config_checks_and_no_empty_run_left_behind() {
    let dir = temp_dir("presets");
    let out = engine().current_dir(&dir).args(["config", "--list"]).output().unwrap();
    let (stdout, _) = texts(&out);
    assert!(out.status.success() && stdout.lines().any(|l| l.starts_with("fno2d-cfd-2d ")), "{stdout}");
    let out = engine().current_dir(&dir).args(["config", "--config", "fno2d-cfd-2d"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("dataset = \"cfd-2d\"") && !stdout.contains("[text]"), "{stdout}");
    let out = engine().current_dir(&dir).args(["config", "--config", "bert-trec"]).output().unwrap();
    let (stdout, _) = texts(&out);
    assert!(stdout.contains("[text]") && !stdout.contains("[data]"), "{stdout}");
    let out = engine().current_dir(&dir).args(["config", "--scheduler", "tempbalanse"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("no scheduler plugin named `tempbalanse`"), "{stderr}");

    // A base rate of 1e30 diverges at the first step: no checkpoint, so no run directory.
    for _ in 0..2 {
        let out = tiny_run(&dir, &["--name", "again", "--set", "optim.lr=1e30"]).output().unwrap();
        let (_, stderr) = texts(&out);
        assert!(!out.status.success());
        assert!(error_lines(&stderr)[0].contains("run directory was removed"), "{stderr}");
        assert!(!dir.join("runs/again").exists());
    }
    // Learning curves and readable numbers on the epoch lines.
    let out = tiny_run(&dir, &["--name", "ok", "--epochs", "2"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(&fs::read(dir.join("runs/ok/plots/curves.png")).unwrap()[1..4], b"PNG");
    let line = stdout.lines().find(|l| l.starts_with("epoch    1/2")).unwrap();
    assert!(line.contains("train/loss ") && line.contains("e+00") || line.contains("e-0"), "{line}");
}

/// A resume refuses a changed data or model configuration (naming the keys) unless
/// --force-config, and a state.json whose counters disagree (a global step near u64::MAX).
#[test]
fn resume_refuses_changed_settings_and_inconsistent_state() {
    let dir = temp_dir("resume-guard");
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let run = dir.join("runs/r");
    let resume = |extra: &[&str]| engine().args(["run", "--resume", run.to_str().unwrap(), "--epochs", "2", "--progress", "plain"]).args(extra).output().unwrap();
    let out = resume(&["--set", "data.num_samples=30", "--set", "optim.lr=0.1"]);
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr)[0];
    assert!(e.contains("data.num_samples (24 -> 30)") && e.contains("optim.lr") && e.contains("--force-config"), "{e}");
    // More epochs and another thread count are fine.
    let state_path = run.join("checkpoints/last/state.json");
    let state = fs::read_to_string(&state_path).unwrap();
    fs::write(&state_path, state.replace(&format!("\"global_step\": {}", 4), "\"global_step\": 18446744073709551615")).unwrap();
    // (As a checkpoint from before checksums: the checksum would catch the edit first.)
    let sums = run.join("checkpoints/last/checksums.json");
    let sums_text = fs::read_to_string(&sums).unwrap();
    fs::remove_file(&sums).unwrap();
    let out = resume(&["--set", "train.threads=1"]);
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    assert!(error_lines(&stderr)[0].contains("do not agree"), "{stderr}");
    fs::write(&state_path, state).unwrap();
    fs::write(&sums, sums_text).unwrap();
    let out = resume(&["--set", "optim.lr=0.1", "--force-config"]);
    assert!(out.status.success(), "{}", texts(&out).1);
}

/// Sizes that cannot fit are refused in one line before anything is allocated, and a thread count
/// above the machine's cores is capped with a warning.
#[test]
fn huge_sizes_are_one_line_and_threads_are_capped() {
    let dir = temp_dir("huge");
    for set in ["data.num_samples=1000000000", "data.resolution=100000"] {
        let out = engine().arg("run").arg("--runs").arg(dir.join("runs")).args(["--set", set]).output().unwrap();
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{set}: {stderr}");
        let lines = error_lines(&stderr);
        assert!(lines.len() == 1 && lines[0].contains("of memory") && lines[0].contains("available"), "{set}: {stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("memory allocation"), "{stderr}");
    }
    let out = tiny_run(&dir, &["--name", "t", "--epochs", "1", "--set", "train.threads=5000"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("train.threads = 5000 is more than the"), "{stderr}");
}

/// Every checkpoint carries checksums.json; a flipped bit in its weights is one line naming the
/// file, on resume and on analyze, before anything loads.
#[test]
fn a_corrupt_checkpoint_file_is_named_on_resume_and_analyze() {
    let dir = temp_dir("checksum");
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let last = dir.join("runs/r/checkpoints/last");
    let sums: serde_json::Value = serde_json::from_str(&fs::read_to_string(last.join("checksums.json")).unwrap()).unwrap();
    assert!(sums["model.safetensors"].as_str().is_some_and(|s| s.len() == 64) && sums.get("state.json").is_some(), "{sums}");
    let weights = last.join("model.safetensors");
    let mut bytes = fs::read(&weights).unwrap();
    let n = bytes.len();
    bytes[n - 3] ^= 0x10;
    fs::write(&weights, bytes).unwrap();
    let out = engine().args(["run", "--resume", dir.join("runs/r").to_str().unwrap(), "--epochs", "2"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let lines = error_lines(&stderr);
    assert!(lines.len() == 1 && lines[0].contains("model.safetensors: checksum mismatch"), "{stderr}");
    let out = engine().args(["analyze", last.to_str().unwrap()]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("checksum mismatch"), "{stderr}");
}

/// `engine eval` scores the best checkpoint exactly as the run's summary did (test and
/// validation), from the run directory or the checkpoint directory, and writes the figures.
#[test]
fn eval_reproduces_the_summary_of_the_best_checkpoint() {
    let dir = temp_dir("eval");
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "3"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let run = dir.join("runs/r");
    let summary: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
    for (target, split) in [(run.clone(), "test"), (run.join("checkpoints/best"), "val")] {
        let out = engine().current_dir(&dir).args(["eval", target.to_str().unwrap(), "--split", split]).output().unwrap();
        let (stdout, stderr) = texts(&out);
        assert!(out.status.success(), "{stderr}");
        assert!(stdout.contains(&format!("| {split}/nrmse |")) && stdout.contains("baseline persistence/nrmse"), "{stdout}");
        let written: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join(format!("eval-{split}.json"))).unwrap()).unwrap();
        let key = format!("{split}/nrmse");
        assert!(close(written["metrics"][&key].as_f64().unwrap(), summary["best"][&key].as_f64().unwrap(), 1e-9), "{written} vs {}", summary["best"]);
    }
    let out = engine().args(["eval", dir.to_str().unwrap()]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("neither a run directory"), "{stderr}");

    // --save-predictions: the rollouts as a PDEBench file (diffusion-reaction: a group per
    // sample, data [T, X, Y, 2]) that h5py opens; the test scores are unchanged.
    let pred = dir.join("pred.h5");
    let out = engine().current_dir(&dir).args(["eval", run.to_str().unwrap(), "--save-predictions", pred.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let written: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("eval-test.json")).unwrap()).unwrap();
    assert!(close(written["metrics"]["test/nrmse"].as_f64().unwrap(), summary["best"]["test/nrmse"].as_f64().unwrap(), 1e-9));
    let script = r#"
import h5py, json, sys, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    groups = sorted(f.keys())
    shapes = [list(f[g]["data"].shape) for g in groups]
    finite = all(bool(np.isfinite(f[g]["data"][()]).all()) for g in groups)
print(json.dumps({"groups": len(groups), "shapes": shapes, "finite": finite}))
"#;
    let seen: serde_json::Value = serde_json::from_str(&python_with_assets(script, &[&pred])).unwrap();
    let n_test = summary["data"]["test"].as_u64().unwrap();
    assert_eq!(seen["groups"].as_u64(), Some(n_test), "{seen}");
    assert_eq!(seen["shapes"][0], serde_json::json!([8, 16, 16, 2]), "{seen}");
    assert_eq!(seen["finite"], true);
}

/// The TensorBoard event files parse with a stock TensorBoard (its own event reader), and hold
/// the same per-step losses and learning rates as metrics.jsonl, the per-epoch validation figures,
/// and each analysed layer's alpha.
#[test]
fn tensorboard_reads_the_event_files() {
    let dir = temp_dir("tensorboard");
    let out = tiny_run(&dir, &["--name", "r", "--epochs", "2", "--scheduler", "tempbalance", "--set", "plugins.fno2d.width=16"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let run = dir.join("runs/r");
    let script = r#"
import json, math, sys
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
acc = EventAccumulator(sys.argv[1], size_guidance={"scalars": 0})
acc.Reload()
tags = acc.Tags()["scalars"]
print(json.dumps({t: [[e.step, e.value if math.isfinite(e.value) else None] for e in acc.Scalars(t)] for t in tags}))
"#;
    let scalars: serde_json::Value = serde_json::from_str(&python_with_assets(script, &[&run.join("tensorboard")])).unwrap();
    let steps = read_jsonl(&run.join("metrics.jsonl"));
    let loss = scalars["train/loss"].as_array().unwrap();
    assert_eq!(loss.len(), steps.len());
    for (e, line) in loss.iter().zip(&steps) {
        assert_eq!(e[0].as_u64(), line["step"].as_u64());
        assert!(close(e[1].as_f64().unwrap(), num(line, "train/loss"), 1e-6), "{e} vs {line}");
    }
    assert_eq!(scalars["lr/fc1"].as_array().unwrap().len(), steps.len());
    assert_eq!(scalars["val/nrmse"].as_array().unwrap().len(), 2);
    assert!(scalars.as_object().unwrap().keys().any(|k| k.starts_with("alpha/blocks.0")), "{:?}", scalars.as_object().unwrap().keys().collect::<Vec<_>>());
}
