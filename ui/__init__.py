"""Streamlit helpers of the dashboard's pages: the shared sidebar and report, access, upload views."""
