"""The packaged NER models: which folder serves which language, loaded lazily once per process.

Models are spaCy pipeline folders inside the package (``kronologi/models/<name>/``),
read from disk only: nothing is downloaded. A language without a model raises
:class:`NerModelMissing`; adding one is a data change here (``MODELS``) plus the
folder, made by its training project under ``training/``.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kronologi.errors import KronologiError

if TYPE_CHECKING:  # spaCy is imported on first use only: it takes a second
    from spacy.language import Language

# language -> model folder under kronologi/models/.
# English hook: no English model is packaged yet; when one lands (trained in
# training/ner-en/ or a licensed registry package), add "en": "<folder>" here.
MODELS: dict[str, str] = {"id": "ner-id"}
BATCH_SIZE = 256  # sentences per call of the network


class NerModelMissing(KronologiError):
    """No NER model is packaged for a language, or its folder is incomplete."""

    code = "failed.ner.no_model"


def has_model(lang: str) -> bool:
    return lang in MODELS


def model_path(lang: str) -> Path:
    """The folder of the model for ``lang`` (``id``, ``en``)."""
    if lang not in MODELS:
        known = ", ".join(sorted(MODELS))
        raise NerModelMissing(f"no NER model is packaged for language {lang!r} (models exist for: {known})")
    path = Path(str(resources.files("kronologi").joinpath("models", MODELS[lang])))
    if not (path / "config.cfg").is_file():
        raise NerModelMissing(
            f"the NER model folder {path} is missing or incomplete; "
            f"re-create it with `bash training/{MODELS[lang]}/run.sh` or reinstall Kronologi"
        )
    return path


@functools.lru_cache(maxsize=None)
def load(lang: str) -> Language:
    """The spaCy pipeline for ``lang``, loaded once per process (offline, from the package)."""
    import spacy

    return spacy.load(model_path(lang))


def tag_sentences(sentences: Iterable[list[str]], lang: str = "id") -> list[list[str]]:
    """IOB2 tags (``B-PER``, ``I-ORG``, ``O``, ...) for each sentence, given as a list of tokens.

    English has no packaged model yet: its tags come from the rules of
    ``kronologi.entities.english`` applied to the tokens joined by spaces.
    """
    if lang == "en" and not has_model("en"):
        return [_rule_tags(list(toks)) for toks in sentences]
    return tag_with(load(lang), sentences)


def _rule_tags(tokens: list[str]) -> list[str]:
    from kronologi.entities.english import english_mentions

    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(tokens)
    tags = ["O"] * len(tokens)
    for m in english_mentions(text, [(0, len(text))]):
        inside = [i for i, s in enumerate(starts) if m["start"] <= s < m["end"]]
        for n, i in enumerate(inside):
            tags[i] = f"{'B' if n == 0 else 'I'}-{m['type']}"
    return tags


def tag_with(nlp: Language, sentences: Iterable[list[str]]) -> list[list[str]]:
    """IOB2 tags from a given spaCy pipeline (the training project scores its models with this)."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=[_word(t) for t in toks]) for toks in sentences)  # made as the network reads
    return [[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
            for doc in nlp.pipe(docs, batch_size=BATCH_SIZE)]


def tag_tokens(tokens: list[str], lang: str = "id") -> list[str]:
    """IOB2 tags for one sentence's tokens."""
    return tag_sentences([tokens], lang)[0] if tokens else []


def _word(token: str) -> str:
    # spaCy needs a non-empty token without spaces; the tags stay aligned either way.
    token = "".join(token.split())
    return token or "_"
