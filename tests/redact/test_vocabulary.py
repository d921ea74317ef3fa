"""Every word class of the vocabulary, in English and in French, at work in a new sentence.

Each case is a sentence written for this test (not from any corpus) in which a word of the class
decides what is hidden, and what the redactor must find there: (text, kind) pairs, in order.
The tagger's other evidence (lists, shapes) is in play too; the class is what the sentence
turns on. Also checks the data itself: every class is defined once, in both languages.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from peerjournal.redact import language
from peerjournal.redact.vocab import vocabulary

CASES: dict[str, dict[str, list[tuple[str, list[tuple[str, str]]]]]] = {
    "title": {
        "en": [("Constable Okafor wrote the ticket.", [("Okafor", "PERSON")])],
        "fr": [("L'agente Bouchard a pris ma plainte.", [("Bouchard", "PERSON")])],
    },
    "relation": {
        "en": [("My roommate Ifeoma lent me her coat.", [("Ifeoma", "PERSON")])],
        "fr": [("Ma coloc Maëlle m'a prêté son manteau.", [("Maëlle", "PERSON")])],
    },
    "naming_cue": {
        "en": [("At the club they call me Velvet.", [("Velvet", "PERSON")])],
        "fr": [("Au bar on m'appelle Cannelle depuis des années.", [("Cannelle", "PERSON")])],
    },
    "person_before": {
        "en": [("Shared a cab home with Tamsin after group.", [("Tamsin", "PERSON")])],
        "fr": [("Je suis rentrée avec Ophélie après l'atelier.", [("Ophélie", "PERSON")])],
    },
    "person_verb": {
        "en": [("Zuri texted that the van was late.", [("Zuri", "PERSON")])],
        "fr": [("Solène m'a dit que la clinique ferme tôt.", [("Solène", "PERSON")])],
    },
    "auxiliary": {
        "en": [
            ("jaz was texting me all night about the van.", [("jaz", "PERSON")]),
            ("zuzu got kicked out of the shelter again.", [("zuzu", "PERSON")]),
        ],
        "fr": [("caramel a oublié ses clés au groupe hier soir.", [("caramel", "PERSON")])],
    },
    "verb_adverb": {
        "en": [("derek literally fixed the printer at the drop-in.", [("derek", "PERSON")])],
        "fr": [("perle a jamais rappelé la travailleuse de rue.", [("perle", "PERSON")])],
    },
    "participle_ending": {
        "en": [("derek literally fixed the printer at the drop-in.", [("derek", "PERSON")])],
        "fr": [("noisette est pas revenue depuis mardi.", [("noisette", "PERSON")])],
    },
    "home_word": {
        "en": [("crashing at maelys this week, her couch is the best", [("maelys", "PERSON")])],
        "fr": [("je couche chez margaux demain", [("margaux", "PERSON")])],
    },
    "nickname_prefix": {
        "en": [
            (
                "thx to perla and big dee for walking me home",
                [("perla", "PERSON"), ("big dee", "PERSON")],
            ),
            ("Walked to the bus with Big Tamsin after group.", [("Big Tamsin", "PERSON")]),
            ("Drove home w little amara after the session.", [("little amara", "PERSON")]),
        ],
        "fr": [
            ("pis ptite lou m'a texté hier soir", [("ptite lou", "PERSON")]),
            ("Ti Loïc m'a raccompagnée après l'atelier.", [("Ti Loïc", "PERSON")]),
            ("Je suis rentrée avec ptite maude après l'atelier.", [("ptite maude", "PERSON")]),
        ],
    },
    "resuming_pronoun": {
        "en": [
            (
                "this girl from group, marisela, she's been doing it for years",
                [("marisela", "PERSON")],
            )
        ],
        "fr": [("bon, la nouvelle, tiyana, elle connaît tout le monde", [("tiyana", "PERSON")])],
    },
    "human_verb": {
        "en": [("after group, bean said we should get tacos", [("bean", "PERSON")])],
        "fr": [
            (
                "the van was late. bean a dit que c'est normal, whatever",
                [("bean", "PERSON")],
            )
        ],
    },
    "interjection": {
        "en": [("omg bean said the van was late", [("bean", "PERSON")])],
        "fr": [("mdr claire m'a dit que c'était fermé", [("claire", "PERSON")])],
    },
    "with_writer": {
        "en": [("after group tavi n me got free kits", [("tavi", "PERSON")])],
        "fr": [("odrée pis moi on a fait le bingo après l'atelier", [("odrée", "PERSON")])],
    },
    "place_before": {
        "en": [("I slept in Lillooet that whole winter.", [("Lillooet", "LOCATION")])],
        "fr": [("J'ai dormi à Rimouski tout l'hiver.", [("Rimouski", "LOCATION")])],
    },
    "street_type": {
        "en": [("The van waits on Dunsmuir Street.", [("Dunsmuir Street", "LOCATION")])],
        "fr": [("La van attend sur la rue Fleury.", [("rue Fleury", "LOCATION")])],
    },
    "address_street_type": {
        "en": [("moved into 1420 maple crescent last week", [("1420 maple crescent", "ADDRESS")])],
        "fr": [("elle reste au 845 chemin du lac maintenant", [("845 chemin du lac", "ADDRESS")])],
    },
    "not_street_name": {
        "en": [("we walked 2 blocks down the street after", [])],
        "fr": [("3 personnes formées sur place, pis on a fini", [])],
    },
    "bare_street": {
        "en": [("They moved me to 2210 Kingsway last week.", [("2210 Kingsway", "ADDRESS")])],
        "fr": [("Il reste au 1040 Grande Allée Ouest.", [("1040 Grande Allée Ouest", "ADDRESS")])],
    },
    "direction": {
        "en": [("The shelter is on Dundas Street West.", [("Dundas Street West", "LOCATION")])],
        "fr": [("Le refuge est sur la rue Jarry Est.", [("rue Jarry Est", "LOCATION")])],
    },
    "venue": {
        "en": [("We met outside the Bluebird Motel.", [("the Bluebird Motel", "LOCATION")])],
        "fr": [("On s'est vues au Motel Riviera hier.", [("Motel Riviera", "LOCATION")])],
    },
    "area": {
        "en": [("She lives over in Riverdale Heights now.", [("Riverdale Heights", "LOCATION")])],
        # (a big city alone stays readable: the area word makes it a part of town)
        "fr": [("On a marché dans le Vieux Québec hier soir.", [("Vieux Québec", "LOCATION")])],
    },
    "joiner": {
        "en": [("Pick-up is at Cordova and Gore tonight.", [("Cordova and Gore", "LOCATION")])],
        "fr": [("On se rejoint à Fullum et Ontario ce soir.", [("Fullum et Ontario", "LOCATION")])],
    },
    "corner": {
        "en": [
            (
                "The van sits at the corner of Wellesley and Jarvis.",
                [("Wellesley and Jarvis", "LOCATION")],
            )
        ],
        "fr": [
            (
                "Les filles attendent au coin Beaubien et de Lorimier.",
                [("coin Beaubien et de Lorimier", "LOCATION")],
            )
        ],
    },
    "determiner": {
        "en": [("Stayed at the Marigold Inn again.", [("the Marigold Inn", "LOCATION")])],
        "fr": [("On a fini la soirée à l'Hôtel Vendôme.", [("Hôtel Vendôme", "LOCATION")])],
    },
    "chain": {
        "en": [("Grabbed a coffee at Tim Hortons before group.", [])],
        "fr": [("J'ai acheté des condoms au Jean Coutu.", [])],
    },
    "big_place": {
        "en": [("Moved back to Nova Scotia for the summer.", [])],
        "fr": [("Elle est retournée en Nouvelle-Écosse cet été.", [])],
    },
    "weekday": {
        "en": [("Group moved to Thursday, March 12 this time.", [("March 12", "DATE")])],
        "fr": [("La séance est jeudi le 12 mars.", [("le 12 mars", "DATE")])],
    },
    "pronoun": {
        "en": [("She said nothing. Everyone was tired.", [])],
        "fr": [("Elle a rien dit. Personne voulait parler.", [])],
    },
    "program": {
        "en": [("Session 4 was about PrEP and naloxone.", [])],
        "fr": [("Séance 4 : la PrEP pis la naloxone.", [])],
    },
    "other_language": {
        "en": [("Pero the nurse was kind. Salamat to everyone.", [])],
        "fr": [("Mañana on recommence, inshallah.", [])],
    },
    "handle_cue": {
        "en": [("my snap is roxy.lane22 if you want it", [("roxy.lane22", "HANDLE")])],
        "fr": [("son insta c'est mira.vdo pis elle répond vite", [("mira.vdo", "HANDLE")])],
    },
    "platform": {
        "en": [("add me, bunny.moon on insta", [("bunny.moon", "HANDLE")])],
        "fr": [("ajoute-moi sur snap : perle.noire", [("perle.noire", "HANDLE")])],
    },
    "username_cue": {
        "en": [("her username is marmalade on there", [("marmalade", "HANDLE")])],
        "fr": [("son pseudo c'est framboise sur le site", [("framboise", "HANDLE")])],
    },
    "account_qualifier": {
        "en": [("her insta backup is quietfern.2 now", [("quietfern.2", "HANDLE")])],
        "fr": [("mon snap perso c'est bleuet_qc", [("bleuet_qc", "HANDLE")])],
    },
    "domain_ending": {
        "en": [("my page is velvetnights.live now", [("velvetnights.live", "URL")])],
        "fr": [
            (
                "le formulaire est sur aide-tds.quebec/inscription",
                [("aide-tds.quebec/inscription", "URL")],
            )
        ],
    },
    "file_ending": {
        "en": [("sent her the screenshot.png of the ad", [])],
        "fr": [("j'ai envoyé capture.jpg à la travailleuse", [])],
    },
    "id_cue": {
        "en": [("His badge number was 6612, I wrote it down.", [("6612", "ID")])],
        "fr": [("Son matricule : 5520, je l'ai noté.", [("5520", "ID")])],
    },
    "badge_title": {
        "en": [("Cst. 5519 took my statement.", [("5519", "ID")])],
        "fr": [
            (
                "L'agente Tremblay, 6034, m'a donné un constat.",
                [("Tremblay", "PERSON"), ("6034", "ID")],
            )
        ],
    },
    "ordinal_noun": {
        "en": [
            ("Rent is due on the 28th no matter what.", [("the 28th", "DATE")]),
            ("She lives on the 4th floor now.", []),
        ],
        "fr": [
            ("Faut payer avant le 12 sinon ça coupe.", [("le 12", "DATE")]),
            ("On l'a eu après le 3 essai.", []),
        ],
    },
    "postal_cue": {
        "en": [
            (
                "The clinic only serves postal codes in R2W or R2X.",
                [("R2W", "POSTAL"), ("R2X", "POSTAL")],
            )
        ],
        "fr": [
            (
                "Le service couvre les codes postaux en G1K seulement.",
                [("G1K", "POSTAL")],
            )
        ],
    },
    "floor": {
        "en": [
            (
                "Clinic is at 300 Main Street, 2nd floor.",
                [("300 Main Street, 2nd floor", "ADDRESS")],
            )
        ],
        "fr": [
            (
                "C'est au 2e étage, 1500 rue Fleury Est.",
                [("2e étage, 1500 rue Fleury Est", "ADDRESS")],
            )
        ],
    },
    "alternative": {
        "en": [
            (
                "Maybe ask Ngozi or Clementine to cover.",
                [("Ngozi", "PERSON"), ("Clementine", "PERSON")],
            )
        ],
        "fr": [
            (
                "Faut demander à Josée ou Clémentine.",
                [("Josée", "PERSON"), ("Clémentine", "PERSON")],
            )
        ],
    },
    "closing": {
        "en": [("Miss you every day.\nLove always, Marisela", [("Marisela", "PERSON")])],
        "fr": [("Prends soin de toi.\nGros bisous, Anaïs", [("Anaïs", "PERSON")])],
    },
    "contact_verb": {
        "en": [("Remember to text Biscuit about the ride.", [("Biscuit", "PERSON")])],
        "fr": [("Faut que je texte Pruneau pour le lift.", [("Pruneau", "PERSON")])],
    },
    "possessive": {
        "en": [("my summer went by fast, my rosemary too", [])],
        "fr": [("ma rosalie préférée m'a fait du bien", [])],
    },
    "room_word": {
        "en": [
            (
                "Checked into the Starlite Motel, rm 27, all good.",
                [("the Starlite Motel", "LOCATION"), ("rm 27", "ADDRESS")],
            )
        ],
        "fr": [("Je suis à la suite 1104 si jamais.", [("1104", "ADDRESS")])],
    },
    "bed_word": {
        "en": [
            ("Two nights at the shelter now, bunk C-7.", [("C-7", "ADDRESS")]),
            ("I stayed in bed 2 days after the flu shot.", []),
        ],
        "fr": [
            ("Au refuge, ils m'ont donné le lit 14 près de la fenêtre.", [("14", "ADDRESS")]),
            ("Elle lit 300 pages par semaine, la chanceuse.", []),
            ("On m'a mise à la chambre 9 au bout du corridor.", [("9", "ADDRESS")]),
        ],
    },
    "lodging": {
        "en": [
            (
                "The shelter gave me a locker and a room. Room 6, by the stairs.",
                [("6", "ADDRESS")],
            ),
            ("We did the role plays in room 2 at the library.", []),
        ],
        "fr": [
            (
                "Trois semaines à l'auberge jeunesse. J'ai eu la chambre 9, au fond du corridor.",
                [("9", "ADDRESS")],
            ),
            ("L'atelier était au centre communautaire, suite 4, pis la pause dans la salle 2.", []),
        ],
    },
    "name_particle": {
        "en": [("We waited on Van Horne for an hour.", [("Van Horne", "LOCATION")])],
        "fr": [("Elle est repartie à pied vers De Bleury.", [("De Bleury", "LOCATION")])],
    },
    "salutation": {
        "en": [
            ("Dear Auntie June,\nI never told you about the van.", [("June", "PERSON")]),
            ("Dear body, I'm sorry about last week.", []),
        ],
        "fr": [
            ("Chère Avril,\nje t'écris du local.", [("Avril", "PERSON")]),
            ("Chère maman, je pense à toi.", []),
        ],
    },
    "dotted_abbreviation": {
        "en": [
            ("T.J. drove us home after group.", [("T.J.", "PERSON")]),
            ("P.S. the clinic in B.C. is closed Monday.", []),
        ],
        "fr": [
            ("M.-È. m'a prêté son chargeur.", [("M.-È.", "PERSON")]),
            ("Elle vient du N.-B., pis elle est fine.", []),
        ],
    },
    "nation": {
        "en": [
            ("My kokum grew up near K'ómoks, by the water.", [("K'ómoks", "LOCATION")]),
            ("She said it again in Mi'kmaw so the kids would hear.", []),
        ],
        "fr": [
            ("Elle vient de Ts'ilhqot'in, loin au nord.", [("Ts'ilhqot'in", "LOCATION")]),
            ("Ma grand-mère parlait en Kanien'kéha avec nous.", []),
        ],
    },
    "locker_word": {
        "en": [("My meds are in locker 9 at the centre.", [("9", "ID")])],
        "fr": [("J'ai laissé mon sac dans le casier no 31.", [("31", "ID")])],
    },
    "link": {
        "en": [("Her work name is: Saffron.", [("Saffron", "PERSON")])],
        "fr": [("Son nom de travail c'est Praline.", [("Praline", "PERSON")])],
    },
}
LANGUAGE_CASES = {
    "en": "The group was good and I went home with a plan.",
    "fr": "La séance était bonne pis je suis rentrée avec un plan.",
    "mixed": "La séance was good, pis I went home with un plan.",
}


def test_every_class_is_defined_once_in_both_languages():
    raw = json.loads(
        resources.files("peerjournal.redact.data").joinpath("vocab.json").read_text("utf-8")
    )
    classes = raw["classes"]
    for name, body in classes.items():
        assert body["role"], name
        assert body["en"] and body["fr"], f"{name} needs words in both languages"
        for lang in ("en", "fr"):
            words = body[lang]
            assert len(words) == len(set(words)), f"{name}/{lang} lists a word twice"
            assert all(w == w.lower() for w in words), f"{name}/{lang}: entries are lower case"


def test_every_class_has_a_sentence_in_both_languages():
    classes = set(vocabulary().classes)
    assert set(CASES) | {"language_marker"} == classes
    for name, by_lang in CASES.items():
        assert by_lang.get("en") and by_lang.get("fr"), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, id=f"{n}-{lang}")
        for n, b in CASES.items()
        for lang, cs in b.items()
        for t, e in cs
    ],
)
def test_word_class_at_work(found, text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("lang", "text"), sorted(LANGUAGE_CASES.items()))
def test_language_markers_tell_the_language(lang, text):
    assert language.detect(text) == lang


def test_a_class_steers_only_its_language():
    """French street words apply to French entries: 'place' in an English entry is a word."""
    v = vocabulary()
    assert "street_type" in v.classes_of("rue", "fr")
    assert "street_type" not in v.classes_of("rue", "en")
    assert "street_type" in v.classes_of("rue", "mixed")


def test_elided_phrases_match_the_tokens_of_a_text():
    """The data writes "m' a dit" and "c'" apart; a text writes "m'a dit", "c'est". Each
    phrase must give the tokens of the text, or the French cue never fires."""
    from peerjournal.redact.tokenize import phrase_keys, tokenize

    checked = 0
    for name in vocabulary().classes:
        for entry in vocabulary().words(name, "fr"):
            if "' " not in entry and not entry.endswith("'"):
                continue
            written = entry.replace("' ", "'") + ("avait" if entry.endswith("'") else "")
            tokens = tuple(t.key for t in tokenize(written))
            assert phrase_keys(entry) == tokens[: len(phrase_keys(entry))], (name, entry)
            checked += 1
    assert checked >= 10


def test_a_french_cue_with_an_elision_reaches_the_tagger():
    """'c'est' between a naming cue and the name is skipped as a linking word."""
    from peerjournal.redact import tagger

    feat = tagger.featurizer()
    seq = feat.sequence("Mon nom de travail c'est Nougatine, pis c'est tout.", "fr")
    names = [
        f
        for chunk, window in zip(
            [c for c in seq.chunks for _ in c.windows], feat.features(seq), strict=True
        )
        for tok, f in zip(chunk.tokens[chunk.windows[0][0] :], window, strict=False)
        if tok.text == "Nougatine"
    ]
    assert names and "A:naming_cue" in names[0]
