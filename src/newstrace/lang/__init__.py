"""Language data: word lists kept apart from the algorithms that read them.

One package per language (``en``), one module per kind of word, in the manner
of spaCy's ``lang/en/``: the rules import the lists they need from here, so a
list is written once and a new language means a new package, not edits all
through the code.
"""
