#!/usr/bin/env python3
"""Render whole HTML pages to visible text the way Common Crawl WET files do.

    /work/venv-ref/bin/python scripts/render_wet.py OUT_DIR FILE.html...

    # the renderings in fixtures/rendered/:
    /work/venv-ref/bin/python scripts/render_wet.py fixtures/rendered ../shared/corpus/html/*.html

Each page becomes OUT_DIR/NAME.txt (UTF-8): the `<title>` text on the first
line, then every visible block of the page, one per line, stripped, with no
blank lines; menus, footers and related lists stay, as in a WET record. Alt
texts, form fields, link targets and list bullets are left out.

It uses resiliparse (`pip install resiliparse`; see scripts/compare_html.py
for the reference venv). The page's declared charset is honoured when the
bytes decode with it, otherwise uchardet's guess is used.

The renderings in fixtures/rendered/ are derived from the pages of
../shared/corpus/html/; the pages and their text belong to their publishers,
and ../shared/corpus/html/sources.json credits each page's origin (site, URL,
the repository it was taken from and its licence).
"""
import codecs
import os
import sys

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree

# Python's `gbk` codec rejects bytes that browsers accept: WHATWG decodes the
# gbk (and gb2312) label with the gb18030 decoder, so do the same.
WHATWG_DECODER = {"gbk": "gb18030"}


def decode_html(data):
    """Decode page bytes as a browser would: a UTF-8 BOM, else the declared
    charset (meta tag) when the bytes are valid in it, else uchardet's guess."""
    if data.startswith(codecs.BOM_UTF8):
        return bytes_to_str(data, "utf-8")
    declared = detect_encoding(data, from_html_meta=True)
    detected = detect_encoding(data)
    encoding = WHATWG_DECODER.get(declared, declared)
    fallback = (WHATWG_DECODER.get(detected, detected), "utf-8")
    return bytes_to_str(data, encoding, fallback_encodings=fallback)


def render(html):
    """The WET-style text of a decoded page: title line, then one line per block."""
    tree = HTMLTree.parse(html)
    text = extract_plain_text(
        tree,
        preserve_formatting=True,  # one block per line, not one long line
        main_content=False,  # keep menus, footers: a WET record does
        list_bullets=False,
        alt_texts=False,
        links=False,
        form_fields=False,
        noscript=False,
        # A `<title>` that the parser put in the body (the CleanEval wrapper
        # does that) is not visible in a browser either.
        skip_elements=["title"],
    )
    lines = [" ".join(tree.title.split())] if tree.title else []
    # Nested lists come out indented; WET lines are flush and never blank.
    lines += [line.strip() for line in text.splitlines() if line.strip()]
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: render_wet.py OUT_DIR FILE.html...")
    out_dir, files = argv[0], argv[1:]
    os.makedirs(out_dir, exist_ok=True)
    failed = 0
    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            print(f"render_wet: {path}: {e.strerror}", file=sys.stderr)
            failed += 1
            continue
        with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(render(decode_html(data)))
    print(f"render_wet: {len(files) - failed} page(s) rendered into {out_dir}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
