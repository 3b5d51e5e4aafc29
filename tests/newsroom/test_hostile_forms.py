"""Hostile text typed into every form whose fields reach a public page.

Through the real entry points: the article, actor, source and tag forms of the newsroom
posted by an editor, the comment form, sign-up and the profile's display name. Each
string is either stored exactly as typed (after the form's documented trimming: leading
and trailing spaces; line breaks counted as line feeds in comments; runs of spaces in a
display name) or refused with a clear message on the form, never an error page.
"""

import pytest
from django.conf import settings
from django.utils.html import escape
from taggit.models import Tag

from actors.models import Actor
from articles.models import Article
from comments.models import Comment
from members import names
from members.models import Member
from sources.models import Source
from tests.factories import ArticleFactory, MemberFactory, SubscriptionFactory
from tests.hostile import HOSTILE, markup_problems, visible_text, words

pytestmark = pytest.mark.django_db

NULL_REFUSED = "Null characters are not allowed."

# Typed in batches: each batch a test of its own, so a parallel run shares them out.
BATCH = 50
BATCHES = [HOSTILE[n : n + BATCH] for n in range(0, len(HOSTILE), BATCH)]
in_batches = pytest.mark.parametrize(
    "strings", BATCHES, ids=[f"batch{n}" for n in range(len(BATCHES))]
)


@pytest.fixture(autouse=True)
def _no_brakes(settings):
    """Rate limits and the comment interval would stop a run of posts: not what is tested."""
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "1000000/m/address")
    settings.ACCOUNT_RATE_LIMITS = False
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    settings.COMMENTS_PREMODERATE_FIRST = False


def expected_outcome(text: str, max_length: int, *, required: bool = True) -> str | None:
    """The value a form stores for ``text``, or None when it must refuse it."""
    value = text.strip()
    if "\x00" in text or (required and not value) or len(value) > max_length:
        return None
    return value


def refused_with_message(response, *messages):
    assert response.status_code in (200, 400), response.status_code
    html = response.content.decode()
    assert any(escape(message) in html for message in messages), [
        m for m in messages if m not in html
    ]
    assert not markup_problems(html)


def errors_in(response) -> list[str]:
    import re

    return re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S)


def admin_add(client, path: str, data: dict, inlines=("aliases",)):
    for prefix in inlines:
        data.setdefault(f"{prefix}-TOTAL_FORMS", "0")
        data.setdefault(f"{prefix}-INITIAL_FORMS", "0")
    return client.post(f"/admin/{path}/add/", data)


@in_batches
def test_editor_types_hostile_text_into_the_article_form(strings, client, editor):
    client.force_login(editor)
    inlines = ["bylines", "actor_links", "citations", "taggit-taggeditem-content_type-object_id"]
    for n, text in enumerate(strings):
        data = {
            "headline": text,
            "slug": "",
            "dek": text,
            "body": f"<p>{escape(text)}</p>{text}",
            "kind": "analysis",
            "section": "",
            "lead_image_caption": text,
            "lead_image_alt": text,
            "lead_image_credit_source": "",
            "lead_image_credit_text": text,
            "status": "draft",
            "publish_at_0": "",
            "publish_at_1": "",
            "access": "public",
            "comments_open": "on",
            "publish_override_reason": "",
        }
        for prefix in inlines:
            data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        before = Article.objects.count()
        response = client.post("/admin/articles/article/add/", data)
        headline = expected_outcome(text, 200)
        too_long = len(text.strip()) > 200
        if headline is None or too_long:
            refused_with_message(
                response,
                NULL_REFUSED,
                "This field is required.",
                "Ensure this value has at most 200 characters",
            )
            assert Article.objects.count() == before, repr(text[:60])
            # What was typed is still in the form.
            if "\x00" not in text and text.strip():
                assert escape(text.strip()[:50]) in response.content.decode()
            continue
        assert response.status_code == 302, (n, repr(text[:60]), errors_in(response))
        article = Article.objects.latest("id")
        assert article.headline == headline
        assert article.dek == text.strip()
        assert article.lead_image_caption == text.strip()[:300]
        assert article.lead_image_credit_text == text.strip()[:200]
        assert "<script" not in article.body.lower()
        preview = client.get(f"/admin/articles/article/{article.pk}/preview/")
        assert preview.status_code == 200
        html = preview.content.decode()
        assert not markup_problems(html), (n, repr(text[:60]), markup_problems(html))
        shown = visible_text(html)
        assert words(headline) in shown
        assert words(text) in shown, repr(text[:60])  # the body's typed text


@in_batches
@pytest.mark.parametrize(
    "path,model",
    [("actors/actor", Actor), ("sources/source", Source)],
)
def test_editor_types_hostile_names_and_aliases(strings, path, model, client, editor):
    client.force_login(editor)
    for n, text in enumerate(strings):
        alias = f"{text} (alias)"
        data = {
            "name": text,
            "slug": "",
            "kind": "person" if model is Actor else "newspaper",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": alias,
        }
        before = model.objects.count()
        name = expected_outcome(text, 200)
        taken = model is Source and Source.objects.filter(name=name).exists()
        response = admin_add(client, path, data)
        if name is None or expected_outcome(alias, 200) is None:
            refused_with_message(
                response,
                NULL_REFUSED,
                "This field is required.",
                "Ensure this value has at most 200 characters",
            )
            assert model.objects.count() == before
            continue
        if taken:  # source names are unique
            refused_with_message(response, "Source with this Name already exists.")
            continue
        assert response.status_code == 302, (n, repr(text[:60]), errors_in(response))
        saved = model.objects.latest("id")
        assert saved.name == name
        assert [a.name for a in saved.aliases.all()] == [alias.strip()]
        page = client.get(saved.get_absolute_url())
        assert page.status_code == 200  # a page with no public piece still answers


@in_batches
def test_editor_types_hostile_tag_names(strings, client, editor):
    client.force_login(editor)
    article = ArticleFactory()
    for n, text in enumerate(strings):
        response = client.post(
            "/admin/taggit/tag/add/",
            {
                "name": text,
                "slug": f"tag-{n}",
                "taggit_taggeditem_items-TOTAL_FORMS": "0",
                "taggit_taggeditem_items-INITIAL_FORMS": "0",
            },
        )
        name = expected_outcome(text, 100)
        if name is None:
            refused_with_message(
                response,
                NULL_REFUSED,
                "This field is required.",
                "Ensure this value has at most 100 characters",
            )
            continue
        if response.status_code == 200:
            # Tag names are unique regardless of case: a repeated name is refused.
            refused_with_message(response, "Tag with this Name already exists.")
            continue
        assert response.status_code == 302, (n, repr(text[:60]))
        tag = Tag.objects.get(slug=f"tag-{n}")
        assert tag.name == name
        article.tags.add(tag)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert not markup_problems(page.content.decode())


@in_batches
def test_a_subscriber_posts_hostile_comments(strings, client, people):
    subscriber = people["subscriber"]
    client.force_login(subscriber)
    article = ArticleFactory(headline="The hostile discussion")
    stored = []
    for n, text in enumerate(strings):
        # A refused comment is sent back to its form (303 See Other): followed here.
        response = client.post(f"/comments/articles/{article.slug}/", {"body": text}, follow=True)
        value = expected_outcome(text, 5000)
        if value is not None:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if value is None:
            refused_with_message(
                response,
                NULL_REFUSED,
                "Write something before posting: a comment cannot be empty.",
                "A comment can be at most 5,000 characters long",
            )
            if text.strip() and "\x00" not in text:
                assert escape(text.strip()[:50]) in response.content.decode()
            continue
        outcome = response.redirect_chain[0][1]
        assert outcome == 302, (n, repr(text[:60]), outcome)
        comment = Comment.objects.latest("id")
        assert comment.body == value
        stored.append(value)
    # Every stored comment is on the discussion's pages, as text.
    shown = ""
    for page in range(1, len(stored) // settings.COMMENTS_PER_PAGE + 2):
        response = client.get(f"{article.get_absolute_url()}?page={page}")
        assert response.status_code == 200
        assert not markup_problems(response.content.decode())
        shown += visible_text(response.content.decode())
    missing = [body for body in stored if words(body) not in shown and "http" not in body]
    assert not missing


@in_batches
def test_hostile_display_names_on_the_profile_and_at_sign_up(strings, client):
    """Names are stored cleaned of invisible characters; names that pass for the newsroom's
    or are taken are refused with a message (members.names)."""
    member = MemberFactory(email="named@test.example", display_name="Before")
    SubscriptionFactory(member=member)
    for n, text in enumerate(strings):
        expected = names.clean_display_name(text)
        refused = "\x00" in text or len(text.strip()) > 60
        imitates = names.imitates_staff(expected)

        client.force_login(member)
        taken = names.display_name_taken(expected, member=member)
        response = client.post("/accounts/profile/", {"display_name": text})
        member.refresh_from_db()
        if refused:
            refused_with_message(
                response, NULL_REFUSED, "Ensure this value has at most 60 characters"
            )
        elif imitates or taken:
            refused_with_message(response, names.IMITATES_STAFF if imitates else names.TAKEN)
            assert member.display_name == "Before"
        else:
            assert response.status_code == 302, (n, repr(text[:60]))
            assert member.display_name == expected
        Member.objects.filter(pk=member.pk).update(display_name="Before")

        client.logout()
        email = f"new{n}@test.example"
        taken = names.display_name_taken(expected)
        response = client.post(
            "/accounts/signup/",
            {
                "email": email,
                "password1": "a long enough password 1",
                "password2": "a long enough password 1",
                "display_name": text,
            },
        )
        created = Member.objects.filter(email=email).first()
        if refused or not expected or imitates or taken:
            refused_with_message(
                response,
                NULL_REFUSED,
                "Ensure this value has at most 60 characters",
                "This field is required.",
                names.REQUIRED,
                names.IMITATES_STAFF,
                names.TAKEN,
            )
            assert created is None
        else:
            assert response.status_code == 302, (n, repr(text[:60]), response.status_code)
            assert created.display_name == expected
