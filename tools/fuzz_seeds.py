#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/seeds/<target>/.

The seeds are the project's own example articles (examples/*.txt) and, for the
decoder, the same text in every encoding and shape the input layer must tell
apart: UTF-8 with and without a byte order mark, UTF-16LE/BE, windows-1256,
ISO-8859-6, CRLF line ends, damaged UTF-8, binary data, blank input. They are
written deterministically, so running this again gives the same files.

    python3 tools/fuzz_seeds.py
"""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "seeds"


def write(target: str, name: str, data: bytes) -> None:
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def main() -> None:
    examples = sorted((ROOT / "examples").glob("[0-9]*.txt"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in examples}
    short = texts[examples[0].stem].split("\n")[0]
    for target in ("decode", "text_layer", "analyze"):
        for stem, text in texts.items():
            # the fuzzer's default input limit is 4 KB: the first 4,000 bytes on a character boundary
            write(target, f"{stem}.txt", text.encode("utf-8")[:4000].decode("utf-8", "ignore").encode("utf-8"))
    shapes = {
        "utf8_bom.txt": b"\xef\xbb\xbf" + short.encode("utf-8"),
        "utf16le.txt": b"\xff\xfe" + short.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + short.encode("utf-16-be"),
        "windows1256.txt": short.encode("cp1256", "replace"),
        "iso8859_6.txt": short.encode("iso8859_6", "replace"),
        "crlf.txt": short.replace(" ", "\r\n", 3).encode("utf-8"),
        "damaged_utf8.txt": short.encode("utf-8")[:-1] + b"\xd9" + b" " + short.encode("utf-8")[3:],
        "binary.bin": bytes(range(256)),
        "blank.txt": b" \t\r\n\u3000".replace(b"\\u3000", "\u3000".encode("utf-8")),
        "markup.txt": ('<script>alert(1)</script> "' + short + '" <img src=x onerror=alert(1)>').encode("utf-8"),
        "mixed_scripts.txt": ("\u202e" + short + " English 中文 ١٢٣٫٤٥٪ 12,345.6 \u2066עברית\u2069").encode("utf-8"),
    }
    for target in ("decode", "analyze"):
        for name, data in shapes.items():
            write(target, name, data)
    write("text_layer", "mixed_scripts.txt", shapes["mixed_scripts.txt"])
    write("text_layer", "markup.txt", shapes["markup.txt"])


if __name__ == "__main__":
    main()
