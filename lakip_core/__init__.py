"""Dasbor LAKIP analytics core: read office files, compute achievement and absorption, check.

Pure pandas; never imports Streamlit.
"""

from lakip_core.analysis.report import Report, load_report, summary_dict
from lakip_core.errors import LakipError
from lakip_core.rules.settings import Settings

__version__ = "0.1.0"
__all__ = ["LakipError", "Report", "Settings", "load_report", "summary_dict", "__version__"]
