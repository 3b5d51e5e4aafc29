"""One page of threads as one reader sees it: the shared fragments with the reader's own
parts around them.

Each comment's shared part comes from the cache (``comments.fragments``); around it go what
is this reader's alone: the "You" badge on their own comments, the note on a comment they
reported, a refusal shown on the comment itself, the row of actions they may take, and the
one form they opened (drawn by ``comments/action_form.html``). Placeholders (deleted,
hidden, removed, pending) say only their status. This runs for every comment of every page a
subscriber reads, so it joins strings instead of rendering a template per comment; every
text that is not a number or a constant below is escaped here, or was by the templates that
drew it.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The actions a comment may offer, in the order of its row.
ACTIONS = (("reply", "Reply"), ("edit", "Edit"), ("report", "Report"), ("delete", "Delete"))
OWN_BADGE = ' <span class="comment__badge">You</span>'
REPORTED_NOTE = (
    '\n  <p class="comment__note">You reported this comment. '
    "Thank you: a moderator will look at it.</p>"
)


def offers(comment, action: str) -> bool:
    """Whether ``comment``'s row offers ``action`` to this reader (the rights
    ``comments.threads`` worked out for them)."""
    if action == "reply":
        return comment.can_reply
    if action == "edit":
        return comment.can_edit
    if action == "report":
        return comment.can_report and not comment.reported_by_me
    if action == "delete":
        return comment.can_delete
    return False


def _actions(comment, action_base: str) -> str:
    """The row of action links: each opens the article page with that one form beneath
    the comment (``?reply=<pk>#reply-form-<pk>``), which comments.js fetches in place."""
    links = []
    for action, label in ACTIONS:
        if offers(comment, action):
            current = ' aria-current="true"' if comment.open_action == action else ""
            links.append(
                f'<a class="comment-action" href="{action_base}{action}={comment.pk}'
                f'#{action}-form-{comment.pk}" data-action="{action}"{current}>{label}</a>'
            )
    return '\n  <div class="comment__actions">' + "".join(links) + "</div>"


def draw_comment(comment, action_base: str) -> str:
    if comment.is_placeholder:
        return (
            f'<article class="comment comment--placeholder" id="comment-{comment.pk}">\n'
            f'  <p class="comment__placeholder">{escape(comment.placeholder)}</p>\n</article>'
        )
    parts = [comment.fragment.head]
    if comment.is_own:
        parts.append(OWN_BADGE)
    parts.append(comment.fragment.tail)
    if comment.reported_by_me:
        parts.append(REPORTED_NOTE)
    if comment.refusal_without_form and comment.refusal:
        parts.append(
            f'\n  <p class="comment-form__error" id="{comment.open_action}-form-{comment.pk}"'
            f' role="alert">{escape(comment.refusal)}</p>'
        )
    if comment.has_actions:
        parts.append(_actions(comment, action_base))
        if comment.open_form:
            parts.append(comment.open_form)
    parts.append("\n</article>")
    return "".join(parts)


def draw_threads(threads, page_url: str) -> SafeString:
    """The ``<li>`` of each thread of the page, replies beneath their comment.
    ``page_url``: the address of this page of the discussion, for the action links."""
    action_base = escape(page_url + ("&" if "?" in page_url else "?"))
    out = []
    for thread in threads:
        out.append('<li class="comment-thread">\n')
        out.append(draw_comment(thread, action_base))
        if thread.shown_replies:
            out.append('\n<ol class="comment-replies" aria-label="Replies">')
            for reply in thread.shown_replies:
                out.append("\n<li>")
                out.append(draw_comment(reply, action_base))
                out.append("</li>")
            out.append("\n</ol>")
        out.append("\n</li>\n")
    return mark_safe("".join(out))  # noqa: S308 — texts escaped above or by their templates
