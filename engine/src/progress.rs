//! Progress output: a bar on a terminal, one plain line per epoch otherwise (or when asked).

use crate::config::ProgressMode;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Progress {
    pub fn new(mode: ProgressMode, total_steps: u64) -> Self {
        let use_bar = match mode {
            ProgressMode::Bar => true,
            ProgressMode::Auto => std::io::stderr().is_terminal(),
            ProgressMode::Plain | ProgressMode::Off => false,
        };
        let bar = use_bar.then(|| {
            let bar = ProgressBar::with_draw_target(Some(total_steps), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} steps (eta {eta}) {msg}")
                    .expect("static template")
                    .progress_chars("=> "),
            );
            bar
        });
        Self { bar, quiet: mode == ProgressMode::Off }
    }

    /// One step done; `message` is shown beside the bar.
    pub fn step(&self, message: impl FnOnce() -> String) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if bar.position() % 5 == 0 {
                bar.set_message(message());
            }
        }
    }

    /// A line that stays (one per epoch).
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None if !self.quiet => println!("{text}"),
            None => {}
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Scientific notation as people read it: `1.03e+00`, `2.50e-03` (Rust's `{:e}` writes `1.03e0`).
pub fn sci(x: f64, digits: usize) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let text = format!("{x:.digits$e}");
    match text.split_once('e') {
        Some((mantissa, exp)) => {
            let e: i32 = exp.parse().unwrap_or(0);
            format!("{mantissa}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
        }
        None => text,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sci_has_a_signed_two_digit_exponent() {
        assert_eq!(super::sci(1.0315, 2), "1.03e+00");
        assert_eq!(super::sci(0.0025, 2), "2.50e-03");
        assert_eq!(super::sci(-123456.0, 1), "-1.2e+05");
        assert_eq!(super::sci(f64::NAN, 2), "NaN");
    }
}
