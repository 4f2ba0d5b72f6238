"""Rebuild the shipped English pipeline from ../shared/data (issue 4).

    python -m training.build_model [--data ../shared/data] [--build training/build]
                                   [--out src/newstrace/nlp/models/en_newstrace]
                                   [--max-steps N]

Steps (fixed seed 1234 from training/config.cfg, one CPU thread):

1. convert UD English-EWT and the CC-BY GUM documents to DocBins in
   ``<build>/corpus`` (src/newstrace/nlp/ud.py documents the NER label mapping);
2. ``spacy train training/config.cfg`` into ``<build>/model``;
3. copy ``<build>/model/model-best`` to the package (``--out``), replacing it,
   with the meta.json name/version/description set for newstrace.

The data directory defaults to $NEWSTRACE_DATA or ../shared/data relative to
the repository root.  Scores are then measured with benchmarks/nlp_accuracy.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from newstrace.nlp.ud import default_data_dir

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "newstrace" / "nlp" / "models" / "en_newstrace"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--build", type=Path, default=ROOT / "training" / "build")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    args = ap.parse_args(argv)

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[var] = "1"
    sys.path.insert(0, str(ROOT))
    from newstrace.nlp.ud import convert

    corpus = args.build / "corpus"
    print("converting", args.data, "->", corpus, flush=True)
    print(convert(args.data, corpus), flush=True)

    model_dir = args.build / "model"
    cmd = [
        sys.executable, "-m", "spacy", "train", str(ROOT / "training" / "config.cfg"),
        "--output", str(model_dir),
        "--paths.train", str(corpus / "train.spacy"),
        "--paths.dev", str(corpus / "dev.spacy"),
    ]
    if args.max_steps:
        cmd += ["--training.max_steps", str(args.max_steps)]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)

    install(model_dir / "model-best", args.out)
    print("installed", args.out)
    return 0


def install(src: Path, out: Path) -> None:
    """Copy a trained pipeline into the package, keeping the model card."""
    card = out / "MODEL_CARD.md"
    card_text = card.read_text(encoding="utf8") if card.exists() else None
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(src, out)
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf8"))
    meta.update(
        name="newstrace",
        version="0.1.0",
        description="newstrace compact English pipeline trained on UD English-EWT + CC-BY GUM",
        license="CC BY-SA 4.0",
        sources=[
            {"name": "UD English-EWT", "url": "https://github.com/UniversalDependencies/UD_English-EWT", "license": "CC BY-SA 4.0"},
            {"name": "GUM (CC-BY genres)", "url": "https://github.com/UniversalDependencies/UD_English-GUM", "license": "CC BY 4.0"},
        ],
    )
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf8")
    if card_text is not None:
        card.write_text(card_text, encoding="utf8")


if __name__ == "__main__":
    raise SystemExit(main())
