#!/usr/bin/env python3
"""Score extractor output against the truth files of fixtures/truth/.

    cargo build --release --example clean
    target/release/examples/clean -q ../shared/corpus/webtext/ > /tmp/webtext.jsonl
    python3 scripts/score.py /tmp/webtext.jsonl [--set heldout|dev|all] [--verbose] [--json]

Input: JSON Lines files of zhclean-style records, `{"path", "title",
"published", "source", "authors": [{"name", "role"}], "text", "format"}`; a
record with an `"error"` is all wrong. A record's `path` names its document:
`…/webtext/NAME.txt` is scored against `webtext/NAME.json`, `…/html/NAME.html`
against `html/NAME.json`, `…/rendered/NAME.txt` against `rendered/NAME.json`
when it exists, else `html/NAME.json`. `--set` keeps the documents held out
in `split.txt`, the others, or all (a rendering is held out iff its page is).

A record that has a `format` is zhclean's and is held to zhclean's contract:
the exact `published` string, roles as stated. A record without one is a peer
tool's (scripts/compare_html.py writes those): a naive date-time is right when
its local date and time agree to the minute, and people without roles
(`role: null`) are right when every truth role is an author role and the
names agree.

Criteria, on text normalized once by `norm` (NFKC, OpenCC t2s when the
`opencc` package is installed, full-width `，：；！？（）` as ASCII, no
whitespace):
  body    the text holds `first`, `last` and every `middle`
  clean   no `chrome` snippet in the text, the text starts with `first` (or
          its first line does, after a dateline of at most 25 characters such
          as `中国网5月13日讯`), and its last line holds `last`
  title   equal;  date  see above (`null` truth: right iff none given)
  source  equal, or both null;  people  the (name, role) multiset is equal
  full    all six
For a `kind: list` truth every criterion is right iff the record gives no
body (zhclean: format `unknown` or empty text; peers: empty text); list pages
are counted apart from the articles.

Importable: `score_records(records, truth_dir, set)` returns a `Report`.
Pure standard library, plus `opencc` if available.
"""
import argparse
import json
import os
import re
import signal
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

try:
    import opencc

    T2S = opencc.OpenCC("t2s")
except ImportError:
    T2S = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TRUTH = os.path.join(ROOT, "fixtures", "truth")
CRITERIA = ("body", "clean", "title", "date", "source", "people")

# Longest dateline that may stand before `first` on the first line.
MAX_DATELINE_CHARS = 25
AUTHOR_ROLES = {"作者", "记者", "通讯员", "实习生", "特约记者", "见习记者", "摄影"}
# Pages without a stated offset are Chinese local time (truth README).
CHINA = timezone(timedelta(hours=8))

_PUNCT = str.maketrans("，：；！？（）", ",:;!?()")


def norm(s):
    """The one normalization of every compared string, output and truth alike."""
    s = unicodedata.normalize("NFKC", s or "")
    if T2S is not None:
        s = T2S.convert(s)
    return "".join(s.translate(_PUNCT).split())


# ---------------------------------------------------------------- documents

_PATH = re.compile(r"(?:^|/)(webtext|html|rendered)/([^/]+)\.(txt|html)$")


def doc_key(path):
    """`webtext/NAME`, `html/NAME` or `rendered/NAME` for a record's path, or None."""
    m = _PATH.search((path or "").replace(os.sep, "/"))
    if not m or (m.group(1) == "html") != (m.group(3) == "html"):
        return None
    return f"{m.group(1)}/{m.group(2)}"


def truth_file(key, truth_dir):
    """The truth file (relative to truth_dir) that scores the document `key`, or None."""
    kind, name = key.split("/", 1)
    candidates = [f"{key}.json"] + ([f"html/{name}.json"] if kind == "rendered" else [])
    for rel in candidates:
        if os.path.isfile(os.path.join(truth_dir, rel)):
            return rel
    return None


def held_out(truth_dir):
    """The document keys of split.txt (empty, with a note, when it is missing)."""
    path = os.path.join(truth_dir, "split.txt")
    try:
        with open(path, encoding="utf-8") as f:
            return {line.strip() for line in f if line.strip() and not line.startswith("#")}
    except FileNotFoundError:
        print(f"score: {path} not found: no document is held out", file=sys.stderr)
        return set()


def in_set(key, heldout, which):
    if which == "all":
        return True
    kind, name = key.split("/", 1)
    is_held = (f"html/{name}" if kind == "rendered" else key) in heldout
    return is_held == (which == "heldout")


# -------------------------------------------------------------------- dates

_RFC3339 = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(Z|[+-]\d\d:\d\d))?$")
# Peers print dates many ways: 2024-05-13 12:03, 2024.05.11, 2016年10月14日07:17,
# 2024-05-09T14:30:07.000Z.
_LOOSE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*T?\s*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*\d{1,2})?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d\d:?\d\d)?"
)


def _offset(s):
    if s is None:
        return None
    if s == "Z":
        return timezone.utc
    sign = -1 if s[0] == "-" else 1
    digits = s[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _parse(m):
    """(datetime to the minute, has_time) from a match of _RFC3339 or _LOOSE
    (both: year, month, day, hour, minute first, the offset last), or None."""
    y, mo, d, h, mi = m.group(1, 2, 3, 4, 5)
    offset = _offset(m.group(m.re.groups))
    try:
        dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), tzinfo=offset)
    except ValueError:
        return None
    return dt, h is not None


def date_ok(got, want, strict):
    """Whether `got` is the truth's `want` (see the module doc); `strict` for zhclean."""
    got = (got or "").strip() or None
    if want is None or got is None or strict:
        return got == want
    m = _RFC3339.match(want)
    w = m and _parse(m)
    m = _LOOSE.search(got)
    g = m and _parse(m)
    if not w or not g:
        return False
    (wdt, wtime), (gdt, gtime) = w, g
    if gdt.tzinfo is not None:
        # An aware peer value (often UTC) is read in the truth's zone.
        gdt = gdt.astimezone(wdt.tzinfo or CHINA).replace(tzinfo=None)
    wdt = wdt.replace(tzinfo=None)
    if not wtime:
        return gdt.date() == wdt.date()
    return bool(gtime) and gdt == wdt


# ------------------------------------------------------------------- people

def people_ok(got, want):
    """Whether the record's people are the truth's (see the module doc)."""
    got = [(norm(p.get("name")), p.get("role")) for p in got or []]
    want = [(norm(p["name"]), p["role"]) for p in want or []]
    if got and all(role is None for _, role in got):
        return all(role in AUTHOR_ROLES for _, role in want) and {n for n, _ in got} == {n for n, _ in want}
    return Counter(got) == Counter(want)


def _people(ps):
    return ", ".join(f"{p.get('name')}/{p.get('role')}" for p in ps or []) or "none"


# ------------------------------------------------------------------ scoring

def _short(s, n=60):
    """A value for a failure line: quoted, cut at n characters, null for None."""
    if s is None:
        return "null"
    s = str(s)
    return json.dumps(s if len(s) <= n else s[:n] + "…", ensure_ascii=False)


@dataclass
class DocResult:
    key: str  # the record's document, e.g. "rendered/people_1"
    truth: str  # the truth file used, relative to the truth directory
    kind: str  # "article" or "list"
    ok: dict  # criterion (and "full") -> bool
    why: list = field(default_factory=list)  # what failed, with the values


@dataclass
class Report:
    set: str
    truth_dir: str
    docs: list = field(default_factory=list)
    no_truth: list = field(default_factory=list)  # record paths with no truth file
    missing: list = field(default_factory=list)  # truth documents of the set with no record

    def articles(self):
        return [d for d in self.docs if d.kind != "list"]

    def lists(self):
        return [d for d in self.docs if d.kind == "list"]

    def correct(self):
        """Criterion (and "full") -> number of articles right."""
        arts = self.articles()
        return {c: sum(d.ok[c] for d in arts) for c in CRITERIA + ("full",)}

    def summary(self):
        lists = self.lists()
        return {
            "set": self.set,
            "truth": self.truth_dir,
            "t2s": T2S is not None,
            "articles": len(self.articles()),
            "correct": self.correct(),
            "lists": {"correct": sum(d.ok["full"] for d in lists), "total": len(lists)},
            "no_truth": self.no_truth,
            "missing": self.missing,
            "documents": [d.__dict__ for d in self.docs],
        }


def score_record(rec, truth):
    """Score one record against one truth (dict): (ok, why)."""
    if "error" in rec:
        return dict.fromkeys(CRITERIA, False), [f"error: {rec['error']}"]
    text = rec.get("text") or ""
    is_zhclean = "format" in rec
    if truth.get("kind") == "list":
        right = not text.strip() or (is_zhclean and rec.get("format") == "unknown")
        why = [] if right else [f"list page, but got a body (format {rec.get('format')}): {_short(text)}"]
        return dict.fromkeys(CRITERIA, right), why

    why = []
    t = norm(text)
    first, last = norm(truth.get("first")), norm(truth.get("last"))
    absent = [s for s in [truth.get("first"), truth.get("last")] + list(truth.get("middle") or []) if norm(s) not in t]
    if absent:
        why.append("body: missing " + ", ".join(_short(s) for s in absent))
    lines = [line for line in text.split("\n") if line.strip()]
    last_line = lines[-1] if lines else ""
    dirt = [s for s in truth.get("chrome") or [] if norm(s) and norm(s) in t]
    clean_why = [f"chrome {_short(s)}" for s in dirt]
    # A dateline opening the first paragraph (`中国网5月13日讯`, `新华社北京5月
    # 15日电`) is the article's own: `first` may follow it on the first line.
    first_line = norm(lines[0]) if lines else ""
    at = first_line.find(first) if first else -1
    if not (t.startswith(first) or 0 <= at <= MAX_DATELINE_CHARS):
        clean_why.append(f"starts {_short(text.lstrip()[:30])}, not {_short(truth.get('first'))}")
    if last not in norm(last_line):
        clean_why.append(f"last line {_short(last_line)} lacks {_short(truth.get('last'))}")
    if clean_why:
        why.append("clean: " + "; ".join(clean_why))
    ok = {"body": not absent, "clean": not clean_why}

    ok["title"] = norm(rec.get("title")) == norm(truth.get("title"))
    if not ok["title"]:
        why.append(f"title: got {_short(rec.get('title'))}, want {_short(truth.get('title'))}")
    ok["date"] = date_ok(rec.get("published"), truth.get("published"), is_zhclean)
    if not ok["date"]:
        why.append(f"date: got {_short(rec.get('published'))}, want {_short(truth.get('published'))}")
    got_src, want_src = rec.get("source") or None, truth.get("source") or None
    ok["source"] = norm(got_src) == norm(want_src)
    if not ok["source"]:
        why.append(f"source: got {_short(got_src)}, want {_short(want_src)}")
    ok["people"] = people_ok(rec.get("authors"), truth.get("authors"))
    if not ok["people"]:
        why.append(f"people: got {_people(rec.get('authors'))}; want {_people(truth.get('authors'))}")
    return ok, why


def _expected_keys(kinds, truth_dir, heldout, which):
    """The documents of the set that records of these kinds should cover."""
    def names(sub):
        d = os.path.join(truth_dir, sub)
        return {f[:-5] for f in os.listdir(d) if f.endswith(".json")} if os.path.isdir(d) else set()

    keys = set()
    for kind in kinds:
        found = names(kind) | (names("html") if kind == "rendered" else set())
        keys |= {f"{kind}/{n}" for n in found}
    return {k for k in keys if in_set(k, heldout, which)}


def score_records(records, truth_dir=DEFAULT_TRUTH, set="all"):
    """Score records (dicts with a `path`) against truth_dir; `set` is heldout|dev|all."""
    if set not in ("heldout", "dev", "all"):
        raise ValueError(f"set must be heldout, dev or all, not {set!r}")
    heldout = held_out(truth_dir)
    report = Report(set=set, truth_dir=truth_dir)
    seen = {}  # document key -> DocResult
    for rec in records:
        key = doc_key(rec.get("path"))
        rel = key and truth_file(key, truth_dir)
        if rel is None:
            report.no_truth.append(rec.get("path"))
            continue
        if not in_set(key, heldout, set):
            continue
        try:
            with open(os.path.join(truth_dir, rel), encoding="utf-8") as f:
                truth = json.load(f)
        except (OSError, ValueError) as e:
            print(f"score: cannot read truth {rel}: {e}", file=sys.stderr)
            continue
        if key in seen:
            print(f"score: {key} has two records (the last one counts)", file=sys.stderr)
        ok, why = score_record(rec, truth)
        ok["full"] = all(ok[c] for c in CRITERIA)
        seen[key] = DocResult(key, rel, truth.get("kind", "article"), ok, why)
    report.docs = list(seen.values())
    kinds = {key.split("/")[0] for key in map(doc_key, (r.get("path") for r in records)) if key}
    report.missing = sorted(_expected_keys(kinds, truth_dir, heldout, set) - seen.keys())
    return report


# --------------------------------------------------------------- input, CLI

def load_jsonl(paths):
    """All records of the JSON Lines files; bad lines are reported and skipped."""
    records = []
    for path in paths:
        try:
            f = open(path, encoding="utf-8")
        except OSError as e:
            sys.exit(f"score: {path}: {e.strerror}")
        with f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except ValueError as e:
                    print(f"score: {path}:{n}: not JSON ({e}), skipped", file=sys.stderr)
    return records


def format_table(report):
    arts, lists = report.articles(), report.lists()
    correct = report.correct()
    rows = [f"{'criterion':<11}{'correct':>8}{'of':>5}"]
    rows += [f"{c:<11}{correct[c]:>8}{len(arts):>5}" for c in CRITERIA + ("full",)]
    rows.append(f"{'list pages':<11}{sum(d.ok['full'] for d in lists):>8}{len(lists):>5}")
    return "\n".join(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jsonl", nargs="+", help="JSON Lines files of records")
    ap.add_argument("--truth", default=DEFAULT_TRUTH, help="truth directory (default fixtures/truth)")
    ap.add_argument("--set", default="all", choices=("heldout", "dev", "all"))
    ap.add_argument("--verbose", action="store_true", help="one line per document: what failed and why")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `score.py … --verbose | head` ends quietly
    if not os.path.isdir(args.truth):
        sys.exit(f"score: truth directory {args.truth} not found")

    report = score_records(load_jsonl(args.jsonl), args.truth, args.set)
    if args.json:
        print(json.dumps(report.summary(), ensure_ascii=False, indent=1))
        return 0
    if T2S is None:
        print("note: opencc not installed: output is compared without t2s conversion")
    if args.verbose:
        for d in sorted(report.docs, key=lambda d: d.key):
            status = "ok" if d.ok["full"] else "FAIL"
            print(f"{status:<5}{d.key} ({d.kind}, {d.truth})")
            for w in d.why:
                print(f"       {w}")
    print(f"set {report.set}: {len(report.articles())} articles, {len(report.lists())} list pages")
    print(format_table(report))
    if report.no_truth:
        print(f"{len(report.no_truth)} record(s) have no truth file" + (
            ": " + ", ".join(report.no_truth) if args.verbose else ""))
    if report.missing:
        print(f"{len(report.missing)} truth document(s) of the set have no record" + (
            ": " + ", ".join(report.missing) if args.verbose else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
