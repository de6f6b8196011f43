//! Times the full fno2d training step (forward rollout + backward + Adam) in PDEBench's 2D CFD
//! configuration: batch 20, 4 channels, initial_step 10, rollout to t_train 21, width 20,
//! modes 12x12, on a 64x64 and a 32x32 grid.
//!
//! `RAYON_NUM_THREADS=1 cargo run --release -p engine-model-fno --bin fno2d_bench -- [--steps N] [--warmup N] [--grids 64,32]`
//!
//! PyTorch (CPU, this machine kind) takes about 6.5 s per step at 64x64 and 1.5 s at 32x32.

use engine_model_fno2d::{new_model, Fno2dPlugin};
use plugin_api::abi_stable::std_types::RVec;
use plugin_api::{ModelInit, OptimizerKind, OptimizerSpec, StepPlan, TensorData};
use std::time::Instant;

const BATCH: usize = 20;
const CHANNELS: usize = 4;
const INITIAL_STEP: usize = 10;
const T_TRAIN: usize = 21;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// A smooth synthetic trajectory batch (the values do not affect the cost).
fn batch(g: usize) -> Vec<TensorData> {
    let mut u = Vec::with_capacity(BATCH * g * g * T_TRAIN * CHANNELS);
    for b in 0..BATCH {
        for x in 0..g {
            for y in 0..g {
                for t in 0..T_TRAIN {
                    for c in 0..CHANNELS {
                        let a = std::f32::consts::TAU * (x as f32 / g as f32)
                            + 0.1 * (b + t + c) as f32;
                        u.push(a.sin() * (std::f32::consts::TAU * y as f32 / g as f32).cos());
                    }
                }
            }
        }
    }
    let grid: Vec<f32> = (0..g)
        .flat_map(|x| (0..g).flat_map(move |y| [x as f32 / g as f32, y as f32 / g as f32]))
        .collect();
    let dims = |v: &[usize]| RVec::from(v.iter().map(|&d| d as u64).collect::<Vec<_>>());
    vec![
        TensorData {
            name: "u".into(),
            shape: dims(&[BATCH, g, g, T_TRAIN, CHANNELS]),
            data: u.into(),
        },
        TensorData {
            name: "grid".into(),
            shape: dims(&[g, g, 2]),
            data: grid.into(),
        },
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let steps: usize =
        arg(&args, "--steps").map_or(5, |s| s.parse().expect("--steps takes a number"));
    let warmup: usize =
        arg(&args, "--warmup").map_or(1, |s| s.parse().expect("--warmup takes a number"));
    let grids: Vec<usize> = arg(&args, "--grids")
        .unwrap_or_else(|| "64,32".into())
        .split(',')
        .map(|s| s.trim().parse().expect("--grids takes numbers like 64,32"))
        .collect();
    let threads = std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "unset".into());
    println!(
        "fno2d train step (rollout {INITIAL_STEP}->{T_TRAIN} + backward + Adam), batch {BATCH}, {CHANNELS} channels, \
         width 20, modes 12x12; RAYON_NUM_THREADS={threads} (candle uses {} threads)",
        candle_core::utils::get_num_threads()
    );
    for g in grids {
        let data = format!(
            r#"{{"task":"pde-rollout","channels":{CHANNELS},"spatial":[{g},{g}],"initial_step":{INITIAL_STEP},"t_train":{T_TRAIN}}}"#
        );
        let optimizer = OptimizerSpec {
            kind: OptimizerKind::Adam,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum: 0.0,
            nesterov: false,
            grad_clip: 0.0,
        };
        let mut model: Fno2dPlugin = new_model(ModelInit {
            config: "".into(),
            data: data.as_str().into(),
            optimizer,
            seed: 2024,
        })
        .unwrap();
        let plan = StepPlan::uniform(model.groups(), 1e-3, 1e-4);
        let batch = batch(g);
        let views: Vec<_> = batch.iter().map(TensorData::view).collect();
        let mut times = Vec::with_capacity(steps);
        for i in 0..warmup + steps {
            let t0 = Instant::now();
            let out = model.fit_step(&views, &plan).unwrap();
            let dt = t0.elapsed().as_secs_f64();
            assert!(out.loss.is_finite());
            if i >= warmup {
                times.push(dt);
            }
        }
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        let mut sorted = times.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            0.5 * (sorted[n / 2 - 1] + sorted[n / 2])
        };
        let all: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
        if std::env::var_os("FNO2D_BENCH_ALLOC_STATS").is_some() {
            let (hits, misses, bytes) = model_runtime::alloc::stats();
            eprintln!(
                "allocation cache: {hits} hits, {misses} misses, {} MiB cached",
                bytes >> 20
            );
        }
        println!(
            "grid {g}x{g}: mean {mean:.3} s/step, median {median:.3} s/step over {steps} steps after {warmup} warm-up [{}]",
            all.join(", ")
        );
    }
}
