#!/usr/bin/env python3
"""Writes the purchase corpus (bench/purchase-corpus/written and negative): run once, its outputs are committed.

Each mail is described by hand in mails.json (sender, order, items, prices, parcel; the senders in brands.json), then
written out in its sender's style (HTML tables or blocks, plain text, multipart/alternative, boilerplate and footer,
local money and date formats) and its labels are what that description makes the mail say, field by field. No extractor is involved: a label changes
only when the mail is changed. Standard library only.

    python3 bench/purchase-corpus/write_corpus.py
"""
import json
import os
from decimal import Decimal
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
D = Decimal
CURRENCY = {"US": "USD", "GB": "GBP", "FR": "EUR", "DE": "EUR"}
ZONE = {"US": -5, "GB": 0, "FR": 1, "DE": 1}
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
}
WORDS = {
    "en": dict(order="Order number", date="Order date", item="Item", qty="Qty", price="Price", subtotal="Subtotal",
               shipping="Shipping", discount="Discount", total="Order total", tracking="Tracking number",
               carrier="Carrier", hello="Hi %s,", thanks="Thanks for shopping with us.",
               vat="VAT included", paid="Paid with Visa ending in 4417", track="Track your package"),
    "fr": dict(order="Numéro de commande", date="Date de commande", item="Article", qty="Qté", price="Prix",
               subtotal="Sous-total", shipping="Livraison", discount="Réduction", total="Total TTC",
               tracking="Numéro de suivi", carrier="Transporteur", hello="Bonjour %s,",
               thanks="Merci pour votre confiance.", vat="dont TVA", paid="Payé par carte bancaire se terminant par 0932",
               track="Suivre mon colis"),
    "de": dict(order="Bestellnummer", date="Bestelldatum", item="Artikel", qty="Menge", price="Preis",
               subtotal="Zwischensumme", shipping="Versand", discount="Rabatt", total="Gesamtsumme",
               tracking="Sendungsnummer", carrier="Versanddienstleister", hello="Hallo %s,",
               thanks="Vielen Dank für Ihren Einkauf.", vat="inkl. MwSt.", paid="Bezahlt mit PayPal",
               track="Sendung verfolgen"),
}
STATUS_TEXT = {
    "en": {"OrderProcessing": "We've received your order and will let you know when it ships.",
           "OrderInTransit": "Good news: your order is on its way.",
           "OrderOutForDelivery": "Your package is out for delivery today.",
           "OrderDelivered": "Your package was delivered.",
           "OrderCancelled": "Your order has been cancelled. You have not been charged for the cancelled items.",
           "OrderReturned": "We've received your return and issued your refund."},
    "fr": {"OrderProcessing": "Nous avons bien reçu votre commande. Vous serez informé(e) de son expédition.",
           "OrderInTransit": "Bonne nouvelle : votre commande a été expédiée.",
           "OrderOutForDelivery": "Votre colis est en cours de livraison aujourd'hui.",
           "OrderDelivered": "Votre colis a été livré.",
           "OrderCancelled": "Votre commande a été annulée. Aucun montant ne vous sera débité.",
           "OrderReturned": "Nous avons bien reçu votre retour et procédé au remboursement."},
    "de": {"OrderProcessing": "wir haben Ihre Bestellung erhalten und melden uns, sobald sie versandt wird.",
           "OrderInTransit": "gute Nachrichten: Ihre Bestellung ist unterwegs.",
           "OrderOutForDelivery": "Ihr Paket wird heute zugestellt.",
           "OrderDelivered": "Ihr Paket wurde zugestellt.",
           "OrderCancelled": "Ihre Bestellung wurde storniert. Es wird Ihnen nichts berechnet.",
           "OrderReturned": "wir haben Ihre Rücksendung erhalten und die Erstattung veranlasst."},
}


# ---------------------------------------------------------------- local formats
def money(amount, country, style=""):
    q = D(amount).quantize(D("0.01"))
    whole, cents = f"{q:,.2f}".split(".")
    if country == "US":
        return ("USD " if style == "code" else "$") + f"{whole}.{cents}"
    if country == "GB":
        return f"£{whole}.{cents}"
    if country == "FR":
        sep = "\u00a0" if style != "space" else " "
        return whole.replace(",", sep) + "," + cents + (" EUR" if style == "code" else "\u00a0€")
    # DE
    if style == "code":
        return "EUR " + whole.replace(",", ".") + "," + cents
    return whole.replace(",", ".") + "," + cents + " €"


def show_date(iso, lang, country, style=""):
    y, m, d = (int(x) for x in iso.split("-"))
    if style == "numeric":
        return {"US": f"{m:02d}/{d:02d}/{y}", "GB": f"{d:02d}/{m:02d}/{y}", "FR": f"{d:02d}/{m:02d}/{y}",
                "DE": f"{d:02d}.{m:02d}.{y}"}[country]
    name = MONTHS[lang][m - 1]
    if country == "US":
        return f"{name} {d}, {y}"
    return f"{d}. {name} {y}" if lang == "de" else f"{d} {name} {y}"


# ---------------------------------------------------------------- one mail's facts
class Order:
    def __init__(self, number, merchant, date, items=(), shipping="0", discount="0", tax=None, vat=None, tip=None,
                 status=None, show=("number", "items", "prices", "totals", "date")):
        self.number, self.merchant, self.date = number, merchant, date
        self.items = [(n, q, D(p)) for n, q, p in items]
        self.shipping = D(shipping) if shipping is not None else None  # None: no shipping line (rides, apps)
        self.discount = D(discount)
        self.tax = D(tax) if tax is not None else None  # added on top (US sales tax)
        self.vat = D(vat) if vat is not None else None  # included in the prices (UK, FR, DE)
        self.tip = D(tip) if tip is not None else None
        self.status, self.show = status, set(show)

    @property
    def subtotal(self):
        return sum((q * p for _, q, p in self.items), D("0"))

    @property
    def total(self):
        return self.subtotal + (self.shipping or 0) - self.discount + (self.tax or 0) + (self.tip or 0)

    def label(self, currency):
        out = {}
        if "number" in self.show and self.number:
            out["orderNumber"] = self.number
        out["merchant"] = self.merchant
        if "date" in self.show:
            out["orderDate"] = self.date
        if "items" in self.show and self.items:
            out["items"] = [dict(name=n, quantity=q, **({"unitPrice": str(p)} if "prices" in self.show else {}))
                            for n, q, p in self.items]
        if "totals" in self.show:
            out["subtotal"] = str(self.subtotal)
            if self.tax is not None or self.vat is not None:
                out["tax"] = str(self.tax if self.tax is not None else self.vat)
            if self.shipping is not None:
                out["shipping"] = str(self.shipping)
            if self.discount:
                out["discount"] = str(self.discount)
            out["total"] = str(self.total)
            out["currency"] = currency
        if self.status:
            out["status"] = self.status
        return out


class Parcel:
    def __init__(self, tracking, carrier, status, order=None, shown_as=None, url=None):
        self.tracking = tracking.replace(" ", "").upper()  # the label: compact, as the carrier's data writes it
        self.carrier, self.status, self.order = carrier, status, order
        self.shown_as = shown_as or tracking  # how the mail prints it (carriers group digits)
        self.url = url

    def label(self):
        out = {"trackingNumber": self.tracking, "carrier": self.carrier, "status": self.status}
        if self.order:
            out["orderNumber"] = self.order
        return out


class Mail:
    def __init__(self, name, lang, country, brand, subject, when, order=None, parcel=None, layout="both",
                 markup="none", intro=None, extra=(), money_style="", date_style="", note=None, greeting="Alex",
                 negative=False, paragraphs=(), lines=(), ld=None):
        self.__dict__.update(locals())
        del self.__dict__["self"]


# ---------------------------------------------------------------- rendering
def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def blocks(m):
    """The mail's content as (kind, payload) blocks, rendered below as text and as HTML."""
    w, c, o, p = WORDS[m.lang], m.country, m.order, m.parcel
    out = [("h", m.intro or m.subject), ("p", w["hello"] % m.greeting)]
    status = (o.status if o else None) or (p.status if p else None)
    if status and not m.paragraphs:
        out.append(("p", STATUS_TEXT[m.lang][status]))
    out += [("p", x) for x in m.paragraphs]
    if o:
        kv = []
        if "number" in o.show and o.number:
            kv.append((w["order"], o.number))
        if "date" in o.show:
            kv.append((w["date"], show_date(o.date, m.lang, c, m.date_style)))
        out.append(("kv", kv))
        if "items" in o.show and o.items:
            rows = [(n, str(q), money(pr, c, m.money_style) if "prices" in o.show else "") for n, q, pr in o.items]
            out.append(("items", rows))
        if "totals" in o.show:
            t = [(w["subtotal"], money(o.subtotal, c, m.money_style))]
            if o.shipping is not None:
                t.append((m.brand.get("shipping", w["shipping"]), money(o.shipping, c, m.money_style) if o.shipping
                          else {"en": "FREE", "fr": "Gratuite", "de": "kostenlos"}[m.lang]))
            if o.discount:
                t.append((w["discount"], "-" + money(o.discount, c, m.money_style)))
            if o.tax is not None:
                t.append(({"en": "Estimated tax", "fr": "Taxes", "de": "Steuer"}[m.lang], money(o.tax, c, m.money_style)))
            if o.tip is not None:
                t.append(({"en": "Tip", "fr": "Pourboire", "de": "Trinkgeld"}[m.lang], money(o.tip, c, m.money_style)))
            t.append((w["total"], money(o.total, c, m.money_style)))
            if o.vat is not None:
                t.append((w["vat"], money(o.vat, c, m.money_style)))
            out.append(("totals", t))
            out.append(("p", w["paid"]))
    if p:
        out.append(("kv", [(w["carrier"], p.carrier), (w["tracking"], p.shown_as)]))
        if p.url:
            out.append(("a", (w["track"], p.url)))
    out += [("p", x) for x in m.extra]
    out.append(("p", w["thanks"] if not m.negative and m.brand["kind"] != "carrier" else ""))
    out.append(("foot", m.brand["footer"]))
    return [b for b in out if b[1]]


def to_text(m):
    lines = []
    for kind, x in blocks(m):
        if kind == "h":
            lines += [x.upper(), "=" * min(len(x), 60), ""]
        elif kind == "p":
            lines += [x, ""]
        elif kind in ("kv", "totals"):
            width = max(len(k) for k, _ in x) + 2
            lines += [(k + ":").ljust(width) + v for k, v in x] + [""]
        elif kind == "items":
            for n, q, pr in x:
                lines.append(f"  {q} x {n}" + (f"  {pr}" if pr else ""))
            lines.append("")
        elif kind == "a":
            lines += [f"{x[0]}: {x[1]}", ""]
        elif kind == "foot":
            lines += ["--", *x]
    return "\n".join(m.lines or lines) + "\n"


def to_html(m, jsonld=None):
    b = m.brand
    td = 'style="padding:6px 8px;border-bottom:1px solid #e6e6e6;font-family:Arial,sans-serif;font-size:14px"'
    body = [f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#f4f4f4"><tr><td '
            f'align="center"><table role="presentation" width="600" cellpadding="0" cellspacing="0" bgcolor="#ffffff">',
            f'<tr><td style="background:{b["color"]};padding:18px 24px;color:#fff;font:bold 22px Arial">'
            f'{esc(b["name"])}</td></tr><tr><td style="padding:24px">']
    for kind, x in blocks(m):
        if kind == "h":
            body.append(f'<h1 style="font:bold 20px Arial;margin:0 0 16px">{esc(x)}</h1>')
        elif kind == "p":
            body.append(f'<p style="font:14px Arial;line-height:20px">{esc(x)}</p>')
        elif kind in ("kv", "totals"):
            body.append('<table width="100%" cellpadding="0" cellspacing="0">' + "".join(
                f'<tr><td {td}>{esc(k)}</td><td {td} align="right"><b>{esc(v)}</b></td></tr>' for k, v in x)
                + "</table>")
        elif kind == "items":
            w = WORDS[m.lang]
            if b.get("blocks"):
                body += [f'<div style="padding:8px 0;border-bottom:1px solid #ddd"><div style="font:bold 14px Arial">'
                         f'{esc(n)}</div><div style="color:#666">{w["qty"]}: {q}</div>'
                         + (f'<div>{esc(pr)}</div>' if pr else "") + "</div>" for n, q, pr in x]
            else:
                body.append(f'<table width="100%" cellpadding="0" cellspacing="0"><tr><th {td} align="left">'
                            f'{w["item"]}</th><th {td}>{w["qty"]}</th><th {td} align="right">{w["price"]}</th></tr>'
                            + "".join(f'<tr><td {td}>{esc(n)}</td><td {td} align="center">{q}</td>'
                                      f'<td {td} align="right">{esc(pr)}</td></tr>' for n, q, pr in x) + "</table>")
        elif kind == "a":
            body.append(f'<p><a href="{esc(x[1])}" style="background:{b["color"]};color:#fff;padding:10px 18px;'
                        f'text-decoration:none;border-radius:4px">{esc(x[0])}</a></p>')
        elif kind == "foot":
            body.append('</td></tr><tr><td style="padding:16px 24px;font:11px Arial;color:#888">'
                        + "<br>".join(esc(f) for f in x) + "</td></tr>")
    body.append("</table></td></tr></table>")
    head = f'<script type="application/ld+json">\n{jsonld}\n</script>\n' if jsonld else ""
    return (f'<!DOCTYPE html>\n<html lang="{m.lang}"><head><meta charset="utf-8"><title>{esc(m.subject)}</title>\n'
            f'{head}</head><body style="margin:0">\n' + "\n".join(body) + "\n</body></html>\n")


def microdata(m, html):
    """Wraps the mail's first table in an schema.org Order item (Google's microdata samples' shape)."""
    o, c = m.order, CURRENCY[m.country]
    props = (f'<meta itemprop="orderNumber" content="{o.number}"><meta itemprop="orderDate" content="{o.date}">'
             f'<meta itemprop="priceCurrency" content="{c}"><meta itemprop="price" content="{o.total}">'
             f'<div itemprop="seller" itemscope itemtype="http://schema.org/Organization">'
             f'<meta itemprop="name" content="{m.brand["name"]}"></div>'
             + (f'<link itemprop="orderStatus" href="http://schema.org/{o.status}">' if o.status else "")
             + "".join(f'<div itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer">'
                       f'<div itemprop="itemOffered" itemscope itemtype="http://schema.org/Product">'
                       f'<meta itemprop="name" content="{esc(n)}"></div><meta itemprop="price" content="{p}">'
                       f'<meta itemprop="priceCurrency" content="{c}"><div itemprop="eligibleQuantity" itemscope '
                       f'itemtype="http://schema.org/QuantitativeValue"><meta itemprop="value" content="{q}"></div>'
                       f'</div>' for n, q, p in o.items))
    return html.replace('<body style="margin:0">', '<body style="margin:0"><div itemscope '
                        f'itemtype="http://schema.org/Order">{props}', 1).replace("</body>", "</div></body>", 1)


def jsonld(m):
    o, p, c = m.order, m.parcel, CURRENCY[m.country]
    seller = {"@type": "Organization", "name": m.brand["name"]}
    order = None
    if o:
        order = {"@context": "http://schema.org", "@type": "Order", "merchant": seller, "orderNumber": o.number}
        if "date" in o.show:
            order["orderDate"] = o.date
        if o.status:
            order["orderStatus"] = "http://schema.org/" + o.status
        if "totals" in o.show:
            order.update(price=str(o.total), priceCurrency=c)
        if "items" in o.show:
            order["acceptedOffer"] = [dict({"@type": "Offer", "itemOffered": {"@type": "Product", "name": n},
                                            "eligibleQuantity": {"@type": "QuantitativeValue", "value": q}},
                                           **({"price": str(pr), "priceCurrency": c} if "prices" in o.show else {}))
                                      for n, q, pr in o.items]
    if p:
        parcel = {"@context": "http://schema.org", "@type": "ParcelDelivery", "trackingNumber": p.tracking,
                  "carrier": {"@type": "Organization", "name": p.carrier},
                  "deliveryStatus": {"@type": "DeliveryEvent", "name": p.status}}
        if p.url:
            parcel["trackingUrl"] = p.url
        if order:
            parcel["partOfOrder"] = {k: v for k, v in order.items() if k in ("@type", "orderNumber", "merchant")}
            return json.dumps([order, parcel], indent=2, ensure_ascii=False)
        return json.dumps(parcel, indent=2, ensure_ascii=False)
    return json.dumps(order, indent=2, ensure_ascii=False)


def message(m):
    msg = EmailMessage()
    b = m.brand
    msg["From"] = f'{b["name"]} <{b["sender"]}>'
    msg["To"] = f"{m.greeting} Example <{m.greeting.lower()}@example.org>"
    msg["Subject"] = m.subject
    y, mo, d, h, mi = m.when
    msg["Date"] = format_datetime(datetime(y, mo, d, h, mi, tzinfo=timezone(timedelta(hours=ZONE[m.country]))))
    msg["Message-ID"] = "<%04d%02d%02d%02d%02d.%s@%s>" % (*m.when, m.name, b["sender"].split("@")[1])
    if m.negative:
        msg["List-Unsubscribe"] = f'<https://{b["sender"].split("@")[1]}/unsubscribe?u=8c1f2>'
    html = to_html(m, m.ld or (jsonld(m) if m.markup == "jsonld" else None))
    if m.markup == "microdata":
        html = microdata(m, html)
    cte = "quoted-printable" if b.get("qp") else "8bit"
    if m.layout == "text":
        msg.set_content(to_text(m), charset="utf-8", cte=cte)
    elif m.layout == "html":
        msg.set_content(html, subtype="html", charset="utf-8", cte=cte)
    else:
        msg.set_content(to_text(m), charset="utf-8", cte=cte)
        msg.add_alternative(html, subtype="html", charset="utf-8", cte=cte)
        msg.set_boundary("=_alt_" + m.name)  # the same bytes on every run
    return msg


def labels(m):
    c = CURRENCY[m.country]
    out = {"language": m.lang, "country": m.country, "markup": "none" if m.markup == "none" else "schema.org",
           "sender": m.brand["kind"]}
    if m.note:
        out["note"] = m.note
    if m.negative:
        out.update(negative=True, orders=[], parcels=[])
        return out
    out["orders"] = [m.order.label(c)] if m.order else []
    out["parcels"] = [m.parcel.label()] if m.parcel else []
    return out


def write(mails):
    for sub in ("written", "negative"):
        os.makedirs(os.path.join(HERE, sub), exist_ok=True)
    for m in mails:
        sub = "negative" if m.negative else "written"
        base = os.path.join(HERE, sub, m.name)
        with open(base + ".eml", "wb") as f:
            f.write(bytes(message(m)))
        with open(base + ".labels.json", "w", encoding="utf-8") as f:
            json.dump(labels(m), f, indent=1, ensure_ascii=False)
            f.write("\n")
    print("wrote %d mails" % len(mails))


def load():
    """The mails described in mails.json, their senders in brands.json."""
    with open(os.path.join(HERE, "brands.json"), encoding="utf-8") as f:
        brands = json.load(f)
    with open(os.path.join(HERE, "mails.json"), encoding="utf-8") as f:
        descriptions = json.load(f)
    mails = []
    for d in descriptions:
        d.update(brand=brands[d["brand"]], when=tuple(d["when"]))
        if "order" in d:
            o = d.pop("order")
            d["order"] = Order(o.pop("number"), o.pop("merchant"), o.pop("date"), items=[tuple(i) for i in o.pop("items")],
                               show=tuple(o.pop("show")), **o)
        if "parcel" in d:
            p = d.pop("parcel")
            d["parcel"] = Parcel(p["tracking"], p["carrier"], p["status"], p.get("order"), url=p.get("url"))
        if "ld" in d:
            d["ld"] = json.dumps(d["ld"], indent=2)
        mails.append(Mail(**d))
    return mails


if __name__ == "__main__":
    write(load())
