"""The editorial workflow: who may edit, submit, publish and preview an article.

Writers edit their own drafts and submit them for review. Editors (anyone holding the
``articles.publish_article`` permission) do everything with content. These functions are
the only place that decides; the admin and the preview URL ask them on every request.
They change nothing: every change of state goes through ``articles.publishing``, which asks
them first.
"""

from django.db.models import Exists, OuterRef, Q

from .models import Article, ArticleAuthor


def may_publish(user) -> bool:
    """Publishing, scheduling and editing published pieces belong to editors."""
    return user.is_active and user.has_perm("articles.publish_article")


def may_override_checks(user) -> bool:
    """Publishing despite blocking publish checks, with a reason, is an editor's call."""
    return may_publish(user)


def may_curate_home(user) -> bool:
    """Choosing what fills the top of the home page is an editor's call."""
    return may_publish(user)


def is_own(user, article: Article) -> bool:
    """The writer created the piece or writes under one of its bylines."""
    if article.created_by_id == user.pk:
        return True
    return article.bylines.filter(author__user=user).exists()


def owned_by(user) -> Q:
    """The condition of ``is_own``, to filter or count articles with in one query."""
    signed = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=user)
    return Q(created_by=user) | Q(Exists(signed))


def own_articles(user, queryset):
    """The articles a writer may see in the newsroom: the ones they created or write."""
    return queryset.filter(owned_by(user))


def may_edit(user, article: Article | None) -> bool:
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if may_publish(user) or article is None:
        return True
    return article.status == Article.Status.DRAFT and is_own(user, article)


def may_preview(user, article: Article) -> bool:
    if not user.is_active or not user.is_staff:
        return False
    if may_publish(user):
        return True
    return user.has_perm("articles.view_article") and is_own(user, article)


def may_submit_for_review(user, article: Article) -> bool:
    """A draft goes to review from anyone who may edit it (its writer, or an editor)."""
    return article.status == Article.Status.DRAFT and may_edit(user, article)


def may_withdraw_from_review(user, article: Article) -> bool:
    """A piece in review goes back to draft at the wish of its writer. An editor returns
    someone else's piece by sending it back, with a note (``may_send_back``)."""
    if not user.is_active or article.status != Article.Status.IN_REVIEW:
        return False
    return user.has_perm("articles.view_article") and is_own(user, article)


def may_send_back(user, article: Article) -> bool:
    """An editor returns a piece in review to its writer as a draft, with a note."""
    return article.status == Article.Status.IN_REVIEW and may_publish(user)


def sends_back(user, article: Article, *, before: str | None, after: str) -> bool:
    """Moving ``article`` from ``before`` to ``after`` is an editor sending someone else's
    piece back from review, which needs a note for the writer."""
    return (
        before == Article.Status.IN_REVIEW
        and after == Article.Status.DRAFT
        and may_publish(user)
        and not is_own(user, article)
    )
