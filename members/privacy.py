"""Who in the newsroom may see what of a member's account.

- **E-mail addresses**: superusers, and the staff who grant and end subscriptions (Editors,
  through ``members.add_subscription``). A reader asking for a complimentary subscription,
  or for help with one, writes from their address, and it is the one thing that names the
  account for sure. Moderators see display names and comment histories, which is all that
  moderating needs, never an address: not in lists, pages, titles or search (a search by
  address would answer "is this person a member?" without showing it).
- **Password hash metadata** (algorithm, iterations, salt): superusers only.
"""


def may_see_member_emails(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("members.add_subscription"))


def may_see_password_metadata(user) -> bool:
    return user.is_active and user.is_superuser


def without_email_lookups(fields, user) -> list[str]:
    """An admin's ``search_fields`` without the ones that search addresses, unless ``user``
    may see them."""
    if may_see_member_emails(user):
        return list(fields)
    return [name for name in fields if name.split("__")[-1] != "email"]
