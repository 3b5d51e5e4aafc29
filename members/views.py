"""Reader pages of the members app: the subscribe page and the reader's own account page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from .forms import DisplayNameForm
from .models import Plan
from .subscriptions import current_subscription, last_subscription


def subscribe(request):
    """The active plans, what a subscription brings, and how to subscribe today.

    Anonymous visitors get the same page, with no form and no cookie, so it may be cached.
    """
    context = {
        "plans": Plan.objects.filter(active=True),
        "subscriptions_email": settings.SUBSCRIPTIONS_EMAIL,
    }
    if request.user.is_authenticated:
        context["subscription"] = current_subscription(request.user)
        if context["subscription"] is None:
            context["previous_subscription"] = last_subscription(request.user)
    return render(request, "members/subscribe.html", context)


@never_cache
@login_required
def account(request):
    """Display name (editable), e-mail address and subscription of the logged-in reader."""
    form = DisplayNameForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your display name is saved.")
        return redirect("members:account")
    subscription = current_subscription(request.user)
    return render(
        request,
        "members/account.html",
        {
            "form": form,
            "subscription": subscription,
            "previous_subscription": None if subscription else last_subscription(request.user),
            "subscriptions_email": settings.SUBSCRIPTIONS_EMAIL,
        },
    )
