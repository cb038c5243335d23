#!/usr/bin/env bash
# Instructions per input byte of the batch cleaner, counted by valgrind:
# the measure that stays put on a shared, noisy machine, where wall time moves
# by ±20 % from one minute to the next. Use it to compare two builds.
#
#   scripts/count_instructions.sh [BINARY]   (default: the release example)
#
# Three counts of `clean -q -j 1 --no-removed`:
#   start-up  one tiny document: building the tables and patterns;
#   text      512 documents of the text mix that scripts/measure_batch.sh
#             builds (run it once first, with any size);
#   HTML      the 14 held-out whole pages of ../shared/corpus/html, five times.
# Each per-byte figure has the start-up count taken off. Needs valgrind
# (apt-get install valgrind); takes about two minutes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=${1:-target/release/examples/clean}
[ -x "$bin" ] || { echo "no binary $bin (cargo build --release --example clean)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "needs valgrind: apt-get install valgrind" >&2; exit 2; }

. scripts/text_mix.sh
text_mix
text=$mix_dirs

pages=""
for n in chinanews_1 gmw_1 gmw_2 ifeng_1 southcn_1 southcn_2 yangtse_1 yndaily_1 kuqin_1 \
    yahoo_cn_1 yahoo_cn_2 39net_1 39net_2 banyuetan_1; do
    pages="$pages ../shared/corpus/html/$n.html"
done

tiny=$(mktemp)
trap 'rm -f "$tiny"' EXIT
printf '标题\n\n正文。\n' >"$tiny"

count() { # the instructions of one run
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$bin" -q -j 1 --no-removed "$@" 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *//p' | tr -d ,
}

start=$(count "$tiny")
# shellcheck disable=SC2086 # word splitting of the path lists is wanted
t=$(count $text)
# shellcheck disable=SC2086
h=$(count $pages $pages $pages $pages $pages)
# shellcheck disable=SC2086
text_bytes=$(find $text -type f -exec cat {} + | wc -c)
# shellcheck disable=SC2086
page_bytes=$(($(cat $pages | wc -c) * 5))
echo "start-up: $start instructions"
echo "text:     $t over $text_bytes bytes: $(((t - start) / text_bytes)) per byte"
echo "HTML:     $h over $page_bytes bytes: $(((h - start) / page_bytes)) per byte"
