"""Each comment is drawn once for all its readers and kept in the cache; what changes it (an
edit, a deletion, a moderator's decision, a new display name) shows at once, and what
belongs to one reader (their badge, their actions, their report) is never kept in it."""

import pytest
from django.core.cache import cache
from django.test import Client

from comments import fragments
from comments.models import Comment
from comments.moderation import Action, decide
from tests.factories import CommentFactory, StaffFactory

from .conftest import subscriber
from .test_discussion import actions_of, page_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawings(monkeypatch):
    """The comments drawn from the template (not found in the cache), by id."""
    drawn = []
    draw = fragments._draw

    def counting(comment):
        drawn.append(comment.pk)
        return draw(comment)

    monkeypatch.setattr(fragments, "_draw", counting)
    return drawn


@pytest.fixture
def ilona(db):
    return subscriber("ilona@test.example", "Ilona")


def stored_fragments() -> str:
    """Everything the cache holds for comments, as one text."""
    # Local memory keeps each key as ":<version>:<key>".
    keys = [key.split(":", 2)[2] for key in cache._cache if fragments.KEY_PREFIX in key]
    return " ".join(" ".join(value) for value in cache.get_many(keys).values())


def reader(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


def test_a_comment_is_drawn_once_for_every_reader(client, priya, article, ilona, drawings):
    comments = [CommentFactory(article=article, body=f"Remark {n}.") for n in range(3)]
    page_of(client, article)
    assert sorted(drawings) == [c.pk for c in comments]
    page_of(client, article)
    page_of(reader(ilona), article)
    assert len(drawings) == 3  # the second reader and the second visit drew nothing
    assert "Remark 2." in page_of(reader(ilona), article)


def test_an_edit_shows_at_once(client, priya, article, ilona, drawings):
    own = CommentFactory(article=article, member=priya, body="Frist draft.")
    assert "Frist draft." in page_of(reader(ilona), article)
    client.post(f"/comments/{own.pk}/edit/", {"body": "First draft."})
    html = page_of(reader(ilona), article)
    assert "First draft." in html and "Frist draft." not in html
    assert '<span class="comment__edited">edited</span>' in html


def test_a_hidden_or_deleted_comment_leaves_no_text_behind(client, priya, article, ilona):
    moderator = StaffFactory(email="moderator@test.example", group="Moderators")
    hidden = CommentFactory(article=article, body="Soon hidden.")
    own = CommentFactory(article=article, member=priya, body="Soon deleted.")
    CommentFactory(article=article, parent=own, body="A reply that stays.")
    assert "Soon hidden." in page_of(reader(ilona), article)
    assert "Soon deleted." in page_of(reader(ilona), article)

    decide([hidden], Action.HIDDEN, moderator)
    client.post(f"/comments/{own.pk}/delete/", {"confirm": "yes"})
    for html in (page_of(reader(ilona), article), page_of(client, article)):
        assert "Soon hidden." not in html and "Soon deleted." not in html
        assert "Comment deleted by its author." in html
        assert "A reply that stays." in html


def test_a_new_display_name_shows_on_earlier_comments(client, priya, article, ilona):
    CommentFactory(article=article, member=ilona, body="Signed with my old name.")
    assert ">Ilona</span>" in page_of(client, article)
    ilona.display_name = "Ilona Varga"
    ilona.save()
    html = page_of(client, article)
    assert ">Ilona Varga</span>" in html and ">Ilona</span>" not in html


def test_an_approved_comment_loses_its_awaiting_moderation_note(client, article, ilona):
    moderator = StaffFactory(email="moderator@test.example", group="Moderators")
    newcomer = subscriber("new@test.example", "Newcomer", trusted=False)
    client.force_login(newcomer)
    client.post(f"/comments/articles/{article.slug}/", {"body": "My very first remark."})
    comment = Comment.objects.get(body="My very first remark.")
    assert "Awaiting moderation" in page_of(client, article)
    assert "My very first remark." not in page_of(reader(ilona), article)

    decide([comment], Action.APPROVED, moderator)
    html = page_of(reader(ilona), article)
    assert "My very first remark." in html
    assert "Awaiting moderation" not in html


def test_what_belongs_to_one_reader_is_never_stored(client, priya, article, ilona):
    own = CommentFactory(article=article, member=priya, body="A remark by Priya.")
    theirs = CommentFactory(article=article, member=ilona, body="A remark by Ilona.")
    client.post(f"/comments/{theirs.pk}/report/", {"reason": "spam"})
    html = page_of(client, article)
    assert actions_of(html, own.pk) == ["Reply", "Edit", "Delete"]
    assert actions_of(html, theirs.pk) == ["Reply"]
    assert "You reported this comment" in html

    other = page_of(reader(ilona), article)
    assert actions_of(other, own.pk) == ["Reply", "Report"]
    assert actions_of(other, theirs.pk) == ["Reply", "Edit", "Delete"]
    assert "You reported this comment" not in other
    own_block = other.split(f'id="comment-{own.pk}"', 1)[1].split("</article>", 1)[0]
    assert ">You</span>" not in own_block

    stored = stored_fragments()
    assert "A remark by Priya." in stored and "A remark by Ilona." in stored
    for private in (">You</span>", "comment__actions", "You reported", "csrfmiddlewaretoken"):
        assert private not in stored


def test_the_discussion_is_drawn_while_the_cache_is_away(client, priya, article, monkeypatch):
    CommentFactory(article=article, body="Still readable.")

    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(fragments.cache, "get_many", down)
    monkeypatch.setattr(fragments.cache, "set_many", down)
    assert "Still readable." in page_of(client, article)
