"""The file uploader in Indonesian: Streamlit 1.67 has no setting for its words, so CSS replaces them.

The uploader's "Upload", "Drag and drop file here", "20MB per file • JSON" and the drop overlay
are hard-coded in the frontend. CSS keyed on Streamlit's ``data-testid`` hides each English text
(font size 0) and shows Indonesian in its place (``::after``), scoped to one uploader through its
``st-key-<key>`` class. The selectors are pinned by a browser test (``tests/test_browser_simulasi.py``):
a Streamlit upgrade that renames them fails that test instead of showing English again.

The English wrong-type tooltip cannot be replaced this way, so the uploader is given no ``type=``
and the caller checks the extension in Python with an Indonesian message.
"""

from __future__ import annotations

import streamlit as st

BUTTON = "Pilih berkas"
DROP = "Lepaskan berkas di sini"

_CSS = """<style>
.st-key-{key} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
.st-key-{key} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {button}; font-size: .875rem; }}
.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: {instructions}; font-size: .875rem; }}
.st-key-{key} [data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span {{ font-size: 0; }}
.st-key-{key} [data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span::after {{
  content: {drop}; font-size: 1rem; }}
</style>"""


def _css_string(text: str) -> str:
    """A CSS string literal (quotes and backslashes escaped; the texts here are ours, never data)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def instructions(kinds: str) -> str:
    """``Seret berkas ke sini • maks. 20 MB • JSON`` with the server's own upload limit."""
    limit = int(st.get_option("server.maxUploadSize"))
    return f"Seret berkas ke sini • maks. {limit} MB • {kinds}"


def uploader_css(key: str, kinds: str) -> str:
    return _CSS.format(
        key=key,
        button=_css_string(BUTTON),
        instructions=_css_string(instructions(kinds)),
        drop=_css_string(DROP),
    )


def indonesian_uploader(key: str, kinds: str) -> None:
    """Show the uploader keyed ``key`` in Indonesian; ``kinds`` names the accepted files (``JSON``)."""
    st.html(uploader_css(key, kinds))
