#!/usr/bin/env python3
"""Distributional word classes for the named-entity tagger, learned from unlabelled news.

Builds `resources/models/word_classes.tsv`: the most frequent words of the news
corpora (as the tagger sees them: token matching keys and clitic stems) with a class
number at three granularities (64, 256 and 1024 classes). Words that occur in the
same contexts share a class, so a name the annotated data never had (a club, a
company, a foreign surname) shares its class with names it did have.

How:
1. The articles of `news/saudinewsnet/` and `news/antcorpus/` (exact duplicates
   dropped) are tokenised and segmented by marsad itself:
   `marsad analyze --jsonl --layers tokens,clitics --compact --format json`. A token's
   key is its normalised form with ى→ي, ة→ه and ASCII lower-cased (the tokenizer's
   `match_key`); a clitic stem is the key of the stem morpheme of the clitics layer,
   as `entities/features.rs` computes them. Numbers become `<num>`; punctuation
   and symbols are left out.
2. Each article gives two sequences to word2vec (gensim, CBOW, 100 dimensions,
   window 5): its keys and its stems, so that both have vectors in one space.
3. The vectors of the most frequent words (unit length) are clustered by k-means
   (scikit-learn's MiniBatchKMeans, fixed seeds) into 64, 256 and 1024 classes.

The output is sorted by the UTF-8 bytes of the word so that the tagger can binary
search it in place. Deterministic up to gensim's threading (`--workers 1` for a
byte-identical rerun). On an idle 2-core machine tokenising takes about 2 minutes
and word2vec 3 to 5; on a loaded one much longer, so `--cache DIR` keeps the token
sequences and the vectors, and a rerun with the same DIR starts from them (to try
other granularities or numbers of words).

Usage (from the repository root, after `cargo build --release`):

    python3 tools/word_clusters.py [--data ../shared/data] [--marsad target/release/marsad]
        [--out resources/models/word_classes.tsv] [--words 100000] [--cache DIR]

Needs: pip install gensim scikit-learn (versions in the output header).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time

GRANULARITIES = (64, 256, 1024)
CORPORA = ("news/saudinewsnet/articles.jsonl", "news/antcorpus/articles.jsonl")


def fold_key(s: str) -> str:
    """The tokenizer's `match_key` of a normalised form: ى→ي, ة→ه, ASCII lower-cased."""
    out = []
    for c in s:
        if c == "\u0649":
            out.append("\u064a")
        elif c == "\u0629":
            out.append("\u0647")
        elif "A" <= c <= "Z":
            out.append(c.lower())
        else:
            out.append(c)
    return "".join(out)


def write_unique_articles(data: str, path: str) -> int:
    """Writes the articles of both corpora, exact duplicates dropped, as `{"text": …}` lines."""
    seen = set()
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for rel in CORPORA:
            src = os.path.join(data, rel)
            if not os.path.isfile(src):
                sys.exit(f"word_clusters: corpus file not found: {src}")
            with open(src, encoding="utf-8") as f:
                for line_no, line in enumerate(f, 1):
                    try:
                        text = json.loads(line)["text"]
                    except (json.JSONDecodeError, KeyError) as e:
                        sys.exit(f"word_clusters: {src} line {line_no}: not a record with a text ({e})")
                    if not text or not text.strip():
                        continue
                    h = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
                    if h in seen:
                        continue
                    seen.add(h)
                    out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                    n += 1
    return n


def sequences(marsad: str, articles: str, jobs: int):
    """Yields (keys, stems) per article, read from marsad's compact JSON output."""
    cmd = [marsad, "analyze", "--jsonl", articles, "--layers", "tokens,clitics", "--compact",
           "--format", "json", "--jobs", str(jobs)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            encoding="utf-8", bufsize=1 << 20)
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.strip()
        if not line:
            continue
        doc = json.loads(line)
        tokens = doc.get("tokens", [])
        stem_of = {}
        for seg in doc.get("clitics", []):
            tok, morphemes = seg[0], seg[1]
            for m in morphemes:
                if m[3] == "stem":
                    stem_of[tok] = fold_key(m[2])
        keys, stems = [], []
        for i, t in enumerate(tokens):
            kind, norm = t[2], t[3]
            if kind in ("number", "percent"):
                k = s = "<num>"
            elif kind in ("arabic", "latin"):
                k = fold_key(norm)
                s = stem_of.get(i, k)
            else:
                continue
            keys.append(k)
            stems.append(s)
        if keys:
            yield keys, stems
    if proc.wait() != 0:
        sys.exit(f"word_clusters: `{' '.join(cmd)}` failed with status {proc.returncode}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--marsad", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "marsad"))
    ap.add_argument("--out", default="resources/models/word_classes.tsv")
    ap.add_argument("--words", type=int, default=100_000, help="how many of the most frequent words to keep")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--cache", help="folder keeping the token sequences and the vectors between runs")
    args = ap.parse_args()
    if not os.path.isfile(args.marsad):
        sys.exit(f"word_clusters: marsad binary not found: {args.marsad} (cargo build --release)")
    try:
        import gensim
        import numpy as np
        import sklearn
        from gensim.models import Word2Vec
        from sklearn.cluster import MiniBatchKMeans
    except ImportError as e:
        sys.exit(f"word_clusters: {e}; pip install gensim scikit-learn")

    t0 = time.time()
    cache = args.cache
    if cache:
        os.makedirs(cache, exist_ok=True)
    vectors_path = os.path.join(cache, "vectors.npz") if cache else None
    corpus_path = os.path.join(cache, "sequences.txt") if cache else None
    n_articles = n_tokens = 0
    if vectors_path and os.path.isfile(vectors_path):
        saved = np.load(vectors_path, allow_pickle=False)
        all_words, all_vecs = list(saved["words"]), saved["vectors"]
        n_articles, n_tokens = int(saved["n_articles"]), int(saved["n_tokens"])
        print(f"vectors read from {vectors_path}", file=sys.stderr)
    else:
        if corpus_path and os.path.isfile(corpus_path):
            with open(corpus_path, encoding="utf-8") as f:
                header = f.readline().split()
                n_articles, n_tokens = int(header[0]), int(header[1])
                corpus = [line.split() for line in f]
        else:
            with tempfile.TemporaryDirectory() as tmp:
                articles = os.path.join(tmp, "articles.jsonl")
                n_articles = write_unique_articles(args.data, articles)
                corpus = []
                for keys, stems in sequences(args.marsad, articles, args.workers):
                    corpus.append(keys)
                    if stems != keys:
                        corpus.append(stems)
                    n_tokens += len(keys)
            if corpus_path:
                with open(corpus_path, "w", encoding="utf-8") as f:
                    f.write(f"{n_articles} {n_tokens}\n")
                    for seq in corpus:
                        f.write(" ".join(seq) + "\n")
        print(f"{n_articles} articles, {n_tokens} word tokens, {len(corpus)} sequences "
              f"({time.time() - t0:.0f} s)", file=sys.stderr)
        model = Word2Vec(corpus, vector_size=100, window=5, min_count=5, sg=0, negative=5,
                         sample=1e-4, epochs=args.epochs, workers=args.workers, seed=1)
        del corpus
        all_words = list(model.wv.index_to_key)  # by frequency, most frequent first
        all_vecs = np.asarray(model.wv.vectors, dtype=np.float32)
        if vectors_path:
            np.savez(vectors_path, words=np.array(all_words), vectors=all_vecs,
                     n_articles=n_articles, n_tokens=n_tokens)
        print(f"word2vec: {len(all_words)} words of count ≥ 5 ({time.time() - t0:.0f} s)", file=sys.stderr)
    words = all_words[: args.words]
    vecs = np.array(all_vecs[: len(words)], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9

    classes = []
    for k in GRANULARITIES:
        # one initialisation and few passes: the classes need not be optimal, only
        # stable and fast to make (1024 classes take minutes, not hours, on 2 cores)
        km = MiniBatchKMeans(n_clusters=k, random_state=k, batch_size=8192, n_init=1, max_iter=20,
                             init="random", max_no_improvement=5)
        classes.append(km.fit_predict(vecs))
        print(f"k-means {k}: done ({time.time() - t0:.0f} s)", file=sys.stderr)

    rows = sorted(zip(words, *classes), key=lambda r: r[0].encode("utf-8"))
    tmp_out = args.out + ".tmp"
    with open(tmp_out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# word classes of the named-entity tagger: word2vec (CBOW, 100 dimensions) + k-means\n")
        out.write(f"# built by tools/word_clusters.py (gensim {gensim.__version__}, scikit-learn "
                  f"{sklearn.__version__}) from SaudiNewsNet and the ANT corpus: {n_articles} articles, "
                  f"{n_tokens} word tokens\n")
        out.write("# derived from SaudiNewsNet (CC BY-NC-SA 4.0): non-commercial use only\n")
        out.write("# columns: key\t" + "\t".join(f"c{k}" for k in GRANULARITIES) + "\n")
        for w, *cs in rows:
            if "\t" in w or "\n" in w or w.startswith("#"):
                continue
            out.write(w + "\t" + "\t".join(str(int(c)) for c in cs) + "\n")
    os.replace(tmp_out, args.out)
    print(f"wrote {args.out}: {len(rows)} words, {os.path.getsize(args.out) / 1e6:.2f} MB "
          f"({time.time() - t0:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
