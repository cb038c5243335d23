#!/usr/bin/env bash
# CI for the Python package in python/: lints its crate, builds and installs
# the package with the datatrove extra in a fresh virtual environment, and
# runs its Rust unit tests and pytest (which compares it with the batch
# program, built here). Needs only the Rust toolchain, gcc, Python 3.11 and
# pip; maturin and the Python packages come from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
python=$(command -v python3.11 || command -v python3)
venv=target/py-ci-venv

echo "== Python package: format and lints of its crate"
(cd python && cargo fmt -- --check && cargo clippy --all-targets -- -D warnings)

echo "== Python package: build and install (pip install ./python[datatrove])"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "./python[datatrove]" pytest
"$venv/bin/python" -c 'import zhclean, sys; print("zhclean", zhclean.__version__, "on Python", sys.version.split()[0])'

echo "== Python package: unit tests of its crate"
# The release profile reuses what the wheel's build compiled.
(cd python && cargo test --release)

echo "== Python package: pytest python/tests (against the batch program)"
cargo build --release --example clean
# ZHCLEAN_TEST_ALL: a missing optional dependency fails instead of skipping.
ZHCLEAN_TEST_ALL=1 "$venv/bin/python" -m pytest python/tests -p no:cacheprovider -q
