import pytest
from django.db import IntegrityError

from members.models import Member

pytestmark = pytest.mark.django_db


def test_members_log_in_to_the_newsroom_with_their_email(client):
    Member.objects.create_user("Editor@Example.com", "s3cret-pass-word", is_staff=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor@example.com", "password": "s3cret-pass-word"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_email_is_stored_lower_case_and_unique_whatever_its_case():
    Member.objects.create_user("Reader@Example.com", "pw")
    assert Member.objects.filter(email="reader@example.com").exists()
    with pytest.raises(IntegrityError):
        Member.objects.create(email="READER@example.com")


def test_public_name_never_shows_the_email():
    member = Member.objects.create_user("someone@example.com", "pw")
    assert member.public_name == "A reader"
    member.display_name = "Ilona K."
    assert member.public_name == "Ilona K."
