"""Who sees what: every URL pattern of the project × every role (issue 9, DESIGN §6–7).

The patterns are read from Django's resolver, so a new address fails
``test_every_url_pattern_is_classified`` until it is given a row here. Each row lists the
requests made for that pattern (``Cell``) and, per role, the status expected. Every answer,
whatever its status, is also searched for the secrets of ``tests/access_world.py``: a role
may only ever be shown those in ``MAY_SEE`` (e-mail addresses: only the member's own, unless
the role looks members up in the newsroom). Some cells name what a role must see there
(``shows``), so the matrix also fails when access is tightened by mistake.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group

from tests.access_world import (
    COMMENTER_EMAIL,
    DELETED_TEXT,
    HIDDEN_COMMENT,
    MEMBERS_REST,
    OTHER_DRAFT_TEXT,
    OWN_DRAFT_TEXT,
    PENDING_COMMENT,
    SCHEDULED_TEXT,
    SUBSCRIBERS_REST,
    VISIBLE_COMMENT,
    world_for_a_module,
)
from tests.roles import ROLES
from tests.routes import url_patterns

pytestmark = pytest.mark.django_db

SECRETS = {
    "other draft": OTHER_DRAFT_TEXT,
    "own draft": OWN_DRAFT_TEXT,
    "scheduled": SCHEDULED_TEXT,
    "deleted": DELETED_TEXT,
    "visible comment": VISIBLE_COMMENT,
    "hidden comment": HIDDEN_COMMENT,
    "pending comment": PENDING_COMMENT,
    # The rest of gated pieces, after their opening (members.access).
    "members rest": MEMBERS_REST,
    "subscribers rest": SUBSCRIBERS_REST,
}
EVERY_EMAIL = "every e-mail"  # in MAY_SEE: the role may see other members' addresses

# What each role may be shown anywhere on the site or in the newsroom.
MAY_SEE = {
    "anonymous": set(),
    # Free members (lapsed subscribers too) read members' pieces on their monthly allowance.
    "reader": {"members rest"},
    "lapsed": {"members rest"},
    "subscriber": {"visible comment", "members rest", "subscribers rest"},
    "suspended": {"visible comment", "members rest", "subscribers rest"},
    # Moderators read every comment and look members up by display name; they never see
    # unpublished pieces or a member's address (members.privacy). Without a subscription,
    # they read members' pieces as free members do.
    "moderator": {"visible comment", "hidden comment", "pending comment", "members rest"},
    # Editors grant subscriptions, asked for by readers writing from their address.
    "editor": set(SECRETS) | {EVERY_EMAIL},
    # A writer sees their own drafts, nothing else unpublished, and no member's address;
    # the newsroom reads every published piece whole.
    "writer": {"own draft", "members rest", "subscribers rest"},
}
# Who reads each gated piece whole on its page.
READERS_OF = {
    "members rest": {
        "reader",
        "lapsed",
        "subscriber",
        "suspended",
        "moderator",
        "editor",
        "writer",
    },
    "subscribers rest": {"subscriber", "suspended", "editor", "writer"},
}


@dataclass
class Cell:
    """One request, and for each role the status it must answer."""

    url: str  # formatted with the world's ids: {article}, {other_draft.pk}, …
    expect: dict[str, int]
    shows: dict[str, set[str]] = field(default_factory=dict)
    method: str = "get"
    data: dict | None = None


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def logged_in(status: int, anonymous: int = 302) -> dict[str, int]:
    """A page for members: anonymous visitors are sent to log in."""
    return {**everyone(status), "anonymous": anonymous}


def guests(status: int = 200, members: int = 302) -> dict[str, int]:
    """A page for visitors who are not logged in (log in, sign up): members are sent on."""
    return {**everyone(members), "anonymous": status}


def newsroom(moderator: int, editor: int, writer: int) -> dict[str, int]:
    """A page of the newsroom admin: whoever is not staff is sent to the admin's log-in."""
    return {**everyone(302), "moderator": moderator, "editor": editor, "writer": writer}


def staff(status: int) -> dict[str, int]:
    return newsroom(status, status, status)


PUBLIC = everyone(200)
NOT_FOUND = everyone(404)
NO_GET = everyone(405)  # POST endpoints
READERS_OF_COMMENTS = {"subscriber", "suspended", "moderator", "editor"}


def admin_model(
    path: str,
    obj: str,
    *,
    changelist: tuple[int, int, int],
    add: tuple[int, int, int],
    history: tuple[int, int, int],
    delete: tuple[int, int, int],
    change: tuple[int, int, int],
    shows: dict[str, set[str]] | None = None,
) -> dict[str, list[Cell]]:
    """The six addresses of one model in the admin; statuses for (moderator, editor, writer).

    ``shows`` applies to the change page. The bare object address only redirects.
    """
    base = f"admin/{path}/"
    url = f"/admin/{path}/{{{obj}}}"
    return {
        base: [Cell(f"/admin/{path}/", newsroom(*changelist))],
        f"{base}add/": [Cell(f"/admin/{path}/add/", newsroom(*add))],
        f"{base}<path:object_id>/history/": [Cell(f"{url}/history/", newsroom(*history))],
        f"{base}<path:object_id>/delete/": [Cell(f"{url}/delete/", newsroom(*delete))],
        f"{base}<path:object_id>/change/": [
            Cell(f"{url}/change/", newsroom(*change), shows=shows or {})
        ],
        f"{base}<path:object_id>/": [Cell(f"{url}/", everyone(302))],
    }


NONE = (403, 403, 403)  # (moderator, editor, writer)
EDITORS = (403, 200, 403)
MODERATION = (200, 200, 403)
CONTENT_LOOKUP = (403, 200, 200)  # editors change; writers look up (view permission)

MATRIX: dict[str, list[Cell]] = {
    # --- Public pages, feeds, crawlers --------------------------------------------------
    "": [Cell("/", PUBLIC)],
    "articles/<slug:slug>/": [
        Cell(
            "/articles/{article.slug}/",
            PUBLIC,
            shows=dict.fromkeys(READERS_OF_COMMENTS, {"visible comment"}),
        ),
        Cell("/articles/{article.slug}/?page=2", PUBLIC),
        # Gated pieces: the rest only for those with access (members.access).
        Cell(
            "/articles/{members_piece.slug}/",
            PUBLIC,
            shows={role: {"members rest"} for role in READERS_OF["members rest"]},
        ),
        Cell(
            "/articles/{subscribers_piece.slug}/",
            PUBLIC,
            shows={role: {"subscribers rest"} for role in READERS_OF["subscribers rest"]},
        ),
        Cell("/articles/{other_draft.slug}/", NOT_FOUND),
        Cell("/articles/{own_draft.slug}/", NOT_FOUND),
        Cell("/articles/{scheduled.slug}/", NOT_FOUND),
    ],
    "sections/<slug:slug>/": [Cell("/sections/{section.slug}/", PUBLIC)],
    "tags/<slug:slug>/": [Cell("/tags/{tag.slug}/", PUBLIC)],
    "authors/<slug:slug>/": [Cell("/authors/{author.slug}/", PUBLIC)],
    "pages/<slug:slug>/": [
        Cell("/pages/{page.slug}/", PUBLIC),
        Cell("/pages/{unpublished_page.slug}/", NOT_FOUND),
    ],
    # A shareable preview link opens only when signed by the newsroom (articles.previews).
    "preview/<str:token>/": [
        Cell("/preview/not-a-signed-link/", NOT_FOUND),
        Cell("/preview/{other_draft.pk}/", NOT_FOUND),
    ],
    "search/": [
        Cell("/search/?q=corridor", PUBLIC),
        Cell("/search/?q=tender", PUBLIC),
        Cell("/search/?q=reckoning+ledger", PUBLIC),
        Cell("/search/?q=Danube+summit", PUBLIC),
        Cell("/search/?q=Vilnius+communique", PUBLIC),
        Cell("/search/?q=grain+exports", PUBLIC),
        Cell("/search/?q=remark", PUBLIC),
    ],
    "actors/": [Cell("/actors/", PUBLIC)],
    "actors/graph/": [Cell("/actors/graph/", PUBLIC)],
    "actors/<slug:slug>/": [Cell("/actors/{actor.slug}/", PUBLIC)],
    "sources/": [Cell("/sources/", PUBLIC)],
    "sources/<slug:slug>/": [Cell("/sources/{source.slug}/", PUBLIC)],
    "feeds/latest/": [Cell("/feeds/latest/", PUBLIC)],
    "feeds/sections/<slug:slug>/": [Cell("/feeds/sections/{section.slug}/", PUBLIC)],
    "feeds/actors/<slug:slug>/": [Cell("/feeds/actors/{actor.slug}/", PUBLIC)],
    "feeds/tags/<slug:slug>/": [Cell("/feeds/tags/{tag.slug}/", PUBLIC)],
    "feeds/authors/<slug:slug>/": [Cell("/feeds/authors/{author.slug}/", PUBLIC)],
    "sitemap.xml": [Cell("/sitemap.xml", PUBLIC)],
    "sitemap-<section>.xml": [
        Cell(f"/sitemap-{name}.xml", PUBLIC)
        for name in ["articles", "sections", "actors", "sources", "tags", "authors"]
    ],
    "news-sitemap.xml": [Cell("/news-sitemap.xml", PUBLIC)],
    "robots.txt": [Cell("/robots.txt", PUBLIC)],
    "healthz": [Cell("/healthz", PUBLIC)],
    "favicon.ico": [Cell("/favicon.ico", everyone(301))],
    "^media/(?P<path>.*)$": [Cell("/media/no-such-file.jpg", NOT_FOUND)],
    # --- Subscribing and the reader's account ----------------------------------------------
    "subscribe/": [Cell("/subscribe/", PUBLIC)],
    "subscribe/checkout/": [
        Cell("/subscribe/checkout/", NO_GET),
        # No plan chosen: to log in first, or back to the plans; never to a payment page.
        Cell("/subscribe/checkout/", everyone(302), method="post", data={}),
    ],
    "subscribe/thanks/": [Cell("/subscribe/thanks/", PUBLIC)],
    "subscribe/cancelled/": [Cell("/subscribe/cancelled/", PUBLIC)],
    # The appeal's counted link always ends on /subscribe/; a sponsor's on its own site.
    "appeals/<int:pk>/follow/": [
        Cell("/appeals/{appeal.pk}/follow/", everyone(302)),
        Cell("/appeals/999999/follow/", everyone(302)),
    ],
    "sponsors/click/<int:pk>/": [
        Cell("/sponsors/click/{placement.pk}/", everyone(302)),
        Cell("/sponsors/click/999999/", NOT_FOUND),
    ],
    r"sponsors/^seen/(?P<ids>[0-9]{1,12}(?:-[0-9]{1,12}){0,9})\.gif$": [
        Cell("/sponsors/seen/{placement.pk}.gif", PUBLIC),
        Cell("/sponsors/seen/not-a-number.gif", NOT_FOUND),
    ],
    "accounts/profile/billing/": [
        Cell("/accounts/profile/billing/", NO_GET),
        # Nobody here pays online: the portal sends them back to their account (or to log in).
        Cell("/accounts/profile/billing/", everyone(302), method="post", data={}),
    ],
    "members/stripe/webhook/": [
        Cell("/members/stripe/webhook/", NO_GET),
        # Unsigned: refused, whoever sends it.
        Cell(
            "/members/stripe/webhook/",
            everyone(400),
            method="post",
            data={"type": "customer.subscription.deleted"},
        ),
    ],
    "accounts/profile/": [Cell("/accounts/profile/", logged_in(200))],
    # --- Newsletters: sign-up by address, no log-in needed but for the preferences ----------
    "newsletters/": [Cell("/newsletters/", PUBLIC)],
    "newsletters/signup/": [
        Cell("/newsletters/signup/", NO_GET),
        Cell("/newsletters/signup/", everyone(400), method="post", data={"email": "x"}),
    ],
    "newsletters/signup/sent/": [Cell("/newsletters/signup/sent/", PUBLIC)],
    "newsletters/confirm/<str:token>/": [
        Cell("/newsletters/confirm/{confirm_token}/", PUBLIC),
        Cell("/newsletters/confirm/not-a-token/", everyone(400)),
    ],
    "newsletters/preferences/": [
        Cell("/newsletters/preferences/", NO_GET),
        Cell("/newsletters/preferences/", logged_in(302), method="post", data={}),
    ],
    # The link's holder sees the newsletter and a masked address, never the address.
    "newsletters/unsubscribe/<str:token>/": [
        Cell("/newsletters/unsubscribe/{unsubscribe_token}/", PUBLIC),
        Cell("/newsletters/unsubscribe/1-1:forged/", NOT_FOUND),
    ],
    # The follow button of actor, author, section and tag pages: a member's POST answers
    # 303 back to the page; anonymous readers are sent to log in.
    "newsletters/follow/<str:kind>/<slug:slug>/": [
        Cell("/newsletters/follow/actor/{actor.slug}/", NO_GET),
        Cell(
            "/newsletters/follow/actor/{actor.slug}/",
            logged_in(303),
            method="post",
            data={"action": "follow"},
        ),
        Cell(
            "/newsletters/follow/section/{section.slug}/",
            logged_in(303),
            method="post",
            data={"action": "unfollow"},
        ),
        Cell("/newsletters/follow/planet/earth/", logged_in(404), method="post", data={}),
    ],
    # The follow digest's "stop these e-mails" link: no log-in, a masked address only.
    "newsletters/follows/unsubscribe/<str:token>/": [
        Cell("/newsletters/follows/unsubscribe/{digest_token}/", PUBLIC),
        Cell("/newsletters/follows/unsubscribe/1:forged/", NOT_FOUND),
    ],
    # Off while NEWSLETTER_WEBHOOK_SECRET is unset.
    "newsletters/bounces/": [
        Cell("/newsletters/bounces/", NO_GET),
        Cell("/newsletters/bounces/", NOT_FOUND, method="post", data={}),
    ],
    # Gift links (members.gifts): made by a POST from the piece's page, opened when signed.
    "gifts/<slug:slug>/": [
        Cell("/gifts/{subscribers_piece.slug}/", NO_GET),
        # A link for subscribers, a refusal for the others: back to the piece either way.
        Cell("/gifts/{subscribers_piece.slug}/", logged_in(303), method="post", data={}),
    ],
    "gift/<str:token>/": [
        Cell("/gift/not-a-signed-link/", NOT_FOUND),
        Cell("/gift/{subscribers_piece.pk}/", NOT_FOUND),
    ],
    "accounts/login/": [Cell("/accounts/login/", guests())],
    "accounts/logout/": [Cell("/accounts/logout/", logged_in(200))],
    "accounts/inactive/": [Cell("/accounts/inactive/", PUBLIC)],
    "accounts/signup/": [Cell("/accounts/signup/", guests())],
    "accounts/reauthenticate/": [Cell("/accounts/reauthenticate/", logged_in(200))],
    "accounts/email/": [Cell("/accounts/email/", logged_in(200))],
    "accounts/confirm-email/": [Cell("/accounts/confirm-email/", PUBLIC)],
    "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": [
        Cell("/accounts/confirm-email/not-a-key/", PUBLIC)
    ],
    "accounts/password/change/": [Cell("/accounts/password/change/", logged_in(200))],
    # Every role here has a password, so "set" sends them to "change".
    "accounts/password/set/": [Cell("/accounts/password/set/", everyone(302))],
    "accounts/password/reset/": [Cell("/accounts/password/reset/", PUBLIC)],
    "accounts/password/reset/done/": [Cell("/accounts/password/reset/done/", PUBLIC)],
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": [
        Cell("/accounts/password/reset/key/1-not-a-token/", PUBLIC)
    ],
    "accounts/password/reset/key/done/": [Cell("/accounts/password/reset/key/done/", PUBLIC)],
    # Log-in by code is not switched on: the page sends everyone away.
    "accounts/login/code/confirm/": [Cell("/accounts/login/code/confirm/", everyone(302))],
    # --- The comment endpoints (DESIGN §7; posting is covered role by role in
    # tests/comments/test_access_matrix.py) ----------------------------------------------
    "comments/articles/<slug:slug>/": [
        Cell("/comments/articles/{article.slug}/", NO_GET),
        Cell(
            "/comments/articles/{other_draft.slug}/",
            logged_in(404, anonymous=404),
            method="post",
            data={"body": "A remark on a draft."},
        ),
    ],
    "comments/<int:pk>/edit/": [
        Cell("/comments/{hidden.pk}/edit/", NO_GET),
        Cell(
            "/comments/{hidden.pk}/edit/",
            logged_in(404),
            method="post",
            data={"body": "Taken over."},
        ),
    ],
    "comments/<int:pk>/delete/": [
        Cell("/comments/{visible.pk}/delete/", NO_GET),
        Cell("/comments/{visible.pk}/delete/", logged_in(404), method="post"),
    ],
    "comments/<int:pk>/report/": [
        Cell("/comments/{visible.pk}/report/", NO_GET),
        Cell(
            "/comments/{pending.pk}/report/",
            logged_in(404),
            method="post",
            data={"reason": "spam"},
        ),
    ],
    # --- The newsroom: the admin's own pages --------------------------------------------------
    "admin/": [Cell("/admin/", staff(200))],
    # Members who are not staff are told they may not enter, on the log-in form.
    "admin/login/": [
        Cell("/admin/login/", {**everyone(200), "moderator": 302, "editor": 302, "writer": 302})
    ],
    "admin/logout/": [Cell("/admin/logout/", staff(405))],  # log-out is a POST
    "admin/password_change/": [Cell("/admin/password_change/", staff(200))],
    "admin/password_change/done/": [Cell("/admin/password_change/done/", staff(200))],
    # Autocomplete answers only for a field the user may fill in (here: a writer's byline).
    "admin/autocomplete/": [
        Cell(
            "/admin/autocomplete/?app_label=articles&model_name=articleauthor"
            "&field_name=author&term=Wanda",
            newsroom(403, 200, 200),
        ),
        Cell(
            "/admin/autocomplete/?app_label=members&model_name=subscription"
            "&field_name=member&term=test",
            newsroom(200, 200, 403),
        ),
    ],
    "admin/jsi18n/": [Cell("/admin/jsi18n/", staff(200))],
    "admin/r/<path:content_type_id>/<path:object_id>/": [
        # A draft's "view on site" leads those who may preview it to the preview; for
        # anyone else the piece's address is not found (its slug is not given away).
        Cell("/admin/r/{article_type}/{other_draft.pk}/", newsroom(404, 302, 404)),
        Cell("/admin/r/{article_type}/{article.pk}/", staff(302)),
    ],
    "admin/^(?P<app_label>…)/$": [
        Cell("/admin/articles/", newsroom(404, 200, 200)),
        Cell("/admin/comments/", newsroom(200, 200, 404)),
        Cell("/admin/members/", newsroom(404, 200, 404)),  # moderators only look members up
        Cell("/admin/auth/", newsroom(404, 404, 404)),
    ],
    "admin/(?P<url>.*)$": [Cell("/admin/no-such-page/", staff(404))],
    # The article desk: writers see their own drafts only (articles.workflow).
    **admin_model(
        "articles/article",
        "other_draft.pk",
        changelist=CONTENT_LOOKUP,
        add=CONTENT_LOOKUP,
        history=(403, 200, 302),
        delete=EDITORS,
        change=(403, 200, 302),  # to a writer, another's draft does not exist
        shows={"editor": {"other draft"}},
    ),
    "admin/articles/article/<path:object_id>/preview/": [
        Cell(
            "/admin/articles/article/{other_draft.pk}/preview/",
            newsroom(403, 200, 403),
            shows={"editor": {"other draft"}},
        ),
        Cell(
            "/admin/articles/article/{own_draft.pk}/preview/",
            newsroom(403, 200, 200),
            shows={"editor": {"own draft"}, "writer": {"own draft"}},
        ),
        Cell("/admin/articles/article/{scheduled.pk}/preview/", newsroom(403, 200, 403)),
        # On a phone: the frame and what it shows, for the same people.
        Cell(
            "/admin/articles/article/{other_draft.pk}/preview/?frame=phone", newsroom(403, 200, 403)
        ),
        Cell(
            "/admin/articles/article/{own_draft.pk}/preview/?frame=inside",
            newsroom(403, 200, 200),
            shows={"editor": {"own draft"}, "writer": {"own draft"}},
        ),
    ],
    # Comparing two revisions: for those who may see the piece's history.
    "admin/articles/article/<path:object_id>/history/compare/": [
        Cell(
            "/admin/articles/article/{other_draft.pk}/history/compare/",
            newsroom(403, 302, 404),
        ),
        Cell(
            "/admin/articles/article/{other_draft.pk}/history/compare/"
            "?from={other_draft_version.pk}&to={other_draft_version.pk}",
            newsroom(403, 302, 404),
        ),
    ],
    # Withdrawing a piece from review is a POST, and only of a piece in review.
    "admin/articles/article/<path:object_id>/withdraw/": [
        Cell("/admin/articles/article/{own_draft.pk}/withdraw/", staff(405)),
        Cell(
            "/admin/articles/article/{other_draft.pk}/withdraw/",
            newsroom(403, 403, 404),
            method="post",
        ),
    ],
    # Sending a piece back to its writer, with a note: editors only.
    "admin/articles/article/<path:object_id>/send-back/": [
        Cell("/admin/articles/article/{other_draft.pk}/send-back/", newsroom(403, 200, 403)),
        Cell(
            "/admin/articles/article/{other_draft.pk}/send-back/",
            newsroom(403, 200, 403),
            method="post",
            data={"note": ""},
        ),
    ],
    # Autosave and presence: the change form's script posts; only who may edit the piece.
    **{
        f"admin/articles/article/<path:object_id>/{name}/": [
            Cell(f"/admin/articles/article/{{own_draft.pk}}/{name}/", staff(405)),
            Cell(
                f"/admin/articles/article/{{other_draft.pk}}/{name}/",
                newsroom(404, editor, 404),
                method="post",
                data={"headline": "Typed"},
            ),
            Cell(
                f"/admin/articles/article/{{own_draft.pk}}/{name}/",
                newsroom(404, editor, editor),
                method="post",
                data={"headline": "Typed"},
            ),
        ]
        for name, editor in [("autosave", 204), ("autosave/discard", 204), ("presence", 200)]
    },
    # A live piece's pending changes are discarded, and preview links shared, by editors.
    "admin/articles/article/<path:object_id>/discard-pending/": [
        Cell("/admin/articles/article/{article.pk}/discard-pending/", staff(405)),
        Cell(
            "/admin/articles/article/{article.pk}/discard-pending/",
            newsroom(403, 302, 403),
            method="post",
        ),
    ],
    "admin/articles/article/<path:object_id>/share-preview/": [
        Cell("/admin/articles/article/{other_draft.pk}/share-preview/", staff(405)),
        Cell(
            "/admin/articles/article/{other_draft.pk}/share-preview/",
            newsroom(403, 302, 403),
            method="post",
            data={"revoke": "1"},
        ),
    ],
    "admin/articles/article/^([^/]+)/history/(\\d+)/$": [
        Cell(
            "/admin/articles/article/{other_draft.pk}/history/{other_draft_version.pk}/",
            newsroom(403, 200, 403),
            shows={"editor": {"other draft"}},
        ),
        Cell(
            "/admin/articles/article/{own_draft.pk}/history/{own_draft_version.pk}/",
            newsroom(403, 200, 200),
            shows={"writer": {"own draft"}},
        ),
        # Reverting one piece to another piece's revision is refused.
        Cell(
            "/admin/articles/article/{own_draft.pk}/history/{other_draft_version.pk}/",
            newsroom(403, 404, 404),
        ),
    ],
    "admin/articles/article/^recover/$": [
        Cell("/admin/articles/article/recover/", newsroom(403, 200, 403))
    ],
    "admin/articles/article/^recover/(\\d+)/$": [
        Cell(
            "/admin/articles/article/recover/{deleted_version.pk}/",
            newsroom(403, 200, 403),
            shows={"editor": {"deleted"}},
        )
    ],
    **admin_model(
        "articles/section",
        "section.pk",
        changelist=CONTENT_LOOKUP,
        add=EDITORS,
        history=CONTENT_LOOKUP,
        delete=EDITORS,
        change=CONTENT_LOOKUP,
    ),
    **admin_model(
        "articles/authorprofile",
        "author.pk",
        changelist=CONTENT_LOOKUP,
        add=EDITORS,
        history=CONTENT_LOOKUP,
        delete=EDITORS,
        change=CONTENT_LOOKUP,
    ),
    # The publication's own pages (about, masthead, policies): editors only.
    # The home page's slots: one page for editors; there is no slot to add or delete.
    **admin_model(
        "articles/homeslot",
        "slot.pk",
        changelist=EDITORS,
        add=NONE,
        history=EDITORS,
        delete=NONE,
        change=(302, 302, 302),  # every slot is edited on the one page
    ),
    **admin_model(
        "articles/page",
        "page.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=EDITORS,
        change=EDITORS,
    ),
    **admin_model(
        "articles/publishoverride",
        "override.pk",
        changelist=EDITORS,
        add=NONE,
        history=EDITORS,
        delete=NONE,
        change=EDITORS,
        shows={"editor": {"scheduled"}},
    ),
    **admin_model(
        "actors/actor",
        "actor.pk",
        changelist=CONTENT_LOOKUP,
        add=EDITORS,
        history=CONTENT_LOOKUP,
        delete=EDITORS,
        change=CONTENT_LOOKUP,
    ),
    **admin_model(
        "sources/source",
        "source.pk",
        changelist=CONTENT_LOOKUP,
        add=EDITORS,
        history=CONTENT_LOOKUP,
        delete=EDITORS,
        change=CONTENT_LOOKUP,
    ),
    **admin_model(
        "taggit/tag",
        "tag.pk",
        changelist=CONTENT_LOOKUP,
        add=CONTENT_LOOKUP,
        history=CONTENT_LOOKUP,
        delete=EDITORS,
        # Editors see every piece carrying the tag; a writer only the tag itself.
        change=CONTENT_LOOKUP,
        shows={"editor": {"other draft", "scheduled"}},
    ),
    "admin/taggit/tag/merge-tags/": [
        # Until tags are chosen in the list, editors are sent back to it.
        Cell("/admin/taggit/tag/merge-tags/", newsroom(403, 302, 403)),
        Cell(
            "/admin/taggit/tag/merge-tags/",
            newsroom(403, 302, 403),
            method="post",
            data={"new_tag_name": "merged"},
        ),
    ],
    # The moderation desk: moderators and editors.
    **admin_model(
        "comments/comment",
        "hidden.pk",
        changelist=MODERATION,
        add=NONE,
        history=MODERATION,
        delete=NONE,
        change=MODERATION,
        shows={"moderator": {"hidden comment"}, "editor": {"hidden comment"}},
    ),
    **admin_model(
        "comments/moderationqueue",
        "pending.pk",
        changelist=MODERATION,
        add=NONE,
        history=MODERATION,
        delete=NONE,
        change=MODERATION,
        shows={"moderator": {"pending comment"}, "editor": {"pending comment"}},
    ),
    **admin_model(
        "comments/suspension",
        "suspension.pk",
        changelist=MODERATION,
        add=MODERATION,
        history=MODERATION,
        delete=NONE,
        change=MODERATION,
    ),
    **admin_model(
        "comments/heldphrase",
        "phrase.pk",
        changelist=MODERATION,
        add=MODERATION,
        history=MODERATION,
        delete=MODERATION,
        change=MODERATION,
    ),
    **admin_model(
        "comments/moderationaction",
        "action.pk",
        changelist=MODERATION,
        add=NONE,
        history=MODERATION,
        delete=NONE,
        change=MODERATION,
    ),
    # Members: editors and moderators look members up; only superusers change accounts.
    # Editors see addresses (they grant subscriptions), moderators display names only.
    **admin_model(
        "members/member",
        "commenter.pk",
        changelist=MODERATION,
        add=NONE,
        history=MODERATION,
        delete=NONE,
        change=MODERATION,
        shows={"editor": {EVERY_EMAIL}},
    ),
    "admin/members/member/<id>/password/": [
        Cell("/admin/members/member/{commenter.pk}/password/", staff(403))
    ],
    **admin_model(
        "members/plan",
        "plan.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=NONE,
        change=EDITORS,
    ),
    **admin_model(
        "members/subscription",
        "subscription.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=NONE,
        change=EDITORS,
    ),
    # The editor's appeal: editors write it and read its clicks (which nobody edits).
    **admin_model(
        "members/appeal",
        "appeal.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=EDITORS,
        change=EDITORS,
    ),
    **admin_model(
        "members/appealclick",
        "appeal_click.pk",
        changelist=EDITORS,
        add=NONE,
        history=EDITORS,
        delete=NONE,
        change=EDITORS,
    ),
    # Gift links and free reads of gated pieces: editors read them, and delete a gift link
    # to stop it working.
    **admin_model(
        "members/giftlink",
        "gift_link.pk",
        changelist=EDITORS,
        add=NONE,
        history=EDITORS,
        delete=EDITORS,
        change=EDITORS,
    ),
    **admin_model(
        "members/meteredread",
        "metered_read.pk",
        changelist=EDITORS,
        add=NONE,
        history=EDITORS,
        delete=NONE,
        change=EDITORS,
    ),
    # What Stripe told us, and the calls still to make: for superusers only.
    **admin_model(
        "members/stripeevent",
        "stripe_event.pk",
        changelist=NONE,
        add=NONE,
        history=NONE,
        delete=NONE,
        change=NONE,
    ),
    **admin_model(
        "members/stripesync",
        "stripe_sync.pk",
        changelist=NONE,
        add=NONE,
        history=NONE,
        delete=NONE,
        change=NONE,
    ),
    # Sponsors and placements, with their reports: editors only.
    **admin_model(
        "sponsors/sponsor",
        "sponsor.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=EDITORS,
        change=EDITORS,
    ),
    **admin_model(
        "sponsors/placement",
        "placement.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=EDITORS,
        change=EDITORS,
    ),
    # The task queue's record (newsletters going out): for superusers only.
    **admin_model(
        "django_tasks_database/dbtaskresult",
        "task_result.pk",
        changelist=NONE,
        add=NONE,
        history=NONE,
        delete=NONE,
        change=NONE,
    ),
    # Newsletters and their readers: editors only; readers sign themselves up.
    **admin_model(
        "newsletters/newsletter",
        "newsletter.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=EDITORS,
        change=EDITORS,
    ),
    **admin_model(
        "newsletters/recipient",
        "recipient.pk",
        changelist=EDITORS,
        add=NONE,
        history=EDITORS,
        delete=NONE,
        change=EDITORS,
        shows={"editor": {EVERY_EMAIL}},
    ),
    **admin_model(
        "newsletters/issue",
        "issue.pk",
        changelist=EDITORS,
        add=EDITORS,
        history=EDITORS,
        delete=EDITORS,
        change=EDITORS,
    ),
    "admin/newsletters/issue/<int:object_id>/progress/": [
        Cell("/admin/newsletters/issue/{issue.pk}/progress/", newsroom(*EDITORS))
    ],
    # Sending and resuming are POSTs of the page; a GET does nothing.
    "admin/newsletters/issue/<int:object_id>/send-test/": [
        Cell("/admin/newsletters/issue/{issue.pk}/send-test/", newsroom(403, 405, 403))
    ],
    "admin/newsletters/issue/<int:object_id>/send/": [
        Cell("/admin/newsletters/issue/{issue.pk}/send/", newsroom(403, 405, 403))
    ],
    "admin/newsletters/issue/<int:object_id>/resume/": [
        Cell("/admin/newsletters/issue/{issue.pk}/resume/", newsroom(403, 405, 403))
    ],
    "admin/sponsors/sponsor/<int:object_id>/report/": [
        Cell("/admin/sponsors/sponsor/{sponsor.pk}/report/", newsroom(*EDITORS))
    ],
    "admin/sponsors/sponsor/<int:object_id>/report/csv/": [
        Cell("/admin/sponsors/sponsor/{sponsor.pk}/report/csv/", newsroom(*EDITORS))
    ],
    "admin/sponsors/placement/<int:object_id>/report/": [
        Cell("/admin/sponsors/placement/{placement.pk}/report/", newsroom(*EDITORS))
    ],
    "admin/sponsors/placement/<int:object_id>/report/csv/": [
        Cell("/admin/sponsors/placement/{placement.pk}/report/csv/", newsroom(*EDITORS))
    ],
    # Accounts and groups belong to superusers.
    **admin_model(
        "auth/group",
        "group.pk",
        changelist=NONE,
        add=NONE,
        history=NONE,
        delete=NONE,
        change=NONE,
    ),
    **admin_model(
        "account/emailaddress",
        "email_address.pk",
        changelist=NONE,
        add=NONE,
        history=NONE,
        delete=NONE,
        change=NONE,
    ),
}


def normalised(route: str) -> str:
    """The admin's app index lists the installed apps in its pattern; leave them out."""
    if route.startswith("admin/^(?P<app_label>"):
        return "admin/^(?P<app_label>…)/$"
    return route


def cells() -> list[tuple[str, int, Cell]]:
    return [(route, n, cell) for route, row in MATRIX.items() for n, cell in enumerate(row)]


def test_every_url_pattern_is_classified():
    patterns = {normalised(route) for route in url_patterns()}
    unclassified = sorted(patterns - set(MATRIX))
    assert not unclassified, "URL patterns with no row in the access matrix: " + ", ".join(
        unclassified
    )
    assert not set(MATRIX) - patterns, "rows for patterns that no longer exist"


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    with world_for_a_module(django_db_blocker) as people_and_world:
        yield people_and_world


def forbidden_secrets(role: str, people: dict, shown: str) -> list[str]:
    allowed = MAY_SEE[role]
    found = [name for name, text in SECRETS.items() if text in shown and name not in allowed]
    if EVERY_EMAIL not in allowed:
        own = people[role].email if people[role] else None
        emails = {p.email for p in people.values() if p} | {COMMENTER_EMAIL}
        found += [email for email in sorted(emails - {own}) if email in shown]
    return found


def required_secrets(cell: Cell, role: str, people: dict, shown: str) -> list[str]:
    missing = []
    for name in cell.shows.get(role, ()):
        if name == EVERY_EMAIL:
            if COMMENTER_EMAIL not in shown:
                missing.append(COMMENTER_EMAIL)
        elif SECRETS[name] not in shown:
            missing.append(name)
    return missing


@pytest.mark.parametrize(
    "route,n,cell", cells(), ids=[f"{route or '/'}#{n}" for route, n, _ in cells()]
)
def test_each_role_gets_the_expected_answer_and_nothing_more(route, n, cell, client, shared_world):
    people, world = shared_world
    url = cell.url.format(**world)
    problems = []
    for role in ROLES:
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        request = getattr(client, cell.method)
        response = request(url, cell.data) if cell.data is not None else request(url)
        shown = response.content.decode(errors="replace")
        if response.status_code != cell.expect[role]:
            problems.append(f"{role}: {response.status_code}, expected {cell.expect[role]}")
        if leaked := forbidden_secrets(role, people, shown):
            problems.append(f"{role}: shown {', '.join(leaked)}")
        if missing := required_secrets(cell, role, people, shown):
            problems.append(f"{role}: should see {', '.join(missing)}")
    assert not problems, f"{cell.method.upper()} {url}\n" + "\n".join(problems)


# --- Drafts and previews are checked on every request ------------------------------------


@pytest.fixture
def writer_with_draft(client, shared_world):
    """The writer, logged in, and their own draft, fresh from the database."""
    from articles.models import Article
    from members.models import Member

    people, world = shared_world
    writer = Member.objects.get(pk=people["writer"].pk)
    client.force_login(writer)
    return client, writer, Article.objects.get(pk=world["own_draft"].pk)


def preview_and_change(client, draft) -> tuple[int, int]:
    preview = client.get(f"/admin/articles/article/{draft.pk}/preview/")
    change = client.get(f"/admin/articles/article/{draft.pk}/change/")
    for response in (preview, change):
        if response.status_code != 200:
            assert OWN_DRAFT_TEXT not in response.content.decode()
    return preview.status_code, change.status_code


def test_a_writer_removed_from_the_writers_mid_session_loses_the_draft_at_once(
    writer_with_draft,
):
    client, writer, draft = writer_with_draft
    assert preview_and_change(client, draft) == (200, 200)

    writer.groups.remove(Group.objects.get(name="Writers"))

    assert preview_and_change(client, draft) == (403, 403)


def test_a_writer_no_longer_staff_is_sent_to_log_in(writer_with_draft):
    client, writer, draft = writer_with_draft
    assert preview_and_change(client, draft) == (200, 200)

    writer.is_staff = False
    writer.save()

    assert preview_and_change(client, draft) == (302, 302)


def test_a_deactivated_writer_is_logged_out_of_the_draft(writer_with_draft):
    client, writer, draft = writer_with_draft
    assert preview_and_change(client, draft) == (200, 200)

    writer.is_active = False
    writer.save()

    assert preview_and_change(client, draft) == (302, 302)


def test_a_draft_handed_to_another_writer_is_no_longer_previewed(writer_with_draft, shared_world):
    client, writer, draft = writer_with_draft
    assert preview_and_change(client, draft) == (200, 200)

    draft.created_by = shared_world[1]["other_writer"]
    draft.save()

    assert preview_and_change(client, draft) == (403, 302)


def test_a_draft_sent_for_review_is_still_previewed_but_no_longer_edited(writer_with_draft):
    client, writer, draft = writer_with_draft
    draft.status = "in_review"
    draft.save()

    preview = client.get(f"/admin/articles/article/{draft.pk}/preview/")
    change = client.get(f"/admin/articles/article/{draft.pk}/change/")
    assert preview.status_code == 200
    assert change.status_code == 200  # read-only: the form has no save button
    assert 'name="_save"' not in change.text
    response = client.post(f"/admin/articles/article/{draft.pk}/change/", {"headline": "Mine"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.headline == OWN_DRAFT_TEXT


def test_an_editor_who_stops_being_an_editor_loses_other_peoples_drafts(client, shared_world):
    from members.models import Member

    people, world = shared_world
    editor = Member.objects.get(pk=people["editor"].pk)
    draft = world["other_draft"]
    client.force_login(editor)
    assert client.get(f"/admin/articles/article/{draft.pk}/preview/").status_code == 200

    editor.groups.set([Group.objects.get(name="Writers")])

    response = client.get(f"/admin/articles/article/{draft.pk}/preview/")
    assert response.status_code == 403
    assert OTHER_DRAFT_TEXT not in response.text


# --- Merging tags stays with editors ------------------------------------------------------


def test_an_editor_merges_tags_chosen_in_the_list(client, shared_world):
    people, world = shared_world
    client.force_login(people["editor"])
    chosen = client.post(
        "/admin/taggit/tag/",
        {"action": "render_tag_form", "_selected_action": [world["tag"].pk]},
    )
    assert chosen.status_code == 302
    assert client.get("/admin/taggit/tag/merge-tags/").status_code == 200

    response = client.post("/admin/taggit/tag/merge-tags/", {"new_tag_name": "talks"})

    assert response.status_code == 302
    assert list(world["article"].tags.names()) == ["talks"]


@pytest.mark.parametrize("role", ["moderator", "writer"])
def test_nobody_else_merges_tags(role, client, shared_world):
    people, world = shared_world
    client.force_login(people[role])
    session = client.session
    session["selected_tag_ids"] = str(world["tag"].pk)
    session.save()

    response = client.post("/admin/taggit/tag/merge-tags/", {"new_tag_name": "talks"})

    assert response.status_code == 403
    assert list(world["article"].tags.names()) == ["corridor talks"]
