"""On the article desk: saving suggests the actors the text names; the editor keeps, takes
over or dismisses each suggestion, and hand links stay as they are."""

import re

import pytest

from articles.models import Article, ArticleActor, DismissedActor
from tests.admin_forms import article_form, change_url
from tests.factories import ActorAliasFactory, ActorFactory, ArticleActorFactory, ArticleFactory

pytestmark = pytest.mark.django_db

BODY = "<p>Viktor Orbán met Robert Fico in Budapest. Orbán spoke first.</p>"


def row(link: ArticleActor, **changes) -> dict:
    return {
        "id": link.pk,
        "actor": link.actor_id,
        "role": link.role,
        "position": link.position,
        **changes,
    }


def linked(article) -> dict[str, tuple]:
    return {
        link.actor.name: (link.role, link.found_automatically, link.mentions)
        for link in article.actor_links.select_related("actor")
    }


@pytest.fixture
def cast(db):
    orban = ActorFactory(name="Viktor Orbán")
    ActorAliasFactory(actor=orban, name="Orbán")
    fico = ActorFactory(name="Robert Fico")
    hungary = ActorFactory(name="Hungary", kind="state")
    ActorAliasFactory(actor=hungary, name="Budapest")
    return {"orban": orban, "fico": fico, "hungary": hungary}


@pytest.fixture
def draft(db):
    return ArticleFactory(
        headline="Two leaders", body=BODY, status=Article.Status.DRAFT, publish_at=None
    )


def test_saving_a_piece_suggests_the_actors_its_text_names(client, editor, cast, draft):
    client.force_login(editor)
    response = client.post(change_url(draft), article_form(draft), follow=True)
    assert response.status_code == 200
    assert linked(draft) == {
        "Viktor Orbán": ("mentioned", True, 2),
        "Robert Fico": ("mentioned", True, 1),
        "Hungary": ("mentioned", True, 1),
    }
    assert "Actors named in the text and suggested: Viktor Orbán (2), Robert Fico (1)" in (
        response.text
    )


def test_the_change_page_shows_suggestions_with_their_mentions(client, editor, cast, draft):
    client.force_login(editor)
    client.post(change_url(draft), article_form(draft))
    page = client.get(change_url(draft)).text
    counts = re.findall(r'field-mention_count">\s*<p>([^<]*)</p>', page)
    # Orbán, Fico, Hungary, then the blank row for a new hand link.
    assert counts == ["2", "1", "1", "—"]
    assert "found automatically" in page.lower()


def test_deleting_a_suggestion_dismisses_it_for_that_piece(client, editor, cast, draft):
    client.force_login(editor)
    client.post(change_url(draft), article_form(draft))
    links = {link.actor.name: link for link in draft.actor_links.select_related("actor")}
    rows = [row(link, DELETE="on" if name == "Hungary" else "") for name, link in links.items()]
    client.post(change_url(draft), article_form(draft, rows))
    client.post(change_url(draft), article_form(draft, [row(links["Viktor Orbán"])]))

    assert set(linked(draft)) == {"Viktor Orbán", "Robert Fico"}
    dismissal = DismissedActor.objects.get(article=draft)
    assert (dismissal.actor, dismissal.dismissed_by) == (cast["hungary"], editor)
    assert "Dismissed suggestions" in client.get(change_url(draft)).text


def test_editing_a_suggestion_makes_it_a_hand_link(client, editor, cast, draft):
    client.force_login(editor)
    client.post(change_url(draft), article_form(draft))
    orban = draft.actor_links.get(actor=cast["orban"])
    client.post(change_url(draft), article_form(draft, [row(orban, role="main")]))
    client.post(change_url(draft), article_form(draft, body="<p>Nobody at all.</p>"))
    assert linked(draft) == {"Viktor Orbán": ("main", False, 2)}


def test_hand_links_stay_when_the_text_stops_naming_the_actor(client, editor, cast, draft):
    ArticleActorFactory(article=draft, actor=cast["fico"], role="main")
    client.force_login(editor)
    client.post(change_url(draft), article_form(draft, body="<p>Orbán alone.</p>"))
    assert linked(draft) == {
        "Robert Fico": ("main", False, 0),
        "Viktor Orbán": ("mentioned", True, 1),
    }


def test_an_ambiguous_name_is_pointed_out_and_left_unlinked(client, editor, draft):
    for name in ("John F. Kennedy", "Robert F. Kennedy"):
        ActorAliasFactory(actor=ActorFactory(name=name), name="Kennedy")
    client.force_login(editor)
    response = client.post(
        change_url(draft), article_form(draft, body="<p>Kennedy decided.</p>"), follow=True
    )
    assert linked(draft) == {}
    assert "“Kennedy” could be John F. Kennedy or Robert F. Kennedy" in response.text


def test_writers_get_suggestions_on_their_own_drafts(client, writer, cast, draft):
    draft.created_by = writer
    draft.save()
    client.force_login(writer)
    response = client.post(change_url(draft), article_form(draft))
    assert response.status_code == 302
    assert set(linked(draft)) == {"Viktor Orbán", "Robert Fico", "Hungary"}
