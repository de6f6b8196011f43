//! The sweep file: a grid over configuration keys, fixed settings, report and Slurm settings.
//!
//! ```toml
//! [sweep]
//! config = "../fno2d-diffreact.toml"   # base configuration, relative to this file (optional)
//! jobs = 2                             # runs at once (optional; default cores / train.threads)
//! keep_checkpoints = false             # delete a finished run's checkpoints (default: keep)
//!
//! [set]                                # fixed for every run, as --set takes them
//! train.epochs = 10
//!
//! [grid]                               # every combination runs; dotted keys as --set takes them
//! scheduler = ["constant-lr", "tempbalance"]
//! data.train_ratio = [0.25, 1.0]
//! seed = [0, 1, 2]
//!
//! [variants.tempbalance-fourier]       # a scheduler of this sweep: a plugin and its settings,
//! scheduler = "tempbalance"            # usable by name in the grid's scheduler list
//! plugins.tempbalance.kinds = ["linear", "conv2d", "spectral-complex"]
//!
//! [report]
//! baseline = "constant-lr"             # what every other scheduler is compared with
//! metric = "test/nrmse"                # headline metric (default: the task's)
//! size_key = "data.train_ratio"        # the grid key that is the data size (default: found)
//! tune = ["optim.lr"]                  # grid keys chosen per scheduler and size on validation
//!
//! [report.tuned_schedulers]            # an extra column: per size, the member (with its tuned
//! tempbalance-tuned-s = ["tempbalance", "tb-s0.5"]   # keys) whose validation metric is best
//!
//! [slurm]
//! partition = "cpu"
//! time = "02:00:00"
//! ```

use crate::config::{self, CliOverrides};
use crate::error::{EngineError, Result};
use crate::host::{Kind, SearchPath};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Grid keys that are not `--set` keys of a section but top-level run keys.
const RUN_KEYS: [&str; 3] = ["model", "scheduler", "seed"];

/// Keys that make a grid point's data size, in the order they are looked for.
pub const SIZE_KEYS: [&str; 5] = ["data.train_ratio", "data.reduced_batch", "data.num_samples", "text.train_ratio", "text.num_train"];

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SweepSection {
    config: Option<PathBuf>,
    jobs: Option<usize>,
    keep_checkpoints: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ReportSettings {
    pub baseline: String,
    pub metric: Option<String>,
    pub size_key: Option<String>,
    pub tune: Vec<String>,
    /// Extra columns, each a scheduler tuned on validation among the listed schedulers of the
    /// grid (e.g. TempBalance variants that differ in one setting, as the paper tunes its scale
    /// per data size), chosen per data size together with the `tune` keys.
    pub tuned_schedulers: BTreeMap<String, Vec<String>>,
    /// The data size whose validation curves are plotted (default: the smallest).
    pub curves_size: Option<f64>,
}

impl Default for ReportSettings {
    fn default() -> Self {
        Self { baseline: "constant-lr".into(), metric: None, size_key: None, tune: Vec::new(), tuned_schedulers: BTreeMap::new(), curves_size: None }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SlurmSettings {
    pub partition: Option<String>,
    pub time: String,
    /// CPUs per array task (default: the runs' train.threads).
    pub cpus_per_task: Option<usize>,
    pub mem: Option<String>,
    /// At most this many array tasks at once (`--array=...%N`).
    pub max_parallel: Option<usize>,
    /// Extra `#SBATCH` lines, e.g. `"--qos=short"` or `"#SBATCH --account=lab"`.
    pub extra: Vec<String>,
    /// Shell lines run before the engine in each task (modules, environment).
    pub setup: Vec<String>,
    /// The engine executable the tasks run (default: this one).
    pub engine: Option<PathBuf>,
}

impl Default for SlurmSettings {
    fn default() -> Self {
        Self { partition: None, time: "04:00:00".into(), cpus_per_task: None, mem: None, max_parallel: None, extra: Vec::new(), setup: Vec::new(), engine: None }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SweepFile {
    #[serde(default)]
    sweep: SweepSection,
    #[serde(default)]
    set: toml::Table,
    grid: Option<toml::Table>,
    #[serde(default)]
    variants: BTreeMap<String, toml::Table>,
    #[serde(default)]
    report: ReportSettings,
    #[serde(default)]
    slurm: SlurmSettings,
}

/// A parsed and checked sweep.
#[derive(Debug, Clone)]
pub struct Sweep {
    /// The sweep file, and its text as copied into the sweep directory (the base configuration's
    /// path made absolute, so the copy works from anywhere: Slurm tasks and reports read it).
    pub file: PathBuf,
    pub text: String,
    /// The base configuration file, absolute.
    pub config: Option<PathBuf>,
    pub jobs: Option<usize>,
    /// Keep each finished run's checkpoints (default); false deletes them once summary.json is
    /// written (studies of pretrained models: ~90 MB per checkpoint).
    pub keep_checkpoints: bool,
    /// Fixed settings as `key=value` in file order of the flattened table.
    pub set: Vec<(String, toml::Value)>,
    /// Grid keys in canonical order (model, scheduler, the others, seed) with their values.
    pub grid: Vec<(String, Vec<toml::Value>)>,
    /// Named scheduler variants (`[variants.<name>]`): the settings a `scheduler` grid value of
    /// that name stands for, `scheduler` (the plugin chain) first. The name is what runs, tables
    /// and comparisons show; the run itself gets the settings.
    pub variants: BTreeMap<String, Vec<(String, toml::Value)>>,
    pub report: ReportSettings,
    pub slurm: SlurmSettings,
}

/// One combination of grid values.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub index: usize,
    pub name: String,
    pub values: Vec<(String, toml::Value)>,
}

impl Point {
    pub fn get(&self, key: &str) -> Option<&toml::Value> {
        self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

fn file_err(file: &Path, what: impl std::fmt::Display) -> EngineError {
    EngineError::Config(format!("sweep file `{}`: {what}", file.display()))
}

/// Flattens nested tables into dotted keys (`data = { train_ratio = [...] }` and
/// `"data.train_ratio" = [...]` are the same key).
fn flatten(prefix: &str, table: &toml::Table, out: &mut Vec<(String, toml::Value)>) {
    for (k, v) in table {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            v => out.push((key, v.clone())),
        }
    }
}

/// A value as `--set` takes it (TOML literal: strings quoted).
pub fn literal(v: &toml::Value) -> String {
    v.to_string()
}

/// A value as it appears in names and tables (strings unquoted, lists joined by `+`).
pub fn plain(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join("+"),
        v => v.to_string(),
    }
}

/// A value as a number, for sizes (strings that parse count too).
pub fn number(v: &toml::Value) -> Option<f64> {
    match v {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) => Some(*f),
        toml::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

impl Sweep {
    /// Reads and checks a sweep file: keys and types against the engine's configuration (for
    /// every grid point), plugins that exist (with `search`). Nothing runs before this has passed.
    pub fn load(file: &Path, search: Option<&SearchPath>) -> Result<Self> {
        Self::load_with(file, search, true)
    }

    /// Reads a sweep directory's copy of its sweep file for a report, which needs the grid and
    /// the report settings but not the base configuration: a study committed to a repository
    /// reports from a checkout at another path, where the copy's absolute base path is missing.
    pub fn load_for_report(file: &Path) -> Result<Self> {
        Self::load_with(file, None, false)
    }

    fn load_with(file: &Path, search: Option<&SearchPath>, need_config: bool) -> Result<Self> {
        let text = std::fs::read_to_string(file).map_err(|e| file_err(file, format!("cannot read: {e}")))?;
        let parsed: SweepFile =
            toml::from_str(&text).map_err(|e| file_err(file, plugin_api::sdk::toml_error("invalid sweep file", &text, &e)))?;
        let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let config = match &parsed.sweep.config {
            Some(c) => {
                let path = if c.is_absolute() { c.clone() } else { dir.join(c) };
                match path.canonicalize() {
                    Ok(path) => Some(path),
                    Err(_) if !need_config => Some(path),
                    Err(e) => return Err(file_err(file, format!("`sweep.config` = `{}`: {e}", c.display()))),
                }
            }
            None => None,
        };
        if parsed.sweep.jobs == Some(0) {
            return Err(file_err(file, "`sweep.jobs` must be at least 1"));
        }
        let mut set = Vec::new();
        flatten("", &parsed.set, &mut set);
        let Some(grid_table) = parsed.grid else {
            return Err(file_err(file, "no [grid] section; a sweep needs at least one grid key"));
        };
        let mut flat = Vec::new();
        flatten("", &grid_table, &mut flat);
        if flat.is_empty() {
            return Err(file_err(file, "the grid is empty; give at least one key a list of values"));
        }
        let mut grid = Vec::new();
        for (key, value) in flat {
            let toml::Value::Array(values) = value else {
                return Err(file_err(file, format!("grid key `{key}` must be a list of values, e.g. {key} = [{}]", literal(&value))));
            };
            if values.is_empty() {
                return Err(file_err(file, format!("grid key `{key}` has no values")));
            }
            // A value may be a list (for keys that take one, e.g. plugins.tempbalance.kinds).
            if let Some(bad) = values.iter().find(|v| matches!(v, toml::Value::Table(_))) {
                return Err(file_err(file, format!("grid key `{key}`: each value must be a single value, found {}", literal(bad))));
            }
            if let Some(dup) = values.iter().enumerate().find_map(|(i, v)| values[..i].iter().any(|w| plain(w) == plain(v)).then_some(v)) {
                return Err(file_err(file, format!("grid key `{key}` lists {} twice (two runs of one grid point would share a directory and count twice in the statistics)", literal(dup))));
            }
            if set.iter().any(|(k, _)| *k == key) {
                return Err(file_err(file, format!("`{key}` is both in [set] and in [grid]")));
            }
            grid.push((key, values));
        }
        let mut variants = BTreeMap::new();
        for (name, table) in &parsed.variants {
            let mut sets = Vec::new();
            flatten("", table, &mut sets);
            let Some(i) = sets.iter().position(|(k, _)| k == "scheduler") else {
                // `[variants.tb-s0.5]` is the table `5` inside a variant `tb-s0`: say so.
                if let Some(rest) = sets.iter().find_map(|(k, _)| k.strip_suffix(".scheduler")) {
                    return Err(file_err(file, format!("[variants.{name}] has no `scheduler` key, but [variants.{name}.{rest}] has one: a variant name with a dot must be quoted, [variants.\"{name}.{rest}\"]")));
                }
                return Err(file_err(file, format!("[variants.{name}] has no `scheduler` key (the plugin or chain it runs, e.g. scheduler = \"tempbalance\")")));
            };
            if !matches!(&sets[i].1, toml::Value::String(s) if s != name) {
                return Err(file_err(file, format!("[variants.{name}]: `scheduler` must be the name of a scheduler plugin or chain, not {}", literal(&sets[i].1))));
            }
            sets.swap(0, i);
            if let Some((k, _)) = sets[1..].iter().find(|(k, _)| grid.iter().any(|(g, _)| g == k)) {
                return Err(file_err(file, format!("[variants.{name}] sets `{k}`, which is a grid key")));
            }
            variants.insert(name.clone(), sets);
        }
        // Canonical order: model, scheduler, the rest as written (sorted), seed last.
        let rank = |k: &str| match k {
            "model" => 0,
            "scheduler" => 1,
            "seed" => 3,
            _ => 2,
        };
        grid.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then(a.0.cmp(&b.0)));
        let mut table: toml::Table = toml::from_str(&text).map_err(|e| file_err(file, e.message()))?;
        if let (Some(c), Some(toml::Value::Table(section))) = (&config, table.get_mut("sweep")) {
            section.insert("config".into(), toml::Value::String(c.display().to_string()));
        }
        let text = toml::to_string(&table).map_err(|e| file_err(file, e))?;
        let sweep = Sweep { file: file.to_path_buf(), text, config, jobs: parsed.sweep.jobs, keep_checkpoints: parsed.sweep.keep_checkpoints.unwrap_or(true), set, grid, variants, report: parsed.report, slurm: parsed.slurm };
        if let Some(search) = search {
            sweep.check(search)?;
        }
        Ok(sweep)
    }

    /// Every grid point's configuration must load, its plugins must exist, and the report's keys
    /// must be grid keys.
    fn check(&self, search: &SearchPath) -> Result<()> {
        let keys: Vec<&str> = self.grid.iter().map(|(k, _)| k.as_str()).collect();
        if let Some(k) = &self.report.size_key {
            if !keys.contains(&k.as_str()) {
                return Err(file_err(&self.file, format!("`report.size_key` = `{k}` is not a grid key (grid: {})", keys.join(", "))));
            }
        }
        for k in &self.report.tune {
            if !keys.contains(&k.as_str()) || RUN_KEYS.contains(&k.as_str()) {
                return Err(file_err(&self.file, format!("`report.tune` names `{k}`, which is not a tunable grid key (grid: {})", keys.join(", "))));
            }
        }
        let schedulers: Vec<String> = self.grid.iter().filter(|(k, _)| k == "scheduler").flat_map(|(_, vs)| vs.iter().map(plain)).collect();
        for (name, members) in &self.report.tuned_schedulers {
            if schedulers.contains(name) {
                return Err(file_err(&self.file, format!("`report.tuned_schedulers.{name}` has the name of a scheduler of the grid; give the tuned column its own name")));
            }
            if let Some(m) = members.iter().find(|m| !schedulers.contains(m)) {
                return Err(file_err(&self.file, format!("`report.tuned_schedulers.{name}` lists `{m}`, which is not a scheduler of the grid (grid schedulers: {})", schedulers.join(", "))));
            }
            if members.is_empty() {
                return Err(file_err(&self.file, format!("`report.tuned_schedulers.{name}` lists no scheduler")));
            }
        }
        let mut checked_plugins: Vec<(Kind, String)> = Vec::new();
        for point in self.points() {
            let loaded = self.load_config(&point)?;
            let cfg = &loaded.config;
            cfg.validate().map_err(|e| file_err(&self.file, format!("grid point {}: {e}", point.name)))?;
            let mut plugins: Vec<(Kind, String)> = cfg.scheduler.names().into_iter().map(|n| (Kind::Scheduler, n)).collect();
            plugins.push((Kind::Model, cfg.model.clone()));
            for (kind, name) in plugins {
                if !checked_plugins.contains(&(kind, name.clone())) {
                    checked_plugins.push((kind, name.clone()));
                    search.resolve(kind, &name).map_err(|e| file_err(&self.file, e))?;
                }
            }
        }
        Ok(())
    }

    /// The `--set` arguments of a point: the fixed settings, then the grid values, a scheduler
    /// variant's name replaced by its settings.
    pub fn sets(&self, point: &Point) -> Vec<String> {
        let variant = |k: &str, v: &toml::Value| (k == "scheduler").then(|| v.as_str().and_then(|name| self.variants.get(name))).flatten();
        let grid = point.values.iter().flat_map(|pair| match variant(&pair.0, &pair.1) {
            Some(sets) => sets.iter().collect::<Vec<_>>(),
            None => vec![pair],
        });
        self.set.iter().chain(grid).map(|(k, v)| format!("{k}={}", literal(v))).collect()
    }

    /// The resolved configuration of a grid point (as `engine run` will resolve it).
    pub fn load_config(&self, point: &Point) -> Result<config::Loaded> {
        config::load(self.config.as_deref(), &CliOverrides::default(), &self.sets(point))
            .map_err(|e| file_err(&self.file, format!("grid point {}: {e}", point.name)))
    }

    /// Every combination of grid values, the last key varying fastest, each with its run name.
    pub fn points(&self) -> Vec<Point> {
        let mut points = vec![Vec::new()];
        for (key, values) in &self.grid {
            points = points
                .into_iter()
                .flat_map(|prefix: Vec<(String, toml::Value)>| {
                    values.iter().map(move |v| {
                        let mut p = prefix.clone();
                        p.push((key.clone(), v.clone()));
                        p
                    })
                })
                .collect();
        }
        let short = self.short_names();
        points
            .into_iter()
            .enumerate()
            .map(|(index, values)| {
                let name = values.iter().map(|(k, v)| format!("{}-{}", short[k], sanitize(&plain(v)))).collect::<Vec<_>>().join("__");
                Point { index, name, values }
            })
            .collect()
    }

    /// Names of grid keys in run names: the last dotted part, or the whole key if two keys share it.
    fn short_names(&self) -> BTreeMap<String, String> {
        let last = |k: &str| k.rsplit('.').next().unwrap_or(k).to_string();
        self.grid
            .iter()
            .map(|(k, _)| {
                let shared = self.grid.iter().filter(|(o, _)| last(o) == last(k)).count() > 1;
                (k.clone(), if shared { k.clone() } else { last(k) })
            })
            .collect()
    }

    /// The grid key that is the data size: `report.size_key`, or the first of [`SIZE_KEYS`] in
    /// the grid.
    pub fn size_key(&self) -> Option<String> {
        self.report.size_key.clone().or_else(|| SIZE_KEYS.iter().find(|k| self.grid.iter().any(|(g, _)| g == *k)).map(|k| k.to_string()))
    }

    /// What must not change between runs of one sweep directory: the base configuration's text,
    /// the fixed settings, the scheduler variants and the grid's keys (values may be added: more
    /// seeds, more sizes). The base configuration's file name is recorded to be read, not compared
    /// ([`same_sweep`]): a study committed to the repository continues from a checkout at any path.
    pub fn fingerprint(&self) -> Result<String> {
        let base = match &self.config {
            Some(p) => std::fs::read_to_string(p).map_err(|e| file_err(&self.file, format!("`{}`: {e}", p.display())))?,
            None => String::new(),
        };
        let mut print = serde_json::json!({
            "config": self.config.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()),
            "config_text": base,
            "set": self.set.iter().map(|(k, v)| format!("{k}={}", literal(v))).collect::<Vec<_>>(),
            "grid_keys": self.grid.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(),
        });
        // Only when there are any, so that sweeps from before variants keep their fingerprint.
        if !self.variants.is_empty() {
            let variants: BTreeMap<&String, Vec<String>> = self.variants.iter().map(|(n, sets)| (n, sets.iter().map(|(k, v)| format!("{k}={}", literal(v))).collect())).collect();
            print["variants"] = serde_json::json!(variants);
        }
        Ok(print.to_string())
    }
}

/// Whether a sweep directory made with fingerprint `old` may continue as `new`: equal in
/// everything but the base configuration's path and its comments and layout (the base
/// configuration is compared as parsed TOML), and every variant of `old` still there with the
/// same settings (new variants may be added, as grid values may).
pub fn same_sweep(old: &str, new: &str) -> bool {
    let split = |s: &str| {
        serde_json::from_str::<serde_json::Value>(s).ok().map(|mut v| {
            let variants = v.as_object_mut().and_then(|o| {
                o.remove("config");
                if let Some(serde_json::Value::String(text)) = o.get("config_text") {
                    if let Ok(table) = toml::from_str::<toml::Table>(text) {
                        if let Ok(parsed) = serde_json::to_value(&table) {
                            o.insert("config_text".into(), parsed);
                        }
                    }
                }
                o.remove("variants")
            });
            (v, variants.and_then(|m| m.as_object().cloned()).unwrap_or_default())
        })
    };
    match (split(old), split(new)) {
        (Some((a, va)), Some((b, vb))) => a == b && va.iter().all(|(name, sets)| vb.get(name) == Some(sets)),
        _ => old.trim() == new.trim(),
    }
}

/// Characters that are safe in a directory name and a shell word.
fn sanitize(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-') { c } else { '_' }).collect()
}
