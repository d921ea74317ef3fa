"""The starter file `peerjournal prompts new` writes: a small valid set that teaches the format.

Comments in the file explain each part, so a facilitator can learn the format by editing it; it
validates as written (a test holds it to that).
"""

from __future__ import annotations

import re
import unicodedata

from peerjournal.errors import NoStarter

STARTER_EN = """\
# {title}

<!--
  A prompt set for peerjournal. Lines inside these arrows are notes to you; nobody else sees them.
  Edit the text freely, keep the structure, and check the file with:
      peerjournal prompts validate {filename}
  The full guide is docs/prompt-sets.md.
-->

- id: {set_id}
- version: 1.0
- language: en
- authors: Your name or your organisation

A sentence or two that participants see first: what this journal is for.

## Codebook

<!-- Optional: themes for researchers, one per line as "Name: short description". -->

- Solidarity: relationships built with each other and with the organisation.

## Redaction terms

<!--
  Optional: local words hidden before anything is shared, one per line, for example:
  - location: Name of a local venue
  - person: A name people use here
-->

## Session 1: Getting started

An optional introduction that participants see before the prompts.

### Prompts

1. What brought you to this group?
2. What do you hope to take from it?
3. What do you already know that you would like to share with others?

### Feedback

1. How useful was today's session for you?
   - id: useful
   - type: scale
   - range: 1-5
   - low: Not useful
   - high: Very useful
2. How was the pace of today's session?
   - id: pace
   - type: choice
   - option: Too slow
   - option: About right
   - option: Too fast
3. What would you change for next time?
   - id: suggestions

## Session 2: Next steps

### Prompts

1. What stayed with you from the last session?
2. What would you like to try before we meet again?
3. Who could you share something you learned with?
"""

STARTER_FR = """\
# {title}

<!--
  Un jeu de questions pour peerjournal. Les lignes entre ces flèches sont des notes pour vous;
  personne d'autre ne les voit. Modifiez le texte librement, gardez la structure, et vérifiez le
  fichier avec :
      peerjournal prompts validate {filename}
  Le guide complet est docs/prompt-sets.md.
-->

- id: {set_id}
- version: 1.0
- langue: fr-CA
- auteurs: Votre nom ou votre organisme

Une phrase ou deux que les participant·e·s voient en premier : à quoi sert ce journal.

## Grille de codage

<!-- Facultatif : des thèmes pour la recherche, un par ligne, « Nom: courte description ». -->

- Solidarité: liens tissés entre nous et avec l'organisme.

## Termes à masquer

<!--
  Facultatif : des mots locaux cachés avant tout partage, un par ligne, par exemple :
  - lieu: Nom d'un endroit du coin
  - personne: Un nom utilisé ici
-->

## Séance 1 : Pour commencer

Une introduction facultative que les participant·e·s voient avant les questions.

### Questions de réflexion

1. Qu'est-ce qui vous a amené·e dans ce groupe?
2. Qu'espérez-vous en retirer?
3. Que savez-vous déjà que vous aimeriez partager avec les autres?

### Rétroaction

1. À quel point la séance d'aujourd'hui vous a-t-elle été utile?
   - id: useful
   - type: échelle
   - plage: 1-5
   - bas: Pas utile
   - haut: Très utile
2. Comment avez-vous trouvé le rythme de la séance?
   - id: pace
   - type: choix
   - option: Trop lent
   - option: Juste bien
   - option: Trop rapide
3. Qu'est-ce que vous changeriez la prochaine fois?
   - id: suggestions

## Séance 2 : Prochaines étapes

### Questions de réflexion

1. Qu'est-ce qui vous est resté de la dernière séance?
2. Qu'aimeriez-vous essayer avant notre prochaine rencontre?
3. Avec qui pourriez-vous partager quelque chose que vous avez appris?
"""

TEMPLATES = {"en": STARTER_EN, "fr": STARTER_FR}


def slug(title: str) -> str:
    """A set id from a title: `Atelier d'été 2026` -> `atelier-d-ete-2026`."""
    bare = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")[:64].strip("-")
    return cleaned or "my-prompt-set"


def starter_text(title: str, language: str = "en", filename: str = "FILE.md") -> str:
    """The starter Markdown for a new set called `title`, in English or French; `NoStarter` for
    any other language."""
    template = TEMPLATES.get(re.split(r"[-_.]", language)[0].lower())  # fr, fr-CA, fr_CA
    if template is None:
        raise NoStarter(language, list(TEMPLATES))
    one_line = " ".join(title.split())
    return template.format(title=one_line, set_id=slug(one_line), filename=filename)
