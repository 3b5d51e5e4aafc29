"""`seed_demo` loads a believable publication, and loading it again duplicates nothing."""

import io
import re

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils.html import strip_tags

from articles.models import Article, AuthorProfile, Page, Section

pytestmark = pytest.mark.django_db

DEMO_ACCOUNTS = [
    "admin@example.com",
    "editor@example.com",
    "writer@example.com",
    "moderator@example.com",
    "reader@example.com",
    "subscriber@example.com",
    "lapsed@example.com",
]


def seed(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"members", "articles", "actors", "sources", "taggit", "auth"}
    }


def test_running_seed_demo_twice_duplicates_nothing():
    seed()
    first = row_counts()
    seed()
    assert row_counts() == first


def test_password_option_sets_every_demo_accounts_password():
    output = seed("--password", "a-chosen-pass")
    for email in DEMO_ACCOUNTS:
        assert email in output
        assert authenticate(username=email, password="a-chosen-pass") is not None, email
    assert "a-chosen-pass" in output


def test_demo_content_keeps_the_promises_of_a_publication():
    seed()
    public = Article.objects.public()
    assert public.count() >= 12
    assert Section.objects.filter(articles__in=public).distinct().count() >= 3
    hidden = Article.objects.exclude(pk__in=public.values("pk"))
    assert {a.status for a in hidden} == {"draft", "in_review", "published"}
    assert all(a.is_scheduled for a in hidden if a.status == "published")
    for article in public.for_page():
        assert article.lead_image and article.lead_image_width == 1600, article
        assert article.lead_image_caption and article.lead_image_alt, article
        assert article.lead_image_credit_source is not None, article
        assert article.body.count("<h2>") >= 2, article
        assert len(article.citations.all()) >= 1, article
        assert len(article.actor_links.all()) >= 1, article
    reference = public.get(slug__startswith="back-channels")
    assert reference.body.count("<h2>") == 5
    assert {"viktor-orban", "robert-fico", "hungary", "slovakia"} <= {
        link.actor.slug for link in reference.actor_links.all()
    }


def test_demo_publication_has_its_own_pages_written_out_and_linked_in_the_footer(client):
    seed()
    pages = list(Page.objects.published())
    assert [page.slug for page in pages] == [
        "about",
        "masthead",
        "contact",
        "corrections",
        "privacy",
        "terms",
    ]
    home = client.get("/").text.split('<footer class="site-footer">', 1)[1]
    for page in pages:
        assert f'href="{page.get_absolute_url()}"' in home, page
        assert page.summary and len(strip_tags(page.body).split()) >= 100, page
        for address in re.findall(r'href="(/[^"]*)"', page.body):
            assert client.get(address).status_code == 200, (page, address)
    masthead = Page.objects.get(slug="masthead").body
    assert all(author.byline in masthead for author in AuthorProfile.objects.all())


def test_every_demo_author_has_a_photo_and_a_bio_for_the_end_of_their_pieces():
    seed()
    for author in AuthorProfile.objects.all():
        assert author.photo and author.photo_width == 400 and author.bio, author
