"""A whole text-classification fine-tuning run in plain PyTorch, with the recipe of the engine's
Rotten Tomatoes preset (configs/bert-rotten-tomatoes.toml, docs/nlp.md "Protocol"), for timing a
whole run side by side with `engine run` (bench/nlp_run.py drives both).

    python -m bench.pytorch.nlp_run --threads 1 [--dataset rotten-tomatoes] [--train-ratio 0.01]

What it does, as the engine does:
- data: assets/text/<dataset>/train.jsonl and test.jsonl; validation = the last
  min(ceil(0.1 n), 500) training rows, training = the first floor(ratio x pool) of the rest; labels
  in the engine's order (numeric if all are integers, else by name); tokenized with assets/minilm/tokenizer.json (the `tokenizers` package, the
  engine's tokenizer file), truncated to 128 tokens, each batch padded to its longest row;
- model: all-MiniLM-L6-v2 with mean pooling, dropout 0.1, a new classifier (normal(0, 0.02));
- training: 10 epochs of batch 16, reshuffled every epoch; AdamW (lr 1e-4, weight decay 0.1 on
  weights only), linear warmup over 6% of the steps then linear decay to 0 per step, gradient
  clipped to norm 1.0;
- evaluation: validation accuracy after every epoch (batches of 64, longest first), the best
  epoch's weights kept; test accuracy with the final weights, and with the best epoch's when
  that is not the last.

Prints one `RESULT {json}` line: wall time in-process, accuracies, examples per split.
"""

import argparse
import json
import math
import os
import sys
import time

from . import common  # first: warnings, before torch
from . import bert

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def read_rows(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def splits(assets: str, dataset: str, ratio: float):
    train_rows = read_rows(os.path.join(assets, "text", dataset, "train.jsonl"))
    test_rows = read_rows(os.path.join(assets, "text", dataset, "test.jsonl"))
    names = {str(r["label"]) for r in train_rows + test_rows}
    # The engine's label order: numeric when every label is an integer, else by name.
    all_int = all(n.lstrip("-").isdigit() for n in names)
    labels = sorted(names, key=int) if all_int else sorted(names)
    # ceil(0.1 n) with the engine's 1e-9 tolerance (textdata split.rs ceil_count), at most 500.
    n_val = min(max(0, math.ceil(0.1 * len(train_rows) - 1e-9)), 500)
    pool, val = train_rows[: len(train_rows) - n_val], train_rows[len(train_rows) - n_val:]
    n_train = max(1, min(len(pool), math.floor(len(pool) * ratio)))
    return labels, pool[:n_train], val, test_rows


def encode(tok, rows, labels):
    enc = tok.encode_batch([r["text"] for r in rows])
    ids = [e.ids for e in enc]
    y = [labels.index(str(r["label"])) for r in rows]
    return ids, y


def batch(ids, y, idx):
    """Padded [B, L] ids, token types and mask, labels: the batch of rows `idx`."""
    rows = [ids[i] for i in idx]
    length = max(len(r) for r in rows)
    out = torch.zeros(len(rows), length, dtype=torch.int64)
    mask = torch.zeros(len(rows), length, dtype=torch.int64)
    for k, r in enumerate(rows):
        out[k, : len(r)] = torch.tensor(r)
        mask[k, : len(r)] = 1
    return out, torch.zeros_like(out), mask, torch.tensor([y[i] for i in idx])


def accuracy(model, ids, y, size: int = 64) -> float:
    model.eval()
    order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
    right = 0
    with torch.no_grad():
        for s in range(0, len(order), size):
            b_ids, types, mask, labels = batch(ids, y, order[s : s + size])
            right += int((model(b_ids, types, mask).argmax(-1) == labels).sum())
    return right / max(1, len(ids))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--dataset", default="rotten-tomatoes")
    ap.add_argument("--train-ratio", type=float, default=0.01)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--assets", default="assets")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    common.set_threads(args.threads)
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(args.assets, "minilm", "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(128)
    labels, train, val, test = splits(args.assets, args.dataset, args.train_ratio)
    (tr_ids, tr_y), (va_ids, va_y), (te_ids, te_y) = (encode(tok, r, labels) for r in (train, val, test))

    model = bert.load_minilm(os.path.join(args.assets, "minilm"), seed=args.seed, pooling="mean",
                             num_labels=len(labels))
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if name.endswith(".bias") or ".LayerNorm." in name else decay).append(p)
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    steps_per_epoch = math.ceil(len(tr_ids) / 16)
    total = steps_per_epoch * args.epochs
    warmup = math.ceil(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / max(1, total - warmup)))
    g = torch.Generator().manual_seed(args.seed)
    best_acc, best_state, best_epoch, val_accs = -1.0, None, 0, []
    for epoch in range(1, args.epochs + 1):
        model.train()
        perm = torch.randperm(len(tr_ids), generator=g).tolist()
        for s in range(0, len(perm), 16):
            b_ids, types, mask, y = batch(tr_ids, tr_y, perm[s : s + 16])
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(b_ids, types, mask), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
        acc = accuracy(model, va_ids, va_y)
        val_accs.append(acc)
        if acc > best_acc:
            best_acc, best_epoch = acc, epoch
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
    # As the engine's finish: one test pass with the final weights, and a second with the best
    # epoch's only when that is not the last epoch.
    final_test = accuracy(model, te_ids, te_y)
    if best_epoch == args.epochs:
        best_test = final_test
    else:
        model.load_state_dict(best_state)
        best_test = accuracy(model, te_ids, te_y)
    print("RESULT " + json.dumps({
        "wall_s": time.perf_counter() - t0, "train": len(tr_ids), "val": len(va_ids), "test": len(te_ids),
        "steps": total, "val_accuracy": val_accs, "best_epoch": best_epoch, "test_accuracy_best": best_test,
        "test_accuracy_final": final_test, "threads": args.threads,
    }))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
