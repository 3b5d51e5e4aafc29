"""How a reader passes a piece on: plain links to an e-mail and to the share pages of a few
well-known networks, built here so the page loads nothing from them (no third-party
script, no embedded button, nothing that reports a visit until the reader follows one)."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    name: str
    href: str
    way: str = "on"  # "Share on X", "Share by e-mail": what a screen reader announces


def share_links(url: str, title: str) -> list[ShareLink]:
    """Where a reader may share the piece at ``url`` called ``title``, in the page's order."""
    return [
        ShareLink(
            "E-mail", f"mailto:?{urlencode({'subject': title, 'body': url}, quote_via=quote)}", "by"
        ),
        ShareLink(
            "Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": f"{title} {url}"})
        ),
        ShareLink("X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ShareLink(
            "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})
        ),
        ShareLink(
            "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
        ),
        ShareLink("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
    ]
