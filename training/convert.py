"""Convert ../shared/data/ud-english to spaCy DocBins (see newstrace.nlp.ud).

    python -m training.convert [DATA_DIR] [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from newstrace.nlp.ud import convert, default_data_dir

if __name__ == "__main__":
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir()
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent / "build" / "corpus"
    print(convert(data, out))
