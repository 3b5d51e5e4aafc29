"""How django-allauth speaks for The Meridian Review."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from web.ratelimit import client_address

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

    def format_email_subject(self, subject: str) -> str:
        return f"{settings.SITE_NAME}: {subject}"
