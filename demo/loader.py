"""Put the demo content into the database, idempotently.

Every row is found by a stable key (an e-mail, a name, a byline, an article's slug, an actor's
Wikidata id or name) and brought back to the demo's text, so a second run duplicates nothing
and ends where the first one did. Links that belong to an article (bylines, citations, actors
linked by hand) are made to match the demo exactly; aliases that editors add are kept.

Publish times are anchored to the moment of loading, so the demo always shows a fresh front
page with one piece still scheduled. Pictures are drawn only when a row has none, or when its
file has gone missing from storage.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from actors.models import Actor, ActorAlias
from articles.models import (
    Article,
    ArticleActor,
    ArticleAuthor,
    AuthorProfile,
    Citation,
    Page,
    Section,
)
from sources.models import Source, SourceAlias
from web.slugs import fold_slug

from . import images
from .actors import ACTORS
from .articles import ARTICLES
from .discussion import count_discussion, load_discussion
from .home import load_home_slots
from .likenesses import AUTHOR_SITTERS, LIKENESSES
from .markup import prose, to_html
from .masthead import ACCOUNTS, AUTHORS, EDITOR_IN_CHIEF, PUBLICATION, SECTIONS
from .newsletters import count_newsletters, load_newsletters
from .pages import PAGES
from .records import DemoAccount, DemoActor, DemoArticle
from .sources import SOURCES
from .sponsors import count_appeal_and_sponsors, load_appeal_and_sponsors

PORTRAIT_CREDIT = f"Illustration: {PUBLICATION}"


@dataclass
class LoadResult:
    accounts: tuple[DemoAccount, ...]
    counts: Counter


def load_demo(password: str, now: datetime | None = None) -> LoadResult:
    """Load every piece of demo content in one transaction and count what is there."""
    now = now or timezone.now()
    with transaction.atomic():
        members = load_accounts(password)
        sections = load_sections()
        authors = load_authors(members)
        sources = load_sources()
        actors = load_actors()
        for data in ARTICLES:
            load_article(data, now, sections, authors, sources, actors, members)
        # What leads the home page, and a scheduled piece waiting for its slot.
        load_home_slots(now)
        # Plans, subscriptions and the comments under the front page's pieces.
        load_discussion(members, password, now)
        # The appeal signed by the editor-in-chief, and the sponsors with their reports.
        load_appeal_and_sponsors(authors, now)
        # About, masthead, contact and the policies, linked in the footer.
        load_pages()
        # The Daily Brief and Weekly Europe, offered to readers (none signed up).
        load_newsletters(sections)
    counts = count_rows()
    counts.update(count_newsletters())
    counts.update(count_discussion())
    counts.update(count_appeal_and_sponsors())
    return LoadResult(ACCOUNTS, counts)


def load_accounts(password: str) -> dict:
    Member = get_user_model()
    members = {}
    for data in ACCOUNTS:
        member = Member.objects.filter(email__iexact=data.email).first()
        if member is None:
            member = Member(email=data.email)
        member.display_name = data.display_name
        member.is_staff = data.staff
        member.is_superuser = data.superuser
        member.is_active = True
        # Re-hashing an unchanged password would log the demo users out on every run.
        if not member.check_password(password):
            member.set_password(password)
        member.save()
        groups = [Group.objects.get_or_create(name=data.group)[0]] if data.group else []
        member.groups.set(groups)
        _confirm_email(member)
        members[data.email] = member
    return members


def _confirm_email(member) -> None:
    """Mark the address verified once django-allauth is installed, so log-in works at once."""
    if not apps.is_installed("allauth.account"):
        return
    EmailAddress = apps.get_model("account", "EmailAddress")
    EmailAddress.objects.update_or_create(
        user=member,
        email=member.email,
        defaults={"verified": True, "primary": True},
    )


def load_sections() -> dict:
    return {
        data.name: Section.objects.update_or_create(
            name=data.name,
            defaults={"description": prose(data.description), "position": data.position},
        )[0]
        for data in SECTIONS
    }


def load_authors(members: dict) -> dict:
    return {data.byline: load_author(data, members) for data in AUTHORS}


def load_author(data, members: dict) -> AuthorProfile:
    author = AuthorProfile.objects.update_or_create(
        byline=data.byline,
        defaults={"title": data.title, "bio": prose(data.bio), "user": members.get(data.email)},
    )[0]
    # The photo beside the bio at the end of each piece and on the author's page.
    _put_picture(
        author.photo,
        f"{fold_slug(data.byline)}.jpg",
        lambda: images.portrait(AUTHOR_SITTERS[data.byline], seed=data.byline),
    )
    author.save()  # with the photo's size (see _put_picture)
    return author


def load_pages() -> None:
    for data in PAGES:
        Page.objects.update_or_create(
            slug=data.slug,
            defaults={
                "title": data.title,
                "summary": prose(data.summary),
                "body": to_html(data.body),
                "position": data.position,
                "published": True,
            },
        )


def load_sources() -> dict:
    sources = {}
    for data in SOURCES:
        source = Source.objects.update_or_create(
            name=data.name,
            defaults={"kind": data.kind, "url": data.url, "description": data.description},
        )[0]
        # Aliases let credits and attributions name the source ("AP"); editors' own are kept.
        for alias in data.aliases:
            SourceAlias.objects.get_or_create(source=source, name=alias)
        sources[data.name] = source
    return sources


def load_actors() -> dict:
    return {data.name: load_actor(data) for data in ACTORS}


def load_actor(data: DemoActor) -> Actor:
    actor = None
    if data.wikidata_id:
        actor = Actor.objects.filter(wikidata_id=data.wikidata_id).first()
    actor = actor or Actor.objects.filter(name=data.name).first() or Actor(name=data.name)
    actor.name = data.name
    actor.kind = data.kind
    actor.title = data.title
    actor.country = data.country
    actor.bio = prose(data.bio)
    actor.wikidata_id = data.wikidata_id
    actor.born = data.born
    actor.in_office_from = data.in_office_from
    actor.in_office_to = data.in_office_to
    if data.sort_name:
        actor.sort_name = data.sort_name
    if _put_picture(
        actor.portrait,
        f"{fold_slug(data.name)}.jpg",
        lambda: images.portrait(LIKENESSES[data.name], seed=data.name),
    ):
        actor.portrait_credit = PORTRAIT_CREDIT
    actor.save()
    for alias in data.aliases:
        ActorAlias.objects.get_or_create(actor=actor, name=alias)
    return actor


def load_article(data: DemoArticle, now, sections, authors, sources, actors, members) -> Article:
    article = Article.objects.filter(slug=data.slug).first() or Article(slug=data.slug)
    publish_at = _publish_time(data, now)
    article.headline = data.headline
    article.dek = prose(data.dek)
    article.body = to_html(data.body)
    article.kind = data.kind
    article.section = sections[data.section]
    article.status = data.status
    article.publish_at = publish_at
    article.first_published_at = publish_at
    article.featured = data.featured
    article.access = data.access
    article.comments_open = True
    article.created_by = members[_owner(data)]
    if data.image:
        article.lead_image_caption = data.image.caption
        article.lead_image_alt = data.image.alt
        article.lead_image_credit_source = sources[data.image.credit]
        article.lead_image_credit_text = ""
        _put_picture(
            article.lead_image,
            f"{data.slug}.jpg",
            lambda: images.lead_image(data.image.style, seed=data.slug),
        )
    article.save()

    _sync_bylines(article, [authors[name] for name in data.authors])
    _sync_citations(article, data, sources)
    _sync_actor_links(article, data, actors)
    article.tags.set(list(data.tags))
    _set_history(article, data, publish_at, now)
    return article


def _owner(data: DemoArticle) -> str:
    if data.owner:
        return data.owner
    first = next(author for author in AUTHORS if author.byline == data.authors[0])
    return first.email or next(a.email for a in AUTHORS if a.byline == EDITOR_IN_CHIEF)


def _publish_time(data: DemoArticle, now: datetime) -> datetime | None:
    """A round hour ``days_ago`` days before (or, when negative, after) the loading day."""
    if data.days_ago is None:
        return None
    day = timezone.localtime(now) - timedelta(days=data.days_ago)
    return day.replace(hour=data.hour, minute=0, second=0, microsecond=0)


def _sync_bylines(article: Article, profiles: list) -> None:
    for position, profile in enumerate(profiles):
        ArticleAuthor.objects.update_or_create(
            article=article, author=profile, defaults={"position": position}
        )
    article.bylines.exclude(author__in=profiles).delete()


def _sync_citations(article: Article, data: DemoArticle, sources: dict) -> None:
    cited = [sources[cite.source] for cite in data.citations]
    for position, (cite, source) in enumerate(zip(data.citations, cited, strict=True)):
        Citation.objects.update_or_create(
            article=article,
            source=source,
            defaults={"url": cite.url, "note": cite.note, "position": position},
        )
    article.citations.exclude(source__in=cited).delete()


def _sync_actor_links(article: Article, data: DemoArticle, actors: dict) -> None:
    roles = [(name, ArticleActor.Role.MAIN) for name in data.main]
    roles += [(name, ArticleActor.Role.MENTIONED) for name in data.mentioned]
    linked = [actors[name] for name, _ in roles]
    for position, ((_, role), actor) in enumerate(zip(roles, linked, strict=True)):
        ArticleActor.objects.update_or_create(
            article=article,
            actor=actor,
            defaults={"role": role, "found_automatically": False, "position": position},
        )
    # Suggestions from mention detection are the detector's business, not the demo's.
    article.actor_links.exclude(actor__in=linked).filter(found_automatically=False).delete()


def _set_history(article: Article, data: DemoArticle, publish_at, now) -> None:
    """Back-date creation and last update, which the model stamps with the current time.

    Without this every demo piece would look "updated" weeks after it was published.
    """
    if publish_at is not None and publish_at <= now:
        created = publish_at - timedelta(days=2)
        updated = publish_at + timedelta(hours=data.updated_hours)
    else:
        hour = now.replace(minute=0, second=0, microsecond=0)
        created = hour - timedelta(days=3)
        updated = hour - timedelta(hours=5)
    Article.objects.filter(pk=article.pk).update(created_at=created, updated_at=updated)


def _needs_picture(field: FieldFile) -> bool:
    return not field or not field.storage.exists(field.name)


def _put_picture(field: FieldFile, filename: str, draw) -> bool:
    """Draw a picture into ``field`` when it has none (True), for the caller to save.

    The content is named, so the image's width and height are filled with it: a nameless
    file leaves them empty, and every page that loads the row would open the image to learn
    them. (A row loaded with a picture but no size has it filled in memory on loading, and
    the caller's save stores it.)
    """
    if not _needs_picture(field):
        return False
    field.save(filename, ContentFile(draw(), name=filename), save=False)
    return True


def count_rows() -> Counter:
    Member = get_user_model()
    return Counter(
        {
            "members": Member.objects.count(),
            "sections": Section.objects.count(),
            "authors": AuthorProfile.objects.count(),
            "sources": Source.objects.count(),
            "actors": Actor.objects.count(),
            "aliases": ActorAlias.objects.count(),
            "articles": Article.objects.count(),
            "public articles": Article.objects.public().count(),
            "bylines": ArticleAuthor.objects.count(),
            "citations": Citation.objects.count(),
            "actor links": ArticleActor.objects.count(),
            "pages": Page.objects.count(),
        }
    )
