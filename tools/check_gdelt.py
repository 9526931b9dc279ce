#!/usr/bin/env python3
"""Load marsad's GDELT 2.0 event rows as researchers do, and check every row.

    python3 tools/check_gdelt.py events.tsv [more.tsv ...] [--json]

Each file is a `marsad analyze … --format gdelt --header` output. It is read twice:
with pandas (codes as strings, numbers typed) and with DuckDB's CSV reader (the
GDELT column types given explicitly), and both must give the same rows. Then every
row is checked against the CAMEO table (resources/events/cameo.tsv) and the
country list (resources/gazetteer/countries.tsv):

- EventCode is a CAMEO code; EventBaseCode and EventRootCode are its first 3 and 2 digits;
- QuadClass and GoldsteinScale are those of the EventCode;
- Actor1/2CountryCode and the geography country columns are empty or an ISO 3166-1
  alpha-3 code; Actor1/2Type1Code is empty or a CAMEO role (GOV, MIL, LEG, …);
- Day, MonthYear, Year and FractionDate agree, and Day is a real date;
- AvgTone is empty or within GDELT's range (-100 to 100).

Prints the counts (rows, rows with a date, with AvgTone, per QuadClass) and every
problem; exits 1 when a row fails a check, 2 when a file cannot be read.
"""
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROLES = {"GOV", "MIL", "LEG", "JUD", "COP", "IGO", "NGO", "REB", "OPP", "BUS", "MED", "CVL"}
CODE_COLUMNS = [
    "Actor1Code", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code",
    "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "EventCode", "EventBaseCode", "EventRootCode",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_FeatureID",
    "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_FeatureID",
    "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_FeatureID",
]
INT_COLUMNS = ["GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
               "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"]
FLOAT_COLUMNS = ["FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
                 "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"]


def table(path):
    rows = {}
    columns = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# columns:"):
            columns = [c.strip() for c in line[len("# columns:"):].split(",")]
            continue
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        if columns is None:
            columns = f
            continue
        rows[f[0]] = dict(zip(columns, f))
    return rows


def read_pandas(path):
    import pandas as pd

    dtypes = {c: "string" for c in CODE_COLUMNS + ["Actor1Name", "Actor2Name", "Actor1Geo_FullName",
                                                     "Actor2Geo_FullName", "ActionGeo_FullName", "SOURCEURL"]}
    dtypes.update({c: "Int64" for c in INT_COLUMNS})
    dtypes.update({c: "Float64" for c in FLOAT_COLUMNS})
    return pd.read_csv(path, sep="\t", dtype=dtypes, keep_default_na=False, na_values={c: [""] for c in dtypes},
                       quoting=3)


def read_duckdb(path, header):
    import duckdb

    types = {c: "VARCHAR" for c in header}
    types.update({c: "BIGINT" for c in INT_COLUMNS})
    types.update({c: "DOUBLE" for c in FLOAT_COLUMNS})
    con = duckdb.connect()
    spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in types.items()) + "}"
    return con.execute(
        f"SELECT * FROM read_csv(?, delim='\\t', header=true, quote='', escape='', columns={spec})", [str(path)]
    ).df()


def check(df, cameo, countries, problems, name):
    def bad(i, msg):
        problems.append(f"{name}: row {i + 2}: {msg}")

    for i, r in enumerate(df.to_dict("records")):
        code = r["EventCode"]
        c = cameo.get(code) if isinstance(code, str) else None
        if c is None:
            bad(i, f"EventCode {code!r} is not a CAMEO code")
        else:
            if r["EventBaseCode"] != code[:3] or r["EventRootCode"] != code[:2]:
                bad(i, f"base/root codes {r['EventBaseCode']}/{r['EventRootCode']} do not follow {code}")
            if r["QuadClass"] != int(c["quad_class"]):
                bad(i, f"QuadClass {r['QuadClass']} for {code}, whose quad class is {c['quad_class']}")
            if abs(r["GoldsteinScale"] - float(c["goldstein"])) > 1e-6:
                bad(i, f"GoldsteinScale {r['GoldsteinScale']} for {code}, whose value is {c['goldstein']}")
        for side in ("Actor1", "Actor2"):
            cc, role = r[f"{side}CountryCode"], r[f"{side}Type1Code"]
            if isinstance(cc, str) and cc not in countries:
                bad(i, f"{side}CountryCode {cc!r} is not an ISO 3166-1 alpha-3 code")
            if isinstance(role, str) and role not in ROLES:
                bad(i, f"{side}Type1Code {role!r} is not a CAMEO role")
            code_ = r[f"{side}Code"]
            if isinstance(code_, str) and code_ != (cc if isinstance(cc, str) else "") + (role if isinstance(role, str) else ""):
                bad(i, f"{side}Code {code_!r} is not its country and role")
        day = r["Day"]
        if day is not None and day == day:  # not NA
            try:
                d = date(int(day) // 10000, int(day) // 100 % 100, int(day) % 100)
            except ValueError:
                bad(i, f"Day {day} is not a date")
                continue
            if r["MonthYear"] != d.year * 100 + d.month or r["Year"] != d.year:
                bad(i, f"MonthYear/Year {r['MonthYear']}/{r['Year']} do not follow Day {day}")
        tone = r["AvgTone"]
        if tone is not None and tone == tone and not -100 <= tone <= 100:
            bad(i, f"AvgTone {tone} outside -100..100")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    as_json = "--json" in sys.argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import duckdb  # noqa: F401
        import pandas  # noqa: F401
    except ImportError as e:
        print(f"check_gdelt: {e.name} is not installed: pip install -r tools/requirements-data.txt", file=sys.stderr)
        return 2
    cameo = table(ROOT / "resources/events/cameo.tsv")
    countries = {
        line.split("\t")[0]
        for line in (ROOT / "resources/gazetteer/countries.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    problems, totals = [], {"rows": 0, "dated": 0, "tone": 0, "quad": {}}
    for name in args:
        path = Path(name)
        try:
            header = path.open(encoding="utf-8").readline().rstrip("\n").split("\t")
        except OSError as e:
            print(f"check_gdelt: {name}: {e.strerror}", file=sys.stderr)
            return 2
        if len(header) != 61 or header[0] != "GlobalEventID":
            print(f"check_gdelt: {name}: the first line is not the 61 GDELT column names (--header)", file=sys.stderr)
            return 2
        pdf = read_pandas(path)
        ddf = read_duckdb(path, header)
        if len(pdf) != len(ddf) or list(pdf["GlobalEventID"]) != list(ddf["GlobalEventID"]):
            problems.append(f"{name}: pandas read {len(pdf)} rows, DuckDB {len(ddf)}")
        if ddf["EventCode"].dtype != object or any(isinstance(x, str) and not x.isdigit() for x in ddf["EventCode"]):
            problems.append(f"{name}: DuckDB did not keep EventCode as a string of digits")
        check(pdf, cameo, countries, problems, name)
        totals["rows"] += len(pdf)
        totals["dated"] += int(pdf["Day"].notna().sum())
        totals["tone"] += int(pdf["AvgTone"].notna().sum())
        for q, n in pdf["QuadClass"].value_counts().items():
            totals["quad"][str(q)] = totals["quad"].get(str(q), 0) + int(n)
    totals["problems"] = len(problems)
    if as_json:
        print(json.dumps(totals))
    else:
        r = max(totals["rows"], 1)
        print(f"{totals['rows']} rows: {totals['dated']} with a date ({100 * totals['dated'] / r:.1f} %), "
              f"{totals['tone']} with AvgTone ({100 * totals['tone'] / r:.1f} %); QuadClass "
              + ", ".join(f"{k}: {v}" for k, v in sorted(totals["quad"].items()))
              + f"; {len(problems)} problem(s)")
    for p in problems[:50]:
        print(p, file=sys.stderr)
    if len(problems) > 50:
        print(f"… and {len(problems) - 50} more", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
