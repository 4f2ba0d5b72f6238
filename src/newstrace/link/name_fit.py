"""Whether two names written in two statements can name one person or place, as a reader matches
them: "Rait" and "Duncan Rait" (one surname, no given name against one), "Khartoum" and "Sudan" (a
capital names its country), "Qeshm" and "Qeshm Island"; not "John Smith" and "Jane Smith".

Shared by the pairwise comparison (:mod:`newstrace.link.compare`) and the readers it calls (deals),
which cannot import the comparison itself."""

from __future__ import annotations

from functools import lru_cache

from newstrace import names
from newstrace.gazetteer import capitals, countries
from newstrace.text import STOPWORDS, fold, tokens


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country or capital name -> the folded country (a capital names its country's government)."""
    out = {fold(c): fold(c) for c in countries()}
    out.update({fold(capital): fold(country) for capital, country in capitals().items() if fold(capital) not in out})
    return out


def country_of(name: str) -> str | None:
    """The folded country a name is, or whose capital it is; None for other names."""
    return _countries().get(fold(name).removeprefix("the "))


def names_fit(a: str, b: str) -> bool:
    """Whether two names can name one person or place."""
    wa = [w for w in tokens(a) if w not in STOPWORDS]
    wb = [w for w in tokens(b) if w not in STOPWORDS]
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    ca, cb = country_of(" ".join(wa)), country_of(" ".join(wb))
    if ca and cb:
        return ca == cb
    if wa[-1] == wb[-1]:  # one surname, or one place's last word: the given names must agree
        return names.compatible_first(wa[-2] if len(wa) > 1 else None, wb[-2] if len(wb) > 1 else None)
    short, long_ = sorted((wa, wb), key=len)
    return short == long_[: len(short)]  # "qeshm" and "qeshm island"
