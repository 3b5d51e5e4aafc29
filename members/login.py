"""The log-in forms: readers' (django-allauth's page) and the newsroom's (``/admin/login/``).

Both count against the same limits, django-allauth's ``ACCOUNT_RATE_LIMITS``: "login" for
every attempt from an address, "login_failed" for failures per address and per account from
an address (``members.adapter``), so a password guessed at one form is not guessed afresh at
the other. While an attempt is limited the right password is refused too. A reader's refused
attempt keeps the form and what was typed, answered 429 with ``Retry-After``; the newsroom's
is answered with our 429 page.
"""

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.views import LoginView as AllauthLoginView
from allauth.core import ratelimit as allauth_ratelimit
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.forms.forms import NON_FIELD_ERRORS

from web.ratelimit import Refusal, parse_allauth_period, too_many_requests

LOCKED = "too_many_login_attempts"
LOCKED_MESSAGE = "There have been too many failed log-in attempts for this account."


def locked_for() -> int:
    """Seconds an account stays locked after too many failed attempts (its "key" period)."""
    return parse_allauth_period(settings.ACCOUNT_RATE_LIMITS["login_failed"], "key")


class LoginView(AllauthLoginView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, LOCKED):
            response = Refusal(locked_for(), "").mark(response)
        return response


login = LoginView.as_view()


class NewsroomLoginForm(AdminAuthenticationForm):
    """The admin's log-in form, authenticating through django-allauth's adapter so that
    failed attempts are counted (and refused while locked) as on the readers' form."""

    def clean(self):
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            adapter = get_account_adapter(self.request)
            # Raises the "too_many_login_attempts" error while the attempt is limited.
            self.user_cache = adapter.authenticate(self.request, email=email, password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


def newsroom_login(request):
    """``/admin/login/``: the admin's own page, under the readers' limits."""
    limited = allauth_ratelimit.consume_or_429(request, action="login")
    if limited is not None:
        return limited
    response = admin.site.login(request)
    form = (getattr(response, "context_data", None) or {}).get("form")
    if form is not None and form.has_error(NON_FIELD_ERRORS, LOCKED):
        return too_many_requests(request, Refusal(locked_for(), LOCKED_MESSAGE))
    return response
