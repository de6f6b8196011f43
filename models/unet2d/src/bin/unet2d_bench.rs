//! Times the full unet2d training step (forward rollout + backward + Adam) at a PDEBench-like
//! size: 2D CFD (PDEBench: 128x128, reduced_resolution 2 -> 64x64), 4 channels, batch 20, initial_step 10, rollout to t_train 21; default config (init_features 32, pushforward with unroll_step 20 = every frame trained).
//!
//! `RAYON_NUM_THREADS=1 cargo run --release -p engine-model-unet2d --bin unet2d_bench -- [--steps N] [--warmup N] [--batch B] [--size N[,N..]]`
//!
//! `--size` sets every spatial extent (default 64).

use engine_model_unet2d::new_model;
use model_runtime::pde_testing::{run_step_bench, StepBench};

fn main() {
    run_step_bench(
        StepBench {
            name: "unet2d",
            channels: 4,
            spatial_dims: 2,
            default_sizes: "64",
        },
        new_model,
    );
}
