"""Blocking findings stop a piece going out (the publish action, the form, scheduling) unless
an editor overrides them with a reason, which is recorded; writers see the findings when they
submit for review; the article page in the admin shows them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, PublishOverride
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    f"<p>Paragraph {n} of the opening, long enough to count as a real paragraph.</p>"
    for n in range(1, 4)
]
REPEATED = "<h2>Opening</h2>" + "".join(PARAGRAPHS)
FAULTY_BODY = REPEATED + REPEATED + "<p>The rest of the piece, said once.</p>"
CLEAN_BODY = REPEATED + "<p>The rest of the piece, said once.</p>"
CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def faulty(db):
    return ArticleFactory(
        headline="A piece with a slip", body=FAULTY_BODY, status="draft", publish_at=None
    )


def test_publishing_through_the_form_is_refused_while_a_blocking_finding_stands(
    client, editor, faulty
):
    client.force_login(editor)
    response = client.post(
        change_url(faulty), article_form(faulty, status="published", headline="Sharper headline")
    )
    assert response.status_code == 200
    assert "Not saved: blocking problems stop this piece from being published." in response.text
    assert "Blocks 1–4 (3 paragraphs and 1 heading" in response.text
    faulty.refresh_from_db()
    assert (faulty.status, faulty.headline) == ("draft", "A piece with a slip")
    assert not PublishOverride.objects.exists()


def test_scheduling_is_refused_the_same_way(client, editor, faulty):
    client.force_login(editor)
    later = timezone.localtime() + datetime.timedelta(days=2)
    response = client.post(
        change_url(faulty),
        article_form(
            faulty,
            status="published",
            publish_at_0=later.strftime("%Y-%m-%d"),
            publish_at_1=later.strftime("%H:%M:%S"),
        ),
    )
    assert "Not saved: blocking problems" in response.text
    faulty.refresh_from_db()
    assert (faulty.status, faulty.publish_at) == ("draft", None)


def test_a_new_piece_cannot_be_created_published_past_a_blocking_finding(client, editor):
    client.force_login(editor)
    draft = ArticleFactory.build(headline="Straight to print", body=FAULTY_BODY)
    response = client.post(
        reverse("admin:articles_article_add"), article_form(draft, slug="", status="published")
    )
    assert response.status_code == 200
    assert "Not saved: blocking problems" in response.text
    assert not Article.objects.filter(headline="Straight to print").exists()


def test_an_editor_overrides_with_a_reason_which_is_recorded(client, editor, faulty):
    client.force_login(editor)
    reason = "The repetition is a deliberate refrain; the author insists."
    response = client.post(
        change_url(faulty),
        article_form(faulty, status="published", publish_override_reason=reason),
        follow=True,
    )
    faulty.refresh_from_db()
    assert faulty.is_public()
    override = PublishOverride.objects.get(article=faulty)
    assert (override.user, override.reason, override.codes) == (editor, reason, ["repeated_blocks"])
    assert "Published now despite repeated_blocks; your reason is recorded." in response.text


def test_an_overridden_finding_needs_no_new_reason_but_a_new_blocking_one_does(
    client, editor, faulty
):
    client.force_login(editor)
    client.post(
        change_url(faulty),
        article_form(faulty, status="published", publish_override_reason="A refrain."),
    )
    faulty.refresh_from_db()
    # Live now: the edits go out with "Publish changes".
    publish = {"_publish_changes": "1"}
    response = client.post(change_url(faulty), article_form(faulty, headline="Retitled", **publish))
    assert response.status_code == 302
    body = faulty.body + "<p>According to Reuters, it went badly.</p>"
    SourceFactory(name="Reuters")
    response = client.post(
        change_url(faulty), article_form(faulty, headline="Retitled", body=body, **publish)
    )
    assert response.status_code == 200
    assert "does not cite Reuters" in response.text
    faulty.refresh_from_db()
    assert "Reuters" not in faulty.body


def test_a_clean_piece_publishes_without_a_word(client, editor):
    article = ArticleFactory(body=CLEAN_BODY, status="draft", publish_at=None)
    client.force_login(editor)
    response = client.post(change_url(article), article_form(article, status="published"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_public()
    assert not PublishOverride.objects.exists()


def test_the_publish_action_holds_back_blocked_pieces_and_asks_for_a_reason(client, editor, faulty):
    clean = ArticleFactory(body=CLEAN_BODY, status="draft", publish_at=None)
    client.force_login(editor)
    response = client.post(
        CHANGELIST, {"action": "publish_now", "_selected_action": [faulty.pk, clean.pk]}
    )
    assert response.status_code == 200
    assert "Blocking problems stop publishing" in response.text
    assert "repeated_blocks" in response.text
    assert 'name="publish_override_reason"' in response.text
    faulty.refresh_from_db()
    clean.refresh_from_db()
    assert (faulty.status, clean.status) == ("draft", "published")


def test_the_publish_action_publishes_with_the_reason_given_on_its_page(client, editor, faulty):
    client.force_login(editor)
    confirm = {
        "action": "publish_now",
        "_selected_action": [faulty.pk],
        "publish_override": "Publish anyway, with this reason",
    }
    response = client.post(CHANGELIST, {**confirm, "publish_override_reason": "  "})
    assert response.status_code == 200
    assert "Give a reason to publish despite the blocking problems." in response.text
    faulty.refresh_from_db()
    assert faulty.status == "draft"

    response = client.post(CHANGELIST, {**confirm, "publish_override_reason": "Breaking news."})
    assert response.status_code == 302
    faulty.refresh_from_db()
    assert faulty.is_public()
    assert PublishOverride.objects.get(article=faulty).reason == "Breaking news."


def test_writers_see_the_findings_when_they_submit_for_review(client, writer, faulty):
    faulty.created_by = writer
    faulty.dek = ""
    faulty.save()
    client.force_login(writer)
    response = client.post(
        change_url(faulty), article_form(faulty, status="in_review"), follow=True
    )
    faulty.refresh_from_db()
    assert faulty.status == "in_review"
    assert "is in review with 2 problem(s) the publish checks found (1 blocking)" in response.text
    assert "[repeated_blocks]" in response.text
    assert "[missing_dek]" in response.text


def test_writers_see_the_findings_when_they_submit_through_the_action(client, writer, faulty):
    faulty.created_by = writer
    faulty.save()
    client.force_login(writer)
    response = client.post(
        CHANGELIST,
        {"action": "submit_for_review", "_selected_action": [faulty.pk], "index": 0},
        follow=True,
    )
    assert "1 article(s) submitted for review." in response.text
    assert "[repeated_blocks]" in response.text


def test_writers_are_not_offered_an_override_and_cannot_use_one(client, writer, faulty):
    faulty.created_by = writer
    faulty.save()
    client.force_login(writer)
    assert "publish_override_reason" not in client.get(change_url(faulty)).text
    with pytest.raises(PermissionDenied):
        publishing.publish(faulty, by=writer, reason="Trust me.")


def test_the_article_page_shows_the_findings_with_their_place_and_the_overrides(
    client, editor, faulty
):
    publishing.publish(faulty, by=editor, reason="A refrain, on purpose.")
    client.force_login(editor)
    page = client.get(change_url(faulty)).text
    assert "Publish checks" in page
    assert "Blocking · overridden" in page
    assert "Block 5: “Opening”" in page
    assert "overrode repeated_blocks: “A refrain, on purpose.”" in page


def test_publishing_in_code_follows_the_same_rule(editor, faulty):
    with pytest.raises(publishing.PublishBlocked) as blocked:
        publishing.publish(faulty, by=editor)
    assert [finding.code for finding in blocked.value.findings] == ["repeated_blocks"]
    faulty.refresh_from_db()
    assert faulty.status == Article.Status.DRAFT


def test_editors_read_the_overrides_in_their_own_list(client, editor, faulty):
    publishing.publish(faulty, by=editor, reason="Breaking news.")
    client.force_login(editor)
    page = client.get(reverse("admin:articles_publishoverride_changelist")).text
    assert "Breaking news." in page
    assert "repeated_blocks" in page


def test_an_unsigned_piece_without_a_section_is_not_published_from_the_form(client, editor):
    article = ArticleFactory(body=CLEAN_BODY, status="draft", publish_at=None, bylines=[])
    article.section = None
    article.save()
    client.force_login(editor)
    response = client.post(change_url(article), article_form(article, status="published"))
    assert response.status_code == 200
    assert "The piece has no byline" in response.text
    assert "The piece has no section" in response.text
    article.refresh_from_db()
    assert not article.is_public()
