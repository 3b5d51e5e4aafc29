"""The newsletters' blocks on other apps' pages: the account page's preferences, the
footer's sign-up field."""

from django import template

from .. import readers
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
