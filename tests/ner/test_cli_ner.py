"""``kronologi ner --conll``: every input line comes back as it was, with one tag appended (CONTRACT.md)."""

from __future__ import annotations

from click.testing import CliRunner

from kronologi.cli import main
from kronologi.ner.conll import tag_conll

TAGS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

# Written for this test: two sentences with extra columns (POS, a gold tag), a document marker.
CONLL = (
    "-DOCSTART-\tO\n"
    "\n"
    "Wali\tNOUN\tO\n"
    "Kota\tNOUN\tO\n"
    "Bogor\tPROPN\tB-LOC\n"
    "Bima\tPROPN\tB-PER\n"
    "Arya\tPROPN\tI-PER\n"
    "meninjau\tVERB\tO\n"
    "Kebun\tPROPN\tB-LOC\n"
    "Raya\tPROPN\tI-LOC\n"
    ".\tPUNCT\tO\n"
    "\n"
    "Polisi\tNOUN\tO\n"
    "menutup\tVERB\tO\n"
    "jalan\tNOUN\tO\n"
    "menuju\tADP\tO\n"
    "Puncak\tPROPN\tB-LOC\n"
    ".\tPUNCT\tO\n"
)


def _check_round_trip(source: str, output: str) -> list[str]:
    """Every line of ``source`` is the start of the same line of ``output``; returns the tags."""
    src_lines, out_lines = source.split("\n"), output.split("\n")
    assert len(out_lines) == len(src_lines)
    tags = []
    for src, out in zip(src_lines, out_lines):
        body, ending = (src[:-1], "\r") if src.endswith("\r") else (src, "")
        if not body.strip():
            assert out == src  # blank lines stay blank
            continue
        assert out.endswith(ending)
        head, _, tag = out[: len(out) - len(ending)].rpartition("\t")
        assert head == body and tag in TAGS, (src, out)
        tags.append(tag)
    return tags


def test_cli_ner_conll_appends_one_tag_to_every_line(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(main, ["ner", "--lang", "id", "--conll", str(path)])
    assert result.exit_code == 0, result.output
    tags = _check_round_trip(CONLL, result.output)
    assert tags[0] == "O"  # the document marker
    assert tags[4:6] == ["B-PER", "I-PER"]  # Bima Arya


def test_cli_ner_reads_stdin_keeps_crlf_and_detects_the_language():
    text = "Gubernur\r\nJawa\r\nBarat\r\nmeninjau\r\nbanjir\r\ndi\r\nBekasi\r\n.\r\n\r\nWarga\r\nmengungsi\r\n"
    result = CliRunner().invoke(main, ["ner", "--conll", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    tags = _check_round_trip(text, result.stdout_bytes.decode("utf-8"))  # .output folds CRLF
    assert tags[6] == "B-LOC"  # Bekasi


def test_cli_ner_tokens_only_and_odd_whitespace(tmp_path):
    text = "Sri Mulyani\n\n\n  \nJakarta   X\n"  # a token with an inner space is not possible: first column is "Sri"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["ner", "--conll", str(path), "--lang", "id"])
    assert result.exit_code == 0
    _check_round_trip(text, result.output)


def test_cli_ner_detected_language_without_a_model_falls_back_to_indonesian():
    text = "Presiden\tx\nPrabowo\nSubianto\ntiba\tdi\nCanberra\n.\n"  # too short to be sure of its language
    result = CliRunner(mix_stderr=False).invoke(main, ["ner", "--conll", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    tags = _check_round_trip(text, result.stdout)
    assert tags[1:3] == ["B-PER", "I-PER"]
    assert "no NER model" not in result.stdout


def test_cli_ner_empty_input_gives_empty_output(tmp_path):
    path = tmp_path / "empty.conll"
    path.write_bytes(b"")
    result = CliRunner().invoke(main, ["ner", "--lang", "id", "--conll", str(path)])
    assert result.exit_code == 0 and result.output == ""


def test_cli_ner_english_is_tagged_by_the_rules(tmp_path):
    path = tmp_path / "en.conll"
    tokens = "President Joko Widodo met officials of the Ministry of Health in Jakarta .".split()
    path.write_text("\n".join(tokens) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ner", "--lang", "en", "--conll", str(path)])
    assert result.exit_code == 0
    tags = [line.split("\t")[-1] for line in result.output.splitlines() if line]
    assert tags == ["O", "B-PER", "I-PER", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O"]


def test_cli_ner_wrong_call_exits_2():
    assert CliRunner().invoke(main, ["ner"]).exit_code == 2  # --conll is required
    assert CliRunner().invoke(main, ["ner", "--conll", "-", "--lang", "fr"]).exit_code == 2


def test_conll_tagger_sees_sentences_between_blank_lines_and_markers():
    seen = []

    def tagger(sents):
        seen.extend(sents)
        return [["O"] * len(s) for s in sents]

    out = tag_conll("a x\nb\n\n-DOCSTART- -X- O\nc\n\n\nd", tagger)
    assert seen == [["a", "b"], ["c"], ["d"]]
    assert out == "a x\tO\nb\tO\n\n-DOCSTART- -X- O\tO\nc\tO\n\n\nd\tO"
