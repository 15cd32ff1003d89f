"""Datasets and their figures: indicators, budget, assets, staff, the report, comparisons, what-if."""
