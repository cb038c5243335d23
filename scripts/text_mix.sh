# Sourced by the instruction-counting scripts: `text_mix` sets `mix_dirs`
# to the 16 directories (512 documents) of the text mix that
# scripts/measure_batch.sh builds under $WORK (default /tmp/zhclean-measure),
# or exits when there is none.
text_mix() {
    local work=${WORK:-/tmp/zhclean-measure} corpus
    corpus=$(ls -d "$work"/corpus-*MB 2>/dev/null | head -1 || true)
    [ -n "$corpus" ] && [ -d "$corpus/0/016" ] ||
        { echo "no text mix under $work: run scripts/measure_batch.sh 100 first" >&2; exit 2; }
    mix_dirs=$(for i in $(seq -w 1 16); do echo "$corpus/0/0$i"; done)
}
