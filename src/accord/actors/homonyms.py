"""Place names shared by cities of several states ("Tripoli" LBY/LBN, "Hyderabad" IND/PAK,
"Valencia" VEN/ESP, "Kingston" JAM/CAN).

The dictionary gives such a name its most prominent reading (a capital, else the most populous
city). When another state that has a large city of that name is named in the same sentence (or,
failing that, was the most recent state in the article), the name is read as that state's city.
Only cities with at least ``MIN_POPULATION`` people count, and only when their population is at
least ``MIN_SHARE`` of the largest namesake (so "London" stays British next to "Canadian").
Country names are never switched ("Georgia" stays the state of Georgia).
"""
from __future__ import annotations

import functools
import logging

from ..datafiles import geonames_cities, load_yaml
from .tokens import key_of

log = logging.getLogger(__name__)

MIN_POPULATION = 100_000
MIN_SHARE = 0.1
PLACE_KINDS = ("capital", "city")


@functools.lru_cache(maxsize=1)
def table() -> dict[tuple[str, ...], dict[str, int]]:
    """key -> {ISO3: population} for names that large cities of two or more states share."""
    try:
        import pycountry

        cities = geonames_cities(15000)
    except ImportError:  # pragma: no cover
        return {}
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[tuple[str, ...], dict[str, int]] = {}
    for city in cities.values():
        pop, cc = int(city.get("population") or 0), iso3.get(city["countrycode"])
        k = key_of(city["name"]) if cc and pop >= MIN_POPULATION else None
        if k:
            by = found.setdefault(k, {})
            by[cc] = max(pop, by.get(cc, 0))
    return {k: v for k, v in found.items() if len(v) > 1}


def alternatives(key: tuple[str, ...], current: str | None) -> list[str]:
    """Other states with a large city called ``key`` (largest first)."""
    by = table().get(key)
    if not by:
        return []
    top = max(by.values())
    return [c for c, p in sorted(by.items(), key=lambda x: -x[1]) if c != current and p >= MIN_SHARE * top]


def prefer(key: tuple[str, ...], current: str | None, wanted: list[str]) -> str | None:
    """The first state of ``wanted`` (most relevant first) that has a large city called ``key``;
    None when the current reading's state comes first ("Libya's envoy met Lebanese officials in Tripoli")."""
    alts = alternatives(key, current)
    for c in wanted if alts else ():
        if c == current:
            return None
        if c in alts:
            return c
    return None


def place_keys(toks, matches) -> list[tuple[tuple[str, ...], str | None]]:
    """(key, country) of each capital/city match of a phrase (matches carry entries)."""
    from .resolver import pick

    out = []
    for m in matches:
        e = pick(m)
        if e.kind in PLACE_KINDS:
            out.append((tuple(t.key for t in toks[m.start:m.end] if t.key), e.country))
    return out


def shared_name(toks, matches) -> bool:
    """Does the phrase contain a city or capital name that cities of several states share?"""
    t = table()
    for m in matches:
        if any(e.kind in PLACE_KINDS for e in m.entries) \
                and tuple(x.key for x in toks[m.start:m.end] if x.key) in t:
            return True
    return False


def reread(p, toks, matches, names: dict, wanted: list[str]) -> None:
    """Switch a resolved Partial whose country came from a shared city name to the state of
    ``wanted`` that has such a city; a capital alone ("Tripoli" -> LBY GOV) becomes a place."""
    if not wanted or not p.country or p.kind in ("person", "org", "igo"):
        return
    from .resolver import pick

    if any(pick(m).kind in ("country", "demonym") and pick(m).country == p.country for m in matches):
        return  # "Libyan militias in Tripoli": the country is stated
    for key, cc in place_keys(toks, matches):
        alt = prefer(key, cc, wanted) if cc == p.country else None
        if alt:
            if p.kind in ("state", None):
                p.kind, p.sector = "place", None  # another state's city is not its seat of power
            p.country, p.code = alt, None
            if p.kind == "place":
                p.name = names.get(alt)
            return


def countries_in(mentions, skip=None) -> list[str]:
    """States named by place words in a sentence's mentions (other than ``skip``), in order."""
    from .resolver import pick

    out = []
    for mt in mentions:
        if mt is skip:
            continue
        for m in mt.matches:
            e = m.entries[0] if len(m.entries) == 1 else pick(m)
            if e.kind in ("country", "demonym", "capital", "city") and e.country and e.country not in out:
                out.append(e.country)
    return out


@functools.lru_cache(maxsize=1)
def successions() -> dict[str, tuple[str, str]]:
    """ISO3 -> (predecessor ISO3, independence date YYYY-MM-DD) from data/successions.yaml."""
    from pathlib import Path

    import yaml

    path = Path(__file__).resolve().parent / "data" / "successions.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        log.warning("successions unavailable (%s): %s", path, exc)
        return {}
    return {str(k): (str(v["from"]), str(v["since"])) for k, v in data.items()}


def before_independence(p, toks, matches, names: dict, date: str | None) -> None:
    """"Juba" dated 1995: a city, capital or national body of a state not yet independent belongs to
    its predecessor."""
    old = successions().get(p.country or "") if date else None
    if not old or date >= old[1] or p.kind in ("person", "igo"):
        return
    if p.kind == "org":  # "the SPLA" in 1995: a body of the state it then belonged to
        p.country, p.code = old[0], (old[0] + p.sector if p.code and p.sector else None)
        return
    if not any(cc == p.country for _, cc in place_keys(toks, matches)):
        return
    from .resolver import pick

    if any(pick(m).kind in ("country", "demonym") and pick(m).country == p.country for m in matches):
        return  # "Eritrean rebels in Asmara": the text names the new state's people
    if p.kind in ("state", None):
        p.kind, p.sector = "place", None  # not yet a seat of national power
    p.country, p.code = old[0], None
    if p.kind == "place":
        p.name = names.get(old[0])
