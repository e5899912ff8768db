"""Development corpus for cleaning (issue 9): composed documents, rendered and extracted.

Run ``make devcorpus`` (or ``.venv/bin/python scripts/devcorpus/generate.py``).
"""
