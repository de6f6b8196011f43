//! The `engine` command line.

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use engine::config::{self, CliOverrides, ProgressMode};
use engine::host::{self, SearchPath};
use figment::value::Value;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "engine", version, about = "Training engine for low-data training and fine-tuning, with layer-wise learning-rate scheduler plugins (TempBalance)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Train a model under a scheduler.
    Run(RunArgs),
    /// Score a saved checkpoint (a run directory's best, or a checkpoint directory) on the
    /// validation or test split, or on another data file.
    Eval(EvalArgs),
    /// Print the resolved configuration of a run without running it (`--list`: the shipped presets).
    Config(ConfigArgs),
    /// Per-layer spectral metrics of a saved model (engine checkpoint, .safetensors file or
    /// Hugging Face model directory), without training.
    Analyze(AnalyzeArgs),
    /// List or describe plugins.
    Plugins {
        #[command(subcommand)]
        command: PluginsCommand,
    },
    /// Run a grid of runs from a sweep file (locally or as a Slurm job array) and report the
    /// comparison with paired statistics; `engine sweep report DIR` rewrites a report.
    Sweep(SweepArgs),
    /// Built-in PDE datasets.
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct SweepArgs {
    #[command(subcommand)]
    action: Option<SweepAction>,
    /// The sweep file (TOML: [sweep], [set], [grid], [report], [slurm]; docs/ablations.md).
    #[arg(required = true)]
    file: Option<PathBuf>,
    /// The sweep directory (default: sweeps/<sweep file name>).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Runs at once (default: the sweep file's, else cores / train.threads).
    #[arg(long)]
    jobs: Option<usize>,
    /// Where the runs go: this machine, or a Slurm job array.
    #[arg(long, value_enum, default_value = "local")]
    executor: Executor,
    /// List the grid points, their run names and states; run nothing.
    #[arg(long)]
    dry_run: bool,
    /// With --executor slurm: write the job script without submitting it.
    #[arg(long)]
    emit_only: bool,
    /// With --executor slurm: wait for the job array to finish, then write the report.
    #[arg(long)]
    wait: bool,
    /// Run only the grid point of this name or index (what each Slurm array task does).
    #[arg(long, value_name = "NAME", hide = true)]
    point: Option<String>,
    #[command(flatten)]
    search: SearchArgs,
}

#[derive(Subcommand)]
enum SweepAction {
    /// Write results.csv, report.md and plots/ of a sweep directory from its runs' summary.json.
    Report {
        /// The sweep directory.
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Executor {
    Local,
    Slurm,
}

#[derive(Subcommand)]
enum DataCommand {
    /// Generate a dataset from the equations and write it as a PDEBench HDF5 file.
    Generate(GenerateArgs),
}

#[derive(Args)]
struct GenerateArgs {
    /// Dataset: diffusion-reaction-2d, cfd-2d, cfd-1d, darcy-2d, burgers-1d, advection-1d.
    dataset: String,
    /// Output file, or a directory for PDEBench's file name (default: the current directory).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Configuration file (its [data] section applies).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Override a data key, e.g. --set data.num_samples=1000 --set data.resolution=128.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
}

#[derive(Subcommand)]
enum PluginsCommand {
    /// Every plugin found: name, kind, plugin version, API version, path.
    List(SearchArgs),
    /// A plugin's default configuration.
    Describe {
        /// Plugin name or path.
        name: String,
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Load one library file and print its plugin info (the engine runs this in a child process
    /// before loading a plugin, so a corrupt file cannot crash it).
    #[command(hide = true)]
    Probe {
        kind: String,
        path: PathBuf,
    },
}

#[derive(Args, Clone)]
struct SearchArgs {
    /// Extra directory to search for plugins (searched before ENGINE_PLUGIN_PATH and the engine's own directory).
    #[arg(long = "plugin-dir", value_name = "DIR")]
    plugin_dirs: Vec<PathBuf>,
}

#[derive(Args, Clone)]
struct RunArgs {
    /// Model plugin (name or path).
    #[arg(long)]
    model: Option<String>,
    /// Scheduler plugin (name or path); `a+b` stacks schedulers, each refining the previous plan.
    #[arg(long)]
    scheduler: Option<String>,
    /// Configuration file (TOML), e.g. configs/fno2d-diffreact.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Override any key, e.g. --set optim.lr=2.5e-3 (applied last).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
    /// Training seed.
    #[arg(long)]
    seed: Option<u64>,
    /// Number of epochs.
    #[arg(long)]
    epochs: Option<u64>,
    /// Run directory name (under --runs).
    #[arg(long)]
    name: Option<String>,
    /// Parent directory of run directories.
    #[arg(long, value_name = "DIR")]
    runs: Option<PathBuf>,
    /// Progress display.
    #[arg(long, value_enum)]
    progress: Option<Progress>,
    /// Continue the run in DIR from its last checkpoint (its config.resolved.toml is the config
    /// file; raise --epochs to train further).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["config", "name", "runs"])]
    resume: Option<PathBuf>,
    /// With --resume: continue even though data, model or optimizer settings differ from the run's.
    #[arg(long, requires = "resume")]
    force_config: bool,
    #[command(flatten)]
    search: SearchArgs,
}

#[derive(Args)]
struct EvalArgs {
    /// A run directory (its best checkpoint) or a checkpoint directory.
    path: PathBuf,
    /// Which split to score.
    #[arg(long, value_enum, default_value = "test")]
    split: EvalSplit,
    /// Score on this PDEBench HDF5 file instead (same dataset layout).
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    /// Override a key of the run's configuration (e.g. --set data.num_samples=...).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
    /// Write the predictions to FILE: PDE rollouts (all t_train frames, physical units) as HDF5 in
    /// PDEBench's layout for the dataset; text predictions as JSONL, one line per example (line,
    /// text, label, predicted, correct, probabilities per label).
    #[arg(long, value_name = "FILE")]
    save_predictions: Option<PathBuf>,
    #[command(flatten)]
    search: SearchArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EvalSplit {
    Val,
    Test,
}

#[derive(Args)]
struct ConfigArgs {
    /// List the shipped presets (usable as `--config NAME` from any directory).
    #[arg(long)]
    list: bool,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Args)]
struct AnalyzeArgs {
    /// A checkpoint directory (runs/NAME/checkpoints/best), a .safetensors file, or a Hugging Face
    /// model directory (config.json + model.safetensors).
    path: PathBuf,
    /// Only layers whose name is or contains one of these (comma-separated).
    #[arg(long, value_delimiter = ',')]
    layers: Vec<String>,
    /// Write a log-log ESD histogram with the fitted power law per analysed layer into DIR.
    #[arg(long, value_name = "DIR")]
    plots: Option<PathBuf>,
    /// Write the table as CSV.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// How x_min, the start of the power-law tail, is chosen: `mid` (TempBalance's), `ks-scan`
    /// (WeightWatcher's default: the smallest KS distance) or `peak`. Default: the metrics plugin's.
    #[arg(long, value_name = "RULE", value_parser = ["mid", "ks-scan", "peak"])]
    rule: Option<String>,
    /// Configuration file (for [plugins.spectral] settings).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Override a key, e.g. --set plugins.spectral.xmin_pos=1.5.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
    #[command(flatten)]
    search: SearchArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Progress {
    Auto,
    Bar,
    Plain,
    Off,
}

impl RunArgs {
    fn load(&self) -> Result<config::Loaded> {
        let mut cli = CliOverrides { model: self.model.clone(), scheduler: self.scheduler.clone(), seed: self.seed, ..Default::default() };
        if let Some(e) = self.epochs {
            cli.train.insert("epochs".into(), Value::from(e));
        }
        if let Some(p) = self.progress {
            let mode = match p {
                Progress::Auto => ProgressMode::Auto,
                Progress::Bar => ProgressMode::Bar,
                Progress::Plain => ProgressMode::Plain,
                Progress::Off => ProgressMode::Off,
            };
            cli.train.insert("progress".into(), Value::serialize(mode)?);
        }
        if let Some(n) = &self.name {
            cli.run.insert("name".into(), Value::from(n.clone()));
        }
        if let Some(r) = &self.runs {
            cli.run.insert("root".into(), Value::from(r.display().to_string()));
        }
        let resumed_config = self.resume.as_ref().map(|dir| dir.join("config.resolved.toml"));
        let file = resumed_config.as_deref().or(self.config.as_deref());
        Ok(config::load(file, &cli, &self.sets)?)
    }
}

fn main() -> ExitCode {
    // Output into a closed pipe (`engine sweep --dry-run | head`) ends the process quietly, as
    // for any Unix tool, instead of panicking in println.
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let filter = tracing_subscriber::EnvFilter::try_from_env("ENGINE_LOG").unwrap_or_else(|_| "info".into());
    tracing_subscriber::fmt().with_env_filter(filter).with_target(false).without_time().with_ansi(std::io::stderr().is_terminal()).with_writer(std::io::stderr).init();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => match e.downcast_ref::<engine::EngineError>() {
            Some(interrupted @ engine::EngineError::Interrupted { .. }) => {
                eprintln!("interrupted: {interrupted}");
                ExitCode::from(interrupted.exit_code())
            }
            _ => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn sweep(args: SweepArgs) -> Result<()> {
    use engine::sweep::{self, report, slurm, spec::Sweep, SweepDir};
    if let Some(SweepAction::Report { dir }) = args.action {
        let sweep = Sweep::load_for_report(&dir.join("sweep.toml"))?;
        let dir = SweepDir::for_report(&dir)?;
        let written = report::write(&sweep, &dir)?;
        println!("{}", written.text);
        println!("wrote {} and {} ({} plots)", written.report_md.display(), written.results_csv.display(), written.plots.len());
        return Ok(());
    }
    let file = args.file.expect("clap requires FILE without a subcommand");
    let search = SearchPath::new(&args.search.plugin_dirs)?;
    let sweep = Sweep::load(&file, Some(&search))?;
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from("sweeps").join(file.file_stem().unwrap_or_default()));
    let points = sweep.points();
    let engine_exe = std::env::current_exe()?;
    if let Some(wanted) = &args.point {
        let point = points
            .iter()
            .find(|p| p.name == *wanted || p.index.to_string() == *wanted)
            .ok_or_else(|| anyhow::anyhow!("--point {wanted}: no such grid point ({} points)", points.len()))?;
        let dir = SweepDir::open(&out, &sweep)?.with_plugin_dirs(&args.search.plugin_dirs);
        return match dir.run_point(&engine_exe, &sweep, point)? {
            sweep::PointState::Done => Ok(()),
            _ => Err(anyhow::anyhow!("grid point {} failed: {}", point.name, dir.failure(point).unwrap_or_default())),
        };
    }
    if args.dry_run {
        let dir = out.join("fingerprint.json").exists().then(|| SweepDir::open_to_read(&out, &sweep)).transpose()?;
        println!("{} grid points ({}), sweep directory {}", points.len(), sweep.grid.iter().map(|(k, v)| format!("{k}: {}", v.len())).collect::<Vec<_>>().join(" x "), out.display());
        for p in &points {
            let state = dir.as_ref().map(|d| d.state(p).as_str()).unwrap_or("new");
            let values: Vec<String> = p.values.iter().map(|(k, v)| format!("{k}={}", engine::sweep::spec::plain(v))).collect();
            println!("{:>4}  {:<9}  {}  ({})", p.index, state, p.name, values.join(" "));
        }
        return Ok(());
    }
    let threads = sweep.load_config(&points[0])?.config.train.threads.max(1);
    let dir = SweepDir::open(&out, &sweep)?.with_plugin_dirs(&args.search.plugin_dirs);
    match args.executor {
        Executor::Local => {
            let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
            let jobs = args.jobs.or(sweep.jobs).unwrap_or((cores / threads).max(1));
            let outcome = sweep::run_local(&sweep, &dir, &engine_exe, jobs)?;
            let written = report::write(&sweep, &dir)?;
            println!("{}", written.text);
            println!(
                "sweep {}: {} run now, {} already done, {} failed; report: {}",
                out.display(),
                outcome.done,
                outcome.skipped,
                outcome.failed.len(),
                written.report_md.display()
            );
            if !outcome.failed.is_empty() {
                return Err(anyhow::anyhow!("{} of the sweep's runs failed (see {}/failed/); rerun the same command to retry them", outcome.failed.len(), out.display()));
            }
        }
        Executor::Slurm => {
            let pending = slurm::pending(&dir, &points);
            if pending.is_empty() {
                let written = report::write(&sweep, &dir)?;
                println!("every grid point is done; nothing to submit. report: {}", written.report_md.display());
                return Ok(());
            }
            let script = slurm::write_script(&sweep, &dir, &engine_exe, &pending, threads)?;
            if args.emit_only {
                println!("{}", script.display());
                return Ok(());
            }
            let job = slurm::submit(&script)?;
            println!("submitted job {job}: {} array tasks ({}); follow with `squeue -j {job}`; report with `engine sweep report {}`", pending.len(), script.display(), out.display());
            if args.wait {
                slurm::wait(&job)?;
                let written = report::write(&sweep, &dir)?;
                let failed = points.iter().filter(|p| dir.state(p) != sweep::PointState::Done).count();
                println!("{}", written.text);
                if failed > 0 {
                    return Err(anyhow::anyhow!("{failed} grid points did not finish (see {}/failed/ and logs/)", out.display()));
                }
            }
        }
    }
    Ok(())
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Run(args) => {
            let loaded = args.load()?;
            let search = SearchPath::new(&args.search.plugin_dirs)?;
            let report = engine::train::run_with(&loaded, &search, args.resume.as_deref(), args.force_config)?;
            println!("\n{}", report.summary);
        }
        Command::Analyze(args) => {
            let loaded = config::load(args.config.as_deref(), &CliOverrides::default(), &args.sets)?;
            let search = SearchPath::new(&args.search.plugin_dirs)?;
            let opts = engine::analyze::AnalyzeOptions { path: args.path, layers: args.layers, plots: args.plots, csv: args.csv, rule: args.rule };
            let analysis = engine::analyze::run(&loaded, &search, &opts)?;
            print!("{}", engine::analyze::format_table(&analysis));
        }
        Command::Sweep(args) => return sweep(args),
        Command::Eval(args) => {
            let search = SearchPath::new(&args.search.plugin_dirs)?;
            let split = match args.split {
                EvalSplit::Val => engine::task::Split::Val,
                EvalSplit::Test => engine::task::Split::Test,
            };
            let opts = engine::eval::EvalOptions { path: args.path, split, data: args.data, sets: args.sets, save_predictions: args.save_predictions };
            let report = engine::eval::run(&opts, &search)?;
            print!("{}", report.text);
            println!("written to {}", report.written.display());
        }
        Command::Data { command: DataCommand::Generate(args) } => {
            let mut sets = vec![format!("data.dataset={}", args.dataset)];
            sets.extend(args.sets);
            let loaded = config::load(args.config.as_deref(), &CliOverrides::default(), &sets)?;
            let path = engine::data::generate(&loaded.config.data, args.out.as_deref())?;
            println!("{}", path.display());
        }
        Command::Config(ConfigArgs { list: true, .. }) => {
            for (name, text) in engine::config::PRESETS {
                // The first comment line says what the preset is.
                let about = text.lines().next().and_then(|l| l.strip_prefix('#')).unwrap_or("").trim();
                println!("{name:<28} {about}");
            }
        }
        Command::Config(ConfigArgs { run: args, .. }) => {
            let loaded = args.load()?;
            let cfg = &loaded.config;
            cfg.validate()?;
            if cfg.task == "pde-rollout" {
                cfg.data.validate()?;
            }
            // The plugins must exist, as `engine run` requires.
            let search = SearchPath::new(&args.search.plugin_dirs)?;
            for name in cfg.scheduler.names() {
                search.resolve(host::Kind::Scheduler, &name)?;
            }
            search.resolve(host::Kind::Model, &cfg.model)?;
            print!("{}", cfg.to_toml_for_task()?);
        }
        Command::Plugins { command: PluginsCommand::List(search) } => {
            let search = SearchPath::new(&search.plugin_dirs)?;
            let listed = host::list(&search);
            println!("{:<16} {:<10} {:<9} {:<5} path", "name", "kind", "version", "api");
            for l in &listed {
                match &l.info {
                    Ok(info) => println!("{:<16} {:<10} {:<9} {:<5} {}", info.name, l.found.kind, info.version, info.api_version, l.found.path.display()),
                    Err(e) => println!("{:<16} {:<10} {:<9} {:<5} {} (not loadable: {e})", l.found.name, l.found.kind, "-", "-", l.found.path.display()),
                }
            }
            if listed.is_empty() {
                let dirs: Vec<String> = search.dirs.iter().map(|(d, why)| format!("{} ({why})", d.display())).collect();
                println!("(no plugins found; looked in: {})", dirs.join(", "));
            }
        }
        Command::Plugins { command: PluginsCommand::Probe { kind, path } } => {
            let kind = host::Kind::ALL.into_iter().find(|k| k.as_str() == kind).ok_or_else(|| anyhow::anyhow!("unknown plugin kind `{kind}`"))?;
            let info = host::probe_in_this_process(kind, &path)?;
            println!("{} {} {}", info.name, info.version, info.api_version);
        }
        Command::Plugins { command: PluginsCommand::Describe { name, search } } => {
            let search = SearchPath::new(&search.plugin_dirs)?;
            let (kind, info, path, text) = host::describe_any(&search, &name)?;
            println!("# {} ({kind} plugin {}, plugin API {}) — {}", info.name, info.version, info.api_version, info.description);
            println!("# {}", path.display());
            println!("# settings go in [plugins.{}] of a config file, or --set plugins.{}.KEY=VALUE", info.name, info.name);
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
        }
    }
    Ok(())
}
