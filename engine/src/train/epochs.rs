//! The epoch loop. `train` reads as the data flow: every step is planned (spectral analysis on the
//! schedulers' cadence, the base schedule refined by each scheduler in turn), taken and logged;
//! every epoch ends with evaluation, model selection, its log row and its checkpoint. [`Trainer`]
//! holds what the loop carries from step to step and epoch to epoch.
//!
//! An analysis due on a step cadence runs, by default (`train.step_analysis = "next-step"`), on its
//! own thread beside the step whose weights it reads, and reaches the schedulers from the next
//! step, as in the reference's NLP trainer; a run that stops in between keeps it in its checkpoint.

use super::finish::{finish, EndOfRun};
use super::resume::ResumePoint;
use super::{divergence_advice, planned_epochs, EpochRecord, Plugins, RunReport};
use crate::config::{Config, OnNonFinite, StepAnalysis, TrainConfig};
use crate::error::{io_err, EngineError, Result};
use crate::host::{Metrics, Model, Scheduler};
use crate::progress::Progress;
use crate::rundir::{self, Checkpoints, CsvLog, JsonLog};
use crate::schedule::BaseSchedule;
use crate::seed;
use crate::signals::StopRequest;
use crate::spectral::{Snapshot, SpectralLog};
use crate::task::{higher_is_better, Scores, Split, Task};
use crate::tensorboard::EventWriter;
use plugin_api::{CadenceUnit, LayerMetrics, LayerWeights, MetricsSnapshot, ParamGroupInfo, StepContext, StepPlan, TensorView, TrainOutput};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde_json::json;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub(super) fn train(cfg: &Config, run_dir: &Path, task: &Task, data_json: &str, plugins: &mut Plugins, start: Option<ResumePoint>) -> Result<RunReport> {
    let mut run = Trainer::new(cfg, run_dir, task, data_json, plugins, start)?;
    let stop = StopRequest::installed();
    for epoch in run.first_epoch..run.cfg.train.epochs {
        let mut current = run.begin_epoch(epoch);
        let order = run.shuffled_train_ids(epoch);
        for (step_in_epoch, batch) in order.chunks(run.cfg.train.batch_size).enumerate().skip(current.skip) {
            let planned = run.plan_step(epoch, step_in_epoch as u64)?;
            run.take_step(&mut current, batch, planned)?;
            if stop.requested() {
                return Err(run.checkpoint_mid_epoch(&current, &stop)?);
            }
        }
        if run.end_epoch(current)? == AfterEpoch::StopEarly {
            break;
        }
    }
    run.finish()
}

/// The loop's state: the run's plugins and logs, and the counters that outlive a step.
struct Trainer<'a> {
    /// The configuration, with `train.epochs` raised where `train.min_steps` asks for more.
    cfg: Config,
    run_dir: &'a Path,
    task: &'a Task,
    data_json: &'a str,
    plugins: &'a mut Plugins,
    groups: Vec<ParamGroupInfo>,
    train_ids: Vec<usize>,
    steps_per_epoch: u64,
    total_steps: u64,
    schedule: BaseSchedule,

    epoch_csv: CsvLog,
    step_log: JsonLog,
    spectral_log: Option<SpectralLog>,
    board: Option<EventWriter>,
    checkpoints: Checkpoints,
    progress: Progress,

    /// The latest spectral analysis the schedulers see.
    snapshot: Option<Snapshot>,
    /// Weights exported before the step about to be taken, analysed beside it: (step, epoch, weights).
    to_analyse_beside: Option<(u64, u64, Vec<LayerWeights>)>,
    /// An analysis finished beside a step, for the schedulers from the next step on (kept in
    /// checkpoints until then).
    arrived: Option<Snapshot>,
    /// Scheduler warnings already shown (each is shown once).
    warned: HashSet<String>,
    /// The global step the next training step takes.
    step: u64,
    /// Non-finite steps skipped in a row (train.on_nonfinite = "skip").
    skipped_in_row: u64,

    first_epoch: u64,
    /// Where the first epoch continues when a run resumes in its middle.
    resume_in_epoch: Option<MidEpoch>,
    records: Vec<EpochRecord>,
    selection_name: String,
    /// The best epoch so far and its selection value.
    best: Option<(u64, f64)>,
    stopped_early: bool,

    started: Instant,
    /// Wall time of the processes before this one (a resumed run adds up).
    elapsed_before: f64,
    /// Time training waited for spectral analysis and scheduling (TempBalance's overhead), time
    /// of the analyses that ran beside training steps, and analyses run.
    scheduling_seconds: f64,
    beside_seconds: f64,
    analyses: u64,
}

/// An epoch's progress: steps already taken (by a process before a resume) and their loss.
struct MidEpoch {
    skip: usize,
    loss_sum: f64,
    skipped: u64,
}

/// The epoch being trained.
struct Epoch {
    /// 0-based, as plugins see it; files and logs count completed epochs from 1.
    epoch: u64,
    started: Instant,
    /// Steps taken before this process (a resume in the middle of the epoch).
    skip: usize,
    /// Steps of the epoch taken so far, those skipped included.
    steps_done: u64,
    loss_sum: f64,
    /// Steps skipped for a non-finite loss (train.on_nonfinite = "skip"): the epoch's loss is the
    /// mean over the steps taken.
    skipped: u64,
    /// The plan of the epoch's last step (its rates go in the epoch's row).
    plan: StepPlan,
}

/// A step's plan and the base learning rate it refined.
struct PlannedStep {
    plan: StepPlan,
    base_lr: f64,
}

#[derive(PartialEq)]
enum AfterEpoch {
    Continue,
    StopEarly,
}

impl<'a> Trainer<'a> {
    fn new(cfg: &Config, run_dir: &'a Path, task: &'a Task, data_json: &'a str, plugins: &'a mut Plugins, start: Option<ResumePoint>) -> Result<Self> {
        let groups = plugins.model.param_groups();
        let num_params: u64 = groups.iter().map(|g| g.num_params).sum();
        tracing::info!("model {}: {} parameter groups, {} parameters", plugins.model.name, groups.len(), num_params);

        let train_ids = task.train_ids();
        let steps_per_epoch = train_ids.len().div_ceil(cfg.train.batch_size) as u64;
        let epochs = planned_epochs(&cfg.train, steps_per_epoch);
        if epochs != cfg.train.epochs {
            tracing::info!(
                "train.min_steps = {}: {} training samples at batch size {} make {steps_per_epoch} step(s) per epoch, so the run trains {epochs} epochs instead of {}",
                cfg.train.min_steps,
                train_ids.len(),
                cfg.train.batch_size,
                cfg.train.epochs
            );
        }
        let cfg = Config { train: TrainConfig { epochs, ..cfg.train.clone() }, ..cfg.clone() };
        let total_steps = steps_per_epoch * cfg.train.epochs;
        let schedule = BaseSchedule::new(&cfg.schedule, cfg.optim.lr, cfg.train.epochs, steps_per_epoch)?;

        let resuming = start.is_some();
        let epoch_csv = CsvLog::open(run_dir.join("metrics.csv"), epoch_columns(task, &groups), resuming)?;
        let step_log = JsonLog::create(run_dir.join("metrics.jsonl"))?;
        let spectral_log = match plugins.metrics {
            Some(_) => Some(SpectralLog::open(run_dir, resuming)?),
            None => None,
        };
        let checkpoints = Checkpoints::new(run_dir)?;
        let board = if cfg.train.tensorboard { Some(EventWriter::create(&run_dir.join("tensorboard"))?) } else { None };
        let progress = Progress::new(cfg.train.progress, total_steps);

        if let Some(p) = &start {
            // The counters must agree with each other: a hand-edited or corrupt state.json would
            // otherwise wrap the step counter or skip data.
            let expected = p.epochs_done.checked_mul(steps_per_epoch).and_then(|s| s.checked_add(p.step_in_epoch));
            if expected != Some(p.step) || p.step_in_epoch > steps_per_epoch || p.epochs_done > cfg.train.epochs {
                return Err(EngineError::RunDir(format!(
                    "{}: checkpoints/last/state.json says epoch {}, step {} of the epoch, global step {}, which do not agree ({} steps per epoch); the checkpoint is not usable",
                    run_dir.display(),
                    p.epochs_done,
                    p.step_in_epoch,
                    p.step,
                    steps_per_epoch
                )));
            }
        }
        let start = start.unwrap_or_default();
        let selection_name = task.selection_metric(&cfg)?;
        Ok(Self {
            run_dir,
            task,
            data_json,
            groups,
            train_ids,
            steps_per_epoch,
            total_steps,
            schedule,
            epoch_csv,
            step_log,
            spectral_log,
            board,
            checkpoints,
            progress,
            snapshot: None,
            to_analyse_beside: None,
            arrived: start.pending_analysis,
            warned: HashSet::new(),
            step: start.step,
            skipped_in_row: 0,
            first_epoch: start.epochs_done,
            resume_in_epoch: Some(MidEpoch { skip: start.step_in_epoch as usize, loss_sum: start.epoch_loss_sum, skipped: start.epoch_skipped }),
            records: start.records,
            selection_name,
            best: start.best,
            stopped_early: false,
            started: Instant::now(),
            elapsed_before: start.elapsed_s,
            scheduling_seconds: start.spectral_s,
            beside_seconds: start.beside_s,
            analyses: start.analyses,
            plugins,
            cfg,
        })
    }

    /// An epoch's start: from scratch, or where an interrupted process left the first epoch.
    fn begin_epoch(&mut self, epoch: u64) -> Epoch {
        let mid = self.resume_in_epoch.take().unwrap_or(MidEpoch { skip: 0, loss_sum: 0.0, skipped: 0 });
        Epoch {
            epoch,
            started: Instant::now(),
            skip: mid.skip,
            steps_done: mid.skip as u64,
            loss_sum: mid.loss_sum,
            skipped: mid.skipped,
            plan: StepPlan::uniform(&self.groups, self.cfg.optim.lr, self.cfg.optim.weight_decay),
        }
    }

    /// The epoch's order of training samples, from the run's seed and the epoch alone (so a resumed
    /// epoch sees the same order).
    fn shuffled_train_ids(&self, epoch: u64) -> Vec<usize> {
        let mut order = self.train_ids.clone();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed::derive(self.cfg.seed, &format!("shuffle/{epoch}")));
        order.shuffle(&mut rng);
        order
    }

    /// The plan for the next step: the spectral analysis when it is due (before the step, or its
    /// weights set aside to be analysed beside it), then the base schedule's rate refined by each
    /// scheduler in turn, checked.
    fn plan_step(&mut self, epoch: u64, step_in_epoch: u64) -> Result<PlannedStep> {
        let step = self.step;
        let base_lr = self.schedule.lr(step, epoch);
        let weight_decay = self.cfg.optim.weight_decay;
        let ctx = StepContext { epoch, step, step_in_epoch, steps_per_epoch: self.steps_per_epoch, total_steps: self.total_steps, base_lr, weight_decay };

        let scheduling_started = Instant::now();
        // Analyses that reach the schedulers at this step, oldest first: one finished beside the
        // step before, one taken now.
        let mut new_snapshots: Vec<Snapshot> = self.arrived.take().into_iter().collect();
        let last_step = step + 1 >= self.total_steps;
        match analysis_due(self.plugins, &self.cfg.train, step, step_in_epoch, epoch, last_step) {
            AnalysisDue::No => {}
            AnalysisDue::Before => {
                let weights = self.plugins.model.layer_weights()?;
                let metrics = self.plugins.metrics.as_mut().expect("loaded when an analysis is due");
                new_snapshots.push((step, epoch, metrics.analyze(&weights)?));
                self.analyses += 1;
            }
            AnalysisDue::Beside => self.to_analyse_beside = Some((step, epoch, self.plugins.model.layer_weights()?)),
        }
        let newest = new_snapshots.pop();
        let arrived_now = newest.is_some();
        if newest.is_some() {
            self.snapshot = newest;
        }

        let mut plan = StepPlan::uniform(&self.groups, base_lr, weight_decay);
        for scheduler in self.plugins.schedulers.iter_mut() {
            let view = self.snapshot.as_ref().map(|(s, e, layers)| MetricsSnapshot { step: *s, epoch: *e, layers: layers.as_slice().into() });
            plan = scheduler.plan(ctx, &self.groups, view, &plan)?;
        }
        check_plan(&plan, &self.groups, &self.plugins.schedulers, step)?;
        for w in plan.warnings.iter() {
            if self.warned.insert(w.to_string()) {
                tracing::warn!("{} (step {step}; shown once)", w);
            }
        }

        // Each analysis is logged with the first plan it reached.
        let newest = if arrived_now { self.snapshot.as_ref() } else { None };
        for (at_step, at_epoch, layers) in new_snapshots.iter().chain(newest) {
            if let Some(log) = self.spectral_log.as_mut() {
                log.record(at_epoch + 1, *at_step, layers, &plan, base_lr)?;
            }
            if let Some(board) = self.board.as_mut() {
                let tags: Vec<(String, f64)> = layers.iter().map(|m| (format!("alpha/{}", m.layer), m.alpha)).collect();
                board.scalars(*at_step, tags.iter().map(|(t, v)| (t.as_str(), *v)))?;
            }
        }
        self.scheduling_seconds += scheduling_started.elapsed().as_secs_f64();
        Ok(PlannedStep { plan, base_lr })
    }

    /// One training step on `batch_indices` under `planned`, and its line in metrics.jsonl. A
    /// non-finite step changes nothing in the model; it stops the run, or is skipped when
    /// `train.on_nonfinite = "skip"`, up to `train.skip_limit` in a row.
    fn take_step(&mut self, current: &mut Epoch, batch_indices: &[usize], planned: PlannedStep) -> Result<()> {
        let (step, epoch_no, base_lr) = (self.step, current.epoch + 1, planned.base_lr);
        let batch = self.task.train_batch(batch_indices);
        let outcome = match self.to_analyse_beside.take() {
            None => self.plugins.model.train_step(&batch.views(), &planned.plan, step),
            Some((at_step, at_epoch, weights)) => {
                let metrics = self.plugins.metrics.as_mut().expect("loaded when an analysis is due");
                let beside = train_step_beside_analysis(&mut self.plugins.model, metrics, &batch.views(), &planned.plan, step, &weights);
                self.arrived = Some((at_step, at_epoch, beside.analysis?));
                self.analyses += 1;
                self.beside_seconds += beside.analysis_seconds;
                self.scheduling_seconds += beside.waited_seconds;
                beside.step
            }
        };
        let mut line = match outcome {
            Ok(out) if out.loss.is_finite() => {
                self.skipped_in_row = 0;
                current.loss_sum += out.loss;
                if let Some(board) = self.board.as_mut() {
                    let lrs: Vec<(String, f64)> = planned.plan.groups.iter().map(|g| (format!("lr/{}", g.group), g.lr)).collect();
                    let fixed = [("train/loss", out.loss), ("train/grad_norm", out.grad_norm), ("lr/base", base_lr)];
                    board.scalars(step, fixed.into_iter().chain(lrs.iter().map(|(t, v)| (t.as_str(), *v))))?;
                }
                json!({"epoch": epoch_no, "step": step, "train/loss": out.loss, "train/grad_norm": out.grad_norm, "lr/base": base_lr})
            }
            // A plugin that applied a step with a non-finite loss has changed its weights:
            // nothing to skip back to.
            Ok(out) => {
                return Err(EngineError::Training(format!(
                    "model plugin `{}` reported a non-finite training loss ({}) at epoch {epoch_no} step {step}; {}",
                    self.plugins.model.name,
                    out.loss,
                    divergence_advice(&self.cfg)
                )))
            }
            Err(EngineError::NonFiniteStep(why)) => {
                self.skipped_in_row += 1;
                let in_row = self.skipped_in_row;
                if self.cfg.train.on_nonfinite == OnNonFinite::Stop || in_row >= self.cfg.train.skip_limit {
                    let count = if in_row > 1 { format!("{in_row} non-finite steps in a row, the last: ") } else { String::new() };
                    return Err(EngineError::Training(format!("{count}{why} (epoch {epoch_no}); {}", divergence_advice(&self.cfg))));
                }
                current.skipped += 1;
                tracing::warn!("step {step} (epoch {epoch_no}) skipped, weights unchanged: {why}");
                json!({"epoch": epoch_no, "step": step, "skipped": why, "lr/base": base_lr})
            }
            Err(e) => return Err(e),
        };
        for g in planned.plan.groups.iter() {
            line[format!("lr/{}", g.group)] = json!(g.lr);
        }
        self.step_log.write(&line)?;
        self.step += 1;
        current.steps_done += 1;
        current.plan = planned.plan;
        let mean_loss = current.loss_sum / (current.steps_done - current.skipped).max(1) as f64;
        self.progress.step(|| format!("epoch {epoch_no} loss {}", crate::progress::sci(mean_loss, 3)));
        Ok(())
    }

    /// On SIGINT or SIGTERM: a checkpoint after the step just taken, from which a resume continues
    /// the epoch; returns the error that ends the process.
    fn checkpoint_mid_epoch(&mut self, current: &Epoch, stop: &StopRequest) -> Result<EngineError> {
        let (step, epoch_no) = (self.step, current.epoch + 1);
        self.step_log.flush()?;
        if let Some(board) = self.board.as_mut() {
            board.flush()?;
        }
        self.progress.finish();
        let mut state = self.state_json(current.epoch)?;
        state["step_in_epoch"] = json!(current.steps_done);
        state["epoch_loss_sum"] = json!(current.loss_sum);
        if current.skipped > 0 {
            state["epoch_skipped"] = json!(current.skipped);
        }
        let name = format!("epoch-{epoch_no:04}-step-{step:08}");
        let dir = save_checkpoint(&self.checkpoints, &name, false, self.plugins, self.task, self.data_json, epoch_no, step, &state)?;
        Ok(EngineError::Interrupted {
            signal: stop.signal(),
            message: format!(
                "{} after step {step} (epoch {epoch_no}, step {} of {}); checkpoint {}; continue with: engine run --resume {}",
                stop.signal_name(),
                current.steps_done,
                self.steps_per_epoch,
                dir.display(),
                self.run_dir.display()
            ),
        })
    }

    /// An epoch's end: evaluation, model selection, the epoch's row, its checkpoint, the progress
    /// line and plots; says whether early stopping ends the run here.
    fn end_epoch(&mut self, current: Epoch) -> Result<AfterEpoch> {
        self.step_log.flush()?;
        let epoch_no = current.epoch + 1;
        let taken = self.steps_per_epoch.saturating_sub(current.skipped);
        let train_loss = if taken == 0 { f64::NAN } else { current.loss_sum / taken as f64 };
        if current.skipped > 0 {
            tracing::warn!("epoch {epoch_no}: {} of {} steps skipped for a non-finite loss or gradient", current.skipped, self.steps_per_epoch);
        }

        let (val, test) = self.evaluate_epoch(epoch_no)?;
        let (selection, is_best) = self.select(epoch_no, train_loss, val.as_ref())?;
        let patience = self.cfg.train.early_stop_patience;
        self.stopped_early = patience > 0 && epoch_no < self.cfg.train.epochs && self.best.is_some_and(|(e, _)| epoch_no - e >= patience);

        // The epoch's row is written before its checkpoint: a kill in between leaves the log ahead,
        // and a resume cuts it back to the checkpoint (never a missing row).
        let record = EpochRecord { epoch: epoch_no, train_loss, val, test };
        let elapsed = current.started.elapsed().as_secs_f64();
        self.log_epoch(&record, &current.plan, elapsed, is_best)?;

        let mut state = self.state_json(epoch_no)?;
        state["selection_value"] = json!(selection);
        save_checkpoint(&self.checkpoints, &format!("epoch-{epoch_no:04}"), is_best, self.plugins, self.task, self.data_json, epoch_no, self.step, &state)?;

        self.show_epoch(&record, elapsed, is_best);
        self.records.push(record);
        if let Some(log) = &self.spectral_log {
            log.plot()?;
        }
        plot_curves(self.run_dir, self.task, &self.records, self.best.map(|b| b.0))?;
        if self.stopped_early {
            tracing::info!(
                "early stop after epoch {epoch_no}: {} has not improved for {patience} epochs (train.early_stop_patience)",
                self.selection_name
            );
            return Ok(AfterEpoch::StopEarly);
        }
        Ok(AfterEpoch::Continue)
    }

    /// Validation scores every epoch; test scores only on `train.test_every` epochs (test data is
    /// otherwise looked at once, at the end).
    fn evaluate_epoch(&mut self, epoch_no: u64) -> Result<(Option<Scores>, Option<Scores>)> {
        let val = if self.task.has_val() { Some(self.task.evaluate(&mut self.plugins.model, Split::Val, &self.cfg)?) } else { None };
        let test_every = self.cfg.train.test_every;
        let test = if test_every > 0 && epoch_no % test_every == 0 { Some(self.task.evaluate(&mut self.plugins.model, Split::Test, &self.cfg)?) } else { None };
        Ok((val, test))
    }

    /// Model selection on validation data, never test data (without a validation split, on the
    /// training loss): the epoch's selection value and whether it is the best so far.
    fn select(&mut self, epoch_no: u64, train_loss: f64, val: Option<&Scores>) -> Result<(f64, bool)> {
        let selection = match (val, self.selection_name.split_once('/')) {
            (Some(v), Some(("val", metric))) => v.get(metric).unwrap_or(f64::NAN),
            _ => train_loss,
        };
        // Skipping batches only helps while the weights are sound: an epoch that ends inside a run
        // of skipped steps with a non-finite validation score has diverged weights, which must
        // not become a checkpoint.
        if self.skipped_in_row > 0 && !selection.is_finite() {
            return Err(EngineError::Training(format!(
                "epoch {epoch_no} ended after {} skipped non-finite step(s) in a row with {} = {selection}: the weights have diverged and were not checkpointed; {}",
                self.skipped_in_row,
                self.selection_name,
                divergence_advice(&self.cfg)
            )));
        }
        let higher = higher_is_better(&self.selection_name);
        let better = |a: f64, b: f64| if higher { a > b } else { a < b };
        let is_best = self.best.is_none_or(|(_, b)| better(selection, b) || (b.is_nan() && !selection.is_nan()));
        if is_best {
            self.best = Some((epoch_no, selection));
        }
        Ok((selection, is_best))
    }

    /// The epoch's row in metrics.csv and, when asked for, its TensorBoard scalars.
    fn log_epoch(&mut self, record: &EpochRecord, plan: &StepPlan, elapsed: f64, is_best: bool) -> Result<()> {
        let last_step = self.step.saturating_sub(1);
        let mut row = vec![
            ("epoch".to_string(), record.epoch.to_string()),
            ("step".to_string(), self.step.to_string()),
            ("train/loss".to_string(), fmt_f(record.train_loss)),
            ("lr/base".to_string(), fmt_f(self.schedule.lr(last_step, record.epoch - 1))),
            ("time_s".to_string(), format!("{elapsed:.3}")),
            ("best".to_string(), (is_best as u8).to_string()),
        ];
        for (name, value) in record.test.iter().flat_map(|t| &t.0) {
            row.push((format!("test/{name}"), fmt_f(*value)));
        }
        if let Some(v) = &record.val {
            for (name, value) in &v.0 {
                row.push((format!("val/{name}"), fmt_f(*value)));
            }
        }
        for g in plan.groups.iter() {
            row.push((format!("lr/{}", g.group), fmt_f(g.lr)));
        }
        self.epoch_csv.row(&row)?;
        rundir::fault_point("epoch-row");
        if let Some(board) = self.board.as_mut() {
            // Per-epoch figures at the epoch's last step, so they line up with the step curves.
            let mut tags: Vec<(String, f64)> = vec![("epoch/train_loss".into(), record.train_loss)];
            for (split, scores) in [("val", record.val.as_ref()), ("test", record.test.as_ref())] {
                tags.extend(scores.iter().flat_map(|s| s.0.iter().map(move |(k, v)| (format!("{split}/{k}"), *v))));
            }
            board.scalars(last_step, tags.iter().map(|(t, v)| (t.as_str(), *v)))?;
            board.flush()?;
        }
        Ok(())
    }

    /// The epoch's line on the terminal.
    fn show_epoch(&self, record: &EpochRecord, elapsed: f64, is_best: bool) {
        let headline = self.task.headline();
        let val_text = match &record.val {
            Some(v) => format!(" | val/loss {} | val/{headline} {:.4}", crate::progress::sci(v.get("loss").unwrap_or(f64::NAN), 2), v.get(headline).unwrap_or(f64::NAN)),
            None => String::new(),
        };
        let test_text = match &record.test {
            Some(t) => format!(" | test/{headline} {:.4}", t.get(headline).unwrap_or(f64::NAN)),
            None => String::new(),
        };
        self.progress.line(&format!(
            "epoch {:>4}/{} | train/loss {}{val_text}{test_text} | lr/base {} | {:.1}s{}",
            record.epoch,
            self.cfg.train.epochs,
            crate::progress::sci(record.train_loss, 2),
            crate::progress::sci(self.schedule.lr(self.step.saturating_sub(1), record.epoch - 1), 2),
            elapsed,
            if is_best { " | best" } else { "" }
        ));
    }

    /// `state.json` for a checkpoint after `epochs_done` epochs at the current step.
    fn state_json(&self, epochs_done: u64) -> Result<serde_json::Value> {
        let timing = Timing {
            elapsed_s: self.elapsed_before + self.started.elapsed().as_secs_f64(),
            spectral_s: self.scheduling_seconds,
            beside_s: self.beside_seconds,
            analyses: self.analyses,
        };
        let mut state = state_json(&self.cfg, self.plugins, epochs_done, self.step, &self.selection_name, self.best, timing)?;
        if let Some(pending) = &self.arrived {
            state["pending_analysis"] = crate::spectral::snapshot_to_json(pending);
        }
        Ok(state)
    }

    /// The end of the run: final and best-checkpoint test scores, the summary.
    fn finish(self) -> Result<RunReport> {
        self.progress.finish();
        let end = EndOfRun {
            best_epoch: self.best.map(|b| b.0),
            stopped_early: self.stopped_early,
            wall_time_s: self.elapsed_before + self.started.elapsed().as_secs_f64(),
            spectral_s: self.scheduling_seconds,
            beside_s: self.beside_seconds,
            analyses: self.analyses,
            selection_name: self.selection_name,
        };
        finish(&self.cfg, self.run_dir, self.task, self.plugins, &self.checkpoints, &self.records, end)
    }
}

/// Time spent so far, saved beside a checkpoint's state as timing.json.
struct Timing {
    elapsed_s: f64,
    spectral_s: f64,
    beside_s: f64,
    analyses: u64,
}

/// `state.json` of a checkpoint: counters, best so far, every scheduler's state; with `timing`,
/// which is saved beside it as timing.json.
fn state_json(cfg: &Config, plugins: &Plugins, epochs_done: u64, step: u64, selection_name: &str, best: Option<(u64, f64)>, timing: Timing) -> Result<serde_json::Value> {
    let Timing { elapsed_s, spectral_s, beside_s, analyses } = timing;
    Ok(json!({
        "epoch": epochs_done,
        "global_step": step,
        "seed": cfg.seed,
        "api_version": plugin_api::API_VERSION,
        "engine_version": env!("CARGO_PKG_VERSION"),
        "model": plugins.model.name,
        "selection_metric": selection_name,
        "best_epoch": best.map(|b| b.0),
        "best_value": best.map(|b| b.1),
        "schedulers": plugins.schedulers.iter().map(|s| Ok(json!({"name": s.name, "state": s.save_state()?}))).collect::<Result<Vec<_>>>()?,
        "timing": {"elapsed_s": elapsed_s, "spectral_s": spectral_s, "analysis_beside_s": beside_s, "analyses": analyses},
    }))
}

/// Writes a checkpoint directory: the model's files, the input normalisation, and `state`.
#[allow(clippy::too_many_arguments)]
fn save_checkpoint(
    checkpoints: &Checkpoints,
    name: &str,
    is_best: bool,
    plugins: &Plugins,
    task: &Task,
    data_json: &str,
    epoch_no: u64,
    step: u64,
    state: &serde_json::Value,
) -> Result<PathBuf> {
    // `data` lets `engine analyze` rebuild the model from the checkpoint alone.
    let metadata = json!({
        "epoch": epoch_no.to_string(),
        "global_step": step.to_string(),
        "engine_version": env!("CARGO_PKG_VERSION"),
        "data": data_json,
    })
    .to_string();
    checkpoints.save_as(name, is_best, |dir| {
        plugins.model.save_checkpoint(dir, &metadata)?;
        if let Some(norm) = task.normalizer_json() {
            std::fs::write(dir.join("normalizer.json"), norm).map_err(|e| io_err(&dir.join("normalizer.json"), e))?;
        }
        let mut state = state.clone();
        let timing = state.as_object_mut().and_then(|o| o.remove("timing")).unwrap_or_default();
        for (file, value) in [("state.json", &state), ("timing.json", &timing)] {
            let text = serde_json::to_string_pretty(value).expect("json");
            std::fs::write(dir.join(file), text).map_err(|e| io_err(&dir.join(file), e))?;
        }
        Ok(())
    })
}

/// `plots/curves.png`: training loss, the validation (and, when scored, test) headline metric per
/// epoch, and the best-validation epoch marked.
fn plot_curves(run_dir: &Path, task: &Task, records: &[EpochRecord], best_epoch: Option<u64>) -> Result<()> {
    let headline = task.headline();
    let pick = |f: &dyn Fn(&EpochRecord) -> Option<f64>| records.iter().filter_map(|r| f(r).map(|v| (r.epoch as f64, v))).collect::<Vec<_>>();
    let mut series = vec![crate::plots::Series::new("train/loss", pick(&|r| Some(r.train_loss)))];
    series.push(crate::plots::Series::new(format!("val/{headline}"), pick(&|r| r.val.as_ref().and_then(|v| v.get(headline)))));
    series.push(crate::plots::Series::new(format!("test/{headline}"), pick(&|r| r.test.as_ref().and_then(|t| t.get(headline)))));
    series.retain(|s| !s.points.is_empty());
    let log_y = matches!(task, Task::Pde(_));
    if let Some(b) = best_epoch {
        let values = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).filter(|v| v.is_finite() && (!log_y || *v > 0.0));
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, c), v| (a.min(v), c.max(v)));
        if lo.is_finite() {
            series.push(crate::plots::Series { name: format!("best validation (epoch {b})"), points: vec![(b as f64, lo), (b as f64, hi)], dashed: true });
        }
    }
    let dir = run_dir.join("plots");
    std::fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
    crate::plots::line_chart(&dir.join("curves.png"), "learning curves", "epoch", if log_y { "value (log scale)" } else { "value" }, &series, log_y)
}

/// Whether and how the spectral analysis runs at a step.
#[derive(Debug, PartialEq)]
enum AnalysisDue {
    No,
    /// Before the step; it applies from this step.
    Before,
    /// Of the weights before the step, beside it; it applies from the next step.
    Beside,
}

/// When the spectral analysis runs at this step: on any scheduler's cadence, and every
/// `spectral_every` epochs when set (to log spectra under schedulers that do not use them). A
/// scheduler due on an epoch cadence gets it before the step, as [MB]'s SciML trainer does; one due
/// on a step cadence gets it from the next step under `step_analysis = "next-step"` (beside the
/// step; at the run's last step nothing would use it), so that logging spectra never changes what a
/// step-cadence scheduler sees.
fn analysis_due(plugins: &Plugins, train: &TrainConfig, step: u64, step_in_epoch: u64, epoch: u64, last_step: bool) -> AnalysisDue {
    if plugins.metrics.is_none() {
        return AnalysisDue::No;
    }
    let every = train.spectral_every;
    let by_config = every > 0 && step_in_epoch == 0 && epoch % every == 0;
    let (mut by_steps, mut by_epochs) = (false, false);
    for s in plugins.schedulers.iter() {
        let c = s.analysis_cadence();
        match c.unit {
            CadenceUnit::Never => {}
            CadenceUnit::Steps => by_steps |= step % c.every.max(1) == 0,
            CadenceUnit::Epochs => by_epochs |= step_in_epoch == 0 && epoch % c.every.max(1) == 0,
        }
    }
    let beside = train.step_analysis == StepAnalysis::NextStep;
    if by_epochs || (by_steps && !beside) {
        AnalysisDue::Before
    } else if by_steps && !last_step {
        AnalysisDue::Beside
    } else if by_config {
        AnalysisDue::Before
    } else {
        AnalysisDue::No
    }
}

/// A training step with a spectral analysis beside it.
struct StepBeside {
    step: Result<TrainOutput>,
    analysis: Result<Vec<LayerMetrics>>,
    analysis_seconds: f64,
    /// How long the finished step waited for the analysis.
    waited_seconds: f64,
}

/// Runs the training step and the analysis of `weights` (exported before it) at once, the analysis
/// on its own thread: the metrics and model plugins share nothing, and the step does not read the
/// analysis' result.
fn train_step_beside_analysis(model: &mut Model, metrics: &mut Metrics, batch: &[TensorView<'_>], plan: &StepPlan, step: u64, weights: &[LayerWeights]) -> StepBeside {
    let metrics_name = metrics.name.clone();
    std::thread::scope(|scope| {
        let analysis = scope.spawn(move || {
            let started = Instant::now();
            (metrics.analyze(weights), started.elapsed().as_secs_f64())
        });
        let step = model.train_step(batch, plan, step);
        let waiting = Instant::now();
        let (analysis, analysis_seconds) = analysis
            .join()
            .unwrap_or_else(|_| (Err(EngineError::Plugin(format!("metrics plugin `{metrics_name}` failed in analyze: its thread panicked"))), 0.0));
        StepBeside { step, analysis, analysis_seconds, waited_seconds: waiting.elapsed().as_secs_f64() }
    })
}

/// A plan must cover every group exactly once with a finite, non-negative learning rate.
fn check_plan(plan: &StepPlan, groups: &[ParamGroupInfo], schedulers: &[Scheduler], step: u64) -> Result<()> {
    let who = schedulers.last().map(|s| s.name.as_str()).unwrap_or("engine");
    let fail = |why: String| Err(EngineError::Plugin(format!("scheduler plugin `{who}` returned a bad plan at step {step}: {why}")));
    if plan.groups.len() != groups.len() {
        return fail(format!("{} groups planned, the model has {}", plan.groups.len(), groups.len()));
    }
    for g in groups {
        match plan.get(g.name.as_str()) {
            None => return fail(format!("group `{}` is missing", g.name)),
            Some(p) if !(p.lr.is_finite() && p.lr >= 0.0) => return fail(format!("group `{}` has learning rate {}", g.name, p.lr)),
            Some(p) if !(p.weight_decay.is_finite() && p.weight_decay >= 0.0) => {
                return fail(format!("group `{}` has weight decay {}", g.name, p.weight_decay))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn epoch_columns(task: &Task, groups: &[ParamGroupInfo]) -> Vec<String> {
    let mut cols: Vec<String> = vec!["epoch".into(), "step".into(), "train/loss".into()];
    for split in ["val", "test"] {
        cols.extend(task.metric_names().iter().map(|m| format!("{split}/{m}")));
    }
    cols.extend(["lr/base", "time_s", "best"].iter().map(|s| s.to_string()));
    cols.extend(groups.iter().map(|g| format!("lr/{}", g.name)));
    cols
}

fn fmt_f(x: f64) -> String {
    format!("{x:.6e}")
}
