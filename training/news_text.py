"""Tokenised running text from the corpora on hand whose licences allow shipping what is learnt from them.

Used to build static word vectors (training/vectors.py) and the vocabulary they cover. Only text whose
licence allows a derived model to be redistributed is read:

- ECB+ (CC BY 3.0): 982 news documents, tokens as annotated;
- MEANTIME English (CC BY 4.0): 120 Wikinews articles, tokens as annotated;
- article-extraction ground truth (repository MIT; 181 news article bodies), tokenised by spaCy's English rules;
- UD English-EWT (CC BY-SA 4.0) and GUM's CC-BY documents: the training splits only (dev and test are held out).

PolNeAR and CheckThat! (research use only) are left out on purpose.
"""

from __future__ import annotations

import io
import json
import tarfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

SOURCES = ("ecbplus", "meantime", "article-extraction", "treebanks")


def ecbplus(data: Path) -> Iterator[list[str]]:
    with tarfile.open(data / "ecbplus" / "ECBplus_xml.tar.gz") as tar:
        for member in tar.getmembers():
            if not member.name.endswith(".xml"):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            root = ET.parse(io.BytesIO(fh.read())).getroot()
            sents: dict[int, list[str]] = defaultdict(list)
            for tok in root.iter("token"):
                sents[int(tok.get("sentence", 0))].append(tok.text or "")
            for k in sorted(sents):
                if sents[k] and not sents[k][0].lower().startswith("http"):
                    yield sents[k]


def meantime(data: Path) -> Iterator[list[str]]:
    from newstrace.nlp.meantime import meantime_files, read_cat

    for path in meantime_files(data / "meantime-en"):
        doc = read_cat(path)
        sents: dict[int, list[str]] = defaultdict(list)
        for w, s in zip(doc.words, doc.sentence, strict=True):
            sents[s].append(w)
        yield from (sents[k] for k in sorted(sents))


def article_extraction(data: Path) -> Iterator[list[str]]:
    import spacy

    tok = spacy.blank("en").tokenizer
    truth = json.loads((data / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        for para in (truth[key].get("articleBody") or "").split("\n"):
            words = [t.text for t in tok(para) if not t.is_space]
            if words:
                yield words


def treebanks(corpus: Path) -> Iterator[list[str]]:
    """The train DocBins written by newstrace.nlp.ud.convert (EWT + GUM)."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    for name in ("ewt-train.spacy", "gum-train.spacy"):
        for doc in DocBin().from_disk(corpus / name).get_docs(vocab):
            for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
                words = [t.text for t in sent if not t.is_space]
                if words:
                    yield words


def sentences(data: Path, corpus: Path, sources: tuple[str, ...] = SOURCES) -> Iterator[list[str]]:
    """Every sentence of the chosen sources, in a fixed order (reproducible training)."""
    if "ecbplus" in sources:
        yield from ecbplus(data)
    if "meantime" in sources:
        yield from meantime(data)
    if "article-extraction" in sources:
        yield from article_extraction(data)
    if "treebanks" in sources:
        yield from treebanks(corpus)
