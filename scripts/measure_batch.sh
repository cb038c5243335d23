#!/usr/bin/env bash
# Measure the batch cleaner (examples/clean.rs) on a large replicated corpus:
# throughput with -j 1 and -j 2, their ratio, and peak RSS.
#
#   scripts/measure_batch.sh [MB]     (default 1024)
#
# Builds the release example, fills $WORK (default /tmp/zhclean-measure) with
# hard-linked copies of the files at the top of fixtures/ until they add up to MB megabytes (hard
# links: no disk space, and no disk speed measured either, since the files
# are cached), then runs the cleaner under /usr/bin/time -v.
set -euo pipefail

mb=${1:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-/tmp/zhclean-measure}
corpus=$work/corpus-${mb}MB

if [ ! -x /usr/bin/time ]; then
    echo "needs /usr/bin/time: apt-get install time" >&2
    exit 2
fi

cd "$root"
cargo build --release --example clean --quiet
bin=$(cargo build --release --example clean --message-format=json --quiet |
    sed -n 's/.*"executable":"\([^"]*examples\/clean\)".*/\1/p' | tail -1)
[ -x "$bin" ] || { echo "cannot find the built example" >&2; exit 2; }

# The documents at the top of fixtures/ (not their golden .expected.json
# files): subdirectories hold other stages'
# reference data (conversion tables, encodings), not a news corpus.
fixture_bytes=$(find fixtures -maxdepth 1 -type f ! -name '*.expected.json' -exec cat {} + | wc -c)
copies=$(( (mb * 1000000 + fixture_bytes - 1) / fixture_bytes ))
if [ ! -f "$corpus/.complete" ]; then
    echo "replicating fixtures/ ($fixture_bytes bytes) $copies times into $corpus" >&2
    rm -rf "$corpus"
    mkdir -p "$corpus/.template"
    find fixtures -maxdepth 1 -type f ! -name '*.expected.json' -exec cp -l {} "$corpus/.template/" \;
    for i in $(seq -w 1 "$copies"); do
        # Directories of 100 copies keep each listing small.
        d=$corpus/$((10#$i / 100))
        mkdir -p "$d"
        cp -rl "$corpus/.template" "$d/$i"
    done
    touch "$corpus/.complete"
fi

measure() { # threads
    local log=$work/time-j$1.log
    /usr/bin/time -v "$bin" -q -j "$1" --no-removed "$corpus" >/dev/null 2>"$log" || true
    report "-j $1" "$log"
    grep ' documents (' "$log" | tail -1 | sed -n 's/.*: \([0-9.]*\) MB\/s.*/\1/p'
}

report() { # label log: the summary line, CPU time and peak RSS from time -v
    local summary mb user sys rss
    summary=$(grep ' documents (' "$2" | tail -1)
    mb=$(echo "$summary" | sed -n 's/.*, \([0-9.]*\) MB in .*/\1/p')
    user=$(sed -n 's/.*User time (seconds): //p' "$2")
    sys=$(sed -n 's/.*System time (seconds): //p' "$2")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$2")
    echo "$1: $summary" >&2
    # MB per CPU second does not depend on other work sharing the cores.
    awk -v mb="$mb" -v u="$user" -v s="$sys" -v rss="$rss" 'BEGIN {
        printf "    CPU %.2f s user + %.2f s sys = %.1f MB per CPU second; peak RSS %.0f MB\n",
            u, s, mb / (u + s), rss / 1024 }' >&2
}

one=$(measure 1)
two=$(measure 2)
echo "speed-up -j 2 / -j 1: $(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", b / a }')x" >&2
# Also with `removed` kept (the default), which makes the output larger.
/usr/bin/time -v "$bin" -q "$corpus" >/dev/null 2>"$work/time-default.log" || true
report "defaults, all cores" "$work/time-default.log"

# Streaming mode over the same amount of input, when python3 is there to
# write the JSON Lines (once; kept like the corpus).
if command -v python3 >/dev/null; then
    jsonl=$work/corpus-${mb}MB.jsonl
    if [ ! -f "$jsonl" ]; then
        python3 - "$mb" "$jsonl" <<'PY'
import base64, json, os, sys
mb, out = int(sys.argv[1]), sys.argv[2]
docs = []
for name in sorted(os.listdir("fixtures")):
    path = os.path.join("fixtures", name)
    if os.path.isfile(path) and not name.endswith(".expected.json"):
        data = open(path, "rb").read()
        try:
            docs.append({"content": data.decode("utf-8")})
        except UnicodeDecodeError:
            docs.append({"content_base64": base64.b64encode(data).decode("ascii")})
with open(out + ".tmp", "w", encoding="utf-8") as f:
    n = size = 0
    while size < mb * 1_000_000:
        for doc in docs:
            line = json.dumps({"id": n, **doc}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
os.rename(out + ".tmp", out)
PY
    fi
    /usr/bin/time -v "$bin" -q --jsonl-in <"$jsonl" >/dev/null 2>"$work/time-jsonl.log" || true
    report "--jsonl-in, all cores" "$work/time-jsonl.log"
fi

echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (figures need idle cores)" >&2
