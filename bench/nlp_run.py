"""A whole NLP preset run, the engine against PyTorch, interleaved: `engine run` on
configs/bert-rotten-tomatoes.toml (constant-lr) against bench/pytorch/nlp_run.py, the same recipe
in plain PyTorch. Each run is its own process, timed from start to exit (start-up, tokenization,
model load, 10 epochs with a validation pass each, the test passes), with its peak RSS.

    scripts/bench-vs-pytorch.sh nlp-run [--reps 1] [--threads 1,2]

(the script makes the venv, with `tokenizers` for the PyTorch side's tokenization, builds the
engine and its plugins, then runs this from the repository root). On an otherwise idle machine.
"""

import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.compare import REPO, loadavg, median, run_measured, thread_env  # noqa: E402


def engine_run(threads: int, runs: str, name: str):
    cmd = [os.path.join(REPO, "target/release/engine"), "run", "--config", "configs/bert-rotten-tomatoes.toml",
           "--scheduler", "constant-lr", "--runs", runs, "--name", name, "--progress", "off", "--seed", "0",
           "--set", f"train.threads={threads}"]
    rc, out, err, rss, wall = run_measured(cmd, thread_env(threads))
    if rc != 0:
        raise SystemExit(f"engine run failed ({rc}): {err.strip().splitlines()[-1:]}")
    with open(os.path.join(runs, name, "summary.json")) as f:
        s = json.load(f)
    return {"wall_s": wall, "rss_mib": rss, "test_accuracy_best": s["best"].get("test/accuracy", float("nan")),
            "train": s["data"]["train"], "spectral_s": s.get("spectral_s")}


def torch_run(threads: int):
    cmd = [sys.executable, "-m", "bench.pytorch.nlp_run", "--threads", str(threads)]
    rc, out, err, rss, wall = run_measured(cmd, thread_env(threads))
    line = next((ln for ln in out.splitlines() if ln.startswith("RESULT ")), None)
    if rc != 0 or line is None:
        raise SystemExit(f"PyTorch run failed ({rc}): {err.strip().splitlines()[-3:]}")
    r = json.loads(line[len("RESULT "):])
    return {"wall_s": wall, "rss_mib": rss, "test_accuracy_best": r["test_accuracy_best"], "train": r["train"]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--threads", default="1,2")
    args = ap.parse_args(argv)
    threads = [int(t) for t in args.threads.split(",")]
    print(f"load average before: {loadavg()}")
    results = {t: {"engine": [], "pytorch": []} for t in threads}
    with tempfile.TemporaryDirectory() as runs:
        k = 0
        for rep in range(args.reps):
            for t in threads:
                sides = ["engine", "pytorch"] if k % 2 == 0 else ["pytorch", "engine"]
                k += 1
                for side in sides:
                    r = engine_run(t, runs, f"r{rep}-t{t}") if side == "engine" else torch_run(t)
                    results[t][side].append(r)
                    print(f"[rep {rep + 1}/{args.reps}] threads {t} {side:7}: {r['wall_s']:.1f} s, max RSS "
                          f"{r['rss_mib']:.0f} MiB, test accuracy {r['test_accuracy_best']:.4f} ({r['train']} train), "
                          f"load {loadavg()}", flush=True)
    print(f"\nload average after: {loadavg()}\n")
    print("| threads | engine s (whole run) | PyTorch s | engine / PyTorch | engine peak RSS MiB | PyTorch peak RSS MiB | test accuracy engine / PyTorch |")
    print("|---|---|---|---|---|---|---|")
    for t in threads:
        e, p = results[t]["engine"], results[t]["pytorch"]
        me, mp = median([r["wall_s"] for r in e]), median([r["wall_s"] for r in p])
        print(f"| {t} | {me:.1f} | {mp:.1f} | {me / mp:.2f} | {max(r['rss_mib'] for r in e):.0f} | "
              f"{max(r['rss_mib'] for r in p):.0f} | {median([r['test_accuracy_best'] for r in e]):.4f} / "
              f"{median([r['test_accuracy_best'] for r in p]):.4f} |")


if __name__ == "__main__":
    main()
