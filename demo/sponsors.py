"""The demo's appeal and sponsors: one appeal signed by the editor-in-chief, three sponsors
of the kinds the reference page carries (a rifle maker with its postal address, a travel
product, a retailer), each with a block at the end of articles and one on section pages,
and thirty days of recorded impressions and clicks so their reports have something to show.

Loaded by ``loader.load_demo`` after the discussion, idempotently: the appeal by heading,
sponsors by name, placements by sponsor and slot. Recorded days are only ever added where
none is stored (counts the site has made itself are never overwritten), and the appeal's
demo clicks only when it has none. Names, addresses and texts are invented; every web
address is under the reserved ``.example`` domain.
"""

import io
import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from members.models import Appeal, AppealClick, Plan, Subscription
from sponsors.models import Placement, PlacementDay, Sponsor

from .discussion import SUBSCRIBER
from .images.canvas import font, gradient, mix
from .markup import prose
from .masthead import EDITOR_IN_CHIEF

APPEAL_HEADING = "Analysis like this is paid for by its readers"
# Paragraphs separated by a blank line, each on one line as an editor would type it.
APPEAL_TEXT = "\n\n".join(
    prose(paragraph)
    for paragraph in (
        """The Meridian Review takes no money from governments or parties, and we intend to
        keep it that way. What you have just read took weeks of reporting, reading and
        checking: the documents, the interviews, the second and third opinions.""",
        """A subscription pays for that work, and it opens the discussion under every piece,
        where readers who know these places and these people add what we missed.""",
        """If you value careful reporting on power, diplomacy and security, please join
        them.""",
    )
)
APPEAL_CALL = "Become a subscriber"
# The plan of the first year was sold without sponsors on the page.
AD_FREE_PLAN = "Founding supporter"
RECORDED_DAYS = 30


@dataclass(frozen=True)
class DemoPlacement:
    headline: str
    text: str
    path: str  # on the sponsor's site
    weight: int
    image_alt: str = ""


@dataclass(frozen=True)
class DemoSponsor:
    name: str
    website: str
    postal_address: str
    colours: tuple[tuple[int, int, int], tuple[int, int, int]]  # badge, lettering
    mark: str  # what its pictures show
    article: DemoPlacement
    section: DemoPlacement
    daily_impressions: int  # on the article slot, about


SPONSORS = (
    DemoSponsor(
        name="Harrow & Vane Rifles",
        website="https://harrowvane.example/",
        postal_address="Harrow & Vane Ltd\n14 Foundry Row\nLeek ST13 6QZ\nUnited Kingdom",
        colours=((38, 52, 40), (228, 220, 196)),
        mark="reticle",
        article=DemoPlacement(
            headline="Built by hand in Staffordshire since 1911",
            text="Bolt-action rifles for stalking and target shooting, fitted to you at "
            "our Leek workshop. Visits by appointment.",
            path="/workshop/",
            weight=30,
            image_alt="A rifle scope's crosshair over a moorland horizon.",
        ),
        section=DemoPlacement(
            headline="The Moorland 308: our lightest stalking rifle",
            text="Walnut stock, hand-lapped barrel, eighteen months' waiting list.",
            path="/moorland-308/",
            weight=20,
        ),
        daily_impressions=640,
    ),
    DemoSponsor(
        name="Eurorail Meridian Pass",
        website="https://eurorail-pass.example/",
        postal_address="",
        colours=((28, 46, 84), (242, 206, 120)),
        mark="rails",
        article=DemoPlacement(
            headline="Vienna, Bratislava, Budapest: three capitals in one ticket",
            text="Seven days of unlimited rail travel across Central Europe, with seat "
            "reservations on the Danube line included.",
            path="/central-europe/",
            weight=20,
            image_alt="A railway line running towards a range of hills at dusk.",
        ),
        section=DemoPlacement(
            headline="Travel between the summits by train",
            text="The rail pass for delegates, correspondents and the curious.",
            path="/pass/",
            weight=10,
        ),
        daily_impressions=580,
    ),
    DemoSponsor(
        name="Atlas & Quire",
        website="https://atlasandquire.example/",
        postal_address="",
        colours=((96, 30, 34), (246, 236, 222)),
        mark="books",
        article=DemoPlacement(
            headline="Maps, memoirs and the books behind the headlines",
            text="Booksellers to readers of foreign affairs since 1984. Free delivery on "
            "orders over £40 this month.",
            path="/foreign-affairs/",
            weight=10,
            image_alt="A stack of clothbound books beside a folded map.",
        ),
        section=DemoPlacement(
            headline="This season's essential reading on Europe",
            text="Chosen by our booksellers, shipped the same day.",
            path="/europe/",
            weight=5,
        ),
        daily_impressions=520,
    ),
)


def load_appeal_and_sponsors(authors: dict, now: datetime) -> None:
    Plan.objects.filter(name=AD_FREE_PLAN).update(ad_free=True)
    appeal = _load_appeal(authors[EDITOR_IN_CHIEF], now)
    _record_appeal_clicks(appeal, now)
    for data in SPONSORS:
        sponsor = _load_sponsor(data)
        for slot, placement in (
            (Placement.Slot.ARTICLE_END, data.article),
            (Placement.Slot.SECTION_PAGE, data.section),
        ):
            _load_placement(sponsor, data, slot, placement, now)


def _load_appeal(author, now: datetime) -> Appeal:
    appeal, _ = Appeal.objects.update_or_create(
        heading=APPEAL_HEADING,
        defaults={
            "text": APPEAL_TEXT,
            "signed_by": author,
            "call_to_action": APPEAL_CALL,
            "ends_at": None,
        },
        create_defaults={
            "text": APPEAL_TEXT,
            "signed_by": author,
            "call_to_action": APPEAL_CALL,
            "starts_at": now - timedelta(days=RECORDED_DAYS + 5),
        },
    )
    appeal.sections.clear()  # every section
    return appeal


def _record_appeal_clicks(appeal: Appeal, now: datetime) -> None:
    """Some readers followed the appeal; one of them is the demo's subscriber."""
    if appeal.clicks.exists():
        return
    rng = random.Random("appeal-clicks")
    clicks = [
        AppealClick(
            appeal=appeal,
            clicked_at=now - timedelta(days=rng.uniform(0.5, RECORDED_DAYS), hours=rng.random()),
        )
        for _ in range(46)
    ]
    subscription = Subscription.objects.filter(member__email=SUBSCRIBER).order_by("pk").first()
    if subscription is not None:
        clicks.append(
            AppealClick(
                appeal=appeal,
                member=subscription.member,
                clicked_at=subscription.starts_at - timedelta(minutes=12),
                subscription=subscription,
                converted_at=subscription.starts_at,
            )
        )
    AppealClick.objects.bulk_create(clicks)


def _load_sponsor(data: DemoSponsor) -> Sponsor:
    sponsor, _ = Sponsor.objects.update_or_create(
        name=data.name,
        defaults={"website": data.website, "postal_address": data.postal_address},
    )
    if _needs_picture(sponsor.logo):
        # Assigned, not FieldFile.save(): the logo's width and height are then recorded.
        sponsor.logo = ContentFile(_logo(data), name=f"{_slug(data.name)}.png")
        sponsor.save()
    return sponsor


def _load_placement(sponsor, data: DemoSponsor, slot, placement: DemoPlacement, now) -> None:
    row, _ = Placement.objects.update_or_create(
        sponsor=sponsor,
        slot=slot,
        defaults={
            "headline": placement.headline,
            "text": placement.text,
            "target_url": data.website.rstrip("/") + placement.path,
            "weight": placement.weight,
            "active": True,
            "ends_at": None,
            "image_alt": placement.image_alt,
        },
        create_defaults={
            "headline": placement.headline,
            "text": placement.text,
            "target_url": data.website.rstrip("/") + placement.path,
            "weight": placement.weight,
            "image_alt": placement.image_alt,
            "starts_at": now - timedelta(days=RECORDED_DAYS + 5),
        },
    )
    row.sections.clear()  # every section
    if slot == Placement.Slot.ARTICLE_END and _needs_picture(row.image):
        name = f"{_slug(data.name)}.jpg"
        row.image.save(name, ContentFile(_picture(data)), save=True)
    _record_days(row, data, slot, now)


def _record_days(placement: Placement, data: DemoSponsor, slot, now: datetime) -> None:
    """Thirty days before today, where nothing is recorded yet: weekday readers, a little
    noise, and click rates of a fraction of one per cent to one and a half."""
    rng = random.Random(f"days:{placement.headline}")
    base = (
        data.daily_impressions
        if slot == Placement.Slot.ARTICLE_END
        else data.daily_impressions // 4
    )
    today = timezone.localtime(now).date()
    days = []
    for back in range(RECORDED_DAYS, 0, -1):
        day = today - timedelta(days=back)
        weekday = 0.72 if day.weekday() >= 5 else 1.0
        impressions = round(base * weekday * rng.uniform(0.75, 1.3))
        clicks = round(impressions * rng.uniform(0.003, 0.015))
        days.append(
            PlacementDay(placement=placement, day=day, impressions=impressions, clicks=clicks)
        )
    PlacementDay.objects.bulk_create(days, ignore_conflicts=True)


def count_appeal_and_sponsors() -> Counter:
    return Counter(
        {
            "appeals": Appeal.objects.count(),
            "sponsors": Sponsor.objects.count(),
            "placements": Placement.objects.count(),
        }
    )


# --- Pictures ----------------------------------------------------------------------------------


def _needs_picture(field: FieldFile) -> bool:
    return not field or not field.storage.exists(field.name)


def _slug(name: str) -> str:
    return slugify(name)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=84, optimize=True)
    return out.getvalue()


def _logo(data: DemoSponsor) -> bytes:
    """A 480×120 badge with the sponsor's name: readable on light and dark pages alike."""
    scale = 2
    width, height = 480 * scale, 120 * scale
    badge, ink = data.colours
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=18 * scale, fill=(*badge, 255))
    draw.rounded_rectangle(
        (10 * scale, 10 * scale, width - 10 * scale, height - 10 * scale),
        radius=12 * scale,
        outline=(*ink, 160),
        width=2 * scale,
    )
    size = 44 * scale
    while size > 20 and draw.textlength(data.name, font=font(size)) > width - 60 * scale:
        size -= 2 * scale
    draw.text((width / 2, height / 2), data.name, font=font(size), fill=(*ink, 255), anchor="mm")
    return _png(image.resize((480, 120), Image.Resampling.LANCZOS))


def _picture(data: DemoSponsor) -> bytes:
    """A 960×540 picture for the sponsor's article block, drawn from its colours."""
    width, height = 960, 540
    badge, ink = data.colours
    image = gradient((width, height), mix(badge, ink, 0.55), mix(badge, (0, 0, 0), 0.2))
    draw = ImageDraw.Draw(image)
    horizon = height * 0.64
    draw.polygon(
        [
            (0, horizon),
            (width * 0.3, horizon - 70),
            (width * 0.55, horizon - 20),
            (width * 0.8, horizon - 90),
            (width, horizon - 30),
            (width, height),
            (0, height),
        ],
        fill=(*mix(badge, (0, 0, 0), 0.35), 255),
    )
    if data.mark == "reticle":
        cx, cy, r = width * 0.62, height * 0.42, 150
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(*ink, 230), width=6)
        draw.line((cx - r, cy, cx + r, cy), fill=(*ink, 230), width=3)
        draw.line((cx, cy - r, cx, cy + r), fill=(*ink, 230), width=3)
        draw.ellipse((cx - 6, cy - 6, cx + 6, cy + 6), fill=(*ink, 255))
    elif data.mark == "rails":
        for offset in (-70, 70):
            draw.line(
                (width / 2 + offset * 4, height, width / 2 + offset / 5, horizon),
                fill=(*ink, 230),
                width=6,
            )
        for step in range(9):
            y = horizon + (height - horizon) * (step / 8) ** 1.6
            half = 20 + (y - horizon) * 1.7
            draw.line((width / 2 - half, y, width / 2 + half, y), fill=(*ink, 150), width=4)
    else:  # books
        x = width * 0.28
        for i, (w, h) in enumerate([(300, 56), (270, 48), (320, 62), (250, 44), (290, 52)]):
            y = height * 0.78 - sum([56, 48, 62, 44, 52][: i + 1])
            colour = mix(ink, badge, 0.15 * i)
            draw.rectangle(
                (x + 8 * (i % 2), y, x + w + 8 * (i % 2), y + h - 4), fill=(*colour, 255)
            )
        draw.polygon(
            [
                (width * 0.62, height * 0.8),
                (width * 0.9, height * 0.72),
                (width * 0.95, height * 0.82),
                (width * 0.67, height * 0.9),
            ],
            fill=(*mix(ink, (255, 255, 255), 0.4), 255),
        )
    return _jpeg(image)
