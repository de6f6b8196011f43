//! Generator throughput in samples per minute, rayon across samples (set RAYON_NUM_THREADS):
//!
//! ```text
//! RAYON_NUM_THREADS=1 cargo run --release -p engine-datasets --example throughput -- [N2D] [N1D]
//! ```
//!
//! 2D CFD at 128 x 128 to t = 1 (21 frames; M = 0.1, eta = zeta = 0.01) with N2D samples
//! (default 4) and 1D CFD at 1024 cells to t = 1 (101 frames; eta = zeta = 0.01) with N1D samples
//! (default 16), each generated into a fresh temporary cache directory (the time includes writing
//! the cache file, a small part). Sample costs vary with the random initial state (the sound speed
//! sets the step), so use a multiple of the thread count and more samples for steadier figures.

use datasets::{DataConfig, PdeDataset};
use std::time::Instant;

fn run(name: &str, cfg: DataConfig) -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!(
        "engine-datasets-throughput-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let cfg = DataConfig {
        cache_dir: dir.clone(),
        ..cfg
    };
    let n = cfg.num_samples;
    let start = Instant::now();
    let (ds, info) = PdeDataset::load(&cfg, None)?;
    let secs = start.elapsed().as_secs_f64();
    assert!(info.generated);
    println!(
        "{name}: {n} samples at {} cells, {} frames to t = {}, {} thread(s): {secs:.1} s, {:.2} samples/min ({:.2} s/sample)",
        cfg.resolution,
        cfg.num_frames,
        cfg.t_end,
        rayon::current_num_threads(),
        n as f64 * 60.0 / secs,
        secs / n as f64
    );
    drop(ds);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse())
        .collect::<Result<_, _>>()?;
    let n2 = args.first().copied().unwrap_or(4);
    let n1 = args.get(1).copied().unwrap_or(16);
    if n2 > 0 {
        run(
            "cfd-2d 128x128",
            DataConfig {
                num_samples: n2,
                resolution: 128,
                reduced_resolution: 2,
                ..DataConfig::preset("cfd-2d")
            },
        )?;
    }
    if n1 > 0 {
        run(
            "cfd-1d 1024",
            DataConfig {
                num_samples: n1,
                ..DataConfig::preset("cfd-1d")
            },
        )?;
    }
    Ok(())
}
