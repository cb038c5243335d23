#!/bin/sh
# CI steps for the convert module (traditional → simplified, OpenCC 1.4.2).
# Run from the repository root. Needs root (or sudo) for apt-get.
set -eu

# The opencc-sys feature links the system OpenCC (Debian 12: 1.1.6).
if ! pkg-config --exists opencc 2>/dev/null; then
    apt-get update
    apt-get install -y --no-install-recommends libopencc-dev pkg-config
fi

cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --features opencc-sys -- -D warnings

# Exactness against OpenCC 1.4.2 (fixtures/opencc/, no Python needed), API
# and classification tests, property tests against a slow model of OpenCC's
# algorithm, unit tests of the matcher.
cargo test --test convert_exact --test convert_api --test convert_model
cargo test --lib convert::
# Differential test against the system OpenCC, known differences listed in
# fixtures/opencc/sys_known_differences.tsv.
cargo test --features opencc-sys --test convert_sys

# The example must build; the benchmark must compile (running it is optional).
cargo build --release --example convert
printf '乾隆皇帝的頭髮\n' | ./target/release/examples/convert | grep -qx '乾隆皇帝的头发'
cargo bench --bench convert --no-run
