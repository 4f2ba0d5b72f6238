"""Train the attribution CRF (:mod:`newstrace.attribution.tagger`) on PolNeAR train.

    python -m training.attribution.build [--no-rules] [--eval dev test] [--out PATH] [--c1 0.05 --c2 0.01 --iters 150]

Parses PolNeAR once (cached under training/build/attribution/parsed/, see
:mod:`training.attribution.parse_cache`), runs the rule extractor on every
article (cached too: its labels are stacking features), trains an L-BFGS CRF
(deterministic: crfsuite's L-BFGS has no random state) and scores rules / CRF on
the chosen splits with the benchmark's own scorer. Default output:
``src/newstrace/attribution/models/attribution_crf.crfsuite`` (+ ``.json`` meta).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path

from training.attribution.parse_cache import BUILD, ROOT, load_split, parse_split

sys.path.insert(0, str(ROOT / "benchmarks"))


def gold_and_rules(split: str):
    """[(stem, text, doc, gold spans, rule spans)] for ``split`` (rule output cached)."""
    from attribution_polnear import articles, read_ann

    from newstrace.attribution import extract_attributions
    from newstrace.attribution.tagger import ENV_VAR, rule_spans

    os.environ[ENV_VAR] = "0"  # rule features come from the rules alone
    parse_split(split)
    docs = load_split(split)
    arts = articles(split)
    cache = BUILD / "rules" / f"{split}.pkl"
    stamp = _rules_stamp()
    rules = None
    if cache.exists():
        data = pickle.loads(cache.read_bytes())
        if data.get("stamp") == stamp and len(data["spans"]) == len(arts):
            rules = data["spans"]
    if rules is None:
        t0 = time.perf_counter()
        rules = []
        for (stem, txt, _ann), doc in zip(arts, docs):
            text = txt.read_text(encoding="utf-8")
            rules.append(rule_spans(extract_attributions(text, doc).quotes))
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps({"stamp": stamp, "spans": rules}))
        print(f"rules on {split}: {time.perf_counter() - t0:.0f}s", flush=True)
    out = []
    for (stem, txt, ann), doc, rs in zip(arts, docs, rules):
        assert doc.user_data.get("stem") == stem, (stem, doc.user_data.get("stem"))
        out.append((stem, txt.read_text(encoding="utf-8"), doc, dict(read_ann(ann)), rs))
    return out


def _rules_stamp() -> str:
    d = ROOT / "src" / "newstrace" / "attribution"
    return ";".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in sorted(d.glob("*.py")) if p.name not in ("tagger.py", "combine.py"))


def sequences(data, use_rules: bool, with_gold: bool = True):
    from newstrace.attribution.tagger import featurize, rule_token_labels

    for stem, text, doc, gold, rs in data:
        rl = rule_token_labels(doc, rs) if use_rules else None
        gl = rule_token_labels(doc, gold) if with_gold else None
        for seq in featurize(text, doc, rl):
            yield seq, ([gl[i] for i in seq.tokens] if gl else None), (stem, text, doc)


def train(data, out: Path, use_rules: bool, c1: float, c2: float, iters: int) -> None:
    import pycrfsuite

    t0 = time.perf_counter()
    tr = pycrfsuite.Trainer(verbose=False)
    n = 0
    for seq, labels, _ in sequences(data, use_rules):
        tr.append(seq.feats, labels)
        n += 1
    print(f"features for {n} sequences: {time.perf_counter() - t0:.0f}s", flush=True)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True,
                   "feature.minfreq": 1})
    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    tr.train(str(out))
    print(f"trained in {time.perf_counter() - t0:.0f}s -> {out} ({out.stat().st_size / 1e6:.1f} MB)", flush=True)
    meta = {"uses_rules": use_rules, "c1": c1, "c2": c2, "max_iterations": iters, "train": "PolNeAR train", "command": "python -m training.attribution.build " + " ".join(sys.argv[1:]),
            "sequences": n, "last_iteration": tr.logparser.last_iteration if tr.logparser.last_iteration else None}
    out.with_suffix(".json").write_text(json.dumps(meta, indent=1, default=str), encoding="utf-8")


def evaluate(data, model: Path | None, modes=("rules", "crf", "combined", "combined-drop")) -> dict:
    from attribution_polnear import ROLES, Score, score_doc

    from newstrace.attribution.tagger import Tagger, rule_token_labels

    tagger = Tagger(model) if model else None
    res = {}
    for mode in modes:
        scores = {(r, m): Score() for r in ROLES for m in ("exact", "overlap")}
        for stem, text, doc, gold, rs in data:
            if mode == "rules":
                pred = rs
            elif mode.startswith("combined"):
                pred = _combined(text, doc, model, mode == "combined-drop")
            else:
                pred = tagger.spans(text, doc, rule_token_labels(doc, rs))
            for r in ROLES:
                for m in ("exact", "overlap"):
                    scores[(r, m)].add(*score_doc(text, gold.get(r, []), pred.get(r, []), m))
        res[mode] = {f"{r} {m}": [round(x, 1) for x in s.prf()] for (r, m), s in scores.items()}
    return res


def _combined(text, doc, model: Path, drop: bool):
    from newstrace.attribution import extract_attributions
    from newstrace.attribution import tagger as tg

    os.environ[tg.ENV_VAR] = str(model)
    try:
        t = tg.load_tagger()
        t.meta["drop_untagged"] = drop
        return tg.rule_spans(extract_attributions(text, doc).quotes)
    finally:
        os.environ[tg.ENV_VAR] = "0"


SLICE = 6  # first N articles of dev and test: the tests re-score this slice


def record_slices(model: Path) -> None:
    """Store the tagger's exact F1 on small fixed dev/test slices in the model's .json (for the tests)."""
    meta_p = model.with_suffix(".json")
    meta = json.loads(meta_p.read_text(encoding="utf-8"))
    for split in ("dev", "test"):
        data = gold_and_rules(split)[:SLICE]
        res = evaluate(data, model, modes=("crf",))["crf"]
        meta[f"{split}_slice{SLICE}_exact_f1"] = {r: res[f"{r} exact"][2] for r in ("Source", "Cue", "Content")}
    meta_p.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print("slices:", {k: v for k, v in meta.items() if "slice" in k}, flush=True)


def print_table(split: str, res: dict) -> None:
    print(f"\nPolNeAR {split} (P / R / F1)")
    modes = list(res)
    print("| role | match | " + " | ".join(modes) + " |")
    print("|---|---|" + "---|" * len(modes))
    for key in next(iter(res.values())):
        r, m = key.split()
        print(f"| {r} | {m} | " + " | ".join("{:.1f} / {:.1f} / **{:.1f}**".format(*res[x][key]) for x in modes) + " |")


def main(argv: list[str] | None = None) -> int:
    from newstrace.attribution.tagger import MODEL_PATH

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--no-rules", action="store_true", help="train without the rules' labels as features")
    ap.add_argument("--train-split", default="train")
    ap.add_argument("--eval", nargs="*", default=["dev"])
    ap.add_argument("--eval-only", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--every", type=int, default=1, help="train on every N-th article (a spread-out subset)")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=150)
    a = ap.parse_args(argv)
    if not a.eval_only:
        data = gold_and_rules(a.train_split)
        if a.limit:
            data = data[: a.limit]
        data = data[:: a.every]
        train(data, a.out, not a.no_rules, a.c1, a.c2, a.iters)
    record_slices(a.out)
    for split in a.eval:
        res = evaluate(gold_and_rules(split), a.out)
        print_table(split, res)
        (BUILD / f"scores_{a.out.stem}_{split}.json").write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
