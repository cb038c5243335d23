#!/usr/bin/env python3
"""Compare zhclean with trafilatura, GNE and resiliparse on whole HTML pages.

Reference venv (never a dependency of the crate):

    python3 -m venv /work/venv-ref
    /work/venv-ref/bin/pip install opencc==1.4.2 trafilatura==2.3.1 gne==0.4.3 resiliparse

Run from the repository:

    cargo build --release --example clean
    /work/venv-ref/bin/python scripts/compare_html.py [--set heldout|dev|all] [--markdown] [--verbose]

The pages are every `*.html` of ../shared/corpus/html/ that has a truth file
`fixtures/truth/html/NAME.json` (`--set` as in scripts/score.py). Every tool
gets the page only (no URL). The Python tools get the same str, decoded once
as scripts/render_wet.py does (resiliparse's detection honouring the meta
charset), and are timed on the extraction call alone, pinned to one core:

  trafilatura  bare_extraction(html, with_metadata=True,
               include_comments=False, date_extraction_params=…) with
               htmldate's extensive search and a date-time output format;
               `sitename` is the site, not a source, so no source is given
  GNE          GeneralNewsExtractor().extract(html); it gives no source, and
               its "no content" exception counts as an empty body
  resiliparse  extract_plain_text(html, main_content=True): text only

zhclean is the release binary (`clean -q -j 1 FILES…`, under `taskset -c 0`
when available), timed as a whole process over the pages listed --repeat
times (default 20), so that its start-up (building the conversion tables)
counts as it does in a batch and not once per few pages; the Python tools'
import is not timed either. Its records are those of the first pass. Peers' author strings are split on `;`, `,` and spaces
into names without a role. Outputs are scored with scripts/score.py; each
tool is timed --runs times (default 3) and the best run counts. MB/s and
pages/s are input bytes and pages over extraction seconds, on one core.

The runs go in rounds, each tool once a round, so that a round's tools run
at nearby moments of a shared machine; the script also prints zhclean's
speed over trafilatura's round by round, and their median. The Python
tools first make one untimed pass (their records are the ones scored):
their first call sets them up.
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from datetime import date
from importlib.metadata import version

import trafilatura
from gne import GeneralNewsExtractor
from gne.exceptions import NoContentException
from resiliparse.extract.html2text import extract_plain_text

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402  (sibling scripts, not a package)
from render_wet import decode_html  # noqa: E402

ROOT = score.ROOT
HTML_DIR = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "html"))
ZHCLEAN_BIN = os.path.join(ROOT, "target", "release", "examples", "clean")

COLUMNS = (
    ("body", "body kept"),
    ("clean", "chrome gone"),
    ("title", "title"),
    ("date", "date with time"),
    ("source", "source"),
    ("people", "people with roles"),
    ("full", "fully right"),
)


def split_people(s):
    """A peer's author string as people without a role."""
    names = re.split(r"[;,\s]+", unicodedata.normalize("NFKC", s or ""))
    return [{"name": n, "role": None} for n in names if n]


def record(path, title=None, published=None, authors=None, text=""):
    """score.py's record shape for a peer (no `format`: peer rules apply)."""
    return {"path": path, "title": title, "published": published, "source": None,
            "authors": authors or [], "text": text or ""}


# Each peer is (extract: html -> raw output, to_record: (path, raw) -> record);
# only `extract` is timed.

TRAFILATURA_DATES = {
    "extensive_search": True,
    "original_date": True,  # the publication date, not the last modification
    "outputformat": "%Y-%m-%dT%H:%M:%S",
    "max_date": date.today().isoformat(),
}


def trafilatura_extract(html):
    return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                       date_extraction_params=TRAFILATURA_DATES)


def trafilatura_record(path, d):
    if d is None:  # nothing extracted
        return record(path)
    return record(path, d.title, d.date, split_people(d.author), d.text)


GNE = GeneralNewsExtractor()


def gne_extract(html):
    try:
        return GNE.extract(html)
    except NoContentException:
        return None


def gne_record(path, r):
    if r is None:
        return record(path)
    return record(path, r["title"], r["publish_time"], split_people(r["author"]), r["content"])


def resiliparse_extract(html):
    return extract_plain_text(html, main_content=True, alt_texts=False, list_bullets=False)


def resiliparse_record(path, text):
    return record(path, text=text)


PEERS = (
    ("trafilatura", trafilatura_extract, trafilatura_record),
    ("GNE", gne_extract, gne_record),
    ("resiliparse", resiliparse_extract, resiliparse_record),
)


def time_peer(extract, to_record, pages, htmls):
    """(records, total extraction seconds) of one run over the pages."""
    total, out = 0.0, []
    for path, html in zip(pages, htmls):
        start = time.perf_counter()
        try:
            raw, error = extract(html), None
        except Exception as e:  # a crash on one page must not end the comparison
            raw, error = None, f"{type(e).__name__}: {e}"
        total += time.perf_counter() - start
        out.append({"path": path, "error": error} if error else to_record(path, raw))
    return out, total


def zhclean_command(binary, pages, core, repeat):
    """The timed command line, or None with a note when zhclean cannot run."""
    if not os.access(binary, os.X_OK):
        print(f"note: {binary} not found: no zhclean column "
              "(cargo build --release --example clean)", file=sys.stderr)
        return None
    pin = ["taskset", "-c", str(core)] if core is not None and shutil.which("taskset") else []
    return pin + [binary, "-q", "-j", "1", *(pages * repeat)]


def time_zhclean(cmd, pages, repeat):
    """(records of the first pass, seconds a pass) of one run, or None when it failed."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some documents were errors, still scored
        print(f"note: zhclean failed ({proc.returncode}): {proc.stderr.decode(errors='replace').strip()}",
              file=sys.stderr)
        return None
    records = []
    for line in proc.stdout.decode("utf-8").splitlines()[:len(pages)]:
        try:
            records.append(json.loads(line))
        except ValueError:
            print(f"note: zhclean printed a line that is not JSON: {line[:80]!r}", file=sys.stderr)
    return records, seconds / repeat


def select_pages(html_dir, truth_dir, which):
    if not os.path.isdir(html_dir):
        sys.exit(f"compare_html: {html_dir} not found")
    heldout = score.held_out(truth_dir)
    names = sorted(f[:-5] for f in os.listdir(html_dir) if f.endswith(".html"))
    chosen = [os.path.join(html_dir, n + ".html") for n in names
              if os.path.isfile(os.path.join(truth_dir, "html", n + ".json"))
              and score.in_set(f"html/{n}", heldout, which)]
    if not chosen:
        sys.exit(f"compare_html: no page of {html_dir} has a truth file in {truth_dir}/html for set {which}")
    return chosen


def table(rows, markdown):
    """rows: (tool, report, mb_per_s, pages_per_s)."""
    head = ["tool"] + [label for _, label in COLUMNS] + ["list pages", "MB/s", "pages/s"]
    body = []
    for tool, report, mbs, pps in rows:
        n, correct, lists = len(report.articles()), report.correct(), report.lists()
        body.append([tool] + [f"{correct[c]}/{n}" for c, _ in COLUMNS]
                    + [f"{sum(d.ok['full'] for d in lists)}/{len(lists)}", f"{mbs:.2f}", f"{pps:.1f}"])
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in body])
    widths = [max(len(r[i]) for r in [head] + body) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in [head] + body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="all", choices=("heldout", "dev", "all"))
    ap.add_argument("--html-dir", default=HTML_DIR)
    ap.add_argument("--truth", default=score.DEFAULT_TRUTH)
    ap.add_argument("--zhclean-bin", default=ZHCLEAN_BIN)
    ap.add_argument("--runs", type=int, default=3, help="timing runs per tool; the best counts")
    ap.add_argument("--repeat", type=int, default=20,
                    help="times zhclean reads the page list in one timed run (its start-up amortized)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown, with the set-up")
    ap.add_argument("--verbose", action="store_true", help="also list what each tool got wrong, per page")
    args = ap.parse_args()

    pages = select_pages(args.html_dir, args.truth, args.set)
    raw = []
    for p in pages:
        with open(p, "rb") as f:
            raw.append(f.read())
    megabytes = sum(map(len, raw)) / 1e6
    htmls = [decode_html(b) for b in raw]

    core = None
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))  # the first core this process may use
        os.sched_setaffinity(0, {core})
    else:
        print("note: os.sched_setaffinity is not available: timings are not pinned", file=sys.stderr)

    # Rounds: each tool once a round, its time the best of its runs. A
    # Python tool's first call sets itself up (trafilatura's is several times
    # slower than the next): an untimed pass, whose records are scored, comes
    # first.
    cmd = zhclean_command(args.zhclean_bin, pages, core, args.repeat)
    first_records, timings = {}, {}
    for name, extract, to_record in PEERS:
        first_records[name] = time_peer(extract, to_record, pages, htmls)[0]
    for _ in range(args.runs):
        if cmd:
            run = time_zhclean(cmd, pages, args.repeat)
            if run is None:
                cmd = None
            else:
                first_records.setdefault("zhclean", run[0])
                timings.setdefault("zhclean", []).append(run[1])
        for name, extract, to_record in PEERS:
            timings.setdefault(name, []).append(time_peer(extract, to_record, pages, htmls)[1])
    results = [(name, first_records[name], min(timings[name])) for name in timings]

    rows = []
    for name, records, seconds in results:
        for r in records:
            if "error" in r:
                print(f"note: {name} failed on {os.path.basename(r['path'])}: {r['error']}", file=sys.stderr)
        report = score.score_records(records, args.truth, args.set)
        rows.append((name, report, megabytes / seconds, len(pages) / seconds))
        if args.verbose:
            print(f"== {name}")
            for d in sorted(report.docs, key=lambda d: d.key):
                for w in d.why:
                    print(f"  {d.key}: {w}")

    n_articles = len(rows[0][1].articles())
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    if args.markdown:
        print("```sh\n/work/venv-ref/bin/python scripts/compare_html.py"
              + (f" --set {args.set}" if args.set != "all" else "") + " --markdown\n```\n")
        print(f"{len(pages)} pages ({n_articles} articles, {len(pages) - n_articles} list pages, "
              f"{megabytes:.2f} MB), set `{args.set}`; {os.cpu_count()} cores, "
              f"{'timed on one' if core is not None else 'not pinned'}; load average {load}; best of {args.runs} runs; "
              f"Python {platform.python_version()}, trafilatura {version('trafilatura')}, "
              f"GNE {version('gne')}, resiliparse {version('resiliparse')}.\n")
    else:
        print(f"{len(pages)} pages ({n_articles} articles, {megabytes:.2f} MB), set {args.set}, "
              f"{os.cpu_count()} cores (timed on one), load {load}, best of {args.runs} runs")
    print(table(rows, args.markdown))
    print(("\n" if args.markdown else "")
          + "resiliparse gives text only and GNE and trafilatura no source: their counts for the "
          "missing fields are the pages whose truth is empty there. zhclean is timed as a whole "
          f"process over the pages {args.repeat} times, the others on the extraction call only.")
    if "zhclean" in timings and len(timings["zhclean"]) == args.runs:
        ratios = [t / z for z, t in zip(timings["zhclean"], timings["trafilatura"])]
        print(("\n" if args.markdown else "")
              + "zhclean's speed over trafilatura's, round by round: "
              + ", ".join(f"{r:.1f}×" for r in ratios)
              + f"; median {statistics.median(ratios):.1f}×.")
    if score.T2S is None:
        print("note: opencc not installed: outputs compared without t2s conversion")
    return 0


if __name__ == "__main__":
    sys.exit(main())
