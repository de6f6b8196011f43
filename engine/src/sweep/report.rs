//! `engine sweep report`: results.csv (one row per grid point), report.md (per model and dataset:
//! the headline test metric at the best-validation checkpoint, mean ± std over seeds, one row per
//! data size and one column per scheduler; every scheduler against the baseline, paired by seed)
//! and plots.

use super::spec::{self, Point, Sweep};
use super::stats;
use super::{PointState, SweepDir};
use crate::error::{io_err, Result};
use crate::plots::{self, ErrSeries};
use crate::summary::RunSummary;
use crate::task::higher_is_better;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One grid point with what its run left.
struct Entry {
    point: Point,
    state: PointState,
    summary: Option<RunSummary>,
    failure: Option<String>,
}

/// What a report wrote.
pub struct Written {
    pub results_csv: PathBuf,
    pub report_md: PathBuf,
    pub plots: Vec<PathBuf>,
    /// The markdown itself (also printed at the end of a sweep).
    pub text: String,
}

/// One cell of a table: the runs of one scheduler at one data size (after tuning).
#[derive(Clone)]
struct Cell<'a> {
    /// (seed, summary) of finished runs.
    runs: Vec<(String, &'a RunSummary)>,
    /// Seeds expected from the grid.
    expected: usize,
    /// The tuned keys' chosen values, shown in the report.
    tuned: Vec<(String, String)>,
    /// How the choice was made when not every value has all its seeds: on the seeds every value
    /// has finished, or provisionally.
    tuning_note: Option<String>,
    /// Whether every tuned value took part in the choice (has finished runs): only then does a
    /// choice on the grid's edge say anything about the grid.
    every_value_scored: bool,
    /// Points of the chosen setting, for curves.
    points: Vec<&'a Entry>,
}

pub fn write(sweep: &Sweep, dir: &SweepDir) -> Result<Written> {
    let points = sweep.points();
    let entries: Vec<Entry> = points
        .into_iter()
        .map(|p| {
            let state = dir.state(&p);
            let summary = RunSummary::read(&dir.run_dir(&p)).ok().flatten();
            // A run that failed after a checkpoint is resumable, and its error still shows.
            let failure = (state != PointState::Done).then(|| dir.failure(&p)).flatten();
            Entry { point: p, state, summary, failure }
        })
        .collect();
    let results_csv = dir.dir.join("results.csv");
    crate::rundir::write_atomic(&results_csv, results_table(sweep, &entries).as_bytes())?;

    let plots_dir = dir.dir.join("plots");
    std::fs::create_dir_all(&plots_dir).map_err(|e| io_err(&plots_dir, e))?;
    let metric = sweep.report.metric.clone().unwrap_or_else(|| {
        let text = entries.iter().filter_map(|e| e.summary.as_ref()).any(|s| s.task == "text-classification");
        if text { "test/accuracy" } else { "test/nrmse" }.to_string()
    });
    let val_metric = metric.replacen("test/", "val/", 1);
    let size_key = sweep.size_key();
    let mut md = String::new();
    let done = entries.iter().filter(|e| e.state == PointState::Done).count();
    let failed: Vec<&Entry> = entries.iter().filter(|e| e.failure.is_some()).collect();
    let _ = writeln!(md, "# Sweep report: {}\n", dir.dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let _ = writeln!(
        md,
        "{} grid points: {done} finished, {} failed, {} not finished. Headline: `{metric}` of the best-validation checkpoint ({} is better). Baseline: `{}`.\n",
        entries.len(),
        failed.len(),
        entries.len() - done - failed.len(),
        if higher_is_better(&metric) { "higher" } else { "lower" },
        sweep.report.baseline
    );
    if !sweep.report.tune.is_empty() {
        let _ = writeln!(md, "Tuned per scheduler and data size on `{val_metric}` (mean over the seeds every value has finished): {}.\n", sweep.report.tune.join(", "));
    }

    let mut plot_files = Vec::new();
    for (g, (title, group)) in groups(sweep, &entries, size_key.as_deref()).into_iter().enumerate() {
        let slug = format!("group{}", g + 1);
        let _ = writeln!(md, "## {title}\n");
        let sizes = distinct(&group, size_key.as_deref());
        let mut schedulers = distinct(&group, Some("scheduler"));
        // Columns: the grid's schedulers, then the tuned ones (report.tuned_schedulers), whose
        // members compete as one more tuned key.
        let tuned_columns: Vec<(&String, &Vec<String>)> = sweep.report.tuned_schedulers.iter().filter(|(_, m)| m.iter().any(|m| schedulers.contains(m))).collect();
        let plain_columns = schedulers.len();
        schedulers.extend(tuned_columns.iter().map(|(name, _)| (*name).clone()));
        let seeds = distinct(&group, Some("seed")).len().max(1);
        // cells[size][scheduler]
        let mut cells: Vec<Vec<Cell>> = Vec::new();
        for size in &sizes {
            let mut row = Vec::new();
            for (j, sched) in schedulers.iter().enumerate() {
                let (members_of, keys): (Vec<&String>, Vec<String>) = if j < plain_columns {
                    (vec![sched], sweep.report.tune.clone())
                } else {
                    (tuned_columns[j - plain_columns].1.iter().collect(), std::iter::once("scheduler".to_string()).chain(sweep.report.tune.iter().cloned()).collect())
                };
                let members: Vec<&Entry> = group
                    .iter()
                    .copied()
                    .filter(|e| matches_value(e, size_key.as_deref(), size) && members_of.iter().any(|m| matches_value(e, Some("scheduler"), m)))
                    .collect();
                row.push(tune(&keys, members, &val_metric, seeds));
            }
            cells.push(row);
        }
        let baseline_col = schedulers.iter().position(|s| *s == sweep.report.baseline);
        let persistence_key = format!("persistence/{}", metric.trim_start_matches("test/"));

        // Table of means.
        let size_name = size_key.clone().unwrap_or_else(|| "size".into());
        let _ = write!(md, "| {size_name} | n train |");
        for s in &schedulers {
            let _ = write!(md, " {s} |");
        }
        let has_persistence = group.iter().any(|e| e.summary.as_ref().is_some_and(|s| s.baselines.contains_key(&persistence_key)));
        if has_persistence {
            let _ = write!(md, " persistence |");
        }
        let _ = writeln!(md);
        let _ = writeln!(md, "|---|---|{}{}", "---|".repeat(schedulers.len()), if has_persistence { "---|" } else { "" });
        for (i, size) in sizes.iter().enumerate() {
            // Tuned columns repeat runs of the plain ones: count each run once.
            let all_runs: Vec<&RunSummary> = cells[i][..plain_columns].iter().flat_map(|c| c.runs.iter().map(|r| r.1)).collect();
            let n_train = if all_runs.is_empty() { "-".into() } else { format!("{:.0}", stats::mean(&all_runs.iter().map(|s| s.data.train as f64).collect::<Vec<_>>())) };
            let _ = write!(md, "| {size} | {n_train} |");
            for cell in &cells[i] {
                let _ = write!(md, " {} |", cell_text(cell, &metric));
            }
            if has_persistence {
                let p: Vec<f64> = all_runs.iter().filter_map(|s| s.baselines.get(&persistence_key).copied()).collect();
                let _ = write!(md, " {} |", if p.is_empty() { "-".into() } else { format!("{:.4}", stats::mean(&p)) });
            }
            let _ = writeln!(md);
        }
        let _ = writeln!(md, "\nCells: mean ± std over seeds of `{metric}` (finished/expected seeds when incomplete; incomplete cells are never averaged as if complete).");
        if has_persistence {
            let beaten = cells.iter().flat_map(|row| &row[..plain_columns]).flat_map(|c| &c.runs).filter(|(_, s)| match (s.best.get(&metric), s.baselines.get(&persistence_key)) {
                (Some(m), Some(p)) => m < p,
                _ => false,
            });
            let finished = cells.iter().flat_map(|row| &row[..plain_columns]).map(|c| c.runs.len()).sum::<usize>();
            let _ = writeln!(md, "Persistence (the last input frame copied forward) on the same test split; {} of {finished} runs beat it.", beaten.count());
        }
        let lengths: Vec<(String, bool)> = cells.iter().flat_map(|row| &row[..plain_columns]).flat_map(|c| &c.points).filter_map(|e| still_improving(&dir.run_dir(&e.point), &val_metric).map(|s| (e.point.name.clone(), s))).collect();
        if !lengths.is_empty() {
            let improving: Vec<&str> = lengths.iter().filter(|(_, s)| *s).map(|(n, _)| n.as_str()).collect();
            let which = match improving.len() {
                0 => ": every validation curve had flattened".to_string(),
                k if k <= 3 => format!(" (still learning): {}", improving.join(", ")),
                k => format!(" (still learning): {} and {} more", improving[..3].join(", "), k - 3),
            };
            let _ = writeln!(md, "Training length: {} of {} reported runs improved their best `{val_metric}` by more than 1% in the last 20% of their epochs{which}.", improving.len(), lengths.len());
        }
        if !sweep.report.tune.is_empty() || !tuned_columns.is_empty() {
            let _ = writeln!(md, "\nChosen settings (on validation):\n");
            for (i, size) in sizes.iter().enumerate() {
                for (j, sched) in schedulers.iter().enumerate() {
                    let t = &cells[i][j].tuned;
                    // A cell with no finished run has chosen nothing yet.
                    if !t.is_empty() && !cells[i][j].runs.is_empty() {
                        let note = cells[i][j].tuning_note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
                        let scored = cells[i][j].every_value_scored;
                        let edges: String = t.iter().filter(|_| scored).filter_map(|(k, v)| grid_edge(&sweep.grid, k, v).map(|e| format!("; {k} at the grid's {e} edge: the best value may lie beyond it"))).collect();
                        let _ = writeln!(md, "- {size_name} {size}, {sched}: {}{note}{edges}", t.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join(", "));
                    }
                }
            }
        }

        // Paired comparisons.
        let mut gains: Vec<ErrSeries> = Vec::new();
        if let Some(b) = baseline_col {
            let _ = writeln!(md, "\n### Against {} (paired by seed)\n", sweep.report.baseline);
            let _ = writeln!(md, "| {size_name} | scheduler | pairs | mean diff | relative | 95% CI | wins | t-test p | Wilcoxon p |\n|---|---|---|---|---|---|---|---|---|");
            let mut sentences = Vec::new();
            for (j, sched) in schedulers.iter().enumerate() {
                if j == b {
                    continue;
                }
                let mut series = ErrSeries { name: sched.clone(), points: Vec::new() };
                for (i, size) in sizes.iter().enumerate() {
                    let Some(cmp) = compare(&cells[i][j], &cells[i][b], &metric) else {
                        let _ = writeln!(md, "| {size} | {sched} | 0 | - | - | - | - | - | - |");
                        continue;
                    };
                    let p = &cmp.paired;
                    let ci = if p.ci.0.is_nan() { "-".into() } else { format!("[{:+.4}, {:+.4}]", p.ci.0, p.ci.1) };
                    let fmt_p = |x: f64| if x.is_nan() { "-".into() } else { format!("{x:.3}") };
                    let _ = writeln!(
                        md,
                        "| {size} | {sched} | {} | {:+.4} | {:+.1}% | {ci} | {}/{} | {} | {} |",
                        p.n,
                        p.mean_diff,
                        100.0 * cmp.relative,
                        cmp.wins,
                        p.n,
                        fmt_p(p.t_p),
                        fmt_p(p.wilcoxon_p)
                    );
                    sentences.push(format!("- {size_name} {size}, {sched}: {}", verdict(&cmp, &metric, &sweep.report.baseline)));
                    let n_train = stats::mean(&cmp.train_sizes);
                    let rel_ci = |x: f64| 100.0 * x / cmp.baseline_mean.abs().max(f64::MIN_POSITIVE);
                    if p.n >= 2 {
                        series.points.push((n_train, 100.0 * cmp.relative, rel_ci(p.ci.0), rel_ci(p.ci.1)));
                    } else {
                        series.points.push((n_train, 100.0 * cmp.relative, 100.0 * cmp.relative, 100.0 * cmp.relative));
                    }
                }
                gains.push(series);
            }
            let _ = writeln!(md, "\n{}", sentences.join("\n"));
            let _ = writeln!(
                md,
                "\nmean diff = {sched} − baseline over seeds run by both ({}); relative = mean diff / baseline mean; the interval is Student's t on the paired differences; wins = seeds where the scheduler is better; Wilcoxon: exact signed-rank test, zero differences dropped.",
                if higher_is_better(&metric) { "positive is better" } else { "negative is better" },
                sched = "scheduler"
            );
        } else {
            let _ = writeln!(md, "\n(no `{}` runs in this group: no paired comparison)", sweep.report.baseline);
        }

        // Plots.
        if size_key.is_some() && !sizes.is_empty() {
            let mut series = Vec::new();
            for (j, sched) in schedulers.iter().enumerate() {
                let mut s = ErrSeries { name: sched.clone(), points: Vec::new() };
                for row in &cells {
                    let vals: Vec<f64> = row[j].runs.iter().filter_map(|(_, r)| r.best.get(&metric).copied()).collect();
                    let trains: Vec<f64> = row[j].runs.iter().map(|(_, r)| r.data.train as f64).collect();
                    if !vals.is_empty() {
                        let (m, sd) = (stats::mean(&vals), stats::sd(&vals));
                        s.points.push((stats::mean(&trains), m, m - sd, m + sd));
                    }
                }
                series.push(s);
            }
            let path = plots_dir.join(format!("{slug}-metric-vs-size.png"));
            plots::error_chart(&path, &format!("{metric} vs training size ({title})"), "training examples (log scale)", &format!("{metric} (mean ± std over seeds)"), &series, true, None, false)?;
            plot_files.push(path);
            if gains.iter().any(|s| !s.points.is_empty()) {
                let path = plots_dir.join(format!("{slug}-gain-vs-size.png"));
                let better = if higher_is_better(&metric) { "higher" } else { "lower" };
                plots::error_chart(&path, &format!("change over {} ({title})", sweep.report.baseline), "training examples (log scale)", &format!("relative change of {metric}, % ({better} is better; 95% CI)"), &gains, true, Some(0.0), false)?;
                plot_files.push(path);
            }
        }
        // Validation curves at one data size.
        let curve_row = match (sweep.report.curves_size, sizes.is_empty()) {
            (_, true) => None,
            (Some(want), _) => sizes.iter().position(|s| s.parse::<f64>().ok() == Some(want)),
            (None, _) => Some(smallest(&sizes)),
        };
        if let Some(i) = curve_row {
            let mut series = Vec::new();
            for (j, sched) in schedulers.iter().enumerate() {
                let curves: Vec<Vec<f64>> = cells[i][j].points.iter().filter_map(|e| read_curve(&dir.run_dir(&e.point).join("metrics.csv"), &val_metric)).collect();
                let len = curves.iter().map(|c| c.len()).max().unwrap_or(0);
                let mut s = ErrSeries { name: sched.clone(), points: Vec::new() };
                for epoch in 0..len {
                    let vals: Vec<f64> = curves.iter().filter_map(|c| c.get(epoch).copied()).filter(|v| v.is_finite()).collect();
                    if !vals.is_empty() {
                        let (m, sd) = (stats::mean(&vals), stats::sd(&vals));
                        s.points.push(((epoch + 1) as f64, m, m - sd, m + sd));
                    }
                }
                series.push(s);
            }
            if series.iter().any(|s| !s.points.is_empty()) {
                let path = plots_dir.join(format!("{slug}-val-curves.png"));
                let at = size_key.as_ref().map(|k| format!(", {k} = {}", sizes[i])).unwrap_or_default();
                plots::error_chart(&path, &format!("{val_metric} per epoch{at} ({title})"), "epoch", &format!("{val_metric} (mean, band ± std over seeds)"), &series, false, None, true)?;
                plot_files.push(path);
            }
        }
        // Per-layer alpha and learning rate of one TempBalance run (its own plots, copied).
        let chosen = sizes.first().map(|_| smallest(&sizes)).and_then(|i| {
            schedulers.iter().position(|s| s.contains("tempbalance")).and_then(|j| cells[i][j].points.iter().find(|e| dir.run_dir(&e.point).join("plots/alpha.png").is_file()).copied())
        });
        if let Some(e) = chosen {
            for what in ["alpha", "lr"] {
                let from = dir.run_dir(&e.point).join(format!("plots/{what}.png"));
                let to = plots_dir.join(format!("{slug}-{what}-{}.png", e.point.name));
                if std::fs::copy(&from, &to).is_ok() {
                    plot_files.push(to);
                }
            }
        }
        let _ = writeln!(md);
        for p in plot_files.iter().filter(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with(&format!("{slug}-")))) {
            let rel = p.strip_prefix(&dir.dir).unwrap_or(p);
            let _ = writeln!(md, "![{}]({})", rel.display(), rel.display());
        }
        let _ = writeln!(md);
    }
    if !failed.is_empty() {
        let _ = writeln!(md, "## Failed runs\n");
        for e in &failed {
            let _ = writeln!(md, "- {}: {}", e.point.name, e.failure.clone().unwrap_or_default());
        }
        let _ = writeln!(md);
    }
    let report_md = dir.dir.join("report.md");
    crate::rundir::write_atomic(&report_md, md.as_bytes())?;
    Ok(Written { results_csv, report_md, plots: plot_files, text: md })
}

/// Grid points grouped by everything but scheduler, seed, data size and tuned keys; each group
/// gets a title from its model, dataset and the other keys' values.
fn groups<'a>(sweep: &Sweep, entries: &'a [Entry], size_key: Option<&str>) -> Vec<(String, Vec<&'a Entry>)> {
    let fixed = |k: &str| k == "scheduler" || k == "seed" || Some(k) == size_key || sweep.report.tune.iter().any(|t| t == k);
    let mut out: Vec<(String, Vec<&Entry>)> = Vec::new();
    for e in entries {
        let key: Vec<String> = e.point.values.iter().filter(|(k, _)| !fixed(k)).map(|(k, v)| format!("{k} = {}", spec::plain(v))).collect();
        let key = key.join(", ");
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(e),
            None => out.push((key, vec![e])),
        }
    }
    out.into_iter()
        .map(|(key, group)| {
            let s = group.iter().find_map(|e| e.summary.as_ref());
            let mut title = match s {
                Some(s) => format!("{} on {}", s.model, s.dataset),
                None => "no finished runs".into(),
            };
            if !key.is_empty() {
                title.push_str(&format!(" ({key})"));
            }
            (title, group)
        })
        .collect()
}

/// Distinct values of a grid key among entries, in grid order; `["-"]` when it is not a grid key.
fn distinct(entries: &[&Entry], key: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in entries {
        let v = key.and_then(|k| e.point.get(k)).map(spec::plain).unwrap_or_else(|| "-".into());
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn matches_value(e: &Entry, key: Option<&str>, value: &str) -> bool {
    key.and_then(|k| e.point.get(k)).map(spec::plain).unwrap_or_else(|| "-".into()) == value
}

/// Whether a run was still learning when it stopped: its best validation score over all epochs
/// beats the best of its first 80% of epochs by more than 1% (None: no metrics.csv, or fewer than
/// five epochs with a score).
fn still_improving(run: &Path, val_metric: &str) -> Option<bool> {
    let text = std::fs::read_to_string(run.join("metrics.csv")).ok()?;
    let mut lines = text.lines();
    let col = lines.next()?.split(',').position(|c| c == val_metric)?;
    let vals: Vec<f64> = lines.filter_map(|l| l.split(',').nth(col)?.parse().ok()).filter(|v: &f64| v.is_finite()).collect();
    if vals.len() < 5 {
        return None;
    }
    let higher = higher_is_better(val_metric);
    let best = |v: &[f64]| v.iter().copied().fold(if higher { f64::NEG_INFINITY } else { f64::INFINITY }, |a, b| if higher { a.max(b) } else { a.min(b) });
    let early = best(&vals[..(vals.len() * 4 / 5).max(1)]);
    let gain = if higher { best(&vals) - early } else { early - best(&vals) };
    Some(gain > 0.01 * early.abs())
}

/// "lower" or "upper" when a tuned numeric value is the smallest or largest of the grid's (three
/// or more) values for its key: a choice on the grid's edge says the grid may not hold the best.
fn grid_edge(grid: &[(String, Vec<toml::Value>)], key: &str, chosen: &str) -> Option<&'static str> {
    let values: Vec<f64> = grid.iter().find(|(k, _)| k == key)?.1.iter().map(spec::number).collect::<Option<_>>()?;
    let chosen: f64 = chosen.parse().ok()?;
    let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    if values.len() < 3 {
        None
    } else if chosen == lo {
        Some("lower")
    } else if chosen == hi {
        Some("upper")
    } else {
        None
    }
}

fn smallest(sizes: &[String]) -> usize {
    (0..sizes.len()).min_by(|&a, &b| sizes[a].parse::<f64>().unwrap_or(f64::INFINITY).total_cmp(&sizes[b].parse::<f64>().unwrap_or(f64::INFINITY))).unwrap_or(0)
}

/// The runs of one scheduler (or tuned column) at one size: with tuned keys, the setting whose mean validation
/// metric is best, over the seeds that every setting has finished (a setting is never chosen for
/// having fewer, luckier seeds). While no seed has finished every setting the choice is among the
/// settings with finished runs, and the report says it is provisional.
fn tune<'a>(keys: &[String], members: Vec<&'a Entry>, val_metric: &str, seeds: usize) -> Cell<'a> {
    let setting = |e: &Entry| -> Vec<(String, String)> { keys.iter().map(|k| (k.clone(), e.point.get(k).map(spec::plain).unwrap_or_default())).collect() };
    let mut settings: Vec<(Vec<(String, String)>, Vec<&Entry>)> = Vec::new();
    for e in members {
        let s = setting(e);
        match settings.iter_mut().find(|(k, _)| *k == s) {
            Some((_, v)) => v.push(e),
            None => settings.push((s, vec![e])),
        }
    }
    let seed_of = |e: &Entry| e.point.get("seed").map(spec::plain).unwrap_or_default();
    let scored = |e: &Entry| e.summary.as_ref().and_then(|s| s.best.get(val_metric).copied());
    let finished = |v: &[&Entry]| -> std::collections::BTreeSet<String> { v.iter().filter(|e| scored(e).is_some()).map(|e| seed_of(e)).collect() };
    let per_setting: Vec<std::collections::BTreeSet<String>> = settings.iter().map(|(_, v)| finished(v)).collect();
    // Values with no finished run (not started yet, or every run failed, e.g. a diverging rate)
    // take no part; the others are compared on the seeds they all have.
    let active: Vec<&std::collections::BTreeSet<String>> = per_setting.iter().filter(|s| !s.is_empty()).collect();
    let common: std::collections::BTreeSet<String> = active.iter().skip(1).fold(active.first().map(|s| (*s).clone()).unwrap_or_default(), |acc, s| acc.intersection(s).cloned().collect());
    let complete = per_setting.iter().all(|s| s.len() == seeds);
    let failed = settings.iter().zip(&per_setting).filter(|((_, v), f)| f.is_empty() && !v.is_empty() && v.iter().all(|e| e.state == PointState::Failed)).count();
    let tuning_note = if settings.len() < 2 || complete || active.is_empty() {
        None
    } else {
        let among = if active.len() < settings.len() { format!("among the {} of {} values with finished runs, ", active.len(), settings.len()) } else { String::new() };
        let failed = if failed > 0 { format!("; {failed} failed in every run") } else { String::new() };
        Some(if common.is_empty() {
            format!("provisional: {among}no seed has finished every value{failed}")
        } else if among.is_empty() {
            format!("chosen on the {} seed(s) every value has finished", common.len())
        } else {
            format!("chosen {among}on the {} seed(s) they share{failed}", common.len())
        })
    };
    let score = |entries: &[&Entry]| -> Option<f64> {
        let vals: Vec<f64> = entries.iter().filter(|e| common.is_empty() || common.contains(&seed_of(e))).filter_map(|e| scored(e)).collect();
        (!vals.is_empty()).then(|| stats::mean(&vals))
    };
    let higher = higher_is_better(val_metric);
    let best = settings
        .iter()
        .filter_map(|(k, v)| score(v).map(|s| (k, v, s)))
        .max_by(|a, b| if higher { a.2.total_cmp(&b.2) } else { b.2.total_cmp(&a.2) })
        .map(|(k, v, _)| (k.clone(), v.clone()))
        .or_else(|| settings.first().cloned())
        .unwrap_or_default();
    let runs = best.1.iter().filter_map(|e| e.summary.as_ref().map(|s| (e.point.get("seed").map(spec::plain).unwrap_or_else(|| s.seed.to_string()), s))).collect();
    Cell { runs, expected: seeds, tuned: best.0, tuning_note, every_value_scored: active.len() == settings.len(), points: best.1 }
}

fn cell_text(cell: &Cell, metric: &str) -> String {
    let vals: Vec<f64> = cell.runs.iter().filter_map(|(_, s)| s.best.get(metric).copied()).collect();
    if vals.is_empty() {
        return format!("- (0/{})", cell.expected);
    }
    let body = if vals.len() > 1 { format!("{:.4} ± {:.4}", stats::mean(&vals), stats::sd(&vals)) } else { format!("{:.4}", vals[0]) };
    if vals.len() < cell.expected {
        format!("{body} ({}/{} seeds)", vals.len(), cell.expected)
    } else {
        body
    }
}

struct Comparison {
    paired: stats::Paired,
    relative: f64,
    wins: usize,
    baseline_mean: f64,
    train_sizes: Vec<f64>,
}

/// A scheduler's cell against the baseline's, paired by seed.
fn compare(a: &Cell, b: &Cell, metric: &str) -> Option<Comparison> {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    let mut trains = Vec::new();
    for (seed, s) in &a.runs {
        let Some(x) = s.best.get(metric) else { continue };
        let Some((_, t)) = b.runs.iter().find(|(bs, _)| bs == seed) else { continue };
        let Some(y) = t.best.get(metric) else { continue };
        xs.push(*x);
        ys.push(*y);
        trains.push(s.data.train as f64);
    }
    if xs.is_empty() {
        return None;
    }
    let paired = stats::paired(&xs, &ys);
    let baseline_mean = stats::mean(&ys);
    let higher = higher_is_better(metric);
    let wins = xs.iter().zip(&ys).filter(|(x, y)| if higher { x > y } else { x < y }).count();
    Some(Comparison { relative: paired.mean_diff / baseline_mean.abs().max(f64::MIN_POSITIVE), paired, wins, baseline_mean, train_sizes: trains })
}

fn verdict(c: &Comparison, metric: &str, baseline: &str) -> String {
    let p = &c.paired;
    if p.n < 2 {
        return format!("{} paired seed: too few for an interval; no conclusion.", p.n);
    }
    if p.ci.0 <= 0.0 && p.ci.1 >= 0.0 {
        return format!(
            "no significant difference from {baseline} ({:+.1}%, 95% CI [{:+.4}, {:+.4}] contains 0; {}/{} wins).",
            100.0 * c.relative,
            p.ci.0,
            p.ci.1,
            c.wins,
            p.n
        );
    }
    let better = (p.mean_diff > 0.0) == higher_is_better(metric);
    format!(
        "{} than {baseline} by {:.1}% (95% CI [{:+.4}, {:+.4}] excludes 0; {}/{} wins; t-test p = {:.3}, Wilcoxon p = {:.3}).",
        if better { "better" } else { "worse" },
        100.0 * c.relative.abs(),
        p.ci.0,
        p.ci.1,
        c.wins,
        p.n,
        p.t_p,
        p.wilcoxon_p
    )
}

/// A column of metrics.csv by epoch (empty cells as NaN).
fn read_curve(path: &Path, column: &str) -> Option<Vec<f64>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next()?.split(',').collect();
    let i = header.iter().position(|h| *h == column)?;
    Some(lines.map(|l| l.split(',').nth(i).and_then(|c| c.parse().ok()).unwrap_or(f64::NAN)).collect())
}

/// results.csv: one row per grid point, its grid values and its summary's figures.
fn results_table(sweep: &Sweep, entries: &[Entry]) -> String {
    let mut metric_keys: Vec<String> = Vec::new();
    for s in entries.iter().filter_map(|e| e.summary.as_ref()) {
        for k in s.best.keys().map(|k| format!("best:{k}")).chain(s.last.keys().map(|k| format!("final:{k}"))).chain(s.baselines.keys().map(|k| format!("baseline:{k}"))) {
            if !metric_keys.contains(&k) {
                metric_keys.push(k);
            }
        }
    }
    let mut cols: Vec<String> = vec!["run".into(), "state".into()];
    cols.extend(sweep.grid.iter().map(|(k, _)| k.clone()));
    cols.extend(["model", "scheduler_chain", "seed_used", "dataset", "n_train", "n_val", "n_test", "best_epoch", "epochs", "status", "wall_time_s", "spectral_fraction"].map(String::from));
    cols.extend(metric_keys.iter().cloned());
    cols.push("error".into());
    let mut out = cols.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",") + "\n";
    for e in entries {
        let mut row: Vec<String> = vec![e.point.name.clone(), e.state.as_str().into()];
        row.extend(sweep.grid.iter().map(|(k, _)| e.point.get(k).map(spec::plain).unwrap_or_default()));
        match &e.summary {
            Some(s) => {
                row.extend([
                    s.model.clone(),
                    s.scheduler.clone(),
                    s.seed.to_string(),
                    s.dataset.clone(),
                    s.data.train.to_string(),
                    s.data.val.to_string(),
                    s.data.test.to_string(),
                    s.best_epoch.map(|b| b.to_string()).unwrap_or_default(),
                    s.epochs.to_string(),
                    s.status.clone(),
                    format!("{:.3}", s.wall_time_s),
                    format!("{:.5}", s.spectral_fraction),
                ]);
                for k in &metric_keys {
                    let (map, key) = match k.split_once(':') {
                        Some(("best", key)) => (&s.best, key),
                        Some(("final", key)) => (&s.last, key),
                        Some((_, key)) => (&s.baselines, key),
                        None => (&s.best, k.as_str()),
                    };
                    row.push(map.get(key).map(|v| format!("{v:.8e}")).unwrap_or_default());
                }
            }
            None => row.extend(std::iter::repeat_n(String::new(), 12 + metric_keys.len())),
        }
        row.push(e.failure.clone().unwrap_or_default());
        out.push_str(&(row.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",") + "\n"));
    }
    out
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::{grid_edge, still_improving};

    /// A tuned value at either end of a numeric grid of three or more values is flagged.
    #[test]
    fn grid_edge_flags_the_ends_of_numeric_grids() {
        let lr = |v: &[f64]| vec![("optim.lr".to_string(), v.iter().map(|&x| toml::Value::Float(x)).collect())];
        let grid = lr(&[5e-5, 1e-4, 8e-4]);
        assert_eq!(grid_edge(&grid, "optim.lr", "0.0008"), Some("upper"));
        assert_eq!(grid_edge(&grid, "optim.lr", "0.00005"), Some("lower"));
        assert_eq!(grid_edge(&grid, "optim.lr", "0.0001"), None);
        assert_eq!(grid_edge(&lr(&[1e-3, 2e-3]), "optim.lr", "0.002"), None, "two values have no inside");
        assert_eq!(grid_edge(&grid, "seed", "0"), None, "not a grid key");
        let names = vec![("scheduler".to_string(), ["a", "b", "c"].map(|s| toml::Value::String(s.into())).to_vec())];
        assert_eq!(grid_edge(&names, "scheduler", "a"), None, "not numeric");
    }

    fn run_with(name: &str, csv: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("engine-report-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("metrics.csv"), csv).unwrap();
        dir
    }

    /// Still learning = the best of all epochs beats the best of the first 80% by more than 1%.
    #[test]
    fn still_improving_compares_the_last_fifth_with_the_rest() {
        let flat = run_with("flat", "epoch,val/nrmse\n1,0.5\n2,0.3\n3,0.25\n4,0.2\n5,0.2\n6,0.2\n7,0.2\n8,0.2\n9,0.2\n10,0.199\n");
        assert_eq!(still_improving(&flat, "val/nrmse"), Some(false));
        let falling = run_with("falling", "epoch,val/nrmse\n1,0.5\n2,0.4\n3,0.35\n4,0.3\n5,0.28\n6,0.26\n7,0.25\n8,0.24\n9,0.22\n10,0.2\n");
        assert_eq!(still_improving(&falling, "val/nrmse"), Some(true));
        let rising = run_with("acc", "epoch,val/accuracy\n1,0.5\n2,0.6\n3,0.62\n4,0.63\n5,0.7\n");
        assert_eq!(still_improving(&rising, "val/accuracy"), Some(true));
        assert_eq!(still_improving(&rising, "val/nrmse"), None, "no such column");
        let short = run_with("short", "epoch,val/nrmse\n1,0.5\n2,0.4\n");
        assert_eq!(still_improving(&short, "val/nrmse"), None);
        for d in [flat, falling, rising, short] {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}
