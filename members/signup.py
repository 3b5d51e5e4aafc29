"""The sign-up form: django-allauth's, answering an address already registered exactly as a
new one, in time as well as in words.

With ``ACCOUNT_PREVENT_ENUMERATION`` (allauth's default) and mandatory confirmation, both
paths end on the same "confirm your address" page and both send one e-mail: a confirmation
to a new address, an "you already have an account" note to a registered one. What told them
apart was the clock: a new account hashes its password, by design the slowest step of the
request, while the registered path skipped it. It now hashes the typed password too (and
throws the hash away), so both cost the same.
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            # The work a new account's set_password() does, so the answer takes as long.
            make_password(self.cleaned_data.get("password1") or None)
        return super().try_save(request)
