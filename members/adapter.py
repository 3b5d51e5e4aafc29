"""How django-allauth speaks for The Meridian Review, and how failed log-ins are counted.

Failed log-ins (``ACCOUNT_RATE_LIMITS["login_failed"]``) are counted per client address
("ip": against spraying many accounts from one place) and per account *from* an address
("key": the e-mail address typed, case and spaces aside, with the client's address). An
account is therefore never locked for everyone: a stranger hammering a reader's address
locks only their own attempts, and the reader still logs in from home. Every log-in form
counts here, the newsroom's included (``members.login``).
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from web.ratelimit import client_address, counted_address

# After logging in or out the reader lands on a reading page, which shows no messages
# (it may be cached whole): a queued "signed in" note would only wait for a later page.
QUIET_MESSAGES = {"account/messages/logged_in.txt", "account/messages/logged_out.txt"}


class AccountAdapter(DefaultAccountAdapter):
    def add_message(self, request, level, message_template=None, *args, **kwargs):
        if message_template in QUIET_MESSAGES:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def get_client_ip(self, request) -> str:
        # One rule for the client's address across the site (trusted proxies included).
        return client_address(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth's "key" for failed log-ins: the account typed, from this address.
        login = credentials.get("email", credentials.get("username", "")) or ""
        return f"{login.strip().lower()}:from:{counted_address(request)}"

    def format_email_subject(self, subject: str) -> str:
        return f"{settings.SITE_NAME}: {subject}"
