#!/usr/bin/env python3
"""Generate fixtures/encodings/ from the UTF-8 seed fixtures.

Run once from the repository root: python3 scripts/make_encoding_fixtures.py
Standard library only. The output is committed; rerunning it rewrites the
same bytes. tests/odd_input.rs and tests/decode_fixtures.rs read the files.

What it writes (see fixtures/encodings/README.md):
  NNN.gb18030.txt      seed NNN re-encoded as GB18030
  NNN.utf16le.txt      seed NNN as UTF-16LE with a byte order mark
  003.big5.txt         seed 003 as Big5 (Big5-HKSCS, which has the pinyin
                       letters such as ù); the few characters Big5-HKSCS
                       lacks are written as numeric character references
                       (&#32043;), see 003.big5.expected.txt
  003.big5.expected.txt  the UTF-8 text 003.big5.txt stands for: seed 003
                       with those characters replaced by their references
  gbk_wrong_meta.html  GBK bytes declaring <meta charset="utf-8">
  truncated_end.txt    seed 000 (UTF-8) cut in the middle of its last character
  empty.txt            zero bytes
  blank.txt            only whitespace (ASCII and full-width spaces)
  image.txt            a valid 1x1 PNG image named .txt
  no_text.html         an HTML page with markup and no text
"""
import binascii
import glob
import os
import struct
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "encodings")


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def seeds():
    for path in sorted(glob.glob(os.path.join(ROOT, "fixtures", "00[0-4]_*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield os.path.basename(path)[:3], f.read()


def png_1x1():
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", binascii.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    idat = zlib.compress(b"\x00\xff\x00\x00")  # filter 0, one red pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def main():
    os.makedirs(OUT, exist_ok=True)
    texts = dict(seeds())
    for num, text in texts.items():
        write(f"{num}.gb18030.txt", text.encode("gb18030"))
        write(f"{num}.utf16le.txt", b"\xff\xfe" + text.encode("utf-16-le"))

    text = texts["003"]
    big5 = text.encode("big5hkscs", errors="xmlcharrefreplace")
    write("003.big5.txt", big5)
    write("003.big5.expected.txt", big5.decode("big5hkscs").encode("utf-8"))

    body = "".join(f"<p>{line.strip()}</p>\n" for line in texts["000"].splitlines() if line.strip())
    html = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
        f"<title>{texts['000'].splitlines()[0].strip()}</title></head>\n<body>\n{body}</body></html>\n"
    )
    write("gbk_wrong_meta.html", html.encode("gbk"))

    raw = texts["000"].rstrip("\n").encode("utf-8")
    write("truncated_end.txt", raw + "。".encode("utf-8")[:2])

    write("empty.txt", b"")
    write("blank.txt", " \n\t\n\u3000\u3000\r\n".encode("utf-8"))
    write("image.txt", png_1x1())
    write(
        "no_text.html",
        b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title>\n'
        b"<style>p { color: red }</style><script>var a = 1;</script></head>\n"
        b'<body><div class="main"><img src="a.png"><br/></div>\n<div></div></body></html>\n',
    )


if __name__ == "__main__":
    main()
