"""Time the events corpus pass (``merge_events``) alone on pickled documents.

The documents come from ``story_entity_passes.py prepare --limit 2000 --pickle PATH`` (click-id-news processed
once by the per-document steps); stories, entities and the ledger are computed as a build does, then
``merge_events`` runs three times on fresh copies and prints the events it made and its CPU seconds.

    .venv/bin/python benchmarks/events_pass.py /tmp/slice2k.pkl

To compare two commits on the same pickle, run it once with the tree's code and once with
``PYTHONPATH=<worktree of the other commit>/src``.
"""
import copy
import importlib
import pickle
import sys
import time

from kronologi.corpus.stories import assign_stories
from kronologi.entities.resolve import resolve
from kronologi.claims.ledger import build_ledger
from kronologi.events.merge import merge_events

kb = importlib.import_module("kronologi.build")
docs = pickle.load(open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/slice2k.pkl", "rb"))
stories = assign_stories(docs)
story_of = {d.id: s.id for s in stories for d in getattr(s, "docs", [])} or {d.id: d.story for d in docs if d.story}
entities = resolve(docs)
kb._events_to_entities(docs)
figures, quotes, ledger = build_ledger(docs, story_of)
for _ in range(3):
    work = copy.deepcopy(docs)
    t = time.process_time()
    events = merge_events(work, story_of, figures=figures)
    print(len(events), round(time.process_time() - t, 2), flush=True)
