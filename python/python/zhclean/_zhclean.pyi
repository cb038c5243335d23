"""zhclean turns scraped Chinese news documents (any bytes: Jekyll posts,
dated plain text, portal pages, HTML pages, GBK or Big5) into one clean
Article: the text alone, in simplified characters, with its metadata.
"""

from collections.abc import Iterable
from typing import Any, Optional, Union

__version__: str

# An Article, as a dict with the fields of its JSON (see the README); enum
# values such as "format" and removed "kind" are strings.
_Article = dict[str, Any]
_Document = Union[bytes, str]

class ZhcleanError(ValueError):
    """A document that zhclean cannot clean at all. Base class of EmptyInput, NotText and TooLarge."""

class EmptyInput(ZhcleanError):
    """The input is empty or holds only whitespace."""

class NotText(ZhcleanError):
    """The input is binary, not text."""

class TooLarge(ZhcleanError):
    """The input is larger than max_input_bytes."""

class Cleaner:
    """A reusable cleaner with fixed options, safe to share between threads.

    Options (all keyword-only; each default is the library's):
        target: "simplified" (default) converts traditional characters to
            simplified, exactly as OpenCC 1.4.2 t2s; "original" keeps them.
        normalize_punctuation: True (default) turns half-width punctuation
            next to Han characters into full-width, and full-width letters and
            digits into half-width; False keeps them as they are.
        month_first: False (default) reads 03.12.2015 as 3 December 2015;
            True reads it as 12 March 2015.
        default_offset_minutes: 480 (default, +08:00, China Standard Time) is
            the UTC offset, in minutes east of UTC, of a time that gives none.
            Clamped to -1439..1439.
        keep_removed: True (default) records the text taken out in "removed";
            False leaves "removed" empty (less memory in large batches).
        max_input_bytes: 67108864 (default, 64 MiB); a larger document raises
            TooLarge (a str counts its UTF-8 bytes).
        format: None (default) detects each document's format; a value of the
            Article's "format" field (such as "jekyll" or "portal") decodes
            every document as that format.

    Building a Cleaner is cheap; the rules and conversion tables are built
    once per process, on first use (about 40 ms). Cleaners can be pickled.
    """

    def __new__(
        cls,
        *,
        target: str = "simplified",
        normalize_punctuation: bool = True,
        month_first: bool = False,
        default_offset_minutes: int = 480,
        keep_removed: bool = True,
        max_input_bytes: int = 67108864,
        format: Optional[str] = None,
    ) -> "Cleaner": ...
    def clean(self, data: _Document) -> _Article:
        """Clean one document and return the Article as a dict.

        data: the raw bytes, in any common encoding (UTF-8, UTF-16 with a byte
        order mark, GBK, GB18030, Big5, ...), or a str (cleaned as its UTF-8
        encoding).

        The dict has the fields of the Article's JSON, with the same names and
        values as the batch program's output (minus its "path").

        Raises EmptyInput, NotText or TooLarge (all ZhcleanError, a
        ValueError) when the document cannot be cleaned at all, and TypeError
        when data is neither bytes nor str. The GIL is released while cleaning.
        """
    def clean_many(
        self, items: Iterable[_Document], threads: Optional[int] = None
    ) -> list[dict[str, Any]]:
        """Clean many documents in parallel; return a list in input order.

        items: an iterable of documents (bytes or str, as for clean()).
        threads: how many threads clean, the calling one included; None
            (default) uses one per core this process may run on. Spark or
            datatrove workers that already run one task per core want
            threads=1.

        Each entry is the Article dict that clean() returns, or, for a document
        that cannot be cleaned, an error entry in its place:
        {"error": message, "error_type": name}, where name is the exception
        clean() would raise ("EmptyInput", "NotText", "TooLarge",
        "ZhcleanError", or "UnicodeEncodeError" for a str with lone
        surrogates). An Article never has an "error" key. One failing document
        does not stop the batch; an item that is neither bytes nor str raises
        TypeError before any work is done. A signal handler that raises
        (Ctrl-C's KeyboardInterrupt) stops the batch: the documents being
        cleaned are finished, no others are started.

        The GIL is released while the documents are cleaned. The calling
        thread cleans too, and every few milliseconds builds the dicts of
        the documents done so far, with the GIL, while the other threads go
        on cleaning.
        """

def clean(
    data: _Document,
    *,
    target: str = "simplified",
    normalize_punctuation: bool = True,
    month_first: bool = False,
    default_offset_minutes: int = 480,
    keep_removed: bool = True,
    max_input_bytes: int = 67108864,
    format: Optional[str] = None,
) -> _Article:
    """Clean one document with the given options; return the Article as a dict.

    clean(data, **options) is Cleaner(**options).clean(data): data is bytes
    (any common encoding) or str (cleaned as its UTF-8 encoding); the options
    and their defaults are Cleaner's.

    Raises EmptyInput, NotText or TooLarge (all ZhcleanError, a ValueError)
    when the document cannot be cleaned at all, and TypeError when data is
    neither bytes nor str.
    """

def t2s(text: str) -> str:
    """Convert traditional characters to simplified, exactly as OpenCC 1.4.2 t2s.

    Returns text itself when nothing changes. The GIL is released while
    converting.
    """
