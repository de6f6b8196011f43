//! SIGINT and SIGTERM: the first asks the work in progress to stop at the next safe point (a run
//! finishes its step and writes a checkpoint; a sweep stops launching runs and waits for the
//! running ones to checkpoint); a second one of the same kind exits at once, as a user pressing
//! Ctrl-C twice expects.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Set once a stop was requested; which signal asked.
#[derive(Clone)]
pub struct StopRequest {
    requested: Arc<AtomicBool>,
    signal: Arc<AtomicUsize>,
}

static INSTALLED: std::sync::OnceLock<StopRequest> = std::sync::OnceLock::new();

impl StopRequest {
    /// Installs the handlers once per process; later calls return the same request.
    pub fn install() -> std::io::Result<Self> {
        if let Some(s) = INSTALLED.get() {
            return Ok(s.clone());
        }
        let s = Self::register()?;
        Ok(INSTALLED.get_or_init(|| s).clone())
    }

    /// The request [`StopRequest::install`] set up, or a fresh one if none was.
    pub fn installed() -> Self {
        INSTALLED.get().cloned().unwrap_or_else(|| Self::install().expect("signal handlers"))
    }

    fn register() -> std::io::Result<Self> {
        let requested = Arc::new(AtomicBool::new(false));
        let signal = Arc::new(AtomicUsize::new(0));
        for (sig, code) in [(signal_hook::consts::SIGINT, 130), (signal_hook::consts::SIGTERM, 143)] {
            // Registered before the flag: on the second signal the flag is already set, so the
            // process exits at once with 128 + signal.
            signal_hook::flag::register_conditional_shutdown(sig, code, Arc::clone(&requested))?;
            signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
            signal_hook::flag::register(sig, Arc::clone(&requested))?;
        }
        Ok(Self { requested, signal })
    }

    pub fn requested(&self) -> bool {
        self.requested.load(Ordering::SeqCst)
    }

    /// The signal number that asked to stop (SIGINT if unknown).
    pub fn signal(&self) -> i32 {
        match self.signal.load(Ordering::SeqCst) {
            0 => signal_hook::consts::SIGINT,
            s => s as i32,
        }
    }

    pub fn signal_name(&self) -> &'static str {
        if self.signal() == signal_hook::consts::SIGTERM {
            "SIGTERM"
        } else {
            "SIGINT"
        }
    }
}

/// Sends `signal` to a child process (a sweep passes a SIGTERM it received on to its runs; a
/// Ctrl-C on a terminal reaches them through the process group already).
pub fn forward(pid: u32, signal: i32) {
    // SAFETY: kill(2) with a PID of our own child and a valid signal number has no memory effects.
    unsafe {
        libc::kill(pid as libc::pid_t, signal);
    }
}
