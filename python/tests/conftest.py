"""Shared fixtures: the repository's fixture documents and the batch program's
JSON for them, computed at test time (both change as the library does)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"

# Files under fixtures/ that are reference data, not documents.
DATA_SUFFIXES = {".json", ".jsonl", ".tsv"}


def is_document(path: Path) -> bool:
    return (
        path.is_file()
        and ".expected." not in path.name
        and path.name != "README.md"
        and path.suffix not in DATA_SUFFIXES
    )


def fixture_documents() -> list:
    """Every document under fixtures/, subdirectories included, sorted."""
    return sorted(p for p in FIXTURES.rglob("*") if is_document(p))


def clean_binary() -> str:
    """The batch program: $ZHCLEAN_CLEAN_BIN, or built (or found up to date) by cargo."""
    if os.environ.get("ZHCLEAN_CLEAN_BIN"):
        return os.environ["ZHCLEAN_CLEAN_BIN"]
    built = subprocess.run(
        ["cargo", "build", "--release", "--example", "clean", "--message-format=json", "--quiet"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in built.splitlines():
        message = json.loads(line)
        if message.get("target", {}).get("name") == "clean" and message.get("executable"):
            return message["executable"]
    raise RuntimeError("cargo built no clean example")


@pytest.fixture(scope="session")
def documents():
    docs = fixture_documents()
    assert len(docs) >= 32, f"only {len(docs)} fixture documents found under {FIXTURES}"
    return docs


@pytest.fixture(scope="session")
def batch_json(documents):
    """batch_json(*flags) -> {path: record} from `clean FLAGS <every document>`."""
    exe = clean_binary()
    cache = {}

    def run(*flags):
        if flags not in cache:
            # Exit status 1 only says that some documents failed.
            out = subprocess.run(
                [exe, "-q", *flags, *map(str, documents)],
                capture_output=True,
                check=False,
            )
            assert out.returncode in (0, 1), out.stderr.decode()
            records = [json.loads(line) for line in out.stdout.splitlines()]
            cache[flags] = {record.pop("path"): record for record in records}
            assert len(cache[flags]) == len(documents)
        return cache[flags]

    return run
