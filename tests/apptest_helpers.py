"""What AppTest tests of the upload pages read back: text as shown, warnings, headline figures."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest


def plain(text: str) -> str:
    """Markdown text as shown (the page escapes data text with backslashes)."""
    return re.sub(r"\\(.)", r"\1", text)


def warnings(at: AppTest) -> list[str]:
    return [plain(w.value) for w in at.warning]


def metrics(at: AppTest) -> dict[str, str]:
    """Each metric's label → its value as shown."""
    return {m.label: plain(m.value) for m in at.metric}
