"""Regular-expression pieces for street names, shared by the address and location detectors."""

from __future__ import annotations

import re

from peerjournal.redact.lexicon import words

# A capitalised word as names are written: Queen, McLeod, O'Brien, Mont-Royal, Sainte-Catherine.
CAP = (
    r"(?:[A-ZÀ-Ý][a-zà-ÿ]*(?:[A-Z][a-zà-ÿ]+)?"
    r"(?:-[IVXL]+(?![\w'’])|['’\-][A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]*)*)"  # Pie-IX, Pie-XII
)
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th))"
STREET_TYPE = (
    r"(?:Street|St\.?|Avenue|Ave\.?|Av\.?|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Crescent|Cres\.?|"
    r"Court|Ct\.?|Lane|Ln\.?|Way|Place|Pl\.?|Terrace|Parkway|Pkwy\.?|Highway|Hwy\.?|Trail|Circle|"
    r"Square|Sq\.?|Row|Gate|Line|Close|Mews|Heights|Grove|Alley|Esplanade|Promenade|Quay|Landing|"
    r"Concession|Sideroad|Expressway|Freeway|Gardens|Hill|Ridge|Point|Bay|Crossing|Walk|Route|"
    r"Cove|Glen|View|Vale|Loop|Green|Common|Path|Drive)"
)
DIRECTION = r"(?:East|West|North|South|Est|Ouest|Nord|Sud|NE|NW|SE|SW|E|W|N|S)(?![\w'’])"
STREET_EN = (
    rf"(?:(?:{CAP}|{ORDINAL}|St\.|Ste\.|Mt\.)\s+){{1,3}}{STREET_TYPE}(?![\w'’])"
    rf"(?:\s+{DIRECTION})?"
)
FRENCH_TYPE = (
    r"(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]oul\.|[Cc]hemin|[Cc]ôte|[Rr]ang|[Mm]ontée|[Pp]lace)"
)
STREET_FR = (
    rf"{FRENCH_TYPE}\s+(?:(?:du|de\s+la|des|de|d['’])\s*)?{CAP}(?:[\s-]{CAP}){{0,3}}"
    rf"(?:\s+{DIRECTION})?"
)
# Streets commonly written without a type.
BARE_STREETS = r"(?:Broadway|Kingsway|The\s+Esplanade|The\s+Queensway|The\s+Kingsway|Lougheed)"
# Numbered roads: Highway 7, Hwy 401, Route 132, Autoroute 20.
NUMBERED_ROAD = (
    r"(?:Highway|Hwy\.?|Route|Autoroute|Rte\.?|Concession|Sideroad|Rang)\s+\d{1,4}[A-Z]?\b"
)
STREET = rf"(?:{STREET_FR}|{STREET_EN}|{NUMBERED_ROAD}|{BARE_STREETS}(?![\w'’])(?:\s+{DIRECTION})?)"

# Lookup keys of the capitalised words a street name can hold as its type (fast gating).
STREET_KEYS = frozenset(
    re.findall(r"[a-zé]+", STREET_TYPE.lower().replace("(?:", " "))
    + words(
        "rue avenue boulevard boul chemin côte cote rang montée montee place broadway kingsway "
        "esplanade queensway lougheed"
    )
)
