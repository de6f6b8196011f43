//! Public-API tests: determinism, cache behaviour, downsampling, split, config validation.

use datasets::{cache_path, DataConfig, DataError, PdeDataset, Split, KNOWN_DATASETS};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

struct TempDir(PathBuf);
impl TempDir {
    fn new(name: &str) -> Self {
        let d = std::env::temp_dir().join(format!("engine-datasets-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        TempDir(d)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A small dataset: 6 samples, 8x8, 11 frames over t in [0, 1].
fn small(dir: &Path) -> DataConfig {
    DataConfig {
        cache_dir: dir.to_path_buf(),
        num_samples: 6,
        resolution: 8,
        num_frames: 11,
        t_end: 1.0,
        reduced_resolution_t: 1,
        ..DataConfig::default()
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn load_with_threads(cfg: &DataConfig, threads: usize) -> PdeDataset {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(|| PdeDataset::load(cfg, None))
        .unwrap()
        .0
}

#[test]
fn same_seed_same_bytes_whatever_the_thread_count() {
    let (a, b) = (TempDir::new("det-a"), TempDir::new("det-b"));
    let one = load_with_threads(&small(&a.0), 1);
    let three = load_with_threads(&small(&b.0), 3);
    assert_eq!(one, three);
    // The cache files themselves are byte-identical.
    let fa = cache_path(&small(&a.0)).unwrap();
    let fb = cache_path(&small(&b.0)).unwrap();
    assert_eq!(fa.file_name(), fb.file_name());
    assert_eq!(std::fs::read(&fa).unwrap(), std::fs::read(&fb).unwrap());

    // Another seed gives other data (and another file).
    let c = TempDir::new("det-c");
    let other = DataConfig {
        seed: 1,
        ..small(&c.0)
    };
    let (ds, _) = PdeDataset::load(&other, None).unwrap();
    assert_ne!(ds.data(), one.data());
    assert_ne!(cache_path(&other).unwrap().file_name(), fa.file_name());

    // Sample i does not depend on how many samples are generated.
    let d = TempDir::new("det-d");
    let (more, _) = PdeDataset::load(
        &DataConfig {
            num_samples: 9,
            ..small(&d.0)
        },
        None,
    )
    .unwrap();
    assert_eq!(&more.data()[..one.data().len()], one.data());
}

#[test]
fn generated_data_look_like_the_problem() {
    let dir = TempDir::new("shape");
    let cfg = small(&dir.0);
    let (ds, info) = PdeDataset::load(&cfg, None).unwrap();
    assert!(info.generated);
    assert_eq!(ds.shape(), [6, 8, 8, 11, 2]);
    assert_eq!((ds.n(), ds.x(), ds.y(), ds.t(), ds.c()), (6, 8, 8, 11, 2));
    assert_eq!(ds.channel_names(), ["u", "v"]);
    assert_eq!(ds.name(), "diffusion-reaction-2d");
    assert_eq!(ds.times().len(), 11);
    assert_eq!(ds.times()[0], 0.0);
    assert!((ds.times()[10] - 1.0).abs() < 1e-7);
    // Cell centres of [-1, 1] with dx = 0.25: -0.875 ... 0.875; grid[i, j] = (x_i, y_j).
    let g = ds.grid();
    assert_eq!(g.len(), 8 * 8 * 2);
    assert_eq!(&g[..2], &[-0.875, -0.875]);
    assert_eq!(&g[2..4], &[-0.875, -0.625]); // j moves y
    assert_eq!(&g[(8 * 8 - 1) * 2..], &[0.875, 0.875]);
    // Frame 0 is N(0, 1) noise: mean near 0, variance near 1 over 6 * 64 * 2 values.
    let frame0: Vec<f32> = ds
        .data()
        .chunks(2)
        .enumerate()
        .filter(|(i, _)| i % 11 == 0)
        .flat_map(|(_, c)| c.to_vec())
        .collect();
    assert_eq!(frame0.len(), 6 * 64 * 2);
    let mean = frame0.iter().sum::<f32>() / frame0.len() as f32;
    let var = frame0.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / frame0.len() as f32;
    assert!(
        mean.abs() < 0.15 && (var - 1.0).abs() < 0.2,
        "mean {mean} var {var}"
    );
    // And the fields evolve (the last frame differs from the first).
    let s = ds.sample(0);
    assert_ne!(s[0], s[10 * 2]);
    assert!(ds.data().iter().all(|x| x.is_finite()));
}

#[test]
fn second_load_reads_the_cache_without_regenerating() {
    let dir = TempDir::new("hit");
    let cfg = small(&dir.0);
    let calls = Mutex::new(Vec::new());
    let progress = |done: usize, total: usize| calls.lock().unwrap().push((done, total));
    let (first, info) = PdeDataset::load(&cfg, Some(&progress)).unwrap();
    assert!(info.generated);
    assert_eq!(
        *calls.lock().unwrap(),
        (1..=6).map(|d| (d, 6)).collect::<Vec<_>>()
    );
    assert_eq!(info.path, cache_path(&cfg).unwrap());
    assert_eq!(
        files_in(&dir.0),
        vec![info
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()]
    );
    let modified = std::fs::metadata(&info.path).unwrap().modified().unwrap();
    let bytes = std::fs::read(&info.path).unwrap();

    let hits = AtomicUsize::new(0);
    let (second, info2) = PdeDataset::load(
        &cfg,
        Some(&|_, _| {
            hits.fetch_add(1, Ordering::SeqCst);
        }),
    )
    .unwrap();
    assert!(!info2.generated);
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "progress must not be called on a cache hit"
    );
    assert_eq!(first, second);
    assert_eq!(
        std::fs::metadata(&info.path).unwrap().modified().unwrap(),
        modified
    );
    assert_eq!(std::fs::read(&info.path).unwrap(), bytes);

    // Proof that the data come from the file: change the last f32 of `u` (the last tensor in the
    // file) and load again.
    let mut patched = bytes.clone();
    let n = patched.len();
    patched[n - 4..].copy_from_slice(&1234.5f32.to_le_bytes());
    std::fs::write(&info.path, &patched).unwrap();
    let (third, info3) = PdeDataset::load(&cfg, None).unwrap();
    assert!(!info3.generated);
    assert_eq!(*third.data().last().unwrap(), 1234.5);
}

#[test]
fn corrupt_cache_error_names_the_file_and_says_to_delete_it() {
    let dir = TempDir::new("corrupt");
    let cfg = small(&dir.0);
    let (_, info) = PdeDataset::load(&cfg, None).unwrap();
    let bytes = std::fs::read(&info.path).unwrap();
    for bad in [
        bytes[..bytes.len() / 2].to_vec(),
        b"not a safetensors file".to_vec(),
        Vec::new(),
    ] {
        std::fs::write(&info.path, &bad).unwrap();
        let e = PdeDataset::load(&cfg, None).unwrap_err();
        assert!(matches!(e, DataError::CorruptCache { .. }), "{e:?}");
        let msg = e.to_string();
        assert!(msg.contains(&info.path.display().to_string()), "{msg}");
        assert!(msg.contains("delete it"), "{msg}");
        assert!(!msg.contains('\n'), "one line: {msg}");
    }
    // Deleting it, as the message says, regenerates the same data.
    std::fs::remove_file(&info.path).unwrap();
    let (_, again) = PdeDataset::load(&cfg, None).unwrap();
    assert!(again.generated);
    assert_eq!(std::fs::read(&info.path).unwrap(), bytes);
}

#[test]
fn strides_pick_every_rr_th_point_and_rrt_th_frame() {
    let dir = TempDir::new("stride");
    let full_cfg = small(&dir.0);
    let (full, _) = PdeDataset::load(&full_cfg, None).unwrap();
    let cfg = DataConfig {
        reduced_resolution: 3,
        reduced_resolution_t: 4,
        ..full_cfg.clone()
    };
    let (ds, info) = PdeDataset::load(&cfg, None).unwrap();
    assert!(
        !info.generated,
        "strides are applied after the cache: same file"
    );
    // 8 with stride 3: 0, 3, 6 -> 3; 11 frames with stride 4: 0, 4, 8 -> 3.
    assert_eq!(ds.shape(), [6, 3, 3, 3, 2]);
    assert_eq!(
        ds.times(),
        &[full.times()[0], full.times()[4], full.times()[8]]
    );
    let [_, xf, yf, tf, c] = full.shape();
    for s in 0..6 {
        for (i2, i) in [0, 3, 6].into_iter().enumerate() {
            for (j2, j) in [0, 3, 6].into_iter().enumerate() {
                for (k2, k) in [0, 4, 8].into_iter().enumerate() {
                    for ch in 0..c {
                        let a = full.data()[(((s * xf + i) * yf + j) * tf + k) * c + ch];
                        let b = ds.data()[(((s * 3 + i2) * 3 + j2) * 3 + k2) * c + ch];
                        assert_eq!(a, b);
                    }
                }
            }
        }
    }
    for (i2, i) in [0, 3, 6].into_iter().enumerate() {
        for (j2, j) in [0, 3, 6].into_iter().enumerate() {
            assert_eq!(
                ds.grid()[(i2 * 3 + j2) * 2..][..2],
                full.grid()[(i * 8 + j) * 2..][..2]
            );
        }
    }
    // PDEBench's default temporal stride: 101 frames -> 21.
    let cfg = DataConfig {
        num_samples: 1,
        num_frames: 101,
        reduced_resolution_t: 5,
        ..small(&dir.0)
    };
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.t(), 21);
    assert_eq!(*ds.times().last().unwrap(), 1.0);
}

#[test]
fn gather_stacks_samples_in_the_given_order() {
    let dir = TempDir::new("gather");
    let (ds, _) = PdeDataset::load(&small(&dir.0), None).unwrap();
    let b = ds.gather(&[4, 1, 4]);
    let len = ds.x() * ds.y() * ds.t() * ds.c();
    assert_eq!(b.len(), 3 * len);
    assert_eq!(&b[..len], ds.sample(4));
    assert_eq!(&b[len..2 * len], ds.sample(1));
    assert_eq!(&b[2 * len..], ds.sample(4));
    assert!(ds.gather(&[]).is_empty());
}

#[test]
fn pdebench_split_sizes() {
    // PDEBench's split has no validation set.
    let cfg = DataConfig { val_fraction: 0.0, ..DataConfig::default() };
    for (rb, want) in [
        (1, 9000),
        (2, 4500),
        (4, 2250),
        (10, 900),
        (40, 225),
        (180, 50),
    ] {
        let s = Split::new(
            10_000,
            &DataConfig {
                reduced_batch: rb,
                ..cfg.clone()
            },
        )
        .unwrap();
        assert_eq!(s.test, (0..1000).collect::<Vec<_>>());
        assert_eq!(s.train.len(), want, "reduced_batch {rb}");
        assert_eq!(s.train[0], 1000);
        assert!(s.train.windows(2).all(|w| w[1] - w[0] == rb));
        assert!(*s.train.last().unwrap() < 10_000);
    }
}

#[test]
fn split_of_small_sets_and_train_ratio() {
    // PDEBench's split has no validation set.
    let cfg = DataConfig { val_fraction: 0.0, ..DataConfig::default() };
    // Default: 110 samples -> 11 test, 99 train.
    let s = Split::new(110, &cfg).unwrap();
    assert_eq!((s.test.len(), s.train.len()), (11, 99));
    assert_eq!(s.train[0], 11);
    // 99 / 4 = 24 (PDEBench truncates: [11::4] has 25, the last is dropped).
    let s = Split::new(
        110,
        &DataConfig {
            reduced_batch: 4,
            ..cfg.clone()
        },
    )
    .unwrap();
    assert_eq!(s.train.len(), 24);
    assert_eq!(s.train[..3], [11, 15, 19]);
    // train_ratio keeps a prefix: ceil(0.5 * 24) = 12.
    let s2 = Split::new(
        110,
        &DataConfig {
            reduced_batch: 4,
            train_ratio: 0.5,
            ..cfg.clone()
        },
    )
    .unwrap();
    assert_eq!(s2.train, s.train[..12]);
    // ceil(0.3 * 10) = 3 despite 0.3 * 10 = 3.0000000000000004.
    let s3 = Split::new(
        11,
        &DataConfig {
            test_fraction: 0.1 - 1e-12,
            train_ratio: 0.3,
            ..cfg.clone()
        },
    )
    .unwrap();
    assert_eq!((s3.test.len(), s3.train.len()), (1, 3));
    // Every training sample, tiny ratio: at least one.
    let s4 = Split::new(
        110,
        &DataConfig {
            train_ratio: 1e-6,
            ..cfg.clone()
        },
    )
    .unwrap();
    assert_eq!(s4.train, vec![11]);
    // No test set.
    let s5 = Split::new(
        5,
        &DataConfig {
            test_fraction: 0.0,
            ..cfg.clone()
        },
    )
    .unwrap();
    assert_eq!((s5.test.len(), s5.train), (0, vec![0, 1, 2, 3, 4]));
    // 100 * 0.29 = 28.999999999999996 is 29 test samples.
    assert_eq!(
        Split::new(
            100,
            &DataConfig {
                test_fraction: 0.29,
                ..cfg.clone()
            }
        )
        .unwrap()
        .test
        .len(),
        29
    );
}

#[test]
fn validation_set_is_the_last_samples_and_never_trains() {
    // Default: 110 samples -> 11 test (first), 11 validation (last), 88 in between train.
    let s = Split::new(110, &DataConfig::default()).unwrap();
    assert_eq!(s.test, (0..11).collect::<Vec<_>>());
    assert_eq!(s.val, (99..110).collect::<Vec<_>>());
    assert_eq!(s.train, (11..99).collect::<Vec<_>>());
    // Striding works over the pool between them: 88 / 4 = 22.
    let s = Split::new(110, &DataConfig { reduced_batch: 4, ..DataConfig::default() }).unwrap();
    assert_eq!(s.train.len(), 22);
    assert!(s.train.iter().all(|i| (11..99).contains(i)));
    // A fraction that rounds to no sample is an error naming the key.
    let e = Split::new(5, &DataConfig { test_fraction: 0.0, ..DataConfig::default() }).unwrap_err().to_string();
    assert!(e.contains("data.val_fraction"), "{e}");
}

#[test]
fn split_errors() {
    // PDEBench's split has no validation set.
    let cfg = DataConfig { val_fraction: 0.0, ..DataConfig::default() };
    let e = Split::new(
        110,
        &DataConfig {
            reduced_batch: 100,
            ..cfg.clone()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("no training samples") && e.contains("data.reduced_batch"),
        "{e}"
    );
    let e = Split::new(5, &cfg).unwrap_err().to_string();
    assert!(e.contains("data.test_fraction"), "{e}");
    let e = Split::new(
        1,
        &DataConfig {
            test_fraction: 0.0,
            reduced_batch: 2,
            ..cfg
        },
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("no training samples"), "{e}");
}

#[test]
fn config_defaults_and_serde() {
    let d = DataConfig::default();
    assert_eq!(d.dataset, "diffusion-reaction-2d");
    assert_eq!(d.cache_dir, PathBuf::from("data-cache"));
    assert_eq!(
        (
            d.seed,
            d.num_samples,
            d.resolution,
            d.num_frames,
            d.reduced_resolution,
            d.reduced_resolution_t,
            d.reduced_batch
        ),
        (0, 110, 32, 101, 1, 5, 1)
    );
    assert_eq!((d.t_end, d.test_fraction, d.train_ratio), (5.0, 0.1, 1.0));
    d.validate().unwrap();
    assert_eq!(
        KNOWN_DATASETS,
        ["diffusion-reaction-2d", "cfd-2d", "cfd-1d", "darcy-2d", "burgers-1d", "advection-1d"]
    );
    // Missing keys take defaults; unknown keys are errors.
    let c: DataConfig = serde_json::from_str(r#"{"reduced_batch": 4}"#).unwrap();
    assert_eq!(
        c,
        DataConfig {
            reduced_batch: 4,
            ..DataConfig::default()
        }
    );
    let e = serde_json::from_str::<DataConfig>(r#"{"reduced_btach": 4}"#)
        .unwrap_err()
        .to_string();
    assert!(e.contains("reduced_btach"), "{e}");
    let back: DataConfig = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
}

#[test]
fn config_validation_names_the_key() {
    let d = DataConfig::default();
    let cases: Vec<(DataConfig, &str)> = vec![
        (
            DataConfig {
                reduced_batch: 0,
                ..d.clone()
            },
            "data.reduced_batch must be >= 1",
        ),
        (
            DataConfig {
                reduced_resolution: 0,
                ..d.clone()
            },
            "data.reduced_resolution must be >= 1",
        ),
        (
            DataConfig {
                reduced_resolution: 33,
                ..d.clone()
            },
            "data.reduced_resolution must be <= data.resolution",
        ),
        (
            DataConfig {
                reduced_resolution_t: 0,
                ..d.clone()
            },
            "data.reduced_resolution_t must be >= 1",
        ),
        (
            DataConfig {
                reduced_resolution_t: 101,
                ..d.clone()
            },
            "data.reduced_resolution_t must be <=",
        ),
        (
            DataConfig {
                num_samples: 0,
                ..d.clone()
            },
            "data.num_samples must be >= 1",
        ),
        (
            DataConfig {
                resolution: 1,
                ..d.clone()
            },
            "data.resolution must be >= 2",
        ),
        (
            DataConfig {
                num_frames: 1,
                ..d.clone()
            },
            "data.num_frames must be >= 2",
        ),
        (
            DataConfig {
                t_end: 0.0,
                ..d.clone()
            },
            "data.t_end must be",
        ),
        (
            DataConfig {
                t_end: f64::NAN,
                ..d.clone()
            },
            "data.t_end must be",
        ),
        (
            DataConfig {
                test_fraction: 1.0,
                ..d.clone()
            },
            "data.test_fraction must be in [0, 1)",
        ),
        (
            DataConfig {
                test_fraction: -0.1,
                ..d.clone()
            },
            "data.test_fraction must be in [0, 1)",
        ),
        (
            DataConfig {
                train_ratio: 0.0,
                ..d.clone()
            },
            "data.train_ratio must be in (0, 1]",
        ),
        (
            DataConfig {
                train_ratio: 1.5,
                ..d.clone()
            },
            "data.train_ratio must be in (0, 1]",
        ),
        (
            DataConfig {
                cache_dir: PathBuf::new(),
                ..d.clone()
            },
            "data.cache_dir must not be empty",
        ),
        (
            DataConfig {
                num_samples: usize::MAX / 2,
                ..d.clone()
            },
            "data.num_samples",
        ),
    ];
    for (cfg, want) in cases {
        let e = cfg.validate().unwrap_err().to_string();
        assert!(e.starts_with(want), "{e:?} should start with {want:?}");
        assert!(!e.contains('\n'));
        // load and cache_path validate too.
        assert_eq!(PdeDataset::load(&cfg, None).unwrap_err().to_string(), e);
    }
    let e = DataConfig {
        dataset: "2d-cfd".into(),
        ..d
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "data.dataset: unknown dataset \"2d-cfd\"; known datasets: diffusion-reaction-2d, cfd-2d, cfd-1d, darcy-2d, burgers-1d, advection-1d"
    );
}
