"""Claims: the figures each source reported and the quotes of who said what.

Per document (the step ``claims``: ``step.ClaimsStep``; ``step.read_text`` for a plain text):

* ``numbers``: every number of a text, in every form news writes (digits, words, scales, vague);
* ``nonfigures``: numbers that count nothing (years, ages, clock times, dates, scores, ids, measures...);
* ``categories`` and ``qualifiers``: what a number counts and how exactly;
* ``figures``: the counts that report what happened, with ``status`` (reported, retracted, denied,
  projected), claimant and relay (``claimants``, ``attribution``) and ``as_of`` (``dating``);
* ``quotes`` and ``speakers``: direct quotations and who spoke them (``names``: who a phrase names;
  ``context``: sentences, paragraphs, people and relays of one document).

Across documents (a corpus pass): ``ledger.build_ledger`` groups the figures of a story about one
quantity and relates them (agreement, update, contradiction, retraction), counting wire copies once;
``quotelinks`` recognises one quote carried by several outlets, in one language or two;
``render.ledger_markdown`` shows the ledger as a table; ``evaluate`` scores against gold.
Knowledge lives in ``langs/<lang>/claims.yaml`` (``vocab`` compiles it lazily), with examples in
``claims.examples.yaml`` that the tests run.
"""

from kronologi.claims.ledger import build_ledger
from kronologi.claims.render import ledger_markdown
from kronologi.claims.step import ClaimsStep, read_claims, read_text

__all__ = ["ClaimsStep", "build_ledger", "ledger_markdown", "read_claims", "read_text"]
