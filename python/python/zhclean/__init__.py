"""zhclean: clean scraped Chinese news documents into one Article.

See help(zhclean.Cleaner) for the options, and zhclean.datatrove for the
datatrove pipeline step (pip install "zhclean[datatrove]").
"""

from ._zhclean import (
    Cleaner,
    EmptyInput,
    NotText,
    TooLarge,
    ZhcleanError,
    __version__,
    clean,
    t2s,
)

__all__ = [
    "Cleaner",
    "EmptyInput",
    "NotText",
    "TooLarge",
    "ZhcleanError",
    "__version__",
    "clean",
    "t2s",
]
