//! `engine sweep` end to end: the CI sweep (configs/sweeps/smoke.toml) run locally, its report, a
//! rerun that starts nothing, an interrupted point that resumes, bad sweep files. The same sweep on
//! a real single-node Slurm is in tests/e2e/tests/slurm.rs.

use engine_e2e::*;
use std::fs;

#[test]
fn smoke_sweep_runs_reports_and_resumes() {
    let dir = temp_dir("sweep-smoke");
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml", "--jobs", "2"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("8 run now, 0 already done, 0 failed"), "{stdout}");
    // Plain progress lines when not on a terminal.
    assert!(stderr.contains("sweep [8/8] done"), "{stderr}");
    let sweep = dir.join("sweep");
    check_smoke_report(&sweep);

    // A rerun of a finished sweep starts nothing.
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("0 run now, 8 already done"), "{stdout}");

    // An interrupted point (summary gone, checkpoints kept) resumes from its checkpoint; a point
    // that never finished an epoch starts again.
    let a = sweep.join("runs/scheduler-tempbalance__train_ratio-1.0__seed-1");
    let b = sweep.join("runs/scheduler-constant-lr__train_ratio-0.25__seed-0");
    let before = fs::read_to_string(a.join("metrics.csv")).unwrap();
    fs::remove_file(a.join("summary.json")).unwrap();
    fs::remove_dir_all(&b).unwrap();
    fs::create_dir_all(&b).unwrap();
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml", "--dry-run"]).output().unwrap();
    let (stdout, _) = texts(&out);
    assert!(stdout.contains("resumable  scheduler-tempbalance__train_ratio-1.0__seed-1"), "{stdout}");
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("2 run now, 6 already done"), "{stdout}");
    assert_eq!(fs::read_to_string(a.join("metrics.csv")).unwrap(), before, "a resumed complete run adds no rows");
    let log = fs::read_to_string(sweep.join("logs/scheduler-tempbalance__train_ratio-1.0__seed-1.log")).unwrap();
    assert!(log.contains("resuming from"), "{log}");
    check_smoke_report(&sweep);
}

#[test]
fn a_failed_run_is_recorded_and_does_not_stop_the_others() {
    let dir = temp_dir("sweep-fail");
    let file = dir.join("fail.toml");
    let smoke = fs::read_to_string(repo_root().join("configs/sweeps/smoke.toml")).unwrap();
    let smoke = smoke.replace("config = \"../fno2d-diffreact.toml\"", &format!("config = \"{}\"", repo_root().join("configs/fno2d-diffreact.toml").display()));
    // A learning rate that diverges makes a non-finite loss: those runs fail, the rest finish.
    let text = smoke.replace("seed = [0, 1]", "seed = [0]").replace("data.train_ratio = [0.25, 1.0]", "optim.lr = [3e-3, 1e30]").replace("optim.lr = 3e-3\n", "");
    fs::write(&file, text).unwrap();
    let out = sweep_cmd(&dir, &[file.to_str().unwrap()]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(!out.status.success(), "{stdout}");
    assert!(stdout.contains("2 run now, 0 already done, 2 failed"), "{stdout}");
    let failed: Vec<_> = fs::read_dir(dir.join("sweep/failed")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    let line = fs::read_to_string(dir.join("sweep/failed").join(&failed[0])).unwrap();
    assert!(line.starts_with("error:") && line.contains("non-finite"), "{line}");
    assert!(error_lines(&stderr).last().unwrap().contains("2 of the sweep's runs failed"), "{stderr}");
    let report = fs::read_to_string(dir.join("sweep/report.md")).unwrap();
    assert!(report.contains("## Failed runs") && report.contains("non-finite"), "{report}");
}

#[test]
fn bad_sweep_files_are_one_line_errors_before_any_run() {
    let dir = temp_dir("sweep-bad");
    let base = repo_root().join("configs/fno2d-diffreact.toml");
    let cases: &[(&str, &str, &str)] = &[
        ("unknown-section", "[grid]\nseed = [0]\n[grids]\nx = 1\n", "unknown field `grids`"),
        ("unknown-key", "[grid]\nseed = [0]\ntrain.epoch = [1, 2]\n", "unknown key `train.epoch`"),
        ("empty-grid", "[grid]\n", "the grid is empty"),
        ("no-grid", "[set]\ntrain.epochs = 1\n", "no [grid] section"),
        ("empty-values", "[grid]\nseed = []\n", "grid key `seed` has no values"),
        ("not-a-list", "[grid]\nseed = 3\n", "must be a list"),
        ("no-such-scheduler", "[grid]\nscheduler = [\"constant-lr\", \"tempbalanse\"]\n", "no scheduler plugin named `tempbalanse`"),
        ("no-such-model", "[grid]\nmodel = [\"fno3d\"]\n", "no model plugin named `fno3d`"),
        ("bad-base", "[sweep]\nconfig = \"nope.toml\"\n[grid]\nseed = [0]\n", "`sweep.config` = `nope.toml`"),
        ("bad-type", "[grid]\ntrain.epochs = [\"many\"]\n", "train.epochs"),
        ("duplicate", "[grid]\nseed = [0, 1, 1]\n", "lists 1 twice"),
        ("variant-no-scheduler", "[grid]\nscheduler = [\"v\"]\n[variants.v]\noptim.lr = 1e-3\n", "[variants.v] has no `scheduler` key"),
        ("variant-grid-key", "[grid]\nscheduler = [\"v\"]\noptim.lr = [1e-3]\n[variants.v]\nscheduler = \"tempbalance\"\noptim.lr = 1e-3\n", "sets `optim.lr`, which is a grid key"),
        ("variant-bad-plugin", "[grid]\nscheduler = [\"v\"]\n[variants.v]\nscheduler = \"tempbalanse\"\n", "no scheduler plugin named `tempbalanse`"),
        ("variant-dotted-name", "[grid]\nscheduler = [\"tb-s0.5\"]\n[variants.tb-s0.5]\nscheduler = \"tempbalance\"\n", "a variant name with a dot must be quoted, [variants.\"tb-s0.5\"]"),
        ("tuned-unknown-member", "[grid]\nscheduler = [\"constant-lr\", \"tempbalance\"]\n[report.tuned_schedulers]\ntb = [\"tempbalance\", \"tb-wide\"]\n", "`report.tuned_schedulers.tb` lists `tb-wide`, which is not a scheduler of the grid"),
        ("tuned-name-clash", "[grid]\nscheduler = [\"constant-lr\", \"tempbalance\"]\n[report.tuned_schedulers]\ntempbalance = [\"tempbalance\"]\n", "has the name of a scheduler of the grid"),
    ];
    for (name, text, expect) in cases {
        let file = dir.join(format!("{name}.toml"));
        let text = if text.contains("[sweep]") { text.to_string() } else { format!("[sweep]\nconfig = \"{}\"\n{text}", base.display()) };
        fs::write(&file, text).unwrap();
        let out = sweep_cmd(&dir, &[file.to_str().unwrap()]).output().unwrap();
        let (_, stderr) = texts(&out);
        assert!(!out.status.success(), "{name}");
        let lines = error_lines(&stderr);
        assert_eq!(lines.len(), 1, "{name}: {stderr}");
        assert!(lines[0].contains(&format!("{name}.toml")) && lines[0].contains(expect), "{name}: {stderr}");
        assert!(!dir.join("sweep").exists(), "{name}: a run started");
    }
    // A sweep directory of another sweep is refused.
    let good = dir.join("good.toml");
    fs::write(&good, format!("[sweep]\nconfig = \"{}\"\n[set]\ntrain.epochs = 1\n{}\n[grid]\nseed = [0]\n", base.display(), tiny_sets())).unwrap();
    let out = sweep_cmd(&dir, &[good.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    fs::write(&good, format!("[sweep]\nconfig = \"{}\"\n[set]\ntrain.epochs = 2\n{}\n[grid]\nseed = [0]\n", base.display(), tiny_sets())).unwrap();
    let out = sweep_cmd(&dir, &[good.to_str().unwrap()]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    assert!(error_lines(&stderr)[0].contains("holds another sweep"), "{stderr}");
    // The same sweep from a checkout at another path (a study committed to the repository and
    // continued on another machine): the base configuration's text decides, not where it lives.
    let moved = dir.join("elsewhere/configs");
    fs::create_dir_all(&moved).unwrap();
    fs::copy(&base, moved.join("fno2d-diffreact.toml")).unwrap();
    fs::write(&good, format!("[sweep]\nconfig = \"{}\"\n[set]\ntrain.epochs = 1\n{}\n[grid]\nseed = [0]\n", moved.join("fno2d-diffreact.toml").display(), tiny_sets())).unwrap();
    let out = sweep_cmd(&dir, &[good.to_str().unwrap()]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("0 run now, 1 already done"), "{stdout}");
    // Comments and layout of the base configuration do not make it another sweep; a value does.
    let moved_base = moved.join("fno2d-diffreact.toml");
    let text = fs::read_to_string(&moved_base).unwrap();
    fs::write(&moved_base, format!("# a comment added later\n\n{text}")).unwrap();
    let out = sweep_cmd(&dir, &[good.to_str().unwrap()]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success() && stdout.contains("0 run now, 1 already done"), "{stdout}{stderr}");
    let changed = text.replacen("batch_size = 10", "batch_size = 3", 1);
    assert_ne!(changed, text);
    fs::write(&moved_base, changed).unwrap();
    let out = sweep_cmd(&dir, &[good.to_str().unwrap()]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("holds another sweep"), "{stderr}");
}

/// A scheduler variant (`[variants.<name>]`: a plugin with its own settings) is a scheduler of the
/// sweep by that name: in run names, tables and comparisons; its runs get the settings.
#[test]
fn scheduler_variants_run_with_their_settings_under_their_names() {
    let dir = temp_dir("sweep-variants");
    let base = repo_root().join("configs/fno2d-diffreact.toml");
    let file = dir.join("variants.toml");
    let text = format!(
        "[sweep]\nconfig = \"{}\"\n[set]\ntrain.epochs = 1\n{}\n[grid]\nscheduler = [\"constant-lr\", \"tb-wide\"]\nseed = [0, 1]\n[variants.tb-wide]\nscheduler = \"tempbalance\"\nplugins.tempbalance.s_max = 2.0\n",
        base.display(),
        tiny_sets()
    );
    fs::write(&file, &text).unwrap();
    let out = sweep_cmd(&dir, &[file.to_str().unwrap(), "--jobs", "2"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("4 run now"), "{stdout}");
    let run = dir.join("sweep/runs/scheduler-tb-wide__seed-1");
    let resolved = fs::read_to_string(run.join("config.resolved.toml")).unwrap();
    assert!(resolved.contains("scheduler = \"tempbalance\""), "{resolved}");
    let section = &resolved[resolved.find("[plugins.tempbalance]").expect("tempbalance settings")..];
    assert!(section.lines().any(|l| l.trim() == "s_max = 2.0"), "{resolved}");
    let other = fs::read_to_string(dir.join("sweep/runs/scheduler-constant-lr__seed-1/config.resolved.toml")).unwrap();
    assert!(other.contains("scheduler = \"constant-lr\"") && !other.contains("s_max = 2.0"), "{other}");
    let report = fs::read_to_string(dir.join("sweep/report.md")).unwrap();
    assert!(report.contains("tb-wide"), "{report}");
    // A variant may be added to a sweep directory (as grid values may); changing one is refused.
    let grown = text.replace("\"tb-wide\"]", "\"tb-wide\", \"tb-narrow\"]") + "[variants.tb-narrow]\nscheduler = \"tempbalance\"\nplugins.tempbalance.s_max = 0.5\n";
    fs::write(&file, &grown).unwrap();
    let stamps = |d: &std::path::Path| ["fingerprint.json", "sweep.toml"].map(|f| fs::read_to_string(d.join(f)).unwrap());
    let before = stamps(&dir.join("sweep"));
    let out = sweep_cmd(&dir, &[file.to_str().unwrap(), "--dry-run"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("new        scheduler-tb-narrow__seed-0") && stdout.contains("done       scheduler-tb-wide__seed-0"), "{stdout}");
    assert_eq!(stamps(&dir.join("sweep")), before, "a dry run writes nothing into the sweep directory");
    fs::write(&file, grown.replace("s_max = 2.0", "s_max = 3.0")).unwrap();
    let out = sweep_cmd(&dir, &[file.to_str().unwrap(), "--dry-run"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success() && error_lines(&stderr)[0].contains("holds another sweep"), "{stderr}");
}

/// `report.tune`: a tuned value is chosen on validation over the seeds every value has finished
/// (never for having fewer, luckier seeds); a value with no finished run yet takes no part.
#[test]
fn tuning_compares_values_on_common_seeds() {
    let dir = temp_dir("sweep-tune");
    let base = repo_root().join("configs/fno2d-diffreact.toml");
    let file = dir.join("tune.toml");
    let text = format!(
        "[sweep]\nconfig = \"{}\"\n[set]\ntrain.epochs = 1\n{}\n[grid]\nscheduler = [\"constant-lr\", \"tempbalance\", \"tb-wide\"]\noptim.lr = [1e-3, 2e-3]\nseed = [0, 1]\n[variants.tb-wide]\nscheduler = \"tempbalance\"\nplugins.tempbalance.s_max = 2.0\n[report]\ntune = [\"optim.lr\"]\n[report.tuned_schedulers]\ntb-tuned = [\"tempbalance\", \"tb-wide\"]\n",
        base.display(),
        tiny_sets().lines().filter(|l| !l.starts_with("optim.lr")).collect::<Vec<_>>().join("\n")
    );
    fs::write(&file, &text).unwrap();
    let out = sweep_cmd(&dir, &[file.to_str().unwrap(), "--jobs", "2"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let runs = dir.join("sweep/runs");
    let set_val = |run: &str, v: Option<f64>| {
        let path = runs.join(run).join("summary.json");
        match v {
            None => fs::remove_file(&path).unwrap(),
            Some(v) => {
                let mut s: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
                s["best"]["val/nrmse"] = serde_json::json!(v);
                fs::write(&path, s.to_string()).unwrap();
            }
        }
    };
    // constant-lr: 2e-3 has only seed 0, where it is better (0.4 < 0.5); averaged over each value's
    // own seeds, 1e-3's lucky seed 1 (0.1) would win instead.
    set_val("scheduler-constant-lr__lr-0.001__seed-0", Some(0.5));
    set_val("scheduler-constant-lr__lr-0.001__seed-1", Some(0.1));
    set_val("scheduler-constant-lr__lr-0.002__seed-0", Some(0.4));
    set_val("scheduler-constant-lr__lr-0.002__seed-1", None);
    // tempbalance: 2e-3 has not finished at all.
    set_val("scheduler-tempbalance__lr-0.002__seed-0", None);
    set_val("scheduler-tempbalance__lr-0.002__seed-1", None);
    let out = engine().current_dir(repo_root()).args(["sweep", "report"]).arg(dir.join("sweep")).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let report = fs::read_to_string(dir.join("sweep/report.md")).unwrap();
    assert!(report.contains("constant-lr: optim.lr = 0.002 (chosen on the 1 seed(s) every value has finished)"), "{report}");
    assert!(report.contains("tempbalance: optim.lr = 0.001 (chosen among the 1 of 2 values with finished runs, on the 2 seed(s) they share)"), "{report}");
    // report.tuned_schedulers: tb-tuned is whichever of tempbalance and tb-wide (with its rate)
    // validates best, chosen on the seeds they all have, compared with the baseline like any
    // scheduler. tempbalance at 1e-3 has 0.31 and 0.33 (mean 0.32); tb-wide at 2e-3 is better on
    // seed 0 only (0.30) and worse on average (0.30, 0.36: 0.33); tb-wide at 1e-3 has 0.34, 0.35.
    set_val("scheduler-tempbalance__lr-0.001__seed-0", Some(0.31));
    set_val("scheduler-tempbalance__lr-0.001__seed-1", Some(0.33));
    set_val("scheduler-tb-wide__lr-0.002__seed-0", Some(0.30));
    set_val("scheduler-tb-wide__lr-0.002__seed-1", Some(0.36));
    set_val("scheduler-tb-wide__lr-0.001__seed-0", Some(0.34));
    set_val("scheduler-tb-wide__lr-0.001__seed-1", Some(0.35));
    let out = engine().current_dir(repo_root()).args(["sweep", "report"]).arg(dir.join("sweep")).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let report = fs::read_to_string(dir.join("sweep/report.md")).unwrap();
    assert!(report.contains("tb-tuned: scheduler = tempbalance, optim.lr = 0.001 (chosen among the 3 of 4 values with finished runs, on the 2 seed(s) they share)"), "{report}");
    assert!(report.contains("| constant-lr | tempbalance | tb-wide | tb-tuned |"), "{report}");
    assert!(report.lines().any(|l| l.contains("| tb-tuned | 1 | +0.0021 |")), "{report}");
    // Run counts take each run once: the chosen runs of constant-lr (1), tempbalance (2) and
    // tb-wide (2), not tb-tuned's copies of tempbalance's.
    assert!(report.contains("of 5 runs beat it"), "{report}");
    // Now tb-wide at 2e-3 is best on both seeds.
    set_val("scheduler-tb-wide__lr-0.002__seed-1", Some(0.30));
    let out = engine().current_dir(repo_root()).args(["sweep", "report"]).arg(dir.join("sweep")).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let report = fs::read_to_string(dir.join("sweep/report.md")).unwrap();
    assert!(report.contains("tb-tuned: scheduler = tb-wide, optim.lr = 0.002 ("), "{report}");
    // A study committed to a repository reports from a checkout elsewhere, where the absolute
    // base-configuration path in its sweep.toml copy does not exist.
    let copy = dir.join("copied");
    fs::create_dir_all(copy.join("runs")).unwrap();
    let sweep_toml = fs::read_to_string(dir.join("sweep/sweep.toml")).unwrap();
    assert!(sweep_toml.contains(&base.display().to_string()), "{sweep_toml}");
    fs::write(copy.join("sweep.toml"), sweep_toml.replace(&base.display().to_string(), "/nowhere/fno2d-diffreact.toml")).unwrap();
    for run in fs::read_dir(&runs).unwrap() {
        let run = run.unwrap();
        let to = copy.join("runs").join(run.file_name());
        fs::create_dir_all(&to).unwrap();
        if run.path().join("summary.json").is_file() {
            fs::copy(run.path().join("summary.json"), to.join("summary.json")).unwrap();
        }
    }
    let out = engine().current_dir(repo_root()).args(["sweep", "report"]).arg(&copy).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let copied = fs::read_to_string(copy.join("report.md")).unwrap();
    let table = |r: &str| r.lines().filter(|l| l.starts_with("| ") || l.starts_with("- size")).map(String::from).collect::<Vec<_>>();
    assert_eq!(table(&copied), table(&report), "{copied}");
}

/// A sweep whose stderr cannot be written (a log file on a full disk) still runs every point:
/// progress lines are dropped, not fatal.
#[test]
fn an_unwritable_stderr_does_not_stop_a_sweep() {
    let dir = temp_dir("sweep-full-stderr");
    let base = repo_root().join("configs/fno2d-diffreact.toml");
    let file = dir.join("one.toml");
    fs::write(&file, format!("[sweep]\nconfig = \"{}\"\n[set]\ntrain.epochs = 1\n{}\n[grid]\nseed = [0, 1]\n", base.display(), tiny_sets())).unwrap();
    let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = sweep_cmd(&dir, &[file.to_str().unwrap()]).stderr(full).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).0);
    for seed in [0, 1] {
        assert!(dir.join(format!("sweep/runs/seed-{seed}/summary.json")).is_file(), "seed {seed}");
    }
}

/// The tiny settings as [set] lines.
fn tiny_sets() -> String {
    TINY.iter().map(|s| {
        let (k, v) = s.split_once('=').unwrap();
        format!("{k} = {v}")
    }).collect::<Vec<_>>().join("\n")
}

/// Ctrl-C on a sweep: no new run starts, the running ones checkpoint, one line says how to go on,
/// exit 130; the same command then finishes the sweep, resuming the interrupted runs.
#[test]
fn sigint_stops_a_sweep_at_checkpoints_and_the_rerun_finishes_it() {
    let dir = temp_dir("sweep-sigint");
    let file = dir.join("long.toml");
    let smoke = fs::read_to_string(repo_root().join("configs/sweeps/smoke.toml")).unwrap();
    let text = smoke
        .replace("config = \"../fno2d-diffreact.toml\"", &format!("config = \"{}\"", repo_root().join("configs/fno2d-diffreact.toml").display()))
        .replace("train.epochs = 3", "train.epochs = 30")
        .replace("seed = [0, 1]", "seed = [0]");
    fs::write(&file, text).unwrap();
    let child = sweep_cmd(&dir, &[file.to_str().unwrap(), "--jobs", "2"]).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let runs = dir.join("sweep/runs");
    let started = std::time::Instant::now();
    let logged = || fs::read_dir(&runs).map(|d| d.filter(|e| e.as_ref().unwrap().path().join("metrics.jsonl").exists()).count()).unwrap_or(0);
    while logged() < 2 {
        assert!(started.elapsed().as_secs() < 120, "the runs never started");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(std::process::Command::new("kill").args(["-s", "INT", &child.id().to_string()]).status().unwrap().success());
    let out = child.wait_with_output().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    let last = stderr.lines().last().unwrap();
    assert!(last.starts_with("interrupted: SIGINT: sweep stopped") && last.contains(&format!("continue with: engine sweep {}", file.display())), "{stderr}");
    // Exactly the two running runs exist, each stopped at a checkpoint; nothing else started.
    let dirs: Vec<_> = fs::read_dir(&runs).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(dirs.len(), 2, "{dirs:?}");
    assert!(dirs.iter().all(|d| d.join("checkpoints/last").exists() && !d.join("summary.json").exists()), "{stderr}");
    assert_eq!(fs::read_dir(dir.join("sweep/failed")).unwrap().count(), 0);

    let out = sweep_cmd(&dir, &[file.to_str().unwrap(), "--jobs", "2"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("4 run now, 0 already done, 0 failed"), "{stdout}");
    for d in &dirs {
        let log = fs::read_to_string(dir.join("sweep/logs").join(format!("{}.log", d.file_name().unwrap().to_string_lossy()))).unwrap();
        assert!(log.contains("resuming from"), "{log}");
        assert_eq!(read_csv(&d.join("metrics.csv")).len(), 30);
    }
}

/// A sweep's --plugin-dir reaches every run it starts (a scheduler only that directory has).
#[test]
fn plugin_dirs_reach_the_runs() {
    let dir = temp_dir("sweep-plugin-dir");
    let plugins = dir.join("plugins");
    fs::create_dir_all(&plugins).unwrap();
    fs::copy(target_dir().join("libengine_scheduler_constant_lr.so"), plugins.join("libengine_scheduler_mine.so")).unwrap();
    let file = dir.join("mine.toml");
    let smoke = fs::read_to_string(repo_root().join("configs/sweeps/smoke.toml")).unwrap();
    let text = smoke
        .replace("config = \"../fno2d-diffreact.toml\"", &format!("config = \"{}\"", repo_root().join("configs/fno2d-diffreact.toml").display()))
        .replace("scheduler = [\"constant-lr\", \"tempbalance\"]", "scheduler = [\"mine\"]")
        .replace("seed = [0, 1]", "seed = [0]")
        .replace("data.train_ratio = [0.25, 1.0]", "data.train_ratio = [1.0]");
    fs::write(&file, text).unwrap();
    let out = sweep_cmd(&dir, &[file.to_str().unwrap(), "--plugin-dir", plugins.to_str().unwrap()]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}\n{stdout}");
    assert!(stdout.contains("1 run now, 0 already done, 0 failed"), "{stdout}");
}

/// Every study file in configs/sweeps/ expands: the presets it names exist, every grid point's
/// configuration resolves (unknown keys, plugin names, variant values), and a dry run writes
/// nothing. A study file that rots is found here, not hours into a study.
#[test]
fn every_committed_study_file_expands() {
    let dir = temp_dir("sweep-study-files");
    let mut files: Vec<_> = fs::read_dir(repo_root().join("configs/sweeps"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "study files: {files:?}");
    for file in &files {
        let out = sweep_cmd(&dir, &[file.to_str().unwrap(), "--dry-run"]).output().unwrap();
        let (stdout, stderr) = texts(&out);
        assert!(out.status.success(), "{}: {stderr}", file.display());
        assert!(stdout.contains("new "), "{}: no grid points listed: {stdout}", file.display());
        assert!(!dir.join("sweep").exists(), "{}: a dry run wrote {}", file.display(), dir.join("sweep").display());
    }
}
