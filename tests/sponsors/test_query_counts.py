"""The appeal and the sponsor blocks cost a warm page no query, however many placements and
appeals there are; a logged-in reader pays one query for their standing, shared with the
comments area."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.articles.test_query_counts import BUDGETS, build_newsroom
from tests.factories import (
    AppealFactory,
    ArticleFactory,
    MemberFactory,
    PlacementFactory,
    PlanFactory,
    SectionFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def sponsor_everything(n: int, section) -> None:
    for i in range(n):
        placement = PlacementFactory(headline=f"Offer {i}", weight=i)
        if i % 2:
            placement.sections.add(section)
        PlacementFactory(headline=f"Section offer {i}", slot="section_page")
        AppealFactory(heading=f"Appeal {i}").sections.add(section)


def log_in(client, role: str) -> None:
    if role == "anonymous":
        return
    member = MemberFactory(email=f"{role}@test.example")
    if role == "subscriber":
        SubscriptionFactory(member=member)
    elif role == "ad-free subscriber":
        SubscriptionFactory(member=member, plan=PlanFactory(name="Patron", ad_free=True))
    client.force_login(member)


@pytest.mark.parametrize("role", ["anonymous", "reader", "subscriber", "ad-free subscriber"])
@pytest.mark.parametrize("page", ["article", "section"])
def test_no_placements_or_many_cost_the_same_queries(client, role, page):
    section = SectionFactory(name="Security")
    article = ArticleFactory(section=section)
    url = article.get_absolute_url() if page == "article" else section.get_absolute_url()
    log_in(client, role)
    without = queries_for(client, url)
    sponsor_everything(6, section)
    html = client.get(url).content.decode()
    expected = 0 if role == "ad-free subscriber" else 3
    assert html.count('class="sponsor-block"') == expected
    assert queries_for(client, url) == without


def test_the_anonymous_article_page_keeps_its_pinned_budget_with_an_appeal_and_sponsors(client):
    urls = build_newsroom(3)
    sponsor_everything(4, SectionFactory(name="Diplomacy"))
    html = client.get(urls["article"]).content.decode()
    assert 'class="appeal"' in html and html.count('class="sponsor-block"') == 3
    assert queries_for(client, urls["article"]) == BUDGETS["article"]
    assert queries_for(client, urls["section"]) == BUDGETS["section"]


def test_a_reader_pays_one_query_for_both_blocks_then_none(client):
    section = SectionFactory(name="Security")
    article = ArticleFactory(section=section)
    sponsor_everything(3, section)
    log_in(client, "reader")
    with CaptureQueriesContext(connection) as first:
        client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as second:
        client.get(article.get_absolute_url())
    # The appeal and the sponsor blocks share one answer, kept for the reader's next pages.
    assert len([q for q in first if "members_subscription" in q["sql"]]) == 1
    assert not [q for q in second if "members_subscription" in q["sql"]]
