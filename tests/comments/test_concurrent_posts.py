"""Comment posts sent all at once to the app as production runs it (gunicorn, two processes,
eight threads each; tests/live_app.py), on PostgreSQL and on SQLite.

Two hundred posts, half of them repeats of a form already sent (double clicks, retries):
every distinct form is stored exactly once, and every post, repeat or not, is answered
with the redirect to its comment. And one member sending several different comments at
the same instant gets exactly one through the pace rule.
"""

import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from comments.models import Comment
from tests.factories import ArticleFactory, CommentFactory, MemberFactory, SubscriptionFactory
from tests.live_app import Browser, app_server, csrf_token, session_of

pytestmark = pytest.mark.django_db(transaction=True)

SERVER_SETTINGS = {
    "COMMENTS_MIN_INTERVAL_SECONDS": "20",
    # The address limit would stop one machine sending two hundred posts; it is not what
    # is tested here.
    "RATE_LIMIT_COMMENT": "100000/m/address,100000/m/account",
}


def forms_on(page: str) -> dict[str, str]:
    """The submission keys of the new-comment form and of each reply form, by target."""
    keys = {}
    for form in re.findall(r"<form[^>]*comments/articles/.*?</form>", page, re.S):
        key = re.search(r'name="submission" value="([^"]+)"', form).group(1)
        parent = re.search(r'name="parent" value="(\d+)"', form)
        keys[parent.group(1) if parent else "new"] = key
    return keys


def send_all_at_once(posts):
    """Each post on its own thread, all released together; their replies, in order."""
    start = threading.Barrier(len(posts))

    def send(post):
        browser, path, data = post
        start.wait()
        return browser.post(path, data)

    with ThreadPoolExecutor(max_workers=len(posts)) as pool:
        return list(pool.map(send, posts))


def subscribers(count: int, prefix: str):
    members = []
    for n in range(count):
        member = MemberFactory(email=f"{prefix}{n}@test.example", display_name=f"Reader {n}")
        SubscriptionFactory(member=member)
        members.append(member)
    return members


def test_two_hundred_posts_sent_at_once_store_each_form_exactly_once(tmp_path):
    article = ArticleFactory(headline="The quiet channel")
    opening = CommentFactory(article=article, body="The opening remark.")
    path = f"/comments/articles/{article.slug}/"
    sessions = [session_of(member) for member in subscribers(100, "reader")]

    with app_server(tmp_path, **SERVER_SETTINGS) as base:
        visitors = [Browser(base, dict(cookies)) for cookies in sessions]
        with ThreadPoolExecutor(max_workers=8) as pool:
            # The page with the reply form opened under the opening remark, as its Reply
            # link draws it: the new-comment form and that reply form, each with its key.
            page_url = f"{article.get_absolute_url()}?reply={opening.pk}"
            pages = list(pool.map(lambda v: v.get(page_url).text, visitors))

        # 40 forms sent once, 40 sent twice (a double click), 20 replies sent four times
        # (a retrying connection): 200 posts of 100 distinct forms.
        posts, sent_keys = [], []
        for n, (visitor, page) in enumerate(zip(visitors, pages, strict=True)):
            keys, token = forms_on(page), csrf_token(page)
            data = {"csrfmiddlewaretoken": token, "body": f"Remark number {n}."}
            if n < 80:
                data["submission"] = keys["new"]
                times = 1 if n < 40 else 2
            else:
                data.update(submission=keys[str(opening.pk)], parent=opening.pk)
                times = 4
            sent_keys.append(data["submission"])
            posts += [(visitor, path, data)] * times
        started = time.monotonic()
        replies = send_all_at_once(posts)
        took = time.monotonic() - started

    statuses = Counter(reply.status for reply in replies)
    stored = Comment.objects.filter(article=article).exclude(pk=opening.pk)
    where = {str(c.submission_key): c.get_absolute_url() for c in stored}
    answered = {
        (post[2]["submission"], reply.headers.get("location"))
        for post, reply in zip(posts, replies, strict=True)
    }
    print(
        f"\n{len(posts)} comment posts sent at once ({len(sent_keys)} distinct forms, "
        f"{len(posts) - len(sent_keys)} repeats): {stored.count()} stored, "
        f"{len(posts) - stored.count()} repeats answered with the stored comment, "
        f"statuses {dict(statuses)}, {took:.1f} s (slowest answer "
        f"{max(reply.seconds for reply in replies):.1f} s)"
    )
    assert statuses == {302: 200}
    assert stored.count() == 100
    assert sorted(where) == sorted(sent_keys)
    # Every post of a form, first or repeated, was sent to the one comment it stored.
    assert len(answered) == 100
    assert dict(answered) == where


def test_different_comments_sent_at_the_same_instant_by_one_member_pass_the_pace_rule_once(
    tmp_path,
):
    article = ArticleFactory(headline="The quiet channel")
    path = f"/comments/articles/{article.slug}/"
    (member,) = subscribers(1, "hasty")
    cookies = session_of(member)

    with app_server(tmp_path, **SERVER_SETTINGS) as base:
        tabs = [Browser(base, dict(cookies)) for _ in range(8)]
        posts = []
        for n, tab in enumerate(tabs):
            page = tab.get(article.get_absolute_url()).text
            data = {
                "csrfmiddlewaretoken": csrf_token(page),
                "submission": forms_on(page)["new"],
                "body": f"Thought number {n}.",
            }
            posts.append((tab, path, data))
        replies = send_all_at_once(posts)
        # The refused ones are sent back to their form on the article page (303 See
        # Other), where the reason is shown.
        answered = zip(tabs, replies, strict=True)
        tab, refused = next((tab, reply) for tab, reply in answered if reply.status == 303)
        page, anchor = refused.headers["location"].split("#")
        landing = tab.get(page).text

    statuses = Counter(reply.status for reply in replies)
    print(f"\n8 different comments from one member at once: statuses {dict(statuses)}")
    assert statuses == {302: 1, 303: 7}
    assert Comment.objects.filter(article=article, member=member).count() == 1
    assert anchor == "new-comment"
    assert "You are posting faster than we allow." in landing
