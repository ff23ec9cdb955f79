"""``accord actors resolve``: JSONL in, one JSONL row out per input row."""
import json

from click.testing import CliRunner

from accord.cli import main_group


def run(args, stdin=""):
    return CliRunner().invoke(main_group, ["actors", "resolve", *args], input=stdin)


def test_resolve_rows_and_malformed_rows():
    rows = "\n".join([
        json.dumps({"id": "a", "text": "Tehran"}),
        json.dumps({"id": "b", "text": "Defense Minister", "context": "German"}),
        "{not json",
        json.dumps({"id": "d"}),
        json.dumps({"id": "e", "text": "World Health Organization"}),
        json.dumps({"id": "f", "text": "zzqx"}),
    ])
    res = run(["-"], rows)
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.output.splitlines()]
    assert len(out) == 6
    # a bare capital as a whole phrase is the country (NGEC convention); in a sentence it is GOV
    assert out[0] == {"id": "a", "country": "IRN", "sector": None, "code": "IRN", "name": "Iran"}
    assert (out[1]["country"], out[1]["sector"]) == ("DEU", "GOV")
    assert "error" in out[2] and "error" in out[3] and out[3]["id"] == "d"
    assert out[4]["code"] == "IGOUNOWHO" and out[4]["country"] == "UNO"
    assert out[5]["country"] is None


def test_bad_user_dictionary_is_a_clean_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("names\tkind\nFoo\tnope\n", encoding="utf-8")
    res = run(["-", "--actors", str(bad)], json.dumps({"id": 1, "text": "Iran"}))
    assert res.exit_code != 0
    assert "bad.tsv:2" in res.output


def test_file_argument_and_undecodable_bytes(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": 1, "text": "NATO"}\n\xff\xfe garbage\n{"id": 3, "text": "Kiev"}\n')
    res = run([str(f)])
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.output.splitlines()]
    assert [o.get("code") for o in out] == ["IGONAT", None, "UKR"]
    assert "error" in out[1]


def test_missing_input_file_is_a_clean_error(tmp_path):
    res = run([str(tmp_path / "nope.jsonl")])
    assert res.exit_code != 0 and "cannot read" in res.output
