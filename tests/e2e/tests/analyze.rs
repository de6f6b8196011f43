//! `engine analyze` on a Hugging Face-style directory and on an engine checkpoint.

use engine_e2e::*;
use safetensors::tensor::{serialize_to_file, Dtype, TensorView};
use std::collections::HashMap;
use std::fs;

/// Deterministic pseudo-random weights in [-0.5, 0.5).
fn weights(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9e3779b97f4a7c15) | 1;
    (0..n)
        .flat_map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ((x >> 40) as f32 / (1u64 << 24) as f32 - 0.5).to_le_bytes()
        })
        .collect()
}

/// A small BERT-shaped model directory: embeddings, 2 encoder layers of 6 matrices, a pooler,
/// biases and norms.
fn bert_like(dir: &std::path::Path) -> Vec<String> {
    let h = 32;
    let mut shapes: Vec<(String, Vec<usize>)> = vec![
        ("embeddings.word_embeddings.weight".into(), vec![200, h]),
        ("embeddings.LayerNorm.weight".into(), vec![h]),
        ("pooler.dense.weight".into(), vec![h, h]),
        ("pooler.dense.bias".into(), vec![h]),
    ];
    let mut matrices = vec!["pooler.dense".to_string()];
    for l in 0..2 {
        for (m, shape) in [
            ("attention.self.query", vec![h, h]),
            ("attention.self.key", vec![h, h]),
            ("attention.self.value", vec![h, h]),
            ("attention.output.dense", vec![h, h]),
            ("intermediate.dense", vec![4 * h, h]),
            ("output.dense", vec![h, 4 * h]),
        ] {
            shapes.push((format!("encoder.layer.{l}.{m}.weight"), shape));
            shapes.push((format!("encoder.layer.{l}.{m}.bias"), vec![h]));
            matrices.push(format!("encoder.layer.{l}.{m}"));
        }
    }
    let data: Vec<(String, Vec<usize>, Vec<u8>)> =
        shapes.into_iter().enumerate().map(|(i, (n, s))| { let len = s.iter().product(); (n, s, weights(i as u64 + 1, len)) }).collect();
    let views: HashMap<String, TensorView<'_>> =
        data.iter().map(|(n, s, b)| (n.clone(), TensorView::new(Dtype::F32, s.clone(), b).unwrap())).collect();
    serialize_to_file(views, None, &dir.join("model.safetensors")).unwrap();
    fs::write(dir.join("config.json"), r#"{"model_type": "bert", "hidden_size": 32, "num_hidden_layers": 2}"#).unwrap();
    matrices
}

#[test]
fn analyze_lists_every_matrix_of_a_hugging_face_directory() {
    let dir = temp_dir("analyze-hf");
    let model = dir.join("tiny-bert");
    fs::create_dir_all(&model).unwrap();
    let matrices = bert_like(&model);
    let csv = dir.join("table.csv");
    let out = engine().args(["analyze", model.to_str().unwrap(), "--csv", csv.to_str().unwrap(), "--plots", dir.join("esd").to_str().unwrap()]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("(generic reader)"), "{stdout}");
    for m in &matrices {
        let line = stdout.lines().find(|l| l.split_whitespace().next() == Some(m.as_str())).unwrap_or_else(|| panic!("{m} missing:\n{stdout}"));
        assert!(line.ends_with("used"), "{line}");
        assert!(fs::metadata(dir.join("esd").join(format!("esd-{m}.png"))).unwrap().len() > 1000);
    }
    let embed = stdout.lines().find(|l| l.starts_with("embeddings.word_embeddings")).expect("embedding row");
    assert!(embed.contains("embedding") && embed.contains("skipped:"), "{embed}");
    assert!(stdout.contains("13 layers analysed, 1 skipped (14 vectors such as biases and norms have no spectrum)"), "{stdout}");
    // Block indices come from the names.
    let q1 = stdout.lines().find(|l| l.starts_with("encoder.layer.1.attention.self.query")).unwrap();
    assert_eq!(q1.split_whitespace().nth(2), Some("1"), "{q1}");
    let rows = read_csv(&csv);
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().all(|r| r["alpha"].parse::<f64>().is_ok()));
    // The rule is stated, the warnings are counted over every analysed layer.
    assert!(stdout.contains("x_min rule: mid, x_min = eigenvalue floor(N / 2) of N ascending"), "{stdout}");
    let warned = rows.iter().filter(|r| !r["warning"].is_empty()).count();
    let over = rows.iter().filter(|r| r["status"] == "used" && r["alpha"].parse::<f64>().unwrap() < 2.0).count();
    let under = rows.iter().filter(|r| r["status"] == "used" && r["alpha"].parse::<f64>().unwrap() > 6.0).count();
    assert_eq!(warned, over + under);
    assert!(stdout.contains(&format!("{over} of 13 analysed layers have alpha < 2")), "{stdout}");
    assert!(stdout.contains(&format!("{under} of 13 analysed layers have alpha > 6")), "{stdout}");
    // WeightWatcher's columns: N >= M per matrix, spikes = eigenvalues at or above x_min.
    let inter = rows.iter().find(|r| r["layer"] == "encoder.layer.0.intermediate.dense").unwrap();
    assert_eq!((inter["N"].as_str(), inter["M"].as_str(), inter["num_evals"].as_str()), ("128", "32", "32"));
    let spikes: usize = inter["num_pl_spikes"].parse().unwrap();
    assert_eq!(spikes, 16, "mid rule: the top half of 32 eigenvalues");
    // Data-flow order within a block, whatever the file's (alphabetical) order.
    let pos = |name: &str| stdout.lines().position(|l| l.starts_with(name)).unwrap();
    assert!(pos("encoder.layer.0.attention.self.query") < pos("encoder.layer.0.attention.self.key"));
    assert!(pos("encoder.layer.0.attention.output.dense") < pos("encoder.layer.0.intermediate.dense"));
    assert!(pos("encoder.layer.0.output.dense") < pos("encoder.layer.1.attention.self.query"));
}

#[test]
fn analyze_rebuilds_the_model_of_an_engine_checkpoint() {
    let dir = temp_dir("analyze-ckpt");
    let out = tiny_run(&dir, &["--name", "a", "--epochs", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let ckpt = dir.join("runs/a/checkpoints/best");
    let out = engine().args(["analyze", ckpt.to_str().unwrap(), "--layers", "spectral,fc0"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("(model plugin `fno2d`)"), "{stdout}");
    // The complex Fourier weights only exist through the model plugin's export.
    assert_eq!(stdout.lines().filter(|l| l.starts_with("blocks.") && l.contains("spectral-complex")).count(), 4, "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("fc0 ")), "{stdout}");
    assert!(!stdout.lines().any(|l| l.starts_with("fc1 ")), "--layers not applied:\n{stdout}");
}

#[test]
fn analyze_of_a_missing_or_corrupt_file_is_one_line() {
    let dir = temp_dir("analyze-bad");
    let bad = dir.join("model.safetensors");
    fs::write(&bad, b"not a safetensors file at all").unwrap();
    for path in [bad.clone(), dir.join("missing")] {
        let out = engine().args(["analyze", path.to_str().unwrap()]).output().unwrap();
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(1));
        let errors = error_lines(&stderr);
        assert_eq!(errors.len(), 1, "{stderr}");
        assert!(errors[0].contains(path.to_str().unwrap()), "{}", errors[0]);
    }
}
