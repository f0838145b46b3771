#!/usr/bin/env python3
"""Wraps the mail-like KDE kitinerary test cases (CC0-1.0) into .eml files and derives their labels.

Run once from the repository root: python3 bench/travel-corpus/kitinerary/import.py /work/shared/data/kitinerary
The outputs are committed; this script documents how they were made. Labels come from kitinerary's expected JSON
(the fields a reader sees in the document), never from Mailsift's output.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# case -> (relative path, language, markup); markup is "schema.org", "ics" or "none" as a reader sees the mail.
# The structureddata documents are markup with little or no prose: their language is nominally "en".
CASES = [
    ("extractordata/amadeus/amadeus_1.txt", "en", "none"),
    ("extractordata/brusselsairlines/brusselsairlines_1.html", "en", "none"),
    ("extractordata/eurowings/eurowings_1.txt", "en", "none"),
    ("extractordata/fcm/fcmtravel_1.txt", "en", "none"),
    ("extractordata/fcm/fcmtravel_2.txt", "en", "none"),
    ("extractordata/fcm/fcmtravel_3.txt", "en", "none"),
    ("extractordata/iberia/iberia_1.txt", "de", "none"),  # German with English
    ("extractordata/swiss/swiss_one-leg-return.txt", "en", "none"),
    ("extractordata/synthetic/flight-booking.eml", "en", "schema.org"),
    ("extractordata/ical/eventreservation.ics", "en", "ics"),
    ("extractordata/lufthansa/20170407-MUC-TLS-Flugsegment_2_in_den_Kalender_eintragen.ics", "de", "ics"),
    ("extractordata/lufthansa/4_ZMB-FRA.ics", "de", "ics"),
    ("extractordata/lufthansa/5_FRA-EWR.ics", "de", "ics"),
    ("extractordata/nationalrail/GLC-KGX.ics", "en", "ics"),
    ("structureddata/eventbrite-broken-json.html", "en", "schema.org"),
    ("structureddata/ew-invalid-json-array.html", "en", "schema.org"),
    ("structureddata/google-flight-reservation-json-ld.html", "en", "schema.org"),
    ("structureddata/google-flight-reservation-microdata.html", "en", "schema.org"),
    ("structureddata/google-json-ld.html", "en", "schema.org"),
    ("structureddata/google-microdata-inline.html", "en", "schema.org"),
    ("structureddata/google-microdata.html", "en", "schema.org"),
    ("structureddata/hotel-json-ld-fallback.html", "en", "schema.org"),
    ("structureddata/ib-microdata.html", "en", "schema.org"),
    ("structureddata/lh-invalid-microdata.html", "en", "schema.org"),
    ("structureddata/lh-more-invalid-microdata.html", "en", "schema.org"),
    ("structureddata/os-two-leg-invalid-microdata.html", "en", "schema.org"),
]

TYPES = {"FlightReservation": "Flight", "LodgingReservation": "Lodging", "TrainReservation": "Train",
         "BusReservation": "Bus", "RentalCarReservation": "RentalCar", "EventReservation": "Event",
         "FoodEstablishmentReservation": "FoodEstablishment"}


def value(v):
    if isinstance(v, dict) and "@value" in v:
        return v["@value"]
    return v


def local(v, date_only=False):
    v = value(v)
    if not isinstance(v, str) or not v:
        return None
    return v[:10] if date_only or len(v) < 16 else v[:16]


def place(p):
    if not isinstance(p, dict):
        return None
    alternatives = [x.strip() for x in (p.get("iataCode"), p.get("name")) if isinstance(x, str) and x.strip()]
    return alternatives[0] if len(alternatives) == 1 else (alternatives or None)


def labels(item):
    kind = TYPES.get(str(item.get("@type", "")).split("/")[-1])
    if kind is None:
        return None
    f = item.get("reservationFor") or {}
    label = {"type": kind}
    if item.get("reservationNumber"):
        label["reservationNumber"] = str(item["reservationNumber"]).strip()
    if kind == "Flight":
        airline = (f.get("airline") or {}).get("iataCode", "")
        if f.get("flightNumber"):
            label["flightNumber"] = (airline + " " + str(f["flightNumber"])).strip()
        label["departure"] = place(f.get("departureAirport"))
        label["arrival"] = place(f.get("arrivalAirport"))
        label["departureTime"] = local(f.get("departureTime")) or local(f.get("departureDay"), True)
    elif kind in ("Train", "Bus"):
        number = " ".join(str(x) for x in (f.get("trainName"), f.get("trainNumber")) if x) if kind == "Train" \
            else " ".join(str(x) for x in (f.get("busName"), f.get("busNumber")) if x)
        if number:
            label["trainNumber" if kind == "Train" else "busNumber"] = number
        station = "Station" if kind == "Train" else "BusStop"
        label["departure"] = place(f.get("departure" + station))
        label["arrival"] = place(f.get("arrival" + station))
        label["departureTime"] = local(f.get("departureTime"))
    elif kind == "Lodging":
        label["name"] = f.get("name")
        label["checkinDate"] = local(item.get("checkinTime") or item.get("checkinDate"), True)
        label["checkoutDate"] = local(item.get("checkoutTime") or item.get("checkoutDate"), True)
    elif kind == "RentalCar":
        label["pickupLocation"] = place(item.get("pickupLocation"))
        label["pickupTime"] = local(item.get("pickupTime"))
        label["dropoffLocation"] = place(item.get("dropoffLocation"))
        label["dropoffTime"] = local(item.get("dropoffTime"))
    elif kind == "Event":
        label["name"] = f.get("name")
        label["startTime"] = local(f.get("startDate"))
    elif kind == "FoodEstablishment":
        label["name"] = f.get("name")
        label["startTime"] = local(item.get("startTime"))
    return {k: v for k, v in label.items() if v}


# Where the expected JSON is not what a reader of the document takes from it. The markup writes "02-02-2018 18:35";
# its ticket numbers (20180202, 20180204) say the format is day-month-year.
OVERRIDES = {
    ("ew-invalid-json-array", 0, "departureTime"): "2018-02-02T18:35",
    ("ew-invalid-json-array", 1, "departureTime"): "2018-02-04T20:40",
}


def items(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return data if isinstance(data, list) else [data]


def headers(case_dir, name, n):
    context = os.path.join(case_dir, "context.eml")
    lines = []
    if os.path.exists(context):
        with open(context, encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()]
    names = {line.split(":", 1)[0].lower() for line in lines}
    if "from" not in names:
        lines.append("From: Bookings <bookings@example.com>")
    # A context without a Date stays without one: kitinerary's own test harness then has no context date either, and an
    # invented one (this script once wrote 1 January 2017 plus a day per case) made confirmations of 2009 and 2016
    # trips read as mail sent after the trip.
    lines += ["To: Traveller <traveller@example.org>", "Subject: " + name,
              "Message-ID: <kitinerary-%s@mailsift.test>" % n, "MIME-Version: 1.0"]
    return "\r\n".join(lines) + "\r\n"


def main(root):
    for n, (rel, language, markup) in enumerate(CASES):
        source = os.path.join(root, rel)
        name = os.path.basename(rel)
        base = os.path.splitext(name)[0]
        with open(source, encoding="utf-8") as f:
            body = f.read()
        case_dir = os.path.dirname(source)
        if name.endswith(".eml"):
            mail = body
        elif name.endswith(".ics"):
            boundary = "mailsift-kitinerary-%d" % n
            mail = headers(case_dir, name, n) + (
                'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n--%s\r\n'
                'Content-Type: text/plain; charset="utf-8"\r\n\r\nPlease find your booking attached.\r\n\r\n'
                '--%s\r\nContent-Type: text/calendar; charset="utf-8"; method=PUBLISH\r\n'
                'Content-Disposition: attachment; filename="%s"\r\n\r\n%s\r\n--%s--\r\n') % (
                boundary, boundary, boundary, name, body.replace("\r\n", "\n").replace("\n", "\r\n"), boundary)
        else:
            subtype = "html" if name.endswith(".html") else "plain"
            mail = headers(case_dir, name, n) + 'Content-Type: text/%s; charset="utf-8"\r\n' \
                'Content-Transfer-Encoding: 8bit\r\n\r\n%s' % (subtype, body)
        expected = source + ".json" if rel.startswith("extractordata") else os.path.splitext(source)[0] + ".json"
        reservations = [r for r in (labels(i) for i in items(expected)) if r]
        for (case, index, field), v in OVERRIDES.items():
            if case == base:
                reservations[index][field] = v
        out = os.path.join(HERE, base)
        with open(out + ".eml", "w", encoding="utf-8", newline="") as f:
            f.write(mail)
        with open(out + ".labels.json", "w", encoding="utf-8") as f:
            json.dump({"source": "kitinerary:" + rel, "licence": "CC0-1.0", "language": language,
                       "markup": markup, "reservations": reservations}, f, indent=2, ensure_ascii=False)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/kitinerary")
