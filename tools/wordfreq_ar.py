#!/usr/bin/env python3
"""Derive resources/lexicon/wordfreq_ar.tsv from the `wordfreq` package.

wordfreq (Robyn Speer et al.) ships word frequencies for Arabic compiled from
Wikipedia, subtitles, news, books, web text and social media. Its code is
Apache-2.0 and its data CC BY-SA 4.0; the derived list keeps that licence.

Usage:  pip install wordfreq==3.1.1 && python3 tools/wordfreq_ar.py
Output: one `word<TAB>zipf` line per Arabic word (Zipf = log10 of frequency per
billion words), most frequent first. Only words written entirely in Arabic
letters with a frequency of at least 3e-8 (Zipf 1.48) are kept.
"""
import math
import pathlib
import re

import wordfreq

MIN_FREQ = 3e-8
ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0671-\u06D3]+$")

def main() -> None:
    freqs = wordfreq.get_frequency_dict("ar")
    rows = [(w, f) for w, f in freqs.items() if f >= MIN_FREQ and ARABIC_WORD.match(w)]
    rows.sort(key=lambda r: (-r[1], r[0]))
    out = pathlib.Path(__file__).resolve().parent.parent / "resources" / "lexicon" / "wordfreq_ar.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# Arabic word frequencies from wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else '3.1.1'} (CC BY-SA 4.0); columns: word, zipf\n")
        for w, f in rows:
            fh.write(f"{w}\t{math.log10(f) + 9:.2f}\n")
    print(f"wrote {len(rows)} words to {out}")

if __name__ == "__main__":
    main()
