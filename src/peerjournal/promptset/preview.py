"""A prompt set as a participant sees it, as Markdown any face can render (rich, Textual).

Labels come in the set's language (English and French here; others fall back to English), so a
French set previews in French.
"""

from __future__ import annotations

from peerjournal.promptset.model import PromptSet, Question, Session, Study

LABELS = {
    "en": {
        "session": "Session",
        "prompts": "To reflect on",
        "feedback": "Feedback after the session",
        "own_words": "your answer, in your own words",
        "choose": "choose one",
        "research": "Taking part in research",
        "study": "Study",
        "contact": "Contact",
        "retention": "How long shared entries are kept",
        "consent": "What you agree to if you share",
        "choice": (
            "Sharing is always your choice, one entry at a time: nothing leaves your journal "
            "unless you choose it, after seeing exactly what would be shared."
        ),
    },
    "fr": {
        "session": "Séance",
        "prompts": "Pour réfléchir",
        "feedback": "Rétroaction après la séance",
        "own_words": "votre réponse, dans vos mots",
        "choose": "choisissez une réponse",
        "research": "Participer à la recherche",
        "study": "Étude",
        "contact": "Contact",
        "retention": "Durée de conservation des entrées partagées",
        "consent": "Ce à quoi vous consentez si vous partagez",
        "choice": (
            "Le partage est toujours votre choix, une entrée à la fois : rien ne sort de votre "
            "journal sans votre choix, après avoir vu exactement ce qui serait partagé."
        ),
    },
}


def labels_for(language: str) -> dict[str, str]:
    return LABELS.get(language.split("-")[0].lower(), LABELS["en"])


def question_lines(number: int, q: Question, words: dict[str, str]) -> list[str]:
    lines = [f"{number}. {q.text}\\"]  # a hard break: the answer hint goes below
    if q.type == "scale":
        low = f"{q.scale_min}" + (f" = {q.min_label}" if q.min_label else "")
        high = f"{q.scale_max}" + (f" = {q.max_label}" if q.max_label else "")
        lines.append(f"   *{low} … {high}*")
    elif q.type == "choice":
        lines.append(f"   *{words['choose']}:* " + " · ".join(f"○ {o}" for o in q.options))
    else:
        lines.append(f"   *{words['own_words']}*")
    return lines


def session_markdown(session: Session, words: dict[str, str]) -> str:
    parts = [f"## {words['session']} {session.number} · {session.title}"]
    if session.intro:
        parts.append(session.intro)
    parts.append(f"**{words['prompts']}**")
    parts.append("\n".join(f"{p.key}. {p.text}" for p in session.prompts))
    if session.feedback:
        parts.append(f"**{words['feedback']}**")
        parts.append(
            "\n".join(
                line
                for i, q in enumerate(session.feedback, 1)
                for line in question_lines(i, q, words)
            )
        )
    return "\n\n".join(parts)


def study_markdown(study: Study, words: dict[str, str]) -> str:
    return "\n\n".join(
        [
            f"## {words['research']}",
            f"- **{words['study']}:** {study.name}\n- **{words['contact']}:** {study.contact}\n"
            f"- **{words['retention']}:** {study.retention}",
            f"**{words['consent']}**",
            study.consent_text,
            f"*{words['choice']}*",
        ]
    )


def participant_markdown(ps: PromptSet, session: int | None = None) -> str:
    """The set (or one session of it) as participants see it, as Markdown."""
    words = labels_for(ps.language)
    chosen = [s for s in ps.sessions if session is None or s.number == session]
    parts = [f"# {ps.title}"]
    if ps.description and session is None:
        parts.append(ps.description)
    parts += [session_markdown(s, words) for s in chosen]
    if ps.study and session is None:
        parts.append(study_markdown(ps.study, words))
    return "\n\n".join(parts) + "\n"
