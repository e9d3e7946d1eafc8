"""The wheel as a user installs it: its own names only, the sample articles, the service and the CLI working."""

import json
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtualenv holding the wheel (dependencies borrowed from this environment), and the wheel."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", str(ROOT),
                    "-w", str(folder / "dist")], check=True, capture_output=True)
    wheel = next((folder / "dist").glob("news_brief-*.whl"))
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # The dependencies from this environment, after the wheel's own files (a .pth line is appended to sys.path).
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    return python, wheel, folder


def run(python, code_or_args, cwd):
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    return subprocess.run([python, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_the_wheel_claims_only_its_own_top_level_names(installed):
    _, wheel, _ = installed
    with zipfile.ZipFile(wheel) as archive:
        top = {name.split("/")[0] for name in archive.namelist() if not name.split("/")[0].endswith(".dist-info")}
        names = archive.namelist()
    assert top == {"summarizer", "news_brief"}
    assert "news_brief/api/static/index.html" in names
    assert sum(name.startswith("summarizer/sample_articles/") and name.endswith(".txt") for name in names) == 5


def test_installed_service_serves_the_sample_and_the_cli_summarizes_it(installed):
    python, _, folder = installed  # run outside the checkout: nothing of it is on the path
    code = """
import json
from news_brief.api import create_app
client = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": ""}).test_client()
sample = client.get("/v1/sample")
page = client.get("/")
print(json.dumps({"status": sample.status_code, "ids": [d["id"] for d in sample.get_json()["documents"]],
                  "page": page.status_code}))
"""
    served = run(python, code, folder)
    assert served.returncode == 0, served.stderr
    result = json.loads(served.stdout)
    assert result["status"] == 200 and result["page"] == 200
    assert result["ids"] == sorted(path.stem for path in (ROOT / "seeds").glob("*.txt"))
    brief = run(python, ["-m", "summarizer", "--max-words", "60"], folder)
    assert brief.returncode == 0, brief.stderr
    assert "North Korea" in brief.stdout and "Sources:" in brief.stdout
    for generic in ("api", "eval"):
        assert run(python, f"import {generic}", folder).returncode != 0
    help_text = run(python, ["-m", "news_brief.api", "--help"], folder)
    assert help_text.returncode == 0 and "python -m news_brief.api" in help_text.stdout
