//! The baseline scheduler plugins and the third-party scheduler SDK, through the `engine` binary:
//! the out-of-tree template built on its own and loaded by path and by name, layerwise-decay and
//! sam on fno2d, and stacked schedulers. Learning rates are checked step by step in metrics.jsonl
//! against each plugin's formula.

use engine_e2e::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BLOCKS: u32 = 4;

/// Every fno2d parameter group with its block, if any.
fn fno_groups() -> Vec<(String, Option<u32>)> {
    let mut groups = vec![("fc0".to_string(), None)];
    for b in 0..BLOCKS {
        groups.push((format!("blocks.{b}.spectral"), Some(b)));
        groups.push((format!("blocks.{b}.pointwise"), Some(b)));
    }
    groups.push(("fc1".to_string(), None));
    groups.push(("fc2".to_string(), None));
    groups
}

/// Runs a tiny training and returns its per-step log; panics with stderr on failure.
fn run(dir: &Path, name: &str, args: &[&str]) -> Vec<Value> {
    let out = tiny_run(dir, &[&["--name", name], args].concat()).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "run {name} failed:\n{stderr}");
    let lines = read_jsonl(&dir.join("runs").join(name).join("metrics.jsonl"));
    assert!(!lines.is_empty());
    lines
}

/// Checks `lr/<group> = lr/base * multiplier(group, step)` on every logged step.
fn assert_rates(lines: &[Value], multiplier: impl Fn(&str, Option<u32>, u64) -> f64) {
    for line in lines {
        let base = num(line, "lr/base");
        let step = num(line, "step") as u64;
        for (group, block) in fno_groups() {
            let lr = num(line, &format!("lr/{group}"));
            let expected = base * multiplier(&group, block, step);
            assert!(close(lr, expected, 1e-12), "step {step}: lr/{group} = {lr}, expected {expected} (base {base})");
        }
    }
}

/// A varying base schedule (warmup, then cosine per step), so that the checks see the scheduler
/// multiply eta_t rather than a constant.
const VARYING_BASE: &[&str] = &["--set", "schedule.kind=cosine", "--set", "schedule.interval=step", "--set", "schedule.warmup_steps=2"];

fn distinct_bases(lines: &[Value]) -> usize {
    let mut bases: Vec<f64> = lines.iter().map(|l| num(l, "lr/base")).collect();
    bases.dedup();
    bases.len()
}

// ---- the out-of-tree template ---------------------------------------------------------------

/// Builds examples/scheduler-template on its own (it is not a workspace member) into a target
/// directory under the system temp dir, as a plugin author would, and returns the library.
fn build_template() -> PathBuf {
    let manifest = repo_root().join("examples/scheduler-template/Cargo.toml");
    // Kept between test runs so that a rerun is incremental; nothing else writes there.
    let target = std::env::temp_dir().join("engine-e2e-scheduler-template-target");
    let out = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("run cargo");
    assert!(out.status.success(), "building the template failed:\n{}", texts(&out).1);
    let lib = target.join("release").join(format!("{}engine_scheduler_warm_layers{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX));
    assert!(lib.is_file(), "{} missing", lib.display());
    // It really was built outside the workspace's target directory.
    assert!(!lib.starts_with(target_dir()));
    lib
}

/// The template's rule for the configuration the test writes: fc0 at 0.5x, block 3 at 2x, each
/// ramped in linearly from 1x over `ramp` steps from step 0.
fn warm_layers_rule(group: &str, step: u64, ramp: u64) -> f64 {
    let scale = if group == "fc0" {
        0.5
    } else if group.starts_with("blocks.3.") {
        2.0
    } else {
        1.0
    };
    1.0 + (scale - 1.0) * (step as f64 / ramp as f64).min(1.0)
}

#[test]
fn out_of_tree_template_builds_and_its_rates_follow_its_rule() {
    let lib = build_template();
    let dir = temp_dir("template");

    // describe by path shows its name and default configuration.
    let out = engine().args(["plugins", "describe"]).arg(&lib).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("# warm-layers (scheduler plugin") && stdout.contains("ramp_steps = 0"), "{stdout}");

    // Loaded by path, configured from a file: fc0 at 0.5x and block 3 at 2x, ramped in over 4 steps.
    let config = dir.join("warm.toml");
    std::fs::write(&config, "[plugins.warm-layers]\nramp_steps = 4\n\n[plugins.warm-layers.scales]\nfc0 = 0.5\n\"blocks.3\" = 2.0\n").unwrap();
    let lines = run(&dir, "by-path", &[&["--epochs", "3", "--config", config.to_str().unwrap(), "--scheduler", lib.to_str().unwrap()], VARYING_BASE].concat());
    assert_eq!(lines.len(), 12);
    assert!(distinct_bases(&lines) > 3);
    assert_rates(&lines, |group, _, step| warm_layers_rule(group, step, 4));
    // The per-epoch CSV logs the last step's rates.
    let rows = read_csv(&dir.join("runs/by-path/metrics.csv"));
    let last = rows.last().unwrap();
    let base: f64 = last["lr/base"].parse().unwrap();
    assert!(close(last["lr/fc0"].parse().unwrap(), base * 0.5, 1e-6), "{last:?}");
    assert!(close(last["lr/blocks.3.spectral"].parse().unwrap(), base * 2.0, 1e-6), "{last:?}");
    assert!(close(last["lr/fc1"].parse().unwrap(), base, 1e-6), "{last:?}");
    // Its state went into the checkpoint.
    let state = std::fs::read_to_string(dir.join("runs/by-path/checkpoints/last/state.json")).unwrap();
    assert!(state.contains("warm-layers") && state.contains(r#"{\"start_step\":0}"#), "{state}");

    // Resumed from a checkpoint taken mid-ramp (ramp 8 steps, 4 steps per epoch), the ramp goes
    // on where it was: the scheduler's state crossed the checkpoint. A scheduler that lost it
    // would restart the ramp at step 4.
    let lines = run(&dir, "resumed", &["--epochs", "1", "--config", config.to_str().unwrap(), "--scheduler", lib.to_str().unwrap(), "--set", "plugins.warm-layers.ramp_steps=8"]);
    assert_eq!(lines.len(), 4);
    let out = engine().args(["run", "--progress", "plain", "--epochs", "3", "--resume"]).arg(dir.join("runs/resumed")).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let lines = read_jsonl(&dir.join("runs/resumed/metrics.jsonl"));
    assert_eq!(lines.len(), 12);
    assert_rates(&lines, |group, _, step| warm_layers_rule(group, step, 8));

    // Loaded by name from --plugin-dir, configured with --set.
    let plugin_dir = lib.parent().unwrap().to_str().unwrap().to_string();
    let lines = run(&dir, "by-name", &["--epochs", "1", "--plugin-dir", &plugin_dir, "--scheduler", "warm-layers", "--set", "plugins.warm-layers.scales.fc1=3.0"]);
    assert_rates(&lines, |group, _, _| if group == "fc1" { 3.0 } else { 1.0 });

    // A bad value is refused in one line naming the plugin and the key.
    let out = tiny_run(&dir, &["--plugin-dir", &plugin_dir, "--scheduler", "warm-layers", "--set", "plugins.warm-layers.ramp_steps=-1"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr);
    assert!(e.len() == 1 && e[0].contains("`warm-layers`") && e[0].contains("`ramp_steps = -1`"), "{stderr}");
}

// ---- layerwise-decay --------------------------------------------------------------------------

#[test]
fn layerwise_decay_on_fno2d_follows_the_formula() {
    let dir = temp_dir("layerwise-decay");
    // Defaults: xi = 0.9, L = 4 blocks, block b at xi^(L-1-b), fc0/fc1/fc2 (no block) keep the rate.
    let lines = run(&dir, "default", &[&["--epochs", "2", "--scheduler", "layerwise-decay"], VARYING_BASE].concat());
    assert_eq!(lines.len(), 8);
    assert!(distinct_bases(&lines) > 3);
    assert_rates(&lines, |_, block, _| block.map_or(1.0, |b| 0.9f64.powi((BLOCKS - 1 - b) as i32)));

    // Configured: xi = 0.5, L = 5, and the block-less groups at the bottom (xi^L).
    let lines = run(
        &dir,
        "configured",
        &[
            "--epochs", "1", "--scheduler", "layerwise-decay",
            "--set", "plugins.layerwise-decay.xi=0.5",
            "--set", "plugins.layerwise-decay.num_blocks=5",
            "--set", "plugins.layerwise-decay.unblocked=bottom",
        ],
    );
    assert_rates(&lines, |_, block, _| block.map_or(0.5f64.powi(5), |b| 0.5f64.powi((5 - 1 - b) as i32)));

    // A bad value: one line naming the plugin and the key.
    let out = tiny_run(&dir, &["--scheduler", "layerwise-decay", "--set", "plugins.layerwise-decay.xi=1.5"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr);
    assert!(e.len() == 1 && e[0].contains("`layerwise-decay`") && e[0].contains("`xi` is 1.5"), "{stderr}");
}

// ---- sam ----------------------------------------------------------------------------------------

/// (loss, grad_norm) of each step.
fn losses(lines: &[Value]) -> Vec<(f64, f64)> {
    lines.iter().map(|l| (num(l, "train/loss"), num(l, "train/grad_norm"))).collect()
}

#[test]
fn sam_on_fno2d_keeps_the_rates_and_changes_the_gradient() {
    let dir = temp_dir("sam");
    let seed = ["--seed", "11", "--epochs", "1"];
    let plain = run(&dir, "plain", &[&seed[..], &["--scheduler", "constant-lr"]].concat());
    let sam = run(&dir, "sam", &[&seed[..], &["--scheduler", "sam"]].concat());
    let asam = run(&dir, "asam", &[&seed[..], &["--scheduler", "sam", "--set", "plugins.sam.adaptive=true", "--set", "plugins.sam.rho=0.5"]].concat());
    for lines in [&sam, &asam] {
        assert_rates(lines, |_, _, _| 1.0);
    }
    let (plain, sam, asam) = (losses(&plain), losses(&sam), losses(&asam));
    // Same weights and batch at step 0: the same loss (taken before the update)...
    assert_eq!(plain[0].0, sam[0].0);
    assert_eq!(plain[0].0, asam[0].0);
    // ...but SAM's update gradient is taken at the perturbed weights w + e.
    assert_ne!(plain[0].1, sam[0].1);
    assert_ne!(sam[0].1, asam[0].1);
    // And the runs part from step 1 on.
    assert_ne!(plain[1].0, sam[1].0);

    // A bad value: one line naming the plugin and the key.
    let out = tiny_run(&dir, &["--scheduler", "sam", "--set", "plugins.sam.rho=0"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr);
    assert!(e.len() == 1 && e[0].contains("`sam`") && e[0].contains("`rho` is 0"), "{stderr}");
}

// ---- stacking -------------------------------------------------------------------------------------

#[test]
fn stacked_schedulers_compose() {
    let dir = temp_dir("stacked");
    let seed = ["--seed", "5", "--epochs", "2"];
    let sam = run(&dir, "sam", &[&seed[..], &["--scheduler", "sam"]].concat());
    let const_sam = run(&dir, "constant-lr+sam", &[&seed[..], &["--scheduler", "constant-lr+sam"]].concat());
    let decay = run(&dir, "layerwise-decay", &[&seed[..], &["--scheduler", "layerwise-decay"]].concat());
    let decay_sam = run(&dir, "layerwise-decay+sam", &[&seed[..], &["--scheduler", "layerwise-decay+sam"]].concat());

    // constant-lr+sam is sam: the same rates, the same training.
    assert_rates(&const_sam, |_, _, _| 1.0);
    assert_eq!(losses(&const_sam), losses(&sam));

    // layerwise-decay+sam: layerwise-decay's rates...
    let decayed = |_: &str, block: Option<u32>, _: u64| block.map_or(1.0, |b| 0.9f64.powi((BLOCKS - 1 - b) as i32));
    assert_rates(&decay_sam, decayed);
    assert_rates(&decay, decayed);
    // ...with SAM's gradient: at step 0 (same weights, same batch) it is sam's, not plain decay's.
    let (sam, decay, decay_sam) = (losses(&sam), losses(&decay), losses(&decay_sam));
    assert_eq!(decay_sam[0], sam[0]);
    assert_eq!(decay_sam[0].0, decay[0].0);
    assert_ne!(decay_sam[0].1, decay[0].1);
    // The different rates then make it a different run from sam alone.
    assert_ne!(decay_sam[1].0, sam[1].0);
}
