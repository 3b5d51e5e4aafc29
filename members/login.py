"""The log-in page: django-allauth's, with an account locked by failed attempts answered
as a rate limit (429 and Retry-After), the form and what was typed kept."""

from allauth.account.views import LoginView as AllauthLoginView
from django.conf import settings
from django.forms.forms import NON_FIELD_ERRORS

from web.ratelimit import Refusal, parse_allauth_period

LOCKED = "too_many_login_attempts"


class LoginView(AllauthLoginView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, LOCKED):
            wait = parse_allauth_period(settings.ACCOUNT_RATE_LIMITS["login_failed"], "key")
            response = Refusal(wait, "").mark(response)
        return response


login = LoginView.as_view()
