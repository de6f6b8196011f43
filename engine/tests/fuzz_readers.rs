//! Seeded mutation fuzzing of every reader of user files the engine has in-process: configuration
//! TOML, sweep files, run summaries, PDEBench HDF5 files, JSONL/CSV/TSV text data and tokenizer
//! files. Each reader gets valid seed files mutated (bit flips, cut, duplicated and deleted ranges,
//! spliced tokens that parsers trip on) and must return a value or an error: no panic, no abort, no
//! input that takes longer than a few seconds.
//!
//! CI runs a few hundred inputs per reader; the long run is
//! `FUZZ_ITERATIONS=20000 RAYON_NUM_THREADS=1 cargo test --release -p engine --test fuzz_readers`
//! (docs/reliability.md has its figures).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn iterations(default: usize) -> usize {
    std::env::var("FUZZ_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("engine-fuzz-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// xorshift64*: seeded, so a failure names the input that reproduces it.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&[u8]] = &[
    b"nan", b"inf", b"-1", b"1e309", b"18446744073709551616", b"0", b"\"", b"'", b"[[", b"]]", b"{", b"}", b"=", b",", b"\n", b"\r\n", b"\0",
    b"\xff\xfe", b"\t", b"#", b"\\", b"true", b"[]", b"\"\"\"", b"-0", b"999999999999", b"\x89HDF\r\n\x1a\n",
];

/// One mutated copy of `seed` (1 to 4 mutations).
fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = b.len().max(1);
        match rng.below(7) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => b.truncate(rng.below(len)),
            2 if !b.is_empty() => {
                let (i, n) = (rng.below(b.len()), 1 + rng.below(64));
                let end = (i + n).min(b.len());
                b.drain(i..end);
            }
            3 if !b.is_empty() => {
                let (i, n) = (rng.below(b.len()), 1 + rng.below(64));
                let end = (i + n).min(b.len());
                let chunk = b[i..end].to_vec();
                let at = rng.below(b.len());
                b.splice(at..at, chunk);
            }
            4 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(b.len() + 1);
                b.splice(at..at, t.iter().copied());
            }
            5 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            _ => {
                let i = rng.below(len);
                let t = TOKENS[rng.below(TOKENS.len())];
                if i < b.len() {
                    let end = (i + t.len()).min(b.len());
                    b.splice(i..end, t.iter().copied());
                }
            }
        }
    }
    b
}

/// Feeds `n` mutations of the seed files to `read` (which gets the mutated file's path); fails on
/// a panic or a slow input, naming the reader, the seed file and the iteration, and keeping the
/// input.
fn fuzz(name: &str, seeds: &[(&str, Vec<u8>)], n: usize, mut read: impl FnMut(&Path)) {
    let dir = scratch(name);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (name.len() as u64) << 32 ^ name.bytes().map(u64::from).sum::<u64>());
    let mut slowest = Duration::ZERO;
    for i in 0..n {
        let (file_name, seed) = &seeds[i % seeds.len()];
        let input = mutate(&mut rng, seed);
        let path = dir.join(file_name);
        std::fs::write(&path, &input).unwrap();
        let started = Instant::now();
        QUIET.with(|q| q.set(true));
        let outcome = catch_unwind(AssertUnwindSafe(|| read(&path)));
        QUIET.with(|q| q.set(false));
        let took = started.elapsed();
        slowest = slowest.max(took);
        if outcome.is_err() {
            let keep = std::env::temp_dir().join(format!("engine-fuzz-crash-{name}-{i}-{file_name}"));
            std::fs::write(&keep, &input).unwrap();
            panic!("{name}: input {i} (from {file_name}) panicked; kept at {}", keep.display());
        }
        assert!(took < Duration::from_secs(10), "{name}: input {i} took {took:?}");
    }
    eprintln!("fuzz {name}: {n} inputs, no panic, slowest {slowest:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

thread_local! {
    /// Set while a reader runs on a fuzzed input: its panics are reported by `fuzz`, not printed.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Silences panic output inside the fuzzed readers only (the test's own failures still print).
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                default(info);
            }
        }));
    });
}

#[test]
fn config_files() {
    quiet_panics();
    let seeds: Vec<(&str, Vec<u8>)> = ["fno2d-cfd-2d.toml", "bert-rotten-tomatoes.toml", "fno2d-diffreact-tempbalance.toml"]
        .iter()
        .map(|f| ("config.toml", std::fs::read(repo().join("configs").join(f)).unwrap()))
        .collect();
    fuzz("config", &seeds, iterations(600), |p| {
        if let Ok(loaded) = engine::config::load(Some(p), &engine::config::CliOverrides::default(), &[]) {
            let _ = loaded.config.validate();
            let _ = loaded.config.data.validate();
            let _ = loaded.config.to_toml();
        }
    });
}

#[test]
fn sweep_files() {
    quiet_panics();
    // An absolute base config, so the mutated copy resolves it from the scratch directory.
    let text = std::fs::read_to_string(repo().join("configs/sweeps/smoke.toml"))
        .unwrap()
        .replace("config = \"../fno2d-diffreact.toml\"", &format!("config = \"{}\"", repo().join("configs/fno2d-diffreact.toml").display()));
    fuzz("sweep", &[("sweep.toml", text.into_bytes())], iterations(400), |p| {
        if let Ok(sweep) = engine::sweep::spec::Sweep::load(p, None) {
            let _ = sweep.points().len();
            let _ = sweep.fingerprint();
        }
    });
}

#[test]
fn run_summaries() {
    quiet_panics();
    let seed = br#"{"schema":1,"status":"completed","model":"fno2d","scheduler":"tempbalance","seed":0,"task":"pde-rollout","dataset":"diffusion-reaction-2d","data_seed":0,"data":{"train":8,"val":1,"test":1,"keys":{"data.train_ratio":0.25}},"overrides":{"train.epochs":3},"epochs":3,"epochs_planned":3,"selection_metric":"val/nrmse","best_epoch":2,"best":{"test/nrmse":0.5,"val/nrmse":0.4},"final":{"test/nrmse":0.6},"baselines":{"persistence/nrmse":0.2},"wall_time_s":1.5,"spectral_s":0.1,"spectral_fraction":0.06,"analyses":3}"#;
    fuzz("summary", &[("summary.json", seed.to_vec())], iterations(600), |p| {
        let _ = engine::summary::RunSummary::read(p.parent().unwrap());
    });
}

#[test]
fn pdebench_hdf5_files() {
    quiet_panics();
    let dir = scratch("h5-seed");
    let mut seeds = Vec::new();
    for (name, kind) in [("cfd.hdf5", "cfd-2d"), ("darcy.hdf5", "darcy-2d"), ("dr.h5", "diffusion-reaction-2d")] {
        let base = datasets::DataConfig { cache_dir: dir.clone(), num_samples: 3, resolution: 8, ..datasets::DataConfig::preset(kind) };
        let cfg = match kind {
            "darcy-2d" => base,
            _ => datasets::DataConfig { num_frames: 4, t_end: 0.1, reduced_resolution_t: 1, ..base },
        };
        let path = dir.join(name);
        datasets::export_hdf5(&cfg, &path, None).unwrap();
        seeds.push((name, kind, std::fs::read(&path).unwrap()));
    }
    for (name, kind, bytes) in seeds {
        fuzz(&format!("hdf5-{kind}"), &[(name, bytes)], iterations(300), |p| {
            let cfg = datasets::DataConfig { file: Some(p.to_path_buf()), reduced_resolution: 1, reduced_resolution_t: 1, ..datasets::DataConfig::preset(kind) };
            let _ = datasets::PdeDataset::load(&cfg, None);
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_data_files() {
    quiet_panics();
    let jsonl = b"{\"text\": \"a fine film\", \"label\": \"pos\"}\n{\"text\": \"dull, \\\"flat\\\"\", \"label\": \"neg\"}\n{\"text\": \"ok\", \"label\": 1}\n".to_vec();
    let csv = b"text,label\n\"a fine, \"\"warm\"\" film\",pos\ndull,neg\n".to_vec();
    let tsv = b"sentence\tlabel\na fine film\tpos\ndull\tneg\n".to_vec();
    let cols = |text| textdata::reader::Columns { text, text_pair: None, label: "label" };
    fuzz("jsonl", &[("data.jsonl", jsonl)], iterations(600), |p| {
        let _ = textdata::reader::read_rows(p, None, cols("text"));
    });
    fuzz("csv", &[("data.csv", csv)], iterations(600), |p| {
        let _ = textdata::reader::read_rows(p, None, cols("text"));
    });
    fuzz("tsv", &[("data.tsv", tsv)], iterations(600), |p| {
        let _ = textdata::reader::read_rows(p, None, cols("sentence"));
    });
}

#[test]
fn tokenizer_files() {
    quiet_panics();
    let path = repo().join("assets/minilm/tokenizer.json");
    let seed = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; run scripts/fetch-assets.sh", path.display()));
    fuzz("tokenizer", &[("tokenizer.json", seed)], iterations(40), |p| {
        if let Ok(t) = textdata::tokenize::TextTokenizer::from_file(p, 32) {
            let _ = t.encode_one("a fine film", None);
        }
    });
}
