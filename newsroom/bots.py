"""Which requests come from a program rather than a reader, for counting only.

Counting sponsor impressions and clicks, and appeal clicks, leaves these requests out. The
test is deliberately simple and errs on the side of counting: crawlers, link previewers,
command-line clients and prefetches announce themselves; a bot that pretends to be a
browser is counted like one.
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
