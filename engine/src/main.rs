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
    /// Print the resolved configuration of a run without running it.
    Config(RunArgs),
    /// Per-layer spectral metrics of a saved model (engine checkpoint, .safetensors file or
    /// Hugging Face model directory), without training.
    Analyze(AnalyzeArgs),
    /// List or describe plugins.
    Plugins {
        #[command(subcommand)]
        command: PluginsCommand,
    },
    /// Built-in PDE datasets.
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
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
    #[command(flatten)]
    search: SearchArgs,
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
    /// Configuration file (for [plugins.spectral] settings).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Override a key, e.g. --set plugins.spectral.xmin_rule=ks-scan.
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
    let filter = tracing_subscriber::EnvFilter::try_from_env("ENGINE_LOG").unwrap_or_else(|_| "info".into());
    tracing_subscriber::fmt().with_env_filter(filter).with_target(false).without_time().with_ansi(std::io::stderr().is_terminal()).with_writer(std::io::stderr).init();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Run(args) => {
            let loaded = args.load()?;
            let search = SearchPath::new(&args.search.plugin_dirs)?;
            let report = engine::train::run(&loaded, &search, args.resume.as_deref())?;
            println!("\n{}", report.summary);
        }
        Command::Analyze(args) => {
            let loaded = config::load(args.config.as_deref(), &CliOverrides::default(), &args.sets)?;
            let search = SearchPath::new(&args.search.plugin_dirs)?;
            let opts = engine::analyze::AnalyzeOptions { path: args.path, layers: args.layers, plots: args.plots, csv: args.csv };
            let analysis = engine::analyze::run(&loaded, &search, &opts)?;
            print!("{}", engine::analyze::format_table(&analysis));
        }
        Command::Data { command: DataCommand::Generate(args) } => {
            let mut sets = vec![format!("data.dataset={}", args.dataset)];
            sets.extend(args.sets);
            let loaded = config::load(args.config.as_deref(), &CliOverrides::default(), &sets)?;
            let path = engine::data::generate(&loaded.config.data, args.out.as_deref())?;
            println!("{}", path.display());
        }
        Command::Config(args) => {
            let loaded = args.load()?;
            loaded.config.validate()?;
            loaded.config.data.validate()?;
            print!("{}", loaded.config.to_toml()?);
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
