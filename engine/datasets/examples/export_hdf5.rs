//! Generates a dataset and writes it as a PDEBench HDF5 file:
//!
//! ```text
//! cargo run --release -p engine-datasets --example export_hdf5 -- DATASET OUT.hdf5 [key=value ...]
//! ```
//!
//! `key=value` are `[data]` keys (`num_samples=20`, `resolution=128`, `eta=0.1`, ...); the rest
//! take the dataset's defaults. The cache directory defaults to `data-cache`.

use datasets::{export_hdf5, DataConfig};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dataset), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!(
            "usage: export_hdf5 DATASET OUT.hdf5 [key=value ...]; datasets: {}",
            datasets::KNOWN_DATASETS.join(", ")
        );
        std::process::exit(2);
    };
    let mut table = serde_json::Map::new();
    table.insert("dataset".into(), dataset.clone().into());
    for kv in &args[2..] {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("`{kv}` is not key=value"))?;
        let value: serde_json::Value = serde_json::from_str(v).unwrap_or_else(|_| v.into());
        table.insert(k.to_string(), value);
    }
    let cfg: DataConfig = serde_json::from_value(serde_json::Value::Object(table))?;
    cfg.validate()?;
    let start = Instant::now();
    let progress = |done: usize, total: usize| eprint!("\r{done}/{total} samples");
    let info = export_hdf5(&cfg, out.as_ref(), Some(&progress))?;
    eprintln!();
    println!(
        "wrote {out} ({} bytes) in {:.1} s; data {} {}",
        std::fs::metadata(out)?.len(),
        start.elapsed().as_secs_f64(),
        if info.generated {
            "generated and cached in"
        } else {
            "read from the cache"
        },
        info.path.display()
    );
    Ok(())
}
