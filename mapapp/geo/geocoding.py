"""Online geocoding of a place name through a Nominatim server (geopy), for names the
offline gazetteer does not know. Off unless the user turns it on; every request names
mapapp in its User-Agent and requests to a server are at least a second apart, as the
Nominatim usage policy asks. Nothing is fetched in bulk: one name per user action."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from mapapp import __version__
from mapapp.errors import MapappError
from mapapp.geo.gazetteer import Place
from mapapp.i18n import translate

DEFAULT_URL = "https://nominatim.openstreetmap.org"
USER_AGENT = f"mapapp/{__version__} (desktop situation maps; one search per user action)"
MIN_DELAY_S = 1.0
TIMEOUT_S = 10.0
ATTRIBUTION = "Data © OpenStreetMap contributors, ODbL 1.0"


class GeocodingError(MapappError):
    """The server could not be reached or answered with an error."""


@dataclass(frozen=True)
class Server:
    url: str  # scheme://host[:port][/path]

    @property
    def scheme(self) -> str:
        return urlsplit(self.url).scheme or "https"

    @property
    def domain(self) -> str:
        parts = urlsplit(self.url)
        return (parts.netloc + parts.path).rstrip("/")


def check_url(url: str) -> Server:
    """A server URL the user typed, or GeocodingError saying what is wrong with it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        text = translate("places", "not a server address: {url!r} (expected https://host)")
        raise GeocodingError(text.format(url=url))
    return Server(url.strip())


_limiters: dict[str, object] = {}
_lock = threading.Lock()


def _geocode(server: Server):
    """One rate-limited geocode function per server, shared by every search."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    with _lock:
        key = f"{server.scheme}://{urlsplit(server.url).netloc}"  # one limit per server
        if key not in _limiters:
            nominatim = Nominatim(
                domain=server.domain,
                scheme=server.scheme,
                user_agent=USER_AGENT,
                timeout=TIMEOUT_S,
            )
            _limiters[key] = RateLimiter(
                nominatim.geocode,
                min_delay_seconds=MIN_DELAY_S,
                max_retries=0,
                swallow_exceptions=False,
            )
        return _limiters[key]


def search(server: Server, name: str, countries: list[str] = (), limit: int = 10) -> list[Place]:
    """The server's places for ``name`` (best first), as gazetteer places; the article's
    countries (ISO codes), when known, narrow the search."""
    from geopy.exc import GeopyError

    geocode = _geocode(server)
    try:
        with _lock:  # one request at a time, so the delay holds across threads
            found = geocode(
                name,
                exactly_one=False,
                limit=limit,
                addressdetails=True,
                country_codes=[c.lower() for c in countries] or None,
            )
    except GeopyError as exc:
        raise GeocodingError(f"{server.url}: {exc}") from None
    source = translate("places", "Nominatim at {server}").format(server=server.domain)
    out = []
    for loc in found or ():
        raw = loc.raw or {}
        address = raw.get("address") or {}
        label = raw.get("name") or loc.address.split(",")[0]
        out.append(
            Place(
                str(label)[:300],
                float(loc.latitude),
                float(loc.longitude),
                str(address.get("country_code", "")).upper()[:2],
                0,
                source,
            )
        )
    return out
