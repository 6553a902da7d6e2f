"""A build whose summary weights are missing or broken still summarises: the lead sentences, with a warning."""

from __future__ import annotations

import logging
import pathlib

import pytest

from kronologi.events import summary
from kronologi.events.summary import FEATURES, load_model, summarize

from test_events_pack_examples import events_of


class _Package:
    """Stands for ``resources.files(...)``: the package's data read from ``root``."""

    def __init__(self, root: pathlib.Path):
        self.root = root

    def files(self, _package: str) -> pathlib.Path:
        return self.root


@pytest.fixture
def model_folder(tmp_path, monkeypatch):
    (tmp_path / "summary_model").mkdir()
    monkeypatch.setattr(summary, "resources", _Package(tmp_path))
    load_model.cache_clear()
    yield tmp_path / "summary_model"
    load_model.cache_clear()


def test_events_summary_missing_weights_fall_back_to_the_lead(model_folder, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="kronologi.events.summary"):
        model = load_model()
    assert model["fallback"] == "lead" and tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(model["mean"]) == len(model["scale"]) == len(FEATURES)
    assert "weights.json" in caplog.text and "lead sentences" in caplog.text


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"features": []}'])
def test_events_summary_broken_weights_fall_back_to_the_lead(model_folder, content: str) -> None:
    (model_folder / "weights.json").write_text(content, encoding="utf-8")
    assert load_model()["fallback"] == "lead"


def test_events_summary_without_weights_picks_the_first_sentences(model_folder) -> None:
    text = ("Banjir merendam empat desa di Lembah Hijau pada Selasa malam. Sebanyak 120 warga mengungsi ke balai desa. "
            "Bupati Lembah Hijau meninjau lokasi pada Rabu pagi. Bantuan makanan mulai tiba sore harinya. "
            "Hujan diperkirakan turun lagi pekan depan.")
    doc = events_of(text, "id")
    assert summarize([doc], n=3) == [(doc.id, 0), (doc.id, 1), (doc.id, 2)]


def test_events_summary_other_features_still_fail_loudly(model_folder) -> None:
    (model_folder / "weights.json").write_text('{"features": ["bias"], "mean": [0], "scale": [1], "weights": [1]}',
                                               encoding="utf-8")
    with pytest.raises(ValueError, match="train_summary"):
        load_model()
