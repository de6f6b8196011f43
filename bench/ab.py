"""Two builds of the engine's bench binaries, interleaved: is a change faster?

    python3 bench/ab.py OLD_BIN_DIR NEW_BIN_DIR [--workloads fno1d:train,unet2d-32] [--reps 2]
                        [--threads 1] [--steps 3]

Build each side's binaries (scripts/bench-vs-pytorch.sh lists them) and copy them to a directory
of their own. For each repetition and workload mode both binaries run one after the other, the
order alternating between repetitions, with the same command lines as the PyTorch comparison
(bench/workloads.py). Prints each process's step times and per-side medians. Needs no PyTorch.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.compare import median, parse_engine, run_measured, thread_env  # noqa: E402
from bench.workloads import engine_command, select  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--workloads", default="all")
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    args = ap.parse_args(argv)
    times, rss = {}, {}
    for rep in range(args.reps):
        sides = [("old", args.old), ("new", args.new)]
        if rep % 2:
            sides.reverse()
        for w, mode in select(args.workloads):
            for side, bin_dir in sides:
                cmd = engine_command(w, mode, bin_dir, args.steps, args.warmup)
                rc, out, err, peak, _ = run_measured(cmd, thread_env(args.threads))
                if rc != 0:
                    raise SystemExit(f"{' '.join(cmd)} failed ({rc}): {err.strip()[-300:]}")
                t = parse_engine(w.kind, out, args.warmup)
                key = (w.name, mode, side)
                times.setdefault(key, []).extend(t)
                rss[key] = max(rss.get(key, 0.0), peak)
                print(f"[rep {rep + 1}/{args.reps}] {w.name} {mode} {side}: "
                      f"{' '.join(f'{x:.3f}' for x in t)} s, peak RSS {peak:.0f} MiB", flush=True)
    print(f"\nthreads {args.threads}; medians of per-step seconds")
    print("| workload | mode | old s/step | new s/step | new / old | steps | peak RSS MiB old / new |")
    print("|---|---|---|---|---|---|---|")
    for w, mode in select(args.workloads):
        o, n = times[(w.name, mode, "old")], times[(w.name, mode, "new")]
        print(f"| {w.name} | {mode} | {median(o):.3f} | {median(n):.3f} | {median(n) / median(o):.2f} | "
              f"{len(o)} + {len(n)} | {rss[(w.name, mode, 'old')]:.0f} / {rss[(w.name, mode, 'new')]:.0f} |")


if __name__ == "__main__":
    main()
