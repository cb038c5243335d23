#!/usr/bin/env python3
"""Time OpenCC 1.4.2 (PyPI `opencc`, C++ core) against zhclean's examples/convert.

    cargo build --release --example convert
    /tmp/refvenv/bin/python scripts/compare_opencc.py FILE [--bin target/release/examples/convert]

Python is timed on `OpenCC('t2s').convert(text)` alone (file already in
memory, converter already loaded); zhclean is timed as a whole process
(start-up, table build, reading, converting, writing to a pipe), so the ratio
favours Python. Each side runs --runs times and the best run counts. The
outputs are compared byte for byte.
"""
import argparse
import os
import subprocess
import time

import opencc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "examples", "convert"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    with open(args.file, encoding="utf-8") as f:
        text = f.read()
    size = len(text.encode("utf-8")) / 1e6
    converter = opencc.OpenCC("t2s")

    best_py, expected = float("inf"), None
    for _ in range(args.runs):
        start = time.perf_counter()
        expected = converter.convert(text)
        best_py = min(best_py, time.perf_counter() - start)

    best_rs, got = float("inf"), None
    for _ in range(args.runs):
        start = time.perf_counter()
        got = subprocess.run([args.bin, args.file], check=True, capture_output=True).stdout
        best_rs = min(best_rs, time.perf_counter() - start)

    same = got == expected.encode("utf-8")
    print(f"input            {size:.1f} MB, cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    print(f"opencc 1.4.2 py  {best_py:.3f} s  {size / best_py:8.1f} MB/s")
    print(f"zhclean convert  {best_rs:.3f} s  {size / best_rs:8.1f} MB/s")
    print(f"speed-up         {best_py / best_rs:.1f}x   identical output: {same}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
