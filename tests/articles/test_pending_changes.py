"""Editing a live piece: the changes wait as pending changes, unseen by readers, until an
editor publishes them (checked as they will read) or discards them."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles import publishing
from articles.models import Article
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, SourceFactory, StaffFactory

pytestmark = pytest.mark.django_db

LIVE_BODY = "<p>The ministers met in Vienna on Tuesday and agreed nothing of note.</p>"
PENDING_BODY = "<p>The ministers met in Vienna on Tuesday and agreed a second round.</p>"
PUBLISH = {"_publish_changes": "1"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def live(db):
    return ArticleFactory(
        headline="Vienna talks end quietly", dek="Nothing agreed.", body=LIVE_BODY
    )


@pytest.fixture
def desk(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader():
    return Client()


def save_pending(desk, article, **changes):
    response = desk.post(change_url(article), article_form(article, **changes))
    assert response.status_code == 302, response.content[:3000]
    return response


def pend(desk, article):
    return save_pending(
        desk,
        article,
        headline="Vienna talks open a second round",
        dek="A date is set.",
        body=PENDING_BODY,
        lead_image_caption="The ministers after the talks.",
        lead_image_alt="Two ministers shake hands.",
        lead_image_credit_text="Vienna Press",
    )


def test_saving_a_live_piece_keeps_the_live_text_for_readers(desk, reader, live):
    url = live.get_absolute_url()
    assert "Vienna talks end quietly" in reader.get(url).text  # now in the reader cache
    response = pend(desk, live)
    assert response.url == change_url(live)
    live.refresh_from_db()
    assert live.headline == "Vienna talks end quietly" and live.body == LIVE_BODY
    page = reader.get(url).text
    assert "Vienna talks end quietly" in page and "second round" not in page
    assert "second round" not in reader.get("/feeds/latest/").text
    assert url not in reader.get("/search/", {"q": "second round"}).text
    assert url in reader.get("/search/", {"q": "quietly"}).text


def test_the_change_form_says_the_piece_has_unpublished_changes_and_holds_them(desk, editor, live):
    pend(desk, live)
    page = desk.get(change_url(live)).text
    assert "This piece has unpublished changes" in page
    assert str(editor) in page
    assert 'value="Vienna talks open a second round"' in page
    for held in ("The ministers after the talks.", "Two ministers shake hands.", "Vienna Press"):
        assert held in page
    assert 'value="Save as pending changes"' in page and 'value="Publish changes"' in page
    assert 'value="Discard pending changes"' in page
    messages = [str(m) for m in desk.get(change_url(live)).context["messages"]]
    assert messages == []


def test_a_piece_without_pending_changes_shows_no_banner(desk, live):
    page = desk.get(change_url(live)).text
    assert "This piece has unpublished changes" not in page
    assert 'value="Save as pending changes"' in page
    assert 'value="Discard pending changes"' not in page


def test_the_preview_shows_the_pending_version(desk, live):
    pend(desk, live)
    page = desk.get(reverse("admin:articles_article_preview", args=[live.pk])).text
    assert "Vienna talks open a second round" in page and "agreed a second round" in page
    assert "changes not yet published" in page


def test_publishing_the_changes_shows_them_to_readers_and_records_a_revision(desk, reader, live):
    url = live.get_absolute_url()
    reader.get(url)
    pend(desk, live)
    revisions = Version.objects.get_for_object(live).count()
    form = article_form(
        live, headline="Vienna talks open a second round", body=PENDING_BODY, **PUBLISH
    )
    assert desk.post(change_url(live), form).status_code == 302
    live.refresh_from_db()
    assert live.headline == "Vienna talks open a second round" and live.body == PENDING_BODY
    assert not Article.objects.filter(pk=live.pk, pending_changes__isnull=False).exists()
    assert "Vienna talks open a second round" in reader.get(url).text  # the cache refreshed
    assert "second round" in reader.get("/feeds/latest/").text
    newest = Version.objects.get_for_object(live).first()
    assert Version.objects.get_for_object(live).count() == revisions + 1
    assert newest.field_dict["headline"] == "Vienna talks open a second round"


def test_publish_pending_runs_the_checks_on_the_pending_version(desk, editor, live):
    SourceFactory(name="Reuters")
    save_pending(desk, live, body=PENDING_BODY + "<p>According to Reuters, it went badly.</p>")
    with pytest.raises(publishing.PublishBlocked) as refused:
        publishing.publish_pending(live, by=editor)
    assert any("Reuters" in finding.message for finding in refused.value.findings)
    live.refresh_from_db()
    assert live.body == LIVE_BODY
    publishing.publish_pending(live, by=editor, reason="Reuters is cited in the next edit.")
    live.refresh_from_db()
    assert "According to Reuters" in live.body


def test_publish_changes_refused_by_a_blocking_finding_shows_the_form_and_changes_nothing(
    desk, live
):
    SourceFactory(name="Reuters")
    body = PENDING_BODY + "<p>According to Reuters, it went badly.</p>"
    response = desk.post(change_url(live), article_form(live, body=body, **PUBLISH))
    assert response.status_code == 200
    assert "does not cite Reuters" in response.text
    live.refresh_from_db()
    assert live.body == LIVE_BODY
    assert not Article.objects.filter(pk=live.pk, pending_changes__isnull=False).exists()
    form = article_form(live, body=body, publish_override_reason="Cited tomorrow.", **PUBLISH)
    assert desk.post(change_url(live), form).status_code == 302
    live.refresh_from_db()
    assert "According to Reuters" in live.body


def test_discarding_the_pending_changes_leaves_the_live_version(desk, live):
    pend(desk, live)
    response = desk.post(reverse("admin:articles_article_discard_pending", args=[live.pk]))
    assert response.status_code == 302
    page = desk.get(change_url(live)).text
    assert "This piece has unpublished changes" not in page
    assert 'value="Vienna talks end quietly"' in page
    live.refresh_from_db()
    assert live.headline == "Vienna talks end quietly"


def test_a_form_opened_before_someone_saved_pending_changes_is_refused(desk, live):
    opened = article_form(live, headline="My own idea")
    pend(desk, live)
    response = desk.post(change_url(live), opened)
    assert response.status_code == 200
    assert "saved this article" in response.text
    assert 'value="My own idea"' in response.text


def test_writers_still_cannot_edit_a_published_piece(client, writer, live):
    client.force_login(writer)
    response = client.post(change_url(live), article_form(live, headline="Writer's idea"))
    assert response.status_code in (302, 403)
    live.refresh_from_db()
    assert live.headline == "Vienna talks end quietly"
    assert not Article.objects.filter(pk=live.pk, pending_changes__isnull=False).exists()
    with pytest.raises(publishing.PermissionDenied):
        publishing.discard_pending(live, by=writer)


def test_only_editors_discard_pending_changes(client, live):
    writer = StaffFactory(group="Writers")
    client.force_login(writer)
    response = client.post(reverse("admin:articles_article_discard_pending", args=[live.pk]))
    assert response.status_code == 403


def test_saving_pending_changes_says_so_in_the_history_and_the_live_version_stands(desk, live):
    revisions = Version.objects.get_for_object(live).count()
    pend(desk, live)

    newest = Version.objects.get_for_object(live).first()
    assert Version.objects.get_for_object(live).count() == revisions + 1
    comment = newest.revision.get_comment()
    assert comment.startswith("Pending changes saved (headline, standfirst, body, ")
    assert comment.endswith("the live version is unchanged until an editor publishes them.")
    # The revision is of the live version, which did not change.
    assert newest.field_dict["headline"] == "Vienna talks end quietly"
    assert newest.field_dict["body"] == LIVE_BODY
    history = desk.get(reverse("admin:articles_article_history", args=[live.pk])).text
    assert "Pending changes saved (headline, standfirst, body, " in history
