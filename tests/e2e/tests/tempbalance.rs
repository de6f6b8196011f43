//! `engine run --scheduler tempbalance`: spectral files and plots are written, and the learning
//! rates differ per layer exactly as the sigmoid rule says, recomputed here from the alphas the
//! run logged.

use engine_e2e::*;
use std::collections::HashMap;

#[test]
fn tempbalance_run_balances_learning_rates_by_the_sigmoid_rule() {
    let dir = temp_dir("tempbalance");
    // Width 16 so the pointwise convs and fc1 have >= min_eigs = 12 eigenvalues; fc0 (10 inputs)
    // and fc2 (2 outputs) have fewer and stay at eta_t, as do the spectral weights (kind).
    let out = tiny_run(
        &dir,
        &["--name", "tb", "--epochs", "3", "--scheduler", "tempbalance", "--set", "plugins.fno2d.width=16", "--set", "plugins.tempbalance.s_min=0.5"],
    )
    .output()
    .unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let run = dir.join("runs/tb");
    for f in ["spectral/layers.csv", "spectral/summary.csv", "plots/alpha.png", "plots/lr.png"] {
        assert!(std::fs::metadata(run.join(f)).map(|m| m.len() > 100).unwrap_or(false), "{f} missing or empty");
    }
    let rows = read_csv(&run.join("spectral/layers.csv"));
    let summary = read_csv(&run.join("spectral/summary.csv"));
    assert_eq!(summary.len(), 3, "one analysis per epoch");
    let (s_min, s_max, tau) = (0.5, 1.0, 10.0);
    let mut balanced_seen = 0;
    for analysis in &summary {
        let step = &analysis["step"];
        let layers: Vec<&HashMap<String, String>> = rows.iter().filter(|r| &r["step"] == step).collect();
        let eligible: Vec<&&HashMap<String, String>> = layers
            .iter()
            .filter(|r| ["linear", "conv2d"].contains(&r["kind"].as_str()) && r["status"] == "used" && r["num_eigs"].parse::<u64>().unwrap() >= 12)
            .collect();
        let names: Vec<&str> = eligible.iter().map(|r| r["layer"].as_str()).collect();
        assert_eq!(names, ["blocks.0.pointwise", "blocks.1.pointwise", "blocks.2.pointwise", "blocks.3.pointwise", "fc1"]);
        let alpha = |r: &HashMap<String, String>| r["alpha"].parse::<f64>().unwrap();
        let mean = eligible.iter().map(|r| alpha(r)).sum::<f64>() / eligible.len() as f64;
        for r in &layers {
            let multiplier: f64 = r["lr_multiplier"].parse().unwrap();
            let expected = if names.contains(&r["layer"].as_str()) {
                let d = alpha(r) - mean;
                let s = if d > 0.0 { s_max } else { s_min };
                10f64.powf(s * (1.0 / (1.0 + (-tau * d).exp()) - 0.5))
            } else {
                1.0
            };
            assert!((multiplier - expected).abs() < 1e-5 * expected, "{} at step {step}: {multiplier} vs {expected}", r["layer"]);
            if expected != 1.0 {
                balanced_seen += 1;
            }
        }
    }
    assert!(balanced_seen >= 10, "learning rates did not differ per layer");
    // The per-step log applies the multipliers on top of eta_t at every step.
    let steps = std::fs::read_to_string(run.join("metrics.jsonl")).unwrap();
    let last: serde_json::Value = serde_json::from_str(steps.lines().last().unwrap()).unwrap();
    let base = last["lr/base"].as_f64().unwrap();
    assert_eq!(last["lr/fc0"].as_f64().unwrap(), base);
    assert_ne!(last["lr/fc1"].as_f64().unwrap(), base);
}

/// On a step cadence the analysis of the weights before step t applies from step t+1 by default
/// (`train.step_analysis = "next-step"`, the reference's NLP trainer): step 0 runs at eta_t, step 1
/// gets exactly the rates that `same-step` gives step 0 (both analyse the initial weights), each
/// analysis is logged with the rates it set, and the last step's weights are not analysed.
#[test]
fn a_step_cadence_analysis_applies_from_the_next_step() {
    let dir = temp_dir("tempbalance-next-step");
    let every_step = ["--set", "plugins.tempbalance.interval_unit=steps", "--set", "plugins.tempbalance.interval=1"];
    for mode in ["next-step", "same-step"] {
        let args = ["--name", mode, "--epochs", "2", "--scheduler", "tempbalance", "--set", "plugins.fno2d.width=16", "--set", &format!("train.step_analysis={mode}")];
        let out = tiny_run(&dir, &[&args[..], &every_step[..]].concat()).output().unwrap();
        assert!(out.status.success(), "{}", texts(&out).1);
    }
    let steps = |mode: &str| -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(dir.join("runs").join(mode).join("metrics.jsonl")).unwrap();
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let (next, same) = (steps("next-step"), steps("same-step"));
    let rate = |row: &serde_json::Value, group: &str| row[format!("lr/{group}")].as_f64().unwrap();
    let base = |row: &serde_json::Value| row["lr/base"].as_f64().unwrap();
    let multiplier = |row: &serde_json::Value| rate(row, "blocks.0.pointwise") / base(row);
    assert_eq!(rate(&next[0], "blocks.0.pointwise"), base(&next[0]), "step 0 runs at eta_t");
    assert_ne!(rate(&same[0], "blocks.0.pointwise"), base(&same[0]), "same-step balances step 0");
    assert_eq!(multiplier(&next[1]), multiplier(&same[0]), "step 1 uses the analysis of the initial weights");

    let layers = read_csv(&dir.join("runs/next-step/spectral/layers.csv"));
    let logged: Vec<u64> = read_csv(&dir.join("runs/next-step/spectral/summary.csv")).iter().map(|r| r["step"].parse().unwrap()).collect();
    assert_eq!(logged, (0..next.len() as u64 - 1).collect::<Vec<_>>(), "every step but the last is analysed, in order");
    for row in layers.iter().filter(|r| r["layer"] == "blocks.0.pointwise") {
        let at: usize = row["step"].parse().unwrap();
        let logged: f64 = row["lr_multiplier"].parse().unwrap();
        assert!((logged - multiplier(&next[at + 1])).abs() < 1e-6 * logged, "step {at}: the log shows the rates it set at step {}", at + 1);
    }
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("runs/next-step/summary.json")).unwrap()).unwrap();
    assert_eq!(summary["analyses"].as_u64(), Some(next.len() as u64 - 1));
    assert!(summary["analysis_beside_s"].as_f64().unwrap() > 0.0, "{summary}");
}
