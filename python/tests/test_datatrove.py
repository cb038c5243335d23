"""The datatrove step, with the real datatrove: JsonlReader -> ZhcleanExtractor
-> JsonlWriter run by LocalPipelineExecutor over the fixture documents."""

import base64
import json
import os

import pytest

import zhclean
from conftest import FIXTURES

if os.environ.get("ZHCLEAN_TEST_ALL"):
    import datatrove  # noqa: F401  (CI installs the extra: never skip there)
else:
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.extractors.base import BaseExtractor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from zhclean.datatrove import ZhcleanExtractor  # noqa: E402

FIELDS = ("title", "published", "source", "url", "authors", "format", "script")


def expected(data, **options):
    try:
        return zhclean.clean(data, **options)
    except zhclean.ZhcleanError as e:
        return {"error": type(e).__name__}


def removed_kinds(article):
    kinds = []
    for removed in article["removed"]:
        if removed["kind"] not in kinds:
            kinds.append(removed["kind"])
    return kinds


def write_jsonl(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_output(folder):
    docs = {}
    for path in sorted(folder.iterdir()):
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                docs[doc["id"]] = doc
    return docs


def run_pipeline(tmp_path, reader, step, tasks=2):
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[reader, step, JsonlWriter(str(out), compression=None)],
        tasks=tasks,
        workers=tasks,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    with open(tmp_path / "logs" / "stats.json", encoding="utf-8") as f:
        [stats] = [s["stats"] for s in json.load(f) if s["name"].endswith(ZhcleanExtractor.name)]
    return read_output(out), stats


def test_pipeline_end_to_end(tmp_path, documents):
    """Every fixture document as base64 bytes (GBK, Big5 and UTF-16 ones too),
    in two files cleaned by two worker processes."""
    records = [
        {"id": str(p.relative_to(FIXTURES)), "content_base64": base64.b64encode(p.read_bytes()).decode()}
        for p in documents
    ]
    write_jsonl(tmp_path / "in" / "a.jsonl", records[::2])
    write_jsonl(tmp_path / "in" / "b.jsonl", records[1::2])
    reader = JsonlReader(str(tmp_path / "in"), text_key="content_base64")
    out, stats = run_pipeline(tmp_path, reader, ZhcleanExtractor(text_is_base64=True))

    # The reader skips documents with no text at all (zero bytes).
    seen = {p: expected(p.read_bytes()) for p in documents if p.stat().st_size}
    kept = {str(p.relative_to(FIXTURES)): a for p, a in seen.items() if "error" not in a and a["text"]}
    errors = [a["error"] for a in seen.values() if "error" in a]
    assert set(out) == set(kept)
    assert len(kept) > 200 and errors
    for doc_id, article in kept.items():
        doc = out[doc_id]
        assert doc["text"] == article["text"], doc_id
        metadata = doc["metadata"]
        assert {f: metadata[f] for f in FIELDS} == {f: article[f] for f in FIELDS}, doc_id
        assert metadata["removed_kinds"] == removed_kinds(article), doc_id
    assert any(out[d]["metadata"]["format"] == "jekyll" for d in out)
    assert any(out[d]["metadata"]["removed_kinds"] for d in out)
    assert stats["total"] == len(seen)
    assert stats["forwarded"] == len(kept)
    assert stats["clean_error"] == len(errors)
    for name in set(errors):
        assert stats[f"clean_error/{name}"] == errors.count(name)
    assert stats.get("dropped", 0) == len(seen) - len(kept) - len(errors)


def test_text_mode_keeps_the_readers_url(tmp_path, documents):
    """doc.text as str, cleaned as UTF-8; an Article without a url keeps the
    reader's, one with a url replaces it; a prefix keeps both apart."""
    texts = {}
    for p in documents:
        try:
            texts[str(p.relative_to(FIXTURES))] = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
    records = [{"id": i, "text": t, "url": f"https://crawl.example/{i}"} for i, t in texts.items() if t.strip()]
    write_jsonl(tmp_path / "in" / "a.jsonl", records)
    out, _ = run_pipeline(tmp_path, JsonlReader(str(tmp_path / "in")), ZhcleanExtractor(target="original"), tasks=1)
    with_url = without_url = 0
    for doc_id, doc in out.items():
        article = expected(texts[doc_id], target="original")
        assert doc["text"] == article["text"]
        if article["url"]:
            with_url += 1
            assert doc["metadata"]["url"] == article["url"]
        else:
            without_url += 1
            assert doc["metadata"]["url"] == f"https://crawl.example/{doc_id}"
    assert with_url and without_url

    prefixed = ZhcleanExtractor(metadata_prefix="zhclean_")
    [doc] = prefixed.run(iter([Document(text=texts[doc_id], id=doc_id, metadata={"url": "u"})]))
    assert doc.metadata["url"] == "u"
    assert doc.metadata["zhclean_url"] == expected(texts[doc_id])["url"]
    assert set(doc.metadata) == {"url", "zhclean_removed_kinds"} | {"zhclean_" + f for f in FIELDS}


def test_bytes_from_metadata(documents):
    """bytes_key: the original bytes in the metadata are cleaned instead of
    the text, and leave the metadata; documents without them use the text."""
    gbk = FIXTURES / "encodings" / "000.gb18030.txt"
    utf8 = FIXTURES / "000_e5b9b37c1305846f.txt"
    step = ZhcleanExtractor(bytes_key="raw", batch_size=1)
    docs = [
        Document(text="(decoded wrongly)", id="gbk", metadata={"raw": gbk.read_bytes(), "lang": "zh"}),
        Document(text=utf8.read_text(encoding="utf-8"), id="utf8"),
        Document(text="ignored", id="binary", metadata={"raw": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"}),
    ]
    out = {doc.id: doc for doc in step.run(iter(docs))}
    assert set(out) == {"gbk", "utf8"}
    assert out["gbk"].text == expected(gbk.read_bytes())["text"] == expected(utf8.read_bytes())["text"]
    assert "raw" not in out["gbk"].metadata and out["gbk"].metadata["lang"] == "zh"
    assert out["utf8"].metadata["title"] == expected(utf8.read_bytes())["title"]
    assert step.stats["clean_error/NotText"].total == 1


def test_bad_base64_is_one_dropped_document():
    step = ZhcleanExtractor(text_is_base64=True)
    good = base64.b64encode("标题\n\n正文。".encode()).decode()
    docs = [Document(text="not base64!", id="bad"), Document(text=good, id="good")]
    assert [doc.id for doc in step.run(iter(docs))] == ["good"]
    assert step.stats["clean_error/Base64Error"].total == 1


def test_is_an_extractor():
    step = ZhcleanExtractor()
    assert isinstance(step, BaseExtractor)
    assert step.extract("标题\n\n正文第一段。") == "正文第一段。"
    with pytest.raises(ValueError, match="batch_size"):
        ZhcleanExtractor(batch_size=0)
    with pytest.raises(ValueError, match="target"):
        ZhcleanExtractor(target="x")
