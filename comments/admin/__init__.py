"""The moderation desk: the queue (reported first, then pending), every comment, commenters'
suspensions and bans, held words and phrases, and the audit trail of every action.

Moderators and editors hold the comments permissions (granted by this app's migrations).
Comments are never edited here, only moderated; each decision goes through
``comments.moderation`` so it is recorded.

- ``comments``: the comment pages, every comment and the moderation queue;
- ``decisions``: the bulk decisions on selected comments, each asking for a reason first;
- ``commenters``: suspensions and bans;
- ``phrases``: the held words and phrases;
- ``audit_trail``: the moderation log, read-only.
"""

from . import audit_trail, commenters, comments, phrases  # noqa: F401 (each registers its admin)
