"""A datatrove pipeline step that cleans documents with zhclean.

Needs datatrove: pip install "zhclean[datatrove]" (or ./python[datatrove]).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from zhclean.datatrove import ZhcleanExtractor

    LocalPipelineExecutor(
        pipeline=[JsonlReader("raw/"), ZhcleanExtractor(), JsonlWriter("clean/")],
        tasks=4,
        workers=2,
    ).run()
"""

from __future__ import annotations

import base64
from typing import Any, Optional

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from . import Cleaner

# The Article fields copied into doc.metadata (plus "removed_kinds").
ARTICLE_FIELDS = ("title", "published", "source", "url", "authors", "format", "script")


class ZhcleanExtractor(BaseExtractor):
    """Replace each document's text with zhclean's clean text, and add its metadata.

    Used like datatrove's Trafilatura extractor: a step between a reader and a
    writer. For each document it sets doc.text to the Article's "text" and
    puts into doc.metadata the Article's title, published, source, url,
    authors (a list of {"name", "role"}), format and script, and
    removed_kinds: the kinds of text taken out ("nav", "share", ...), each
    once, in order of first appearance. A field the Article does not have
    (None) does not replace a value the reader put there (a crawl's "url").

    Documents that cannot be cleaned (empty, binary, too large, bad base64)
    are dropped and counted as "clean_error" and "clean_error/<ErrorType>" in
    the step's stats; documents with no body text left are dropped and
    counted as "dropped". Kept documents count as "forwarded".

    Unlike Trafilatura, zhclean runs in this process, with no sandbox process
    and no timeout: its cost is linear in the input, and a panic becomes an
    error for that document only. Documents are cleaned in batches of
    batch_size by Cleaner.clean_many.

    Which bytes are cleaned: datatrove documents carry their text as str,
    which is cleaned as its UTF-8 encoding (a page already decoded from GBK
    by the reader is fine). To let zhclean decode the original bytes itself
    (GBK, Big5, UTF-16, a wrong <meta charset>):
      - bytes_key="raw": a reader or earlier step puts the original bytes in
        doc.metadata["raw"]; they are cleaned instead of doc.text, and the
        key is removed from the metadata (so writers do not write it).
        Documents without the key are cleaned from doc.text.
      - text_is_base64=True: doc.text is the base64 of the original bytes, as
        in the batch program's --jsonl-in input: read it with
        JsonlReader(path, text_key="content_base64").

    Args:
        bytes_key: metadata key holding each document's original bytes.
            Default None.
        text_is_base64: doc.text is base64 of the original bytes. Default False.
        batch_size: documents per clean_many call. Default 256.
        threads: cleaning threads per task. Default 1, since executors run one
            task per core (workers); None uses every core.
        metadata_prefix: put before each metadata key (e.g. "zhclean_").
            Default "".
        **options: Cleaner options (target, normalize_punctuation,
            month_first, default_offset_minutes, keep_removed,
            max_input_bytes, format), with Cleaner's defaults. With
            keep_removed=False, removed_kinds is always empty.
    """

    name = "🀄 zhclean"

    def __init__(
        self,
        bytes_key: Optional[str] = None,
        text_is_base64: bool = False,
        batch_size: int = 256,
        threads: Optional[int] = 1,
        metadata_prefix: str = "",
        **options: Any,
    ):
        super().__init__()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.bytes_key = bytes_key
        self.text_is_base64 = text_is_base64
        self.batch_size = batch_size
        self.threads = threads
        self.metadata_prefix = metadata_prefix
        self.cleaner = Cleaner(**options)

    def extract(self, text: str) -> str:
        """The clean text of one document (str or bytes); raises on failure."""
        return self.cleaner.clean(text)["text"]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        batch: list[Document] = []
        for doc in data:
            self.stat_update(StatHints.total)
            batch.append(doc)
            if len(batch) == self.batch_size:
                yield from self._clean_batch(batch)
                batch = []
        if batch:
            yield from self._clean_batch(batch)

    def _input(self, doc: Document) -> bytes | str:
        if self.bytes_key is not None and self.bytes_key in doc.metadata:
            return doc.metadata.pop(self.bytes_key)
        if self.text_is_base64:
            return base64.b64decode(doc.text, validate=True)
        return doc.text

    def _clean_batch(self, docs: list[Document]) -> DocumentsPipeline:
        inputs: list[bytes | str] = []
        failed: dict[int, dict[str, str]] = {}
        for i, doc in enumerate(docs):
            try:
                inputs.append(self._input(doc))
            except ValueError as e:  # binascii.Error, or a non-ASCII str
                failed[i] = {"error": f"bad base64 text: {e}", "error_type": "Base64Error"}
                inputs.append(b"")  # a placeholder: its result is replaced
        with self.track_time(unit="batch"):
            results = self.cleaner.clean_many(inputs, threads=self.threads)
        for i, (doc, article) in enumerate(zip(docs, results)):
            article = failed.get(i, article)
            if "error" in article:
                self.stat_update("clean_error", f"clean_error/{article['error_type']}")
                if not self._warned_error:
                    logger.warning(
                        f"zhclean: dropped document {doc.id}: {article['error']}. "
                        "Further failures are only counted in the stats."
                    )
                    self._warned_error = True
                continue
            if not article["text"]:
                self.stat_update(StatHints.dropped)
                continue
            doc.text = article["text"]
            self._add_metadata(doc, article)
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc

    def _add_metadata(self, doc: Document, article: dict[str, Any]) -> None:
        prefix = self.metadata_prefix
        for field in ARTICLE_FIELDS:
            value = article[field]
            if value is not None or prefix + field not in doc.metadata:
                doc.metadata[prefix + field] = value
        doc.metadata[prefix + "removed_kinds"] = list(dict.fromkeys(r["kind"] for r in article["removed"]))
