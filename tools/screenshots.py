"""Take screenshots of the dashboard in headless Chromium (for docs/ and for review).

Usage:
  python tools/screenshots.py [--out docs/screenshots] [--sizes 1366x768,1920x1080]    # every page at the desk
  python tools/screenshots.py --meeting [--first] [--sizes ...]                         # mode rapat
Starts the app on a free port, waits for the charts, saves PNGs named ``<page>-<size>.png``.
With ``--meeting`` it opens ``?rapat=true`` and steps through every screen of the meeting
sequence with the arrow key, as a presenter's clicker does: ``rapat-<page>-<screen>-<size>.png``
(``--first``: only each page's first screen).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import PAGES, open_page, press_key, running_app, settle_screen, start_browser  # noqa: E402


def save(page: object, path: Path) -> None:
    """A screenshot as a 128-colour PNG: the same picture for the eye, a third of the bytes."""
    from PIL import Image  # Streamlit depends on Pillow

    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    image = Image.open(path).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)
    print(path)


def slug_of(title: str) -> str:
    return title.split()[0].lower()


def meeting_walk(page: object, url: str, out: Path, size: str, first_only: bool) -> None:
    page.goto(f"{url}/?rapat=true")  # type: ignore[attr-defined]
    page.wait_for_selector("h1", timeout=30_000)  # type: ignore[attr-defined]
    state = settle_screen(page)
    height = int(size.split("x")[1])
    while True:
        number = state["position"].split("/")[0]
        if not first_only or number == "1":
            page.mouse.move(2, height - 2)  # type: ignore[attr-defined]  # no hover label in the picture
            page.wait_for_timeout(300)  # type: ignore[attr-defined]
            save(page, out / f"rapat-{slug_of(state['title'])}-{int(number):02d}-{size}.png")
        if page.get_by_role("button", name="Berikutnya").is_disabled():  # type: ignore[attr-defined]
            return
        state = press_key(page, "ArrowRight", state)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--sizes", default="1366x768,1920x1080")
    parser.add_argument("--meeting", action="store_true", help="mode rapat: every screen of the meeting sequence")
    parser.add_argument("--first", action="store_true", help="with --meeting: only each page's first screen")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with running_app() as url, start_browser() as browser:
        for size in args.sizes.split(","):
            width, height = (int(v) for v in size.split("x"))
            page = browser.new_page(viewport={"width": width, "height": height})
            if args.meeting:
                meeting_walk(page, url, out, size, args.first)
            else:
                for slug, _title in PAGES:
                    open_page(page, url, slug)
                    save(page, out / f"{slug or 'ringkasan'}-{size}.png")
            page.close()


if __name__ == "__main__":
    main()
