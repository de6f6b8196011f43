//! Plugin discovery and loading failures, through the `engine` binary.

use engine_e2e::*;

#[test]
fn list_shows_the_built_plugins_with_versions() {
    let out = engine().args(["plugins", "list"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    for (name, kind) in [("constant-lr", "scheduler"), ("fno2d", "model"), ("spectral", "metrics")] {
        let line = stdout.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} not listed:\n{stdout}"));
        assert!(line.contains(kind) && line.contains("0.1.0"), "{line}");
        assert!(line.contains(&target_dir().display().to_string()), "{line}");
    }
    // Fixtures do not follow the naming convention and are not listed.
    assert!(!stdout.contains("faulty"), "{stdout}");
}

#[test]
fn describe_prints_the_default_configuration() {
    let out = engine().args(["plugins", "describe", "fno2d"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("model plugin"), "{stdout}");
    let toml_part: String = stdout.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
    let table: toml_like::Table = toml_like::parse(&toml_part);
    assert_eq!(table.get("width").map(String::as_str), Some("20"), "{stdout}");
}

#[test]
fn unknown_plugin_lists_what_was_found_and_where() {
    let dir = temp_dir("unknown-plugin");
    let out = tiny_run(&dir, &["--scheduler", "tempbalanse", "--plugin-dir", dir.to_str().unwrap()]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    let e = errors[0];
    assert!(e.contains("no scheduler plugin named `tempbalanse`"), "{e}");
    assert!(e.contains("constant-lr"), "{e}");
    assert!(e.contains("(--plugin-dir)") && e.contains("engine executable's directory"), "{e}");
    // Nothing was created for a run that could not start.
    assert!(!dir.join("runs").exists() || std::fs::read_dir(dir.join("runs")).unwrap().next().is_none());
}

fn load_failure(scheduler: &str) -> String {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = temp_dir(&format!("load-{}", COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)));
    let out = tiny_run(&dir, &["--scheduler", scheduler]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success(), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "expected one error line:\n{stderr}");
    assert!(stderr.lines().count() <= 3, "abi_stable's long report leaked:\n{stderr}");
    errors[0].to_string()
}

#[test]
fn plugin_built_against_another_api_version_is_one_line() {
    let path = fixture("fixture_wrong_api_version");
    let e = load_failure(path.to_str().unwrap());
    assert!(e.contains(path.to_str().unwrap()), "{e}");
    assert!(e.contains("0.99.0") && e.contains(&format!("plugin API {}", "0.1.0")), "{e}");
}

#[test]
fn plugin_with_another_layout_is_one_line() {
    let path = fixture("fixture_wrong_abi_layout");
    let e = load_failure(path.to_str().unwrap());
    assert!(e.contains(path.to_str().unwrap()), "{e}");
    assert!(e.contains("another layout"), "{e}");
}

#[test]
fn library_that_is_not_a_plugin_is_one_line() {
    let path = fixture("fixture_not_a_plugin");
    let e = load_failure(path.to_str().unwrap());
    assert!(e.contains(path.to_str().unwrap()) && e.contains("not an engine plugin"), "{e}");

    let dir = temp_dir("not-a-library");
    let text = dir.join("libengine_scheduler_text.so");
    std::fs::write(&text, "just text").unwrap();
    let e = load_failure(text.to_str().unwrap());
    assert!(e.contains(text.to_str().unwrap()) && e.contains("no ELF header"), "{e}");
}

/// A minimal reader for the flat `key = value` lines `describe` prints.
mod toml_like {
    pub type Table = std::collections::HashMap<String, String>;
    pub fn parse(text: &str) -> Table {
        text.lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim().to_string(), v.split('#').next().unwrap().trim().to_string()))
            .collect()
    }
}

/// `ENGINE_PLUGIN_PATH` is searched (it used to be read as a configuration key and refused), a
/// `--plugin-dir` that does not exist is an error, and a `[plugins.<name>]` section for a plugin
/// that does not exist is an error naming the loaded and installed plugins.
#[test]
fn plugin_path_plugin_dir_and_plugin_sections() {
    let dir = temp_dir("plugin-path");
    let extra = dir.join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    std::fs::copy(fixture("fixture_faulty_scheduler"), extra.join("libengine_scheduler_faulty.so")).unwrap();
    // Found through the variable alone: the faulty fixture loads (and then fails on purpose).
    let out = tiny_run(&dir, &["--name", "p", "--epochs", "1", "--scheduler", "faulty"]).env("ENGINE_PLUGIN_PATH", &extra).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!stderr.contains("unknown key") && !stderr.contains("no scheduler plugin named"), "{stderr}");
    let out = engine().args(["plugins", "list"]).env("ENGINE_PLUGIN_PATH", &extra).output().unwrap();
    assert!(texts(&out).0.contains("libengine_scheduler_faulty.so"), "{}", texts(&out).0);

    let out = tiny_run(&dir, &["--name", "q", "--plugin-dir", "/nonexistent/plugins"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    assert!(error_lines(&stderr)[0].contains("--plugin-dir `/nonexistent/plugins` is not a directory"), "{stderr}");

    let out = tiny_run(&dir, &["--name", "r", "--set", "plugins.nosuch.x=1"]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let e = error_lines(&stderr)[0];
    assert!(e.contains("`[plugins.nosuch]`") && e.contains("this run loads fno2d, constant-lr") && e.contains("tempbalance"), "{e}");
    assert!(!dir.join("runs/r").exists());
}

/// A truncated plugin library is one line (it used to end the engine with SIGBUS), also in
/// `engine plugins list`; libraries with bits flipped in their headers never take the engine down:
/// whatever the loader does with them happens in a child process first.
#[test]
fn truncated_or_corrupt_libraries_never_crash_the_engine() {
    use std::os::unix::process::ExitStatusExt;
    let dir = temp_dir("corrupt-so");
    let good = std::fs::read(target_dir().join("libengine_scheduler_constant_lr.so")).unwrap();
    std::fs::write(dir.join("libengine_scheduler_cut.so"), &good[..good.len() / 3]).unwrap();
    let out = tiny_run(&dir, &["--name", "t", "--scheduler", "cut", "--plugin-dir", dir.to_str().unwrap()]).output().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines = error_lines(&stderr);
    assert!(lines.len() == 1 && lines[0].contains("libengine_scheduler_cut.so") && lines[0].contains("truncated"), "{stderr}");
    let out = engine().args(["plugins", "list", "--plugin-dir", dir.to_str().unwrap()]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.lines().any(|l| l.contains("libengine_scheduler_cut.so") && l.contains("not loadable")), "{stdout}");

    // Bit flips in the first 4 KiB (ELF, program and dynamic headers), a few patterns.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..12 {
        let mut bytes = good.clone();
        for _ in 0..40 {
            let i = 64 + (next() % 4032) as usize;
            bytes[i] ^= 1 << (next() % 8);
        }
        std::fs::write(dir.join("libengine_scheduler_flip.so"), &bytes).unwrap();
        let out = engine().args(["plugins", "describe", "flip", "--plugin-dir", dir.to_str().unwrap()]).output().unwrap();
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.signal(), None, "case {case}: the engine died: {stderr}");
        if !out.status.success() {
            assert_eq!(error_lines(&stderr).len(), 1, "case {case}: {stderr}");
            assert!(!stderr.contains("panicked"), "case {case}: {stderr}");
        }
    }
}
