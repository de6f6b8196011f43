#!/usr/bin/env bash
# Sweep throughput (docs/benchmarks.md): 8 short default runs (fno2d on diffusion-reaction, 2
# epochs, 40 samples, one thread each) as 8 `engine run` one after another, as `engine sweep
# --jobs 1` and as `engine sweep --jobs 2`. Prints the wall times and the ratios.
#   scripts/bench-sweep.sh [ENGINE]      (default: target/release/engine)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ENGINE=${1:-$ROOT/target/release/engine}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export ENGINE_DATA__CACHE_DIR="$TMP/cache"
cat >"$TMP/bench.toml" <<TOML
[set]
train.epochs = 2
data.num_samples = 40
train.threads = 1
[grid]
scheduler = ["constant-lr", "tempbalance"]
seed = [0, 1, 2, 3]
TOML
"$ENGINE" data generate diffusion-reaction-2d --set data.num_samples=40 --out "$TMP/warm.h5" >/dev/null 2>&1  # cache the data once
now() { date +%s.%N; }
t0=$(now)
for s in constant-lr tempbalance; do for seed in 0 1 2 3; do
    "$ENGINE" run --scheduler $s --seed $seed --epochs 2 --set data.num_samples=40 --runs "$TMP/seq" --progress off >/dev/null 2>&1
done; done
t1=$(now)
"$ENGINE" sweep "$TMP/bench.toml" --out "$TMP/j1" --jobs 1 >/dev/null 2>&1
t2=$(now)
"$ENGINE" sweep "$TMP/bench.toml" --out "$TMP/j2" --jobs 2 >/dev/null 2>&1
t3=$(now)
python3 - "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:])
seq, j1, j2 = t1 - t0, t2 - t1, t3 - t2
print(f"8 runs one after another: {seq:.1f} s")
print(f"engine sweep --jobs 1:    {j1:.1f} s  (bookkeeping {(j1 - seq) / 8:+.2f} s per run)")
print(f"engine sweep --jobs 2:    {j2:.1f} s  ({j2 / seq:.2f} x the sequential time)")
PY
