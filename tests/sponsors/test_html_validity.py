"""Pages with the appeal and sponsor blocks, and the sponsors' report, are valid HTML."""

import json
import subprocess

import pytest

from tests.factories import (
    AppealFactory,
    ArticleFactory,
    PlacementFactory,
    SectionFactory,
    SponsorFactory,
    image_file,
)
from tests.newsroom.test_html_validity import JAVA, VNU_JAR

pytestmark = pytest.mark.django_db

if not (VNU_JAR.exists() and JAVA):
    pytestmark = [pytestmark, pytest.mark.skip(reason="the HTML checker is not available")]


def html_errors(pages: dict[str, bytes], tmp_path) -> list[str]:
    files = {}
    for n, (name, content) in enumerate(pages.items()):
        path = tmp_path / f"page{n}.html"
        path.write_bytes(content)
        files[str(path)] = name
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]


def test_pages_with_the_appeal_sponsors_and_the_report_are_valid(client, editor, tmp_path):
    section = SectionFactory(name="Security")
    article = ArticleFactory(section=section)
    AppealFactory()
    sponsor = SponsorFactory(name="Harrow & Vane", postal_address="14 Foundry Row\nLeek")
    sponsor.logo.save("logo.png", image_file(size=(240, 60)), save=True)
    placement = PlacementFactory(sponsor=sponsor, image_alt="A crosshair.")
    placement.image.save("offer.jpg", image_file(), save=True)
    PlacementFactory()
    PlacementFactory(slot="section_page")
    pages = {
        "article": client.get(article.get_absolute_url()).content,
        "section": client.get(section.get_absolute_url()).content,
    }
    assert b'class="sponsor-block"' in pages["article"]
    assert b'class="sponsor-block"' in pages["section"]
    client.force_login(editor)
    pages["report"] = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/").content
    assert html_errors(pages, tmp_path) == []
