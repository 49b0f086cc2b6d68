"""Screenshot a rendered brief page with headless Chromium.

Usage: python scripts/screenshot.py brief.html docs/img/brief.png [--size 1400,1800]

Chromium runs with networking features off; the page itself loads nothing
from the network anyway (its Content-Security-Policy forbids it).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(html: Path, png: Path, size: str = "1400,1800", timeout: float = 60.0) -> int:
    browser = find_chromium()
    if browser is None:
        print(
            "chromium not found: install it with `apt-get install -y chromium` and run again",
            file=sys.stderr,
        )
        return 2
    if not html.is_file():
        print(f"no such HTML file: {html}", file=sys.stderr)
        return 1
    png.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--hide-scrollbars",
        f"--screenshot={png.resolve()}",
        f"--window-size={size}",
        html.resolve().as_uri(),
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        print(f"chromium did not finish within {timeout:.0f} s", file=sys.stderr)
        return 1
    if done.returncode != 0 or not png.is_file():
        tail = (done.stderr or "").strip().splitlines()[-3:]
        print(f"chromium failed (exit {done.returncode}): {' | '.join(tail)}", file=sys.stderr)
        return 1
    print(f"wrote {png}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the brief.html to capture")
    parser.add_argument("png", type=Path, help="where to write the PNG")
    parser.add_argument("--size", default="1400,1800", help="window WIDTH,HEIGHT in pixels")
    args = parser.parse_args(argv)
    return screenshot(args.html, args.png, args.size)


if __name__ == "__main__":
    sys.exit(main())
