"""How often one client may do something: the site's rate limits, in one place.

``settings.RATE_LIMITS`` names each limited action and its rates, written like
django-allauth's: ``"search": "240/m/address"``, ``"comment": "20/10m/address,12/h/account"``
(an amount, a period of ``s``, ``m``, ``h`` or ``d`` with an optional number in front, and
whom it counts: the client's ``address`` or the logged-in ``account``). Log-in, sign-up and
password reset are counted by django-allauth (``ACCOUNT_RATE_LIMITS``), on the same client
address (``members.adapter``) and answered with the same page (``handler429``).

Counting uses a sliding window in Django's cache (Redis when ``REDIS_URL`` is set, so every
app server shares the counts): each rate's period is cut into ``SLICES`` slices, a hit is
counted in its slice (one ``add`` and one ``incr``, both atomic), and the hits of the last
``SLICES`` slices (one ``get_many``) are held against the rate. A burst split across a
minute's boundary is therefore counted whole, which fixed one-minute windows would let
through twice over; the oldest slice leaves the window whole, so the window spans between
``SLICES - 1`` and ``SLICES`` slices of the period. When the cache cannot count (an outage),
the request is let through: a limit is a brake on abuse, never a reason to turn readers away.

The client's address is ``REMOTE_ADDR``, unless ``TRUSTED_PROXY_COUNT`` says how many
proxies in front of the app append to ``X-Forwarded-For``: then it is the entry that many
places from the right (the address the outermost trusted proxy saw), which a client cannot
forge. IPv6 addresses are counted per /64, the block one subscriber usually holds.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import re
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .referer import same_site_referer

logger = logging.getLogger(__name__)

PERIOD_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)([smhd])\s*/\s*(address|account)\s*$")
DEFAULT_RETRY_AFTER = 60


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int
    per: str  # "address" or "account"


@dataclass(frozen=True)
class Refusal:
    """A request over a limit: how long to wait, and a sentence saying so."""

    retry_after: int
    message: str

    @property
    def wait(self) -> str:
        """How long to wait, in words: "40 seconds", "3 minutes"."""
        if self.retry_after < 120:
            return f"{self.retry_after} seconds"
        return f"{(self.retry_after + 59) // 60} minutes"

    def mark(self, response):
        """``response`` with the status and ``Retry-After`` of a refused request."""
        response.status_code = 429
        response["Retry-After"] = str(self.retry_after)
        response["Cache-Control"] = "private, no-store"
        return response


def parse_rates(text: str) -> list[Rate]:
    rates = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _RATE.match(part)
        if not match:
            raise ValueError(f"Not a rate: {part!r} (e.g. '20/m/address' or '12/h/account')")
        amount, count, unit, per = match.groups()
        rates.append(Rate(int(amount), int(count or 1) * PERIOD_UNITS[unit], per))
    return rates


def parse_allauth_period(rates: str, per: str) -> int:
    """The longest period, in seconds, of django-allauth's ``rates`` counted ``per``."""
    from allauth.core.internal.ratelimit import parse_rates as parse_allauth_rates

    periods = [int(rate.duration) for rate in parse_allauth_rates(rates) if rate.per == per]
    return max(periods, default=DEFAULT_RETRY_AFTER)


def client_address(request) -> str:
    """The client's address, as the nearest trusted proxy (or the socket) saw it."""
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted > 0:
        forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= trusted:
            address = forwarded[-trusted]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return address or "unknown"


def counted_address(request) -> str:
    """The address a limit counts: the client's, or its /64 block for IPv6."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address)
    return address


def _who(request, rate: Rate, account) -> str | None:
    if rate.per == "address":
        return counted_address(request)
    user = account if account is not None else getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None  # nobody to count: the address limits still apply
    return f"member-{user.pk}"


# Slices of a rate's period: the window slides one slice at a time.
SLICES = 10


def _count(action: str, rate: Rate, who: str, now: float) -> tuple[int, int]:
    """Hits within the sliding window, this one included, and the seconds until enough of
    them have slid out of it for one more to be allowed."""
    width = rate.seconds / SLICES
    current = int(now // width)
    digest = hashlib.sha256(who.encode()).hexdigest()[:32]
    prefix = f"ratelimit:{action}:{rate.amount}/{rate.seconds}:{rate.per}:{digest}"
    key = f"{prefix}:{current}"
    cache.add(key, 0, timeout=int(rate.seconds + width) + 1)
    hits_now = cache.incr(key)
    older = [f"{prefix}:{index}" for index in range(current - SLICES + 1, current)]
    stored = cache.get_many(older)
    slices = [int(stored.get(name) or 0) for name in older] + [hits_now]
    total = sum(slices)
    # The next hit is allowed once the oldest slices holding the excess have slid out: the
    # n-th oldest leaves when slice ``current + n`` begins.
    excess = total + 1 - rate.amount
    leaving = dropped = 0
    while leaving < len(slices) and (leaving == 0 or dropped < excess):
        dropped += slices[leaving]
        leaving += 1
    wait = (current + leaving) * width - now
    return total, max(1, int(wait + 0.999))


MESSAGES = {
    "comment": "You have posted a lot of comments in a short time.",
    "search": "You have searched a lot in a short time.",
}


def hit(request, action: str, *, account=None) -> Refusal | None:
    """Count one ``action`` by this client; a ``Refusal`` when that goes over a limit."""
    rates = parse_rates(settings.RATE_LIMITS.get(action, ""))
    now = time.time()
    retry_after = 0
    for rate in rates:
        who = _who(request, rate, account)
        if who is None:
            continue
        try:
            hits, remaining = _count(action, rate, who, now)
        except Exception:  # the cache cannot count (an outage): let the reader through
            logger.warning("Rate limit %r not counted: the cache is unavailable", action)
            return None
        if hits > rate.amount:
            retry_after = max(retry_after, remaining)
    if not retry_after:
        return None
    message = MESSAGES.get(action, "We received many requests from you in a short time.")
    return Refusal(retry_after, message)


def too_many_requests(request, refusal: Refusal | None = None):
    """Our 429 page: what happened, how long to wait, and the way back."""
    refusal = refusal or Refusal(DEFAULT_RETRY_AFTER, "")
    context = {
        "wait": refusal.wait,
        "limit_message": refusal.message,
        "back_url": same_site_referer(request),
    }
    return refusal.mark(render(request, "429.html", context))


def limit(action: str):
    """A view decorator: count ``action`` per call and answer 429 over the limit."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            refusal = hit(request, action)
            if refusal is not None:
                return too_many_requests(request, refusal)
            return view(request, *args, **kwargs)

        return limited

    return decorator


def allauth_429(request):
    """handler429 for django-allauth's limits on log-in, sign-up and password reset."""
    return too_many_requests(
        request, Refusal(DEFAULT_RETRY_AFTER, "You have tried this many times in a short time.")
    )
