"""python -m eval.screenshots [--out docs] [--chromium PATH]

Screenshots of the page with the sample brief and one source open, at 360 and 1440 px wide, light and dark: starts
the service on a free loopback port, drives headless Chromium (Playwright), writes page-<width>-<scheme>.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_ready(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the service did not become ready")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs", help="folder for the PNG files (default: docs)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
                        or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = dict(os.environ, SUMMARIZER_API_RATE_LIMIT="")
    server = subprocess.Popen([sys.executable, "-m", "api", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_ready(url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=["--headless=new", "--no-sandbox"])
            for width, height in ((360, 800), (1440, 900)):
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page = context.new_page()
                    page.goto(url)
                    page.get_by_role("button", name="Try the sample").click()
                    page.locator("#articles textarea").nth(4).wait_for()
                    page.get_by_role("button", name="Summarize").click()
                    page.locator("#brief .sentence").first.wait_for(timeout=60_000)
                    page.locator("#brief .marker").nth(1).click()
                    page.locator("#viewer mark").wait_for()
                    name = out / f"page-{width}-{scheme}.png"
                    page.screenshot(path=str(name), full_page=width > 400)
                    print(name)
                    context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
