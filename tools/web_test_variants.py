#!/usr/bin/env python3
"""Rebuild the encoded and WARC variants of the hand-written test pages of crates/marsad/tests/web/.

    tools/web_test_variants.py

og_only.html in windows-1256 (declared by http-equiv), in ISO-8859-6 (declared
nowhere: detected) and in UTF-16 with a byte order mark; crawl.warc and
crawl.warc.gz: a warcinfo record, a request, the windows-1256 page as a response with
the charset in its HTTP header, a record whose Content-Length does not parse, and an
image. The other files are written by hand.
"""
import gzip
import os
from pathlib import Path

os.chdir(Path(__file__).resolve().parent.parent / "crates/marsad/tests/web")


def rec(kind, uri, block, ctype, n):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
            f"WARC-Date: 2020-06-15T10:00:00Z\r\n" + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


page = open("og_only.html", encoding="utf-8").read()
declared = page.replace("<html><head>",
                        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
open("og_only_1256.html", "wb").write(declared.encode("windows-1256", errors="xmlcharrefreplace"))
open("og_only_8859_6_undeclared.html", "wb").write(page.encode("iso-8859-6", errors="xmlcharrefreplace"))
open("og_only_utf16.html", "wb").write(page.encode("utf-16"))

body = page.encode("windows-1256", errors="xmlcharrefreplace")
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n\r\n" + body
records = [
    rec("warcinfo", None, b"software: hand\r\n", "application/warc-fields", 1),
    rec("request", "https://example.org/a/1?from=crawl", b"GET /a/1 HTTP/1.1\r\n\r\n",
        "application/http; msgtype=request", 2),
    rec("response", "https://example.org/a/1?from=crawl", http, "application/http; msgtype=response", 3),
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html></html>\r\n\r\n",
    rec("response", "https://example.org/logo.png", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
        "application/http; msgtype=response", 5),
]
open("crawl.warc", "wb").write(b"".join(records))
open("crawl.warc.gz", "wb").write(b"".join(gzip.compress(r, mtime=0) for r in records))
