#!/usr/bin/env python3
"""Wraps the development cases under source/ into mails/ (.eml + .labels.json), as the corpus' importer does.

    python3 bench/travel-devset/import.py

source/VENDOR/ holds, as KDE kitinerary's public autotests have them (CC0-1.0): the vendor's context.eml (headers),
each case X.txt, X.html or X.ics with kitinerary's expected JSON X.ext.json, and a LANGUAGE file (en, fr, de, es,
cs, ...). Each case becomes mails/VENDOR-X.eml, wrapped and labelled by the functions of the corpus' importer
(bench/travel-corpus/kitinerary/import.py), so the two sets are read and scored the same way. Rerun after adding a
case; the outputs are committed.
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "corpus_import", os.path.join(HERE, "..", "travel-corpus", "kitinerary", "import.py"))
corpus_import = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus_import)

EXTENSIONS = (".txt", ".html", ".ics")


def cases(source):
    for vendor in sorted(os.listdir(source)):
        folder = os.path.join(source, vendor)
        if not os.path.isdir(folder):
            continue
        with open(os.path.join(folder, "LANGUAGE"), encoding="utf-8") as f:
            language = f.read().strip()
        for name in sorted(os.listdir(folder)):
            if name.endswith(EXTENSIONS) and os.path.exists(os.path.join(folder, name + ".json")):
                yield vendor, folder, name, language


def main():
    source = os.path.join(HERE, "source")
    out_dir = os.path.join(HERE, "mails")
    os.makedirs(out_dir, exist_ok=True)
    for n, (vendor, folder, name, language) in enumerate(cases(source)):
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            body = f.read()
        subject = vendor + " " + name
        # The Message-ID and boundary name the case, not its place in the list: adding a case changes no other mail.
        n = vendor + "-" + os.path.splitext(name)[0]
        if name.endswith(".ics"):
            boundary = "mailsift-devset-%s" % n
            mail = corpus_import.headers(folder, subject, n) + (
                'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n--%s\r\n'
                'Content-Type: text/plain; charset="utf-8"\r\n\r\nPlease find your booking attached.\r\n\r\n'
                '--%s\r\nContent-Type: text/calendar; charset="utf-8"; method=PUBLISH\r\n'
                'Content-Disposition: attachment; filename="%s"\r\n\r\n%s\r\n--%s--\r\n') % (
                boundary, boundary, boundary, name, body.replace("\r\n", "\n").replace("\n", "\r\n"), boundary)
            markup = "ics"
        else:
            subtype = "html" if name.endswith(".html") else "plain"
            mail = corpus_import.headers(folder, subject, n) + 'Content-Type: text/%s; charset="utf-8"\r\n' \
                'Content-Transfer-Encoding: 8bit\r\n\r\n%s' % (subtype, body)
            markup = "none"
        reservations = [r for r in (corpus_import.labels(i) for i in corpus_import.items(path + ".json")) if r]
        base = os.path.join(out_dir, vendor + "-" + os.path.splitext(name)[0])
        with open(base + ".eml", "w", encoding="utf-8", newline="") as f:
            f.write(mail)
        with open(base + ".labels.json", "w", encoding="utf-8") as f:
            json.dump({"source": "kitinerary:autotests/extractordata/%s/%s" % (vendor, name), "licence": "CC0-1.0",
                       "language": language, "markup": markup, "reservations": reservations},
                      f, indent=2, ensure_ascii=False)
            f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
