#!/usr/bin/env python3
"""Fills QloApps' own order-confirmation mail templates (the files next to this script, as the repository has them) with
invented bookings, as a hotel running QloApps sends them, and writes mails/qloapps-CASE.eml with the labels a reader
writes for it (mails/qloapps-CASE.labels.json). Rerun after changing a case; the outputs are committed.

    python3 bench/travel-devset/source/qloapps/render.py

QloApps sends the text template as the mail's text/plain part (its HTML part holds the same booking table); the
variables are filled the way its Mail::Send and Smarty do: {date} is the order's date in the shop language's full
format (en: m/d/Y H:i:s), dates in the booking rows are %d-%b-%G. Hotels, persons, order references and prices are
invented.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "mails")

CASES = [
    {
        "case": "order-conf-one-room",
        "sent": "Fri, 02 Oct 2026 14:21:09 +0100",
        "shop_name": "Casa Aurelia Hotels", "shop_url": "https://www.casa-aurelia.example/",
        "from": "Casa Aurelia Hotels <reservations@casa-aurelia.example>",
        "to": "Lena Brandt <lena.brandt@example.org>", "firstname": "Lena", "lastname": "Brandt",
        "hotel_name": "Hotel Casa Aurelia Lisboa", "order_name": "QWXZRTPLA", "date": "10/02/2026 14:21:09",
        "rooms": [("Deluxe Double Room", 2, 0, "€142.00", 1, "14-Nov-2026", "17-Nov-2026", "€426.00")],
        "totals": ("€426.00", "€0.00", "€0.00", "€25.56", "€0.00", "€451.56"),
        "labels": [{"type": "Lodging", "reservationNumber": "QWXZRTPLA", "name": "Hotel Casa Aurelia Lisboa",
                    "checkinDate": "2026-11-14", "checkoutDate": "2026-11-17"}],
    },
    {
        "case": "order-conf-two-room-types",
        "sent": "Mon, 11 Jan 2027 09:02:44 +0530",
        "shop_name": "Hotel Nilgiri Crest", "shop_url": "https://www.nilgiricrest.example/",
        "from": "Hotel Nilgiri Crest <booking@nilgiricrest.example>",
        "to": "Arun Mehta <arun.mehta@example.net>", "firstname": "Arun", "lastname": "Mehta",
        "hotel_name": "Hotel Nilgiri Crest Ooty", "order_name": "HBKTMSWEF", "date": "01/11/2027 09:02:44",
        "rooms": [("Premium Valley View", 2, 1, "₹6,800.00", 1, "05-Mar-2027", "08-Mar-2027", "₹20,400.00"),
                  ("Standard Twin", 2, 0, "₹4,200.00", 1, "05-Mar-2027", "08-Mar-2027", "₹12,600.00")],
        "totals": ("₹33,000.00", "₹0.00", "₹0.00", "₹3,960.00", "₹1,000.00", "₹35,960.00"),
        "labels": [{"type": "Lodging", "reservationNumber": "HBKTMSWEF", "name": "Hotel Nilgiri Crest Ooty",
                    "checkinDate": "2027-03-05", "checkoutDate": "2027-03-08"}],
        "note": "two room types of one hotel for the same nights: one stay",
    },
]


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def rooms_text(case):
    row = read("hotel-booking-cart-data-text.tpl")
    body = row[row.index("<img"):row.index("{/foreach}\n{/foreach}")]
    out = []
    for i, (name, adults, children, unit, qty, start, end, amount) in enumerate(case["rooms"]):
        out.append(body.replace("{$data_v['cover_img']}", case["shop_url"] + "img/rt/%d-medium.jpg" % (i + 11))
                   .replace("{$data_v['name']}", name).replace("{$data_v['hotel_name']}", case["hotel_name"])
                   .replace("{$data_v['adult']} {l s='Adults'}", "%d Adults" % adults)
                   .replace("{$data_v['children']} {l s='Children'}", "%d Children" % children)
                   .replace("{convertPrice price=$data_v['unit_price']}", unit)
                   .replace("{$rm_v['num_rm']}", str(qty))
                   .replace("{$rm_v['data_form']|date_format:\"%d-%b-%G\"}", start)
                   .replace("{$rm_v['data_to']|date_format:\"%d-%b-%G\"}", end)
                   .replace("{$rm_v['amount']}", amount))
    return "\n" + "".join(out) + "\n"


def totals_text(case):
    rooms, products, extras, tax, discounts, paid = case["totals"]
    text = read("order_conf_total_info_text.tpl")
    # a booking of rooms only: the standalone products' block is not printed
    text = re.sub(r"\{if isset\(\$list\['has_standalone_products'\]\).*?\{/if\}\n", "", text, flags=re.S)
    text = re.sub(r"\{/?if[^}]*\}\n", "", text)
    for key, value in (("room_price_tax_excl", rooms), ("additional_service_price_tax_excl", extras),
                       ("total_convenience_fee_te", "₹0.00" if "₹" in rooms else "€0.00"),
                       ("total_order_tax", tax), ("total_discounts", discounts), ("total_paid", paid)):
        text = text.replace("{$list['%s']}" % key, value)
    return re.sub(r"\{l s=\"([^\"]+)\"\}", r"\1", text)


def main():
    for case in CASES:
        body = read("order_conf.txt")
        values = {"shop_name": case["shop_name"], "shop_url": case["shop_url"], "firstname": case["firstname"],
                  "lastname": case["lastname"], "hotel_name": case["hotel_name"], "order_name": case["order_name"],
                  "date": case["date"], "cart_booking_data_text": rooms_text(case), "extra_demands_details_text": "",
                  "normal_products_data_txt": "", "discounts": "", "order_total_info_txt": totals_text(case),
                  "history_url": case["shop_url"] + "order-history", "my_account_url": case["shop_url"] + "my-account",
                  "guest_tracking_url": case["shop_url"] + "guest-tracking"}
        for key, value in values.items():
            body = body.replace("{%s}" % key, value)
        mail = ("Message-ID: <qloapps-%s@mailsift-devset>\r\nDate: %s\r\nFrom: %s\r\nTo: %s\r\n"
                "Subject: [%s] Order confirmation\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n") % (
            case["case"], case["sent"], case["from"], case["to"], case["shop_name"],
            body.replace("\r\n", "\n").replace("\n", "\r\n"))
        base = os.path.join(OUT, "qloapps-" + case["case"])
        with open(base + ".eml", "w", encoding="utf-8", newline="") as f:
            f.write(mail)
        labels = {"source": "QloApps:mails/en/order_conf.txt (rendered)", "licence": "OSL-3.0",
                  "language": "en", "markup": "none", "reservations": case["labels"]}
        if "note" in case:
            labels["note"] = case["note"]
        with open(base + ".labels.json", "w", encoding="utf-8") as f:
            json.dump(labels, f, indent=2, ensure_ascii=False)
            f.write("\n")


if __name__ == "__main__":
    main()
