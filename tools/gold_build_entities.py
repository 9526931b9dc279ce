#!/usr/bin/env python3
"""Turn entity-annotation drafts into the gold file `gold/entities.jsonl`.

    tools/gold_build_entities.py --data ../shared/data --out gold DRAFT.jsonl...

A draft line is one of
  {"layer": "doc", "corpus": C, "doc": ID}                       the document is fully annotated
  {"layer": "mention", "corpus": C, "doc": ID, "surface": S, "occurrence": N,
   "kind": K, "link": L, "cluster": CL, "metonymy": B}
where S is the name exactly as written and N (default 1) says which occurrence of S
in the text is meant (raw substring occurrences, as str.find counts them). K is one
of per, org, loc, misc; L is null or "country:ISO3", "geonames:ID" or "org:ID", the
id existing in resources/gazetteer/{countries,places,organizations}.tsv; CL is a
cluster label ("c1", "c2"...) shared by the mentions of one entity in the document;
B is true when a place name stands for a state (its link must then be a country).
The gold file keeps offsets, never the surface text: `gold/entities.jsonl`, one line
per document (see docs/annotation/entities.md).
"""
import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_build import CORPORA, DraftError, load_corpus, locate, write_lines  # noqa: E402  (shared with the time/quantity builder)

KINDS = {"per", "org", "loc", "misc"}
CLUSTER = re.compile(r"^c[1-9][0-9]*$")
GAZETTEER = Path(__file__).resolve().parent.parent / "resources" / "gazetteer"
KB_FILES = {"country": "countries.tsv", "geonames": "places.tsv", "org": "organizations.tsv"}
LINK = re.compile(r"^(country|geonames|org):(\S+)$")


def is_arabic_letter(ch: str) -> bool:
    """A letter of the Arabic blocks, counting harakat and tatweel (they continue a word); Arabic digits
    and punctuation are not letters."""
    if not ch:
        return False
    cp = ord(ch)
    if not (0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF
            or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF):
        return False
    return ch.isalpha() or 0x064B <= cp <= 0x065F or cp in (0x0640, 0x0670)


def load_kb() -> dict:
    kb = {}
    for prefix, name in KB_FILES.items():
        path = GAZETTEER / name
        ids = set()
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                ids.add(line.split("\t", 1)[0].strip())
        kb[prefix] = ids
    return kb


def check_boundaries(text: str, start: int, end: int, surface: str) -> None:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if is_arabic_letter(before):
        raise DraftError(f"surface {surface!r} at {start} starts inside a word (preceded by {before!r})")
    if is_arabic_letter(after):
        raise DraftError(f"surface {surface!r} at {start} ends inside a word (followed by {after!r})")


def check_labels(rec: dict, kb: dict) -> dict:
    kind = rec.get("kind")
    if kind not in KINDS:
        raise DraftError(f"kind {kind!r} is not one of {sorted(KINDS)}")
    link = rec.get("link")
    if link is not None:
        if not isinstance(link, str):
            raise DraftError(f"link {link!r} is not a string or null")
        m = LINK.match(link)
        if not m:
            raise DraftError(f"link {link!r} is not country:ISO3, geonames:ID or org:ID")
        prefix, ident = m.groups()
        if prefix == "country" and not re.match(r"^[A-Z]{3}$", ident):
            raise DraftError(f"link {link!r}: country code must be three capital letters")
        if prefix == "geonames" and not ident.isdigit():
            raise DraftError(f"link {link!r}: GeoNames id must be a number")
        if ident not in kb[prefix]:
            raise DraftError(f"link {link!r}: no such id in resources/gazetteer/{KB_FILES[prefix]}")
    if kind == "per" and link is not None:
        raise DraftError(f"a person is not linked (link {link!r} should be null)")
    cluster = rec.get("cluster")
    if not isinstance(cluster, str) or not CLUSTER.match(cluster):
        raise DraftError(f"cluster {cluster!r} is not a label like 'c1'")
    metonymy = rec.get("metonymy", False)
    if not isinstance(metonymy, bool):
        raise DraftError(f"metonymy {metonymy!r} is not true or false")
    if metonymy and not (isinstance(link, str) and link.startswith("country:")):
        raise DraftError(f"metonymy is true but link {link!r} is not a country")
    return {"kind": kind, "link": link, "cluster": cluster, "metonymy": metonymy}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("drafts", nargs="+", type=Path)
    args = ap.parse_args()

    try:
        kb = load_kb()
    except OSError as e:
        print(f"gold_build_entities: cannot read the knowledge base: {e}", file=sys.stderr)
        return 1
    corpora = {}
    docs = {}  # (corpus, doc) -> {"declared": bool, "where": str, "mentions": [(item, where)]}
    errors = 0
    for draft in args.drafts:
        for lineno, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{draft}:{lineno}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise DraftError("line is not a JSON object")
                corpus, doc, layer = rec["corpus"], rec["doc"], rec["layer"]
                if corpus not in CORPORA:
                    raise DraftError(f"unknown corpus {corpus!r}")
                if corpus not in corpora:
                    corpora[corpus] = load_corpus(args.data, corpus)
                if doc not in corpora[corpus]:
                    raise DraftError(f"no record {doc!r} in {corpus}")
                entry = docs.setdefault((corpus, doc), {"declared": False, "mentions": []})
                if layer == "doc":
                    if entry["declared"]:
                        raise DraftError(f"document {doc!r} declared twice")
                    entry["declared"] = True
                    continue
                if layer != "mention":
                    raise DraftError(f"unknown layer {layer!r}")
                text = corpora[corpus][doc][0]
                surface = rec["surface"]
                if not isinstance(surface, str) or not surface or surface != surface.strip():
                    raise DraftError("surface is empty or has outer spaces")
                occurrence = rec.get("occurrence", 1)
                if not isinstance(occurrence, int) or isinstance(occurrence, bool):
                    raise DraftError(f"occurrence {occurrence!r} is not an integer")
                start = locate(text, surface, occurrence)
                end = start + len(surface)
                check_boundaries(text, start, end, surface)
                item = {"start": start, "end": end, **check_labels(rec, kb)}
                entry["mentions"].append((item, where))
            except (DraftError, KeyError, ValueError, TypeError) as e:
                errors += 1
                print(f"{where}: {e}", file=sys.stderr)
    for (corpus, doc), entry in docs.items():
        if not entry["declared"]:
            errors += 1
            print(f"{corpus}/{doc}: has annotations but no \"doc\" line declaring it complete", file=sys.stderr)
        spans = sorted(entry["mentions"], key=lambda m: (m[0]["start"], m[0]["end"]))
        for (a, wa), (b, wb) in zip(spans, spans[1:]):
            if b["start"] < a["end"]:
                errors += 1
                print(f"{wb}: span ({b['start']}, {b['end']}) overlaps ({a['start']}, {a['end']}) of {wa}", file=sys.stderr)
        # a cluster is one entity: its linked mentions must agree on the link
        links = {}
        for item, where in spans:
            if item["link"] is None:
                continue
            prev = links.setdefault(item["cluster"], (item["link"], where))
            if prev[0] != item["link"]:
                errors += 1
                print(f"{where}: cluster {item['cluster']} links {item['link']!r} but {prev[1]} links {prev[0]!r}",
                      file=sys.stderr)
    if errors:
        print(f"gold_build_entities: {errors} problem(s); nothing written", file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    lines = []
    n_mentions = n_linked = n_metonymy = 0
    for (corpus, doc), entry in sorted(docs.items()):
        items = sorted((m[0] for m in entry["mentions"]), key=lambda i: (i["start"], i["end"]))
        n_mentions += len(items)
        n_linked += sum(1 for i in items if i["link"] is not None)
        n_metonymy += sum(1 for i in items if i["metonymy"])
        published = corpora[corpus][doc][1]
        lines.append(json.dumps({"corpus": corpus, "doc": doc, "published": published, "mentions": items},
                                ensure_ascii=False))
    write_lines(args.out / "entities.jsonl", lines)
    print(f"{len(docs)} documents, {n_mentions} mentions ({n_linked} linked, {n_metonymy} metonymy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
