//! Reads a PDEBench HDF5 file as the engine does (`data.file`) and prints what it found:
//!
//! ```text
//! cargo run --release -p engine-datasets --example read_pdebench -- DATASET FILE.hdf5 [key=value ...]
//! ```
//!
//! `key=value` are `[data]` keys (`num_samples=100`, `reduced_resolution=2`, ...).

use datasets::{DataConfig, PdeDataset};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dataset), Some(file)) = (args.first(), args.get(1)) else {
        eprintln!("usage: read_pdebench DATASET FILE.hdf5 [key=value ...]");
        std::process::exit(2);
    };
    let mut table = serde_json::Map::new();
    table.insert("dataset".into(), dataset.clone().into());
    table.insert("file".into(), file.clone().into());
    for kv in &args[2..] {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("`{kv}` is not key=value"))?;
        table.insert(
            k.to_string(),
            serde_json::from_str(v).unwrap_or_else(|_| v.into()),
        );
    }
    let cfg: DataConfig = serde_json::from_value(serde_json::Value::Object(table))?;
    let (ds, _) = PdeDataset::load(&cfg, None)?;
    println!(
        "{}: dims [N, X.., T, C] = {:?}, channels {:?}",
        ds.name(),
        ds.dims(),
        ds.channel_names()
    );
    println!("times: {:?}", ds.times());
    let g = ds.grid();
    println!(
        "grid: first {:?}, last {:?}",
        &g[..ds.spatial_dims()],
        &g[g.len() - ds.spatial_dims()..]
    );
    for (c, name) in ds.channel_names().iter().enumerate() {
        let v: Vec<f32> = ds.data().iter().skip(c).step_by(ds.c()).copied().collect();
        let (lo, hi) = v
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        let mean = v.iter().map(|&x| x as f64).sum::<f64>() / v.len() as f64;
        println!("  {name}: min {lo} max {hi} mean {mean:.6}");
    }
    // sample 1, first spatial point, frame 1, every channel
    let s = ds.sample(1.min(ds.n() - 1));
    println!("sample 1, point 0, frame 1: {:?}", &s[ds.c()..2 * ds.c()]);
    Ok(())
}
