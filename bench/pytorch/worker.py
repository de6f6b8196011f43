"""Runs one PyTorch workload in this process and prints one `RESULT {json}` line.

    python -m bench.pytorch.worker --workload fno2d-64 --mode train --threads 1 --steps 3 --warmup 1
    python -m bench.pytorch.worker --workload minilm --mode eval --flops      # count FLOP, no timing
    python -m bench.pytorch.worker --gemm-probe --threads 2                    # torch's matmul GFLOP/s

Run from the repository root (bench/compare.py does, with OMP_NUM_THREADS / MKL_NUM_THREADS set
to the thread count before this process starts). The JSON holds the per-step times (the driver
takes their median), the parameter count (real scalars) and, with --flops, the work of one step.
"""

import argparse
import json
import os
import sys

from . import common  # first: sets up warnings before torch is imported
from ..workloads import BY_NAME, SPECTRAL_SHAPES

import torch  # noqa: E402


def build_pde(w, seed: int):
    """Model, optimizer, trajectory batch and one-step function of a PDE workload."""
    from . import fno, unet

    torch.manual_seed(seed)
    c, s = w.channels, common.INITIAL_STEP
    u, grid = common.trajectories(common.BATCH, w.spatial, common.T_TRAIN, w.channels)
    if w.model == "fno2d":
        model = fno.FNO2d(c, s)
        step = fno.step_fn(model, grid, common.BATCH)
    elif w.model == "fno1d":
        model = fno.FNO1d(c, s)
        step = fno.step_fn(model, grid, common.BATCH)
    else:
        model = unet.UNet(len(w.spatial), s * c, c)
        step = unet.step_fn(model)
    opt = torch.optim.Adam(model.parameters(), lr=common.PDE_LR, weight_decay=common.PDE_WEIGHT_DECAY)
    return model, opt, u, step


def workload_fn(w, mode: str, args):
    """(function running one step, parameter count, note) for a workload and mode."""
    if w.kind == "pde":
        from . import rollout

        model, opt, u, step = build_pde(w, args.seed)
        n = common.count_params(model)
        if mode == "train":
            return (lambda: rollout.train_step(model, opt, u, step)), n, ""
        return (lambda: rollout.eval_step(model, u, step)), n, ""
    if w.kind == "bert":
        from . import bert

        model = bert.load_minilm(args.minilm, attention=args.attention, seed=args.seed)
        batch = bert.bench_batch()
        n = common.count_params(model)
        note = f"attention {args.attention}"
        if mode == "train":
            opt = bert.optimizer(model)
            return (lambda: bert.train_step(model, opt, batch)), n, note
        return (lambda: bert.eval_step(model, batch)), n, note
    if w.kind == "spectral":
        g = torch.Generator().manual_seed(args.seed)
        mats = [torch.rand(m, k, generator=g, dtype=torch.float64) for m, k in SPECTRAL_SHAPES]

        def one_pass():
            total = 0.0
            for a in mats:
                total += float(torch.linalg.svdvals(a)[0])
            return total

        return one_pass, 0, "torch.linalg.svdvals, float64"
    raise ValueError(w.kind)


def gemm_probe(threads: int) -> dict:
    """Achieved matmul rate (GFLOP/s) of this torch at `threads`: 2048^3 float32 and float64
    products, best of 5 after 2 warm-ups. A measured ceiling next to the nominal peak."""
    import time

    out = {}
    for name, dtype in (("sgemm", torch.float32), ("dgemm", torch.float64)):
        a = torch.randn(2048, 2048, dtype=dtype)
        b = torch.randn(2048, 2048, dtype=dtype)
        best = float("inf")
        for i in range(7):
            t0 = time.perf_counter()
            torch.mm(a, b)
            if i >= 2:
                best = min(best, time.perf_counter() - t0)
        out[name] = 2 * 2048 ** 3 / best / 1e9
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workload", choices=sorted(BY_NAME), help="required unless --gemm-probe")
    ap.add_argument("--mode", default="train", choices=["train", "eval", "pass"])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--flops", action="store_true", help="count the FLOP of one step instead of timing")
    ap.add_argument("--attention", default="sdpa", choices=["sdpa", "eager"], help="MiniLM attention kernel")
    ap.add_argument("--minilm", default="assets/minilm", help="MiniLM directory (config.json + model.safetensors)")
    ap.add_argument("--gemm-probe", action="store_true", help="only measure torch's matmul GFLOP/s")
    args = ap.parse_args(argv)

    common.set_threads(args.threads)
    if args.gemm_probe:
        print("RESULT " + json.dumps({"threads": args.threads, **gemm_probe(args.threads)}), flush=True)
        return 0
    if args.workload is None:
        raise SystemExit("--workload is required")
    w = BY_NAME[args.workload]
    fn, n_params, note = workload_fn(w, args.mode, args)
    result = {
        "workload": w.name,
        "mode": args.mode,
        "threads": torch.get_num_threads(),
        "params": n_params,
        "note": note,
        "torch": torch.__version__,
    }
    if args.flops:
        from . import flops

        if w.kind == "spectral":
            # The counter sees no work inside LAPACK's svdvals: a nominal count, nothing run.
            result["flops"] = {
                "flop": sum(flops.svd_values_flop(m, k) for m, k in SPECTRAL_SHAPES),
                "fft_flop": 0,
                "note": "nominal LAPACK count for singular values only (svd_values_flop)",
            }
        else:
            fn()  # warm-up outside the counter (lazy initialisation, first-call paths)
            result["flops"] = flops.count(fn)
    else:
        times = common.time_steps(args.warmup, args.steps, fn)
        result["times"] = times
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
