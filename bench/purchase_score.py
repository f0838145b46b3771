#!/usr/bin/env python3
"""Scores purchase findings against the labelled corpus in bench/purchase-corpus (stdlib only).

    python3 bench/purchase_score.py CORPUS_DIR SCAN.jsonl [--details]

SCAN.jsonl is `mailsift scan` output (JSON lines: "source" names the mail, "data" is the JSON-LD). The rules are in
bench/purchase-corpus/README.md, "Scoring":

- per mail, Order findings are paired with labelled orders and ParcelDelivery findings with labelled parcels, greedily
  by the number of agreeing fields (an Invoice finding counts as the order it references);
- a labelled field is recalled when the paired finding has an agreeing value; a field a finding gives is precise when
  it agrees with the label. Fields a finding gives but the label lacks are not counted. Every scored field of a finding
  left without a label counts against precision; findings on negative mails are counted apart (expected: none);
- money is compared as exact decimals, line items one by one (name, quantity, unit price).

Reading, normalizing, pairing and counting are shared with travel_score.py (label_scoring.py).
"""
import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from label_scoring import (Counts, alternatives, compact, contains, load_labels, load_scan, norm, obj,
                           pair_greedily, print_type_table, ratio, text, words)

FIELDS = {
    "Order": ["orderNumber", "merchant", "orderDate", "items", "subtotal", "tax", "shipping", "discount", "total",
              "currency", "status"],
    "ParcelDelivery": ["trackingNumber", "carrier", "status", "orderNumber"],
}
ORDER = ["Order", "ParcelDelivery"]
# The fields issue 6 names, first in the per-field table.
HEADLINE = [("Order", "orderNumber"), ("Order", "merchant"), ("Order", "total"), ("Order", "currency"),
            ("Order", "items"), ("ParcelDelivery", "trackingNumber"), ("ParcelDelivery", "carrier"),
            ("Order", "status"), ("ParcelDelivery", "status")]
MONEY = {"subtotal", "tax", "shipping", "discount", "total"}

# ---------------------------------------------------------------- names
# Legal forms, web decorations and country domains a sender adds or leaves out ("Amazon.co.uk" = "Amazon",
# "Otto (GmbH & Co KG)" = "OTTO"), as the connector's OrganizationName, plus country domains.
DECORATIONS = set("inc incorporated llc ltd limited plc corp corporation co company gmbh mbh ag kg ohg ug se sa sas "
                  "sarl srl spa bv nv ab as oy com net org shop store online uk de fr us eu".split())
# Carrier names a reader counts as the same carrier (after organization()).
CARRIERS = {
    "ups": {"ups", "unitedparcelservice", "upsstandard", "upsexpress"},
    "fedex": {"fedex", "federalexpress", "fedexground", "fedexexpress"},
    "usps": {"usps", "unitedstatespostalservice", "uspostalservice", "postalservice"},
    "dhl": {"dhl", "dhlexpress", "dhlpaket", "deutschepostdhl", "dhlparcel", "dhlecommerce"},
    "dpd": {"dpd", "dpdgroup", "dpdfrance", "dpddeutschland"},
    "royalmail": {"royalmail", "parcelforce"},
    "colissimo": {"colissimo", "laposte", "lapostecolissimo"},
    "chronopost": {"chronopost"},
    "amazonlogistics": {"amazonlogistics", "amazon", "amazonshipping"},
    "yodel": {"yodel"},
    "ontrac": {"ontrac"},
}


def organization(name):
    plain = "".join(c for c in unicodedata.normalize("NFKD", norm(name)) if not unicodedata.combining(c))
    parts = [w for w in re.split(r"[\W_]+", plain) if w]
    if parts and parts[0] in ("www", "the"):
        parts = parts[1:]
    while len(parts) > 1 and parts[-1] in DECORATIONS:
        parts = parts[:-1]
    return "".join(parts)


def carrier(name):
    o = organization(name)
    return next((key for key, names in CARRIERS.items() if o in names), o)


def number(s):
    """Order and tracking numbers: case, spaces, '-', '/' and a leading '#' or 'No.' ignored."""
    return compact(re.sub(r"^\s*(#|n[o°º]\.?\s*)", "", str(s), flags=re.I))


def amount(v):
    """A schema.org price as a Decimal: a JSON number or a plain decimal string ('1234.56'). Anything else given
    ('1.234,56 €') stays text: given, so it counts against precision, but never agreeing."""
    if isinstance(v, dict):
        v = v.get("price", v.get("value"))
    if isinstance(v, bool) or v is None or str(v).strip() == "":
        return None
    s = str(v).strip()
    if not re.fullmatch(r"-?\d+(\.\d+)?", s):
        return s
    try:
        return Decimal(s)
    except InvalidOperation:
        return s


def status(v):
    """'http://schema.org/OrderDelivered', {'@id': ...} or a DeliveryEvent named after the status: its last word."""
    if isinstance(v, dict):
        v = v.get("@id") or v.get("name") or v.get("@value")
    v = text(v)
    return re.split(r"[/#:]", v)[-1] if v else None


# ---------------------------------------------------------------- what a finding says
def items(order):
    out = []
    offers = order.get("acceptedOffer") or order.get("orderedItem") or []
    for x in offers if isinstance(offers, list) else [offers]:
        if not isinstance(x, dict):
            continue
        thing = obj(x, "itemOffered") or obj(x, "orderedItem") or x
        quantity = x.get("orderQuantity", obj(x, "eligibleQuantity").get("value", x.get("eligibleQuantity")))
        out.append({"name": text(thing.get("name")), "quantity": quantity,
                    "unitPrice": amount(x.get("price", obj(x, "priceSpecification").get("price")))})
    return out


def price_parts(order):
    """Subtotal, tax and shipping a finding may give as schema.org priceSpecification entries, by type or name."""
    out = {}
    specs = order.get("priceSpecification") or []
    for spec in specs if isinstance(specs, list) else [specs]:
        if not isinstance(spec, dict):
            continue
        kind, name = str(spec.get("@type", "")), norm(spec.get("name") or "")
        if kind.endswith("DeliveryChargeSpecification") or re.search(r"shipping|delivery|livraison|versand", name):
            out.setdefault("shipping", amount(spec))
        elif re.search(r"tax|vat|tva|mwst|ust", name):
            out.setdefault("tax", amount(spec))
        elif re.search(r"subtotal|sous-total|zwischensumme", name):
            out.setdefault("subtotal", amount(spec))
    return out


def order_fields(d):
    out = {}

    def put(name, value):
        if value is not None and value != "" and value != []:
            out[name] = value

    if str(d.get("@type", "")).endswith("Invoice"):  # the order it bills
        ref = obj(d, "referencesOrder")
        due = obj(d, "totalPaymentDue")
        put("orderNumber", text(ref.get("orderNumber")) or text(d.get("confirmationNumber")))
        put("merchant", text(obj(d, "provider").get("name")) or text(d.get("provider")))
        put("total", amount(due))
        put("currency", text(due.get("priceCurrency") or due.get("currency")))
        return out
    put("orderNumber", text(d.get("orderNumber")))
    seller = d.get("seller") or d.get("merchant")
    put("merchant", text(seller) if not isinstance(seller, dict) else text(seller.get("name")))
    put("orderDate", (text(d.get("orderDate")) or "")[:10])
    put("items", items(d))
    total = d.get("price", d.get("totalPrice", obj(d, "totalPaymentDue") or None))
    put("total", amount(total))
    put("currency", text(d.get("priceCurrency") or obj(d, "totalPaymentDue").get("priceCurrency")))
    put("discount", amount(d.get("discount")))
    for k, v in price_parts(d).items():
        put(k, v)
    put("status", status(d.get("orderStatus")))
    return out


def parcel_fields(d):
    out = {}
    for k, v in (("trackingNumber", text(d.get("trackingNumber"))),
                 ("carrier", text(d.get("provider") or d.get("carrier"))),
                 ("status", status(d.get("deliveryStatus")) or status(obj(d, "partOfOrder").get("orderStatus"))),
                 ("orderNumber", text(obj(d, "partOfOrder").get("orderNumber")))):
        if v:
            out[k] = v
    return out


def typed(d):
    kind = str(d.get("@type", "")).rsplit("/", 1)[-1]
    if kind in ("Order", "Invoice"):
        return "Order", order_fields(d)
    if kind == "ParcelDelivery":
        return "ParcelDelivery", parcel_fields(d)
    return None


# ---------------------------------------------------------------- agreement
def name_agrees(label, found):
    return bool(found) and (words(label) == words(found) or contains(found, label)
                            or (len(words(found)) >= 6 and contains(label, found)))


def item_agrees(label, found):
    if not name_agrees(label["name"], found.get("name")):
        return False
    quantity = found.get("quantity")
    try:
        quantity = Decimal(str(quantity)) if quantity is not None else Decimal(1)
    except InvalidOperation:
        return False
    if "quantity" in label and quantity != Decimal(label["quantity"]):
        return False
    return "unitPrice" not in label or found.get("unitPrice") == Decimal(label["unitPrice"])


def matched_items(labelled, found):
    """How many labelled items have their own agreeing found item (greedily, in order)."""
    used, n = set(), 0
    for label in labelled:
        for j, f in enumerate(found):
            if j not in used and item_agrees(label, f):
                used.add(j)
                n += 1
                break
    return n


def agrees(field, label, found):
    if field == "items":
        return matched_items(label, found) > 0
    for l in alternatives(label):
        if field in ("orderNumber", "trackingNumber") and number(l) == number(found):
            return True
        if field == "merchant" and organization(l) == organization(found):
            return True
        if field == "carrier" and carrier(l) == carrier(found):
            return True
        if field in MONEY and isinstance(found, Decimal) and abs(Decimal(l)) == abs(found):
            return True
        if field == "currency" and norm(l) == norm(found):
            return True
        if field == "orderDate" and str(found)[:10] == l:
            return True
        if field == "status" and norm(found) == norm(l):
            return True
    return False


# ---------------------------------------------------------------- matching and counting
def add(tally, kind, field, labelled=0, emitted=0, correct=0):
    for key in (kind, "all", "field:%s.%s" % (kind, field)):
        tally[key].add(labelled=labelled, emitted=emitted, correct=correct)


def score_mail(meta, findings, tally, details, mail):
    """Pairs findings with labels per type and adds their field counts to tally; returns the pairs made."""
    paired = 0
    for kind, key in (("Order", "orders"), ("ParcelDelivery", "parcels")):
        ls = meta.get(key, [])
        fs = [f for k, f in findings if k == kind]
        match = pair_greedily(ls, fs, lambda l, f: sum(
            1 for k in FIELDS[kind] if k in l and k in f and agrees(k, l[k], f[k])))
        paired += len(match)
        for i, l in enumerate(ls):
            f = fs[match[i]] if i in match else {}
            for k in FIELDS[kind]:
                if k not in l:
                    continue
                if k == "items":
                    given = f.get("items", [])
                    n = matched_items(l[k], given)
                    add(tally, kind, k, labelled=len(l[k]), emitted=len(given), correct=n)
                    ok = n == len(l[k]) and n == len(given)
                else:
                    ok = k in f and agrees(k, l[k], f[k])
                    add(tally, kind, k, labelled=1, emitted=1 if k in f else 0, correct=1 if ok else 0)
                if details is not None and not ok:
                    details.append("%s: %s %s: labelled %s, found %s" % (mail, kind, k, show(l[k]), show(f.get(k))))
        for j, f in enumerate(fs):
            if j in match.values():
                continue
            for k in FIELDS[kind]:
                if k in f:
                    add(tally, kind, k, emitted=len(f[k]) if k == "items" else 1)
            if details is not None:
                details.append("%s: unlabelled %s finding %s" % (mail, kind, show(f)))
    return paired


def show(v):
    return json.dumps(v, ensure_ascii=False, default=str)


SLICES = [("all", "all positive mails"), ("markup:schema.org", "with schema.org markup"),
          ("markup:none", "without markup"), ("lang:en", "English"), ("lang:fr", "French"), ("lang:de", "German"),
          ("country:US", "US"), ("country:GB", "UK"), ("country:FR", "France"), ("country:DE", "Germany"),
          ("sender:merchant", "shops"), ("sender:marketplace", "marketplaces"), ("sender:food", "food and grocery delivery"),
          ("sender:ride", "rides"), ("sender:app", "app stores and subscriptions"), ("sender:carrier", "carriers")]
BY_TYPE_SLICES = ["all", "markup:schema.org", "markup:none"]


def slices(meta):
    return ["all", "markup:" + meta["markup"], "lang:" + meta["language"], "country:" + meta["country"],
            "sender:" + meta["sender"]]


def score(mails, found, details):
    tallies = defaultdict(lambda: defaultdict(Counts))
    counts = defaultdict(lambda: [0, 0, 0, 0])  # mails, labelled orders + parcels, findings, paired
    negatives = defaultdict(lambda: [0, 0, 0])  # per markup: mails, mails with findings, findings
    for rel, meta in mails.items():
        fs = found.get(rel, [])
        if meta.get("negative"):
            for key in ("all", meta["markup"]):
                n = negatives[key]
                n[0] += 1
                n[1] += 1 if fs else 0
                n[2] += len(fs)
            if details is not None and fs:
                details.append("%s: finding on a negative: %s" % (rel, show(fs)))
            continue
        for key in slices(meta):
            paired = score_mail(meta, fs, tallies[key], details if key == "all" else None, rel)
            c = counts[key]
            c[0] += 1
            c[1] += len(meta["orders"]) + len(meta["parcels"])
            c[2] += len(fs)
            c[3] += paired
    return tallies, counts, negatives


def report(tallies, counts, negatives):
    titles = dict(SLICES)
    for key in (k for k in BY_TYPE_SLICES if k in counts):
        print_type_table("%s (%d mails; %d labelled orders and parcels, %d findings, %d paired)"
                         % (titles[key], *counts[key]), tallies[key], ORDER)
    print("per field (precision / recall; items count one per line item)\n")
    print("| field | labelled | all P | all R | with markup P | with markup R | without markup P | without markup R |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    rest = [(k, f) for k in ORDER for f in FIELDS[k] if (k, f) not in HEADLINE]
    for kind, field in HEADLINE + rest:
        key = "field:%s.%s" % (kind, field)
        cells = []
        for s in BY_TYPE_SLICES:
            t = tallies[s].get(key, Counts())
            cells.append("%s | %s" % (ratio(t.correct, t.emitted), ratio(t.correct, t.labelled)))
        bold = "**%s**" if (kind, field) in HEADLINE else "%s"
        print("| %s | %d | %s |" % (bold % ("%s %s" % (kind, field)), tallies["all"].get(key, Counts()).labelled,
                                    " | ".join(cells)))
    print("\nby slice\n")
    print("| slice | mails | labelled fields | precision | recall |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for key, title in SLICES:
        if key in counts:
            t = tallies[key]["all"]
            print("| %s | %d | %d | %s | %s |" % (title, counts[key][0], t.labelled, ratio(t.correct, t.emitted),
                                                ratio(t.correct, t.labelled)))
    for key, title in (("all", "all"), ("schema.org", "with markup"), ("none", "without markup")):
        if key in negatives:
            n = negatives[key]
            print("| negatives, %s (findings expected: 0) | %d | - | %d finding(s) on %d mail(s) | |" % (
                title, n[0], n[2], n[1]))
    print()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus")
    p.add_argument("scan", help="`mailsift scan` output (JSON lines)")
    p.add_argument("--details", action="store_true", help="list every missed or wrong field per mail")
    args = p.parse_args()
    mails = load_labels(args.corpus)
    found = load_scan(args.scan, args.corpus, typed)
    details = [] if args.details else None
    tallies, counts, negatives = score(mails, found, details)
    report(tallies, counts, negatives)
    if details:
        print("details:\n")
        for line in details:
            print("    " + line)
        print()
    positives = sum(1 for m in mails.values() if not m.get("negative"))
    print("corpus: %d mails, %d positive, %d negative" % (len(mails), positives, len(mails) - positives))
    overall = tallies["all"]["all"]
    json.dump({"precision": round(overall.correct / overall.emitted, 4) if overall.emitted else None,
               "recall": round(overall.correct / overall.labelled, 4) if overall.labelled else None,
               "negative_findings": negatives["all"][2]}, sys.stderr)
    sys.stderr.write("\n")


if __name__ == "__main__":
    main()
