#!/usr/bin/env python3
"""WeightWatcher's own per-layer table of a safetensors model directory, as CSV on stdout.

The reference for `engine analyze --rule ks-scan` (tests/fixtures/weightwatcher-0.7.7-minilm.csv,
docs/analyze.md). Not part of CI: WeightWatcher and its dependencies come from PyPI into a venv:

    python3 -m venv /tmp/wwenv && /tmp/wwenv/bin/pip install weightwatcher==0.7.7
    /tmp/wwenv/bin/python scripts/weightwatcher-reference.py assets/minilm > table.csv

WeightWatcher opens safetensors through PyTorch; without torch installed (a 5.6 GB wheel) this
script hands it numpy arrays instead, which is all its layer iterator needs for a state dict.
"""
import csv
import sys
import types

import weightwatcher as ww
import weightwatcher.weightwatcher as wwm
from safetensors import safe_open


def main(model_dir):
    wwm.safe_open = lambda f, framework="pt", device="cpu": safe_open(f, framework="numpy")
    if not hasattr(wwm, "torch"):
        class NotATensor:
            pass
        wwm.torch = types.SimpleNamespace(Tensor=NotATensor)
    details = ww.WeightWatcher(model=model_dir).analyze(plot=False, randomize=False, mp_fit=False)
    columns = ["name", "N", "M", "num_evals", "alpha", "xmin", "D", "lambda_max", "stable_rank",
               "num_pl_spikes", "alpha_weighted", "log_alpha_norm", "warning"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(columns)
    for _, row in details.iterrows():
        out.writerow([row[c] if isinstance(row[c], str) else repr(float(row[c])) if c not in ("N", "M", "num_evals", "num_pl_spikes") else int(row[c]) for c in columns])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: weightwatcher-reference.py MODEL_DIR")
    main(sys.argv[1])
