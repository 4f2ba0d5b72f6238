"""Reproducible training of newstrace's shipped NLP models (see build_model.py)."""
