#!/usr/bin/env python3
"""Derive resources/time/ummalqura.tsv from the Umm al-Qura table of `hijridate`.

The table (`hijridate.ummalqura.MONTH_STARTS`, MIT licence, by Mohammed Alshehri,
https://pypi.org/project/hijridate/) lists the Reduced Julian Day of the first day
of every Hijri month from 1 Muharram 1343 to the end of 1500 AH, as published by
the Umm al-Qura calendar of Saudi Arabia.

Usage:
    pip download --no-deps hijridate==2.6.0 && unzip hijridate-2.6.0-*.whl -d hijridate-src
    PYTHONPATH=hijridate-src python3 tools/ummalqura.py > resources/time/ummalqura.tsv
"""

import datetime
import sys

from hijridate import ummalqura  # type: ignore

RJD_TO_JDN = 2400000
JDN_TO_ORDINAL = 1721425


def main() -> None:
    starts = ummalqura.MONTH_STARTS
    first_year = ummalqura.HIJRI_RANGE[0][0]
    out = sys.stdout
    out.write("# Umm al-Qura calendar: Gregorian date of the first day of every Hijri month.\n")
    out.write("# Source: hijridate 2.6.0 (ummalqura.MONTH_STARTS), MIT licence,\n")
    out.write("# https://pypi.org/project/hijridate/ ; derived by tools/ummalqura.py.\n")
    out.write("# hijri_year\thijri_month\tgregorian_start\tdays\n")
    for i in range(len(starts) - 1):
        year = first_year + i // 12
        month = i % 12 + 1
        ordinal = starts[i] + RJD_TO_JDN - JDN_TO_ORDINAL
        start = datetime.date.fromordinal(ordinal)
        days = starts[i + 1] - starts[i]
        out.write(f"{year}\t{month}\t{start.isoformat()}\t{days}\n")


if __name__ == "__main__":
    main()
