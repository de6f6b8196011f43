//! The PDEBench datasets through the public API: presets, generation, 1D/2D layouts, HDF5 files.

use datasets::{
    cache_path, export_hdf5, pdebench_file_name, DataConfig, DataError, DatasetKind, PdeDataset,
    Split,
};
use std::path::{Path, PathBuf};

struct TempDir(PathBuf);
impl TempDir {
    fn new(name: &str) -> Self {
        let d = std::env::temp_dir().join(format!(
            "engine-datasets-pdeb-{name}-{}",
            std::process::id()
        ));
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

/// Small, fast versions of every dataset.
fn small(name: &str, dir: &Path) -> DataConfig {
    let base = DataConfig {
        cache_dir: dir.to_path_buf(),
        num_samples: 4,
        ..DataConfig::preset(name)
    };
    match name {
        "cfd-2d" => DataConfig {
            resolution: 8,
            num_frames: 3,
            t_end: 0.1,
            ..base
        },
        "cfd-1d" => DataConfig {
            resolution: 32,
            num_frames: 6,
            t_end: 0.05,
            reduced_resolution: 2,
            reduced_resolution_t: 1,
            ..base
        },
        "darcy-2d" => DataConfig {
            resolution: 16,
            ..base
        },
        "burgers-1d" | "advection-1d" => DataConfig {
            resolution: 64,
            num_frames: 11,
            t_end: 0.2,
            ..base
        },
        _ => DataConfig {
            resolution: 8,
            num_frames: 6,
            t_end: 0.5,
            reduced_resolution_t: 1,
            ..base
        },
    }
}

fn with_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn presets_follow_pdebench() {
    let p = DataConfig::preset("cfd-2d");
    assert_eq!(
        (
            p.resolution,
            p.num_frames,
            p.t_end,
            p.reduced_resolution,
            p.reduced_resolution_t
        ),
        (64, 21, 1.0, 1, 1)
    );
    assert_eq!(
        (p.mach, p.eta, p.zeta, p.beta, p.nu),
        (Some(0.1), Some(0.01), Some(0.01), None, None)
    );
    let p = DataConfig::preset("cfd-1d");
    assert_eq!(
        (
            p.resolution,
            p.num_frames,
            p.t_end,
            p.reduced_resolution,
            p.reduced_resolution_t
        ),
        (1024, 101, 1.0, 8, 5)
    );
    assert_eq!((p.mach, p.eta, p.zeta), (None, Some(0.01), Some(0.01)));
    let p = DataConfig::preset("darcy-2d");
    assert_eq!(
        (p.resolution, p.num_frames, p.reduced_resolution, p.beta),
        (128, 2, 2, Some(1.0))
    );
    let p = DataConfig::preset("burgers-1d");
    assert_eq!(
        (
            p.resolution,
            p.num_frames,
            p.t_end,
            p.reduced_resolution,
            p.reduced_resolution_t,
            p.nu
        ),
        (1024, 201, 2.0, 4, 5, Some(0.001))
    );
    let p = DataConfig::preset("advection-1d");
    assert_eq!(
        (p.resolution, p.num_frames, p.t_end, p.beta),
        (1024, 201, 2.0, Some(0.1))
    );
    assert_eq!(
        DataConfig::preset("diffusion-reaction-2d"),
        DataConfig::default()
    );
    for name in datasets::KNOWN_DATASETS {
        DataConfig::preset(name).validate().unwrap();
        assert_eq!(DataConfig::preset(name).kind().unwrap().name(), *name);
    }
}

/// Missing keys take the named dataset's defaults, also when the defaults come from a serialized
/// default configuration (the way the engine layers figment providers).
#[test]
fn serialized_defaults_follow_the_dataset() {
    // A default serializes to its dataset only: it pins no sizes.
    let v = serde_json::to_value(DataConfig::default()).unwrap();
    assert_eq!(v, serde_json::json!({"dataset": "diffusion-reaction-2d"}));
    // Layering: defaults, then a user's `dataset = "cfd-2d"` and one override.
    let mut merged = v.as_object().unwrap().clone();
    merged.insert("dataset".into(), "cfd-2d".into());
    merged.insert("eta".into(), 0.1.into());
    let c: DataConfig = serde_json::from_value(serde_json::Value::Object(merged)).unwrap();
    assert_eq!(
        c,
        DataConfig {
            eta: Some(0.1),
            ..DataConfig::preset("cfd-2d")
        }
    );
    // A deserialized configuration serializes every key it uses (explicit resolved config)...
    let v = serde_json::to_value(&c).unwrap();
    for key in [
        "cache_dir",
        "seed",
        "num_samples",
        "resolution",
        "num_frames",
        "t_end",
        "reduced_resolution",
        "reduced_resolution_t",
        "test_fraction",
        "val_fraction",
        "reduced_batch",
        "train_ratio",
        "mach",
        "eta",
        "zeta",
    ] {
        assert!(v.get(key).is_some(), "{key} missing from {v}");
    }
    assert_eq!(v["mach"], 0.1);
    assert_eq!(v["resolution"], 64);
    // ... but not the physics keys of other datasets, nor an unset file.
    for key in ["beta", "nu", "file"] {
        assert!(v.get(key).is_none(), "{key} in {v}");
    }
    // Round trips both ways.
    assert_eq!(serde_json::from_value::<DataConfig>(v).unwrap(), c);
    let d = DataConfig {
        resolution: 16,
        ..DataConfig::preset("burgers-1d")
    };
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"dataset": "burgers-1d", "resolution": 16})
    );
    assert_eq!(serde_json::from_value::<DataConfig>(v).unwrap(), d);
    // Unknown keys stay errors.
    let e = serde_json::from_str::<DataConfig>(r#"{"dataset": "cfd-2d", "mahc": 1}"#)
        .unwrap_err()
        .to_string();
    assert!(e.contains("mahc"), "{e}");
}

#[test]
fn physics_keys_are_checked_against_the_dataset() {
    let e = DataConfig {
        mach: Some(1.0),
        ..DataConfig::preset("burgers-1d")
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "data.mach is not a parameter of dataset burgers-1d; it applies to cfd-2d: remove it"
    );
    let e = DataConfig {
        beta: Some(1.0),
        ..DataConfig::preset("cfd-1d")
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with(
            "data.beta is not a parameter of dataset cfd-1d; it applies to darcy-2d, advection-1d"
        ),
        "{e}"
    );
    let e = DataConfig {
        eta: Some(-1.0),
        ..DataConfig::preset("cfd-2d")
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert_eq!(e, "data.eta must be a finite number >= 0 (got -1)");
    let e = DataConfig {
        beta: Some(0.0),
        ..DataConfig::preset("darcy-2d")
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("data.beta must be a finite number > 0"),
        "{e}"
    );
    DataConfig {
        beta: Some(-0.4),
        ..DataConfig::preset("advection-1d")
    }
    .validate()
    .unwrap();
    let e = DataConfig {
        num_frames: 3,
        ..DataConfig::preset("darcy-2d")
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("data.num_frames must be 2 for darcy-2d"),
        "{e}"
    );
    // Physics keys change the cache file; split keys do not.
    let dir = Path::new("unused");
    let a = small("cfd-2d", dir);
    let b = DataConfig {
        zeta: Some(0.1),
        ..a.clone()
    };
    let c = DataConfig {
        reduced_batch: 4,
        ..a.clone()
    };
    assert_ne!(cache_path(&a).unwrap(), cache_path(&b).unwrap());
    assert_eq!(cache_path(&a).unwrap(), cache_path(&c).unwrap());
    // PDEBench's names.
    assert_eq!(
        pdebench_file_name(&DataConfig::preset("cfd-2d")).unwrap(),
        "2D_CFD_Rand_M0.1_Eta0.01_Zeta0.01_periodic_64_Train.hdf5"
    );
    assert_eq!(
        pdebench_file_name(&DataConfig {
            eta: Some(1e-8),
            zeta: Some(1e-8),
            ..DataConfig::preset("cfd-1d")
        })
        .unwrap(),
        "1D_CFD_Rand_Eta1e-8_Zeta1e-8_periodic_Train.hdf5"
    );
    assert_eq!(
        pdebench_file_name(&DataConfig::preset("darcy-2d")).unwrap(),
        "2D_DarcyFlow_beta1_Train.hdf5"
    );
}

#[test]
fn every_dataset_generates_with_its_layout_deterministically() {
    let expect: &[(&str, &[usize], &[&str])] = &[
        (
            "cfd-2d",
            &[4, 8, 8, 3, 4],
            &["density", "pressure", "Vx", "Vy"],
        ),
        ("cfd-1d", &[4, 16, 6, 3], &["density", "pressure", "Vx"]),
        ("darcy-2d", &[4, 8, 8, 2, 1], &["u"]),
        ("burgers-1d", &[4, 16, 3, 1], &["u"]),
        ("advection-1d", &[4, 16, 3, 1], &["u"]),
    ];
    for &(name, dims, channels) in expect {
        let (a, b) = (
            TempDir::new(&format!("gen-a-{name}")),
            TempDir::new(&format!("gen-b-{name}")),
        );
        let one = with_threads(1, || PdeDataset::load(&small(name, &a.0), None).unwrap().0);
        let two = with_threads(2, || PdeDataset::load(&small(name, &b.0), None).unwrap().0);
        assert_eq!(one, two, "{name}: thread count changed the data");
        assert_eq!(one.dims(), dims, "{name}");
        assert_eq!(one.spatial(), &dims[1..dims.len() - 2], "{name}");
        assert_eq!(one.channel_names(), channels, "{name}");
        assert_eq!(one.name(), name);
        assert!(one.data().iter().all(|v| v.is_finite()), "{name}");
        let d = dims.len() - 3;
        assert_eq!(one.grid().len(), one.points() * d, "{name}");
        assert_eq!(one.times().len(), one.t());
        // The old 2D accessors keep working; 1D reads as Y = 1.
        assert_eq!(
            one.shape(),
            [
                dims[0],
                dims[1],
                if d == 2 { dims[2] } else { 1 },
                one.t(),
                one.c()
            ]
        );
        // gather is [B, X.., T, C].
        assert_eq!(
            one.gather(&[1, 0]).len(),
            2 * one.points() * one.t() * one.c()
        );
        // Sample i does not depend on how many are generated.
        let c = TempDir::new(&format!("gen-c-{name}"));
        let more = PdeDataset::load(
            &DataConfig {
                num_samples: 6,
                ..small(name, &c.0)
            },
            None,
        )
        .unwrap()
        .0;
        assert_eq!(&more.data()[..one.data().len()], one.data(), "{name}");
        // Another seed, other data.
        let other = PdeDataset::load(
            &DataConfig {
                seed: 1,
                ..small(name, &c.0)
            },
            None,
        )
        .unwrap()
        .0;
        assert_ne!(other.data(), one.data(), "{name}");
    }
}

#[test]
fn generated_fields_are_physical() {
    // cfd-2d: positive density and pressure everywhere, velocities of order M c_s.
    let dir = TempDir::new("phys");
    let (ds, _) = PdeDataset::load(&small("cfd-2d", &dir.0), None).unwrap();
    for v in ds.data().chunks(4) {
        assert!(v[0] > 0.0 && v[1] > 0.0, "{v:?}");
    }
    // cfd-1d likewise; rho in [1, 20], p in [10, 200] at t = 0.
    let (ds, _) = PdeDataset::load(&small("cfd-1d", &dir.0), None).unwrap();
    for v in ds.data().chunks(3) {
        assert!(v[0] > 0.0 && v[1] > 0.0, "{v:?}");
    }
    // darcy-2d: frame 0 is a in {0.1, 1}, frame 1 is u > 0.
    let (ds, _) = PdeDataset::load(&small("darcy-2d", &dir.0), None).unwrap();
    for v in ds.data().chunks(2) {
        assert!(v[0] == 1.0 || v[0] == 0.1, "{v:?}");
        assert!(v[1] > 0.0);
    }
    assert_eq!(ds.times(), [0.0, 1.0]);
}

#[test]
fn darcy_runs_as_a_one_step_task() {
    // T = 2 frames [a, u]: initial_step = 1 predicts frame 1 from frame 0. The split works as for
    // every other dataset.
    let dir = TempDir::new("darcy-split");
    let cfg = DataConfig {
        num_samples: 10,
        ..small("darcy-2d", &dir.0)
    };
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.t(), 2);
    let split = Split::new(ds.n(), &cfg).unwrap();
    assert_eq!(
        (split.test.len(), split.val.len(), split.train.len()),
        (1, 1, 8)
    );
}

fn hdf5_round_trip(name: &str) {
    let dir = TempDir::new(&format!("h5-{name}"));
    let cfg = small(name, &dir.0);
    let file = dir.0.join(pdebench_file_name(&cfg).unwrap());
    let info = export_hdf5(&cfg, &file, None).unwrap();
    assert!(info.generated);
    assert_eq!(info.path, cache_path(&cfg).unwrap());
    // Reading the file with the same strides gives exactly the generated dataset.
    let (from_cache, _) = PdeDataset::load(&cfg, None).unwrap();
    let (from_file, info) = PdeDataset::load(
        &DataConfig {
            file: Some(file.clone()),
            ..cfg.clone()
        },
        None,
    )
    .unwrap();
    assert_eq!(info.path, file);
    assert!(!info.generated);
    assert_eq!(from_file.dims(), from_cache.dims(), "{name}");
    assert_eq!(from_file.data(), from_cache.data(), "{name}");
    assert_eq!(from_file.grid(), from_cache.grid(), "{name}");
    assert_eq!(from_file.times(), from_cache.times(), "{name}");
    // num_samples caps the samples read (PDEBench's num_samples_max).
    let (two, _) = PdeDataset::load(
        &DataConfig {
            file: Some(file.clone()),
            num_samples: 2,
            ..cfg.clone()
        },
        None,
    )
    .unwrap();
    assert_eq!(two.n(), 2);
    assert_eq!(two.data(), &from_cache.data()[..two.data().len()]);
    // Strides applied on load, from the full-resolution file.
    let strided = DataConfig {
        reduced_resolution: 2 * cfg.reduced_resolution,
        reduced_resolution_t: if name == "darcy-2d" { 1 } else { 2 },
        ..cfg.clone()
    };
    let (a, _) = PdeDataset::load(&strided, None).unwrap();
    let (b, _) = PdeDataset::load(
        &DataConfig {
            file: Some(file.clone()),
            ..strided
        },
        None,
    )
    .unwrap();
    assert_eq!(a, b, "{name} strided");
}

#[test]
fn hdf5_round_trip_cfd_2d() {
    hdf5_round_trip("cfd-2d");
}
#[test]
fn hdf5_round_trip_cfd_1d() {
    hdf5_round_trip("cfd-1d");
}
#[test]
fn hdf5_round_trip_darcy_2d() {
    hdf5_round_trip("darcy-2d");
}
#[test]
fn hdf5_round_trip_burgers_and_advection() {
    hdf5_round_trip("burgers-1d");
    hdf5_round_trip("advection-1d");
}
#[test]
fn hdf5_round_trip_diffusion_reaction() {
    hdf5_round_trip("diffusion-reaction-2d");
}

/// The file layout itself, read with the HDF5 library: names, shapes, dtypes, attributes.
#[test]
fn hdf5_layout_is_pdebench() {
    let dir = TempDir::new("layout");
    let f32_shape = |file: &hdf5::File, name: &str| -> Vec<usize> {
        let d = file.dataset(name).unwrap();
        assert!(d.dtype().unwrap().is::<f32>(), "{name} is not float32");
        d.shape()
    };
    let attr = |file: &hdf5::File, name: &str| -> f64 {
        file.attr(name).unwrap().read_scalar::<f64>().unwrap()
    };

    let cfg = small("cfd-2d", &dir.0);
    let path = dir.0.join("cfd2d.hdf5");
    export_hdf5(&cfg, &path, None).unwrap();
    let f = hdf5::File::open(&path).unwrap();
    for name in ["density", "pressure", "Vx", "Vy"] {
        assert_eq!(f32_shape(&f, name), [4, 3, 8, 8]);
    }
    assert_eq!(f32_shape(&f, "x-coordinate"), [8]);
    assert_eq!(f32_shape(&f, "y-coordinate"), [8]);
    assert_eq!(f32_shape(&f, "t-coordinate"), [3]);
    assert_eq!(
        (attr(&f, "eta"), attr(&f, "zeta"), attr(&f, "M")),
        (0.01, 0.01, 0.1)
    );
    let x = f
        .dataset("x-coordinate")
        .unwrap()
        .read_raw::<f32>()
        .unwrap();
    assert_eq!(x[0], 1.0 / 16.0);
    // density[s, t, i, j] is the dataset's sample s at cell (i, j), frame t, channel 0.
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    let density = f.dataset("density").unwrap().read_raw::<f32>().unwrap();
    let (s, t, i, j) = (2, 1, 3, 5);
    assert_eq!(
        density[((s * 3 + t) * 8 + i) * 8 + j],
        ds.sample(s)[((i * 8 + j) * 3 + t) * 4]
    );
    let vy = f.dataset("Vy").unwrap().read_raw::<f32>().unwrap();
    assert_eq!(
        vy[((s * 3 + t) * 8 + i) * 8 + j],
        ds.sample(s)[((i * 8 + j) * 3 + t) * 4 + 3]
    );
    assert!(f.attr("engine_generation").is_ok());

    let cfg = small("cfd-1d", &dir.0);
    let path = dir.0.join("cfd1d.hdf5");
    export_hdf5(&cfg, &path, None).unwrap();
    let f = hdf5::File::open(&path).unwrap();
    for name in ["density", "pressure", "Vx"] {
        assert_eq!(f32_shape(&f, name), [4, 6, 32]);
    }
    assert_eq!(f32_shape(&f, "x-coordinate"), [32]);
    // PDEBench's 1D CFD files have T + 1 time coordinates.
    assert_eq!(f32_shape(&f, "t-coordinate"), [7]);
    assert!(!f.link_exists("Vy") && !f.link_exists("y-coordinate"));
    assert_eq!((attr(&f, "eta"), attr(&f, "zeta")), (0.01, 0.01));
    assert_eq!(
        f.dataset("x-coordinate")
            .unwrap()
            .read_raw::<f32>()
            .unwrap()[0],
        -1.0 + 1.0 / 32.0
    );

    let cfg = small("darcy-2d", &dir.0);
    let path = dir.0.join("darcy.hdf5");
    export_hdf5(&cfg, &path, None).unwrap();
    let f = hdf5::File::open(&path).unwrap();
    assert_eq!(f32_shape(&f, "tensor"), [4, 1, 16, 16]);
    assert_eq!(f32_shape(&f, "nu"), [4, 16, 16]);
    assert_eq!(f32_shape(&f, "x-coordinate"), [16]);
    assert_eq!(f32_shape(&f, "y-coordinate"), [16]);
    assert_eq!(attr(&f, "beta"), 1.0);
    let nu = f.dataset("nu").unwrap().read_raw::<f32>().unwrap();
    assert!(nu.iter().all(|&a| a == 1.0 || a == 0.1));

    for (name, key, value) in [("burgers-1d", "nu", 0.001), ("advection-1d", "beta", 0.1)] {
        let cfg = small(name, &dir.0);
        let path = dir.0.join(format!("{name}.hdf5"));
        export_hdf5(&cfg, &path, None).unwrap();
        let f = hdf5::File::open(&path).unwrap();
        assert_eq!(f32_shape(&f, "tensor"), [4, 11, 64]);
        assert_eq!(f32_shape(&f, "x-coordinate"), [64]);
        assert_eq!(f32_shape(&f, "t-coordinate"), [11]);
        assert_eq!(attr(&f, key), value);
    }
}

#[test]
fn a_file_with_another_layout_is_refused_by_name() {
    let dir = TempDir::new("mismatch");
    let path = dir.0.join("darcy.hdf5");
    export_hdf5(&small("darcy-2d", &dir.0), &path, None).unwrap();
    let cfg = DataConfig {
        file: Some(path.clone()),
        ..small("cfd-2d", &dir.0)
    };
    let e = PdeDataset::load(&cfg, None).unwrap_err();
    assert!(matches!(e, DataError::File { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(
        msg.contains(&path.display().to_string())
            && msg.contains("set data.dataset = \"darcy-2d\""),
        "{msg}"
    );
    // A missing file names itself too.
    let missing = dir.0.join("nope.hdf5");
    let e = PdeDataset::load(
        &DataConfig {
            file: Some(missing.clone()),
            ..small("cfd-2d", &dir.0)
        },
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("nope.hdf5") && !e.contains('\n'), "{e}");
    // export refuses a config that reads a file.
    let e = export_hdf5(&cfg, &dir.0.join("x.hdf5"), None)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("data.file"), "{e}");
}

#[test]
fn kinds() {
    assert_eq!(DatasetKind::from_name("cfd-1d"), Some(DatasetKind::Cfd1d));
    assert_eq!(DatasetKind::Cfd1d.spatial_dims(), 1);
    assert_eq!(
        DatasetKind::Cfd2d.channels(),
        ["density", "pressure", "Vx", "Vy"]
    );
    assert!(DatasetKind::Darcy2d.is_steady());
    assert_eq!(DatasetKind::from_name("2d-cfd"), None);
}

/// A file written the way PDEBench's scripts and h5py users write them can differ in storage:
/// float64 data, chunked datasets, no coordinate arrays, T + 1 time coordinates. It still reads.
#[test]
fn a_hand_written_pdebench_file_reads() {
    let dir = TempDir::new("hand");
    let path = dir.0.join("2D_DarcyFlow_beta1.0_Train.hdf5");
    let (n, x) = (3usize, 6usize);
    {
        let f = hdf5::File::create(&path).unwrap();
        let u: Vec<f64> = (0..n * x * x).map(|i| i as f64).collect();
        let nu: Vec<f64> = (0..n * x * x).map(|i| -(i as f64)).collect();
        let t = f
            .new_dataset::<f64>()
            .shape([n, 1, x, x])
            .chunk([1, 1, x, x])
            .create("tensor")
            .unwrap();
        t.write_raw(&u).unwrap();
        f.new_dataset::<f64>()
            .shape([n, x, x])
            .create("nu")
            .unwrap()
            .write_raw(&nu)
            .unwrap();
    }
    let cfg = DataConfig {
        file: Some(path),
        reduced_resolution: 2,
        ..DataConfig::preset("darcy-2d")
    };
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.dims(), [3, 3, 3, 2, 1]);
    // Sample 1, kept point (1, 2) = full cell (2, 4): frame 0 = nu, frame 1 = tensor.
    let s = ds.sample(1);
    let q = 3 + 2;
    assert_eq!(s[q * 2], -((36 + 2 * 6 + 4) as f32));
    assert_eq!(s[q * 2 + 1], (36 + 2 * 6 + 4) as f32);
    // Cell centres of [0, 1] with 6 cells, every second one.
    assert_eq!(&ds.grid()[..2], &[1.0 / 12.0, 1.0 / 12.0]);
    assert_eq!(&ds.grid()[2..4], &[1.0 / 12.0, 5.0 / 12.0]);

    // 1D scalar file with 202 time coordinates for 201 frames.
    let path = dir.0.join("1D_Burgers_Sols_Nu0.001.hdf5");
    let (n, t, x) = (2usize, 201usize, 16usize);
    {
        let f = hdf5::File::create(&path).unwrap();
        let u: Vec<f32> = (0..n * t * x).map(|i| i as f32).collect();
        f.new_dataset::<f32>()
            .shape([n, t, x])
            .chunk([1, t, x])
            .create("tensor")
            .unwrap()
            .write_raw(&u)
            .unwrap();
        let tc: Vec<f32> = (0..=t).map(|k| k as f32 * 0.01).collect();
        f.new_dataset::<f32>()
            .shape([t + 1])
            .create("t-coordinate")
            .unwrap()
            .write_raw(&tc)
            .unwrap();
        let xc: Vec<f32> = (0..x).map(|i| (i as f32 + 0.5) / x as f32).collect();
        f.new_dataset::<f32>()
            .shape([x])
            .create("x-coordinate")
            .unwrap()
            .write_raw(&xc)
            .unwrap();
    }
    let cfg = DataConfig {
        file: Some(path),
        ..DataConfig::preset("burgers-1d")
    };
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.dims(), [2, 4, 41, 1]);
    assert_eq!(ds.times().len(), 41);
    assert!((ds.times()[40] - 2.0).abs() < 1e-6);
    // tensor[1, 5, 4] -> sample 1, point 1 (x index 4), frame 1 (t index 5).
    assert_eq!(ds.sample(1)[41 + 1], ((201 + 5) * 16 + 4) as f32);
}
