"""What the quality scorers (travel_score.py, purchase_score.py) share: reading labels and `mailsift scan` output,
normalizing values, pairing findings with labels and counting fields. Standard library only."""
import json
import os
import re
import unicodedata
from collections import defaultdict


# ---------------------------------------------------------------- normalization
def norm(s):
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" .,;:-")


def compact(s):
    """Booking references, flight/train numbers: no spaces, hyphens or case; leading zeros of the number dropped."""
    s = re.sub(r"[\s\-/]", "", norm(s)).upper()
    return re.sub(r"^([A-Z]*)0+(?=\d)", r"\1", s)


def text(v):
    if isinstance(v, dict):
        v = v.get("@value", v.get("name"))
    if isinstance(v, list):
        v = v[0] if v else None
    if v is None or isinstance(v, (dict, list)):
        return None
    v = str(v).strip()
    return v or None


def obj(d, key):
    v = d.get(key) if isinstance(d, dict) else None
    if isinstance(v, list):
        v = v[0] if v else None
    return v if isinstance(v, dict) else {}


def alternatives(v):
    return [x for x in (v if isinstance(v, list) else [v]) if x]


def words(s):
    """Names and places: case, accents, whitespace and punctuation ignored ('Madrid-Puerta de Atocha' = 'Madrid Puerta
    de Atocha', 'New York (Penn Station)' = 'New York Penn Station', 'Hôtel' = 'Hotel')."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", norm(s)) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", plain).strip()


def contains(haystack, needle):
    """Whole-word containment: 'Berlin Hbf' is in 'Berlin Hbf (tief)', 'Berlin' is not in 'Berliner Dom'."""
    h, n = words(haystack), words(needle)
    return len(n) >= 3 and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", h) is not None


# ---------------------------------------------------------------- counting
class Counts:
    def __init__(self):
        self.labelled = self.emitted = self.correct = 0

    def add(self, labelled=0, emitted=0, correct=0):
        self.labelled += labelled
        self.emitted += emitted
        self.correct += correct


def ratio(a, b):
    return "%.3f" % (a / b) if b else "-"


def print_type_table(heading, tally, kinds):
    """A Markdown table of field counts per type (those with any field labelled or given) and overall."""
    print(heading + "\n")
    print("| type | labelled fields | given | correct | precision | recall |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for kind in kinds + ["all"]:
        c = tally.get(kind)
        if c is None or (c.labelled == 0 and c.emitted == 0):
            continue
        print("| %s | %d | %d | %d | %s | %s |" % ("**overall**" if kind == "all" else kind, c.labelled, c.emitted,
                                                 c.correct, ratio(c.correct, c.emitted), ratio(c.correct, c.labelled)))
    print()


def pair_greedily(labels, findings, agreeing):
    """Pairs labels with findings, most agreeing fields first ({label index: finding index}); a finding that agrees
    with a label on no field stays unpaired."""
    pairs = []
    for i, label in enumerate(labels):
        for j, finding in enumerate(findings):
            n = agreeing(label, finding)
            if n:
                pairs.append((-n, i, j))
    pairs.sort()
    used_f, match = set(), {}
    for _, i, j in pairs:
        if i not in match and j not in used_f:
            used_f.add(j)
            match[i] = j
    return match


# ---------------------------------------------------------------- reading
def load_labels(corpus):
    """{path of the mail relative to corpus: its labels} for every X.eml with its X.labels.json."""
    mails = {}
    for root, _, files in os.walk(corpus):
        for name in sorted(files):
            if name.endswith(".eml"):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, corpus)
                with open(path[:-4] + ".labels.json", encoding="utf-8") as f:
                    mails[rel] = json.load(f)
    return mails


def load_scan(path, corpus, typed):
    """`mailsift scan` JSON lines, as {mail relative to corpus: [typed(data), ...]}; typed returns None to skip."""
    found = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            t = typed(row.get("data") or {})
            if t:
                found[os.path.relpath(os.path.abspath(row["source"]), os.path.abspath(corpus))].append(t)
    return found
