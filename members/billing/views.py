"""Online payment pages: to Checkout and back, to the billing portal, and Stripe's webhook."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..forms import PlanChoiceForm
from ..subscriptions import bills_online, current_subscription
from . import PaymentUnavailable
from .checkout import billing_portal_url, start_checkout
from .webhooks import InvalidEvent, process_event, verify_event

log = logging.getLogger(__name__)


def plan_url(plan_id) -> str:
    """The subscribe page with a plan chosen (where a reader comes back after logging in)."""
    subscribe = reverse("members:subscribe")
    plan_id = str(plan_id)
    return (
        f"{subscribe}?plan={plan_id}#plan-{plan_id}"
        if plan_id.isascii() and plan_id.isdigit()
        else subscribe
    )


@never_cache
@require_POST
def checkout(request):
    """The reader chose a plan: on to a Stripe Checkout session (303), or back with why not."""
    chosen = request.POST.get("plan", "")
    if not request.user.is_authenticated:
        return redirect_to_login(plan_url(chosen))
    form = PlanChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That plan cannot be bought online. Choose one below.")
        return redirect("members:subscribe")
    plan = form.cleaned_data["plan"]
    if bills_online(request.user):
        messages.info(
            request,
            "You already subscribe online. Change your plan from your account, "
            "under “Manage payment”.",
        )
        return redirect("members:account")
    try:
        url = start_checkout(
            request.user,
            plan,
            success_url=request.build_absolute_uri(reverse("members:checkout-success"))
            + "?session_id={CHECKOUT_SESSION_ID}",
            cancel_url=request.build_absolute_uri(reverse("members:checkout-cancelled")),
        )
    except PaymentUnavailable as problem:
        messages.error(request, str(problem))
        # No fragment: the message at the top of the page must be seen.
        return redirect(f"{reverse('members:subscribe')}?plan={plan.pk}")
    return HttpResponseRedirect(url, status=303)


@never_cache
def checkout_success(request):
    """Back from Checkout. The webhook, not this page, records the subscription."""
    subscription = current_subscription(request.user)
    return render(request, "members/checkout_success.html", {"subscription": subscription})


@never_cache
def checkout_cancelled(request):
    return render(
        request,
        "members/checkout_cancelled.html",
        {"subscriptions_email": settings.SUBSCRIPTIONS_EMAIL},
    )


@never_cache
@require_POST
def billing_portal(request):
    """To Stripe's billing portal: change plan, update the card, cancel."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("members:account"))
    try:
        url = billing_portal_url(
            request.user, return_url=request.build_absolute_uri(reverse("members:account"))
        )
    except PaymentUnavailable as problem:
        messages.error(request, str(problem))
        return redirect("members:account")
    return HttpResponseRedirect(url, status=303)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's events: 400 unless genuinely signed; otherwise 200, applied at most once."""
    try:
        event = verify_event(request.body, request.headers.get("Stripe-Signature"))
    except InvalidEvent as problem:
        log.warning("Refused a Stripe webhook request: %s", problem)
        return HttpResponseBadRequest("Invalid Stripe event.", content_type="text/plain")
    try:
        outcome = process_event(event)
    except IntegrityError:
        # Nothing was applied (the event is not marked processed): Stripe sends it again.
        log.exception("Could not apply Stripe event %s (%s)", event["id"], event["type"])
        response = HttpResponse("Not applied; send it again later.", status=503)
        response["Retry-After"] = "60"
        return response
    log.info("Stripe %s %s: %s", event["type"], event["id"], outcome)
    return JsonResponse({"received": True, "outcome": outcome})
