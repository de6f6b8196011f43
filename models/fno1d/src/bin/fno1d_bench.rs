//! Times the full fno1d training step (forward rollout + backward + Adam) at a PDEBench-like
//! size: 1D CFD (PDEBench: 1024 points, reduced_resolution 8 -> 128), 3 channels, batch 20, initial_step 10, rollout to t_train 21; default config (width 64, 16 modes, padding 2).
//!
//! `RAYON_NUM_THREADS=1 cargo run --release -p engine-model-fno1d --bin fno1d_bench -- [--steps N] [--warmup N] [--batch B] [--size N]`
//!
//! `--size` sets every spatial extent (default 128).

use engine_model_fno1d::new_model;
use model_runtime::pde_testing::{
    adam, arg, data_json, summarize, time_steps, trajectories, views,
};
use plugin_api::{ModelInit, StepPlan};

const CHANNELS: usize = 3;
const INITIAL_STEP: usize = 10;
const T_TRAIN: usize = 21;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let steps = arg(&args, "--steps", 3usize);
    let warmup = arg(&args, "--warmup", 1usize);
    let batch = arg(&args, "--batch", 20usize);
    let size = arg(&args, "--size", 128usize);
    let spatial = vec![size; 1];
    let threads = std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "unset".into());
    let data = data_json(CHANNELS, &spatial, INITIAL_STEP, T_TRAIN);
    let mut model = new_model(ModelInit {
        config: "".into(),
        data: data.as_str().into(),
        optimizer: adam(),
        seed: 2024,
    })
    .unwrap();
    let plan = StepPlan::uniform(model.groups(), 1e-3, 1e-4);
    let d = trajectories(batch, &spatial, T_TRAIN, CHANNELS, 0.0);
    let v = views(&d);
    println!(
        "fno1d train step, spatial {spatial:?}, batch {batch}, {CHANNELS} channels, rollout {INITIAL_STEP}->{T_TRAIN}, default config; RAYON_NUM_THREADS={threads} (candle uses {} threads)",
        candle_core::utils::get_num_threads()
    );
    let times = time_steps(warmup, steps, || model.fit_step(&v, &plan).unwrap().loss);
    println!("{}", summarize(&times));
    if std::env::var_os("BENCH_ALLOC_STATS").is_some() {
        let (hits, misses, bytes) = model_runtime::alloc::stats();
        eprintln!(
            "allocation cache: {hits} hits, {misses} misses, {} MiB cached",
            bytes >> 20
        );
    }
}
