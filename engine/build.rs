//! Records the git commit the engine was built from, and whether the checkout had changes, for
//! `provenance.json` in every run directory. Outside a git checkout both stay empty.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    let commit = git(&["rev-parse", "HEAD"]).unwrap_or_default();
    let dirty = match git(&["status", "--porcelain", "--untracked-files=no"]) {
        Some(s) if !commit.is_empty() => (!s.is_empty()).to_string(),
        _ => String::new(),
    };
    println!("cargo:rustc-env=ENGINE_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=ENGINE_GIT_DIRTY={dirty}");
    // Rebuild when HEAD moves or the index changes (a commit, a checkout, git add).
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        println!("cargo:rerun-if-changed={dir}/HEAD");
        println!("cargo:rerun-if-changed={dir}/index");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
