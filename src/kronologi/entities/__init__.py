"""Entities: who and where — mentions found per document, resolved across the corpus.

Mentions come from the NER model (``kronologi.ner``) and from rules where rules
are right (the gazetteer of places, acronym definitions in the text). Resolution
(``resolve``) turns mentions into entities: one per real-world referent, with
its fullest name, every alias and every mention with offsets.
"""
