"""Template tags for what crawlers and link previews read (JSON-LD blocks, the lead image's
announced size) and for how readers pass a piece on (the share links)."""

from django import template
from django.utils.safestring import mark_safe

from ..feeds import xml_text as _xml_text
from ..sharing import share_links
from ..structured_data import article_json_ld, json_ld_script, lead_image_info, website_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """The NewsArticle and BreadcrumbList blocks of an article page."""
    request = context.get("request")
    if request is None:
        return ""
    blocks = [json_ld_script(data) for data in article_json_ld(article, request)]
    return mark_safe("\n".join(blocks))


@register.simple_tag(takes_context=True)
def website_structured_data(context):
    request = context.get("request")
    if request is None:
        return ""
    return json_ld_script(website_json_ld(request))


@register.simple_tag(takes_context=True)
def lead_image(context, article):
    """``{% lead_image article as image %}``: absolute URL, width and height, or None."""
    request = context.get("request")
    if request is None:
        return None
    return lead_image_info(article, request)


@register.filter
def xml_text(value):
    """Text without the characters XML 1.0 cannot carry (for the news sitemap)."""
    return _xml_text(value)


@register.inclusion_tag("articles/includes/share.html", takes_context=True)
def share_article(context, article):
    """The share links and the copy-link button at the end of an article page."""
    request = context.get("request")
    url = request.build_absolute_uri(article.get_absolute_url()) if request else ""
    return {"url": url, "links": share_links(url, article.headline) if url else []}
