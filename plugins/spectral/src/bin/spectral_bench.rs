//! One spectral pass over a RoBERTa-base-shaped set of random weights (the 72 encoder Linear layers:
//! 48 of 768x768, 12 of 3072x768, 12 of 768x3072), through the plugin's ABI entry point
//! (`new` + `Metrics::analyze`, in-process), printing the wall time and rayon's thread count.
//!
//! Usage: `spectral_bench [repetitions] [plugin config TOML]`, e.g.
//! `RAYON_NUM_THREADS=2 spectral_bench 3 'xmin_rule = "ks-scan"'`.

use abi_stable::std_types::{ROption, RSlice, RStr, RVec};
use engine_metrics_spectral::random;
use plugin_api::{LayerKind, LayerWeights};
use std::time::Instant;

fn roberta_base_layers() -> Vec<LayerWeights> {
    let mut layers = Vec::with_capacity(72);
    let mut seed = 0u64;
    let mut add = |name: String, block: u32, out: u64, inp: u64| {
        seed += 1;
        layers.push(LayerWeights {
            group: name.into(),
            kind: LayerKind::Linear,
            block: ROption::RSome(block),
            shape: vec![out, inp].into(),
            // Scaled like an initialised layer; the scale does not change the work.
            re: RVec::from(random::uniform(seed, (out * inp) as usize)),
            im: RVec::new(),
        });
    };
    for b in 0..12u32 {
        for name in [
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
        ] {
            add(format!("encoder.layer.{b}.{name}"), b, 768, 768);
        }
        add(
            format!("encoder.layer.{b}.intermediate.dense"),
            b,
            3072,
            768,
        );
        add(format!("encoder.layer.{b}.output.dense"), b, 768, 3072);
    }
    layers
}

fn main() {
    let mut args = std::env::args().skip(1);
    let reps: usize = args
        .next()
        .map(|a| a.parse().expect("repetitions: a positive integer"))
        .unwrap_or(3);
    let config = args.next().unwrap_or_default();

    let layers = roberta_base_layers();
    let module = engine_metrics_spectral::__engine_root_module();
    let mut plugin = match module.new()(RStr::from(config.as_str())) {
        abi_stable::std_types::RResult::ROk(p) => p,
        abi_stable::std_types::RResult::RErr(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    println!(
        "spectral_bench: 72 layers (48 x 768x768, 12 x 3072x768, 12 x 768x3072), config {:?}, rayon threads = {}",
        config,
        rayon::current_num_threads()
    );
    let mut times = Vec::with_capacity(reps);
    for rep in 1..=reps.max(1) {
        let start = Instant::now();
        let rows = plugin.analyze(RSlice::from_slice(&layers)).unwrap();
        let secs = start.elapsed().as_secs_f64();
        times.push(secs);
        let skipped = rows.iter().filter(|r| r.skipped.is_some()).count();
        let mean_alpha = rows.iter().map(|r| r.alpha).sum::<f64>() / rows.len() as f64;
        println!("pass {rep}: {secs:.3} s wall  ({} rows, {skipped} skipped, mean alpha {mean_alpha:.4})", rows.len());
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "best of {}: {best:.3} s wall, rayon threads = {}",
        times.len(),
        rayon::current_num_threads()
    );
}
