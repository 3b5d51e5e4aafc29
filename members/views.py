"""Reader pages of the members app: the subscribe page, the reader's own account page, and
gift links (making one, opening one)."""

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.views import unlisted_response

from . import gifts
from .appeals import record_click, remember_click
from .billing import stripe_configured
from .billing.views import plan_url
from .context_processors import login_url_for
from .forms import DisplayNameForm
from .models import Appeal, Plan
from .subscriptions import bills_online, current_subscription, last_subscription
from .templatetags.reading import SESSION_GIFT_REFUSAL, SESSION_GIFTS


@never_cache
def subscribe(request):
    """The active plans, what a subscription brings, and how to subscribe today.

    With online payment on, a logged-in reader gets a button per plan (a form to
    ``members:checkout``); an anonymous visitor gets links to log in or sign up that come
    back to the chosen plan (``?plan=<id>``), and still no form and no cookie. Never
    cached: what it offers follows the plans and the reader.
    """
    plans = list(Plan.objects.filter(active=True))
    for plan in plans:
        back = plan_url(plan.pk)
        plan.login_url = login_url_for(back)
        plan.signup_url = f"{reverse('account_signup')}?next={quote(back, safe='/')}"
    chosen = request.GET.get("plan", "")
    context = {
        "plans": plans,
        "chosen_plan": int(chosen) if chosen.isascii() and chosen.isdigit() else None,
        "online_payment": stripe_configured(),
        "subscriptions_email": settings.SUBSCRIPTIONS_EMAIL,
    }
    if request.user.is_authenticated:
        context["subscription"] = current_subscription(request.user)
        context["bills_online"] = bills_online(request.user)
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
            "manages_payment": stripe_configured() and bool(request.user.stripe_customer_id),
        },
    )


@never_cache
def follow_appeal(request, pk):
    """The appeal's link: count the click, then on to the subscribe page.

    Always the subscribe page, whatever the request says; a page kept in a cache may still
    show an appeal that has just ended or been removed, so its readers are sent on too.
    """
    appeal = Appeal.objects.filter(pk=pk).first()
    click = record_click(request, appeal) if appeal is not None else None
    response = redirect("members:subscribe")
    if click is not None and click.member_id is None:
        remember_click(response, click)
    return response


@never_cache
@require_POST
def make_gift(request, slug):
    """ "Gift this piece": a new gift link for a subscriber (``members.gifts``), kept in their
    session and shown on the piece's page, where a refusal is said too."""
    if not request.user.is_authenticated:
        return redirect(login_url_for(reverse("articles:detail", args=[slug])))
    article = get_object_or_404(Article.objects.public(), slug=slug)
    try:
        path = gifts.give(request.user, article)
    except gifts.GiftRefused as refusal:
        request.session[SESSION_GIFT_REFUSAL] = {"article": article.pk, "message": str(refusal)}
    else:
        made = request.session.get(SESSION_GIFTS, {})
        made[str(article.pk)] = path
        request.session[SESSION_GIFTS] = made
    response = redirect(f"{article.get_absolute_url()}#gift")
    response.status_code = 303  # See Other: a reload shows the page, never gives again
    return response


@never_cache
def open_gift(request, token):
    """A subscriber-only piece opened from a gift link: the whole piece, for anyone, never
    cached by us or anyone between, never indexed."""
    article, _ = gifts.article_for(token)
    return unlisted_response(request, article, gift=True)
