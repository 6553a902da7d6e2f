"""``kronologi timelinejs``: a story's TimelineJS file written from a store, the same data the server answers at
``/stories/ID/timelinejs.json``; an unknown story or a missing store is refused with a message."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kronologi.cli import main
from serve_corpus import client_for, served_store  # noqa: F401 - served_store: the session fixture


def test_cli_timelinejs_writes_each_dated_story_as_the_server_answers_it(served_store, tmp_path):
    result = CliRunner().invoke(main, ["timelinejs", "--db", str(served_store.db), "-o", str(tmp_path / "tl")])
    assert result.exit_code == 0, result.output
    story_id = served_store.chronicle.stories[0]["id"]
    written = json.loads((tmp_path / "tl" / f"{story_id}-timelinejs.json").read_text(encoding="utf-8"))
    assert written == client_for(served_store.db).get(f"/stories/{story_id}/timelinejs.json").json()
    dated = [ev["id"] for ev in served_store.chronicle.events if ev["story"] == story_id and ev["date"]]
    assert sorted(s["unique_id"] for s in written["events"]) == sorted(dated)


def test_cli_timelinejs_refuses_an_unknown_story_and_a_missing_store(served_store, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["timelinejs", "--db", str(served_store.db), "-o", str(tmp_path), "--story", "nope"])
    assert result.exit_code == 1 and "no story 'nope'" in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["timelinejs", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path)])
    assert result.exit_code == 1 and "no store at" in result.output
