//! Why the plugin computes eigenvalues as float64 Gram-matrix eigenvalues (docs/tempbalance.md):
//! times (best of 3, single-threaded) and worst relative difference from float64 SVD eigenvalues
//! for float32 SVD, float64 SVD and the Gram route used by the plugin, on uniform random matrices.
//!
//! `cargo run --release -p engine-plugin-spectral --example eigen_methods`

use engine_metrics_spectral::{matrix_eigenvalues, random, MatrixSlice};
use faer::{Mat, Par};
use std::time::{Duration, Instant};

fn best_of<T>(mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        let v = f();
        best = best.min(start.elapsed());
        out = Some(v);
    }
    (out.unwrap(), best)
}

/// Squared singular values, ascending.
fn squared_ascending<T: Copy + Into<f64>>(s: Vec<T>) -> Vec<f64> {
    let mut e: Vec<f64> = s.into_iter().map(|x| x.into() * x.into()).collect();
    e.sort_by(f64::total_cmp);
    e
}

fn worst_rel(got: &[f64], want: &[f64]) -> f64 {
    got.iter()
        .zip(want)
        .map(|(g, w)| ((g - w) / w).abs())
        .fold(0.0, f64::max)
}

fn main() {
    faer::set_global_parallelism(Par::Seq);
    for (rows, cols) in [
        (768usize, 768usize),
        (3072, 768),
        (768, 3072),
        (128, 384),
        (64, 64),
    ] {
        let data = random::uniform(42, rows * cols);
        let w32 = Mat::<f32>::from_fn(rows, cols, |i, j| data[i * cols + j]);
        let w64 = Mat::<f64>::from_fn(rows, cols, |i, j| data[i * cols + j] as f64);
        let (s32, t32) = best_of(|| w32.singular_values().unwrap());
        let (s64, t64) = best_of(|| w64.singular_values().unwrap());
        let slice = MatrixSlice {
            rows,
            cols,
            offset: 0,
            row_stride: cols,
            col_stride: 1,
        };
        let (gram, tg) = best_of(|| matrix_eigenvalues(&slice, &data, None).unwrap());
        let reference = squared_ascending(s64);
        let e32 = squared_ascending(s32);
        let top = reference.len() / 2;
        println!(
            "{rows}x{cols}: f32 SVD {:.1} ms (worst rel {:.1e}, top half {:.1e}) | f64 SVD {:.1} ms | \
             f64 Gram+eigh {:.1} ms (worst rel {:.1e}) | λ_min/λ_max {:.1e}",
            t32.as_secs_f64() * 1e3,
            worst_rel(&e32, &reference),
            worst_rel(&e32[top..], &reference[top..]),
            t64.as_secs_f64() * 1e3,
            tg.as_secs_f64() * 1e3,
            worst_rel(&gram, &reference),
            reference[0] / reference[reference.len() - 1],
        );
    }
}
