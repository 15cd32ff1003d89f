"""The two escaping functions: markdown for Streamlit elements, entities for plotly text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from lakip_core.presentation.escape import WORD_JOINER, display, inert, plot_text

SPECIALS = "\\`*_{}[]()#+-.!|<>~$:&="


def test_markdown_markup_is_escaped() -> None:
    assert inert("PK <b>x<b> __T__ $x^2$ ~S~") == r"PK \<b\>x\<b\> \_\_T\_\_ \$x^2\$ \~S\~"
    assert inert("[klik](x) ![g](y)") == r"\[klik\]\(x\) \!\[g\]\(y\)"
    assert inert("Rp 3.262.453.000, 95,80%") == r"Rp 3\.262\.453\.000, 95,80%"


def test_autolinks_icons_and_shortcodes_are_broken_by_an_invisible_joiner() -> None:
    # Streamlit finds these in the parsed text, after backslash escapes are resolved.
    assert (
        inert("KPU http://127.0.0.1:9999/s.png")
        == f"KPU http\\:{WORD_JOINER}//127\\.0\\.0\\.1\\:{WORD_JOINER}9999/s\\.png"
    )
    assert inert("WWW.evil.example") == f"WWW{WORD_JOINER}\\.evil\\.example"
    assert inert("budi@evil.example") == f"budi@{WORD_JOINER}evil\\.example"
    assert inert(":red[x] :material/home: :smile:") == (
        f"\\:{WORD_JOINER}red\\[x\\] \\:{WORD_JOINER}material/home\\: \\:{WORD_JOINER}smile\\:"
    )
    assert inert("Pukul 10: rapat") == "Pukul 10\\: rapat"  # a colon before a space needs no joiner


def test_display_removes_bidi_overrides_and_control_characters_and_cuts_long_text() -> None:
    assert display("\u202eexe.txt\u202c") == "exe.txt"
    assert display("  baris\nkedua\ttab\x00 ") == "baris kedua tab"
    assert display(None) == ""
    long = display("x" * 10_000, 60)
    assert len(long) == 60 and long.endswith("…")
    assert display("pendek", 60) == "pendek"


def test_plotly_text_escapes_tags_and_entities() -> None:
    name = "<b>x</b><a href='https://evil.example'>L</a> &lt;i&gt;"
    assert plot_text(name) == "&lt;b&gt;x&lt;/b&gt;&lt;a href='https://evil.example'&gt;L&lt;/a&gt; &amp;lt;i&amp;gt;"
    assert plot_text("x" * 500, 40).endswith("…")


@given(st.text())
def test_every_markdown_special_is_escaped(text: str) -> None:
    out = inert(text)
    # Every special character is preceded by a backslash (the backslashes pair up from the left).
    plain = re.sub(r"\\.", "", out)
    assert not any(c in SPECIALS for c in plain)
    assert "\u202e" not in out and "\n" not in out
    assert not re.search(r"(?i)https?://|www\.|:[\w/]|@[\w-]", out.replace("\\", ""))


@given(st.text())
def test_plot_text_has_no_tags(text: str) -> None:
    out = plot_text(text)
    assert "<" not in out and ">" not in out
    assert re.sub(r"&(amp|lt|gt);", "", out).count("&") == 0
