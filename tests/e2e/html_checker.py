"""The Nu HTML Checker (vnu-jar from npm, `npm ci`) over pages the browser tests fetched.

All documents go to one Java run: the checker's start-up costs seconds, its checks milliseconds.
"""

import json
import shutil
import subprocess  # nosec B404: runs the pinned checker on files this test wrote
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(documents):
    """The checker's errors, as "name line N: message" lines, for {name: html} documents."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail(
            f"The Nu HTML Checker needs Java and {VNU.relative_to(ROOT)}: run `npm ci` "
            "(package.json pins vnu-jar) with a Java runtime installed."
        )
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{number:02d}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        command = [java, "-jar", str(VNU), "--format", "json", "--errors-only"]
        result = subprocess.run(  # noqa: S603  # nosec B603: fixed arguments, no shell
            [*command, "--exit-zero-always", *(str(Path(folder) / file) for file in names)],
            capture_output=True,
            text=True,
            check=True,
        )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{names.get(Path(message.get('url', '')).name, message.get('url'))} line "
        f"{message.get('lastLine')}: {message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
