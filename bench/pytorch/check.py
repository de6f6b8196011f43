"""Checks that each PyTorch reference computes the same function as the engine's plugin.

    python -m bench.pytorch.check [--bin-dir target/release] [--workloads fno2d-64,minilm]

For each model, the engine's bench binary writes (`--dump DIR`) its freshly initialised weights,
its batch, its evaluation prediction and its first training loss; this module loads those
weights into the PyTorch model and compares, on the engine's batch:

- the parameter counts (real scalars);
- the batch PyTorch generates itself (`common.trajectories`, `bert.bench_batch`) with the
  engine's, so the timed workloads see the same data;
- PDE models: the evaluation rollout (all 11 predicted frames) and the first training loss
  (train mode: UNet BatchNorm on batch statistics);
- MiniLM: the evaluation logits and the loss without dropout (dropout masks come from different
  generators, so a training loss with dropout cannot match).

Differences come from float32 arithmetic done differently (FFT against the engine's truncated
DFT, tanh and GELU kernels, summation orders) and grow along the rollout; a relative difference
below 1e-3 is reported as a match.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

from . import common  # noqa: F401  (before torch)
from ..workloads import BY_NAME, WORKLOADS

import torch  # noqa: E402

TOL = 1e-3


def rel(a: torch.Tensor, b: torch.Tensor) -> float:
    """max |a - b| / max |b|."""
    return float((a - b).abs().max() / b.abs().max().clamp_min(1e-30))


def run_engine(cmd, env_threads: int = 2):
    env = dict(os.environ, RAYON_NUM_THREADS=str(env_threads))
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out.stdout}\n{out.stderr}")
    return out.stdout


def check_pde(w, bin_dir: str, tmp: str) -> dict:
    from . import fno, rollout, unet

    size = "x".join(str(s) for s in w.spatial)
    dump = os.path.join(tmp, w.name)
    run_engine([f"{bin_dir}/{w.binary}", *w.engine_args, "--steps", "0", "--warmup", "0", "--dump", dump])
    d = os.path.join(dump, size)
    with open(os.path.join(d, "dump.json")) as f:
        meta = json.load(f)
    st = common.load_safetensors(os.path.join(d, "model.safetensors"))
    u = common.read_f32(os.path.join(d, "u.f32"), meta["u_shape"])
    grid = common.read_f32(os.path.join(d, "grid.f32"), meta["grid_shape"])
    pred_engine = common.read_f32(os.path.join(d, "pred.f32"), meta["pred_shape"])
    u_ours, grid_ours = common.trajectories(common.BATCH, w.spatial, common.T_TRAIN, w.channels)

    c, s = w.channels, common.INITIAL_STEP
    if w.model == "fno2d":
        model = fno.FNO2d(c, s)
    elif w.model == "fno1d":
        model = fno.FNO1d(c, s)
    else:
        model = unet.UNet(len(w.spatial), s * c, c)
    model.load_engine_weights(st)
    step = fno.step_fn(model, grid, u.shape[0]) if w.model.startswith("fno") else unet.step_fn(model)
    model.eval()
    pred = rollout.rollout_predict(u, step)
    model.train()
    with torch.no_grad():
        loss = float(rollout.rollout_loss(u, step))
    return {
        "params_engine": meta["params"],
        "params_torch": common.count_params(model),
        "batch_rel_diff": max(rel(u_ours, u), rel(grid_ours, grid)),
        "predict_rel_diff": rel(pred, pred_engine),
        "loss_engine": meta["train_loss"],
        "loss_torch": loss,
        "loss_rel_diff": abs(loss - meta["train_loss"]) / abs(meta["train_loss"]),
    }


def check_bert(bin_dir: str, tmp: str, minilm: str) -> dict:
    from . import bert

    dump = os.path.join(tmp, "minilm")
    os.makedirs(dump, exist_ok=True)
    out = run_engine([f"{bin_dir}/bert_bench", "--steps", "0", "--warmup", "0", "--dump", dump])
    params_engine = int(next(l for l in out.splitlines() if "parameters" in l).split()[2])
    with open(os.path.join(dump, "dump.json")) as f:
        meta = json.load(f)
    b, l = meta["batch"], meta["len"]
    read = lambda name, shape: common.read_f32(os.path.join(dump, f"{name}.f32"), shape)  # noqa: E731
    ids, types, mask = (read(n, (b, l)).long() for n in ("input_ids", "token_type_ids", "attention_mask"))
    labels = read("labels", (b,)).long()
    logits_engine = read("logits", (b, bert.NUM_LABELS))
    ours = bert.bench_batch()
    batch_same = all(torch.equal(x, y) for x, y in zip(ours, (ids, types, mask, labels)))
    with open(os.path.join(minilm, "config.json")) as f:
        cfg = bert.Config(json.load(f))
    model = bert.BertClassifier(cfg)
    bert.load_weights(model, common.load_safetensors(os.path.join(dump, "model.safetensors")))
    model.eval()
    with torch.no_grad():
        logits = model(ids, types, mask)
        loss = float(torch.nn.functional.cross_entropy(logits, labels))
    return {
        "params_engine": params_engine,
        "params_torch": common.count_params(model),
        "batch_rel_diff": 0.0 if batch_same else 1.0,
        "predict_rel_diff": rel(logits, logits_engine),
        "loss_engine": meta["loss_no_dropout"],
        "loss_torch": loss,
        "loss_rel_diff": abs(loss - meta["loss_no_dropout"]) / abs(meta["loss_no_dropout"]),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin-dir", default="target/release")
    ap.add_argument("--workloads", default="all", help="comma list of workload names (modes ignored)")
    ap.add_argument("--minilm", default="assets/minilm")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)
    common.set_threads(2)
    names = [w.name for w in WORKLOADS] if args.workloads in ("", "all") else [
        n.split(":")[0].strip() for n in args.workloads.split(",") if n.strip()
    ]
    results, ok = {}, True
    print("| model | params engine | params PyTorch | same batch | prediction rel. diff | loss engine | loss PyTorch | loss rel. diff | match |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        for name in dict.fromkeys(names):
            w = BY_NAME[name]
            if w.kind == "spectral":
                continue  # no model: svdvals against the engine's eigenvalues is not a model check
            r = check_bert(args.bin_dir, tmp, args.minilm) if w.kind == "bert" else check_pde(w, args.bin_dir, tmp)
            good = (
                r["params_engine"] == r["params_torch"]
                and r["batch_rel_diff"] < 1e-5
                and r["predict_rel_diff"] < TOL
                and r["loss_rel_diff"] < TOL
            )
            r["match"] = good
            ok &= good
            results[name] = r
            print(
                f"| {name} | {r['params_engine']} | {r['params_torch']} | "
                f"{'yes' if r['batch_rel_diff'] < 1e-5 else 'NO (%.1e)' % r['batch_rel_diff']} | "
                f"{r['predict_rel_diff']:.1e} | {r['loss_engine']:.6g} | {r['loss_torch']:.6g} | "
                f"{r['loss_rel_diff']:.1e} | {'yes' if good else 'NO'} |",
                flush=True,
            )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
