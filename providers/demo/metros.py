"""Where demo providers practise: US metro areas (weighted roughly by population) and each state's neighbours.

Weights are rough metro populations in hundreds of thousands; they only shape the spread, so most listings land
around big cities and every state, DC and Puerto Rico has some. `languages` are the non-English languages a
provider in that area is more likely to speak, in the order of how often.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metro:
    city: str  # as the ZIP index spells it (providers.geo.lookup_city)
    state: str
    weight: float
    radius: float  # miles: how far from the centre offices spread
    area_code: str
    languages: tuple[str, ...] = ()


def _m(city, state, weight, radius, area_code, *languages):
    return Metro(city, state, weight, radius, area_code, tuple(languages))


METROS = [
    _m("New York", "NY", 190, 22, "212", "es", "zh", "ru", "ht", "ko", "he", "pl"),
    _m("Los Angeles", "CA", 130, 28, "213", "es", "ko", "zh", "tl", "vi"),
    _m("Chicago", "IL", 94, 25, "312", "es", "pl", "ar"),
    _m("Dallas", "TX", 78, 28, "214", "es", "vi", "hi"),
    _m("Houston", "TX", 73, 28, "713", "es", "vi", "ar"),
    _m("Atlanta", "GA", 62, 25, "404", "es", "ko", "fr"),
    _m("Washington", "DC", 63, 20, "202", "es", "fr", "ko"),
    _m("Philadelphia", "PA", 62, 20, "215", "es", "ru", "vi"),
    _m("Miami", "FL", 61, 25, "305", "es", "ht", "pt"),
    _m("Phoenix", "AZ", 50, 25, "602", "es"),
    _m("Boston", "MA", 49, 20, "617", "pt", "ht", "es", "zh"),
    _m("San Francisco", "CA", 47, 20, "415", "zh", "es", "tl", "vi"),
    _m("Riverside", "CA", 46, 25, "951", "es"),
    _m("Detroit", "MI", 43, 22, "313", "ar", "es"),
    _m("Seattle", "WA", 40, 22, "206", "vi", "ko", "zh", "es"),
    _m("Minneapolis", "MN", 37, 20, "612", "es", "vi"),
    _m("San Diego", "CA", 33, 20, "619", "es", "tl"),
    _m("Tampa", "FL", 32, 20, "813", "es"),
    _m("Denver", "CO", 30, 20, "303", "es"),
    _m("Baltimore", "MD", 28, 15, "410", "es"),
    _m("Saint Louis", "MO", 28, 20, "314", "es"),
    _m("Orlando", "FL", 27, 20, "407", "es", "pt", "ht"),
    _m("Charlotte", "NC", 27, 20, "704", "es"),
    _m("San Antonio", "TX", 26, 20, "210", "es"),
    _m("Portland", "OR", 25, 20, "503", "es", "vi", "ru"),
    _m("Sacramento", "CA", 24, 20, "916", "es", "ru"),
    _m("Pittsburgh", "PA", 24, 20, "412"),
    _m("Austin", "TX", 24, 20, "512", "es"),
    _m("Las Vegas", "NV", 23, 15, "702", "es", "tl"),
    _m("Cincinnati", "OH", 22, 15, "513"),
    _m("Kansas City", "MO", 22, 20, "816", "es"),
    _m("Columbus", "OH", 21, 15, "614"),
    _m("Indianapolis", "IN", 21, 15, "317", "es"),
    _m("Cleveland", "OH", 21, 15, "216", "es"),
    _m("San Jose", "CA", 20, 15, "408", "vi", "zh", "es", "hi"),
    _m("San Juan", "PR", 20, 15, "787", "es"),
    _m("Nashville", "TN", 20, 20, "615", "es", "ar"),
    _m("Virginia Beach", "VA", 18, 15, "757"),
    _m("Providence", "RI", 16, 15, "401", "pt", "es"),
    _m("Jacksonville", "FL", 16, 15, "904"),
    _m("Newark", "NJ", 15, 12, "973", "es", "pt"),
    _m("New Brunswick", "NJ", 8, 12, "732", "hi", "es"),
    _m("Milwaukee", "WI", 16, 15, "414", "es"),
    _m("Raleigh", "NC", 15, 15, "919", "es", "hi"),
    _m("Oklahoma City", "OK", 14, 15, "405", "es", "vi"),
    _m("Memphis", "TN", 13, 15, "901"),
    _m("Richmond", "VA", 13, 15, "804"),
    _m("Louisville", "KY", 13, 15, "502"),
    _m("New Orleans", "LA", 13, 15, "504", "vi", "es"),
    _m("Salt Lake City", "UT", 13, 20, "801", "es"),
    _m("Hartford", "CT", 12, 15, "860", "es", "pl"),
    _m("Buffalo", "NY", 11, 15, "716"),
    _m("Birmingham", "AL", 11, 15, "205"),
    _m("Rochester", "NY", 11, 15, "585"),
    _m("Grand Rapids", "MI", 11, 15, "616", "es"),
    _m("Tucson", "AZ", 10, 15, "520", "es"),
    _m("Honolulu", "HI", 10, 15, "808", "tl", "ko"),
    _m("Tulsa", "OK", 10, 15, "918"),
    _m("Fresno", "CA", 10, 15, "559", "es"),
    _m("Worcester", "MA", 10, 12, "508", "pt", "es"),
    _m("Omaha", "NE", 10, 15, "402", "es"),
    _m("Bridgeport", "CT", 9, 12, "203", "es", "pt"),
    _m("Albuquerque", "NM", 9, 15, "505", "es"),
    _m("Greenville", "SC", 9, 15, "864"),
    _m("Knoxville", "TN", 9, 15, "865"),
    _m("Albany", "NY", 9, 15, "518"),
    _m("Baton Rouge", "LA", 9, 15, "225"),
    _m("El Paso", "TX", 9, 15, "915", "es"),
    _m("Allentown", "PA", 9, 12, "610", "es"),
    _m("Colorado Springs", "CO", 8, 15, "719"),
    _m("Charleston", "SC", 8, 15, "843"),
    _m("Columbia", "SC", 8, 15, "803"),
    _m("Boise", "ID", 8, 15, "208", "es"),
    _m("Wilmington", "DE", 7, 12, "302", "es"),
    _m("Little Rock", "AR", 7, 15, "501"),
    _m("Des Moines", "IA", 7, 15, "515"),
    _m("Madison", "WI", 7, 15, "608"),
    _m("Jackson", "MS", 6, 15, "601"),
    _m("Wichita", "KS", 6, 15, "316", "vi"),
    _m("Spokane", "WA", 6, 15, "509", "ru"),
    _m("Portland", "ME", 6, 15, "207", "fr"),
    _m("Reno", "NV", 5, 15, "775", "es"),
    _m("Lexington", "KY", 5, 15, "859"),
    _m("Huntsville", "AL", 5, 15, "256"),
    _m("Fayetteville", "AR", 5, 15, "479", "es"),
    _m("Manchester", "NH", 4, 15, "603", "fr"),
    _m("Anchorage", "AK", 4, 15, "907", "tl", "ko"),
    _m("Savannah", "GA", 4, 12, "912"),
    _m("Gulfport", "MS", 4, 12, "228", "vi"),
    _m("Eugene", "OR", 4, 12, "541"),
    _m("Lincoln", "NE", 3, 12, "402"),
    _m("Sioux Falls", "SD", 3, 12, "605"),
    _m("Cedar Rapids", "IA", 3, 12, "319"),
    _m("Mayaguez", "PR", 3, 12, "787", "es"),
    _m("Fargo", "ND", 2.5, 12, "701"),
    _m("Charleston", "WV", 2, 15, "304"),
    _m("Burlington", "VT", 2, 15, "802", "fr"),
    _m("Billings", "MT", 2, 15, "406"),
    _m("Topeka", "KS", 2, 12, "785"),
    _m("Hilo", "HI", 2, 15, "808"),
    _m("Santa Fe", "NM", 1.5, 12, "505", "es"),
    _m("Rapid City", "SD", 1.5, 15, "605"),
    _m("Bismarck", "ND", 1.3, 12, "701"),
    _m("Missoula", "MT", 1.2, 15, "406"),
    _m("Fairbanks", "AK", 1, 15, "907"),
    _m("Cheyenne", "WY", 1, 12, "307"),
    _m("Casper", "WY", 0.8, 12, "307"),
]

# Bordering states (and DC): the "sometimes neighbours" a provider also holds a license in for telehealth.
NEIGHBOURS = {
    "AK": [], "AL": ["FL", "GA", "MS", "TN"], "AR": ["LA", "MO", "MS", "OK", "TN", "TX"],
    "AZ": ["CA", "CO", "NM", "NV", "UT"], "CA": ["AZ", "NV", "OR"],
    "CO": ["AZ", "KS", "NE", "NM", "OK", "UT", "WY"], "CT": ["MA", "NY", "RI"], "DC": ["MD", "VA"],
    "DE": ["MD", "NJ", "PA"], "FL": ["AL", "GA"], "GA": ["AL", "FL", "NC", "SC", "TN"], "HI": [],
    "IA": ["IL", "MN", "MO", "NE", "SD", "WI"], "ID": ["MT", "NV", "OR", "UT", "WA", "WY"],
    "IL": ["IA", "IN", "KY", "MO", "WI"], "IN": ["IL", "KY", "MI", "OH"], "KS": ["CO", "MO", "NE", "OK"],
    "KY": ["IL", "IN", "MO", "OH", "TN", "VA", "WV"], "LA": ["AR", "MS", "TX"], "MA": ["CT", "NH", "NY", "RI", "VT"],
    "MD": ["DC", "DE", "PA", "VA", "WV"], "ME": ["NH"], "MI": ["IN", "OH", "WI"], "MN": ["IA", "ND", "SD", "WI"],
    "MO": ["AR", "IA", "IL", "KS", "KY", "NE", "OK", "TN"], "MS": ["AL", "AR", "LA", "TN"],
    "MT": ["ID", "ND", "SD", "WY"], "NC": ["GA", "SC", "TN", "VA"], "ND": ["MN", "MT", "SD"],
    "NE": ["CO", "IA", "KS", "MO", "SD", "WY"], "NH": ["MA", "ME", "VT"], "NJ": ["DE", "NY", "PA"],
    "NM": ["AZ", "CO", "OK", "TX", "UT"], "NV": ["AZ", "CA", "ID", "OR", "UT"], "NY": ["CT", "MA", "NJ", "PA", "VT"],
    "OH": ["IN", "KY", "MI", "PA", "WV"], "OK": ["AR", "CO", "KS", "MO", "NM", "TX"], "OR": ["CA", "ID", "NV", "WA"],
    "PA": ["DE", "MD", "NJ", "NY", "OH", "WV"], "PR": [], "RI": ["CT", "MA"], "SC": ["GA", "NC"],
    "SD": ["IA", "MN", "MT", "ND", "NE", "WY"], "TN": ["AL", "AR", "GA", "KY", "MO", "MS", "NC", "VA"],
    "TX": ["AR", "LA", "NM", "OK"], "UT": ["AZ", "CO", "ID", "NM", "NV", "WY"],
    "VA": ["DC", "KY", "MD", "NC", "TN", "WV"], "VT": ["MA", "NH", "NY"], "WA": ["ID", "OR"],
    "WI": ["IA", "IL", "MI", "MN"], "WV": ["KY", "MD", "OH", "PA", "VA"],
    "WY": ["CO", "ID", "MT", "NE", "SD", "UT"],
}  # fmt: skip

# Kaiser Permanente runs its own plans only in these states (and DC); elsewhere a listing never names it.
KAISER_STATES = {"CA", "CO", "DC", "GA", "HI", "MD", "OR", "VA", "WA"}
