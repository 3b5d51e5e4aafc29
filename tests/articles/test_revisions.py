"""Comparing two revisions of a piece, as an editor does from its history."""

import pytest
from django.urls import reverse
from reversion.models import Version

from tests.admin_forms import article_form, change_url
from tests.factories import ActorFactory, ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

BEFORE = (
    "<p>The talks resumed after a long pause in the spring.</p>"
    "<p>Nobody in either capital expected much from them.</p>"
)
AFTER = (
    "<p>The talks stalled after a short pause in the spring.</p>"
    "<p>Nobody in either capital expected much from them.</p>"
    "<p>A third round is planned for the autumn.</p>"
)


def edit_as(client, article, **changes):
    # A live piece's edits go out with "Publish changes", making a revision.
    form = article_form(article, **changes) | {"_publish_changes": "1"}
    response = client.post(change_url(article), form)
    assert response.status_code == 302, response.content[:2000]
    article.refresh_from_db()


def compare_url(article):
    return reverse("admin:articles_article_compare", args=[article.pk])


@pytest.fixture
def revised(client, editor):
    """A piece saved twice: headline, kind and body reworded and an actor linked the
    second time."""
    article = ArticleFactory(headline="Talks resume in Vienna", body=BEFORE, kind="analysis")
    actor = ActorFactory(name="Ursula Brandt")
    client.force_login(editor)
    edit_as(client, article)
    edit_as(
        client,
        article,
        headline="Talks stall in Vienna",
        body=AFTER,
        kind="opinion",
        actor_rows=[{"actor": actor.pk, "role": "main", "position": "0"}],
    )
    return article


def test_the_history_offers_two_revisions_to_compare(client, revised):
    newer, older = Version.objects.get_for_object(revised)[:2]
    page = client.get(reverse("admin:articles_article_history", args=[revised.pk])).text
    assert f'action="{compare_url(revised)}"' in page
    assert f'name="from" value="{older.pk}"' in page and f'name="to" value="{newer.pk}"' in page
    assert "Compare the selected revisions" in page


def test_the_comparison_lists_what_changed_field_by_field_and_the_body_word_by_word(
    client, revised
):
    newer, older = Version.objects.get_for_object(revised)[:2]
    # Chosen in either order, the earlier revision is on the left.
    for chosen in ({"from": older.pk, "to": newer.pk}, {"from": newer.pk, "to": older.pk}):
        response = client.get(compare_url(revised), chosen)
        assert response.status_code == 200
        changes = {change.label: change for change in response.context["comparison"].changes}
        assert (changes["Headline"].left, changes["Headline"].right) == (
            "Talks resume in Vienna",
            "Talks stall in Vienna",
        )
        assert (changes["Kind"].left, changes["Kind"].right) == ("Analysis", "Opinion")
        assert (changes["Actors"].left, changes["Actors"].right) == (
            "(none)",
            "Ursula Brandt (Main subject)",
        )
        # Fields that did not change are not listed.
        assert "Standfirst" not in changes and "Section" not in changes
        body = str(changes["Body"].diff)
        assert "The talks <del>resumed</del> <ins>stalled</ins> after a" in body
        assert "1 block the same in both" in body
        assert "Only in the later revision: <ins>A third round is planned" in body


def test_without_a_choice_the_two_latest_are_compared_and_one_revision_alone_is_refused(
    client, revised
):
    response = client.get(compare_url(revised))
    assert response.status_code == 200
    assert "Talks stall in Vienna" in response.text
    newest = Version.objects.get_for_object(revised).first()
    response = client.get(compare_url(revised), {"from": newest.pk, "to": newest.pk}, follow=True)
    assert "Choose two different revisions" in response.text


def test_a_writer_compares_only_their_own_pieces(client, revised, writer):
    client.force_login(writer)
    assert client.get(compare_url(revised)).status_code == 404
    own = ArticleFactory(status="draft", publish_at=None, bylines=[AuthorFactory(user=writer)])
    edit_as(client, own, headline="First try")
    edit_as(client, own, headline="Second try")
    page = client.get(compare_url(own)).text
    assert "First try" in page and "Second try" in page
