"""Times the engine against PyTorch on the same workloads, interleaved, and prints a table.

    scripts/bench-vs-pytorch.sh [--quick] [--reps N] [--threads 1,2] [--workloads fno2d-64,minilm:eval]

(the script makes the venv and builds the engine's bench binaries, then runs this with the venv's
Python, from the repository root). What it does:

1. Prints the machine (lscpu model, cores, clock, SIMD, the FP32 peak it assumes), the date, the
   engine commit and the load average.
2. Structural check (bench/pytorch/check.py): each PyTorch model on the engine's own weights and
   batch gives the engine's prediction and loss; parameter counts equal.
3. Counts the floating-point work of one step of each PyTorch workload (bench/pytorch/flops.py).
4. The timed runs, interleaved: for each repetition, for each workload, for each thread count,
   the engine's bench binary and the PyTorch worker run one after the other, each in its own
   process, alternating which goes first. Each process times `--steps` steps after `--warmup`
   untimed ones; its peak memory is the max RSS the kernel reports for it (os.wait4).
5. A Markdown table of per-workload medians (over every timed step of every repetition):
   s/step for each, the ratio engine / PyTorch (below 1: the engine is faster), peak RSS, the
   work per step and the achieved GFLOP/s against the CPU's peak. Raw results go to --out.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.workloads import engine_command, select  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def median(values):
    v = sorted(values)
    n = len(v)
    if n == 0:
        return float("nan")
    return v[n // 2] if n % 2 else 0.5 * (v[n // 2 - 1] + v[n // 2])


def loadavg() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def thread_env(n: int) -> dict:
    env = dict(os.environ)
    for var in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env[var] = str(n)
    return env


def run_measured(cmd, env):
    """Runs `cmd` to completion; returns (exit code, stdout, stderr, max RSS in MiB, wall s).
    The child is reaped with os.wait4, whose rusage is that child's alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting
        out.seek(0)
        err.seek(0)
        return (p.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                ru.ru_maxrss / 1024.0, wall)


def parse_engine(kind: str, text: str, warmup: int):
    """Per-step seconds from an engine bench's output (the bracketed list of its summary line;
    spectral_bench: one `pass k: X s wall` line per pass, the first `warmup` dropped)."""
    times = []
    for line in text.splitlines():
        if kind == "spectral":
            if line.startswith("pass "):
                times.append(float(line.split(":")[1].split()[0]))
        elif " step mean " in line or ": mean " in line:
            inside = line[line.rindex("[") + 1: line.rindex("]")]
            times = [float(x) for x in inside.split(",") if x.strip()]
    return times[warmup:] if kind == "spectral" else times


def parse_torch(text: str) -> dict:
    for line in text.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise ValueError("no RESULT line")


def torch_command(python: str, w, mode: str, threads: int, steps: int, warmup: int, extra=()):
    return [python, "-m", "bench.pytorch.worker", "--workload", w.name, "--mode", mode,
            "--threads", str(threads), "--steps", str(steps), "--warmup", str(warmup), *extra]


def git_commit() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "?"


def fmt_s(x: float) -> str:
    if x != x:  # NaN
        return "-"
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=3, help="repetitions of the whole interleaved sweep (3)")
    ap.add_argument("--threads", default="1,2", help="thread counts, comma list (1,2)")
    ap.add_argument("--workloads", default="all",
                    help="comma list: names (all their modes) or name:mode, e.g. fno2d-64,minilm:eval "
                         "(names: fno2d-64 fno2d-32 unet2d-64 unet2d-32 fno1d unet1d minilm spectral)")
    ap.add_argument("--steps", type=int, default=3, help="timed steps per process (3)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed steps per process first (1)")
    ap.add_argument("--quick", action="store_true", help="1 repetition, 1 timed step: checks the harness, not for figures")
    ap.add_argument("--bin-dir", default="target/release", help="where the engine's bench binaries are")
    ap.add_argument("--python", default=sys.executable, help="Python with torch + safetensors (this one)")
    ap.add_argument("--attention", default="sdpa", choices=["sdpa", "eager"], help="PyTorch MiniLM attention")
    ap.add_argument("--no-check", action="store_true", help="skip the structural check")
    ap.add_argument("--no-flops", action="store_true", help="skip FLOP counting")
    ap.add_argument("--out", help="directory for the raw results (default target/bench-vs-pytorch/<time>)")
    args = ap.parse_args(argv)
    if args.quick:
        args.reps, args.steps = 1, 1
    threads = [int(t) for t in args.threads.split(",") if t.strip()]
    selected = select(args.workloads)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out_dir = args.out or os.path.join(REPO, "target", "bench-vs-pytorch", stamp)
    os.makedirs(out_dir, exist_ok=True)
    sys.path.insert(0, REPO)
    torch_extra = ("--attention", args.attention)
    if any(w.kind == "bert" for w, _ in selected) and not os.path.exists(
            os.path.join(REPO, "assets", "minilm", "model.safetensors")):
        raise SystemExit("the minilm workload needs assets/minilm: run scripts/fetch-assets.sh")

    # -- 1. machine facts -------------------------------------------------------------------
    # No torch in this process: every child's max RSS starts from this process's RSS (see
    # bench/machine.py), so the driver stays small.
    from bench.machine import cpu_facts, peak_gflops

    facts = cpu_facts()
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = loadavg()
    print(f"# engine vs PyTorch, {started:%Y-%m-%d %H:%M} UTC")
    print(f"machine: {facts['model']} (vendor {facts['vendor']}, family {facts['family']}, model "
          f"{facts['model_number']}), {facts['cores']} cores, {facts['mhz']:.0f} MHz, SIMD {facts['simd']}; "
          f"{platform.platform()}")
    print(f"peak assumed: {facts['assumption']}: {peak_gflops(facts, 1):.1f} GFLOP/s per core FP32, "
          f"{peak_gflops(facts, 1, fp64=True):.1f} FP64")
    print(f"engine commit {git_commit()}; binaries {args.bin_dir}; driver RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (the floor of every "
          "child's max RSS)")
    rc, so, _, base_rss, _ = run_measured([args.python, "-c", "import bench.pytorch.common as c; print(c.torch.__version__)"],
                                          thread_env(1))
    print(f"PyTorch {so.strip()} (a process that only imports torch peaks at {base_rss:.0f} MiB RSS)")
    print(f"runs: {args.reps} repetition(s) x threads {threads} x {len(selected)} workload modes, "
          f"{args.steps} timed steps after {args.warmup} warm-up per process"
          + (" (--quick: timings are for checking the harness only)" if args.quick else ""))
    # A measured ceiling next to the nominal peak: torch's own 2048^3 matmul rate.
    probes = {}
    for t in threads:
        rc, so, se, _, _ = run_measured([args.python, "-m", "bench.pytorch.worker", "--gemm-probe",
                                         "--threads", str(t)], thread_env(t))
        if rc == 0:
            g = parse_torch(so)
            probes[t] = g
            print(f"PyTorch matmul 2048^3 at {t} thread(s): sgemm {g['sgemm']:.1f} GFLOP/s "
                  f"({100 * g['sgemm'] / peak_gflops(facts, t):.0f}% of the assumed peak), dgemm "
                  f"{g['dgemm']:.1f} ({100 * g['dgemm'] / peak_gflops(facts, t, fp64=True):.0f}%)")
    print(f"load average before: {load_before}")
    print(flush=True)
    record = {"date_utc": started.isoformat(), "machine": facts, "commit": git_commit(),
              "args": vars(args), "load_before": load_before, "torch_import_rss_mib": base_rss,
              "gemm_probe": probes}

    # -- 2. structural check ----------------------------------------------------------------
    if not args.no_check:
        names = ",".join(dict.fromkeys(w.name for w, _ in selected))
        print("## structural check (PyTorch model on the engine's weights and batch)")
        rc, so, se, _, wall = run_measured(
            [args.python, "-m", "bench.pytorch.check", "--bin-dir", args.bin_dir, "--workloads", names,
             "--json", os.path.join(out_dir, "check.json")], thread_env(2))
        print(so.rstrip())
        if rc != 0:
            print(f"check FAILED (exit {rc}):\n{se[-3000:]}")
        print(flush=True)
        record["check_ok"] = rc == 0

    # -- 3. floating-point work -------------------------------------------------------------
    flops = {}
    if not args.no_flops:
        print("## floating-point work of one step (PyTorch formulation)")
        for w, mode in selected:
            rc, so, se, _, _ = run_measured(
                torch_command(args.python, w, mode, max(threads), 0, 0, ("--flops", *torch_extra)),
                thread_env(max(threads)))
            if rc != 0:
                print(f"{w.name} {mode}: FLOP count failed:\n{se[-2000:]}")
                continue
            f = parse_torch(so)["flops"]
            flops[(w.name, mode)] = f
            fft = f" (FFT {f['fft_flop'] / 1e9:.3f})" if f.get("fft_flop") else ""
            unc = ", ".join(f.get("uncounted_ops", [])) or "-"
            note = f"; {f['note']}" if f.get("note") else f"; not counted: {unc}"
            print(f"- {w.name} {mode}: {f['flop'] / 1e9:.3f} GFLOP{fft}{note}")
        print(flush=True)
        record["flops"] = {f"{k[0]}:{k[1]}": v for k, v in flops.items()}

    # -- 4. interleaved timed runs ----------------------------------------------------------
    print("## timed runs (interleaved)")
    runs = []
    pair = 0
    for rep in range(args.reps):
        for i, (w, mode) in enumerate(selected):
            for j, t in enumerate(threads):
                order = ("engine", "pytorch") if (rep + i + j) % 2 == 0 else ("pytorch", "engine")
                pair += 1
                for side in order:
                    if side == "engine":
                        cmd = engine_command(w, mode, args.bin_dir, args.steps, args.warmup)
                    else:
                        cmd = torch_command(args.python, w, mode, t, args.steps, args.warmup, torch_extra)
                    rc, so, se, rss, wall = run_measured(cmd, thread_env(t))
                    entry = {"rep": rep, "workload": w.name, "mode": mode, "threads": t, "side": side,
                             "rc": rc, "max_rss_mib": rss, "wall_s": wall, "times": []}
                    try:
                        if rc != 0:
                            raise RuntimeError(f"exit {rc}")
                        if side == "engine":
                            entry["times"] = parse_engine(w.kind, so, args.warmup)
                        else:
                            res = parse_torch(so)
                            entry["times"] = res["times"]
                            entry["params"] = res["params"]
                        if not entry["times"]:
                            raise RuntimeError("no step times in its output")
                    except Exception as e:  # keep going: one failing run must not lose the sweep
                        entry["error"] = f"{e}: {(so + se)[-1500:]}"
                    runs.append(entry)
                    shown = (f"{median(entry['times']):.3f} s/step over {len(entry['times'])}"
                             if entry["times"] else f"FAILED ({entry.get('error', '')[:300]})")
                    print(f"[rep {rep + 1}/{args.reps}] {w.name} {mode} threads {t} {side:7s}: {shown}, "
                          f"max RSS {rss:.0f} MiB, load {loadavg()}", flush=True)
    record["runs"] = runs

    # -- 5. summary -------------------------------------------------------------------------
    load_after = loadavg()
    ended = datetime.datetime.now(datetime.timezone.utc)
    record["load_after"] = load_after
    print()
    print(f"## results: medians over {args.reps} repetition(s) x {args.steps} step(s), "
          f"{started:%Y-%m-%d} ({facts['model']}, {facts['cores']} cores; load average before "
          f"{load_before}, after {load_after})")
    print()
    print("| workload | mode | threads | engine s/step | PyTorch s/step | engine / PyTorch | "
          "engine peak RSS MiB | PyTorch peak RSS MiB | GFLOP/step | engine GFLOP/s (% peak) | "
          "PyTorch GFLOP/s (% peak) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    summary = []
    for w, mode in selected:
        for t in threads:
            def pick(side):
                rs = [r for r in runs if r["workload"] == w.name and r["mode"] == mode
                      and r["threads"] == t and r["side"] == side and r["times"]]
                steps = [x for r in rs for x in r["times"]]
                rss = max((r["max_rss_mib"] for r in rs), default=float("nan"))
                return median(steps), rss, len(rs)

            e, e_rss, e_n = pick("engine")
            p, p_rss, p_n = pick("pytorch")
            ratio = e / p if e == e and p == p and p > 0 else float("nan")
            f = flops.get((w.name, mode))
            peak = peak_gflops(facts, t, fp64=(w.kind == "spectral"))

            def rate(sec):
                if not f or sec != sec or sec <= 0:
                    return "-"
                g = f["flop"] / sec / 1e9
                return f"{g:.1f} ({100 * g / peak:.0f}%)"

            gflop = f"{f['flop'] / 1e9:.2f}" if f else "-"
            summary.append({"workload": w.name, "mode": mode, "threads": t, "engine_s": e, "pytorch_s": p,
                            "ratio": ratio, "engine_rss_mib": e_rss, "pytorch_rss_mib": p_rss,
                            "flop": f["flop"] if f else None, "engine_runs": e_n, "pytorch_runs": p_n})
            print(f"| {w.label} | {mode} | {t} | {fmt_s(e)} | {fmt_s(p)} | "
                  f"{'-' if ratio != ratio else f'{ratio:.2f}'} | {e_rss:.0f} | {p_rss:.0f} | {gflop} | "
                  f"{rate(e)} | {rate(p)} |")
    record["summary"] = summary
    print()
    print("Workloads: " + "; ".join(w.description for w in dict.fromkeys(w for w, _ in selected))
          + ". PDE steps: batch 20, rollout 10 -> 21 frames; train = rollout + backward + Adam, "
          "eval = the rollout without autograd (engine: Model::predict; PyTorch: torch.no_grad()).")
    print(f"Peak: {facts['assumption']}; per thread count, threads x {peak_gflops(facts, 1):.1f} GFLOP/s "
          f"FP32 ({peak_gflops(facts, 1, fp64=True):.1f} FP64 for the spectral pass). GFLOP/step is the work "
          "of the PyTorch formulation (matmuls, convolutions, attention, FFTs at 5 N log2 N; elementwise "
          "work not counted; spectral: nominal LAPACK count); both rates divide that same work by each "
          "side's time; above 100% means the cores run above the reported clock (boost), and the "
          "matmul probe above is the practical ceiling. PyTorch's RSS includes the interpreter and torch's libraries "
          f"(about {base_rss:.0f} MiB for `import torch` alone).")
    print(f"Finished {ended:%Y-%m-%d %H:%M} UTC; load average after: {load_after}. "
          f"Raw results: {os.path.relpath(out_dir, REPO)}/results.json")
    with open(os.path.join(out_dir, "results.json"), "w") as fh:
        json.dump(record, fh, indent=1)
    failed = [r for r in runs if "error" in r]
    if failed:
        print(f"{len(failed)} run(s) failed; see results.json")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
