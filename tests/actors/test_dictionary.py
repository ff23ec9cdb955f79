"""User dictionaries: add, override, and clear errors for malformed files."""
import pytest

from accord.actors import get_dictionary, resolve_phrase
from accord.config import Settings
from accord.errors import DictionaryError

HEADER = "names\tkind\tcountry\tsector\tstart\tend\n"


def write(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_user_file_adds_a_person_and_overrides_an_entry(tmp_path):
    f = write(tmp_path, "mine.tsv", HEADER
              + "Zorbu Kletanu|Kletanu\tperson\tMDA\tGOV\t2020-01-01\t\n"
              + "Kremlin\torg\tRUS\tSPY\t\t\n")
    s = Settings(actor_files=(str(f),))
    a = resolve_phrase("Zorbu Kletanu", settings=s)
    assert (a.country, a.sector) == ("MDA", "GOV")
    assert resolve_phrase("the Kremlin", settings=s).sector == "SPY"
    assert resolve_phrase("the Kremlin").sector == "GOV"  # packaged dictionary untouched


def test_user_folder_is_read(tmp_path):
    write(tmp_path, "a.tsv", HEADER + "Blorvian Guard\torg\tMDA\tMIL\t\t\n")
    s = Settings(actor_files=(str(tmp_path),))
    assert resolve_phrase("the Blorvian Guard", settings=s).code == "MDAMIL"


@pytest.mark.parametrize("body,line,words", [
    (HEADER + "Foo\tpersn\tUSA\tGOV\t\t\n", 2, "unknown kind"),
    (HEADER + "# comment\nFoo\tperson\tusa\tGOV\t\t\n", 3, "ISO3"),
    (HEADER + "Foo\tperson\tUSA\tGOV\t2020-13\t\n", 2, "start"),
    (HEADER + "Foo\tperson\tUSA\tGOV\t\t\textra\n", 2, "cells"),
    (HEADER + "Foo\tperson\t\tGOV\t\t\n", 2, "country"),
    ("names\tkinds\n", 1, "unknown column"),
])
def test_malformed_file_reports_file_and_line(tmp_path, body, line, words):
    f = write(tmp_path, "bad.tsv", body)
    with pytest.raises(DictionaryError) as err:
        get_dictionary(Settings(actor_files=(str(f),)))
    assert err.value.line == line
    assert err.value.path.endswith("bad.tsv")
    assert words in str(err.value)
    assert f"bad.tsv:{line}" in str(err.value)


def test_missing_file_is_a_dictionary_error(tmp_path):
    with pytest.raises(DictionaryError, match="not found"):
        get_dictionary(Settings(actor_files=(str(tmp_path / "nope.tsv"),)))


def test_packaged_dictionary_is_cached_and_large():
    d = get_dictionary()
    assert d is get_dictionary(Settings())
    igos = {e.code for es in d.index.values() for e in es if e.kind == "igo"}
    assert len({e.name for es in d.index.values() for e in es if e.kind == "igo"}) >= 150
    assert {"IGOUNO", "IGONAT", "IGOSCO", "IGOBRC"} <= igos


def test_every_sector_used_in_the_data_has_a_description_and_plover_sector():
    from accord.actors import plover_sector, sector_codes

    codes = sector_codes()
    used = {e.sector for es in get_dictionary().index.values() for e in es if e.sector}
    assert used <= set(codes), used - set(codes)
    assert plover_sector("MIL") == "military" and plover_sector("XXX") is None


def test_grammar_lists_are_plain_words():
    import yaml

    from accord.actors.grammar import PATH

    for name, items in yaml.safe_load(PATH.read_text(encoding="utf-8")).items():
        assert all(isinstance(w, str) for w in items), name  # YAML reads a bare on/no/yes as a boolean
