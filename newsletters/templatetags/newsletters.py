"""The newsletters' blocks on other apps' pages: the account page's preferences, the
footer's sign-up field."""

from django import template

from .. import follows, readers
from ..forms import PreferencesForm
from ..models import Newsletter, Signup

register = template.Library()


@register.inclusion_tag("newsletters/includes/preferences.html", takes_context=True)
def newsletter_preferences(context):
    """The logged-in member's newsletters, ticked, in a form that saves them."""
    member = context["request"].user
    recipient = readers.recipient_of(member)
    ticked = (
        list(Signup.objects.filter(recipient=recipient).values_list("newsletter_id", flat=True))
        if recipient
        else []
    )
    return {
        "form": PreferencesForm(),
        "offered": list(Newsletter.objects.filter(active=True)),
        "ticked": ticked,
        "recipient": recipient,
    }


@register.inclusion_tag("newsletters/includes/follow_button.html", takes_context=True)
def follow_button(context, target):
    """ "Follow" / "Following ✓ (unfollow)" for a logged-in member (one query); for anyone
    else the same "Sign up to follow" link, so the page stays one page for every anonymous
    reader (the reader cache stores it whole)."""
    request = context["request"]
    kind = follows.kind_of(target)
    member = request.user
    return {
        "request": request,
        "kind": kind,
        "target": target,
        "member": member,
        "following": follows.is_following(member, target),
        "name": follows.name_of(target),
    }


@register.inclusion_tag("newsletters/includes/follows.html", takes_context=True)
def member_follows(context):
    """The account page's list of what the member follows, each with its unfollow button."""
    request = context["request"]
    recipient = readers.recipient_of(request.user)
    return {
        "request": request,
        "follows": [
            (f, follows.target_url(f.kind, f.target)) for f in follows.follows_of(request.user)
        ],
        "digests_stopped": recipient is not None and not recipient.follow_digests,
        "unreachable": recipient is not None and recipient.dead_at is not None,
    }
