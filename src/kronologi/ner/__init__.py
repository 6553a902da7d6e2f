"""Named entities: the packaged NER models, the CoNLL interface, the pipeline step.

``tag_tokens(tokens, lang)`` gives IOB2 tags (``B-PER``, ``I-ORG``, ``B-LOC``,
``O``) for one tokenized sentence, ``tag_sentences`` for many at once (faster).
Models load lazily, once per process, from ``kronologi/models/`` (see
``model.py``). ``conll`` reads and writes the ``kronologi ner --conll`` format,
``step.EntitiesStep`` turns a document's sentences into ``doc.mentions`` and
``score`` scores tag sequences as conlleval does.
"""

from __future__ import annotations

from kronologi.ner.model import MODELS, NerModelMissing, has_model, load, model_path, tag_sentences, tag_tokens

__all__ = ["MODELS", "NerModelMissing", "has_model", "load", "model_path", "tag_sentences", "tag_tokens"]
