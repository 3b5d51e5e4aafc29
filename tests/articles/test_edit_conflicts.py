"""Two people saving the same piece from forms opened at the same version: the second is
told who saved it and when, shown both versions, and loses nothing it typed."""

import html
import re

import pytest
from django.urls import reverse
from reversion.models import Version

from articles import conflicts, publishing
from articles.admin.desk import ArticleAdminForm
from articles.models import Article
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

BODY = (
    "<h2>Back channels</h2><p>The channel ran through Vienna for a decade.</p>"
    "<p>Nobody in Bratislava spoke of it in public.</p>"
)


@pytest.fixture
def colleague(db):
    return StaffFactory(email="ana.kovacs@test.example", display_name="Ana Kovács", group="Editors")


@pytest.fixture
def piece(db):
    return ArticleFactory(
        headline="The quiet channel",
        dek="How two capitals talk.",
        body=BODY,
        status=Article.Status.DRAFT,
        publish_at=None,
    )


def save(client, article, form):
    return client.post(change_url(article), form)


def hidden_version(page: str) -> int:
    match = re.search(r'name="based_on_version" value="(\d+)"', page)
    assert match, "the change form carries no version"
    return int(match.group(1))


def conflict_panel(page: str) -> str:
    match = re.search(r'<section class="edit-conflict".*?</section>', page, re.S)
    assert match, "no conflict panel on the page"
    return html.unescape(match.group(0))


def test_the_change_form_carries_the_version_it_was_opened_at(client, editor, piece):
    client.force_login(editor)
    first = hidden_version(client.get(change_url(piece)).text)
    assert save(client, piece, article_form(piece, headline="Sharper")).status_code == 302
    assert hidden_version(client.get(change_url(piece)).text) == first + 1


def test_a_stale_form_is_refused_and_told_who_saved_the_piece_and_when(
    client, editor, colleague, piece
):
    mine = article_form(piece, headline="The quiet channel, revisited", dek="My standfirst.")
    theirs = article_form(piece, headline="A channel nobody named")
    client.force_login(colleague)
    assert save(client, piece, theirs).status_code == 302

    client.force_login(editor)
    response = save(client, piece, mine)

    assert response.status_code == 200
    page = html.unescape(response.text)
    assert "Not saved: Ana Kovács saved this article at" in page
    assert "after you opened it" in page
    piece.refresh_from_db()
    assert (piece.headline, piece.dek) == ("A channel nobody named", "How two capitals talk.")


def test_the_refused_editor_sees_both_versions_field_by_field(client, editor, colleague, piece):
    mine = article_form(piece, headline="The quiet channel, revisited", dek="My standfirst.")
    theirs = article_form(piece, headline="A channel nobody named", kind="opinion")
    client.force_login(colleague)
    save(client, piece, theirs)

    client.force_login(editor)
    panel = conflict_panel(save(client, piece, mine).text)

    rows = {
        row[0]: row[1:]
        for row in re.findall(
            r'<th scope="row">(.*?)</th>\s*<td class="edit-conflict__value">(.*?)</td>\s*'
            r'<td class="edit-conflict__value">(.*?)</td>',
            panel,
            re.S,
        )
    }
    assert rows == {
        "Headline": ("The quiet channel, revisited", "A channel nobody named"),
        "Standfirst": ("My standfirst.", "How two capitals talk."),
        "Kind": ("Analysis", "Opinion"),
    }


def test_the_body_is_compared_as_a_readable_diff(client, editor, colleague, piece):
    mine = article_form(
        piece, body=BODY.replace("for a decade", "for two decades") + "<p>My new ending.</p>"
    )
    theirs = article_form(piece, body=BODY.replace("Nobody in Bratislava", "Everyone in Vienna"))
    client.force_login(colleague)
    save(client, piece, theirs)

    client.force_login(editor)
    panel = conflict_panel(save(client, piece, mine).text)

    assert "1 block the same in both" in panel  # the heading
    assert "Vienna for <del>a decade.</del> <ins>two decades.</ins>" in panel
    changed = "<del>Everyone</del> <ins>Nobody</ins> in <del>Vienna</del> <ins>Bratislava</ins>"
    assert changed in panel
    assert "Only in yours: <ins>My new ending.</ins>" in panel


def test_nothing_the_refused_editor_typed_is_lost(client, editor, colleague, piece):
    mine = article_form(piece, headline="My headline", body="<p>My whole new text.</p>")
    client.force_login(colleague)
    save(client, piece, article_form(piece, headline="Their headline"))

    client.force_login(editor)
    response = save(client, piece, mine)

    form = response.context["adminform"].form
    assert form["headline"].value() == "My headline"
    assert "My whole new text." in form["body"].value()
    assert 'value="My headline"' in response.text


def test_saving_the_conflict_form_again_is_a_deliberate_save_that_goes_through(
    client, editor, colleague, piece
):
    mine = article_form(piece, headline="My headline")
    client.force_login(colleague)
    save(client, piece, article_form(piece, headline="Their headline"))
    client.force_login(editor)
    refused = save(client, piece, mine)

    again = {**mine, "based_on_version": hidden_version(refused.text)}
    assert save(client, piece, again).status_code == 302

    piece.refresh_from_db()
    assert piece.headline == "My headline"
    # Revisions keep working: the colleague's save and the deliberate one, not the refusal.
    headlines = [
        version.field_dict["headline"] for version in Version.objects.get_for_object(piece)
    ]
    assert headlines == ["My headline", "Their headline"]


def test_writers_are_stopped_the_same_way(client, writer, colleague, piece):
    piece.created_by = writer
    piece.save()
    mine = article_form(piece, headline="The writer's headline")
    client.force_login(colleague)
    save(client, piece, article_form(piece, headline="The editor's headline"))

    client.force_login(writer)
    response = save(client, piece, mine)

    assert response.status_code == 200
    assert "Not saved: Ana Kovács saved this article" in html.unescape(response.text)
    piece.refresh_from_db()
    assert piece.headline == "The editor's headline"


def test_a_save_that_loses_the_race_after_its_check_is_still_refused(
    client, editor, colleague, piece, monkeypatch
):
    """Both forms pass the check at the same moment; the compare-and-swap lets one through."""
    mine = article_form(piece, headline="My headline")
    client.force_login(colleague)
    save(client, piece, article_form(piece, headline="Their headline"))
    checks = []
    real_check = ArticleAdminForm.changed_since_opened

    def checked_before_their_save(form, cleaned):
        checks.append(cleaned["based_on_version"])
        return False if len(checks) == 1 else real_check(form, cleaned)

    monkeypatch.setattr(ArticleAdminForm, "changed_since_opened", checked_before_their_save)
    client.force_login(editor)
    response = save(client, piece, mine)

    assert len(checks) == 2  # the save was rolled back and the form checked again
    assert response.status_code == 200
    assert "Not saved: Ana Kovács saved this article" in html.unescape(response.text)
    piece.refresh_from_db()
    assert piece.headline == "Their headline"
    assert Version.objects.get_for_object(piece).count() == 1


def test_a_form_opened_before_the_publish_action_is_told_it_was_published(
    client, editor, colleague, piece
):
    mine = article_form(piece, headline="My headline")
    client.force_login(colleague)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [piece.pk]},
    )
    client.force_login(editor)
    response = save(client, piece, mine)

    panel = conflict_panel(response.text)
    assert re.search(r"Status</th>\s*<td[^>]*>Draft</td>\s*<td[^>]*>Published</td>", panel)
    piece.refresh_from_db()
    assert piece.is_public()
    assert piece.headline == "The quiet channel"


def test_publishing_writes_only_its_own_fields_over_a_newer_text(editor, piece):
    loaded_before_the_edit = Article.objects.get(pk=piece.pk)
    Article.objects.filter(pk=piece.pk).update(body="<p>The text as edited meanwhile.</p>")

    publishing.publish(loaded_before_the_edit, by=editor)

    piece.refresh_from_db()
    assert piece.is_public()
    assert piece.body == "<p>The text as edited meanwhile.</p>"


def test_the_unpublish_action_keeps_an_edit_made_meanwhile(client, editor, colleague):
    article = ArticleFactory(headline="Out in the world")
    mine = article_form(article, headline="A better headline")
    client.force_login(colleague)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    assert conflicts.stamp_of(article).saved_by == colleague

    client.force_login(editor)
    response = save(client, article, mine)
    assert response.status_code == 200
    article.refresh_from_db()
    assert (article.status, article.headline) == ("draft", "Out in the world")


def test_reverting_from_a_page_opened_before_someone_saved_is_refused_the_same_way(
    client, editor, colleague, piece
):
    client.force_login(editor)
    save(client, piece, article_form(piece, headline="The first rewrite"))
    first = Version.objects.get_for_object(piece).first()
    revert_url = reverse("admin:articles_article_revision", args=[piece.pk, first.pk])
    opened = hidden_version(client.get(revert_url).text)

    client.force_login(colleague)
    save(client, piece, article_form(piece, headline="Their later rewrite"))
    client.force_login(editor)
    response = client.post(
        revert_url,
        {**article_form(piece, headline="The first rewrite"), "based_on_version": opened},
    )

    assert response.status_code == 200
    panel = conflict_panel(response.text)
    assert "Saved by <strong>Ana Kovács</strong>" in panel
    assert re.search(r"The first rewrite</td>\s*<td[^>]*>Their later rewrite</td>", panel)
    piece.refresh_from_db()
    assert piece.headline == "Their later rewrite"
