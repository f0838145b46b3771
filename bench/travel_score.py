#!/usr/bin/env python3
"""Scores travel findings against the labelled corpus in bench/travel-corpus (stdlib only).

    python3 bench/travel_score.py CORPUS_DIR --tool mailsift=SCAN.jsonl --tool kitinerary=DIR [--details]

A tool's findings come either from `mailsift scan` JSON lines (a file: "source" names the mail, "data" is the JSON-LD)
or from a directory holding, for every mail X.eml of the corpus, X.eml.json with kitinerary-extractor's JSON-LD array
(same relative path). Both are scored with the same rules (bench/travel-corpus/README.md, "Scoring"):

- per mail, findings are matched to labelled reservations of the same type, greedily by the number of agreeing fields;
- a labelled field is recalled when the matched finding has an agreeing value; a field a finding gives is precise when
  it agrees with the label. Fields a finding gives but the label lacks are not counted. Every scored field of a finding
  left without a label (and every finding on a negative mail) counts against precision;
- other passengers' copies are counted once: labelled reservations of one mail and type with the same scored fields,
  and findings with the same scored fields under another passenger (a finding repeated under the same passenger or
  none is a real duplicate and counts). The passenger is not scored, so one reservation per passenger and leg (schema.org's and kitinerary's
  convention) and one per leg (the written labels') score the same. `--count-copies` scores every copy (before
  2026-11-30).

What it shares with purchase_score.py (reading, normalizing, pairing, counting) is in label_scoring.py.
"""
import argparse
import json
import os
import re
import sys
from collections import defaultdict

from label_scoring import (Counts, alternatives, compact, contains, load_labels, load_scan, norm, obj,
                           pair_greedily, print_type_table, ratio, text, words)

TYPES = {
    "FlightReservation": "Flight", "LodgingReservation": "Lodging", "TrainReservation": "Train",
    "BusReservation": "Bus", "RentalCarReservation": "RentalCar", "EventReservation": "Event",
    "FoodEstablishmentReservation": "FoodEstablishment",
    # kitinerary-extractor reports an event it finds in a calendar or a page as a bare Event
    "Event": "Event",
}
FIELDS = {
    "Flight": ["reservationNumber", "flightNumber", "departure", "arrival", "departureTime"],
    "Train": ["reservationNumber", "trainNumber", "departure", "arrival", "departureTime"],
    "Bus": ["reservationNumber", "busNumber", "departure", "arrival", "departureTime"],
    "Lodging": ["reservationNumber", "name", "checkinDate", "checkoutDate"],
    "RentalCar": ["reservationNumber", "pickupLocation", "pickupTime", "dropoffLocation", "dropoffTime"],
    "Event": ["reservationNumber", "name", "startTime"],
    "FoodEstablishment": ["reservationNumber", "name", "startTime"],
}
OPTIONAL = ["reservationStatus"]  # scored only where a label states it (schedule changes, cancellations)
ORDER = ["Flight", "Lodging", "Train", "Bus", "RentalCar", "Event", "FoodEstablishment"]


def local_time(v):
    """The wall-clock time as the finding writes it (ISO date-time without its offset), 'YYYY-MM-DDTHH:MM'."""
    v = text(v)
    if not v:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", v)
    if not m:
        return None
    return m.group(1) + ("T" + m.group(2) if m.group(2) else "")


def place_values(p):
    if isinstance(p, str):
        return [p]
    if not isinstance(p, dict):
        return []
    out = [x for x in (text(p.get("iataCode")), text(p.get("name"))) if x]
    address = p.get("address")
    if not out and isinstance(address, str):
        out.append(address)
    return out


# ---------------------------------------------------------------- what a finding says
def finding_fields(kind, d):
    f = obj(d, "reservationFor")
    out = {}

    def put(name, value):
        if value:
            out[name] = value

    put("reservationNumber", text(d.get("reservationNumber")))
    put("reservationStatus", text(d.get("reservationStatus")))
    if kind == "Flight":
        airline = text(obj(f, "airline").get("iataCode")) or ""
        number = text(f.get("flightNumber"))
        if number:
            put("flightNumber", number if re.match(r"^[A-Za-z0-9]{2}\s*\d", number) and not number.isdigit()
                else airline + number)
        put("departure", place_values(obj(f, "departureAirport")))
        put("arrival", place_values(obj(f, "arrivalAirport")))
        put("departureTime", local_time(f.get("departureTime")) or local_time(f.get("departureDay")))
    elif kind in ("Train", "Bus"):
        prefix = "train" if kind == "Train" else "bus"
        number, name = text(f.get(prefix + "Number")), text(f.get(prefix + "Name"))
        put(prefix + "Number", [x for x in (number, (name + " " + number) if name and number else None) if x])
        station = "Station" if kind == "Train" else "BusStop"
        put("departure", place_values(obj(f, "departure" + station)))
        put("arrival", place_values(obj(f, "arrival" + station)))
        put("departureTime", local_time(f.get("departureTime")))
    elif kind == "Lodging":
        put("name", text(f.get("name")))
        put("checkinDate", (local_time(d.get("checkinTime")) or local_time(d.get("checkinDate")) or "")[:10])
        put("checkoutDate", (local_time(d.get("checkoutTime")) or local_time(d.get("checkoutDate")) or "")[:10])
    elif kind == "RentalCar":
        put("pickupLocation", place_values(obj(d, "pickupLocation")))
        put("pickupTime", local_time(d.get("pickupTime")))
        put("dropoffLocation", place_values(obj(d, "dropoffLocation")))
        put("dropoffTime", local_time(d.get("dropoffTime")))
    elif kind == "Event":
        event = f or d  # kitinerary's bare Event is the event itself
        put("name", text(event.get("name")))
        put("startTime", local_time(event.get("startDate")))
    elif kind == "FoodEstablishment":
        put("name", text(f.get("name")))
        put("startTime", local_time(d.get("startTime")))
    name = text(obj(d, "underName").get("name"))
    out[PASSENGER] = words(name) if name else None
    return out


# ---------------------------------------------------------------- agreement of one field
def numbers_agree(label, found, strict_prefix):
    """Flight numbers must agree whole (airline included). Train and bus numbers agree when their numbers do: the
    product or operator name in front is not compared (ICE 597 = 597, TGV INOUI 6173 = TGV 6173, AVE 03063 = 3063)."""
    a, b = compact(label), compact(found)
    if a == b:
        return True
    if strict_prefix:
        return False
    number = lambda s: re.sub(r"^0+(?=\d)", "", (re.search(r"\d[\dA-Z]*$", s) or re.search(r"$", s)).group(0))
    return number(a) != "" and number(a) == number(b)


def agrees(field, label, found, kind):
    labels, founds = alternatives(label), alternatives(found)
    for l in labels:
        for f in founds:
            if field == "reservationNumber" and compact(l) == compact(f):
                return True
            if field in ("flightNumber", "trainNumber", "busNumber") and numbers_agree(
                    l, f, strict_prefix=field == "flightNumber"):
                return True
            if field.endswith("Time") or field.endswith("Date"):
                if local_time(f) and local_time(l) and local_time(f)[:len(local_time(l))] == local_time(l) \
                        and len(local_time(f)) >= len(local_time(l)):
                    return True
            if field in ("departure", "arrival", "pickupLocation", "dropoffLocation"):
                if words(l) == words(f) or contains(f, l):
                    return True
            if field == "name" and (words(l) == words(f) or contains(f, l) or (len(words(f)) >= 6 and contains(l, f))):
                return True
            if field == "reservationStatus" and norm(f).endswith(norm(l)):
                return True
    return False


# ---------------------------------------------------------------- matching and counting
def distinct(reservations, scored, copies):
    """The reservations without other passengers' copies: a copy has the same scored fields as an earlier one and
    names another passenger. Labels name none, so a repeated label is a copy. A finding repeated under the same
    passenger, or without one, is a real duplicate: it stays and counts against precision."""
    seen, out = {}, []
    for r in reservations:
        key = json.dumps({f: r[f] for f in scored if f in r}, sort_keys=True, ensure_ascii=False)
        if key in seen:
            if PASSENGER not in r:
                copies["labels"] += 1
                continue
            who = r[PASSENGER]
            if who is not None and who not in seen[key]:
                seen[key].add(who)
                copies["findings"] += 1
                continue
        seen.setdefault(key, set()).add(r.get(PASSENGER))
        out.append(r)
    return out


PASSENGER = "_passenger"  # not a scored field
COUNT_COPIES = False


def score_mail(labels, findings, tally, details, mail, copies):
    """Matches findings to labels per type and adds to tally[(group, key)] the field counts."""
    by_kind = defaultdict(lambda: ([], []))
    for label in labels:
        by_kind[label["type"]][0].append(label)
    for kind, fields in findings:
        by_kind[kind][1].append(fields)
    counted = [0, 0, 0]  # labelled reservations, findings, matched
    for kind, (ls, fs) in by_kind.items():
        scored = FIELDS[kind] + OPTIONAL
        if not COUNT_COPIES:
            ls, fs = distinct(ls, scored, copies), distinct(fs, scored, copies)
        match = pair_greedily(ls, fs, lambda l, f: sum(
            1 for k in scored if k in l and k in f and agrees(k, l[k], f[k], kind)))
        used_f = set(match.values())
        counted[0] += len(ls)
        counted[1] += len(fs)
        counted[2] += len(match)
        for i, l in enumerate(ls):
            f = fs[match[i]] if i in match else {}
            for k in scored:
                if k not in l:
                    continue
                ok = k in f and agrees(k, l[k], f[k], kind)
                for key in (kind, "all", "field:" + k):
                    tally[key].add(labelled=1, emitted=1 if k in f else 0, correct=1 if ok else 0)
                if details is not None and not ok:
                    details.append("%s: %s %s: labelled %r, found %r" % (mail, kind, k, l[k], f.get(k)))
        for j, f in enumerate(fs):
            if j in used_f:
                continue
            n = sum(1 for k in FIELDS[kind] if k in f)
            for key in (kind, "all"):
                tally[key].add(emitted=n)
            for k in FIELDS[kind]:
                if k in f:
                    tally["field:" + k].add(emitted=1)
            if details is not None:
                details.append("%s: unlabelled %s finding %s" % (mail, kind, json.dumps(f, ensure_ascii=False)))
    return counted


def typed(d):
    kind = TYPES.get(str(d.get("@type", "")).rsplit("/", 1)[-1])
    return (kind, finding_fields(kind, d)) if kind else None


def load_dir(path, mails):
    found = defaultdict(list)
    for rel in mails:
        out = os.path.join(path, rel + ".json")
        try:
            with open(out, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError):
            continue  # no output (crash, timeout): no findings
        for d in data if isinstance(data, list) else [data]:
            t = typed(d) if isinstance(d, dict) else None
            if t:
                found[rel].append(t)
    return found


SLICES = [("all", "all positive mails"), ("markup:schema.org", "with schema.org markup"),
          ("markup:ics", "with iCalendar, no schema.org markup"), ("markup:none", "without markup"),
          ("origin:kitinerary", "kitinerary test cases"), ("origin:written", "written for this corpus"),
          ("origin:written/markup:none", "written, without markup"),
          ("origin:kitinerary/markup:none", "kitinerary cases, without markup"),
          ("lang:en", "English"), ("lang:fr", "French"), ("lang:de", "German"), ("lang:es", "Spanish")]
BY_TYPE_SLICES = ["all", "markup:schema.org", "markup:ics", "markup:none"]


def slices(meta):
    origin = "kitinerary" if str(meta.get("source", "")).startswith("kitinerary:") else "written"
    return ["all", "markup:" + meta["markup"], "origin:" + origin, "lang:" + meta["language"],
            "origin:%s/markup:%s" % (origin, meta["markup"])]


def score(mails, found, details):
    """Field counts per slice and type, reservation counts per slice, and what happened on the negatives."""
    tallies = defaultdict(lambda: defaultdict(Counts))
    reservations = defaultdict(lambda: [0, 0, 0, 0])  # mails, labelled, findings, matched
    negatives = [0, 0, 0]  # mails, mails with findings, findings
    copies = {"labels": 0, "findings": 0}  # other passengers' copies counted once
    for rel, meta in mails.items():
        fs = found.get(rel, [])
        if meta.get("negative"):
            negatives[0] += 1
            negatives[1] += 1 if fs else 0
            negatives[2] += len(fs)
            if details is not None and fs:
                details.append("%s: finding on a negative: %s" % (rel, fs))
            continue
        for key in slices(meta):
            counted = score_mail(meta["reservations"], fs, tallies[key], details if key == "all" else None, rel,
                                 copies if key == "all" else {"labels": 0, "findings": 0})
            r = reservations[key]
            r[0] += 1
            for i, n in enumerate(counted):
                r[i + 1] += n
    return tallies, reservations, negatives, copies


def report(name, tallies, reservations, negatives, copies):
    print("## %s\n" % name)
    for key, title in SLICES:
        if key not in BY_TYPE_SLICES or key not in reservations:
            continue
        r = reservations[key]
        print_type_table("%s (%d mails; %d labelled reservations, %d findings, %d matched)" % (title, *r),
                         tallies[key], ORDER)
    t = tallies["all"]
    print("per field, all positive mails\n")
    print("| field | labelled | given | correct | precision | recall |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for key in sorted(k for k in t if k.startswith("field:")):
        c = t[key]
        print("| %s | %d | %d | %d | %s | %s |" % (key[6:], c.labelled, c.emitted, c.correct,
                                                 ratio(c.correct, c.emitted), ratio(c.correct, c.labelled)))
    print("\nfindings on negatives: %d finding(s) on %d of %d negative mails" % (negatives[2], negatives[1],
                                                                                 negatives[0]))
    print("other passengers' copies counted once: %d labelled, %d found (--count-copies counts each)\n"
          % (copies["labels"], copies["findings"]))


def side_by_side(results):
    """One table: every slice and type, each tool's field precision and recall next to the other's."""
    names = list(results)
    print("## Side by side (field-level precision / recall)\n")
    print("| slice | mails | labelled fields | " + " | ".join("%s P | %s R" % (n, n) for n in names) + " |")
    print("| --- | ---: | ---: | " + " | ".join("---: | ---:" for _ in names) + " |")
    first = results[names[0]]
    rows = [(key, title, "all") for key, title in SLICES] + [("all", "type: " + kind, kind) for kind in ORDER]
    for key, title, kind in rows:
        if key not in first[1] or kind not in first[0][key]:
            continue
        cells = []
        for n in names:
            c = results[n][0][key][kind]
            cells.append("%s | %s" % (ratio(c.correct, c.emitted), ratio(c.correct, c.labelled)))
        mails = first[1][key][0] if kind == "all" else ""
        print("| %s | %s | %d | %s |" % (title, mails, first[0][key][kind].labelled, " | ".join(cells)))
    cells = ["%d findings on %d mails | " % (results[n][2][2], results[n][2][1]) for n in names]
    print("| negatives (findings expected: 0) | %d | 0 | %s |" % (first[2][0], " | ".join(cells)))
    print()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus")
    p.add_argument("--tool", action="append", required=True, help="NAME=scan.jsonl or NAME=directory")
    p.add_argument("--details", action="store_true", help="list every missed or wrong field per mail")
    p.add_argument("--count-copies", action="store_true",
                   help="score every copy of a reservation (another passenger's) instead of each distinct one once")
    args = p.parse_args()
    global COUNT_COPIES
    COUNT_COPIES = args.count_copies
    mails = load_labels(args.corpus)
    results = {}
    summary = {}
    for spec in args.tool:
        name, path = spec.split("=", 1)
        found = load_dir(path, mails) if os.path.isdir(path) else load_scan(path, args.corpus, typed)
        details = [] if args.details else None
        results[name] = score(mails, found, details)
        report(name, *results[name])
        if details:
            print("details (%s):\n" % name)
            for line in details:
                print("    " + line)
            print()
        overall = results[name][0]["all"]["all"]
        summary[name] = {"precision": round(overall.correct / overall.emitted, 4) if overall.emitted else None,
                         "recall": round(overall.correct / overall.labelled, 4) if overall.labelled else None,
                         "negative_findings": results[name][2][2]}
    side_by_side(results)
    positives = sum(1 for m in mails.values() if not m.get("negative"))
    print("corpus: %d mails, %d positive, %d negative" % (len(mails), positives, len(mails) - positives))
    json.dump(summary, sys.stderr)
    sys.stderr.write("\n")


if __name__ == "__main__":
    main()
