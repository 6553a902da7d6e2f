"""Who and where: the actors and the location of an event, from the entity mentions of its sentence.

* location: the place mention nearest the trigger that follows a locative
  preposition of the pack (``di Almaty``, ``in Geneva``);
* actors: the people and organisations of the trigger's clause, and a place
  that stands at the head of the clause before the trigger as its subject
  (``Kazakhstan mengatakan``); when the clause has none, the nearest people or
  organisations of the sentence (at most ``MAX_ACTORS``).

Agencies and platforms that relay a story (``AFP``, ``Telegram``; the packs'
``agencies`` and ``not_actors``) are no actors. A mention is referred to by its
entity id when entity resolution has set ``mention["entity"]``, else by its index
in ``doc.mentions``; ``refs`` lists each entity once.
"""

from __future__ import annotations

from typing import Any

from kronologi.events.lexicon import Lexicon
from kronologi.events.modality import inside_quote

AGENTS = ("PER", "ORG", "NORP")
PLACES = ("LOC", "GPE", "FAC")
MAX_ACTORS = 4


def ref(mentions: list[dict[str, Any]], index: int) -> str | int:
    return mentions[index].get("entity") or index


def refs(mentions: list[dict[str, Any]], indices: list[int]) -> list[str | int]:
    out: list[str | int] = []
    for index in indices:
        value = ref(mentions, index)
        if value not in out:
            out.append(value)
    return out


def roles(doc_text: str, lex: Lexicon, mentions: list[tuple[int, dict[str, Any]]], trig: Any,
          clause: tuple[int, int], sentence_start: int | None = None) -> tuple[list[int], int | None]:
    """(actor mention indices, location mention index) for a trigger; ``clause`` is its char span. A saying
    outside quotation marks is not said by a name its quotation mentions (``sentence_start``: where the
    sentence, and so its quotation marks, begins)."""
    mentions = [(n, m) for n, m in mentions if " ".join(m.get("text", "").lower().split()) not in lex.not_actors]
    if sentence_start is not None and getattr(trig, "saying", False) and not getattr(trig, "quoted", False):
        mentions = [(n, m) for n, m in mentions if not inside_quote(doc_text[sentence_start:m["start"]])]
    place = _location(doc_text, lex, mentions, trig)
    in_clause = [(n, m) for n, m in mentions if clause[0] <= m["start"] and m["end"] <= clause[1] and n != place]
    actors = [n for n, m in in_clause if m.get("type") in AGENTS]
    actors += [n for n, m in in_clause if m.get("type") in PLACES and m["end"] <= trig.start
               and not _after_preposition(doc_text, lex, m["start"]) and _heads(doc_text, clause[0], m["start"])]
    if not actors:
        near = sorted((abs(m["start"] - trig.start), n) for n, m in mentions if m.get("type") in AGENTS)
        actors = [n for _, n in near[:2]]
    return sorted(set(actors))[:MAX_ACTORS], place


def _location(text: str, lex: Lexicon, mentions, trig) -> int | None:
    places = [(abs(m["start"] - trig.start), n) for n, m in mentions
              if m.get("type") in PLACES and _after_preposition(text, lex, m["start"])]
    return min(places)[1] if places else None


def _after_preposition(text: str, lex: Lexicon, start: int) -> bool:
    before = text[max(0, start - 24):start].split()
    return bool(before) and before[-1].lower() in lex.location_prepositions


def _heads(text: str, clause_start: int, start: int) -> bool:
    """The mention opens its clause (at most two words before it)."""
    return len(text[clause_start:start].split()) <= 2
