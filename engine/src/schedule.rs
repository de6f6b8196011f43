//! The base learning-rate schedule eta_t (constant, step decay, cosine, linear, each with optional
//! linear warmup). Scheduler plugins only ever refine it: lr_group = f(...) * eta_t.

use crate::config::ScheduleConfig;
use crate::error::{EngineError, Result};
use std::f64::consts::PI;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Constant,
    Step,
    Cosine,
    Linear,
}

/// A validated schedule for a run of known length.
#[derive(Debug, Clone)]
pub struct BaseSchedule {
    kind: Kind,
    per_epoch: bool,
    lr: f64,
    min_lr: f64,
    step_size: u64,
    gamma: f64,
    warmup_steps: u64,
    epochs: u64,
    total_steps: u64,
}

impl BaseSchedule {
    pub fn new(cfg: &ScheduleConfig, lr: f64, epochs: u64, steps_per_epoch: u64) -> Result<Self> {
        let bad = |key: &str, why: &str| EngineError::Config(format!("`schedule.{key}` {why}"));
        let kind = match cfg.kind.as_str() {
            "constant" => Kind::Constant,
            "step" => Kind::Step,
            "cosine" => Kind::Cosine,
            "linear" => Kind::Linear,
            other => return Err(bad("kind", &format!("is `{other}`; use constant, step, cosine or linear"))),
        };
        let per_epoch = match cfg.interval.as_str() {
            "epoch" => true,
            "step" => false,
            other => return Err(bad("interval", &format!("is `{other}`; use epoch or step"))),
        };
        if kind == Kind::Step && cfg.step_size == 0 {
            return Err(bad("step_size", "must be at least 1"));
        }
        if !(cfg.gamma.is_finite() && cfg.gamma > 0.0) {
            return Err(bad("gamma", "must be positive"));
        }
        if !(0.0..1.0).contains(&cfg.warmup_ratio) {
            return Err(bad("warmup_ratio", "must be in [0, 1)"));
        }
        if !(cfg.min_lr >= 0.0 && cfg.min_lr <= lr) {
            return Err(bad("min_lr", "must be in [0, optim.lr]"));
        }
        let total_steps = epochs * steps_per_epoch;
        let warmup_steps = if cfg.warmup_steps > 0 {
            cfg.warmup_steps
        } else {
            (cfg.warmup_ratio * total_steps as f64).ceil() as u64
        };
        Ok(Self {
            kind,
            per_epoch,
            lr,
            min_lr: cfg.min_lr,
            step_size: cfg.step_size,
            gamma: cfg.gamma,
            warmup_steps,
            epochs,
            total_steps,
        })
    }

    /// eta_t for global optimizer step `step` (0-based) in epoch `epoch` (0-based).
    ///
    /// Warmup is linear over the first `warmup_steps` steps, reaching the base rate at the last
    /// warmup step (step k gets lr * (k+1) / warmup, so no step trains at zero). Decay then advances
    /// per epoch (as PyTorch schedulers stepped once per epoch, PDEBench's StepLR) or per step (as
    /// Hugging Face's linear schedule) and measures progress after the warmup.
    pub fn lr(&self, step: u64, epoch: u64) -> f64 {
        if step < self.warmup_steps {
            return self.lr * (step + 1) as f64 / self.warmup_steps as f64;
        }
        let (t, horizon) = if self.per_epoch {
            (epoch as f64, self.epochs as f64)
        } else {
            ((step - self.warmup_steps) as f64, (self.total_steps - self.warmup_steps) as f64)
        };
        let progress = if horizon > 0.0 { (t / horizon).min(1.0) } else { 0.0 };
        match self.kind {
            Kind::Constant => self.lr,
            Kind::Step => self.lr * self.gamma.powi((t as u64 / self.step_size) as i32),
            Kind::Cosine => self.min_lr + (self.lr - self.min_lr) * 0.5 * (1.0 + (PI * progress).cos()),
            Kind::Linear => self.lr + (self.min_lr - self.lr) * progress,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(kind: &str, interval: &str) -> ScheduleConfig {
        ScheduleConfig { kind: kind.into(), interval: interval.into(), ..ScheduleConfig::default() }
    }

    #[test]
    fn step_decay_per_epoch_like_steplr() {
        let mut c = cfg("step", "epoch");
        c.step_size = 2;
        c.gamma = 0.5;
        let s = BaseSchedule::new(&c, 1e-3, 6, 10).unwrap();
        let per_epoch: Vec<f64> = (0..6).map(|e| s.lr(e * 10 + 3, e)).collect();
        assert_eq!(per_epoch, vec![1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4, 2.5e-4]);
    }

    #[test]
    fn cosine_per_epoch_hits_the_ends_and_midpoint() {
        let mut c = cfg("cosine", "epoch");
        c.min_lr = 0.1;
        let s = BaseSchedule::new(&c, 1.0, 4, 5).unwrap();
        assert!((s.lr(0, 0) - 1.0).abs() < 1e-12);
        assert!((s.lr(10, 2) - 0.55).abs() < 1e-12);
    }

    #[test]
    fn linear_warmup_then_linear_decay_per_step() {
        let mut c = cfg("linear", "step");
        c.warmup_steps = 4;
        let s = BaseSchedule::new(&c, 1.0, 1, 14).unwrap();
        let lrs: Vec<f64> = (0..14).map(|k| s.lr(k, 0)).collect();
        assert_eq!(&lrs[..4], &[0.25, 0.5, 0.75, 1.0]);
        assert_eq!(lrs[4], 1.0);
        assert!((lrs[9] - 0.5).abs() < 1e-12);
        assert!((lrs[13] - 0.1).abs() < 1e-12);
    }

    #[test]
    fn warmup_ratio_rounds_up() {
        let mut c = cfg("constant", "step");
        c.warmup_ratio = 0.06;
        let s = BaseSchedule::new(&c, 2.0, 10, 10).unwrap();
        assert_eq!(s.warmup_steps, 6);
        assert!((s.lr(0, 0) - 2.0 / 6.0).abs() < 1e-12);
        assert_eq!(s.lr(50, 5), 2.0);
    }

    #[test]
    fn bad_values_name_the_key() {
        let err = BaseSchedule::new(&cfg("exp", "epoch"), 1.0, 1, 1).unwrap_err().to_string();
        assert!(err.contains("schedule.kind"), "{err}");
        let err = BaseSchedule::new(&cfg("step", "batch"), 1.0, 1, 1).unwrap_err().to_string();
        assert!(err.contains("schedule.interval"), "{err}");
    }
}
