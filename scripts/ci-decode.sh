#!/usr/bin/env bash
# CI steps for odd input (decoding, hostile input) that the plain `cargo test`
# does not cover: bounded fuzzing of clean() and of each format decoder.
#
# Environment:
#   FUZZ_SECONDS         seconds per fuzz target (default 60; 7 targets)
#   FUZZ_SANITIZER       default here none (faster build and runs); address
#                        for AddressSanitizer
#   CI_DECODE_LINEARITY  set to 1 to also print the linear-time ratios
#                        (a release build of the example; ~2 min more)
set -euo pipefail
cd "$(dirname "$0")/.."

# Fuzz every target for a bounded time; fails on any crash, panic or hang.
FUZZ_SECONDS="${FUZZ_SECONDS:-60}" FUZZ_SANITIZER="${FUZZ_SANITIZER:-none}" scripts/fuzz.sh

if [ "${CI_DECODE_LINEARITY:-0}" = 1 ]; then
    # Ratios only, no pass/fail: timings on a shared machine are noisy.
    cargo run --release --example linearity
fi
