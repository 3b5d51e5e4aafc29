"""The admin's "view on site" address (/admin/r/<content type>/<id>/) never leads a staff
member who may not preview a piece to its address before it is public."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from articles.models import Article
from tests.factories import ActorFactory, ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def view_on_site(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return f"/admin/r/{content_type.pk}/{obj.pk}/"


@pytest.fixture
def draft():
    return ArticleFactory(headline="Secret talks resume", status=Article.Status.DRAFT)


@pytest.fixture
def scheduled():
    return ArticleFactory(
        headline="Embargoed summit", publish_at=timezone.now() + datetime.timedelta(days=1)
    )


def test_a_moderator_gets_a_404_for_a_draft(client, moderator, draft):
    client.force_login(moderator)

    response = client.get(view_on_site(draft))

    assert response.status_code == 404
    assert draft.slug not in response.get("Location", "")


def test_a_writer_gets_a_404_for_someone_elses_scheduled_piece(client, writer, scheduled):
    client.force_login(writer)

    assert client.get(view_on_site(scheduled)).status_code == 404


def test_a_comment_on_an_unpublished_piece_does_not_lead_to_its_address(client, moderator, draft):
    comment = CommentFactory(article=draft)
    client.force_login(moderator)

    assert client.get(view_on_site(comment)).status_code == 404


def test_an_editor_is_sent_to_the_preview_of_a_draft(client, editor, draft):
    client.force_login(editor)

    response = client.get(view_on_site(draft))

    assert response.status_code == 302
    assert response["Location"] == f"/admin/articles/article/{draft.pk}/preview/"


def test_a_writer_is_sent_to_the_preview_of_their_own_draft(client, writer, draft):
    draft.created_by = writer
    draft.save()
    client.force_login(writer)

    response = client.get(view_on_site(draft))

    assert response["Location"] == f"/admin/articles/article/{draft.pk}/preview/"


def test_any_staff_member_is_sent_to_a_public_piece(client, moderator):
    article = ArticleFactory()
    client.force_login(moderator)

    response = client.get(view_on_site(article))

    assert response.status_code == 302
    assert response["Location"].endswith(article.get_absolute_url())


def test_pages_that_are_always_public_are_still_offered(client, moderator):
    actor = ActorFactory(name="Robert Fico")
    client.force_login(moderator)

    assert client.get(view_on_site(actor))["Location"].endswith(actor.get_absolute_url())
