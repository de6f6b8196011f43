//! Times [`model_kernels::cnn::conv_same`] on every 3x3 convolution shape of the unet2d bench
//! model (PDEBench UNet2d, 32 features, batch 20, 40 input channels), forward and backward
//! (input and weight gradients) separately, and prints ms per layer and GFLOP/s.
//! The PyTorch counterpart is `bench/pytorch/conv_layers.py`. It runs under the model plugins'
//! caching allocator, as the plugin does (without it, every large im2col matrix is mapped afresh).
//!
//! `RAYON_NUM_THREADS=1 cargo run --release -p engine-model-unet --example conv_layers -- [--size 32] [--reps 5] [--routes auto,im2col,shifted]`
//!
//! With several routes each layer runs by each in turn, so their times come from one sitting.

use candle_core::{Device, Tensor, Var};
use model_kernels::cnn::{conv_same_via, ConvRoute, Grid};
use std::time::Instant;

model_runtime::use_caching_allocator!();

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(|v| v.parse().expect(name))
            .unwrap_or(default)
    };
    let (size, reps, batch, f) = (
        arg("--size", 32),
        arg("--reps", 5),
        arg("--batch", 20),
        arg("--features", 32),
    );
    let routes: Vec<String> = args
        .iter()
        .position(|a| a == "--routes")
        .and_then(|i| args.get(i + 1))
        .map_or("auto", |v| v)
        .split(',')
        .map(str::to_string)
        .collect();
    // (in, out, level) of the encoder, bottleneck and decoder convolutions.
    let mut layers = vec![(40, f, 0)];
    for l in 0..5 {
        let c = f << l;
        if l > 0 {
            layers.push((c / 2, c, l));
        }
        layers.push((c, c, l));
    }
    for l in (0..4).rev() {
        let c = f << l;
        layers.push((2 * c, c, l));
        layers.push((c, c, l));
    }
    let dev = Device::Cpu;
    let mut totals = vec![(0.0, 0.0); routes.len()];
    println!("| ci | co | grid | route | fwd ms | bwd ms | fwd GFLOP/s | bwd GFLOP/s |\n|---|---|---|---|---|---|---|---|");
    for ((ci, co, l), (name, total)) in layers
        .into_iter()
        .flat_map(|l| routes.iter().zip(0..).map(move |r| (l, r)))
    {
        let hw = size >> l;
        let grid = Grid::new(batch, hw, hw);
        let route = match name.as_str() {
            "auto" => ConvRoute::for_grid(grid, 3, 3),
            "im2col" => ConvRoute::Im2col,
            "shifted" => ConvRoute::ShiftedGemm,
            other => panic!("unknown route {other}"),
        };
        let x = Var::from_tensor(&Tensor::randn(0f32, 1.0, (ci, grid.n()), &dev)?)?;
        let w = Var::from_tensor(&Tensor::randn(0f32, 0.1, (co, ci, 3, 3), &dev)?)?;
        let (mut tf, mut tb) = (Vec::new(), Vec::new());
        for _ in 0..reps + 1 {
            let t0 = Instant::now();
            let y = conv_same_via(x.as_tensor(), w.as_tensor(), grid, 3, 3, route)?;
            let t1 = Instant::now();
            let grads = y.sum_all()?.backward()?;
            let t2 = Instant::now();
            assert!(grads.get(x.as_tensor()).is_some() && grads.get(w.as_tensor()).is_some());
            tf.push((t1 - t0).as_secs_f64());
            tb.push((t2 - t1).as_secs_f64());
        }
        let median = |v: &mut Vec<f64>| {
            v.remove(0);
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (f_s, b_s) = (median(&mut tf), median(&mut tb));
        let flops = 2.0 * (ci * co * 9 * grid.n()) as f64;
        totals[total].0 += f_s;
        totals[total].1 += b_s;
        println!(
            "| {ci} | {co} | {hw}x{hw} | {name} | {:.2} | {:.2} | {:.1} | {:.1} |",
            f_s * 1e3,
            b_s * 1e3,
            flops / f_s / 1e9,
            2.0 * flops / b_s / 1e9
        );
    }
    for (name, (f_s, b_s)) in routes.iter().zip(totals) {
        println!(
            "{name}: total forward {:.1} ms, backward {:.1} ms",
            f_s * 1e3,
            b_s * 1e3
        );
    }
    Ok(())
}
