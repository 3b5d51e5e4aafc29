"""Display names (members.names): cleaned of invisible characters, never passing for the
newsroom's, unique whatever their case; only real staff carry a badge beside comments."""

import pytest

from members.models import Member
from tests.factories import ArticleFactory, CommentFactory, MemberFactory, StaffFactory
from tests.roles import subscribed

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password 1"
IMITATES = "may not look like the newsroom"
TAKEN = "Another member already uses this display name"


def sign_up(client, display_name, email="new.reader@test.example"):
    return client.post(
        "/accounts/signup/",
        {
            "email": email,
            "display_name": display_name,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


@pytest.fixture
def priya(client):
    member = MemberFactory(email="priya@test.example", display_name="Priya")
    client.force_login(member)
    return member


def rename(client, name):
    return client.post("/accounts/profile/", {"display_name": name})


def test_bidi_and_control_characters_are_taken_out_of_a_display_name(client, priya):
    typed = "\u202eIlona\u200f K.\u2066\u200b\x07"
    assert rename(client, typed).status_code == 302
    priya.refresh_from_db()
    assert priya.display_name == "Ilona K."

    client.logout()
    assert sign_up(client, "\u202aJonas\u202c \u200eR.").status_code == 302
    assert Member.objects.get(email="new.reader@test.example").display_name == "Jonas R."


@pytest.mark.parametrize(
    "name",
    [
        "Ilona — Moderator",
        "ilona (mod)",
        "M o d e r a t o r",
        "Mod-erator Ilona",
        "ADMIN",
        "Adm1n",
        "\u0410dmin",  # a Cyrillic A
        "Site staff",
        "Newsroom desk",
        "The Meridian Review",
        "meridian   REVIEW fan",
        "Editor-in-chief",
        "Ed\u200bitor",
    ],
)
def test_a_name_that_imitates_the_newsroom_is_refused_at_sign_up_and_on_the_profile(
    client, priya, name
):
    response = rename(client, name)
    assert response.status_code == 200
    assert IMITATES in response.content.decode()
    priya.refresh_from_db()
    assert priya.display_name == "Priya"

    client.logout()
    response = sign_up(client, name)
    html = response.content.decode()
    assert response.status_code == 200 and IMITATES in html
    assert 'value="new.reader@test.example"' in html  # what was typed is kept
    assert not Member.objects.filter(email="new.reader@test.example").exists()


@pytest.mark.parametrize("name", ["Creditor", "Badminton coach", "Ilona Kovács", "Staffordshire"])
def test_ordinary_names_that_merely_contain_a_role_word_are_accepted(client, priya, name):
    assert rename(client, name).status_code == 302
    priya.refresh_from_db()
    assert priya.display_name == name


def test_display_names_are_unique_whatever_their_case(client, priya):
    MemberFactory(email="ilona@test.example", display_name="Ilona K.")

    response = rename(client, "ILONA  k.")
    assert response.status_code == 200 and TAKEN in response.content.decode()
    priya.refresh_from_db()
    assert priya.display_name == "Priya"

    client.logout()
    response = sign_up(client, "ilona k.")
    assert response.status_code == 200 and TAKEN in response.content.decode()
    assert not Member.objects.filter(email="new.reader@test.example").exists()


def test_a_member_may_change_the_case_of_their_own_name(client, priya):
    assert rename(client, "PRIYA").status_code == 302
    priya.refresh_from_db()
    assert priya.display_name == "PRIYA"


def comments_page(client, *authors):
    article = ArticleFactory()
    for n, author in enumerate(authors):
        CommentFactory(article=article, member=author, body=f"Remark {n} on the piece.")
    client.force_login(subscribed("reader@test.example", display_name="Reader"))
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_only_real_staff_carry_the_staff_badge_beside_their_comments(client):
    moderator = StaffFactory(
        email="moderator@test.example", display_name="Mira", group="Moderators"
    )
    subscribed("ilona@test.example", display_name="Ilona")
    html = comments_page(client, moderator, Member.objects.get(email="ilona@test.example"))
    assert html.count("comment__badge--staff") == 1
    mira = html.index("Mira</span>")
    assert html.index("comment__badge--staff") - mira < 80


def test_names_stored_before_the_rules_are_drawn_cleaned_and_without_a_badge(client):
    old = subscribed("old@test.example", display_name="placeholder")
    Member.objects.filter(pk=old.pk).update(display_name="Ilona \u202e— Moderator\u2066")
    html = comments_page(client, Member.objects.get(pk=old.pk))
    assert "\u202e" not in html and "\u2066" not in html
    assert "Ilona — Moderator" in html
    assert "comment__badge--staff" not in html


def test_a_member_is_never_named_by_their_address():
    nameless = MemberFactory(email="nameless@test.example", display_name="")
    assert "nameless@test.example" not in str(nameless)
    assert str(nameless) == f"Member #{nameless.pk}"
