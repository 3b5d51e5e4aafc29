"""What search engines and link previews read about a page: schema.org JSON-LD and the
sizes of the images we announce.

Every URL here is absolute, built from the request, so the data is right behind any host
name the site answers to. ``json_ld_script`` is the only way JSON reaches a page: it
escapes ``<``, ``>`` and ``&`` so no headline can close the script element.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from .access import GATED_PART_CLASS

LEAD_IMAGE_FIT = 1400  # the lead_image_large rendition fits in this square
PUBLISHER_LOGO = ("img/logo.png", 512, 512)

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

SCHEMA_TYPE_BY_KIND = {
    "person": "Person",
    "state": "Country",
    "organisation": "Organization",
    "group": "Organization",
}


# schema.org's NewsArticle subtypes for the kinds of piece: opinion is told apart from
# reporting, and an explainer is background (context and explanation) to the news.
ARTICLE_TYPE_BY_KIND = {
    "news": "NewsArticle",
    "analysis": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    "explainer": "BackgroundNewsArticle",
}


def json_ld_script(data) -> SafeString:
    """``data`` as a JSON-LD data block that nothing inside it can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def fitted_size(width: int | None, height: int | None, box: int = LEAD_IMAGE_FIT):
    """The size of an image scaled to fit (up or down) in a ``box`` square, as the
    lead_image_large rendition is; ``(None, None)`` when the size is unknown."""
    if not width or not height:
        return None, None
    ratio = min(box / width, box / height)
    return int(round(width * ratio)), int(round(height * ratio))


def lead_image_info(article, request) -> dict | None:
    """URL (the large rendition), width and height of an article's lead image."""
    if not article.lead_image:
        return None
    width, height = fitted_size(article.lead_image_width, article.lead_image_height)
    return {
        "url": request.build_absolute_uri(article.lead_image_large.url),
        "width": width,
        "height": height,
    }


def _actor_entity(actor, request) -> dict:
    entity = {
        "@type": SCHEMA_TYPE_BY_KIND.get(actor.kind, "Thing"),
        "name": actor.name,
        "url": request.build_absolute_uri(actor.get_absolute_url()),
    }
    if actor.wikidata_id:
        entity["sameAs"] = [f"https://www.wikidata.org/wiki/{actor.wikidata_id}"]
    return entity


def publisher(request) -> dict:
    logo, width, height = PUBLISHER_LOGO
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(logo)),
            "width": width,
            "height": height,
        },
    }


def article_json_ld(article, request) -> list[dict]:
    """A NewsArticle (of the subtype for the piece's kind) and its BreadcrumbList, from what
    the article page already loaded (bylines, actor links and tags are prefetched by
    ``Article.objects.for_page()``)."""
    url = request.build_absolute_uri(article.get_absolute_url())
    published = article.first_published_at or article.publish_at
    modified = max(filter(None, [article.updated_at, published]), default=None)
    links = list(article.actor_links.all())
    news = {
        "@context": "https://schema.org",
        "@type": ARTICLE_TYPE_BY_KIND.get(article.kind, "NewsArticle"),
        "@id": f"{url}#article",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.headline,
        "description": article.dek or article.headline,
        "genre": article.get_kind_display(),
        "inLanguage": "en",
        "isAccessibleForFree": not article.is_gated,
        "author": [
            {
                "@type": "Person",
                "name": byline.author.byline,
                "url": request.build_absolute_uri(byline.author.get_absolute_url()),
                **({"jobTitle": byline.author.title} if byline.author.title else {}),
            }
            for byline in article.bylines.all()
        ],
        "publisher": publisher(request),
    }
    if published:
        news["datePublished"] = published.isoformat()
    if modified:
        news["dateModified"] = modified.isoformat()
    if image := lead_image_info(article, request):
        image_object = {"@type": "ImageObject", **image}
        if article.lead_image_caption:
            image_object["caption"] = article.lead_image_caption
        if article.lead_image_credit:
            image_object["creditText"] = article.lead_image_credit
        news["image"] = [image_object]
    if article.is_gated:
        # Google's markup for paywalled content: the part readers without access do not
        # get is the container with this class on the full page (articles.access).
        news["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": f".{GATED_PART_CLASS}",
        }
    if article.section:
        news["articleSection"] = article.section.name
    if tags := [tag.name for tag in article.tags.all()]:
        news["keywords"] = tags
    main = [_actor_entity(link.actor, request) for link in links if link.role == "main"]
    others = [_actor_entity(link.actor, request) for link in links if link.role != "main"]
    if main:
        news["about"] = main
    if others:
        news["mentions"] = others

    crumbs = [(settings.SITE_NAME, request.build_absolute_uri("/"))]
    if article.section:
        crumbs.append(
            (article.section.name, request.build_absolute_uri(article.section.get_absolute_url()))
        )
    crumbs.append((article.headline, url))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": item}
            for n, (name, item) in enumerate(crumbs, start=1)
        ],
    }
    return [news, breadcrumbs]


def website_json_ld(request) -> dict:
    """The publication itself, with the search box search engines may offer."""
    search_url = request.build_absolute_uri(reverse("articles:search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term}}"},
            "query-input": "required name=search_term",
        },
    }
