"""Throughput of zhclean.Cleaner.clean_many beside the batch program's.

    python python/bench.py [--mb 100] [--runs 3] [--threads 1,2]

Both get the same input: the documents at the top of fixtures/ (not their
golden .expected.json files) replicated to about --mb megabytes. The batch
program (target/release/examples/clean, built here if missing) reads them from
a tree of hard links (no disk space; the files are in the page cache) and
writes JSON Lines to /dev/null; clean_many gets them as a list of bytes in
memory and returns the dicts. Each figure is the best of --runs runs (the two
take turns), with the process's CPU time beside it (CPU seconds / wall
seconds shows how many cores were busy). Prints a Markdown table for
python/README.md.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import zhclean

ROOT = Path(__file__).resolve().parent.parent


def documents():
    """(name, bytes) of the fixtures the batch program's README command cleans."""
    fixtures = ROOT / "fixtures"
    return [
        (p.name, p.read_bytes())
        for p in sorted(fixtures.iterdir())
        if p.is_file() and not p.name.endswith(".expected.json")
    ]


def binary():
    built = subprocess.run(
        ["cargo", "build", "--release", "--example", "clean", "--message-format=json", "--quiet"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in built.splitlines():
        message = json.loads(line)
        if message.get("target", {}).get("name") == "clean" and message.get("executable"):
            return message["executable"]
    sys.exit("cannot find the built clean example")


def corpus_tree(docs, copies, work):
    """A directory of `copies` hard-linked copies of docs, made once."""
    tree = work / f"corpus-{copies}x"
    if not (tree / ".complete").exists():
        shutil.rmtree(tree, ignore_errors=True)
        template = tree / ".template"
        template.mkdir(parents=True)
        for name, _ in docs:
            os.link(ROOT / "fixtures" / name, template / name)
        for i in range(copies):
            # Directories of 100 copies keep each listing small.
            shutil.copytree(template, tree / str(i // 100) / str(i), copy_function=os.link)
        (tree / ".complete").touch()
    return tree


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=100, help="input size in MB (10^6 bytes); default 100")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure, the best is kept; default 3")
    parser.add_argument("--threads", default="1,2", help="thread counts, comma-separated; default 1,2")
    parser.add_argument("--batch", type=int, default=1000, help="documents per clean_many call; default 1000")
    parser.add_argument("--work", default="/tmp/zhclean-pybench", help="where the file tree goes")
    args = parser.parse_args()

    docs = documents()
    unit = sum(len(data) for _, data in docs)
    copies = max(1, round(args.mb * 1e6 / unit))
    data = [d for _ in range(copies) for _, d in docs]
    size = sum(map(len, data))
    tree = corpus_tree(docs, copies, Path(args.work))
    exe = binary()
    print(f"input: {len(docs)} fixtures ({unit} bytes) x {copies} = {len(data)} documents, {size / 1e6:.1f} MB")

    def run_binary(threads):
        def once():
            cpu, start = children_cpu(), time.perf_counter()
            subprocess.run([exe, "-q", "-j", str(threads), str(tree)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - start, children_cpu() - cpu

        return once

    def run_clean_many(threads):
        cleaner = zhclean.Cleaner()

        def once():
            cpu, start = time.process_time(), time.perf_counter()
            for i in range(0, len(data), args.batch):
                results = cleaner.clean_many(data[i : i + args.batch], threads=threads)
                del results
            return time.perf_counter() - start, time.process_time() - cpu

        return once

    zhclean.clean(data[0])  # build the tables outside the timings
    load_before = os.getloadavg()
    rows = []
    for threads in (int(t) for t in args.threads.split(",")):
        # Runs alternate between the two, so that a change of load elsewhere
        # on the machine touches both alike.
        binary_runs, python_runs = [], []
        for _ in range(args.runs):
            binary_runs.append(run_binary(threads)())
            python_runs.append(run_clean_many(threads)())
        for label, runs in ((f"batch program `clean -j {threads}`", binary_runs), (f"`clean_many(threads={threads})`", python_runs)):
            wall, cpu = min(runs)
            rows.append((label, threads, wall, cpu))
            print(f"{label}: best {wall:.2f} s of {', '.join(f'{w:.2f}' for w, _ in runs)}; {size / 1e6 / wall:.1f} MB/s, CPU {cpu:.2f} s", flush=True)

    print()
    print(f"{os.cpu_count()} cores, load average before: {' '.join(f'{x:.2f}' for x in load_before)}")
    print()
    print("| run | wall time (best of %d) | throughput | documents/s | CPU time | ratio to the batch program |" % args.runs)
    print("|---|---|---|---|---|---|")
    binary_wall = {}
    for label, threads, wall, cpu in rows:
        if label.startswith("batch"):
            binary_wall[threads] = wall
            ratio = "—"
        else:
            ratio = f"{binary_wall[threads] / wall:.2f}×"
        print(f"| {label} | {wall:.2f} s | {size / 1e6 / wall:.1f} MB/s | {len(data) / wall:,.0f} | {cpu:.2f} s | {ratio} |")
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
