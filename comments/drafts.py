"""A refused comment form, kept for its member between the POST and the page it leads to.

Every refusal of a comment form (empty or too long, too soon, over the rate limit, the edit
window closed, already reported...) answers ``303 See Other`` to the article page, at the
form (``#new-comment``, ``#reply-form-<pk>``...), so that the reader lands on the reason, and a
reload asks for the page again instead of sending the form a second time. What they typed
and why it was refused wait in their session (one refused form at a time), and the next
drawing of that article's discussion shows them once: the session is the member's own, so no
one else can ever be shown that text.
"""

from dataclasses import dataclass

from django.forms import Form

from .forms import CommentForm, ReportForm

SESSION_KEY = "comments_refused_form"

# The fields each action's form sends back, and the form that reads them.
FORMS = {
    "post": CommentForm,
    "reply": CommentForm,
    "edit": CommentForm,
    "report": ReportForm,
    "delete": None,  # the confirmation step has no fields
}
KEPT_FIELDS = ("body", "submission", "reason", "detail")


@dataclass
class FormState:
    """A refused form, as the comments area draws it: under the comment it was about
    (``target_id``) or at the top of the discussion (a new comment)."""

    action: str  # "post", "reply", "edit", "report" or "delete"
    form: Form | None
    error: str = ""
    target_id: int | None = None


def anchor(state: FormState) -> str:
    """The id of the element the reader lands on: the refused form, where it is drawn."""
    if state.target_id is None:
        return "new-comment"
    return f"{state.action}-form-{state.target_id}"


def keep(request, article, state: FormState) -> None:
    """Keep ``state`` for the next drawing of ``article``'s discussion by this member."""
    data = {}
    if state.form is not None:
        data = {name: state.form.data.get(name, "") for name in KEPT_FIELDS}
        data = {name: value for name, value in data.items() if value}
    request.session[SESSION_KEY] = {
        "article": article.pk,
        "action": state.action,
        "target": state.target_id,
        "error": state.error,
        "data": data,
    }


def take(request, article) -> FormState | None:
    """The refused form kept for ``article``, once: it is gone from the session after this."""
    kept = request.session.get(SESSION_KEY)
    if not kept or kept.get("article") != article.pk or kept.get("action") not in FORMS:
        return None
    del request.session[SESSION_KEY]
    form_class = FORMS[kept["action"]]
    form = None
    if form_class is not None:
        form = form_class(kept.get("data") or {})
        form.is_valid()  # the field errors the reader was refused for, drawn again
    return FormState(kept["action"], form, kept.get("error", ""), kept.get("target"))
