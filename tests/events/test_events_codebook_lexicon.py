"""Codebook and pattern files: content checks and validation of user files."""
from __future__ import annotations

import pytest

from accord.errors import DictionaryError
from accord.events.codebook import get_codebook, load_codebook
from accord.events.lexicon import get_lexicon, inflect


def test_codebook_has_all_cameo_codes():
    book = get_codebook()
    assert len(book) >= 300
    roots = {e.root for e in book.values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize("code,root,quad,gold,plover", [
    ("057", "05", 1, 8.0, "SUPPORT"),
    ("043", "04", 1, 2.8, "CONSULT"),
    ("190", "19", 4, -10.0, "ASSAULT"),
    ("163", "16", 4, -8.0, "COERCE"),
    ("0233", "02", 1, 3.4, "REQUEST"),
    ("036", "03", 1, 4.0, "AGREE"),
])
def test_codebook_entries(code, root, quad, gold, plover):
    e = get_codebook()[code]
    assert (e.root, e.quad_class, e.goldstein, e.plover_event) == (root, quad, gold, plover)


def test_codebook_lookup_falls_back_to_parent():
    assert get_codebook().lookup("0439").code == "043"
    with pytest.raises(KeyError):
        get_codebook().lookup("999")


def test_codebook_statements_have_no_plover_type():
    assert get_codebook()["010"].plover_event is None
    assert get_codebook()["010"].pentaclass == 0 and get_codebook()["120"].pentaclass == 3


def test_bad_codebook_row_is_reported(tmp_path):
    p = tmp_path / "cameo.tsv"
    p.write_text("# header\n057\tSign\t06\t2\t1\t8.0\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as exc:
        load_codebook(p)
    assert ":2:" in str(exc.value)


def test_lexicon_reads_on_off_particles_as_words():
    rules = get_lexicon().verbs["cut"]
    assert any("off" in r.particle for r in rules)
    assert any("on" in r.particle for r in get_lexicon().verbs["call"])


def test_inflections():
    assert {"attacked", "attacking", "attacks"} <= inflect("attack")
    assert {"banned", "banning"} <= inflect("ban")
    assert {"seized", "seizing"} <= inflect("seize")
    assert get_lexicon().lemma_of("staged") == "stage"


def test_user_pattern_file_extends_lexicon(tmp_path, nlp):
    p = tmp_path / "extra.yaml"
    p.write_text('verbs:\n  snub: "120"\nnouns:\n  flotilla: {code: "154"}\n', encoding="utf-8")
    lex = get_lexicon((str(p),))
    assert lex.verbs["snub"][0].code == "120" and lex.nouns["flotilla"].code == "154"
    assert "snub" not in get_lexicon().verbs  # the packaged lexicon is untouched


def test_user_pattern_file_used_by_pipeline(tmp_path):
    from accord.config import Settings
    from accord.events.api import code_text
    from accord.nlp import build_nlp

    p = tmp_path / "extra.yaml"
    p.write_text('verbs:\n  snub: "120"\n', encoding="utf-8")
    nlp = build_nlp(Settings(pattern_files=(str(p),)))
    evs = code_text("Brazil snubbed Argentina at the summit.", nlp=nlp)
    assert any(e.cameo == "120" and e.source.key == "BRA" for e in evs)


@pytest.mark.parametrize("content,msg", [
    ('verbs:\n  snub: "999"\n', "unknown CAMEO code"),
    ('verbs:\n  snub: {code: "120", colour: red}\n', "unknown key"),
    ('verbs:\n  snub: {code: "120", frame: wish}\n', "unknown frame"),
    ('verbs: [1, 2\n', "cannot read"),
])
def test_bad_pattern_files_are_reported(tmp_path, content, msg):
    p = tmp_path / "bad.yaml"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError) as exc:
        get_lexicon((str(p),))
    assert msg in str(exc.value) and "bad.yaml" in str(exc.value)
