"""The words of the prompt set format: section headings, keys and values, in English and French.

The format's structure words are few and fixed; facilitators in Canada work in English and French,
so each has a French spelling too (`## Séance 2 : ...`, `- langue: fr`). Matching ignores case,
accents, `-`/`_` and extra spaces, so `Redaction-Terms` and `termes à masquer` both work.
"""

from __future__ import annotations

import unicodedata


def normalise(word: str) -> str:
    """Case-, accent- and spacing-insensitive form of a structure word."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    spaced = bare.casefold().replace("-", " ").replace("_", " ").replace("’", "'")
    return " ".join(spaced.split()).rstrip(":").strip()


def _table(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {
        normalise(alias): name for name, aliases in groups.items() for alias in (name, *aliases)
    }


SECTIONS = _table(
    {
        "study": ("research", "étude", "recherche"),
        "codebook": ("themes", "codebook themes", "thèmes", "grille de codage", "livre de codes"),
        "redaction terms": (
            "redact",
            "terms to hide",
            "words to hide",
            "local terms",
            "termes à masquer",
            "mots à masquer",
            "termes locaux",
        ),
    }
)
SESSION_WORDS = frozenset(normalise(w) for w in ("session", "séance", "rencontre"))

SESSION_PARTS = _table(
    {
        "prompts": (
            "reflection prompts",
            "questions de réflexion",
            "réflexion",
            "pistes de réflexion",
        ),
        "feedback": ("feedback form", "rétroaction", "formulaire de rétroaction", "évaluation"),
    }
)
STUDY_PARTS = _table({"consent": ("consentement", "consent text", "texte de consentement")})

METADATA_KEYS = _table(
    {
        "id": ("identifiant",),
        "version": (),
        "language": ("lang", "langue"),
        "authors": ("author", "auteurs", "auteur", "autrices", "autrice"),
    }
)
STUDY_KEYS = _table(
    {
        "id": ("study id", "identifiant"),
        "name": ("study name", "nom", "nom de l'étude"),
        "contact": ("researcher contact", "contact des chercheurs", "courriel"),
        "age key": ("age recipient", "public key", "clé age", "clé publique", "cle age"),
        "retention": ("kept for", "conservation", "durée de conservation"),
    }
)
QUESTION_KEYS = _table(
    {
        "id": ("identifiant",),
        "type": (),
        "range": ("plage", "échelle de"),
        "low": ("low label", "min label", "bas", "étiquette basse"),
        "high": ("high label", "max label", "haut", "étiquette haute"),
        "option": ("choice", "choix"),
    }
)
QUESTION_TYPES = _table({"text": ("texte",), "scale": ("échelle",), "choice": ("choix",)})
TERM_KINDS = _table(
    {
        "PERSON": ("person", "name", "personne", "nom"),
        "LOCATION": ("location", "place", "venue", "neighbourhood", "lieu", "endroit", "quartier"),
    }
)


def known(table: dict[str, str]) -> str:
    """The canonical words of a table, for hints: `id, version, language, authors`."""
    return ", ".join(dict.fromkeys(table.values()))
