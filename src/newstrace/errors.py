"""Every error newstrace raises on purpose derives from :class:`NewstraceError`.

Hierarchy (each class carries a stable ``code`` used by the CLI, the store's
failure table and the JSON API)::

    NewstraceError                      code
    ├── InputError                      input            bad or unreadable input
    │   ├── InputNotFound               input.not_found
    │   ├── InputUnreadable             input.unreadable  permissions, I/O error
    │   ├── EmptyInput                  input.empty
    │   ├── BinaryInput                 input.binary
    │   ├── EncodingError               input.encoding
    │   ├── NothingToExtract            input.no_text     no article text found
    │   ├── InputTooLarge               input.too_large   over a resource limit (newstrace.limits)
    │   ├── WrongFormat                 input.format      not what it claims to be (a WARC, a feed, a sitemap)
    │   └── DamagedInput                input.damaged     an archive record that cannot be read
    ├── FetchError                      fetch             network sources
    ├── PipelineError                   pipeline          stage contract broken
    ├── ResourceLimit                   limit             a document took too long or too much memory
    │   ├── TimeLimit                   limit.time
    │   └── MemoryLimit                 limit.memory
    ├── ModelError                      model             an NLP model cannot be loaded
    ├── StoreError                      store             database problems
    │   ├── NotFound                    store.not_found
    │   ├── StoreFull                   store.full        the disk (or the database's size limit) is full
    │   ├── StoreBusy                   store.locked      another process holds the database too long
    │   └── StoreUnavailable            store.unavailable the database server cannot be reached
    └── ConfigError                     config            bad settings or options

Messages are one line and name the input they concern, so a batch can record
them verbatim and a person can act on them.
"""

from __future__ import annotations


class NewstraceError(Exception):
    """Base of all newstrace errors."""

    code = "newstrace"

    def __init__(self, message: str, *, input: str | None = None) -> None:
        self.input = input
        self.message = message
        super().__init__(f"{input}: {message}" if input else message)


class InputError(NewstraceError):
    code = "input"


class InputNotFound(InputError):
    code = "input.not_found"


class InputUnreadable(InputError):
    code = "input.unreadable"


class EmptyInput(InputError):
    code = "input.empty"


class BinaryInput(InputError):
    code = "input.binary"


class EncodingError(InputError):
    code = "input.encoding"


class NothingToExtract(InputError):
    code = "input.no_text"


class InputTooLarge(InputError):
    code = "input.too_large"


class WrongFormat(InputError):
    code = "input.format"


class DamagedInput(InputError):
    code = "input.damaged"


class FetchError(NewstraceError):
    code = "fetch"


class PipelineError(NewstraceError):
    code = "pipeline"


class ResourceLimit(NewstraceError):
    code = "limit"


class TimeLimit(ResourceLimit):
    code = "limit.time"


class MemoryLimit(ResourceLimit):
    code = "limit.memory"


class ModelError(NewstraceError):
    code = "model"


class StoreError(NewstraceError):
    code = "store"


class NotFound(StoreError):
    code = "store.not_found"


class StoreFull(StoreError):
    code = "store.full"


class StoreBusy(StoreError):
    code = "store.locked"


class StoreUnavailable(StoreError):
    code = "store.unavailable"


class ConfigError(NewstraceError):
    code = "config"
