//! Times the full fno1d training step (forward rollout + backward + Adam) at a PDEBench-like
//! size: 1D CFD (PDEBench: 1024 points, reduced_resolution 8 -> 128), 3 channels, batch 20, initial_step 10, rollout to t_train 21; default config (width 64, 16 modes, padding 2).
//!
//! `RAYON_NUM_THREADS=1 cargo run --release -p engine-model-fno1d --bin fno1d_bench -- [--steps N] [--warmup N] [--batch B] [--size N[,N..]]`
//!
//! `--size` sets every spatial extent (default 128).

use engine_model_fno1d::new_model;
use model_runtime::pde_testing::{run_step_bench, StepBench};

fn main() {
    run_step_bench(
        StepBench {
            name: "fno1d",
            channels: 3,
            spatial_dims: 1,
            default_sizes: "128",
        },
        new_model,
    );
}
