"""Words around a capitalised word that say it names a person or a place.

These cues let the redactor catch working names that are ordinary words ("calls me Candy",
"Star said") without redacting the same words in ordinary use ("Sugar in my coffee").
"""

from __future__ import annotations

import re

from peerjournal.redact.lexicon import words

TITLES = frozenset(
    words(
        "dr doctor officer constable const cst sgt sergeant detective det mr mrs ms miss mx nurse "
        "judge justice prof professor pastor father sister reverend rev madame mme monsieur coach "
        "counsellor counselor auntie aunty aunt uncle inspector corporal cpl lawyer attorney "
        "sir madam lady lord chief elder captain capt agent "
        "dre docteur docteure agente l'agent l'agente sergent sergente infirmiere infirmier "
        "l'infirmiere l'infirmier maitre travailleuse travailleur intervenante intervenant"
    )
)
# Capitalised at a sentence start, but never anyone's name.
NOT_NAMES = frozenset(
    words(
        "he she they it we you i me him her them this that these those someone somebody everyone "
        "everybody nobody anyone anybody one who what which there here then everything nothing "
        "something all both each many most some none mine yours his hers theirs ours my your their "
        "our the a an no yes not and but or so if when while because after before"
    )
)
_RELATIONS = words(
    "friend client regular worker boyfriend girlfriend partner roommate landlord landlady manager "
    "boss sister brother cousin ex daughter son mom mother dad father aunt auntie uncle neighbour "
    "neighbor coworker co-worker colleague caseworker nurse doctor lawyer counsellor counselor "
    "therapist driver bouncer date trick john buddy bestie bff wife husband fiance fiancé fiancee "
    "fiancée kid grandma grandpa niece nephew peer mentor facilitator sponsor po guy girl man "
    "woman "
    "lady dude babe baby boo hubby wifey bf gf pimp mate"
)
_OBJECTS = words("me her him them herself himself themselves myself")
STRONG_LEFT = frozenset(
    [f"{verb} {obj}" for verb in ("call", "calls", "called", "calling") for obj in _OBJECTS]
    + [
        "named",
        "name is",
        "name was",
        "name's",
        "names are",
        "names were",
        "goes by",
        "go by",
        "going by",
        "went by",
        "known as",
        "aka",
        "i'm",
        "im",
        "i am",
        "contact",
        "ask for",
        "name",
        "working name",
        "work name",
        "real name",
        "legal name",
        "street name",
        "stage name",
        "online name",
        "nickname",
        "alias",
        "signed",
        "sign",
        "asked for",
        "case worker",
        "outreach worker",
        "social worker",
        "support worker",
        "probation officer",
        "parole officer",
    ]
    + [
        f"{owner} {adj}{rel}{plural}"
        for owner in ("my", "her", "his", "their", "our", "your")
        for adj in ("", "new ", "old ", "best ", "ex ", "ex-")
        for rel in _RELATIONS
        for plural in ("", "s")
    ]
)
WEAK_LEFT = frozenset(
    words(
        "with and & told tell asked ask texted text messaged message met meet saw see thank thanks "
        "thanked call called about for like love miss hate trust hugged hug hi hey dear visited "
        "visit "
        "owe owes paid pay blocked block"
    )
)
PLACE_PREPOSITIONS = frozenset(
    [
        *words("to at in near around outside behind past from into toward towards by off of on"),
        *["across", "corner of", "over at", "down at", "out of", "circling", "seen near"],
        *words("au à aux jusqu'à vers coin dans"),
    ]
)
_LAST_WORD = re.compile(r"[^A-Za-z]")
_CLAUSE_BREAK = re.compile(r"[.!?;()\"“”\n]")


def words_before(text: str, start: int) -> list[str]:
    """The lower-case words of the same clause right before `start` (at most four)."""
    tail = _CLAUSE_BREAK.split(text[max(0, start - 40) : start])[-1]
    return [w.strip(":,") for w in tail.lower().replace("’", "'").split()][-4:]


def _phrase_match(words: list[str], phrases: frozenset[str]) -> bool:
    return any(" ".join(words[-n:]) in phrases for n in range(1, min(4, len(words)) + 1))


def strong_left(text: str, start: int) -> bool:
    """A naming cue right before: "calls me", "named", "I'm", "my friend", "contact:"."""
    return _phrase_match(words_before(text, start), STRONG_LEFT)


def weak_left(text: str, start: int) -> bool:
    """A word that often comes before a person: "with", "told", "thanks"."""
    words = words_before(text, start)
    return bool(words) and words[-1] in WEAK_LEFT


def place_before(text: str, start: int) -> bool:
    """A word that comes before a place: "to", "at", "near", "corner of"."""
    return _phrase_match(words_before(text, start)[-2:], PLACE_PREPOSITIONS)


RIGHT_STRONG_RE = re.compile(
    r"^(?:['’]s\s+\w+\s+)?,?\s*(?:said|says|asked|asks|told|tells|texted|texts|called|calls|pulled|"
    r"wrote|writes|came|comes|helped|helps|drove|drives|gave|gives|showed|shows|brought|brings|"
    r"messaged|mentioned|laughed|cried|yelled|screamed|knows|knew|thinks|thought|wants|wanted|"
    r"hugged|smiled|walked|works|worked|lives|lived|went|goes|tried|tries|offered|promised|booked|"
    r"picked|dropped|invited|introduced|keeps|kept|shouted|whispered|agreed|explained|reminded|"
    r"noticed|warned|admitted|replied|answered|insisted|stopped|met|sent|paid|owes|stole|grabbed|"
    r"is\s+who\s+I|is\s+what\s+I|is\s+my|was\s+my|is\s+the\s+name|will\s+drive|will\s+pick|"
    r"and\s+I\b|and\s+me\b|from\s+the|who\s+works|didn['’]t|doesn['’]t|won['’]t|can['’]t|"
    r"couldn['’]t|wouldn['’]t|has\s+been|had\s+been|is\s+my|was\s+there|was\s+at|lent|loaned|"
    r"checked|waved|covered|borrowed|owed|visited|cooked|shared|taught|teaches|led|leads|runs|ran|"
    r"organized|organised|hosted|facilitated|cancel+ed|missed|forgot|remembered|threatened|"
    r"followed|watched|recognized|recognised|bought|sold|took|takes|got|gets|has|had|was|is|"
    r"will|would|could|should|can|may|might|must|and\s+her|and\s+his|with\s+her|with\s+his|"
    r"and\s+(?-i:[A-Z])[a-z]+\s+(?!Street|Avenue|Road)[a-z]+)\b",
    re.IGNORECASE,
)
# Verbs that only people do, for ordinary words at a sentence start ("Candy said" but not
# "Mail goes", "Summer came").
RIGHT_PERSON_RE = re.compile(
    r"^(?:['’]s\s+\w+\s+)?,?\s*(?:said|says|asked|asks|told|tells|texted|texts|messaged|"
    r"laughed|cried|yelled|screamed|hugged|smiled|shouted|whispered|agreed|explained|reminded|"
    r"admitted|replied|answered|insisted|promised|warned|mentioned|"
    r"pulled\s+me|drove\s+me|called\s+me|gave\s+me|showed\s+me|helped\s+me|"
    r"is\s+who\s+I|is\s+what\s+I|is\s+my\s+(?:work|working|real|street|online)|"
    r"and\s+I\b|and\s+me\b|will\s+drive|didn['’]t|doesn['’]t|won['’]t|"
    r"is\s+who\b|is\s+what\b|(?:only\s+|just\s+)?exists\s+(?:only\s+)?(?:between|from\s+\w+\s+(?:to|till|until)|when\s+I|online|at\s+work|on\s+(?:weekends|shift|the\s+clock))|"
    r"shows\s+up\s+(?:at|for|to)\s+work|"
    r"is\s+(?:my|her)\s+(?:work|working|stage|street|online|ad)\s+name|"
    r"is\s+the\s+name\s+(?:on|in|I|she)|"
    r"(?:the|my|our|her|his)\s+(?:new\s+|old\s+|best\s+)?(?:girl|guy|friend|worker|regular|client|"
    r"roommate|neighbour|neighbor|manager|boss|driver|bouncer|cousin|sister|brother|ex|boyfriend|"
    r"girlfriend|partner|auntie|aunt|uncle|peer|outreach\s+worker|case\s*worker)(?=\s*,))\b",
    re.IGNORECASE,
)
# Provinces, territories and regions: places people live in, never a person's name and not
# redacted as a place ("Alberta pays more", "British Columbia").
REGIONS = frozenset(
    words(
        "alberta ontario quebec québec manitoba saskatchewan nunavut yukon labrador newfoundland "
        "columbia scotia brunswick"
    )
)
# Chains and brands that start with a given name ("Tim Hortons"): two lower-case keys.
BRANDS = frozenset(
    [
        "tim hortons",
        "tim horton's",
        "tim hortons'",
        "mary brown's",
        "mary browns",
        "jean coutu",
        "sally ann",
        "tim horton",
        "jack astor's",
        "ronald mcdonald",
    ]
)


def right(text: str, end: int) -> str:
    return text[end : end + 40]


def title_before(text: str, start: int) -> bool:
    """A title such as Dr., Officer or Constable right before the word."""
    before = text[max(0, start - 16) : start]
    if not before[-1:].isspace():
        return False
    before = before.rstrip().removesuffix(".")
    return _LAST_WORD.split(before)[-1].lower() in TITLES
