"""Reader pages of the newsletters: the list with its sign-up form, the confirmation link,
a member's preferences, unsubscribing (a page, and RFC 8058's one-click POST), and the mail
provider's bounce and complaint webhook.

The sign-up form is CSRF-exempt on purpose: it is drawn on pages stored whole for anonymous
readers (no per-reader token), and a forged sign-up achieves nothing, since only the
address's owner can confirm it. It is rate-limited per client instead.
"""

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from web import ratelimit

from . import digests, follows, readers
from .forms import PreferencesForm, SignupForm
from .models import Newsletter

log = logging.getLogger(__name__)


def newsletters(request):
    """Every newsletter on offer, with the sign-up form (the address may come from the
    footer's form, as ``?email=``)."""
    form = SignupForm(initial={"email": request.GET.get("email", "")[:254]})
    return _newsletters_page(request, form)


def _newsletters_page(request, form, status=200):
    context = {
        "form": form,
        "offered": list(Newsletter.objects.filter(active=True)),
        "ticked": _ticked(form.data.getlist("newsletters") if form.is_bound else []),
    }
    return render(request, "newsletters/newsletters.html", context, status=status)


def _ticked(values) -> list[int]:
    return [int(v) for v in values if v.isascii() and v.isdigit()]


@csrf_exempt
@require_POST
@ratelimit.limit("newsletter_signup")
def signup(request):
    """Mail a confirmation link; a refused form comes back with what was typed."""
    form = SignupForm(request.POST)
    if not form.is_valid():
        return _newsletters_page(request, form, status=400)
    readers.send_confirmation(form.cleaned_data["email"], list(form.cleaned_data["newsletters"]))
    return redirect(reverse("newsletters:signup-sent"))


@never_cache
def signup_sent(request):
    return render(
        request, "newsletters/signup_sent.html", {"days": settings.NEWSLETTER_CONFIRM_DAYS}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link in the confirmation mail: a page with a button (a mail scanner following
    links signs no one up); pressing it confirms."""
    pending = readers.read_confirmation(token)
    if pending is None:
        return render(request, "newsletters/confirm_invalid.html", status=400)
    if request.method == "POST":
        readers.confirm(pending)
        return render(request, "newsletters/confirmed.html", {"pending": pending})
    return render(request, "newsletters/confirm.html", {"pending": pending})


@never_cache
@require_POST
@login_required
def preferences(request):
    """The account page's newsletter choices, saved."""
    form = PreferencesForm(request.POST)
    if form.is_valid():
        readers.set_preferences(request.user, form.cleaned_data["newsletters"])
        messages.success(request, "Your newsletter choices are saved.")
    else:
        messages.error(request, "Those newsletters could not be saved: choose from the list.")
    return redirect(reverse("members:account") + "#newsletters-heading")


ONE_CLICK = "List-Unsubscribe=One-Click"


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The unsubscribe link of every issue, no log-in needed: the token is the proof.

    GET shows what the link does and a button; POST unsubscribes. A POST carrying
    ``List-Unsubscribe=One-Click`` is a mail client's one-click unsubscribe (RFC 8058): it
    gets a short plain answer and no page."""
    found = readers.read_unsubscribe(token)
    if found is None:
        raise Http404("This unsubscribe link is not valid.")
    if request.method == "POST":
        readers.unsubscribe(found)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(
                f"Unsubscribed from {found.newsletter.name}.", content_type="text/plain"
            )
        return render(request, "newsletters/unsubscribed.html", {"found": found})
    return render(request, "newsletters/unsubscribe.html", {"found": found})


@never_cache
@require_POST
@login_required
def follow(request, kind, slug):
    """The "Follow" / "Unfollow" button of an actor, author, section or tag page (and of
    the account page's list): ``action=follow`` or ``unfollow``, then 303 back to the page
    it was pressed on (``next``, when it is one of ours) or to the thing's page."""
    target = follows.find_target(kind, slug)
    # The button's new state is the answer: no message waits in the session for a page
    # that shows it later.
    if request.POST.get("action") == "unfollow":
        follows.unfollow(request.user, target)
    else:
        follows.follow(request.user, target)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = follows.target_url(kind, target)
    response = redirect(back)
    response.status_code = 303  # See Other: a reload shows the page, never presses again
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token):
    """The "stop these e-mails" link of every follow digest: no log-in, the token is the
    proof. GET shows a button, POST stops the digest; RFC 8058's one-click POST gets a
    short plain answer."""
    recipient = digests.read_unsubscribe(token)
    if recipient is None:
        raise Http404("This unsubscribe link is not valid.")
    context = {"masked_email": readers.masked(recipient.email), "recipient": recipient}
    if request.method == "POST":
        digests.stop(recipient)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse("Follow digests stopped.", content_type="text/plain")
        return render(request, "newsletters/digest_unsubscribed.html", context)
    return render(request, "newsletters/digest_unsubscribe.html", context)


@csrf_exempt
@require_POST
def bounces(request):
    """The mail provider's report of a bounce or complaint: JSON ``{"email": …, "type":
    "bounce"|"complaint", "reason": …}`` (or a list of them), signed with
    ``NEWSLETTER_WEBHOOK_SECRET`` as ``X-Newsroom-Signature: sha256=<hex HMAC of the body>``.
    Off (404) while the secret is unset."""
    secret = settings.NEWSLETTER_WEBHOOK_SECRET
    if not secret:
        raise Http404("Bounce reports are not taken.")
    expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Newsroom-Signature", "")):
        log.warning("Refused a bounce report: bad signature")
        return HttpResponseBadRequest("Bad signature.", content_type="text/plain")
    try:
        reports = json.loads(request.body)
        reports = reports if isinstance(reports, list) else [reports]
        entries = [
            (str(r["email"]), f"{r.get('type', 'bounce')}: {r.get('reason', '')}") for r in reports
        ]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("Expected JSON with an email.", content_type="text/plain")
    marked = sum(readers.mark_dead(email, reason.rstrip(": ")) for email, reason in entries)
    return HttpResponse(f"{marked} recorded.", content_type="text/plain")
