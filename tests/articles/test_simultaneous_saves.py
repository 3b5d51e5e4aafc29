"""Two editors pressing Save on the same piece at the same instant, against the app as
production runs it (gunicorn, two processes; tests/live_app.py): one save goes through,
the other is told and shown both versions, every time."""

import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from articles.models import Article
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, StaffFactory
from tests.live_app import Browser, app_server, csrf_token, session_of

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 3


def test_of_two_simultaneous_saves_from_the_same_version_exactly_one_wins(tmp_path):
    article = ArticleFactory(headline="The quiet channel", status=Article.Status.DRAFT)
    # Superusers: a transactional test database has no groups (data migrations are flushed).
    editors = {
        name: StaffFactory(
            email=f"{name.lower()}@test.example", display_name=name, is_superuser=True
        )
        for name in ("Ana", "Bela")
    }
    sessions = {name: session_of(member) for name, member in editors.items()}
    form = article_form(article)
    url = change_url(article)
    outcomes = []

    with app_server(tmp_path) as base:
        for round_number in range(ROUNDS):
            posts = []
            for name, cookies in sessions.items():
                editor = Browser(base, dict(cookies))
                page = editor.get(url).text
                version = re.search(r'name="based_on_version" value="(\d+)"', page).group(1)
                data = {
                    **form,
                    "csrfmiddlewaretoken": csrf_token(page),
                    "based_on_version": version,
                    "headline": f"{name}'s headline, round {round_number}",
                }
                posts.append((editor, data))
            start = threading.Barrier(len(posts))

            def save(post, start=start):
                editor, data = post
                start.wait()
                return editor.post(url, data)

            with ThreadPoolExecutor(max_workers=2) as pool:
                replies = list(pool.map(save, posts))
            outcomes.append(replies)
            saved = [reply for reply in replies if reply.status == 302]
            refused = [reply for reply in replies if reply.status == 200]
            assert (len(saved), len(refused)) == (1, 1), [reply.status for reply in replies]
            assert "Not saved:" in html.unescape(refused[0].text)
            winner = re.search(r"(Ana|Bela)'s headline", html.unescape(refused[0].text))
            assert winner, "the refused editor is not shown the stored headline"

    article.refresh_from_db()
    last_refused = html.unescape(next(r for r in outcomes[-1] if r.status == 200).text)
    stored_headline = f"{article.headline}"
    assert stored_headline.endswith(f"round {ROUNDS - 1}")
    assert stored_headline in last_refused
