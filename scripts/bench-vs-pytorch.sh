#!/usr/bin/env bash
# The engine against PyTorch on the same workloads, interleaved (docs/benchmarks.md, "Side by side
# with PyTorch"). Not part of CI: PyTorch's default wheel is a download of several GB.
#
#   scripts/bench-vs-pytorch.sh                       # everything: 3 repetitions, 1 and 2 threads
#   scripts/bench-vs-pytorch.sh --quick               # 1 repetition, 1 step: checks the harness
#   scripts/bench-vs-pytorch.sh --workloads fno2d-64,minilm:eval --threads 1 --reps 5
#   scripts/bench-vs-pytorch.sh nlp-run [--reps 1]         # a whole NLP preset run (bench/nlp_run.py)
#
# 1. makes the venv target/bench-venv with torch + safetensors if it is missing (BENCH_TORCH
#    overrides the torch requirement, e.g. BENCH_TORCH='torch==2.15.*');
# 2. builds the engine's bench binaries (release);
# 3. runs bench/compare.py with the venv's Python; every option is passed on (--help lists them).
# Run it on an otherwise idle machine: other processes on the two cores distort both sides, and
# PyTorch's 2-thread runs most.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=target/bench-venv
PY="$VENV/bin/python"
if ! "$PY" -c 'import torch, safetensors, tokenizers' >/dev/null 2>&1; then
    echo "== making $VENV with ${BENCH_TORCH:-torch}, safetensors and tokenizers (a large download)"
    python3 -m venv "$VENV"
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet "${BENCH_TORCH:-torch}" safetensors tokenizers
fi
if [ "${1:-}" = nlp-run ]; then
    shift
    echo "== building the engine and its plugins"
    cargo build --release --quiet --workspace
    exec "$PY" bench/nlp_run.py "$@"
fi

echo "== building the engine's bench binaries"
# By binary name only: cargo finds the workspace packages that hold them and builds just those.
cargo build --release --quiet --bin fno2d_bench --bin fno1d_bench --bin unet1d_bench \
    --bin unet2d_bench --bin bert_bench --bin spectral_bench

exec "$PY" bench/compare.py "$@"
