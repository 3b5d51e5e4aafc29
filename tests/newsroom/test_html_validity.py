"""Every kind of public page is valid HTML, as the W3C Nu Html Checker sees it."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

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


def test_public_pages_have_no_html_errors(every_page_kind, tmp_path):
    files = []
    for n, (url, response) in enumerate(every_page_kind.items()):
        path = tmp_path / f"page{n}.html"
        path.write_bytes(response.content)
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
