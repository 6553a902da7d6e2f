"""Event coreference: one event per happening (a source per sentence, of any article), copies always joined."""

from __future__ import annotations

from kronologi.document import SharedPassage
from kronologi.events import merge_events

from test_events_pack_examples import events_of


def _doc(doc_id: str, text: str, mentions=(), lang: str = "id", published: str = "2022-01-11"):
    doc = events_of(text, lang, published, mentions=_mentions(text, mentions))
    doc.id = doc_id
    return doc


def _mentions(text: str, spec) -> list[dict]:
    out = []
    for surface, type_, entity in spec:
        start = text.index(surface)
        out.append({"start": start, "end": start + len(surface), "text": surface, "type": type_, "entity": entity})
    return out


def _sources(event) -> list[str]:
    return [s["doc"] for s in event["sources"]]


def test_events_merge_same_event_from_two_outlets():
    a = _doc("a", "Polisi menangkap Karim Masimov pada Sabtu.", [("Karim Masimov", "PER", "E1")])
    b = _doc("b", "Aparat keamanan menangkap mantan kepala intelijen Karim Masimov pada hari Sabtu.",
             [("Karim Masimov", "PER", "E1")])
    (event,) = merge_events([a, b], {"a": "S1", "b": "S1"})
    assert (event["id"], event["type"], event["date"], event["story"]) == ("V1", "arrest", "2022-01-08", "S1")
    assert _sources(event) == ["a", "b"] and event["actors"] == ["E1"]
    assert event["sources"][1] == {"doc": "b", "sentence": 0, "start": 0, "end": len(b.text)}


def test_events_merge_across_languages_by_actors():
    a = _doc("a", "Polisi menangkap Karim Masimov pada Sabtu.", [("Karim Masimov", "PER", "E1")])
    b = _doc("b", "Police arrested Karim Masimov on Saturday.", [("Karim Masimov", "PER", "E1")], lang="en")
    (event,) = merge_events([a, b], {"a": "S1", "b": "S1"})
    assert _sources(event) == ["a", "b"]


def test_events_merge_same_type_and_day_elsewhere_stays_apart():
    a = _doc("a", "Ribuan warga berunjuk rasa di Almaty pada Senin.", [("Almaty", "LOC", "L1")])
    b = _doc("b", "Ribuan warga berunjuk rasa di Aktobe pada Senin.", [("Aktobe", "LOC", "L2")])
    events = merge_events([a, b], {"a": "S1", "b": "S1"})
    assert sorted(ev["location"] for ev in events) == ["L1", "L2"]


def test_events_merge_different_actors_stay_apart():
    a = _doc("a", "Presiden memecat Karim Masimov pada Rabu.", [("Karim Masimov", "PER", "E1")])
    b = _doc("b", "Presiden memecat Askar Mamin pada Rabu.", [("Askar Mamin", "PER", "E2")])
    assert len(merge_events([a, b], {"a": "S1", "b": "S1"})) == 2


def test_events_merge_unknown_date_joins_with_shared_actors():
    a = _doc("a", "Presiden memecat Karim Masimov pada Rabu.", [("Karim Masimov", "PER", "E1")])
    b = _doc("b", "Karim Masimov dipecat dari jabatannya.", [("Karim Masimov", "PER", "E1")])
    c = _doc("c", "Presiden memecat seorang pejabat.")
    events = merge_events([a, b, c], {"a": "S1", "b": "S1", "c": "S1"})
    assert [(_sources(ev), ev["date"]) for ev in events] == [(["a", "b"], "2022-01-05"), (["c"], None)]


def test_events_merge_one_article_telling_one_happening_twice_is_one_event():
    a = _doc("a", "Polisi menangkap Karim Masimov pada Sabtu. Polisi juga menangkap Karim Masimov pada Sabtu.",
             [("Karim Masimov", "PER", "E1")])
    (event,) = merge_events([a], {"a": "S1"})
    assert [(s["doc"], s["sentence"]) for s in event["sources"]] == [("a", 0), ("a", 1)]


def test_events_merge_two_tolls_are_two_announcements():
    a = _doc("a", "BNPB menyebut 56 orang meninggal dunia pada Senin.", [("BNPB", "ORG", "E1")])
    b = _doc("b", "BNPB menyebut 162 orang meninggal dunia pada Senin.", [("BNPB", "ORG", "E1")])
    for doc, value in ((a, 56), (b, 162)):
        doc.figures = [{"sentence": 0, "category": "killed", "value": value, "status": "reported"}]
    assert len(merge_events([a, b], {"a": "S1", "b": "S1"})) == 2


def test_events_merge_records_its_evidence():
    a = _doc("a", "Polisi menangkap Karim Masimov pada Sabtu.", [("Karim Masimov", "PER", "E1")])
    b = _doc("b", "Police arrested Karim Masimov on Saturday.", [("Karim Masimov", "PER", "E1")], lang="en")
    (event,) = merge_events([a, b], {"a": "S1", "b": "S1"})
    (why,) = event["evidence"]
    assert why["doc"] == "b" and "same date 2022-01-08" in why["why"] and "participants e:E1" in why["why"]


def test_events_merge_other_stories_and_no_story_stay_apart():
    a = _doc("a", "Polisi menangkap Karim Masimov pada Sabtu.", [("Karim Masimov", "PER", "E1")])
    b = _doc("b", "Polisi menangkap Karim Masimov pada Sabtu.", [("Karim Masimov", "PER", "E1")])
    assert len(merge_events([a, b], {"a": "S1", "b": "S2"})) == 2
    assert len(merge_events([a, b])) == 2  # no story at all: only copies merge


def test_events_merge_negation_is_not_the_deed():
    a = _doc("a", "Aparat menembak demonstran pada Rabu.", [("Aparat", "ORG", "E1")])
    b = _doc("b", "Aparat tidak menembak demonstran pada Rabu.", [("Aparat", "ORG", "E1")])
    assert len(merge_events([a, b], {"a": "S1", "b": "S1"})) == 2


def test_events_merge_copies_always_join():
    text = "Polisi menangkap tiga orang pada Sabtu. Mereka ditahan di Almaty."
    a = _doc("a", text)
    b = _doc("b", text)
    b.duplicate_of = "a"
    c = _doc("c", "Kerusuhan pecah di kota itu. " + text)
    offset = c.text.index("Polisi")
    c.shared_passages = [SharedPassage("a", offset, len(c.text), 0, len(text), 2)]
    events = merge_events([a, b, c])  # no stories: copies still join
    assert sorted(_sources(ev) for ev in events) == [["a", "b", "c"], ["a", "b", "c"], ["c"]]


def test_events_merge_orders_by_date_and_numbers_events():
    a = _doc("a", "Polisi menangkap tiga orang pada Sabtu. Warga berunjuk rasa pada Rabu. Menteri mengundurkan diri.")
    events = merge_events([a], {"a": "S1"})
    assert [(ev["id"], ev["date"], ev["date_basis"]) for ev in events] == [
        ("V1", "2022-01-05", "clause"), ("V2", "2022-01-05", "narrative"), ("V3", "2022-01-08", "clause")]
    assert set(events[0]) == {"id", "story", "type", "summary", "date", "date_text", "precision", "date_basis",
                              "modality", "actors", "location", "sources", "background", "evidence"}


def test_events_merge_a_shared_distinctive_number_bridges_languages():
    a = _doc("a", "Gempa bumi magnitudo 6,2 mengguncang kota itu pada Senin pukul 04.17.")
    b = _doc("b", "A magnitude 6.2 earthquake struck at 4:17 on Monday.", lang="en")
    (event,) = merge_events([a, b], {"a": "S1", "b": "S1"})
    assert event["type"] == "disaster" and _sources(event) == ["a", "b"]
    assert any("numbers 4.17, 6.2" in why for e in event["evidence"] for why in e["why"])


def test_events_merge_a_small_shared_count_is_no_evidence_of_one_happening():
    a = _doc("a", "Pengendara motor meninggal setelah ditabrak truk di jalan tol pada Senin.")
    b = _doc("b", "Satu nelayan tewas tenggelam di muara sungai pada Senin.")
    for doc in (a, b):
        doc.figures = [{"sentence": 0, "category": "killed", "value": 1, "status": "reported"}]
    assert len(merge_events([a, b], {"a": "S1", "b": "S1"})) == 2


# --- episodes: one article narrating one happening over several sentences ------------------

_BRIEFING = ("Badan Penanggulangan Bencana Lembang mengumumkan 48 orang meninggal dunia di Cikole pada Selasa. "
             "Sebanyak 48 korban itu tewas tertimpa bangunan. "
             "Kepala badan itu mengatakan bantuan segera dikirim ke Cikole.")


def _briefing(text: str = _BRIEFING, speaker: tuple | None = None):
    names = [("Badan Penanggulangan Bencana Lembang", "ORG", "E1"), ("Cikole", "LOC", "L1")]
    doc = _doc("a", text, names + ([speaker] if speaker else []))
    doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported"},
                   {"sentence": 1, "category": "killed", "value": 48, "status": "reported"}]
    return doc


def _sentences(events) -> list[list[int]]:
    return sorted([s["sentence"] for s in ev["sources"]] for ev in events)


def test_events_merge_an_article_narrating_one_toll_is_one_event():
    events = merge_events([_briefing()], {"a": "S1"})
    assert _sentences(events) == [[0, 1, 2]]
    assert any("one article narrating on" in e["why"] for e in events[0]["evidence"])


def test_events_merge_a_turn_to_another_happening_starts_a_new_event():
    text = _BRIEFING.replace("Kepala badan itu", "Sementara itu, kepala badan itu")
    assert _sentences(merge_events([_briefing(text)], {"a": "S1"})) == [[0, 1], [2]]


def test_events_merge_someone_new_speaking_is_another_statement():
    text = _BRIEFING.replace("Kepala badan itu mengatakan bantuan segera dikirim ke Cikole.",
                             "Bupati Sumedang, Dedi Kurnia, mengatakan korban tewas tertimpa bangunan di Cikole.")
    doc = _briefing(text, ("Dedi Kurnia", "PER", "E2"))
    assert _sentences(merge_events([doc], {"a": "S1"})) == [[0, 1], [2]]


def test_events_merge_a_count_is_dated_as_of_its_report_not_by_the_disaster_it_counts():
    text = "Korban gempa yang mengguncang Lembang pada Senin (10/1) bertambah menjadi 80 orang."
    a = _doc("a", text, [("Lembang", "LOC", "L1")], published="2022-01-12")
    a.figures = [{"sentence": 0, "category": "killed", "value": 80, "status": "reported",
                  "as_of": "2022-01-12", "as_of_basis": "published"}]
    (event,) = merge_events([a], {"a": "S1"})
    assert (event["date"], event["date_basis"]) == ("2022-01-12", "publication")


def test_events_extract_no_trigger_inside_an_organisations_name():
    text = "Asosiasi Korban Penculikan menggelar jumpa pers pada Senin."
    assert [ev["type"] for ev in _doc("a", text).events] == ["attack"]  # unnamed: "Penculikan" reads as a deed
    named = _doc("a", text, [("Asosiasi Korban Penculikan", "ORG", "E1")])
    assert "attack" not in [ev["type"] for ev in named.events]


def test_events_merge_an_articles_guessed_day_yields_to_the_clause_of_the_next_sentence():
    text = ("Badan Penanggulangan Bencana Lembang mengumumkan 48 orang meninggal dunia. "
            "Sebanyak 48 korban itu tewas tertimpa bangunan pada Senin (10/1).")
    doc = _doc("a", text, [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")], published="2022-01-12")
    doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported"},
                   {"sentence": 1, "category": "killed", "value": 48, "status": "reported"}]
    (event,) = merge_events([doc], {"a": "S1"})
    assert [s["sentence"] for s in event["sources"]] == [0, 1]
    assert (event["date"], event["date_basis"]) == ("2022-01-10", "clause")


def test_events_merge_a_sentence_pointing_back_continues_the_one_before():
    text = ("Badan Penanggulangan Bencana Lembang melaporkan 48 orang meninggal dunia. "
            "Angka itu dicatat posko pada Selasa pukul 09.00.")
    doc = _doc("a", text, [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")])
    doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported"}]
    assert _sentences(merge_events([doc], {"a": "S1"})) == [[0, 1]]
    other = _doc("a", text.replace("Angka itu dicatat posko", "Polisi menangkap dua penjarah"),
                 [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")])
    other.figures = doc.figures
    assert _sentences(merge_events([other], {"a": "S1"})) == [[0], [1]]  # nothing points back: two happenings


def _ledger_figure(sentence: int, value: int, **extra) -> dict:
    return {"doc": "a", "sentence": sentence, "category": "killed", "value": value, "status": "reported", **extra}


_TOLL = ("Badan Penanggulangan Bencana Lembang mengumumkan 48 orang meninggal dunia pada Selasa. "
         "Sebanyak 30 orang tewas di Cikole dan 18 orang tewas di Lembang.")


def test_events_merge_the_ledgers_parts_of_a_total_do_not_tell_announcements_apart():
    doc = _doc("a", _TOLL, [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")])
    parts = [_ledger_figure(0, 48), _ledger_figure(1, 30, cue="list", part_whole=True),
             _ledger_figure(1, 18, cue="list", part_whole=True)]
    assert _sentences(merge_events([doc], {"a": "S1"}, figures=parts)) == [[0, 1]]
    totals = [dict(f, part_whole=False) for f in parts]  # read as totals, 30 and 18 compete with 48
    assert _sentences(merge_events([doc], {"a": "S1"}, figures=totals)) == [[0], [1]]


def test_events_merge_one_articles_counts_in_different_places_are_one_round_up():
    text = ("Sedikitnya 90 orang tewas akibat gempa pada Senin. "
            "Di Ardania sedikitnya 60 orang tewas dan di Borelia 30 orang tewas.")
    doc = _doc("a", text)
    figures = [_ledger_figure(0, 90), _ledger_figure(1, 60, scope="Ardania"), _ledger_figure(1, 30, scope="Borelia")]
    assert _sentences(merge_events([doc], {"a": "S1"}, figures=figures)) == [[0, 1]]
    unscoped = [dict(f, scope=None) for f in figures]
    assert _sentences(merge_events([doc], {"a": "S1"}, figures=unscoped)) == [[0], [1]]


def test_events_merge_an_untyped_clause_of_that_day_beside_a_report_belongs_to_it():
    text = ("Kepala BPBD Lembang mengatakan 48 orang meninggal dunia, Selasa (11/1). "
            "Rekapitulasi diunggah di laman resmi pada Selasa malam.")
    doc = _doc("a", text, [("BPBD Lembang", "ORG", "E1")])
    doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported"}]
    (event,) = merge_events([doc], {"a": "S1"})
    assert [s["sentence"] for s in event["sources"]] == [0, 1] and event["type"] == "killing"
    assert any("an untyped clause beside it" in e["why"] for e in event["evidence"])
    other_day = _doc("a", text.replace("pada Selasa malam", "pada Rabu malam"), [("BPBD Lembang", "ORG", "E1")])
    other_day.figures = doc.figures
    assert _sentences(merge_events([other_day], {"a": "S1"})) == [[0], [1]]


def test_events_merge_counts_in_several_places_adding_up_to_a_total_are_one_announcement():
    def article(shares):
        text = ("Sedikitnya 90 orang tewas di kawasan itu pada Senin. "
                "Polisi menangkap dua penjarah di pasar pada Senin. "
                "Listrik padam di sebagian besar kota. "
                f"Ardania mencatat {shares[0]} korban tewas, Borelia {shares[1]} korban tewas pada Senin.")
        doc = _doc("a", text)
        figures = [_ledger_figure(0, 90), _ledger_figure(3, shares[0], scope="Ardania"),
                   _ledger_figure(3, shares[1], scope="Borelia")]
        return merge_events([doc], {"a": "S1"}, figures=figures)

    joined = [ev for ev in article((60, 30)) if ev["type"] == "killing"]
    assert [[s["sentence"] for s in ev["sources"]] for ev in joined] == [[0, 3]]
    assert any("parts add up to killed 90" in e["why"] for e in joined[0]["evidence"])
    apart = [ev for ev in article((60, 20)) if ev["type"] == "killing"]
    assert len(apart) == 2  # 60 and 20 are not the 90: another count


def test_events_merge_a_bare_quotation_goes_on_with_the_statement_before_it():
    said = ('Menteri Luar Negeri Ardania, Sera Valen, menulis di media sosial pada Senin: '
            '"Kami mengecam penahanan para pemimpin sipil." ')
    quoted = _doc("a", said + '"Suara warga harus didengar dan para tahanan dibebaskan."', [("Sera Valen", "PER", "E1")])
    assert _sentences(merge_events([quoted], {"a": "S1"})) == [[0, 1]]
    plain = _doc("a", said + "Suara warga harus didengar dan para tahanan dibebaskan.", [("Sera Valen", "PER", "E1")])
    assert _sentences(merge_events([plain], {"a": "S1"})) == [[0], [1]]  # no quotation: nothing ties it to her


# --- session 6: kinds of clusters, attribution after a statement, quoted speakers, repeated counts ----------

def test_events_merge_an_untyped_as_of_clause_leaves_a_briefing_a_saying():
    """A briefing told as "X reported 48 dead. The data were collected on Tuesday at 09:00." stays a saying,
    so another outlet's report of the same 48 joins it."""
    body = "Badan Penanggulangan Bencana Lembang melaporkan 48 orang meninggal dunia akibat longsor."
    a = _doc("a", body + " Data itu dihimpun pada Selasa (11/1/2022) pukul 09.00 WIB.",
             [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")])
    b = _doc("b", "Hingga Selasa pukul 09.00 WIB, data pusat mencatat jumlahnya 48 orang.")
    a.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported"}]
    b.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported"}]
    events = merge_events([a, b], {"a": "S1", "b": "S1"})
    assert sorted(_sources(events[0])) == ["a", "a", "b"] and len(events) == 1


def test_events_narrative_a_sentence_pointing_back_dates_the_statement_before_it():
    text = ("Badan Penanggulangan Bencana Lembang menyampaikan bahwa korban meninggal masih 48 orang. "
            "Keterangan itu dituturkan kepala pusat data kepada wartawan pada Rabu (12/1/2022).")
    doc = _doc("a", text, [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")], published="2022-01-14")
    merge_events([doc], {"a": "S1"})  # dates the events in place
    said = [ev for ev in doc.events if ev["sentence"] == 0]
    assert said and all(ev["date"] == "2022-01-12" for ev in said)
    plain = _doc("a", text.replace("Keterangan itu dituturkan", "Kepala pusat data ditanya wartawan"),
                 [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")], published="2022-01-14")
    merge_events([plain], {"a": "S1"})
    assert all(ev["date"] != "2022-01-12" for ev in plain.events if ev["sentence"] == 0)  # nothing points back


def test_events_merge_a_quotes_resolved_speaker_is_the_statements_speaker():
    """"..., ujar dia": the quotes layer resolved "dia" to a name; that person's entity speaks, not the
    body the saying verb's clause happens to name."""
    text = ('Kepala Pusat Data Rina Wulan mengatakan posko dibuka di Lembang pada Selasa. '
            '"Bantuan dari Badan Penanggulangan Bencana Lembang sudah tiba di posko," ujar dia.')
    names = [("Rina Wulan", "PER", "E5"), ("Badan Penanggulangan Bencana Lembang", "ORG", "E1")]
    doc = _doc("a", text, names)
    doc.quotes = [{"sentence": 1, "speaker": None, "speaker_name": "Rina Wulan"}]
    from kronologi.events import merge as m
    named = m._entities_by_text(doc)
    assert m._quote_speakers(doc, named) == {1: {"e:E5"}}
    doc.quotes = [{"sentence": 1, "speaker": None, "speaker_name": "Seseorang Lain"}]
    assert m._quote_speakers(doc, named) == {1: set()}  # a name no entity holds says nothing


def test_events_merge_every_sentence_repeating_a_count_reports_it():
    text = ("Angka kematian naik dari catatan pagi yang menyebut 31 warga. "
            '"Kini 31 warga kami pastikan wafat," kata wali kota pada Senin.')
    doc = _doc("a", text)
    second = text.index("31", text.index("Kini"))
    doc.figures = [{"sentence": 0, "category": "killed", "value": 31, "status": "reported",
                    "mentions": [[text.index("31"), text.index("31") + 2], [second, second + 2]]}]
    from kronologi.events import merge as m
    reports = m._reports([doc], {"a": "S1"})
    assert {r.sentence: dict(r.figures) for r in reports}[1] == {"killed": frozenset({31})}


def test_events_extract_a_name_spelled_out_before_its_acronym_holds_no_trigger():
    text = "Menurut catatan Lembaga Bantuan untuk Tahanan Nurani (LBTN) pada Selasa, dua orang tewas pada Minggu."
    types = [ev["type"] for ev in _doc("a", text).events]
    assert "arrest" not in types and "killing" in types
    bare = text.replace(" (LBTN)", "")  # no acronym: nothing says the words are a name
    assert "arrest" in [ev["type"] for ev in _doc("a", bare).events]


def test_events_merge_an_officer_and_the_body_they_speak_for_are_one_speaker():
    """The agency reports 48 dead; its head, named with the agency in his title, gives the same count in
    another article: one announcement. A different officer of the same agency is not its head."""
    names = [("Badan Penanggulangan Bencana Lembang", "ORG", "E1"), ("BPBL", "ORG", "E1")]
    a = _doc("a", "Badan Penanggulangan Bencana Lembang (BPBL) melaporkan 48 orang meninggal dunia pada Selasa.", names)
    b_text = 'Kepala BPBL Wiratmaja mengatakan 48 orang meninggal dunia, Selasa (11/1/2022).'
    b = _doc("b", b_text, [("BPBL", "ORG", "E1"), ("Wiratmaja", "PER", "E2")])
    for doc in (a, b):
        doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported",
                        "claimant": "Badan Penanggulangan Bencana Lembang" if doc is a else "Wiratmaja"}]
    (event,) = merge_events([a, b], {"a": "S1", "b": "S1"})
    assert sorted(_sources(event)) == ["a", "b"]
    from kronologi.events import merge as m
    assert m._affiliations(b, m._bodies_by_name([a, b])) == {"e:E2": {"e:E1"}}
    plain = _doc("b", b_text.replace("Kepala BPBL ", "Warga bernama "), [("Wiratmaja", "PER", "E2")])
    assert m._affiliations(plain, m._bodies_by_name([a, plain])) == {}  # no body in the title


def test_events_merge_a_second_pass_joins_clusters_that_grew_after_they_met(monkeypatch):
    """y tells z's words but not x's; z joins x (the count) only after y was placed: a second pass joins y."""
    x = _doc("x", "The agency said 48 people died in the landslide on Tuesday.", lang="en")
    y = _doc("y", "Rescue teams reached the buried hamlet of Cikole with heavy diggers on Tuesday, the agency said.",
             lang="en")
    z = _doc("z", "Rescue teams with heavy diggers reached the buried hamlet of Cikole, where 48 people died on Tuesday.",
             lang="en")
    for doc in (x, z):
        doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported"}]
    stories = {"x": "S", "y": "S", "z": "S"}
    assert [sorted(_sources(e)) for e in merge_events([x, y, z], stories)] == [["x", "y", "z"]]
    from kronologi.events import merge as m
    monkeypatch.setattr(m, "MERGE_PASSES", 1)
    assert len(merge_events([x, y, z], stories)) == 2


def test_events_narrative_a_count_until_monday_in_tuesdays_report_is_tuesdays():
    text = ("Lembaga pemantau mengatakan pada Selasa (11/1/2022), 80 orang tewas dalam kerusuhan "
            "hingga Senin (10/1/2022) malam.")
    doc = _doc("a", text, published="2022-01-12")
    merge_events([doc], {"a": "S1"})
    assert {ev["date"] for ev in doc.events} == {"2022-01-11"}
    plain = _doc("a", text.replace("hingga Senin", "pada Senin"), published="2022-01-12")
    merge_events([plain], {"a": "S1"})
    assert "2022-01-10" in {ev["date"] for ev in plain.events}  # a deed of Monday, reported on Tuesday


def test_events_merge_what_did_not_or_might_happen_is_told_apart_or_left_out():
    text = "Gempa terjadi di darat pada Senin sehingga tidak berpotensi memicu tsunami."
    doc = _doc("a", text)
    assert {ev["modality"] for ev in doc.events} == {"asserted", "hypothetical"}  # one sentence, two events
    (event,) = merge_events([doc], {"a": "S1"})
    assert event["modality"] == "asserted" and event["type"] == "disaster"
    only = _doc("a", "Jika hujan berlanjut, banjir bisa melanda desa itu pada Senin.")
    assert only.events and merge_events([only], {"a": "S1"}) == []  # a hypothetical is no happening


def test_events_merge_one_count_read_under_two_categories_is_evidence_of_one_announcement():
    text = ("Data per Rabu (12/1/2022) pukul 17.00 dilaporkan 148 orang meninggal dunia. "
            "Jembatan di Cikole juga diperbaiki. "
            "Kepala badan itu mengatakan 148 jenazah itu sudah teridentifikasi, Rabu (12/1/2022).")
    doc = _doc("a", text)
    doc.figures = [{"sentence": 0, "category": "killed", "value": 148, "status": "reported"},
                   {"sentence": 2, "category": "identified", "value": 148, "status": "reported"}]
    from kronologi.events import merge as m
    reports = m._reports([doc], {"a": "S1"})
    first, last = (m._Cluster(r) for r in reports if r.sentence in (0, 2))
    score, why = m._evidence(first, last)
    assert "the same count 148" in why
    doc.figures[1]["value"] = 147
    first, last = (m._Cluster(r) for r in m._reports([doc], {"a": "S1"}) if r.sentence in (0, 2))
    assert not any(w.startswith(("the same count 14", "figures")) for w in m._evidence(first, last)[1])


def test_events_merge_a_quote_he_added_belongs_to_his_statement_further_up():
    def article(verb: str):
        text = ("Kepala badan, Rina Wulan, mengatakan 48 orang meninggal dunia pada Selasa. "
                "Jembatan di Cikole putus. Listrik padam di sebagian kota. Sekolah diliburkan. "
                f'"Tiga gedung sekolah rusak berat," {verb} dia.')
        doc = _doc("a", text, [("Rina Wulan", "PER", "E5")])
        doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported", "claimant": "Rina Wulan"}]
        doc.quotes = [{"sentence": 4, "speaker": "E5", "speaker_name": "Rina Wulan"}]
        return [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})
                if ev["type"] in ("statement", "killing")]

    assert [0, 4] in article("tambah")
    assert [0, 4] not in article("kata")  # the same speaker, later, saying something else


def test_events_extract_a_question_reports_no_happening():
    assert _doc("a", "Apa penyebab kerusuhan pada Senin?").events == []
    assert _doc("a", "What led to the coup on Monday?", lang="en").events == []
    quoted = _doc("a", '"Why did they shoot on Monday?" a witness asked reporters.', lang="en")
    assert quoted.events  # a question quoted in a report of who asked it


def test_events_merge_a_report_going_on_with_the_day_its_article_set_joins_that_happening():
    text = ("Aparat menembak mati lima demonstran di Lembang pada Minggu (9/1/2022). "
            "Listrik padam di sebagian besar kota. Jalan utama ditutup. Sekolah diliburkan. "
            "{opening}seorang pelajar juga tewas ditembak aparat di Cikole.")
    def article(opening: str):
        doc = _doc("a", text.format(opening=opening), [("Aparat", "ORG", "E1"), ("aparat", "ORG", "E1")],
                   published="2022-01-10")
        doc.figures = []
        events = merge_events([doc], {"a": "S1"})
        return doc, [sorted(s["sentence"] for s in ev["sources"]) for ev in events if ev["type"] in ("attack", "killing")]

    doc, joined = article("Di sana, ")
    assert any(ev.get("narrated_from") == 0 for ev in doc.events if ev["sentence"] == 4)
    assert [0, 4] in joined
    _, apart = article("Sementara itu, ")  # turning to another happening: not the one the day was set by
    assert [0, 4] not in apart


def test_events_merge_a_sentence_telling_the_toll_changed_is_a_report_of_a_count():
    """"Jumlah korban ... bertambah lagi" (no number) is a count's report, a saying as the briefing after it is."""
    text = ("Jumlah korban gempa Lembang, Senin (10/1/2022), bertambah lagi. "
            "Badan Penanggulangan Bencana Lembang mengatakan 48 orang meninggal dunia, Rabu (12/1/2022).")
    doc = _doc("a", text, [("Badan Penanggulangan Bencana Lembang", "ORG", "E1")], published="2022-01-12")
    doc.figures = [{"sentence": 1, "category": "killed", "value": 48, "status": "reported"}]
    from kronologi.events import merge as m
    m.date_events(doc)
    assert any(ev.get("tells_toll") for ev in doc.events if ev["sentence"] == 0)
    kinds = {r.sentence: r.kind for r in m._reports([doc], {"a": "S1"})}
    assert kinds[0] == "saying"


def test_events_merge_a_country_and_a_province_of_it_are_no_different_places():
    quake = "gempa bermagnitudo 7,1 terjadi di {} pada Senin (10/1/2022) pukul 04.20"
    a = _doc("a", "Sebuah " + quake.format("Turki") + ".", [("Turki", "LOC", "L1")])
    b = _doc("b", "Sebuah " + quake.format("Provinsi Hatay") + ".", [("Provinsi Hatay", "LOC", "L2")])
    other = "gempa bermagnitudo 5,2 terjadi di {} pada Senin (10/1/2022) pukul 11.05"
    c = _doc("c", "Sebuah " + other.format("Provinsi Adana") + ".", [("Provinsi Adana", "LOC", "L3")])
    assert len(merge_events([a, b], {"a": "S1", "b": "S1"})) == 1  # Hatay lies in Turkey
    assert len(merge_events([b, c], {"b": "S1", "c": "S1"})) == 2  # two provinces are two places
    # ... but one magnitude at one clock time is one quake, wherever each outlet places it (felt far away)
    d = _doc("d", "Sebuah " + quake.format("Provinsi Adana") + ".", [("Provinsi Adana", "LOC", "L3")])
    assert len(merge_events([b, d], {"b": "S1", "d": "S1"})) == 1


def test_events_merge_a_place_named_within_anothers_name_is_no_different_place():
    """"Cibeureum" and "Taman Makam Pahlawan Cibeureum" (two entities: one article splits the name) are one
    place; "Taman Makam Pahlawan Sukaraja" is another."""
    burial = "Jenazah Wiratmaja dimakamkan di {} pada Selasa (11/1/2022) siang."
    spec = lambda place, ref: [("Wiratmaja", "PER", "E1"), (place, "LOC", ref)]  # noqa: E731
    a = _doc("a", burial.format("Cibeureum"), spec("Cibeureum", "L1"))
    b = _doc("b", burial.format("Taman Makam Pahlawan Cibeureum"), spec("Taman Makam Pahlawan Cibeureum", "L2"))
    c = _doc("c", burial.format("Taman Makam Pahlawan Sukaraja"), spec("Taman Makam Pahlawan Sukaraja", "L3"))
    (event,) = merge_events([a, b], {"a": "S1", "b": "S1"})
    assert event["type"] == "funeral" and _sources(event) == ["a", "b"]
    assert len(merge_events([b, c], {"b": "S1", "c": "S1"})) == 2


def test_events_merge_an_anonymous_quote_he_added_goes_on_with_the_one_before():
    text = ('"Jalan menuju desa tertutup longsor," kata seorang relawan pada Senin. '
            '"Kami butuh alat berat segera," {} dia.')
    def sentences(verb):
        return _sentences(merge_events([_doc("a", text.format(verb))], {"a": "S1"}))
    assert sentences("tambah") == [[0, 1]]
    assert sentences("kata") == [[0], [1]]  # someone said something else: nothing ties it to the first


def test_events_merge_one_speakers_other_counts_of_that_day_are_one_briefing():
    """The head of the agency gives the dead in one sentence and, three sentences on, the missing: one briefing.
    Another speaker's count of the missing that day is another announcement."""
    def article(second: str):
        text = ("Kepala BPBL Wiratmaja mengatakan 48 orang meninggal dunia, Rabu (12/1/2022). "
                "Jembatan di Cikole putus. Listrik padam di sebagian kota. "
                f'"Dua belas warga masih dicari," kata {second} pada 12 Januari 2022.')
        names = [("Wiratmaja", "PER", "E5"), ("Rina Wulan", "PER", "E6")]
        doc = _doc("a", text, [n for n in names if n[0] in text], published="2022-01-12")
        doc.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported",
                        "claimant": "Wiratmaja"},
                       {"sentence": 3, "category": "missing", "value": 12, "status": "reported"}]
        doc.quotes = [{"sentence": 3, "speaker": "E5" if "Wiratmaja" in second else "E6", "speaker_name": second}]
        return [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})
                if ev["type"] in ("statement", "killing")]

    assert [0, 3] in article("Wiratmaja")
    assert [0, 3] not in article("Rina Wulan")


# --- session 7: a quotation relayed by another outlet ------------------------------------------

def test_events_merge_the_same_words_of_the_same_speaker_relayed_a_day_later_are_one_statement():
    said = '"Kami akui ada kekurangan dalam penanganan banjir ini," kata Rina Wulan'

    def outlet(doc_id: str, when: str, speaker: str = "E5", words: str = said):
        text = f"{words}, {when}."
        doc = _doc(doc_id, text, [("Rina Wulan", "PER", speaker)])
        quoted = text[1:text.index('"', 1)]
        doc.quotes = [{"sentence": 0, "speaker": speaker, "speaker_name": "Rina Wulan", "text": quoted}]
        return doc

    first, relayed = outlet("a", "Rabu (12/1)"), outlet("b", "seperti dilansir kantor berita, Kamis (13/1)")
    assert [_sources(ev) for ev in merge_events([first, relayed], {"a": "S1", "b": "S1"})] == [["a", "b"]]
    other_words = outlet("b", "Kamis (13/1)", words='"Kami terus mendata rumah warga di tepi sungai," kata Rina Wulan')
    assert len(merge_events([first, other_words], {"a": "S1", "b": "S1"})) == 2
    other_speaker = outlet("b", "Kamis (13/1)", speaker="E6")
    assert len(merge_events([first, other_speaker], {"a": "S1", "b": "S1"})) == 2
    weeks_later = outlet("b", "Senin (31/1)")
    assert len(merge_events([first, weeks_later], {"a": "S1", "b": "S1"})) == 2


def test_events_merge_one_articles_guessed_day_gives_way_to_the_day_another_of_its_sentences_states():
    def arrests(*texts):
        docs = []
        for n, text in enumerate(texts):
            doc = events_of(text, "id", "2022-01-12", mentions=[
                {"start": k, "end": k + 7, "text": "Masimov", "type": "PER", "entity": "E1"}
                for k in range(len(text)) if text.startswith("Masimov", k)])
            doc.id = "ab"[n]
            if doc.events[0]["date"] is None:  # the lead's day, guessed from the article's
                doc.events[0].update(date="2022-01-12", precision="day", date_basis="publication")
            docs.append(doc)
        return [ev for ev in merge_events(docs, {d.id: "S1" for d in docs}) if ev["type"] == "arrest"]

    lead, told = "Polisi menahan Masimov di bandara Almaty.", "Polisi menahan Masimov di bandara Almaty pada Senin (10/1) malam."
    (one,) = arrests(f"{lead} Warga memenuhi jalan. Toko-toko tutup. Hujan turun. {told}")
    assert one["date"] == "2022-01-10"
    assert len(arrests(lead, told)) == 2  # across articles a guessed day still tells apart


def test_events_merge_one_disaster_of_a_kind_on_a_day_of_a_story_needs_less_evidence():
    a = _doc("a", "Banjir bandang melanda permukiman di Kabupaten Lorem pada Senin (10/1/2022).", [("Kabupaten Lorem", "LOC", "L1")])
    b = _doc("b", "Air bah datang tiba-tiba, banjir melanda permukiman warga pada Senin (10/1/2022).")
    assert len(merge_events([a, b], {"a": "S1", "b": "S1"})) == 1
    c = _doc("c", "Banjir bandang melanda permukiman di Kabupaten Ipsum pada Senin (10/1/2022).", [("Kabupaten Ipsum", "LOC", "L2")])
    assert len(merge_events([a, c], {"a": "S1", "c": "S1"})) == 2  # another place, no shared magnitude or hour


def test_events_merge_the_damage_counted_on_other_days_tells_no_disaster_apart():
    a = _doc("a", "Gempa bermagnitudo 6,1 mengguncang Kabupaten Lorem pada Senin (10/1/2022) pukul 04.20 dan merusak 300 rumah.",
             published="2022-01-10")
    a.figures = [{"sentence": 0, "category": "damaged", "value": 300, "status": "reported"}]
    b = _doc("b", "Gempa bermagnitudo 6,1 mengguncang Kabupaten Lorem pada Senin (10/1/2022) pukul 04.20.",
             published="2022-01-13")
    c = _doc("c", "Gempa bermagnitudo 6,1 pada Senin (10/1/2022) merusak 2.400 rumah di Kabupaten Lorem.",
             published="2022-01-13")
    c.figures = [{"sentence": 0, "category": "damaged", "value": 2400, "status": "reported"}]
    quakes = [ev for ev in merge_events([a, b, c], {"a": "S1", "b": "S1", "c": "S1"}) if ev["type"] == "disaster"]
    assert len(quakes) == 1 and len(quakes[0]["sources"]) == 3


def test_events_merge_one_sinking_told_by_an_outlet_and_by_a_wire_copy_that_counts_and_cites_is_one_event():
    """A ferry sinking is an accident, a happening a story has one of on a day: a local report and an English wire
    copy that dates it by its own clause, counts the missing and cites who said so on the next day, are one event
    on the day it sank (not on the day the wire's count was said)."""
    a = _doc("a", "Kapal motor Sinar Jaya tenggelam di perairan Pulau Tandir pada Senin (10/1/2022) malam.",
             published="2022-01-11")
    b = _doc("b", "A passenger ferry sank off Tandir island on Monday night, leaving 14 people missing, "
             "the rescue office said on Tuesday.", lang="en", published="2022-01-11")
    b.figures = [{"sentence": 0, "category": "missing", "value": 14, "status": "reported", "as_of": "2022-01-11",
                  "as_of_basis": "text"}]
    sinkings = [ev for ev in merge_events([a, b], {"a": "S1", "b": "S1"}) if ev["type"] == "accident"]
    assert [(ev["date"], _sources(ev)) for ev in sinkings] == [("2022-01-10", ["a", "b"])]


def test_events_merge_a_story_seldom_has_two_coups_on_one_day_but_often_two_arrests():
    a = _doc("a", "Militer menggulingkan pemerintahan sipil pada Senin (10/1/2022) dini hari.")
    b = _doc("b", "Kudeta terjadi pada Senin (10/1/2022) pagi ketika tentara merebut kekuasaan.")
    assert len([ev for ev in merge_events([a, b], {"a": "S1", "b": "S1"}) if ev["type"] == "dismissal"]) == 1
    c = _doc("c", "Polisi menangkap seorang mahasiswa di kampus pada Senin (10/1/2022).")
    d = _doc("d", "Tentara menahan dua wartawan di bandara pada Senin (10/1/2022).")
    assert len([ev for ev in merge_events([c, d], {"c": "S1", "d": "S1"}) if ev["type"] == "arrest"]) == 2


def test_events_merge_an_articles_lead_tells_in_brief_what_its_speaker_is_then_quoted_saying():
    def statements(filler: int):
        text = ("Bupati Rina Wulan mengumumkan kenaikan bantuan bagi warga pada Kamis (13/1/2022). "
                + "Warga menunggu di balai desa. " * filler
                + '"Kami sudah menghitung ulang anggarannya," ujar sang bupati.')
        doc = _doc("a", text, [("Rina Wulan", "PER", "E5")], published="2022-01-13")
        doc.quotes = [{"sentence": filler + 1, "speaker": "E5", "speaker_name": "Rina Wulan"}]
        return [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})
                if ev["type"] in ("statement", "announcement")]

    assert [0, 3] in statements(2)
    assert [0, 7] not in statements(6)  # far down the article, the same speaker may be saying something else


def test_events_merge_a_large_count_told_alike_by_articles_that_only_guess_its_day_is_one_announcement():
    a = _doc("a", "Petugas menyebut sebanyak 12.417 warga meninggal dunia.", published="2022-01-12")
    b = _doc("b", "Officials said 12,417 people had died in Ardania.", lang="en", published="2022-01-14")
    for doc, day in ((a, "2022-01-12"), (b, "2022-01-14")):
        doc.figures = [{"sentence": 0, "category": "killed", "value": 12417, "status": "reported"}]
        for ev in doc.events:
            ev.update(date=day, precision="day", date_basis="narrative")
    (one,) = [ev for ev in merge_events([b, a], {"a": "S1", "b": "S1"}) if ev["type"] in ("killing", "statement")]
    assert one["date"] == "2022-01-12"  # the earliest day it was told
    for doc in (a, b):
        doc.figures[0]["value"] = 40  # a small count told alike tells nothing
        for ev in doc.events:
            ev["date_basis"] = "narrative"
    assert len([ev for ev in merge_events([b, a], {"a": "S1", "b": "S1"}) if ev["type"] in ("killing", "statement")]) == 2


def test_events_merge_a_persons_body_named_in_one_article_holds_in_another():
    """Article a titles Wiratmaja the head of BPBL; article b names him bare. His quote in b is BPBL's too, so it
    goes on with BPBL's count there, and what his quotation tells is his saying."""
    names = [("BPBL", "ORG", "E1"), ("Wiratmaja", "PER", "E2")]
    a = _doc("a", "Kepala BPBL Wiratmaja meninjau posko di Cikole pada Senin (10/1/2022).", names)
    text = ('BPBL melaporkan 48 orang meninggal dunia pada Selasa (11/1/2022). '
            '"Sebagian besar korban tertimbun longsor," kata Wiratmaja.')
    b = _doc("b", text, [("BPBL", "ORG", "E1")])
    k = text.index("Wiratmaja")
    b.mentions.append({"start": k, "end": k + 9, "text": "Wiratmaja", "type": "PER", "entity": "E2"})
    b.figures = [{"sentence": 0, "category": "killed", "value": 48, "status": "reported", "claimant": "BPBL"}]
    b.quotes = [{"sentence": 1, "speaker": "E2", "speaker_name": "Wiratmaja"}]
    from kronologi.events import merge as m
    reports = {r.sentence: r for r in m._reports([a, b], {"a": "S1", "b": "S1"}) if r.doc == "b"}
    assert reports[1].speakers == {"e:E2"} and reports[1].bodies == {"e:E1"}
    assert [0, 1] in [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([a, b], {"a": "S1", "b": "S1"})
                      if {s["doc"] for s in ev["sources"]} == {"b"}]


def test_events_merge_a_number_an_article_repeats_is_no_evidence_within_it():
    from kronologi.events import merge as m
    text = ("Gempa bermagnitudo 6,1 mengguncang Lorem pada Senin (10/1/2022). "
            "Warga mengungsi ke lapangan. Sekolah diliburkan. "
            "Bupati mengakui pemerintah belum siap menghadapi gempa M 6,1 itu, Senin (10/1/2022).")
    doc = _doc("a", text)
    reports = m._reports([doc], {"a": "S1"})
    first, last = m._Cluster(reports[0]), m._Cluster(reports[-1])
    assert not any(w.startswith("numbers") for w in m._evidence(first, last)[1])
    other = _doc("b", "Bupati mengakui pemerintah belum siap menghadapi gempa M 6,1 itu, Senin (10/1/2022).")
    across = m._Cluster(m._reports([doc, other], {"a": "S1", "b": "S1"})[-1])
    assert any(w.startswith("numbers") for w in m._evidence(first, across)[1])


# --- session 8: rounded counts, who told a reported happening ----------------------------------

def test_events_merge_a_rounded_count_holds_the_exact_total_it_rounds():
    """A lead's "above 40,000" and the 41,732 its next sentence gives are one count, one announcement; a total
    well above the bound is another count."""
    def article(total: int):
        text = (f"Ardania's count of the dead went above 40,000 by Friday, 17 February 2023. "
                f"Officials said {total:,} people had died by Friday, 17 February 2023.")
        doc = _doc("a", text, lang="en", published="2023-02-17")
        doc.figures = [{"sentence": 0, "category": "killed", "value": 40000, "qualifier": "more_than", "low": 40001,
                        "high": None, "status": "reported"},
                       {"sentence": 1, "category": "killed", "value": total, "qualifier": "exact", "low": total,
                        "high": total, "status": "reported"}]
        return [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]

    assert [0, 1] in article(41732)
    assert [0, 1] not in article(47310)  # 18% above the bound: not what "above 40,000" rounds


def test_events_merge_a_rounded_count_is_evidence_but_two_bounds_are_not():
    """Across two articles, "more than 9,500" and an agency's exact 9,638 of that day are one count; "more than
    9,500" and "more than 9,800" only agree."""
    def toll(doc_id: str, text: str, value: int, qualifier: str):
        doc = _doc(doc_id, text, lang="en", published="2023-02-08")
        low = value + 1 if qualifier == "more_than" else value
        doc.figures = [{"sentence": 0, "category": "killed", "value": value, "qualifier": qualifier, "low": low,
                        "high": None if qualifier == "more_than" else value, "status": "reported"}]
        return doc

    from kronologi.events import merge as m
    lead = toll("a", "Ardania's count of the dead stood on Wednesday at more than 9,500.", 9500, "more_than")
    exact = toll("b", "The agency said on Wednesday that 9,638 people had died in Ardania.", 9638, "exact")
    bound = toll("b", "The agency said on Wednesday that more than 9,800 people had died in Ardania.", 9800, "more_than")
    story = {"a": "S1", "b": "S1"}
    for other, rounded in ((exact, True), (bound, False)):
        reports = m._reports([lead, other], story)
        first, second = (m._Cluster(next(r for r in reports if r.doc == d)) for d in ("a", "b"))
        assert any(w.startswith("the same count, rounded") for w in m._evidence(first, second)[1]) is rounded
        assert not m._counts_differ(first, second)  # both fit: no count tells them apart


def test_events_merge_who_told_a_reported_happening_tells_it_apart_from_the_next_ones():
    """Two officers each tell of deaths that day, one sentence after the other: two statements, though neither
    sentence has a saying event of its own (the reported happening stands for it). The same officer going on
    is one."""
    def article(second: str, told: bool = True):
        text = ("Kepala BPBL Wiratmaja menyebutkan bahwa 48 orang meninggal dunia pada Selasa (11/1/2022). "
                f"{second} menyebutkan bahwa sepuluh warga tewas tertimpa bangunan pada Selasa (11/1/2022).")
        names = [("Wiratmaja", "PER", "E5"), ("Rina Wulan", "PER", "E6"), ("BPBL", "ORG", "E1")]
        doc = _doc("a", text, [n for n in names if n[0] in text], published="2022-01-11")
        assert [ev["type"] for ev in doc.events] == ["killing", "killing"]
        if not told:
            for ev in doc.events:
                ev.pop("said_by", None)
        return doc, [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]

    doc, groups = article("Sekretaris BPBL Rina Wulan")
    assert [ev.get("said_by") for ev in doc.events] == ["E5", "E6"] and groups == [[0], [1]]
    assert article("Sekretaris BPBL Rina Wulan", told=False)[1] == [[0, 1]]  # without who told them: one
    assert article("Wiratmaja juga")[1] == [[0, 1]]


def test_events_roles_a_saying_is_not_said_by_a_name_its_quotation_mentions():
    text = 'According to a newswire report on Wednesday: "The army has said the Lorem Watch figures are exaggerated."'
    doc = _doc("a", text, [("Lorem Watch", "ORG", "E9")], lang="en", published="2021-08-18")
    (said,) = [ev for ev in doc.events if ev["type"] == "statement"]
    assert "E9" not in said["actors"]
    bare = 'According to Lorem Watch on Wednesday, the army has said the figures are exaggerated.'
    doc = _doc("b", bare, [("Lorem Watch", "ORG", "E9")], lang="en", published="2021-08-18")
    assert any("E9" in ev["actors"] for ev in doc.events)


def test_events_merge_a_source_going_on_to_another_happening_is_another_event():
    """Lorem Watch gives the dead, then tells of students met with tear gas at a protest: two happenings it
    reports, though one source, one day and the next sentence."""
    text = ("Lorem Watch said on Monday, 1 March 2021, that thirty people have died since the coup. "
            "According to Lorem Watch, students were met with tear gas during the protest in Ipsum on Monday.")
    k = text.rindex("Lorem Watch")
    doc = events_of(text, "en", "2021-03-01", mentions=_mentions(text, [("Lorem Watch", "ORG", "E9")]) + [
        {"start": k, "end": k + 11, "text": "Lorem Watch", "type": "ORG", "entity": "E9"}])
    doc.id = "a"
    assert [ev["type"] for ev in doc.events if ev["sentence"] == 1] == ["protest"]
    doc.figures = [{"sentence": 0, "category": "killed", "value": 30, "status": "reported", "claimant": "Lorem Watch",
                    "claimant_entity": "E9"}]
    groups = [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]
    assert [1] in groups and not any(0 in g and 1 in g for g in groups)


def test_events_merge_who_told_a_happening_speaks_within_the_article_only():
    """"Wiratmaja said ten residents died" and his quoted count three sentences on are one statement in one
    article; in another article, who told a happening is no evidence (an officer tells many happenings)."""
    from kronologi.events import merge as m
    told = "Kepala BPBL Wiratmaja menyebutkan bahwa sepuluh warga meninggal dunia tertimpa bangunan."
    quoted = '"Korban meninggal sepuluh orang," kata Wiratmaja pada Selasa (11/1/2022).'
    names = [("Wiratmaja", "PER", "E5")]

    def quote_of(doc, sentence):
        k = doc.text.rindex("Wiratmaja")
        doc.mentions.append({"start": k, "end": k + 9, "text": "Wiratmaja", "type": "PER", "entity": "E5"})
        doc.quotes = [{"sentence": sentence, "speaker": "E5", "speaker_name": "Wiratmaja"}]
        return doc

    text = f"Hujan deras mengguyur Cikole. {told} Jembatan di Cikole putus. Listrik padam di sebagian kota. {quoted}"
    one = quote_of(_doc("a", text, names, published="2022-01-11"), 4)
    assert [ev["said_by"] for ev in one.events if ev["sentence"] == 1] == ["E5"]
    groups = [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([one], {"a": "S1"})]
    assert [1, 4] in groups
    a = _doc("a", told, names, published="2022-01-11")
    b = quote_of(_doc("b", quoted, published="2022-01-11"), 0)
    reports = m._reports([a, b], {"a": "S1", "b": "S1"})
    first, second = (m._Cluster(next(r for r in reports if r.doc == d)) for d in ("a", "b"))
    assert first.voices == {"e:E5"} and second.speakers == {"e:E5"}
    assert not any(w.startswith("speaker") for w in m._evidence(first, second)[1])


def test_events_merge_a_breakdown_of_a_total_further_on_belongs_to_its_announcement():
    """The regent gives 500 dead, and four sentences on the dead by district, which the ledger reads as parts of
    that total: one announcement. "Eight more" is a step towards a total, not a breakdown of it."""
    from kronologi.events import merge as m
    text = ("Bupati Lorem mengumumkan 500 warga meninggal dunia, Jumat (16/12/2022). Pendataan dilakukan dari tingkat RT. "
            "Jembatan di Cikole putus. Listrik padam di sebagian kota. "
            "Menurut rinciannya, warga yang meninggal dunia di Lembah 40 jiwa, Bukit 310 jiwa dan Pantai 3 jiwa.")
    doc = _doc("a", text, published="2022-12-16")
    total = {"id": "a#f1", "sentence": 0, "category": "killed", "value": 500, "status": "reported"}
    parts = [{"id": f"a#f{k}", "sentence": 4, "category": "killed", "value": v, "status": "reported",
              "part_whole": True, "part_of": "a#f1"} for k, v in ((2, 40), (3, 310), (4, 3))]
    doc.figures = [total] + parts
    groups = [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]
    assert [0, 4] in groups
    reports = m._reports([doc], {"a": "S1"})
    first, last = (m._Cluster(next(r for r in reports if r.sentence == k)) for k in (0, 4))
    assert "a breakdown of its count" in m._evidence(first, last)[1]
    for part in parts:
        part["increment"] = True
    reports = m._reports([doc], {"a": "S1"})
    first, last = (m._Cluster(next(r for r in reports if r.sentence == k)) for k in (0, 4))
    assert "a breakdown of its count" not in m._evidence(first, last)[1]


def test_events_merge_the_one_person_before_a_saying_of_several_names_tells_it_apart():
    """The minister gives a toll; the next sentence has the agency head answer for his agency: a new voice, another
    statement, though the saying names two (the person and the body). A person named after the verb (in what is
    said) is not its subject."""
    from kronologi.events import merge as m
    text = ("Menko Budi Santoso menyampaikan korban meninggal dunia gempa mencapai 87 orang, Selasa (11/1/2022). "
            "Menanggapi perbedaan data tersebut, Kepala BPBL Wiratmaja menyatakan data resmi korban gempa adalah yang "
            "dirilis BPBL.")
    names = [("Budi Santoso", "PER", "E6"), ("Wiratmaja", "PER", "E5"), ("BPBL", "ORG", "E1")]
    doc = _doc("a", text, names, published="2022-01-11")
    answer = next(r for r in m._reports([doc], {"a": "S1"}) if r.sentence == 1)
    assert answer.voices == {"e:E5"} and not answer.speakers
    assert [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})] == [[0], [1]]
    inverted = "BPBL menyatakan data resmi korban gempa adalah yang dirilis Wiratmaja."
    doc = _doc("b", inverted, [("BPBL", "ORG", "E1"), ("Wiratmaja", "PER", "E5")], published="2022-01-11")
    assert not next(iter(m._reports([doc], {"b": "S1"}))).voices


def test_events_merge_a_count_a_news_agency_relayed_is_told_apart_from_a_leaders_count():
    """The agency's combined toll and, next, the president's count for one country: two reports, though the
    agency is no actor of the story (agencies only relay it). The agency is known by its outlets-pack name."""
    from kronologi.events import merge as m
    text = ("The joint count of the dead has gone up to more than 4,000, the state news agency Anadolu said on "
            "Tuesday, 14 February 2023. In Ardania alone, the count of the dead has gone up to 3,512, President Lorem "
            "Ipsum said on Tuesday.")
    doc = _doc("a", text, [("Lorem Ipsum", "PER", "E7")], lang="en", published="2023-02-14")
    doc.figures = [{"id": "a#f1", "sentence": 0, "category": "killed", "value": 4000, "qualifier": "more_than",
                    "low": 4001, "high": None, "status": "reported", "claimant": "Anadolu, the state news agency"},
                   {"id": "a#f2", "sentence": 1, "category": "killed", "value": 3512, "status": "reported",
                    "scope": "Ardania", "claimant": "Lorem Ipsum", "claimant_entity": "E7"}]
    groups = [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]
    assert [0, 1] not in groups
    assert m._agency_claimants([{"claimant": "Anadolu Agency"}]) == {"a:anadolu"}
    doc.figures[0]["claimant"] = "officials"  # no one: the article narrates on
    assert [0, 1] in [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]


def test_events_merge_a_trailing_attribution_is_said_by_the_name_after_its_verb():
    """"..., kata Rina Wulan dari BPBL": the name right after the trailing verb says it, not a name the clause
    before mentions; a new voice after the minister's toll is another statement."""
    from kronologi.events import merge as m
    text = ("Menko Budi Santoso menyampaikan korban meninggal dunia gempa mencapai 87 orang, Selasa (11/1/2022). "
            "Korban tewas gempa dilaporkan di kampung Hasan Ali, kata Rina Wulan dari BPBL.")
    names = [("Budi Santoso", "PER", "E6"), ("Hasan Ali", "PER", "E9"), ("Rina Wulan", "PER", "E8"),
             ("BPBL", "ORG", "E1")]
    doc = _doc("a", text, names, published="2022-01-11")
    (said,) = [r for r in m._reports([doc], {"a": "S1"}) if r.sentence == 1 and "statement" in r.families]
    assert said.voices == {"e:E8"}
    assert not any(0 in g and 1 in g for g in
                   [[s["sentence"] for s in ev["sources"]] for ev in merge_events([doc], {"a": "S1"})])


def test_events_merge_a_count_of_how_many_more_is_that_days_happening_not_a_briefings_tally():
    """One group gives "38 more were killed on Sunday" and, further on, its running tally of arrests that day:
    a day's killing and a briefing, not one briefing's other counts (its speaker is the claimant's entity)."""
    from kronologi.events import merge as m
    text = ("Crowds marched in Ipsum again. "
            "At least 38 more marchers were killed on Sunday, 14 March 2021, according to Lorem Watch. "
            "Police fired on crowds in three towns. Shops stayed shut. "
            "Lorem Watch said its tally of arrests and charges reached 2,156 that day.")

    def article(step: bool):
        doc = _doc("a", text, [("Lorem Watch", "ORG", "E9")], lang="en", published="2021-03-15")
        doc.figures = [{"id": f"a#f{k}", "sentence": sentence, "category": category, "value": value,
                        "status": "reported", "increment": more, "claimant": "The Lorem Watch group",
                        "claimant_entity": "E9"}
                       for k, (sentence, category, value, more) in enumerate(
                           ((1, "killed", 38, step), (4, "arrested", 2156, False)), 1)]
        return doc

    reports = {r.sentence: r for r in m._reports([article(True)], {"a": "S1"})}
    assert reports[1].speakers == {"e:E9"} and reports[1].steps and not reports[4].steps
    def together(doc) -> bool:  # the march of sentence 0 and the shooting of sentence 2 may join the killing
        return any({1, 4} <= {s["sentence"] for s in ev["sources"]} for ev in merge_events([doc], {"a": "S1"}))

    assert not together(article(True))
    assert together(article(False))  # two tallies of that day by one group: one briefing


def test_events_merge_a_report_known_to_its_month_needs_more_than_its_speaker_to_join_a_day():
    """Another article, dated only to March, has the same group report detentions: the group speaks often in a
    month, so its name and the kind of count do not make it the report of 14 March."""
    from kronologi.events import merge as m
    day = _doc("a", "Lorem Watch said 2,156 people have been arrested as of Sunday, 14 March 2021.",
               [("Lorem Watch", "ORG", "E9")], lang="en", published="2021-03-15")
    month = _doc("b", "Lorem Watch reported that 913 people have been arrested and are still held.",
                 [("Lorem Watch", "ORG", "E9")], lang="en", published="2021-03")
    day.figures = [{"id": "a#f1", "sentence": 0, "category": "arrested", "value": 2156, "status": "reported"}]
    month.figures = [{"id": "b#f1", "sentence": 0, "category": "detained", "value": 913, "status": "reported"}]
    events = merge_events([day, month], {"a": "S1", "b": "S1"})
    assert not any({s["doc"] for s in ev["sources"]} == {"a", "b"} for ev in events)
    assert m.MONTH_TO_DAY > 0


def test_events_merge_a_count_one_sentence_reads_and_another_gives_bare_is_evidence():
    """"At least 802 have been killed" (a figure) and "the group reported 802 by Monday night" (a number the
    figures layer read as no count): one count. A small number, or the other's own count of that kind, is not."""
    from kronologi.events import merge as m
    a = _doc("a", "Sedikitnya 802 orang tewas di tangan aparat sejak kudeta, Selasa (18/5/2021).", published="2021-05-18")
    b = _doc("b", "Lorem Watch pada Selasa (18/5/2021) melaporkan total 802 warga sampai Senin malam.",
             published="2021-05-18")
    a.figures = [{"id": "a#f1", "sentence": 0, "category": "killed", "value": 802, "status": "reported"}]
    b.figures = []
    reports = m._reports([a, b], {"a": "S1", "b": "S1"})
    first, second = (m._Cluster(next(r for r in reports if r.doc == d)) for d in ("a", "b"))
    assert "the same count, told bare 802" in m._evidence(first, second)[1]
    b.figures = [{"id": "b#f1", "sentence": 0, "category": "killed", "value": 790, "status": "reported"}]
    reports = m._reports([a, b], {"a": "S1", "b": "S1"})
    first, second = (m._Cluster(next(r for r in reports if r.doc == d)) for d in ("a", "b"))
    assert not any(w.startswith("the same count, told bare") for w in m._evidence(first, second)[1])
    assert m._as_written(4120) == "4.120" and m._as_written(802) == "802"


def test_events_merge_a_sentence_telling_the_episodes_kind_again_goes_on_with_it():
    # the third sentence is an attack first ("ditembak"), but it tells a killing too
    text = ("Sebanyak 12 warga tewas dalam bentrokan di Kecamatan Sukaluyu pada Minggu. "
            "Warga lain mengungsi ke balai desa. "
            "Di Kampung Cibodas, seorang petani ditembak hingga tewas di depan rumahnya.")
    doc = _doc("a", text)
    assert sorted(e["type"] for e in doc.events if e["sentence"] == 2) == ["attack", "killing"]
    assert _sentences(merge_events([doc], {"a": "S1"})) == [[0, 2]]


def test_events_merge_an_untyped_happening_told_in_the_same_words_on_the_same_day_is_one():
    a = _doc("a", "Dia dirawat intensif di rumah sakit daerah sejak Senin (10/1/2022).")
    b = _doc("b", "Wiratmaja dirawat intensif di rumah sakit daerah sejak Senin (10/1/2022) pagi.",
             [("Wiratmaja", "PER", "E1")])
    c = _doc("c", "Wiratmaja berpidato di alun-alun kota pada Senin (10/1/2022) pagi.",
             [("Wiratmaja", "PER", "E1")])
    (event,) = [ev for ev in merge_events([a, b], {"a": "S1", "b": "S1"}) if ev["date"] == "2022-01-10"]
    assert event["type"] == "other" and _sources(event) == ["a", "b"]
    assert len([ev for ev in merge_events([a, c], {"a": "S1", "c": "S1"}) if ev["date"] == "2022-01-10"]) == 2


def test_events_merge_one_shared_word_is_no_likeness_of_wording():
    """A short report ("It had reported the figure on Monday.") shares only its day's name with a release on
    that day: no evidence that they tell one happening."""
    from kronologi import langs
    from kronologi.events import merge as m
    stop = langs.words("en", "clean", "function_words") | m._saying_words("en")
    short = m._content("It had reported the figure on Monday.", stop)
    other = m._content("Police released the ferry owner detained on Monday after he posted bail.", stop)
    assert m._overlap(short, other) == 0.0
    assert m._overlap(m._content("Police released the ferry owner on bail.", stop), other) > m.SIMILAR


# --- session 14 ---------------------------------------------------------------------------------------

def test_events_merge_a_claimant_described_then_named_is_the_name_the_article_gives_elsewhere():
    """The count's claimant is "the state news agency KANTARA", unresolved; the next sentence quotes KANTARA by
    name: one speaker, one report. A place ending the claimant ("the disaster agency of Kirana") is no speaker."""
    def article(claimant: str):
        text = (f"Sedikitnya 40 orang tewas di Kirana, kata {claimant}. "
                "Korban tewas dilaporkan di Desa Wates dan Desa Sirna, kata KANTARA, Senin (10/1/2022).")
        at = text.rindex("KANTARA")  # named in the second sentence only
        named = _mentions(text, [("Kirana", "LOC", "E1")]) + [
            {"start": at, "end": at + 7, "text": "KANTARA", "type": "ORG", "entity": "E7"}]
        doc = events_of(text, "id", "2022-01-10", mentions=named)
        doc.id = "a"
        doc.figures = [{"sentence": 0, "category": "killed", "value": 40, "status": "reported", "claimant": claimant}]
        return [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]

    assert [0, 1] in article("kantor berita pemerintah KANTARA")
    assert [0, 1] not in article("badan penanggulangan bencana Kirana")


def test_events_merge_a_protest_and_the_force_it_was_met_with_next_are_one_happening():
    """ACLED's "protest with intervention": the protest, then the arrests made at it, told in the next sentence, are
    one happening. A tally of the dead told before a protest is no force that protest met."""
    def events(text: str):
        doc = _doc("a", text, published="2022-01-10")
        doc.figures = [{"sentence": k, "category": c, "value": v, "status": "reported"}
                       for k, c, v in (((1, "arrested", 40),) if "ditangkap" in text else ((0, "killed", 30),))]
        return [sorted(s["sentence"] for s in ev["sources"]) for ev in merge_events([doc], {"a": "S1"})]

    assert [0, 1] in events("Ribuan warga berunjuk rasa di Kirana pada Senin (10/1/2022) menentang kenaikan harga. "
                            "Sekitar 40 pengunjuk rasa ditangkap polisi pada Senin (10/1/2022).")
    assert [0, 1] not in events("Sebanyak 30 orang tewas sejak Desember, kata kelompok pemantau pada Senin (10/1/2022). "
                                "Ribuan warga berunjuk rasa di Kirana pada Senin (10/1/2022) menentang kenaikan harga.")
