"""Clean a directory of documents with zhclean on Spark, through RDD.pipe.

    cargo build --release --example clean
    pip install pyspark            # Java 17 must be on the PATH
    python examples/spark_clean.py [INPUT_DIR] [OUTPUT_DIR]

INPUT_DIR defaults to fixtures/, OUTPUT_DIR to /tmp/zhclean-spark-out (replaced
if it exists). Runs on a local Spark with two cores; on a cluster, ship the
binary to the executors (on YARN, spark-submit --files
target/release/examples/clean puts it in their working directory) and set
ZHCLEAN_BIN to "./clean".

Each file becomes one JSON line {"id": path, "content_base64": ...} (base64,
so documents in GBK or Big5 arrive as the bytes they are). Every partition
pipes its lines through one `clean --jsonl-in` process, which answers one line
per input line, in order, with the same id: the Article's fields, or "error".
"""

import base64
import json
import os
import shutil
import sys

from pyspark.sql import SparkSession

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ZHCLEAN_BIN", os.path.join(ROOT, "target/release/examples/clean"))


def to_input_line(path_and_bytes):
    path, data = path_and_bytes
    return json.dumps({"id": path, "content_base64": base64.b64encode(data).decode("ascii")})


def main():
    input_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fixtures"))
    output_dir = sys.argv[2] if len(sys.argv) > 2 else "/tmp/zhclean-spark-out"
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"{BINARY} not found: run `cargo build --release --example clean` first")
    shutil.rmtree(output_dir, ignore_errors=True)

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
        files = sc.binaryFiles(input_dir, minPartitions=2)
        # Spark already runs one task per core: one thread per process.
        # Exit status 1 only means some documents failed, each with its error
        # record, so the status is not checked (pipe's default).
        results = files.map(to_input_line).pipe(f"{BINARY} --jsonl-in -q -j 1").cache()
        results.saveAsTextFile(output_dir)

        records = results.map(json.loads)
        total = records.count()
        errors = records.filter(lambda r: "error" in r).collect()
        formats = records.filter(lambda r: "error" not in r).map(lambda r: r["format"]).countByValue()
        print(f"{total} documents, {len(errors)} errors, formats {dict(sorted(formats.items()))}")
        for r in errors:
            print(f"  error {r['id']}: {r['error']}")
        for r in records.filter(lambda r: "error" not in r).take(3):
            print(f"  {os.path.basename(r['id'])}: {r['title']!r} {r['published']} {len(r['text'])} chars")
        print(f"results in {output_dir}/part-*")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
