//! The plugin host: finds plugin libraries by name or path, loads them through abi_stable with a
//! one-line error for every failure, and wraps each plugin so that its errors name it.
//!
//! Search order for a name: `--plugin-dir` directories, then `ENGINE_PLUGIN_PATH` (colon-separated),
//! then the directory of the `engine` executable. A plugin of kind K named N is the file
//! `libengine_K_N.so` (N with `-` written as `_`). A value containing `/` or ending in the platform's
//! library suffix is a path.
//!
//! Each file is loaded with `lib_header_from_path(..).init_root_module()`, never with
//! `RootModule::load_from_file`, which caches one module per type and would silently return the
//! first scheduler for the second.

use crate::error::{EngineError, Result};
use abi_stable::library::{lib_header_from_path, LibraryError, RootModule};
use abi_stable::std_types::{ROption, RResult, RSlice};
use plugin_api::{
    Cadence, LayerMetrics, LayerWeights, MetricsBox, MetricsMod_Ref, MetricsSnapshot, ModelBox, ModelInit,
    ModelMod_Ref, ParamGroupInfo, PluginInfo, SchedulerBox, SchedulerMod_Ref, StepContext, StepPlan, TensorData,
    TensorView, TrainOutput,
};
use std::fmt;
use std::path::{Path, PathBuf};

/// The three plugin kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Scheduler,
    Model,
    Metrics,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Scheduler, Kind::Model, Kind::Metrics];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Scheduler => "scheduler",
            Kind::Model => "model",
            Kind::Metrics => "metrics",
        }
    }

    /// The library file name of plugin `name` of this kind on this platform.
    pub fn file_name(self, name: &str) -> String {
        format!(
            "{}{}_{}_{}{}",
            std::env::consts::DLL_PREFIX,
            plugin_api::FILE_PREFIX,
            self.as_str(),
            name.replace('-', "_"),
            std::env::consts::DLL_SUFFIX
        )
    }

    /// The plugin name and kind a library file name stands for, if it follows the convention.
    pub fn parse_file_name(file: &str) -> Option<(Kind, String)> {
        let stem = file.strip_prefix(std::env::consts::DLL_PREFIX)?.strip_suffix(std::env::consts::DLL_SUFFIX)?;
        let rest = stem.strip_prefix(plugin_api::FILE_PREFIX)?.strip_prefix('_')?;
        Kind::ALL.into_iter().find_map(|kind| {
            let name = rest.strip_prefix(kind.as_str())?.strip_prefix('_')?;
            (!name.is_empty()).then(|| (kind, name.replace('_', "-")))
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Directories searched for plugins, each with the reason it is searched.
#[derive(Debug, Clone)]
pub struct SearchPath {
    pub dirs: Vec<(PathBuf, &'static str)>,
}

impl SearchPath {
    /// `--plugin-dir` values, then `ENGINE_PLUGIN_PATH`, then the executable's directory. A
    /// `--plugin-dir` that is not a directory is an error (a typo would otherwise silently load
    /// another plugin of the same name from further down the path).
    pub fn new(plugin_dirs: &[PathBuf]) -> Result<Self> {
        if let Some(bad) = plugin_dirs.iter().find(|d| !d.is_dir()) {
            return Err(EngineError::Plugin(format!("--plugin-dir `{}` is not a directory", bad.display())));
        }
        let mut dirs: Vec<(PathBuf, &'static str)> = plugin_dirs.iter().map(|d| (d.clone(), "--plugin-dir")).collect();
        if let Some(var) = std::env::var_os("ENGINE_PLUGIN_PATH") {
            dirs.extend(std::env::split_paths(&var).filter(|p| !p.as_os_str().is_empty()).map(|p| (p, "ENGINE_PLUGIN_PATH")));
        }
        if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(Path::to_path_buf)) {
            dirs.push((dir, "engine executable's directory"));
        }
        Ok(Self { dirs })
    }

    /// Every plugin file found, in search order; a name found twice keeps its first file.
    pub fn discover(&self) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        for (dir, _) in &self.dirs {
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            for path in files {
                let Some((kind, name)) = path.file_name().and_then(|f| f.to_str()).and_then(Kind::parse_file_name) else {
                    continue;
                };
                if !found.iter().any(|f| f.kind == kind && f.name == name) {
                    found.push(Found { kind, name, path });
                }
            }
        }
        found
    }

    /// The library for `spec` (a name or a path) of the given kind.
    pub fn resolve(&self, kind: Kind, spec: &str) -> Result<PathBuf> {
        if looks_like_path(spec) {
            let path = PathBuf::from(spec);
            return if path.is_file() {
                Ok(path)
            } else {
                Err(EngineError::Plugin(format!("{kind} plugin file `{spec}` does not exist")))
            };
        }
        let found = self.discover();
        if let Some(f) = found.iter().find(|f| f.kind == kind && f.name == spec) {
            return Ok(f.path.clone());
        }
        let same_kind: Vec<String> = found.iter().filter(|f| f.kind == kind).map(|f| f.name.clone()).collect();
        let available = if same_kind.is_empty() { "none".to_string() } else { same_kind.join(", ") };
        let looked: Vec<String> = self.dirs.iter().map(|(d, why)| format!("{} ({why})", d.display())).collect();
        Err(EngineError::Plugin(format!(
            "no {kind} plugin named `{spec}` (file {}); {kind} plugins found: {available}; looked in: {}",
            kind.file_name(spec),
            if looked.is_empty() { "nowhere".into() } else { looked.join(", ") }
        )))
    }
}

fn looks_like_path(spec: &str) -> bool {
    spec.contains(std::path::MAIN_SEPARATOR) || spec.ends_with(std::env::consts::DLL_SUFFIX)
}

/// A plugin file found on the search path.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: Kind,
    pub name: String,
    pub path: PathBuf,
}

/// One line for an abi_stable load failure, naming the file.
fn describe_load_error(kind: Kind, path: &Path, error: &LibraryError) -> String {
    let file = path.display();
    match error {
        LibraryError::OpenError { err, .. } => format!("cannot load `{file}` as a {kind} plugin: {err}"),
        LibraryError::GetSymbolError { .. } => {
            format!("`{file}` is not an engine plugin (it exports no abi_stable root module)")
        }
        LibraryError::IncompatibleVersionNumber { expected_version, actual_version, .. } => format!(
            "`{file}` was built against plugin API {actual_version}, but this engine speaks plugin API \
             {expected_version}; rebuild the plugin against plugin-api {expected_version}"
        ),
        LibraryError::AbiInstability(details) => {
            // abi_stable's report runs to a thousand lines; keep its first findings.
            format!(
                "`{file}` is not a {kind} plugin of plugin API {}: its types have another layout ({}); \
                 if it is one built against another 0.{}.x plugin-api, rebuild it against plugin-api {}",
                plugin_api::API_VERSION,
                first_layout_finding(&details.to_string()),
                plugin_api::API_VERSION.split('.').nth(1).unwrap_or("?"),
                plugin_api::API_VERSION
            )
        }
        LibraryError::InvalidAbiHeader(_) | LibraryError::InvalidCAbi { .. } => {
            format!("`{file}` was built with an incompatible abi_stable or Rust ABI; rebuild it")
        }
        LibraryError::ParseVersionError(e) => format!("`{file}` reports an unreadable version: {e:?}"),
        LibraryError::RootModule { err, .. } => format!("`{file}` failed to initialise: {err}"),
        LibraryError::Many(errors) => match errors.first() {
            Some(first) => describe_load_error(kind, path, first),
            None => format!("cannot load `{file}`"),
        },
    }
}

/// The first "Error:/Expected:/Found:" triple of abi_stable's layout report, shortened.
fn first_layout_finding(report: &str) -> String {
    let short = |s: &str| {
        let s = s.trim();
        if s.chars().count() > 60 { format!("{}...", s.chars().take(60).collect::<String>()) } else { s.to_string() }
    };
    let lines: Vec<&str> = report.lines().map(str::trim).collect();
    let Some(at) = lines.iter().position(|l| l.starts_with("Error:")) else {
        return "layout mismatch".into();
    };
    let what = lines[at].trim_start_matches("Error:").trim();
    let after = |label: &str| lines[at..].iter().position(|l| *l == label).and_then(|i| lines.get(at + i + 1)).map(|l| short(l));
    match (after("Expected:"), after("Found:")) {
        (Some(e), Some(f)) => format!("{what}: expected `{e}`, found `{f}`"),
        _ => what.to_string(),
    }
}

fn load_root<M: RootModule>(kind: Kind, path: &Path) -> Result<M> {
    check_elf(path)?;
    probe(kind, path)?;
    load_root_unchecked(kind, path)
}

/// Loads a plugin library in this process (after [`check_elf`] and [`probe`]).
fn load_root_unchecked<M: RootModule>(kind: Kind, path: &Path) -> Result<M> {
    let fail = |e: LibraryError| EngineError::Plugin(describe_load_error(kind, path, &e));
    let header = lib_header_from_path(path).map_err(fail)?;
    check_api_version(path, header.version_strings())?;
    header.init_root_module::<M>().map_err(fail)
}

/// Checks a library file's ELF structure against its size before the dynamic loader maps it: a
/// truncated library otherwise ends the process with SIGBUS when the loader touches the missing
/// pages, with no message at all.
pub fn check_elf(path: &Path) -> Result<()> {
    let bad = |why: String| EngineError::Plugin(format!("`{}` is not a usable plugin library: {why}", path.display()));
    let data = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
    let len = data.len() as u64;
    if len < 64 || &data[..4] != b"\x7fELF" {
        return Err(bad("no ELF header (not a shared library)".into()));
    }
    if data[4] != 2 || data[5] != 1 {
        return Err(bad("not a 64-bit little-endian ELF file".into()));
    }
    let u16_at = |o: usize| u16::from_le_bytes([data[o], data[o + 1]]) as u64;
    let u32_at = |o: usize| u32::from_le_bytes(data[o..o + 4].try_into().expect("4 bytes"));
    let u64_at = |o: usize| u64::from_le_bytes(data[o..o + 8].try_into().expect("8 bytes"));
    let truncated = |needs: u64| bad(format!("truncated or corrupt: its ELF headers need {needs} bytes, the file has {len}; rebuild or copy it again"));
    let (phoff, shoff) = (u64_at(0x20), u64_at(0x28));
    let (phentsize, phnum, shentsize, shnum) = (u16_at(0x36), u16_at(0x38), u16_at(0x3A), u16_at(0x3C));
    let ph_end = phoff.saturating_add(phentsize.saturating_mul(phnum));
    if phentsize < 56 || ph_end > len {
        return Err(truncated(ph_end));
    }
    for i in 0..phnum {
        let h = (phoff + i * phentsize) as usize;
        // PT_LOAD segments are what the loader maps from the file.
        if u32_at(h) == 1 {
            let end = u64_at(h + 8).saturating_add(u64_at(h + 32));
            if end > len {
                return Err(truncated(end));
            }
        }
    }
    if shnum > 0 {
        let sh_end = shoff.saturating_add(shentsize.saturating_mul(shnum));
        if shentsize < 64 || sh_end > len {
            return Err(truncated(sh_end));
        }
        for i in 0..shnum {
            let h = (shoff + i * shentsize) as usize;
            // SHT_NOBITS (.bss) occupies no file bytes.
            if u32_at(h + 4) != 8 {
                let end = u64_at(h + 0x18).saturating_add(u64_at(h + 0x20));
                if end > len {
                    return Err(truncated(end));
                }
            }
        }
    }
    Ok(())
}

/// Loads the library once in a child process (`engine plugins probe`) before this process does:
/// a corrupt library can crash the dynamic loader itself (an assertion in ld.so, a segfault in a
/// constructor), which no error handling in-process survives. Only when running as the `engine`
/// executable; each file is probed once per process.
fn probe(kind: Kind, path: &Path) -> Result<()> {
    static PROBED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    let Ok(exe) = std::env::current_exe() else { return Ok(()) };
    if exe.file_stem().and_then(|s| s.to_str()) != Some("engine") || std::env::var_os("ENGINE_PROBE_CHILD").is_some() {
        return Ok(());
    }
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if PROBED.lock().map(|p| p.contains(&path)).unwrap_or(false) {
        return Ok(());
    }
    let out = std::process::Command::new(&exe)
        .args(["plugins", "probe", kind.as_str()])
        .arg(&path)
        .env("ENGINE_PROBE_CHILD", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| EngineError::Plugin(format!("cannot start {} to check `{}`: {e}", exe.display(), path.display())))?;
    if !out.status.success() {
        use std::os::unix::process::ExitStatusExt;
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The child's own one-line error when it has one (a wrong API version, not a plugin...).
        if let Some(line) = stderr.lines().find_map(|l| l.strip_prefix("error: ")) {
            return Err(EngineError::Plugin(line.to_string()));
        }
        let how = match out.status.signal() {
            Some(sig) => format!("the loader crashed with signal {sig}"),
            None => format!("the loader failed ({})", stderr.lines().last().unwrap_or("no message").trim()),
        };
        return Err(EngineError::Plugin(format!("`{}` cannot be loaded as a {kind} plugin: {how}; the file is corrupt or not built for this machine", path.display())));
    }
    if let Ok(mut p) = PROBED.lock() {
        p.push(path);
    }
    Ok(())
}

/// What `engine plugins probe` does in the child: load the library and read its info.
pub fn probe_in_this_process(kind: Kind, path: &Path) -> Result<PluginInfo> {
    check_elf(path)?;
    match kind {
        Kind::Scheduler => load_root_unchecked::<SchedulerMod_Ref>(kind, path).map(|m| m.info()()),
        Kind::Model => load_root_unchecked::<ModelMod_Ref>(kind, path).map(|m| m.info()()),
        Kind::Metrics => load_root_unchecked::<MetricsMod_Ref>(kind, path).map(|m| m.info()()),
    }
}

/// The engine's compatibility rule, checked before the layout: the same major version, and for 0.y
/// the same minor (abi_stable itself lets a newer 0.y through to the layout check, whose report
/// would not say that the versions differ). Within that, a newer plugin loads if its layout
/// extends ours (methods added after `last_prefix_field`).
fn check_api_version(path: &Path, plugin: abi_stable::sabi_types::VersionStrings) -> Result<()> {
    use abi_stable::sabi_types::{VersionNumber, VersionStrings};
    let ours = VersionNumber::new(VersionStrings::new(plugin_api::API_VERSION)).expect("our own version parses");
    let theirs = VersionNumber::new(plugin).map_err(|e| {
        EngineError::Plugin(format!("`{}` reports an unreadable plugin API version: {e:?}", path.display()))
    })?;
    let compatible = theirs.major == ours.major && (ours.major != 0 || theirs.minor == ours.minor);
    if compatible {
        Ok(())
    } else {
        Err(EngineError::Plugin(format!(
            "`{}` was built against plugin API {theirs}, but this engine speaks plugin API {ours}; \
             rebuild the plugin against plugin-api {ours}",
            path.display()
        )))
    }
}

/// What `engine plugins list` shows for one file.
pub struct Listed {
    pub found: Found,
    pub info: Result<PluginInfo>,
}

/// Loads the info of every discovered plugin (failures are reported per file, not fatal).
pub fn list(search: &SearchPath) -> Vec<Listed> {
    search
        .discover()
        .into_iter()
        .map(|found| {
            let info = match found.kind {
                Kind::Scheduler => load_root::<SchedulerMod_Ref>(found.kind, &found.path).map(|m| m.info()()),
                Kind::Model => load_root::<ModelMod_Ref>(found.kind, &found.path).map(|m| m.info()()),
                Kind::Metrics => load_root::<MetricsMod_Ref>(found.kind, &found.path).map(|m| m.info()()),
            };
            Listed { found, info }
        })
        .collect()
}

/// A loaded plugin library (not yet instantiated).
pub struct Library<M> {
    pub info: PluginInfo,
    pub path: PathBuf,
    pub module: M,
}

macro_rules! loader {
    ($fn_name:ident, $module:ty, $kind:expr) => {
        /// Finds and loads a plugin library of this kind.
        pub fn $fn_name(search: &SearchPath, spec: &str) -> Result<Library<$module>> {
            let path = search.resolve($kind, spec)?;
            let module = load_root::<$module>($kind, &path)?;
            let info = module.info()();
            Ok(Library { info, path, module })
        }
    };
}
loader!(load_scheduler, SchedulerMod_Ref, Kind::Scheduler);
loader!(load_model, ModelMod_Ref, Kind::Model);
loader!(load_metrics, MetricsMod_Ref, Kind::Metrics);

/// Turns a plugin's `RErr` into an engine error naming the plugin and the call.
fn named<T>(kind: Kind, name: &str, call: &str, result: RResult<T, abi_stable::std_types::RString>) -> Result<T> {
    result.into_result().map_err(|e| EngineError::Plugin(format!("{kind} plugin `{name}` failed in {call}: {e}")))
}

/// A scheduler instance; every error names it.
pub struct Scheduler {
    pub name: String,
    inner: SchedulerBox,
}

impl Library<SchedulerMod_Ref> {
    pub fn describe(&self) -> String {
        self.module.describe()().into()
    }

    pub fn instantiate(&self, config_toml: &str) -> Result<Scheduler> {
        let name = self.info.name.to_string();
        let inner = named(Kind::Scheduler, &name, "new", self.module.new()(config_toml.into()))?;
        Ok(Scheduler { name, inner })
    }
}

impl Scheduler {
    pub fn analysis_cadence(&self) -> Cadence {
        self.inner.analysis_cadence()
    }

    pub fn plan(
        &mut self,
        ctx: StepContext,
        groups: &[ParamGroupInfo],
        metrics: Option<MetricsSnapshot<'_>>,
        incoming: &StepPlan,
    ) -> Result<StepPlan> {
        let metrics = match metrics {
            Some(m) => ROption::RSome(m),
            None => ROption::RNone,
        };
        let call = format!("plan at step {}", ctx.step);
        named(Kind::Scheduler, &self.name, &call, self.inner.plan(ctx, groups.into(), metrics, incoming))
    }

    pub fn save_state(&self) -> Result<String> {
        named(Kind::Scheduler, &self.name, "save_state", self.inner.save_state()).map(Into::into)
    }

    pub fn load_state(&mut self, state: &str) -> Result<()> {
        named(Kind::Scheduler, &self.name, "load_state", self.inner.load_state(state.into()))
    }
}

/// A model instance; every error names it.
pub struct Model {
    pub name: String,
    inner: ModelBox,
}

impl Library<ModelMod_Ref> {
    pub fn describe(&self) -> String {
        self.module.describe()().into()
    }

    pub fn instantiate(&self, init: ModelInit<'_>) -> Result<Model> {
        let name = self.info.name.to_string();
        let inner = named(Kind::Model, &name, "new", self.module.new()(init))?;
        Ok(Model { name, inner })
    }
}

impl Model {
    pub fn param_groups(&self) -> Vec<ParamGroupInfo> {
        self.inner.param_groups().into_vec()
    }

    pub fn train_step(&mut self, batch: &[TensorView<'_>], plan: &StepPlan, step: u64) -> Result<TrainOutput> {
        match self.inner.train_step(RSlice::from_slice(batch), plan).into_result() {
            Err(e) if plugin_api::is_non_finite_step(&e) => Err(EngineError::NonFiniteStep(format!("model plugin `{}` at step {step}: {e}", self.name))),
            result => named(Kind::Model, &self.name, &format!("train_step at step {step}"), result.into()),
        }
    }

    pub fn predict(&mut self, batch: &[TensorView<'_>]) -> Result<Vec<TensorData>> {
        named(Kind::Model, &self.name, "predict", self.inner.predict(RSlice::from_slice(batch))).map(|v| v.into_vec())
    }

    pub fn layer_weights(&self) -> Result<Vec<LayerWeights>> {
        named(Kind::Model, &self.name, "layer_weights", self.inner.layer_weights()).map(|v| v.into_vec())
    }

    pub fn save_checkpoint(&self, dir: &Path, metadata_json: &str) -> Result<()> {
        let dir = dir.to_string_lossy();
        named(Kind::Model, &self.name, "save_checkpoint", self.inner.save_checkpoint(dir.as_ref().into(), metadata_json.into()))
    }

    pub fn load_checkpoint(&mut self, dir: &Path, weights_only: bool) -> Result<()> {
        let dir = dir.to_string_lossy();
        named(Kind::Model, &self.name, "load_checkpoint", self.inner.load_checkpoint(dir.as_ref().into(), weights_only))
    }
}

/// A metrics instance; every error names it.
pub struct Metrics {
    pub name: String,
    inner: MetricsBox,
}

impl Library<MetricsMod_Ref> {
    pub fn describe(&self) -> String {
        self.module.describe()().into()
    }

    pub fn instantiate(&self, config_toml: &str) -> Result<Metrics> {
        let name = self.info.name.to_string();
        let inner = named(Kind::Metrics, &name, "new", self.module.new()(config_toml.into()))?;
        Ok(Metrics { name, inner })
    }
}

impl Metrics {
    pub fn analyze(&mut self, layers: &[LayerWeights]) -> Result<Vec<LayerMetrics>> {
        named(Kind::Metrics, &self.name, "analyze", self.inner.analyze(layers.into())).map(|v| v.into_vec())
    }
}

/// `describe()` of any plugin found by name or path, trying each kind.
pub fn describe_any(search: &SearchPath, spec: &str) -> Result<(Kind, PluginInfo, PathBuf, String)> {
    let mut errors = Vec::new();
    for kind in Kind::ALL {
        let path = match search.resolve(kind, spec) {
            Ok(p) => p,
            Err(e) => {
                errors.push(e.to_string());
                continue;
            }
        };
        let loaded = match kind {
            Kind::Scheduler => load_scheduler(search, spec).map(|l| (l.info.clone(), l.describe())),
            Kind::Model => load_model(search, spec).map(|l| (l.info.clone(), l.describe())),
            Kind::Metrics => load_metrics(search, spec).map(|l| (l.info.clone(), l.describe())),
        };
        match loaded {
            Ok((info, text)) => return Ok((kind, info, path, text)),
            // A path of the wrong kind fails the layout check; try the next kind.
            Err(e) if looks_like_path(spec) => errors.push(e.to_string()),
            Err(e) => return Err(e),
        }
    }
    if looks_like_path(spec) {
        return Err(EngineError::Plugin(errors.pop().unwrap_or_default()));
    }
    let found = search.discover();
    let names: Vec<String> = found.iter().map(|f| format!("{} ({})", f.name, f.kind)).collect();
    let looked: Vec<String> = search.dirs.iter().map(|(d, why)| format!("{} ({why})", d.display())).collect();
    Err(EngineError::Plugin(format!(
        "no plugin named `{spec}`; found: {}; looked in: {}",
        if names.is_empty() { "none".into() } else { names.join(", ") },
        looked.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_round_trip() {
        let file = Kind::Scheduler.file_name("constant-lr");
        assert_eq!(file, format!("{}engine_scheduler_constant_lr{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX));
        assert_eq!(Kind::parse_file_name(&file), Some((Kind::Scheduler, "constant-lr".to_string())));
        let model = Kind::Model.file_name("fno2d");
        assert_eq!(Kind::parse_file_name(&model), Some((Kind::Model, "fno2d".to_string())));
        assert_eq!(Kind::parse_file_name("libfixture_faulty_scheduler.so"), None);
        assert_eq!(Kind::parse_file_name("libengine_scheduler_.so"), None);
    }

    #[test]
    fn unknown_name_lists_found_plugins_and_directories() {
        let dir = std::env::temp_dir().join(format!("engine-host-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(Kind::Scheduler.file_name("alpha")), b"").unwrap();
        let search = SearchPath { dirs: vec![(dir.clone(), "--plugin-dir")] };
        let err = search.resolve(Kind::Scheduler, "beta").unwrap_err().to_string();
        assert!(err.contains("no scheduler plugin named `beta`"), "{err}");
        assert!(err.contains("found: alpha"), "{err}");
        assert!(err.contains(&format!("{} (--plugin-dir)", dir.display())), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
