//! The PDEBench datasets through the public API: presets, generation, 1D/2D layouts, HDF5 files.

use datasets::{
    cache_path, effective_config, export_hdf5, pdebench_file_name, DataConfig, DataError,
    DatasetKind, PdeDataset, Split,
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

/// Runs a Python script with h5py, the reference HDF5 library (libhdf5 inside its wheel), from
/// `assets/python` (scripts/fetch-assets.sh installs it; `ENGINE_ASSETS_DIR` moves it). Returns
/// what the script printed.
fn h5py(script: &str, args: &[&Path]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let assets = std::env::var_os("ENGINE_ASSETS_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("assets"));
    let lib = assets.join("python");
    assert!(
        lib.join("h5py").is_dir(),
        "{}: h5py is missing; run scripts/fetch-assets.sh",
        lib.display()
    );
    let out = std::process::Command::new("python3")
        .env("PYTHONPATH", &lib)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "h5py script failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every dataset of a file as h5py sees it: path -> (shape, dtype, values), and root attributes.
const H5PY_DUMP: &str = r#"
import h5py, json, sys
out = {"datasets": {}, "attrs": {}}
with h5py.File(sys.argv[1], "r") as f:
    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            out["datasets"][name] = [list(obj.shape), obj.dtype.str, obj[()].ravel().tolist()]
    f.visititems(visit)
    for k, v in f.attrs.items():
        out["attrs"][k] = v.decode() if isinstance(v, bytes) else (v if isinstance(v, str) else float(v))
print(json.dumps(out))
"#;

struct H5pyView {
    datasets: std::collections::BTreeMap<String, (Vec<usize>, String, Vec<f32>)>,
    attrs: serde_json::Map<String, serde_json::Value>,
}

fn h5py_view(path: &Path) -> H5pyView {
    let v: serde_json::Value = serde_json::from_str(&h5py(H5PY_DUMP, &[path])).unwrap();
    let datasets = v["datasets"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, d)| {
            let shape = d[0].as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as usize).collect();
            // Values as float32 (every dataset compared here is float32; JSON carries them exactly).
            let values = d[2].as_array().unwrap().iter().map(|x| x.as_f64().unwrap() as f32).collect();
            (k.clone(), (shape, d[1].as_str().unwrap().to_string(), values))
        })
        .collect();
    H5pyView { datasets, attrs: v["attrs"].as_object().unwrap().clone() }
}

impl H5pyView {
    /// Shape of a float32 dataset (little-endian `<f4`, as PDEBench's files).
    fn f32_shape(&self, name: &str) -> Vec<usize> {
        let (shape, dtype, _) = self.datasets.get(name).unwrap_or_else(|| panic!("no `{name}`"));
        assert_eq!(dtype, "<f4", "{name} is not float32");
        shape.clone()
    }
    fn values(&self, name: &str) -> &[f32] {
        &self.datasets[name].2
    }
    fn attr(&self, name: &str) -> f64 {
        self.attrs[name].as_f64().unwrap_or_else(|| panic!("attribute `{name}`"))
    }
}

/// The engine's files opened with h5py: names, shapes, dtypes, attributes and values in
/// PDEBench's layout.
#[test]
fn engine_files_open_in_h5py_in_pdebench_layout() {
    let dir = TempDir::new("layout");

    let cfg = small("cfd-2d", &dir.0);
    let path = dir.0.join("cfd2d.hdf5");
    export_hdf5(&cfg, &path, None).unwrap();
    let f = h5py_view(&path);
    for name in ["density", "pressure", "Vx", "Vy"] {
        assert_eq!(f.f32_shape(name), [4, 3, 8, 8]);
    }
    assert_eq!(f.f32_shape("x-coordinate"), [8]);
    assert_eq!(f.f32_shape("y-coordinate"), [8]);
    // As PDEBench's 2D CFD files: T + 1 time coordinates, k * dt_save for k = 0..=T (this was
    // [3] before the engine matched PDEBench's layout), and the simulation grid's cell centres.
    assert_eq!(f.f32_shape("t-coordinate"), [4]);
    assert_eq!(f.values("t-coordinate"), [0.0, 0.05, 0.1, 0.15]);
    assert_eq!((f.attr("eta"), f.attr("zeta"), f.attr("M")), (0.01, 0.01, 0.1));
    assert_eq!(f.values("x-coordinate")[0], 1.0 / 16.0);
    assert_eq!(f.values("x-coordinate")[7], 15.0 / 16.0);
    // density[s, t, i, j] is the dataset's sample s at cell (i, j), frame t, channel 0.
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    let (s, t, i, j) = (2, 1, 3, 5);
    let at = ((s * 3 + t) * 8 + i) * 8 + j;
    assert_eq!(f.values("density")[at], ds.sample(s)[((i * 8 + j) * 3 + t) * 4]);
    assert_eq!(f.values("Vy")[at], ds.sample(s)[((i * 8 + j) * 3 + t) * 4 + 3]);
    let generation = f.attrs["engine_generation"].as_str().expect("a string attribute");
    assert!(generation.contains("\"dataset\""), "{generation}");

    let cfg = small("cfd-1d", &dir.0);
    let path = dir.0.join("cfd1d.hdf5");
    export_hdf5(&cfg, &path, None).unwrap();
    let f = h5py_view(&path);
    for name in ["density", "pressure", "Vx"] {
        assert_eq!(f.f32_shape(name), [4, 6, 32]);
    }
    assert_eq!(f.f32_shape("x-coordinate"), [32]);
    // PDEBench's 1D CFD files have T + 1 time coordinates.
    assert_eq!(f.f32_shape("t-coordinate"), [7]);
    assert!(!f.datasets.contains_key("Vy") && !f.datasets.contains_key("y-coordinate"));
    assert_eq!((f.attr("eta"), f.attr("zeta")), (0.01, 0.01));
    assert_eq!(f.values("x-coordinate")[0], -1.0 + 1.0 / 32.0);

    let cfg = small("darcy-2d", &dir.0);
    let path = dir.0.join("darcy.hdf5");
    export_hdf5(&cfg, &path, None).unwrap();
    let f = h5py_view(&path);
    assert_eq!(f.f32_shape("tensor"), [4, 1, 16, 16]);
    assert_eq!(f.f32_shape("nu"), [4, 16, 16]);
    assert_eq!(f.f32_shape("x-coordinate"), [16]);
    assert_eq!(f.f32_shape("y-coordinate"), [16]);
    assert_eq!(f.attr("beta"), 1.0);
    assert!(f.values("nu").iter().all(|&a| a == 1.0 || a == 0.1));

    for (name, key, value) in [("burgers-1d", "nu", 0.001), ("advection-1d", "beta", 0.1)] {
        let cfg = small(name, &dir.0);
        let path = dir.0.join(format!("{name}.hdf5"));
        export_hdf5(&cfg, &path, None).unwrap();
        let f = h5py_view(&path);
        assert_eq!(f.f32_shape("tensor"), [4, 11, 64]);
        assert_eq!(f.f32_shape("x-coordinate"), [64]);
        assert_eq!(f.f32_shape("t-coordinate"), [11]);
        assert_eq!(f.attr(key), value);
    }

    // Diffusion-reaction: one group per sample with data [T, X, Y, 2] and its grid.
    let cfg = small("diffusion-reaction-2d", &dir.0);
    let path = dir.0.join("dr.h5");
    export_hdf5(&cfg, &path, None).unwrap();
    let f = h5py_view(&path);
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    for s in 0..4 {
        assert_eq!(f.f32_shape(&format!("{s:04}/data")), [6, 8, 8, 2]);
        assert_eq!(f.f32_shape(&format!("{s:04}/grid/x")), [8]);
        assert_eq!(f.f32_shape(&format!("{s:04}/grid/t")), [6]);
    }
    // data[t, i, j, c] of group 0003 is sample 3 at cell (i, j), frame t, channel c.
    let (t, i, j, c) = (4, 2, 7, 1);
    assert_eq!(
        f.values("0003/data")[((t * 8 + i) * 8 + j) * 2 + c],
        ds.sample(3)[((i * 8 + j) * 6 + t) * 2 + c]
    );
}

/// Files written the way PDEBench's scripts and h5py users write them differ in storage: float64
/// data, chunked and gzip-compressed (with shuffle) datasets, no coordinate arrays, T + 1 time
/// coordinates, the library's default (oldest) or 1.14 format. Each reads, strided as asked.
#[test]
fn h5py_written_files_read_in_the_engine() {
    let dir = TempDir::new("hand");
    let darcy = dir.0.join("2D_DarcyFlow_beta1.0_Train.hdf5");
    let burgers = dir.0.join("1D_Burgers_Sols_Nu0.001.hdf5");
    let cfd = dir.0.join("2D_CFD_Rand_M0.1_Eta0.01_Zeta0.01_periodic_128_Train.hdf5");
    let dr = dir.0.join("2D_diff-react_NA_NA.h5");
    h5py(
        r#"
import h5py, numpy as np, sys
darcy, burgers, cfd, dr = sys.argv[1:5]
n, x = 3, 6
with h5py.File(darcy, "w") as f:
    f.create_dataset("tensor", data=np.arange(n * x * x, dtype=np.float64).reshape(n, 1, x, x), chunks=(1, 1, x, x))
    f["nu"] = -np.arange(n * x * x, dtype=np.float64).reshape(n, x, x)
n, t, x = 2, 201, 16
with h5py.File(burgers, "w") as f:
    f.create_dataset("tensor", data=np.arange(n * t * x, dtype=np.float32).reshape(n, t, x), chunks=(1, t, x), compression="gzip", shuffle=True)
    f["t-coordinate"] = (np.arange(t + 1) * 0.01).astype(np.float32)
    f["x-coordinate"] = ((np.arange(x) + 0.5) / x).astype(np.float32)
    f.attrs["Nu"] = 0.001
n, t, x = 3, 21, 8
with h5py.File(cfd, "w", libver=("v114", "v114")) as f:
    for c, name in enumerate(["density", "pressure", "Vx", "Vy"]):
        a = np.arange(n * t * x * x, dtype=np.float64).reshape(n, t, x, x) + 1000 * c
        f.create_dataset(name, data=a, chunks=(1, 1, x, x), compression="gzip", compression_opts=9)
    f["t-coordinate"] = np.arange(t + 1) * 0.05
    f["x-coordinate"] = 1 / (2 * x) + np.arange(x) / x
    f["y-coordinate"] = 1 / (2 * x) + np.arange(x) / x
    f.attrs["M"], f.attrs["eta"], f.attrs["zeta"] = 0.1, 0.01, 0.01
n, t, x = 2, 5, 4
with h5py.File(dr, "w") as f:
    for s in range(n):
        g = f.create_group(f"{s:04d}")
        g.create_dataset("data", data=np.arange(t * x * x * 2, dtype=np.float32).reshape(t, x, x, 2) + 100 * s, compression="gzip")
        g["grid/x"] = np.linspace(0, 1, x, dtype=np.float32)
        g["grid/y"] = np.linspace(0, 1, x, dtype=np.float32)
        g["grid/t"] = np.linspace(0, 1, t, dtype=np.float32)
"#,
        &[&darcy, &burgers, &cfd, &dr],
    );

    // Darcy: float64, one chunked and one contiguous dataset, no coordinates.
    let cfg = DataConfig {
        file: Some(darcy),
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

    // 1D scalar file, gzip + shuffle, with 202 time coordinates for 201 frames.
    let cfg = DataConfig {
        file: Some(burgers),
        ..DataConfig::preset("burgers-1d")
    };
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.dims(), [2, 4, 41, 1]);
    assert_eq!(ds.times().len(), 41);
    assert!((ds.times()[40] - 2.0).abs() < 1e-6);
    // tensor[1, 5, 4] -> sample 1, point 1 (x index 4), frame 1 (t index 5).
    assert_eq!(ds.sample(1)[41 + 1], ((201 + 5) * 16 + 4) as f32);

    // 2D CFD in the HDF5 1.14 format, float64, gzip level 9, chunked per frame, 22 time
    // coordinates for 21 frames (as PDEBench's released files); strided 2 in space, 5 in time.
    let cfg = DataConfig {
        file: Some(cfd),
        num_samples: 2,
        reduced_resolution: 2,
        reduced_resolution_t: 5,
        ..DataConfig::preset("cfd-2d")
    };
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.dims(), [2, 4, 4, 5, 4]);
    assert_eq!(ds.times(), &[0.0, 0.25, 0.5, 0.75, 1.0]);
    // Vy[1, 10, 6, 2] -> sample 1, kept point (3, 1), kept frame 2, channel 3.
    let expect = 3000 + ((1 * 21 + 10) * 8 + 6) * 8 + 2;
    assert_eq!(ds.sample(1)[((3 * 4 + 1) * 5 + 2) * 4 + 3], expect as f32);
    assert_eq!(&ds.grid()[..4], &[1.0 / 16.0, 1.0 / 16.0, 1.0 / 16.0, 5.0 / 16.0]);

    // Diffusion-reaction with its per-sample groups, gzip.
    let cfg = DataConfig {
        file: Some(dr),
        reduced_resolution: 2,
        reduced_resolution_t: 2,
        ..DataConfig::preset("diffusion-reaction-2d")
    };
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.dims(), [2, 2, 2, 3, 2]);
    // data[4, 2, 2, 1] of group 0001 -> sample 1, kept point (1, 1), kept frame 2, channel 1.
    let expect = 100 + ((4 * 4 + 2) * 4 + 2) * 2 + 1;
    assert_eq!(ds.sample(1)[((1 * 2 + 1) * 3 + 2) * 2 + 1], expect as f32);
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


/// A `[data]` section as a user writes it (deserialized: the keys present are the explicit ones).
fn user_config(json: serde_json::Value) -> DataConfig {
    serde_json::from_value(json).expect("a valid [data] section")
}

/// The error of loading `cfg`, which must be one line naming `key` and the file.
fn load_error(cfg: &DataConfig, key: &str, file: &Path) -> String {
    let e = PdeDataset::load(cfg, None).unwrap_err().to_string();
    assert!(!e.contains('\n'), "{e}");
    assert!(e.starts_with(&format!("data.{key} ")), "{e}");
    assert!(e.contains(&file.display().to_string()), "{e}");
    // effective_config refuses the same configuration with the same message.
    assert_eq!(effective_config(cfg).unwrap_err().to_string(), e);
    e
}

/// With `data.file`, each generator key given explicitly must agree with what the file says (its
/// attributes, shapes, time coordinates, and for the engine's own files the generation record);
/// a key the file cannot confirm is refused. Keys left out take the file's values.
#[test]
fn generator_keys_are_checked_against_the_file() {
    let dir = TempDir::new("keys");
    let gen = small("cfd-2d", &dir.0); // 4 samples, 8 x 8, 3 frames on [0, 0.1], seed 0
    let path = dir.0.join("cfd.hdf5");
    export_hdf5(&gen, &path, None).unwrap();
    let file = path.display().to_string();
    let base = serde_json::json!({"dataset": "cfd-2d", "file": file, "cache_dir": dir.0, "test_fraction": 0.25, "val_fraction": 0.25});
    let with = |k: &str, v: serde_json::Value| {
        let mut j = base.clone();
        j[k] = v;
        user_config(j)
    };

    // Nothing explicit: the whole file, with the file's sizes.
    let cfg = user_config(base.clone());
    let (ds, info) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!((ds.n(), ds.x(), ds.t()), (4, 8, 3));
    assert_eq!((info.samples_in_file, info.cap, info.samples_loaded), (Some(4), None, 4));
    assert!(info.is_user_file());

    // Matching values pass (the file's attributes, shape, times and generation record).
    for (k, v) in [
        ("mach", serde_json::json!(0.1)),
        ("eta", serde_json::json!(0.01)),
        ("zeta", serde_json::json!(0.01)),
        ("resolution", serde_json::json!(8)),
        ("num_frames", serde_json::json!(3)),
        ("t_end", serde_json::json!(0.1)),
        ("seed", serde_json::json!(0)),
    ] {
        PdeDataset::load(&with(k, v.clone()), None).unwrap_or_else(|e| panic!("{k} = {v}: {e}"));
    }
    // Each mismatch is one line naming the key, both values and the file.
    let e = load_error(&with("mach", serde_json::json!(1.0)), "mach", &path);
    assert!(e.contains("= 1 ") && e.contains("M = 0.1"), "{e}");
    let e = load_error(&with("eta", serde_json::json!(0.1)), "eta", &path);
    assert!(e.contains("= 0.1 ") && e.contains("eta = 0.01"), "{e}");
    let e = load_error(&with("resolution", serde_json::json!(128)), "resolution", &path);
    assert!(e.contains("= 128 ") && e.contains("8 x 8 grid"), "{e}");
    let e = load_error(&with("num_frames", serde_json::json!(21)), "num_frames", &path);
    assert!(e.contains("= 21 ") && e.contains("3 frames"), "{e}");
    let e = load_error(&with("t_end", serde_json::json!(1.0)), "t_end", &path);
    assert!(e.contains("= 1 ") && e.contains("t = 0.1"), "{e}");
    let e = load_error(&with("seed", serde_json::json!(7)), "seed", &path);
    assert!(e.contains("= 7 ") && e.contains("seed 0"), "{e}");
    // A key the dataset does not read is refused as before.
    let e = PdeDataset::load(&with("nu", serde_json::json!(0.1)), None).unwrap_err().to_string();
    assert!(e.starts_with("data.nu is not a parameter of dataset cfd-2d"), "{e}");

    // A file without attributes or generation record (written by h5py): a physics key or the seed
    // cannot be confirmed, so it is refused; sizes are still checked against the shapes.
    let bare = dir.0.join("bare.hdf5");
    h5py(
        r#"
import h5py, numpy as np, sys
with h5py.File(sys.argv[1], "w") as f:
    for name in ["density", "pressure", "Vx", "Vy"]:
        f[name] = np.ones((5, 3, 4, 4), dtype=np.float32)
"#,
        &[&bare],
    );
    let bare_with = |k: &str, v: serde_json::Value| {
        let mut j = base.clone();
        j["file"] = serde_json::json!(bare);
        j[k] = v;
        user_config(j)
    };
    let e = load_error(&bare_with("mach", serde_json::json!(0.1)), "mach", &bare);
    assert!(e.contains("no `M` attribute"), "{e}");
    let e = load_error(&bare_with("seed", serde_json::json!(0)), "seed", &bare);
    assert!(e.contains("not generated by this engine"), "{e}");
    let e = load_error(&bare_with("t_end", serde_json::json!(1.0)), "t_end", &bare);
    assert!(e.contains("no time coordinates"), "{e}");
    PdeDataset::load(&bare_with("resolution", serde_json::json!(4)), None).unwrap();
    load_error(&bare_with("resolution", serde_json::json!(64)), "resolution", &bare);
}

/// `num_samples` defaults to the whole file; set, it caps the dataset (reported in CacheInfo for
/// the log). Only the split's samples are read.
#[test]
fn a_file_is_read_whole_or_capped_and_only_the_split_is_loaded() {
    let dir = TempDir::new("cap");
    let gen = DataConfig {
        num_samples: 12,
        ..small("cfd-2d", &dir.0)
    };
    let path = dir.0.join("cfd.hdf5");
    export_hdf5(&gen, &path, None).unwrap();
    let (all, _) = PdeDataset::load(&gen, None).unwrap();
    let base = serde_json::json!({"dataset": "cfd-2d", "file": path, "test_fraction": 0.25, "val_fraction": 0.25});

    let cfg = user_config(base.clone());
    let (ds, info) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!((ds.n(), info.samples_in_file, info.cap, info.samples_loaded), (12, Some(12), None, 12));
    assert_eq!(ds.data(), all.data());

    let mut j = base.clone();
    j["num_samples"] = serde_json::json!(8);
    let (ds, info) = PdeDataset::load(&user_config(j.clone()), None).unwrap();
    assert_eq!((ds.n(), info.cap), (8, Some(8)));
    assert_eq!(ds.sample(5), all.sample(5));
    // A cap at or above the file's size reads the whole file and is no cap.
    j["num_samples"] = serde_json::json!(100);
    let (ds, info) = PdeDataset::load(&user_config(j), None).unwrap();
    assert_eq!((ds.n(), info.cap), (12, None));

    // reduced_batch = 2: test 0..3, validation 9..12, training 3, 5, 7 of the 6 in between: the
    // other three are never read.
    let mut j = base.clone();
    j["reduced_batch"] = serde_json::json!(2);
    let cfg = user_config(j);
    let (ds, info) = PdeDataset::load(&cfg, None).unwrap();
    let split = Split::new(ds.n(), &cfg).unwrap();
    assert_eq!(split.train, [3, 5, 7]);
    assert_eq!(ds.n(), 12);
    assert_eq!(ds.loaded(), [0, 1, 2, 3, 5, 7, 9, 10, 11]);
    assert_eq!(info.samples_loaded, 9);
    assert_eq!(ds.data().len(), 9 * all.sample(0).len());
    for &i in split.train.iter().chain(&split.test).chain(&split.val) {
        assert_eq!(ds.sample(i), all.sample(i), "sample {i}");
    }
    assert_eq!(ds.gather(&split.train), all.gather(&split.train));
}

/// `effective_config` says what the file holds; serialized and read back, it loads the same data
/// and passes the same checks (the resolved configuration of a run can be rerun as it is).
#[test]
fn effective_config_records_what_the_file_says() {
    let dir = TempDir::new("effective");
    let gen = DataConfig {
        seed: 3,
        ..small("cfd-2d", &dir.0)
    };
    let path = dir.0.join("cfd.hdf5");
    export_hdf5(&gen, &path, None).unwrap();
    // The user gave only the file (and the preset's mach); the preset's generator defaults
    // (64 x 64, 21 frames, t_end 1) do not describe this file.
    let cfg = user_config(serde_json::json!({"dataset": "cfd-2d", "file": path, "mach": 0.1, "test_fraction": 0.25, "val_fraction": 0.25}));
    let eff = effective_config(&cfg).unwrap();
    assert_eq!((eff.resolution, eff.num_frames, eff.num_samples, eff.seed), (8, 3, 4, 3));
    assert!((eff.t_end - 0.1).abs() < 1e-6);
    assert_eq!((eff.mach, eff.eta, eff.zeta), (Some(0.1), Some(0.01), Some(0.01)));
    let json = serde_json::to_value(&eff).unwrap();
    for key in ["resolution", "num_frames", "t_end", "seed", "mach", "eta", "zeta"] {
        assert!(json.get(key).is_some(), "{key} missing from {json}");
    }
    // The whole file: no cap recorded.
    assert!(json.get("num_samples").is_none(), "{json}");
    let back: DataConfig = serde_json::from_value(json).unwrap();
    let (a, _) = PdeDataset::load(&back, None).unwrap();
    let (b, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(a, b);

    // A bare file (no attributes, no time coordinates): only the sizes are known; the rest is
    // left out rather than filled with the dataset's defaults.
    let bare = dir.0.join("bare.hdf5");
    h5py(
        r#"
import h5py, numpy as np, sys
with h5py.File(sys.argv[1], "w") as f:
    for name in ["density", "pressure", "Vx", "Vy"]:
        f[name] = np.ones((5, 3, 4, 4), dtype=np.float32)
"#,
        &[&bare],
    );
    let cfg = user_config(serde_json::json!({"dataset": "cfd-2d", "file": bare, "num_samples": 4, "test_fraction": 0.25, "val_fraction": 0.25}));
    let eff = effective_config(&cfg).unwrap();
    assert_eq!((eff.resolution, eff.num_frames, eff.num_samples), (4, 3, 4));
    assert_eq!(eff.mach, None);
    let json = serde_json::to_value(&eff).unwrap();
    for key in ["seed", "t_end", "mach", "eta", "zeta"] {
        assert!(json.get(key).is_none(), "{key} in {json}");
    }
    assert_eq!(json["num_samples"], 4);
    let back: DataConfig = serde_json::from_value(json).unwrap();
    assert_eq!(PdeDataset::load(&back, None).unwrap().0.n(), 4);

    // Generated data: the configuration itself.
    let g = small("cfd-2d", &dir.0);
    assert_eq!(effective_config(&g).unwrap(), g);
}

/// PDEBench's 2D CFD layout as the issue's file has it: 64 x 64 values whose coordinates are the
/// 128-cell grid strided by 2 (1/256 + k/64), 22 time coordinates for 21 frames. The grid is the
/// file's, the times those of the frames, and t_end is the last frame's (1, not 1.05).
#[test]
fn pdebench_2d_cfd_coordinates_are_read_as_stored() {
    let dir = TempDir::new("coords");
    let path = dir.0.join("2D_CFD_Rand_M0.1_Eta0.01_Zeta0.01_periodic_128_Train.hdf5");
    h5py(
        r#"
import h5py, numpy as np, sys
n, t, x = 4, 21, 64
with h5py.File(sys.argv[1], "w") as f:
    for c, name in enumerate(["density", "pressure", "Vx", "Vy"]):
        f[name] = (np.arange(n * t * x * x, dtype=np.float32).reshape(n, t, x, x) + 1e6 * c)
    f["x-coordinate"] = (1 / 256 + np.arange(x) / 64).astype(np.float32)
    f["y-coordinate"] = (1 / 256 + np.arange(x) / 64).astype(np.float32)
    f["t-coordinate"] = (np.arange(t + 1) * 0.05).astype(np.float32)
    f.attrs["M"], f.attrs["eta"], f.attrs["zeta"] = 0.1, 0.01, 0.01
"#,
        &[&path],
    );
    let cfg = user_config(serde_json::json!({"dataset": "cfd-2d", "file": path, "reduced_resolution": 2, "mach": 0.1, "eta": 0.01, "zeta": 0.01, "test_fraction": 0.25, "val_fraction": 0.25}));
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    assert_eq!(ds.dims(), [4, 32, 32, 21, 4]);
    assert_eq!(&ds.grid()[..4], &[1.0 / 256.0, 1.0 / 256.0, 1.0 / 256.0, 1.0 / 256.0 + 2.0 / 64.0]);
    assert_eq!(ds.times().len(), 21);
    assert!((ds.times()[20] - 1.0).abs() < 1e-6);
    let eff = effective_config(&cfg).unwrap();
    assert_eq!((eff.resolution, eff.num_frames), (64, 21));
    assert!((eff.t_end - 1.0).abs() < 1e-6);
    // The preset's resolution (64) matches this file; PDEBench's released 128 x 128 file would
    // need data.resolution removed or set to 128.
    let mut j = serde_json::to_value(&cfg).unwrap();
    j["resolution"] = serde_json::json!(128);
    load_error(&user_config(j), "resolution", &path);
}
