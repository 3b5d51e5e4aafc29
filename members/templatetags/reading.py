"""What a gated piece's page says under its body: ``{% load reading %}{% reading_notice
article reading %}``, for the ``Reading`` the article view got from ``members.access``.

Anonymous readers all get the same bytes (no token, no name: the page stays cacheable): the
invitation to sign up (members' pieces) or subscribe, with a log-in link back to the piece.
Logged-in readers get an invitation that fits them (a free member's allowance, a lapsed
subscriber's welcome back), a note of the allowance they used, or — subscribers on a
subscriber-only piece — the "Gift this piece" form, with the link made last and the gifts
left this month.
"""

from django import template
from django.conf import settings
from django.urls import reverse

from .. import gifts
from ..context_processors import login_url_for

register = template.Library()

# The gift link made last for a piece, per piece, kept in the giver's session.
SESSION_GIFTS = "gift_links"
SESSION_GIFT_REFUSAL = "gift_refusal"


@register.inclusion_tag("members/reading.html", takes_context=True)
def reading_notice(context, article, reading):
    request = context.get("request")
    path = article.get_absolute_url()
    shown = {
        "article": article,
        "reading": reading,
        "members_piece": article.access == article.Access.MEMBERS,
        "allowance": reading.allowance
        if reading.allowance is not None
        else settings.MEMBERS_FREE_PIECES_PER_MONTH,
        "subscribe_url": reverse("members:subscribe"),
        "signup_url": f"{reverse('account_signup')}?next={path}",
        "login_url": login_url_for(path),
        "gift": context.get("gift"),
    }
    if reading.may_gift and request is not None:
        session = request.session
        refusal = session.get(SESSION_GIFT_REFUSAL)
        if refusal is not None and refusal.get("article") == article.pk:
            session.pop(SESSION_GIFT_REFUSAL)  # said once, on the drawing it was meant for
        else:
            refusal = None
        shown.update(
            gift_path=session.get(SESSION_GIFTS, {}).get(str(article.pk)),
            gift_refusal=refusal,
            gifts_left=gifts.gifts_left(request.user),
            gifts_per_month=gifts.per_month(),
            request=request,
            csrf_token=context.get("csrf_token"),
        )
    return shown
