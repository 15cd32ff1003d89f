"""Data text made inert where it meets markup: Streamlit's markdown and plotly's pseudo-HTML.

Text in ``lakip_core`` is plain text everywhere: names read from uploads (satker, sheets, files,
sasaran, indikator, kegiatan, aset, pegawai), finding messages, next-step lines and chart titles
never carry markup. Markup is composed in two places only, and that is where a plain string is
escaped, once, by exactly one of these functions:

- :func:`inert` where Streamlit renders markdown: ``st.markdown``/``caption``/``title``/
  ``subheader``, ``success``/``info``/``warning``/``error``, tab and expander labels, metric label,
  value and delta, widget labels and help, page-link labels. (Option labels of ``selectbox`` /
  ``multiselect`` via ``format_func``, ``st.dataframe`` cells and text-input values are plain
  text in Streamlit 1.67 and take the plain :func:`display` text.)
- :func:`plot_text` for text inside a plotly figure: titles, tick labels, hover text,
  annotations, legend names (``presentation/charts.py`` applies it; its callers pass plain text).

Both start from :func:`display`: bidirectional overrides (U+202E …) removed, control characters
and line breaks turned into spaces, surrounding blanks stripped, and an optional length limit
with an ellipsis (a 10,000-character name must not push a label off the screen).
"""

from __future__ import annotations

import re

# Bidirectional formatting characters: an RTL override makes "exe.txt" read as "txt.exe".
_BIDI = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
ELLIPSIS = "…"

# Every ASCII punctuation character with a meaning in Streamlit's markdown (CommonMark + GFM
# tables/strikethrough, math ``$``, directives ``:red[…]{…}``, entities ``&``, setext ``=``);
# a backslash makes each a literal character (CommonMark "backslash escapes").
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~$:&="})
# Streamlit finds some patterns in the *parsed text*, after backslash escapes are resolved:
# GFM autolink literals (``http://``, ``https://``, ``www.``, ``name@host``), emoji shortcodes
# (``:smile:``), ``:material/…:`` icons and ``:streamlit:``. An invisible WORD JOINER (U+2060)
# after the ``:`` / ``@`` / ``www`` keeps each pattern from matching and shows nothing.
WORD_JOINER = "\u2060"
_PATTERN_STARTS = re.compile(r"(?<=:)(?=[\w/+-])|(?<=@)(?=[\w-])|(?i:(?<=www))(?=\.)")


def display(text: object, limit: int | None = None) -> str:
    """Plain text fit to show: no bidi overrides or control characters, at most ``limit`` characters.

    ``None`` gives ``""``. A text longer than ``limit`` keeps its first ``limit - 1`` characters
    and ends with ``…``.
    """
    value = "" if text is None else str(text)
    value = _CONTROL.sub(" ", value.translate(_BIDI)).strip()
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return value


def inert(text: object, limit: int | None = None) -> str:
    """Data text for an element that renders markdown: it shows exactly as written, never as markup.

    Markdown, HTML, KaTeX (``$…$``), colour directives (``:red[…]``), icons and autolinks are all
    shown as the characters they are. ``limit`` as in :func:`display`.
    """
    return _PATTERN_STARTS.sub(WORD_JOINER, display(text, limit)).translate(_MARKDOWN)


def plot_text(text: object, limit: int | None = None) -> str:
    """Data text for a plotly figure: ``&``, ``<``, ``>`` as entities, so ``<a>``, ``<b>`` and
    ``<span style>`` in a name are shown, never applied. Only the ``<br>``/``<b>`` that the chart
    code adds itself around escaped pieces stay markup. ``limit`` as in :func:`display`.
    """
    return display(text, limit).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
