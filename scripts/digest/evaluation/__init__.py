"""Scoring the pipeline against hand-written gold: cleaning, references, items.

Kept apart from the stages: nothing in the pipeline imports from here. The
scripts/evaluate_*.py command lines print these scores as tables or JSON.
"""
