//! Shared fixtures for the tests and benchmarks of PDE model plugins (fno2d, fno1d, unet1d,
//! unet2d): smooth synthetic trajectory batches in the engine's layout, an Adam optimizer spec, and
//! the training-step benchmark every PDE plugin's `*_bench` binary runs ([`run_step_bench`]).

use plugin_api::abi_stable::std_types::RVec;
use plugin_api::{ModelInit, OptimizerKind, OptimizerSpec, StepPlan, TensorData, TensorView};

/// Adam with PyTorch's defaults and no clipping.
pub fn adam() -> OptimizerSpec {
    OptimizerSpec {
        kind: OptimizerKind::Adam,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        momentum: 0.0,
        nesterov: false,
        grad_clip: 0.0,
    }
}

/// The data description JSON of a PDE rollout task.
pub fn data_json(
    channels: usize,
    spatial: &[usize],
    initial_step: usize,
    t_train: usize,
) -> String {
    let sp: Vec<String> = spatial.iter().map(ToString::to_string).collect();
    format!(
        r#"{{"task":"pde-rollout","channels":{channels},"spatial":[{}],"initial_step":{initial_step},"t_train":{t_train}}}"#,
        sp.join(",")
    )
}

/// A batch as the engine sends it: `u` `[B, X(, Y), T, C]` of smooth travelling waves (sample
/// `b` shifted by `phase + 0.3 b`) plus a small deterministic irregular term (0.02 amplitude),
/// and `grid` (1D: `[X, 1]` with x in [0, 1); 2D: `[X, Y, 2]`). The irregular term breaks the
/// waves' symmetries: exactly tied values make max-pooling non-differentiable, and finite
/// differences then disagree with the (one-sided) gradient.
pub fn trajectories(
    b: usize,
    spatial: &[usize],
    t: usize,
    c: usize,
    phase: f32,
) -> Vec<TensorData> {
    use std::f32::consts::TAU;
    assert!(
        (1..=2).contains(&spatial.len()),
        "1 or 2 spatial dimensions"
    );
    let (x, y) = (spatial[0], spatial.get(1).copied().unwrap_or(1));
    let mut u = Vec::with_capacity(b * x * y * t * c);
    for bi in 0..b {
        for xi in 0..x {
            for yi in 0..y {
                for ti in 0..t {
                    for ci in 0..c {
                        let a = TAU * (xi as f32 / x as f32 + 0.3 * bi as f32 + phase);
                        let v = (a + 0.2 * ti as f32 * (ci + 1) as f32).sin()
                            * (TAU * yi as f32 / y as f32).cos()
                            * 0.5
                            + 0.1 * ci as f32;
                        u.push(v + 0.02 * irregular(u.len()));
                    }
                }
            }
        }
    }
    let mut u_shape: Vec<u64> = vec![b as u64];
    u_shape.extend(spatial.iter().map(|&s| s as u64));
    u_shape.extend([t as u64, c as u64]);
    let (grid, grid_shape): (Vec<f32>, Vec<u64>) = if spatial.len() == 1 {
        (
            (0..x).map(|i| i as f32 / x as f32).collect(),
            vec![x as u64, 1],
        )
    } else {
        (
            (0..x)
                .flat_map(|i| (0..y).flat_map(move |j| [i as f32 / x as f32, j as f32 / y as f32]))
                .collect(),
            vec![x as u64, y as u64, 2],
        )
    };
    vec![
        TensorData {
            name: "u".into(),
            shape: RVec::from(u_shape),
            data: u.into(),
        },
        TensorData {
            name: "grid".into(),
            shape: RVec::from(grid_shape),
            data: grid.into(),
        },
    ]
}

/// A fixed pseudo-random value in [-1, 1) for index `i` (a 64-bit LCG step, then its top bits).
fn irregular(i: usize) -> f32 {
    let s = (i as u64 ^ 0x9E37_79B9_7F4A_7C15)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let s = s.wrapping_mul(6_364_136_223_846_793_005);
    ((s >> 40) as f64 / (1u64 << 24) as f64 * 2.0 - 1.0) as f32
}

/// Times `steps` calls of `step` after `warmup` untimed ones; returns the seconds of each timed
/// call. `step` returns a loss, which must be finite.
pub fn time_steps(warmup: usize, steps: usize, mut step: impl FnMut() -> f64) -> Vec<f64> {
    let mut times = Vec::with_capacity(steps);
    for i in 0..warmup + steps {
        let t0 = std::time::Instant::now();
        let loss = step();
        let dt = t0.elapsed().as_secs_f64();
        assert!(
            loss.is_finite(),
            "non-finite loss {loss} at benchmark step {i}"
        );
        if i >= warmup {
            times.push(dt);
        }
    }
    times
}

/// "mean M s/step, median D s/step over N steps [t1, t2, ...]".
pub fn summarize(times: &[f64]) -> String {
    let n = times.len().max(1);
    let mean = times.iter().sum::<f64>() / n as f64;
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = match sorted.len() {
        0 => f64::NAN,
        k if k % 2 == 1 => sorted[k / 2],
        k => 0.5 * (sorted[k / 2 - 1] + sorted[k / 2]),
    };
    let all: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
    format!(
        "mean {mean:.3} s/step, median {median:.3} s/step over {} steps [{}]",
        times.len(),
        all.join(", ")
    )
}

/// The value after `--name` in `args`, parsed, or `default`.
pub fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("cannot parse the value {v:?} of {name}"))
        })
        .unwrap_or(default)
}

/// Borrowed views of owned tensors.
pub fn views(d: &[TensorData]) -> Vec<TensorView<'_>> {
    d.iter().map(TensorData::view).collect()
}

/// A PDE model plugin's training-step benchmark: PDEBench's rollout setting (initial_step 10,
/// t_train 21), Adam, default model configuration.
pub struct StepBench {
    /// The plugin name, for the report.
    pub name: &'static str,
    pub channels: usize,
    /// 1 or 2; every spatial extent is `--size`.
    pub spatial_dims: usize,
    /// `--size` when not given: one extent or a comma list (`64,32`), each timed in turn.
    pub default_sizes: &'static str,
}

/// Sizes candle's own elementwise thread pool as `engine run` does (none unless
/// `CANDLE_NUM_THREADS` is set; see engine/src/train/mod.rs), so that benchmarks time what runs
/// do. Call at the start of `main`, before any thread exists.
pub fn threads_as_in_the_engine() {
    if std::env::var_os("CANDLE_NUM_THREADS").is_none() {
        std::env::set_var("CANDLE_NUM_THREADS", "1");
    }
}

/// Runs a [`StepBench`] from the command line (`--steps N` (3), `--warmup N` (1), `--batch B`
/// (20), `--size N[,N..]`, `--eval`, `--dump DIR`): for each size, builds the plugin with
/// `new_model`, prints its parameter count, times full training steps (rollout + backward +
/// Adam) and prints one summary line. With `--eval` it times evaluation passes instead:
/// [`plugin_api::Model::predict`] on the same batch, the path the engine's validation and test
/// passes take (the rollout with the graph cut after every step, BatchNorm on running
/// statistics, predictions copied to the host; no backward, no update).
/// `--dump DIR` first writes a reference check into `DIR/<size>` (see [`dump_reference`]).
/// With `BENCH_ALLOC_STATS` set, also the caching allocator's counters.
pub fn run_step_bench<M: plugin_api::Model>(
    bench: StepBench,
    new_model: impl Fn(ModelInit<'_>) -> Result<M, String>,
) {
    threads_as_in_the_engine();
    const INITIAL_STEP: usize = 10;
    const T_TRAIN: usize = 21;
    let args: Vec<String> = std::env::args().collect();
    let steps = arg(&args, "--steps", 3usize);
    let warmup = arg(&args, "--warmup", 1usize);
    let batch = arg(&args, "--batch", 20usize);
    let eval = args.iter().any(|a| a == "--eval");
    let sizes: Vec<usize> = arg(&args, "--size", bench.default_sizes.to_string())
        .split(',')
        .map(|s| {
            s.trim()
                .parse()
                .expect("--size takes numbers like 64 or 64,32")
        })
        .collect();
    let threads = std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "unset".into());
    let channels = bench.channels;
    println!(
        "{} {} step, batch {batch}, {channels} channels, rollout {INITIAL_STEP}->{T_TRAIN}, default config; RAYON_NUM_THREADS={threads} (candle uses {} threads)",
        bench.name,
        if eval { "eval (predict)" } else { "train" },
        candle_core::utils::get_num_threads()
    );
    for size in sizes {
        let spatial = vec![size; bench.spatial_dims];
        let data = data_json(channels, &spatial, INITIAL_STEP, T_TRAIN);
        let mut model = new_model(ModelInit {
            config: "".into(),
            data: data.as_str().into(),
            optimizer: adam(),
            seed: 2024,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let groups = model.param_groups();
        let n_params: u64 = groups.iter().map(|g| g.num_params).sum();
        println!("spatial {spatial:?}: {n_params} parameters (real scalars)");
        let plan = StepPlan::uniform(&groups, 1e-3, 1e-4);
        let d = trajectories(batch, &spatial, T_TRAIN, channels, 0.0);
        let v = views(&d);
        if let Some(dir) = args
            .iter()
            .position(|a| a == "--dump")
            .and_then(|i| args.get(i + 1))
        {
            let dir = std::path::Path::new(dir).join(
                spatial
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("x"),
            );
            dump_reference(&dir, &mut model, &d, &plan, n_params);
            println!(
                "spatial {spatial:?}: weights, batch, prediction and first loss written to {}",
                dir.display()
            );
        }
        let times = time_steps(warmup, steps, || {
            if eval {
                // The predicted trajectory's mean stands in for a loss (it must be finite).
                let out = model
                    .predict(v.as_slice().into())
                    .into_result()
                    .unwrap_or_else(|e| panic!("{e}"));
                let pred = &out[0].data;
                pred.iter().map(|&x| f64::from(x)).sum::<f64>() / pred.len().max(1) as f64
            } else {
                model
                    .train_step(v.as_slice().into(), &plan)
                    .into_result()
                    .unwrap_or_else(|e| panic!("{e}"))
                    .loss
            }
        });
        println!("spatial {spatial:?}: {}", summarize(&times));
        if std::env::var_os("BENCH_ALLOC_STATS").is_some() {
            let (hits, misses, bytes, peak) = crate::alloc::stats();
            eprintln!(
                "allocation cache: {hits} hits, {misses} misses, {} MiB cached, peak {} MiB of large blocks in use",
                bytes >> 20,
                peak >> 20
            );
        }
    }
}

/// Raw little-endian f32 values, for readers in other languages (bench/pytorch reads them).
fn write_f32(path: &std::path::Path, values: &[f32]) {
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// `--dump DIR` of the step bench: writes what a reference implementation needs to check that it
/// computes the same function: the freshly initialised weights (`model.safetensors`, a
/// checkpoint), the batch (`u.f32`, `grid.f32`), the evaluation prediction on it (`pred.f32`) and
/// the loss of the first training step (in `dump.json`, with the shapes). The step is taken, so
/// the model timed afterwards has done one more step than without `--dump`.
fn dump_reference<M: plugin_api::Model>(
    dir: &std::path::Path,
    model: &mut M,
    batch: &[TensorData],
    plan: &StepPlan,
    n_params: u64,
) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    model
        .save_checkpoint(dir.to_string_lossy().as_ref().into(), "{}".into())
        .into_result()
        .unwrap_or_else(|e| panic!("{e}"));
    let v = views(batch);
    let pred = model
        .predict(v.as_slice().into())
        .into_result()
        .unwrap_or_else(|e| panic!("{e}"));
    let loss = model
        .train_step(v.as_slice().into(), plan)
        .into_result()
        .unwrap_or_else(|e| panic!("{e}"))
        .loss;
    let shape = |t: &TensorData| {
        let dims: Vec<String> = t.shape.iter().map(ToString::to_string).collect();
        format!("[{}]", dims.join(","))
    };
    write_f32(&dir.join("u.f32"), &batch[0].data);
    write_f32(&dir.join("grid.f32"), &batch[1].data);
    write_f32(&dir.join("pred.f32"), &pred[0].data);
    let json = format!(
        r#"{{"u_shape":{},"grid_shape":{},"pred_shape":{},"train_loss":{loss:e},"params":{n_params}}}"#,
        shape(&batch[0]),
        shape(&batch[1]),
        shape(&pred[0]),
    );
    std::fs::write(dir.join("dump.json"), json)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", dir.display()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_have_the_engine_layout() {
        let d = trajectories(2, &[8], 5, 3, 0.0);
        assert_eq!(d[0].shape.as_slice(), &[2, 8, 5, 3]);
        assert_eq!(d[0].data.len(), 2 * 8 * 5 * 3);
        assert_eq!(d[1].shape.as_slice(), &[8, 1]);
        assert_eq!(d[1].data[4], 0.5);
        let d = trajectories(1, &[4, 6], 3, 2, 0.1);
        assert_eq!(d[0].shape.as_slice(), &[1, 4, 6, 3, 2]);
        assert_eq!(d[1].shape.as_slice(), &[4, 6, 2]);
        assert_eq!(&d[1].data[2..4], &[0.0, 1.0 / 6.0]);
        assert_eq!(
            data_json(4, &[64, 64], 10, 21),
            r#"{"task":"pde-rollout","channels":4,"spatial":[64,64],"initial_step":10,"t_train":21}"#
        );
    }
}
