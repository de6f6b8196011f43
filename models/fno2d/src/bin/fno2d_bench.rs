//! Times the full fno2d training step (forward rollout + backward + Adam) in PDEBench's 2D CFD
//! configuration: batch 20, 4 channels, initial_step 10, rollout to t_train 21, width 20,
//! modes 12x12, on a 64x64 and a 32x32 grid.
//!
//! `RAYON_NUM_THREADS=1 cargo run --release -p engine-model-fno --bin fno2d_bench -- [--steps N] [--warmup N] [--batch B] [--size 64,32]`
//!
//! PyTorch (CPU, this machine kind) takes about 6.5 s per step at 64x64 and 1.5 s at 32x32.

use engine_model_fno2d::new_model;
use model_runtime::pde_testing::{run_step_bench, StepBench};

fn main() {
    run_step_bench(
        StepBench {
            name: "fno2d",
            channels: 4,
            spatial_dims: 2,
            default_sizes: "64,32",
        },
        new_model,
    );
}
