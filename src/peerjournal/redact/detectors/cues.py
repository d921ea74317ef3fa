"""Words around a capitalised word that say it names a person or a place.

These cues let the redactor catch working names that are ordinary words ("calls me Candy",
"Star said") without redacting the same words in ordinary use ("Sugar in my coffee").
"""

from __future__ import annotations

import re

TITLES = frozenset(
    "dr doctor officer constable const cst sgt sergeant detective det mr mrs ms miss mx nurse "
    "judge justice prof professor pastor father sister reverend rev madame mme monsieur coach "
    "counsellor counselor auntie aunty aunt uncle inspector corporal cpl lawyer attorney "
    "sir madam lady lord chief elder captain capt agent".split()
)
_RELATION = (
    r"friend|client|regular|worker|boyfriend|girlfriend|partner|roommate|landlord|landlady|manager|"
    r"boss|sister|brother|cousin|ex|daughter|son|mom|mother|dad|father|aunt|auntie|uncle|neighbou?r|"
    r"co-?worker|colleague|caseworker|case\s+worker|nurse|doctor|lawyer|counsell?or|therapist|"
    r"driver|bouncer|date|trick|john|buddy|bestie|bff|wife|husband|fianc[ée]e?|kid|grandma|grandpa|"
    r"niece|nephew|peer|mentor|facilitator|sponsor|PO|probation\s+officer|parole\s+officer|"
    r"guy|girl|man|woman|lady|dude|babe|baby|boo|hubby|wifey|bf|gf|pimp|mate"
)
STRONG_LEFT_RE = re.compile(
    r"(?:\b(?:calls?|called|calling)\s+(?:me|her|him|them|herself|himself|themselves|myself)"
    r"|\bnamed|\bname\s+(?:is|was)|\bname['’]s|\bnames\s+(?:are|were)|\bgo(?:es)?\s+by|\bgoing\s+by"
    r"|\bwent\s+by|\bknown\s+as|\baka|\ba\.k\.a\.|\bI['’]m|\bIm|\bI\s+am|\bthis\s+is|\bit['’]s"
    r"|\bcontact|\bask\s+for|\basked\s+for"
    rf"|\b(?:my|her|his|their|our|your)\s+(?:new\s+|old\s+|best\s+|ex-?\s*)?(?:{_RELATION})s?)"
    r"\s*[:,]?\s*$",
    re.IGNORECASE,
)
WEAK_LEFT_RE = re.compile(
    r"\b(?:with|and|&|told|tell|asked|ask|texted|text|messaged|message|met|meet|saw|see|thank|"
    r"thanks|thanked|call|called|about|for|like|love|miss|hate|trust|hugged|hug|hi|hey|dear|"
    r"visited|visit|owe|owes|paid|pay|blocked|block)\s*,?\s*$",
    re.IGNORECASE,
)
RIGHT_STRONG_RE = re.compile(
    r"^(?:['’]s\s+\w+\s+)?,?\s*(?:said|says|asked|asks|told|tells|texted|texts|called|calls|pulled|"
    r"wrote|writes|came|comes|helped|helps|drove|drives|gave|gives|showed|shows|brought|brings|"
    r"messaged|mentioned|laughed|cried|yelled|screamed|knows|knew|thinks|thought|wants|wanted|"
    r"hugged|smiled|walked|works|worked|lives|lived|went|goes|tried|tries|offered|promised|booked|"
    r"picked|dropped|invited|introduced|keeps|kept|shouted|whispered|agreed|explained|reminded|"
    r"noticed|warned|admitted|replied|answered|insisted|stopped|met|sent|paid|owes|stole|grabbed|"
    r"is\s+who\s+I|is\s+what\s+I|is\s+my|was\s+my|is\s+the\s+name|will\s+drive|will\s+pick|"
    r"and\s+I\b|and\s+me\b|from\s+the|who\s+works|didn['’]t|doesn['’]t|won['’]t|can['’]t|"
    r"couldn['’]t|wouldn['’]t|has\s+been|had\s+been|is\s+my|was\s+there|was\s+at)\b",
    re.IGNORECASE,
)
PLACE_PREPOSITION_RE = re.compile(
    r"\b(?:to|at|in|near|around|outside|behind|past|from|into|towards?|by|off|of|on|across|"
    r"corner\s+of|over\s+at|down\s+at)\s*$",
    re.IGNORECASE,
)


def left(text: str, start: int) -> str:
    """The few characters before a word, cut at a line break (cues do not cross lines)."""
    window = text[max(0, start - 40):start]
    return window.rsplit("\n", 1)[-1]


def right(text: str, end: int) -> str:
    return text[end:end + 40]


def title_before(text: str, start: int) -> bool:
    """A title such as Dr., Officer or Constable right before the word."""
    m = re.search(r"([A-Za-z]+)\.?\s+$", left(text, start))
    return bool(m) and m.group(1).lower() in TITLES
