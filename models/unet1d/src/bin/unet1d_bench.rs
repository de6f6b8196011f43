//! Times the full unet1d training step (forward rollout + backward + Adam) at a PDEBench-like
//! size: 1D CFD (PDEBench: 1024 points, reduced_resolution 8 -> 128), 3 channels, batch 20, initial_step 10, rollout to t_train 21; default config (init_features 32, pushforward with unroll_step 20 = every frame trained).
//!
//! `RAYON_NUM_THREADS=1 cargo run --release -p engine-model-unet1d --bin unet1d_bench -- [--steps N] [--warmup N] [--batch B] [--size N[,N..]]`
//!
//! `--size` sets every spatial extent (default 128).

use engine_model_unet1d::new_model;
use model_runtime::pde_testing::{run_step_bench, StepBench};

fn main() {
    run_step_bench(
        StepBench {
            name: "unet1d",
            channels: 3,
            spatial_dims: 1,
            default_sizes: "128",
        },
        new_model,
    );
}
