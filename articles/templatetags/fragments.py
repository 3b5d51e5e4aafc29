"""``{% fragment %}``: a part of a page that every reader sees alike, kept in the reader
cache until what it shows changes (the rules, and the parts there are: ``articles.fragments``).

    {% load fragments %}
    {% fragment "article-main" article variant %}
      <header> … {% live %}{% comment_count_link article %}{% endlive %} … </header>
      <div class="article-body">{{ article.body|safe }}</div>
    {% endfragment %}
    {% fragment "front-page" %} … {% endfragment %}

``variant`` names the version of the body the page shows ("full" or "teaser"); a page
that names none (a preview) keeps nothing. A ``{% live %}`` block is drawn on every
request: it must stand directly in the fragment, not inside a loop or a condition of it,
and it sees the page's context, not names the fragment sets (``with``, ``for``).
"""

import secrets

from django import template
from django.utils.safestring import mark_safe

from .. import fragments

register = template.Library()

# Stands for a live block while a fragment is drawn to be kept: random, so no text on the
# page can pass for it.
_HOLE = f"\x00live-{secrets.token_hex(8)}\x00"
_DRAWING = "_fragment_drawing"


class _CannotKeep(Exception):
    """The drawing does not have one hole per live block (one was left out or repeated)."""


class LiveNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        if context.get(_DRAWING):
            return _HOLE
        return self.nodelist.render(context)


class FragmentNode(template.Node):
    def __init__(self, part, article, variant, nodelist):
        self.part = part
        self.article = article
        self.variant = variant
        self.nodelist = nodelist
        self.live = [node for node in nodelist if isinstance(node, LiveNode)]

    def render(self, context):
        request = context.get("request")
        article = self.article.resolve(context) if self.article else None
        variant = self.variant.resolve(context) if self.variant else None
        if not fragments.may_keep(self.part, request, article, variant):
            return self.nodelist.render(context)

        def draw() -> list[str]:
            with context.push({_DRAWING: True}):
                pieces = str(self.nodelist.render(context)).split(_HOLE)
            if len(pieces) != len(self.live) + 1:
                raise _CannotKeep
            return pieces

        try:
            pieces = fragments.remember(self.part, request, article, variant, draw)
        except _CannotKeep:
            return self.nodelist.render(context)
        drawn = [pieces[0]]
        for live, piece in zip(self.live, pieces[1:], strict=True):
            drawn += [live.nodelist.render(context), piece]
        return mark_safe("".join(drawn))


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if not 2 <= len(bits) <= 4:
        raise template.TemplateSyntaxError(
            f'"{bits[0]}" takes a part\'s name, and for a piece its article and variant.'
        )
    part = bits[1].strip("\"'")
    if part not in fragments.PARTS:
        raise template.TemplateSyntaxError(f'"{bits[0]}": no part is named "{part}".')
    if fragments.PARTS[part].of_article and len(bits) != 4:
        raise template.TemplateSyntaxError(
            f'"{bits[0]} {part}" needs the article and the variant of the body shown.'
        )
    article = parser.compile_filter(bits[2]) if len(bits) > 2 else None
    variant = parser.compile_filter(bits[3]) if len(bits) > 3 else None
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    nested = [
        node
        for node in nodelist.get_nodes_by_type(LiveNode)
        if not any(node is direct for direct in nodelist)
    ]
    if nested:
        raise template.TemplateSyntaxError(
            f'"{bits[0]}": a live block must stand directly in the fragment.'
        )
    return FragmentNode(part, article, variant, nodelist)


@register.tag("live")
def do_live(parser, token):
    nodelist = parser.parse(("endlive",))
    parser.delete_first_token()
    return LiveNode(nodelist)
