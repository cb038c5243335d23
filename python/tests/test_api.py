"""Options, exceptions, bad input, t2s, pickling, and the stub's agreement with
the module."""

import ast
import inspect
import pickle
from pathlib import Path

import pytest

import zhclean

PLAIN_DATED = "敢对群众负责\n\n03.12.2015  15:01\n\n  在十多年的工作中,我深刻体会到这一点。\n"
TRADITIONAL = "這是一個關於臺灣的測試\n\n03.12.2015  15:01\n\n  學習與發展,繁體中文的文章。\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def test_defaults():
    article = zhclean.clean(PLAIN_DATED)
    assert article["title"] == "敢对群众负责"
    assert article["published"] == "2015-12-03T15:01:00+08:00"
    assert article["text"] == "在十多年的工作中，我深刻体会到这一点。"
    assert article["format"] == "plain_dated"
    assert [r["kind"] for r in article["removed"]] == ["metadata", "metadata"]
    assert zhclean.Cleaner().clean(PLAIN_DATED) == article


def test_target():
    assert zhclean.clean(TRADITIONAL)["text"] == "学习与发展，繁体中文的文章。"
    kept = zhclean.clean(TRADITIONAL, target="original")
    assert kept["text"] == "學習與發展，繁體中文的文章。"
    assert kept["script"] == "traditional"
    with pytest.raises(ValueError, match='target must be "simplified" or "original"'):
        zhclean.Cleaner(target="traditional")


def test_normalize_punctuation():
    assert zhclean.clean(PLAIN_DATED, normalize_punctuation=False)["text"] == "在十多年的工作中,我深刻体会到这一点。"


def test_month_first_and_offset():
    assert zhclean.clean(PLAIN_DATED, month_first=True)["published"] == "2015-03-12T15:01:00+08:00"
    assert zhclean.clean(PLAIN_DATED, default_offset_minutes=-90)["published"] == "2015-12-03T15:01:00-01:30"
    # Clamped to ±23:59, as the library does.
    assert zhclean.clean(PLAIN_DATED, default_offset_minutes=10_000)["published"].endswith("+23:59")


def test_keep_removed():
    assert zhclean.clean(PLAIN_DATED, keep_removed=False)["removed"] == []


def test_format():
    forced = zhclean.clean(PLAIN_DATED, format="unknown")
    assert forced["format"] == "unknown"
    assert forced["title"] == "敢对群众负责"
    with pytest.raises(ValueError, match="unknown variant `html5`, expected one of .*`portal`"):
        zhclean.Cleaner(format="html5")


def test_max_input_bytes():
    size = len(PLAIN_DATED.encode())
    assert zhclean.clean(PLAIN_DATED, max_input_bytes=size)["title"]
    with pytest.raises(zhclean.TooLarge) as caught:
        zhclean.clean(PLAIN_DATED, max_input_bytes=size - 1)
    assert str(caught.value) == f"input too large: {size} bytes, over the limit of {size - 1} bytes"


def test_unknown_option():
    with pytest.raises(TypeError, match="unexpected keyword argument 'month_frist'"):
        zhclean.clean(PLAIN_DATED, month_frist=True)
    with pytest.raises(TypeError):
        zhclean.Cleaner("original")  # options are keyword-only


@pytest.mark.parametrize(
    "data,exception,message",
    [
        (b"", zhclean.EmptyInput, "empty input: 0 bytes, no text after decoding"),
        (" \n\t\u3000", zhclean.EmptyInput, "empty input: 6 bytes, no text after decoding"),
        (PNG, zhclean.NotText, "not text: "),
        (b"x" * 11, zhclean.TooLarge, "input too large: 11 bytes, over the limit of 10 bytes"),
    ],
)
def test_exceptions(data, exception, message):
    with pytest.raises(exception) as caught:
        zhclean.clean(data, max_input_bytes=10) if exception is zhclean.TooLarge else zhclean.clean(data)
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, zhclean.ZhcleanError)
    assert isinstance(caught.value, ValueError)
    assert type(caught.value).__module__ == "zhclean"


def test_exception_hierarchy():
    for exception in (zhclean.EmptyInput, zhclean.NotText, zhclean.TooLarge):
        assert exception.__mro__[1] is zhclean.ZhcleanError
    assert zhclean.ZhcleanError.__mro__[1] is ValueError


@pytest.mark.parametrize("bad", [None, 42, 1.5, bytearray(b"abc"), memoryview(b"abc"), ["text"]])
def test_bad_types_raise_type_error(bad):
    with pytest.raises(TypeError, match=f"a document must be bytes or str, not {type(bad).__name__}"):
        zhclean.clean(bad)
    with pytest.raises(TypeError, match=f"a document must be bytes or str, not {type(bad).__name__}"):
        zhclean.Cleaner().clean(bad)


def test_lone_surrogates():
    with pytest.raises(UnicodeEncodeError):
        zhclean.clean("标题\udcff")


def test_100_mb_string_over_the_limit():
    huge = "新" * 34_000_000  # 102 MB of UTF-8
    with pytest.raises(zhclean.TooLarge, match="input too large: 102000000 bytes, over the limit of 67108864 bytes"):
        zhclean.clean(huge)
    with pytest.raises(zhclean.TooLarge):
        zhclean.clean(huge.encode())
    [entry] = zhclean.Cleaner().clean_many([huge])
    assert entry["error_type"] == "TooLarge"


def test_t2s():
    assert zhclean.t2s("這是繁體字，後來") == "这是繁体字，后来"
    same = "已经是简体"
    assert zhclean.t2s(same) is same
    assert zhclean.t2s("") == ""
    with pytest.raises(TypeError):
        zhclean.t2s(b"bytes")


def test_pickle_and_repr():
    cleaner = zhclean.Cleaner(target="original", month_first=True, max_input_bytes=1000, format="portal")
    copy = pickle.loads(pickle.dumps(cleaner))
    assert repr(copy) == repr(cleaner)
    assert repr(cleaner) == (
        "Cleaner(target='original', normalize_punctuation=True, month_first=True, "
        "default_offset_minutes=480, keep_removed=True, max_input_bytes=1000, format='portal')"
    )
    assert copy.clean(PLAIN_DATED) == cleaner.clean(PLAIN_DATED)


STUB = Path(zhclean.__file__).with_name("_zhclean.pyi")


def stub_definitions():
    """{qualified name: ast node} of the stub's classes and functions."""
    tree = ast.parse(STUB.read_text())
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            found[node.name] = node
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        found[f"{node.name}.{item.name}"] = item
    return found


def runtime(name):
    obj = zhclean
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def test_stub_docstrings_are_the_modules():
    definitions = stub_definitions()
    documented = [name for name, node in definitions.items() if ast.get_docstring(node)]
    assert set(documented) >= {"Cleaner", "Cleaner.clean", "Cleaner.clean_many", "clean", "t2s", "TooLarge"}
    for name in documented:
        assert ast.get_docstring(definitions[name]) == inspect.getdoc(runtime(name)), name
    assert ast.get_docstring(ast.parse(STUB.read_text())) == inspect.getdoc(zhclean._zhclean)


def stub_parameters(node):
    args = node.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    defaults = [None] * (len(args.posonlyargs + args.args) - len(args.defaults)) + args.defaults + args.kw_defaults
    return [
        (name, None if d is None else ast.literal_eval(d))
        for name, d in zip(names, defaults)
        if name not in ("self", "cls")
    ]


def runtime_parameters(obj):
    return [
        (p.name, None if p.default is inspect.Parameter.empty else p.default)
        for p in inspect.signature(obj).parameters.values()
        if p.name not in ("self", "cls")
    ]


def test_stub_signatures_are_the_modules():
    definitions = stub_definitions()
    assert stub_parameters(definitions["Cleaner.__new__"]) == runtime_parameters(zhclean.Cleaner)
    for name in ("Cleaner.clean", "Cleaner.clean_many", "t2s"):
        assert stub_parameters(definitions[name]) == runtime_parameters(runtime(name)), name
    # clean(data, **options) takes Cleaner's options, as the stub spells out.
    assert stub_parameters(definitions["clean"]) == [("data", None)] + runtime_parameters(zhclean.Cleaner)
    assert [p.kind for p in inspect.signature(zhclean.Cleaner).parameters.values()] == [
        inspect.Parameter.KEYWORD_ONLY
    ] * 7
