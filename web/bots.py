"""Which requests count as a reader's impression or click: ``counts(request)``.

Sponsor impressions and clicks, and appeal clicks, leave out requests from programs. The
bot test is deliberately simple and errs on the side of counting: crawlers, link
previewers, command-line clients and prefetches announce themselves. A program that
pretends to be a browser is held back by the ``counted`` rate limit of its address
(``RATE_LIMITS``): past it, it is still answered, but no longer counted.
"""

import re

_BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|scrap|archiver|fetch|preview|monitor|checker|validator|"
    r"facebookexternalhit|embedly|whatsapp|lighthouse|pingdom|"
    r"curl|wget|httpie|python-requests|python-urllib|aiohttp|go-http-client|okhttp|"
    r"java/|libwww|headless-shell",
    re.IGNORECASE,
)


def is_bot(request) -> bool:
    """True for a request that a program, not a reader, made (or a speculative prefetch)."""
    agent = request.headers.get("User-Agent", "").strip()
    if not agent or _BOT_AGENT.search(agent):
        return True
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower()


def counts(request) -> bool:
    """True when ``request`` is counted: not a program, and its address not past the
    ``counted`` rate limit."""
    from .ratelimit import hit

    return not is_bot(request) and hit(request, "counted") is None
