"""Every kind of public page is valid HTML, as the W3C Nu Html Checker sees it."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import (
    ActorAliasFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    SourceFactory,
    image_file,
)

VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"
)
JAVA = shutil.which("java")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

if not (VNU_JAR.exists() and JAVA):
    missing = "the vnu-jar npm package" if not VNU_JAR.exists() else "Java"
    if IN_CI:
        raise RuntimeError(f"CI=true and {missing} is missing: the HTML checker cannot run.")
    pytestmark = pytest.mark.skip(reason=f"{missing} not found: HTML validity not checked")


@pytest.fixture
def pages(db, client):
    article = ArticleFactory(headline="Orbán and Fico: the quiet channel", featured=True)
    article.lead_image.save("lead.jpg", image_file(), save=False)
    article.lead_image_caption = "Two leaders pose during a visit to Bratislava."
    article.lead_image_alt = "Two men shake hands in front of flags."
    source = SourceFactory(name="Central Broadcaster")
    article.lead_image_credit_source = source
    article.save()
    article.tags.add("back channels", "Central Europe")
    author = AuthorFactory(byline="Martin Halloway", title="Editor-in-Chief")
    BylineFactory(article=article, author=author)
    link = ArticleActorFactory(article=article, role="main")
    ActorAliasFactory(actor=link.actor, name="The Minister")
    ArticleActorFactory(article=article, actor__kind="state", actor__name="Hungary")
    CitationFactory(article=article, source=source, url="https://example.org/r", note="July")
    urls = [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        "/tags/back-channels/",
        author.get_absolute_url(),
        "/actors/",
        link.actor.get_absolute_url(),
        "/sources/",
        source.get_absolute_url(),
        "/articles/no-such-piece/",
    ]
    return {url: client.get(url).content for url in urls}


def test_public_pages_have_no_html_errors(pages, tmp_path):
    files = []
    for n, (url, html) in enumerate(pages.items()):
        path = tmp_path / f"page{n}.html"
        path.write_bytes(html)
        files.append((str(path), url))
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[f for f, _ in files]],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    by_file = dict(files)
    errors = [
        f"{by_file.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
