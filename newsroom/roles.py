"""What each role of the newsroom may do (DESIGN §6), declared once for every app.

Writers draft their own pieces and link actors, sources and tags; editors do everything
with content (the publication's own pages too: about, masthead, policies), curate appeals
and sponsors, grant complimentary subscriptions and moderate; moderators work the comments
and look members up. Which pieces a writer may touch, and
who may publish, is decided on top of these by ``articles.workflow``. Applied after every
migrate (``NewsroomConfig.ready``) by ``web.roles.apply_roles``.
"""

from web.roles import model_permissions

# Working the comment queue: hide, restore and remove, reports, suspensions, held phrases.
MODERATION = [
    "comments.view_comment",
    "comments.change_comment",
    "comments.view_moderationqueue",
    "comments.change_moderationqueue",
    "comments.view_report",
    "comments.change_report",
    "comments.view_suspension",
    "comments.add_suspension",
    "comments.change_suspension",
    *model_permissions("comments", "heldphrase"),
    "comments.view_moderationaction",
]

ROLES = {
    "Writers": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        *model_permissions("articles", "articleauthor", "articleactor", "citation"),
        "articles.view_section",
        "articles.view_authorprofile",
        "actors.view_actor",
        "sources.view_source",
        "taggit.add_tag",
        "taggit.view_tag",
        *model_permissions("taggit", "taggeditem"),
    ],
    "Editors": [
        *model_permissions(
            "articles",
            "article",
            "articleauthor",
            "articleactor",
            "citation",
            "dismissedactor",
            "authorprofile",
            "section",
            "page",
        ),
        "articles.publish_article",
        # Overrides are recorded by publishing itself: editors read them.
        "articles.view_publishoverride",
        "actors.*",
        "sources.*",
        "taggit.*",
        *MODERATION,
        *model_permissions("members", "appeal"),
        "members.view_appealclick",
        "members.view_member",
        # Gift links and free reads of gated pieces: read, and a gift link deleted to stop it.
        "members.view_giftlink",
        "members.delete_giftlink",
        "members.view_meteredread",
        *model_permissions("members", "plan", "subscription", actions=("add", "change", "view")),
        *model_permissions("sponsors", "sponsor", "placement"),
        "sponsors.view_placementday",
        # Newsletters: define them, compose and send issues, look readers up.
        *model_permissions("newsletters", "newsletter", "issue", "issuepiece"),
        "newsletters.view_recipient",
        "newsletters.change_recipient",
        "newsletters.view_signup",
        "newsletters.view_delivery",
    ],
    "Moderators": [
        *MODERATION,
        # Display names and comment history of commenters.
        "members.view_member",
    ],
}
