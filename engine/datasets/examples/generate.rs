//! Generates a dataset and reports the time: `cargo run --release -p engine-datasets --example
//! generate -- [num_samples] [resolution] [cache_dir]` (defaults: the `[data]` defaults, 110 x 32^2,
//! in a fresh temporary directory so the cache is never hit).

use datasets::{DataConfig, PdeDataset};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut cfg = DataConfig::default();
    if let Some(n) = args.first() {
        cfg.num_samples = n.parse()?;
    }
    if let Some(r) = args.get(1) {
        cfg.resolution = r.parse()?;
    }
    let tmp = std::env::temp_dir().join(format!("engine-datasets-example-{}", std::process::id()));
    cfg.cache_dir = args.get(2).map(Into::into).unwrap_or_else(|| tmp.clone());

    let start = Instant::now();
    let (ds, info) = PdeDataset::load(&cfg, None)?;
    let first = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let _ = PdeDataset::load(&cfg, None)?;
    let second = start.elapsed().as_secs_f64();
    println!(
        "{} samples at {}^2, {} frames, {} threads: generate + write {first:.2} s (generated: {}), cache read {second:.2} s, shape after strides {:?}, file {} ({} bytes)",
        cfg.num_samples,
        cfg.resolution,
        cfg.num_frames,
        rayon::current_num_threads(),
        info.generated,
        ds.shape(),
        info.path.display(),
        std::fs::metadata(&info.path)?.len()
    );
    if args.get(2).is_none() {
        std::fs::remove_dir_all(&tmp)?;
    }
    Ok(())
}
