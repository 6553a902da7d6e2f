"""Casing augmentation for training (registered for spaCy's config as ``kronologi.case_variants.v1``).

News text arrives lower-cased (NERP, some feeds), in capitals (headlines,
datelines) or title-cased; a model trained only on clean casing learns that an
initial capital *is* a name. The augmenter passes every training sentence
through unchanged and, with the given probabilities, adds a lower-cased, an
upper-cased or a title-cased copy with the same entities. Sentences that are
already all lower-case (NERP) are never changed.
"""

from __future__ import annotations

import random
from typing import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

CASES: dict[str, Callable[[str], str]] = {"lower": str.lower, "upper": str.upper, "title": str.title}


@registry.augmenters("kronologi.case_variants.v1")
def case_variants(lower: float, upper: float, title: float) -> Callable[[Language, Example], Iterator[Example]]:
    weights = {"lower": lower, "upper": upper, "title": title}

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        text = example.reference.text
        if text == text.lower():
            return
        for case, p in weights.items():
            if p and random.random() < p:
                yield recase(nlp, example, CASES[case])

    return augment


def recase(nlp: Language, example: Example, change: Callable[[str], str]) -> Example:
    """The same sentence and entities with every token's text changed by ``change``."""
    ref = example.reference
    words = [change(t.text) for t in ref]
    spaces = [bool(t.whitespace_) for t in ref]
    gold = Doc(nlp.vocab, words=words, spaces=spaces)
    ents = [Span(gold, e.start, e.end, label=e.label_) for e in ref.ents]
    missing = [Span(gold, t.i, t.i + 1) for t in ref if t.ent_iob_ == ""]
    gold.set_ents(ents, missing=missing, default="outside")
    return Example(Doc(nlp.vocab, words=words, spaces=spaces), gold)
