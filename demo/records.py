"""The shapes of the demo data: plain frozen records, free of models so they import anywhere.

Choice fields hold the stored values of the models' choices ("analysis", "in_review", ...).
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DemoAccount:
    email: str
    display_name: str
    role: str
    group: str = ""
    staff: bool = False
    superuser: bool = False


@dataclass(frozen=True)
class DemoSection:
    name: str
    description: str
    position: int


@dataclass(frozen=True)
class DemoAuthor:
    byline: str
    title: str
    bio: str
    email: str = ""


@dataclass(frozen=True)
class DemoSource:
    name: str
    kind: str
    url: str
    description: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoActor:
    name: str
    kind: str
    title: str
    country: str
    bio: str
    aliases: tuple[str, ...]
    wikidata_id: str = ""
    born: date | None = None
    in_office_from: date | None = None
    in_office_to: date | None = None
    sort_name: str = ""  # only where the automatic one (surname first) is wrong


@dataclass(frozen=True)
class Cite:
    source: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class LeadImage:
    style: str
    caption: str
    alt: str
    credit: str


@dataclass(frozen=True)
class DemoArticle:
    """One piece. ``days_ago`` anchors the publish time to the day of loading; a negative
    value schedules it that many days ahead. ``owner`` is the e-mail of the account that
    created it; by default the first byline's account, else the editor's."""

    slug: str
    headline: str
    dek: str
    section: str
    kind: str
    authors: tuple[str, ...]
    body: str
    tags: tuple[str, ...]
    citations: tuple[Cite, ...]
    main: tuple[str, ...]
    mentioned: tuple[str, ...]
    image: LeadImage | None
    days_ago: int | None
    hour: int = 8
    status: str = "published"
    featured: bool = False
    owner: str = ""
    updated_hours: int = 0
    # Who reads it whole: "public", "members" or "subscribers" (Article.Access).
    access: str = "public"


@dataclass(frozen=True)
class DemoPage:
    """One of the publication's own pages, linked in the footer in ``position`` order; the
    body is written in the demo's block markup (``demo.markup``)."""

    title: str
    slug: str
    summary: str
    body: str
    position: int
