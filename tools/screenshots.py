"""Take screenshots of every dashboard page in headless Chromium (for docs/ and for review).

Usage: python tools/screenshots.py [--out docs/screenshots] [--sizes 1280x720,1920x1080] [--meeting]
Starts the app on a free port, visits every page, waits for the charts, saves PNGs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import PAGES, open_page, running_app, set_meeting_mode, start_browser  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--sizes", default="1280x720")
    parser.add_argument("--meeting", action="store_true")
    parser.add_argument("--full", action="store_true", help="full-page screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with running_app() as url, start_browser() as browser:
        for size in args.sizes.split(","):
            width, height = (int(v) for v in size.split("x"))
            page = browser.new_page(viewport={"width": width, "height": height})
            for slug, _title in PAGES:
                open_page(page, url, slug)
                if args.meeting:
                    set_meeting_mode(page, True)
                suffix = f"-{size}" if len(args.sizes.split(",")) > 1 else ""
                name = f"{slug or 'ringkasan'}{'-rapat' if args.meeting else ''}{suffix}.png"
                page.screenshot(path=str(out / name), full_page=args.full)
                print(out / name)
            page.close()


if __name__ == "__main__":
    main()
