"""The editor's appeal after an article's body: ``{% load appeals %}{% appeal_block article %}``.

Drawn for readers who do not subscribe (``members.subscriptions.sees_appeal``); anonymous
readers all get the same bytes, so the page stays cacheable. The appeals come from the
cache (``members.appeals``): no query on a warm page, whatever is running.
"""

from django import template

from web import reader_cache

from ..appeals import PAGE_TAG, appeal_for, next_appeal_change
from ..subscriptions import request_standing, sees_appeal

register = template.Library()


@register.inclusion_tag("members/appeal.html", takes_context=True)
def appeal_block(context, article):
    request = context.get("request")
    if request is None:
        return {"appeal": None}
    reader_cache.add_page_tags(request, PAGE_TAG)
    change = next_appeal_change()
    if change is not None:
        reader_cache.expire_page_by(request, change)
    if not sees_appeal(request_standing(request)):
        return {"appeal": None}
    return {"appeal": appeal_for(article.section_id)}
