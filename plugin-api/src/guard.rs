//! Panic containment for plugin entry points.
//!
//! abi_stable exits the process when a panic reaches the FFI boundary, so every exported function
//! body runs under [`guard`]: a panic or an error becomes an `RErr` with a one-line message.

use abi_stable::std_types::{RResult, RString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `body`, turning an `Err` or a panic into `RErr`. `what` names the entry point in the message.
pub fn guard<T>(what: &str, body: impl FnOnce() -> Result<T, String>) -> RResult<T, RString> {
    install_quiet_panic_hook();
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(value)) => RResult::ROk(value),
        Ok(Err(message)) => RResult::RErr(RString::from(message)),
        Err(payload) => {
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic payload".to_string());
            let at = panic_at().take().map(|at| format!(" (at {at})")).unwrap_or_default();
            RResult::RErr(RString::from(format!("panicked in {what}: {text}{at}")))
        }
    }
}

/// Where the last panic in this plugin happened, for the error value. Kept for the whole plugin,
/// not per thread: much of a plugin's work runs on its thread pool (model_runtime's sample
/// chunks), and a panic there reaches the guard on the engine's thread as a payload without its
/// location.
static PANIC_AT: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn panic_at() -> std::sync::MutexGuard<'static, Option<String>> {
    PANIC_AT.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A panic inside a plugin becomes one error value that the engine prints as one line; the default
/// hook would first print the panic and a backtrace note to stderr. Each plugin links its own
/// standard library, so this hook covers this plugin's panics only. With RUST_BACKTRACE set the
/// default output comes back, for plugin authors.
fn install_quiet_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let at = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
            *panic_at() = at;
            if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
                default(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_error_and_panic_become_values() {
        assert_eq!(guard("f", || Ok(3)).unwrap(), 3);
        assert_eq!(guard::<()>("f", || Err("bad".into())).unwrap_err().as_str(), "bad");
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let err = guard::<()>("plan", || panic!("boom {}", 7)).unwrap_err();
        std::panic::set_hook(prev);
        assert_eq!(err.as_str(), "panicked in plan: boom 7");

        // With the quiet hook, a panic on another thread (as in the plugin's thread pool),
        // re-raised on the guard's thread, keeps its location.
        let err = guard::<()>("train_step", || {
            let payload = std::thread::spawn(|| panic!("in a pool thread")).join().unwrap_err();
            std::panic::resume_unwind(payload)
        })
        .unwrap_err();
        assert!(err.as_str().starts_with("panicked in train_step: in a pool thread (at "), "{err}");
        assert!(err.as_str().contains("guard.rs:"), "{err}");
    }
}
