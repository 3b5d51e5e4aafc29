"""The newsletters' public pages run a fixed number of SQL queries, however many
newsletters there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletters import readers
from tests.factories import NewsletterFactory, RecipientFactory

pytestmark = pytest.mark.django_db

# Pinned. The list page: the newsletters. The confirmation page: the newsletters the link
# names. The unsubscribe page: the recipient, the newsletter, whether it is still received.
BUDGETS = {"list": 1, "confirm": 1, "unsubscribe": 3}


def build(n: int) -> dict[str, str]:
    letters = [NewsletterFactory(name=f"Letter {i}") for i in range(n)]
    recipient = RecipientFactory(email="ana@example.org", newsletters=letters)
    return {
        "list": "/newsletters/",
        "confirm": f"/newsletters/confirm/{readers.confirmation_token('b@example.org', letters)}/",
        "unsubscribe": readers.unsubscribe_url(recipient.pk, letters[0].pk).removeprefix(
            "http://localhost:8000"
        ),
    }


@pytest.mark.parametrize("page", list(BUDGETS))
@pytest.mark.parametrize("size", [1, 25])
def test_newsletter_pages_run_their_pinned_number_of_queries(client, page, size):
    url = build(size)[page]
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert len(captured) == BUDGETS[page], [q["sql"] for q in captured]
