"""Clean documents with zhclean on Spark: in the Python workers (the default),
or through the batch program with RDD.pipe.

    pip install ./python pyspark       # Java 17 must be on the PATH
    python examples/spark_clean.py [--mode inprocess|pipe|both] [--time] [INPUT] [OUTPUT_DIR]

    cargo build --release --example clean    # for --mode pipe and both

INPUT is anything SparkContext.binaryFiles reads (a directory, read
recursively, a glob, or a comma-separated list); by default the documents at
the top of fixtures/ (fixtures/*.txt and fixtures/*.md). Golden
`.expected.json` files are never taken as documents. OUTPUT_DIR defaults to
/tmp/zhclean-spark-out; each mode writes JSON Lines to OUTPUT_DIR/MODE/part-*
(replaced if it exists). Runs on a local Spark with two cores.

Each output line is {"id": path} followed by the Article's fields, or
{"id": path, "error": message}, the same in both modes:

  inprocess  mapPartitions with one zhclean.Cleaner per partition, cleaning
             batches of documents with clean_many(threads=1) (Spark already
             runs one task per core). Needs the zhclean package on the
             executors, nothing else.
  pipe       each file becomes {"id": path, "content_base64": ...} (base64,
             so GBK or Big5 documents arrive as the bytes they are) and every
             partition pipes its lines through one `clean --jsonl-in -j 1`
             process. On a cluster, ship the binary to the executors (on YARN,
             spark-submit --files target/release/examples/clean) and set
             ZHCLEAN_BIN to "./clean".
  both       reads the input once, caches it, runs both, and checks that they
             give the same records.

--time prints how long each mode's job took (the input is read and cached
before, so only cleaning, moving the documents and writing count).
--repeat N takes each document N times, for a large input from few files
(binaryFiles is slow to list tens of thousands of small files). --rounds N
runs the modes N times, taking turns, and reports the best time of each.
"""

import argparse
import base64
import json
import os
import shutil
import sys
import time

from pyspark.sql import SparkSession

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ZHCLEAN_BIN", os.path.join(ROOT, "target/release/examples/clean"))
DEFAULT_INPUT = ",".join(os.path.join(ROOT, "fixtures", pattern) for pattern in ("*.txt", "*.md"))
BATCH = 256


def is_document(path_and_bytes):
    return not path_and_bytes[0].endswith(".expected.json")


def to_input_line(path_and_bytes):
    path, data = path_and_bytes
    return json.dumps({"id": path, "content_base64": base64.b64encode(data).decode("ascii")})


def clean_partition(files):
    """In the Python worker: one Cleaner for the partition, batches of documents."""
    import zhclean

    cleaner = zhclean.Cleaner()
    batch = []
    for item in files:
        batch.append(item)
        if len(batch) == BATCH:
            yield from clean_batch(cleaner, batch)
            batch = []
    yield from clean_batch(cleaner, batch)


def clean_batch(cleaner, batch):
    results = cleaner.clean_many([data for _, data in batch], threads=1)
    for (path, _), article in zip(batch, results):
        # The batch program's record: the id, then the Article or the error.
        record = {"id": path, "error": article["error"]} if "error" in article else {"id": path, **article}
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def run(mode, files, output_dir):
    """The mode's job over `files`: its JSON Lines, saved, and the seconds it took."""
    started = time.perf_counter()
    if mode == "inprocess":
        lines = files.mapPartitions(clean_partition)
    else:
        # Exit status 1 only means some documents failed, each with its error
        # record, so the status is not checked (pipe's default).
        lines = files.map(to_input_line).pipe(f"{BINARY} --jsonl-in -q -j 1")
    lines = lines.cache()
    lines.saveAsTextFile(os.path.join(output_dir, mode))
    return lines, time.perf_counter() - started


def report(mode, lines, seconds, size, show_time):
    records = lines.map(json.loads)
    total = records.count()
    errors = records.filter(lambda r: "error" in r).collect()
    formats = records.filter(lambda r: "error" not in r).map(lambda r: r["format"]).countByValue()
    print(f"{mode}: {total} documents, {len(errors)} errors, formats {dict(sorted(formats.items()))}")
    if show_time:
        print(f"{mode}: {seconds:.2f} s, {size / 1e6 / seconds:.1f} MB/s, {total / seconds:.0f} documents/s")
    for r in errors[:5]:
        print(f"  error {r['id']}: {r['error']}")
    for r in records.filter(lambda r: "error" not in r).take(3):
        print(f"  {os.path.basename(r['id'])}: {r['title']!r} {r['published']} {len(r['text'])} chars")
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("inprocess", "pipe", "both"), default="inprocess")
    parser.add_argument("--time", action="store_true", help="print how long each mode took")
    parser.add_argument("--rounds", type=int, default=1, help="run the modes N times, taking turns; the best time counts")
    parser.add_argument("--partitions", type=int, default=4, help="partitions of the input (default 4)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="take each document N times (ids get #1, #2, ...): a large input from few files"
    )
    parser.add_argument("input", nargs="?", default=DEFAULT_INPUT)
    parser.add_argument("output", nargs="?", default="/tmp/zhclean-spark-out")
    args = parser.parse_args()
    modes = ("inprocess", "pipe") if args.mode == "both" else (args.mode,)
    if "pipe" in modes and not os.access(BINARY, os.X_OK):
        sys.exit(f"{BINARY} not found: run `cargo build --release --example clean` first")
    shutil.rmtree(args.output, ignore_errors=True)
    # The local workers run this script's Python, which has zhclean.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("zhclean")
        # A local demo: keep the driver on the loopback interface.
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    try:
        # (path, bytes) per file, subdirectories included.
        sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        files = sc.binaryFiles(args.input).filter(is_document)
        if args.repeat > 1:
            repeat = args.repeat
            files = files.flatMap(lambda f: ((f"{f[0]}#{i}", f[1]) for i in range(1, repeat + 1)))
        files = files.repartition(args.partitions).cache()
        count, size = files.map(lambda f: (1, len(f[1]))).reduce(lambda a, b: (a[0] + b[0], a[1] + b[1]))
        print(f"input: {count} documents, {size / 1e6:.1f} MB in {files.getNumPartitions()} partitions")
        results = {}
        for n in range(args.rounds):
            for mode in modes:
                output = os.path.join(args.output, f"round{n + 1}") if args.rounds > 1 else args.output
                lines, seconds = run(mode, files, output)
                if mode not in results or seconds < results[mode][1]:
                    results[mode] = (lines, seconds)
                if args.rounds > 1:
                    print(f"round {n + 1}, {mode}: {seconds:.2f} s")
        results = {mode: report(mode, lines, seconds, size, args.time) for mode, (lines, seconds) in results.items()}
        if len(results) == 2:
            a, b = (r.map(lambda rec: (rec["id"], rec)) for r in results.values())
            differ = a.fullOuterJoin(b).filter(lambda kv: kv[1][0] != kv[1][1]).keys().take(5)
            print("both modes give the same records" if not differ else f"records differ: {differ}")
        rounds = "round*/" if args.rounds > 1 else ""
        print(f"results in {args.output}/{rounds}{{{','.join(modes)}}}/part-*")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
