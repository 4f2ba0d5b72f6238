"""Who said what: quotes, speakers, channels and reporting chains (issue 6).

``extract_attributions(text, doc, timexes=())`` finds every statement an
article attributes to someone -- direct, indirect and mixed quotes, "according
to" attributions and non-answers ("declined to comment") -- with the cue, the
resolved speaker, the channel ("told reporters in Moscow", "on his YouTube
channel"), the chain it came through (``via``, innermost first) and, when time
expressions are given, when it was said. It also returns the article-level
citations (the report the article says it retells).

Modules, by concern: ``cues`` (lexicon), ``quotemarks`` (pairing quote
marks), ``clauses`` (speech verbs and their clauses), ``according``,
``nocomment``, ``direct`` (quotations, direct/mixed, continued quotes, scare
quotes), ``speakers`` (speaker resolution and in-article coreference),
``chains`` (reporting chains), ``carryover``, ``cites``, ``extract``
(composition).
"""

from newstrace.attribution.extract import Attributions, extract_attributions

__all__ = ["Attributions", "extract_attributions"]
