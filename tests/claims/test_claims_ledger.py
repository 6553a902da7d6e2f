"""The figure ledger across documents: groups, relations, copies counted once, quotes linked, Markdown."""

from __future__ import annotations

from kronologi.claims.ledger import FIGURE_FIELDS, QUOTE_FIELDS, anchor, build_ledger
from kronologi.claims.render import ledger_markdown
from kronologi.claims.step import ClaimsStep
from kronologi.document import Document, Sentence, SharedPassage
from kronologi.temporal import tag
from kronologi.text.sentences import split_sentences


def _doc(doc_id: str, text: str, published: str | None, lang: str = "id", outlet: str | None = None,
         **extra) -> Document:
    doc = Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text=text, text=text,
                   language=lang, published=published, outlet=outlet or doc_id, **extra)
    doc.sentences = [Sentence(s, e) for s, e in split_sentences(text, lang)]
    starts = [s.start for s in doc.sentences]
    doc.times = [{**tm.to_dict(), "sentence": max(i for i, s in enumerate(starts) if s <= tm.start)}
                 for tm in tag(text, lang, published)]
    return ClaimsStep({})(doc)


def _rows(ledger, figures):
    by_id = {f["id"]: f for f in figures}
    return {(r["category"], r["subject"]): (r["relation"], [by_id[i]["value"] for i in r["figures"]]) for r in ledger}


def test_claims_ledger_agreement_update_contradiction_retraction() -> None:
    docs = [
        _doc("a", "Sebanyak 5.800 orang ditahan, kata kepresidenan pada Minggu (9/1/2022). "
                  "Sebanyak 2.500 tentara tiba pada Minggu (9/1/2022).", "2022-01-09T20:00+07:00"),
        _doc("b", "Hampir 8.000 orang telah ditahan, kata Kementerian Dalam Negeri pada Senin (10/1/2022). "
                  "Misi itu melibatkan hingga 2.030 tentara, kata Tokayev pada Minggu (9/1/2022).",
             "2022-01-10T09:00+07:00"),
        _doc("c", "Para pejabat mengatakan 16 petugas keamanan tewas. Kementerian mencabut pernyataan yang "
                  "mengatakan lebih dari 164 orang tewas.", "2022-01-10T10:00+07:00"),
        _doc("d", "Para pejabat mengatakan 16 petugas keamanan tewas.", "2022-01-11T10:00+07:00"),
    ]
    figures, quotes, ledger = build_ledger(docs, {d.id: "kz" for d in docs})
    rows = _rows(ledger, figures)
    assert rows[("detained", None)] == ("update", [5800, 8000])
    assert rows[("troops", None)][0] == "contradiction"
    assert rows[("killed", "security forces")] == ("agreement", [16, 16])
    assert rows[("killed", None)] == ("retraction", [164])
    assert all(r["story"] == "kz" and r["note"] for r in ledger)


def test_claims_ledger_wire_copies_count_once() -> None:
    wire = "Sebanyak 125 orang meninggal dunia, kata Kapolri. Angka tersebut merupakan hasil verifikasi bersama."
    a = _doc("a", "Lead sendiri A.\n\n" + wire, "2022-10-03T07:20+07:00")
    b = _doc("b", "Lead sendiri B yang lain.\n\n" + wire, "2022-10-03T08:05+07:00")
    b.shared_passages = [SharedPassage("a", b.text.index(wire), len(b.text), a.text.index(wire), len(a.text), 2)]
    a.shared_passages = [SharedPassage("b", a.text.index(wire), len(a.text), b.text.index(wire), len(b.text), 2)]
    figures, _, ledger = build_ledger([a, b])
    assert [f["origin"] for f in figures] == ["wire:a", "wire:a"]
    (row,) = ledger
    assert row["relation"] == "single" and "1 independent source" in row["note"]
    c = _doc("c", "Sebanyak 125 orang meninggal dunia, kata polisi.", "2022-10-03T09:00+07:00")
    figures, _, ledger = build_ledger([a, b, c])
    assert ledger[0]["relation"] == "agreement" and "2 independent source" in ledger[0]["note"]


def test_claims_ledger_duplicates() -> None:
    text = "Sebanyak 7 orang ditangkap polisi."
    a = _doc("a", text, "2022-01-06")
    exact = _doc("b", text, "2022-01-06", duplicate_of="a", duplicate_kind="exact")
    near = _doc("c", text + " Mereka diperiksa.", "2022-01-06", duplicate_of="a", duplicate_kind="near")
    figures, _, ledger = build_ledger([a, exact, near])
    assert [f["doc"] for f in figures] == ["a", "c"]
    assert [f["origin"] for f in figures] == ["a", "a"]
    assert ledger[0]["relation"] == "single"


def test_claims_ledger_past_events_and_subsets_are_their_own_rows() -> None:
    doc = _doc("a", "Polisi menyebut 127 orang meninggal dunia, termasuk dua polisi. Pada 2001, kericuhan "
                    "serupa di Accra menewaskan 126 orang.", "2022-10-02")
    figures, _, ledger = build_ledger([doc])
    keys = {(r["category"], r["subject"], r["past_event"]) for r in ledger}
    assert keys == {("killed", None, False), ("killed", None, True), ("killed", "police", False)}
    part = next(f for f in figures if f["value"] == 2)
    assert part["part_of"] == next(f["id"] for f in figures if f["value"] == 127)


def test_claims_ledger_contract_fields_and_ids() -> None:
    doc = _doc("a", "“Sebanyak 40 orang tewas,” kata Tokayev.", "2022-01-10")
    figures, quotes, ledger = build_ledger([doc])
    assert set(FIGURE_FIELDS) <= set(figures[0]) and figures[0]["id"] == "a#f1" and figures[0]["doc"] == "a"
    assert set(QUOTE_FIELDS) <= set(quotes[0]) and quotes[0]["id"] == "a#q1" and quotes[0]["speaker"] is None
    assert set(ledger[0]) >= {"id", "story", "category", "subject", "figures", "relation", "note"}


def test_claims_ledger_quote_speaker_entity_from_mentions() -> None:
    doc = _doc("a", "“Kami siap,” kata Tokayev.", "2022-01-10")
    at = doc.text.index("Tokayev")
    doc.mentions = [{"start": at, "end": at + 7, "text": "Tokayev", "type": "PER", "entity": "E12"}]
    _, quotes, _ = build_ledger([doc])
    assert quotes[0]["speaker"] == "E12"


def test_claims_ledger_one_quote_in_two_languages_and_two_copies() -> None:
    id1 = _doc("id1", "“Berdasarkan gelar perkara dan alat bukti yang cukup, kami menetapkan enam orang sebagai "
                      "tersangka,” kata Kapolri Listyo Sigit Prabowo.", "2022-10-06")
    en1 = _doc("en1", "“Based on the case review and sufficient evidence, we have named six suspects,” national "
                      "police chief Listyo Sigit Prabowo said.", "2022-10-06", lang="en")
    id2 = _doc("id2", "“Berdasarkan gelar perkara dan alat bukti yang cukup, kami menetapkan enam orang sebagai "
                      "tersangka,” kata Listyo.", "2022-10-06")
    other = _doc("en2", "“The stadium was not safe,” Listyo Sigit Prabowo said.", "2022-10-06", lang="en")
    _, quotes, _ = build_ledger([id1, en1, id2, other])
    assert [q["same_as"] for q in quotes] == [None, "id1#q1", "id1#q1", None]


def test_claims_ledger_anchor_bare_weekdays() -> None:
    assert anchor("XXXX-WXX-7", "2022-01-11") == "2022-01-09"
    assert anchor("XXXX-WXX-2", "2022-01-11") == "2022-01-11"
    assert anchor("2022-01", "2022-01-11") is None


def test_claims_ledger_markdown() -> None:
    docs = [_doc("a", "Sebanyak 5.800 orang ditahan, kata kepresidenan.", "2022-01-09", outlet="Warta"),
            _doc("b", "Hampir 8.000 orang ditahan, kata Kementerian Dalam Negeri.", "2022-01-10", outlet="Kabar")]
    figures, _, ledger = build_ledger(docs, {"a": "kz", "b": "kz"})
    table = ledger_markdown(ledger, figures)
    lines = table.splitlines()
    assert lines[0] == "### Figures — kz"
    assert lines[2] == "| quantity | value | qualifier | claimant | via | outlet | as_of | status | relation |"
    assert "| detained | 5,800 | exact | kepresidenan | — | Warta | 2022-01-09 | reported | single |" in lines
    assert "| — | <~ 8,000 | nearly | Kementerian Dalam Negeri | — | Kabar | 2022-01-10 | reported | update |" in lines


def test_claims_ledger_quote_speaker_is_the_person_not_the_body_in_the_role() -> None:
    doc = _doc("a", "“Kami siap,” kata Kepala BPBD Rina Hapsari.", "2022-01-10")
    body, person = doc.text.index("BPBD"), doc.text.index("Rina")
    doc.mentions = [{"start": body, "end": body + 4, "text": "BPBD", "type": "ORG", "entity": "E1"},
                    {"start": person, "end": person + 12, "text": "Rina Hapsari", "type": "PER", "entity": "E3"}]
    _, quotes, _ = build_ledger([doc])
    assert quotes[0]["speaker_name"] == "Rina Hapsari" and quotes[0]["speaker"] == "E3"


def test_claims_ledger_claimant_after_a_title_with_dan_is_the_person_entity() -> None:
    from kronologi.claims.ledger import claimant_names

    doc = _doc("a", "Angka itu lain dari catatan yang dilaporkan oleh Menteri Koordinator Bidang Pangan dan "
                    "Pertanian (Menko PP) Rina Lestari, yakni korban meninggal sebanyak 64 orang per Rabu pagi.",
               "2022-01-10")
    at = doc.text.index("Rina")
    doc.mentions = [{"start": at, "end": at + 12, "text": "Rina Lestari", "type": "PER", "entity": "E3"}]
    entity = {"id": "E3", "type": "PER", "name": "Rina Lestari", "aliases": ["Rina Lestari"]}
    figures, _, _ = build_ledger([doc], names=claimant_names([entity]))
    assert [(f["value"], f["claimant"], f.get("claimant_entity")) for f in figures] == [(64, "Rina Lestari", "E3")]


def test_claims_ledger_quote_speaker_owner_body_is_not_the_speaker() -> None:
    doc = _doc("a", "“Polisi menembak warga,” kata kantor HAM PBB.", "2022-01-10")
    at = doc.text.index("PBB")
    doc.mentions = [{"start": at, "end": at + 3, "text": "PBB", "type": "ORG", "entity": "E7"}]
    _, quotes, _ = build_ledger([doc])
    assert quotes[0]["speaker_name"] == "kantor HAM PBB" and quotes[0]["speaker"] is None


def test_claims_ledger_quote_speaker_acronym_in_brackets_is_the_body() -> None:
    doc = _doc("a", "The Harbour Workers Union (HWU) rejected the plan.\n\n“We refuse,” an HWU statement said.",
               "2022-01-10", lang="en")
    at = doc.text.rindex("HWU")
    doc.mentions = [{"start": at, "end": at + 3, "text": "HWU", "type": "ORG", "entity": "E4"}]
    _, quotes, _ = build_ledger([doc])
    assert quotes[0]["speaker"] == "E4"


def test_claims_ledger_a_quote_that_goes_on_keeps_the_speaker_entity_of_the_one_before() -> None:
    doc = _doc("a", "“The river took the bakery first,” said Oren Vasko. “Then it took the school.”", "2023-03-09",
               lang="en")
    at = doc.text.index("Oren Vasko")
    doc.mentions = [{"start": at, "end": at + 10, "text": "Oren Vasko", "type": "PER", "entity": "E7"}]
    _, quotes, _ = build_ledger([doc])
    assert [(q["speaker_name"], q["how"], q["speaker"]) for q in quotes] == [
        ("Oren Vasko", "after", "E7"), ("Oren Vasko", "continues", "E7")]


def test_claims_ledger_claimant_opened_by_a_body_is_the_body():
    """"Dinas Kesehatan Tirta Wening mencatat ...": the tagger may read the place after the body's name as a
    person; the phrase opens with the body, which is the claimant ("Kepala BNPB X" still names X)."""
    from kronologi.claims.ledger import build_ledger

    from ledger_fixtures import claims_doc

    def doc(text, spans):
        d = claims_doc("a", text, "2023-04-04")
        d.mentions = [{"start": text.index(s), "end": text.index(s) + len(s), "text": s, "type": t, "entity": e}
                      for s, t, e in spans]
        return d

    names = {"E1": "Dinas Kesehatan", "E2": "Tirta Wening", "E3": "Rudi Hartono"}
    body = doc("Dinas Kesehatan Tirta Wening mencatat dua korban meninggal dunia pada Selasa.",
               [("Dinas Kesehatan", "ORG", "E1"), ("Tirta Wening", "PER", "E2")])
    (fig,), _, _ = build_ledger([body], {"a": "s"}, names=names)
    assert fig["claimant"] == "Dinas Kesehatan"
    titled = doc("Kepala Dinas Kesehatan Rudi Hartono mencatat dua korban meninggal dunia pada Selasa.",
                 [("Dinas Kesehatan", "ORG", "E1"), ("Rudi Hartono", "PER", "E3")])
    (fig,), _, _ = build_ledger([titled], {"a": "s"}, names=names)
    assert fig["claimant"] == "Rudi Hartono"
