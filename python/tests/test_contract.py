"""The dict is the batch program's JSON, field by field, for every fixture
document, with the default options and with each option the program has."""

import pytest

import zhclean


def python_record(data, **options):
    """What the batch program writes for one document, minus its path."""
    try:
        return zhclean.clean(data, **options)
    except zhclean.ZhcleanError as e:
        return {"error": str(e)}


def assert_same(got, want, path):
    assert list(got) == list(want), f"{path}: fields differ"
    for field in want:
        assert got[field] == want[field], f"{path}: field {field!r} differs"


# Each option of the batch program and the same option in Python.
OPTIONS = [
    ((), {}),
    (("--keep-traditional",), {"target": "original"}),
    (("--month-first",), {"month_first": True}),
    (("--no-punctuation",), {"normalize_punctuation": False}),
    (("--no-removed",), {"keep_removed": False}),
    (("--max-bytes", "6000"), {"max_input_bytes": 6000}),
]


@pytest.mark.parametrize("flags,options", OPTIONS, ids=[" ".join(f) or "defaults" for f, _ in OPTIONS])
def test_dict_equals_batch_json(documents, batch_json, flags, options):
    records = batch_json(*flags)
    for path in documents:
        want = records[str(path)]
        assert_same(python_record(path.read_bytes(), **options), want, path)


def test_fixtures_cover_articles_and_every_error(documents, batch_json):
    records = batch_json().values()
    assert sum("error" not in r for r in records) >= 32
    errors = " ".join(r["error"] for r in records if "error" in r)
    assert "empty input" in errors and "not text" in errors
    # --max-bytes 6000 refuses some documents, and only with TooLarge.
    too_large = [r["error"] for r in batch_json("--max-bytes", "6000").values() if "error" in r]
    assert any(e.startswith("input too large") for e in too_large)


def test_str_is_cleaned_as_its_utf8(documents):
    for path in documents:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        assert python_record(text) == python_record(data), path
