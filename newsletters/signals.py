"""What the newsletters app listens to: accounts confirming, logging in or changing their
address (the recipient with that address is theirs), and editors changing the newsletters
(the sign-up page, stored for anonymous readers, is refreshed)."""

from allauth.account.signals import email_changed, email_confirmed
from django.contrib.auth.signals import user_logged_in

from web import reader_cache

from . import readers
from .models import Newsletter


def _confirmed(sender, request=None, email_address=None, **kwargs):
    readers.link_member(email_address.user, email_address.email)


def _logged_in(sender, request=None, user=None, **kwargs):
    readers.link_member(user)


def _changed(sender, request=None, user=None, **kwargs):
    readers.follow_address_change(user)


def connect():
    email_confirmed.connect(_confirmed, dispatch_uid="newsletters.confirmed")
    user_logged_in.connect(_logged_in, dispatch_uid="newsletters.logged_in")
    email_changed.connect(_changed, dispatch_uid="newsletters.changed")
    reader_cache.stale_when_changed(Newsletter, lambda newsletter: (reader_cache.LISTS,))
