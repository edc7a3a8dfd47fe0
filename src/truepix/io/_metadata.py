"""The versioned metadata record every truepix file carries.

The record is canonical JSON (sorted keys, no spaces, ASCII) with its own
CRC-32, stored in a PNG ``iTXt`` chunk with keyword ``truepix`` or in a private
TIFF tag. :func:`encode_record` and :func:`decode_record` are each other's
inverse; :func:`decode_record` validates every field so that a damaged or
hand-edited record is refused instead of steering the decoder.

Schema version 1 fields
-----------------------
truepix      schema version (int)
writer       "truepix <version>" (str)
dtype        numpy dtype string of the saved array, byte order included ("<f4", ">i2", "|b1")
shape        shape of the saved array (list of int)
encoding     encoding name (str); params: its parameters (object)
exact        whether load() returns the array bit for bit (bool)
max_error    guaranteed bound on |loaded - saved| (float, 0.0 when exact)
samples      {"dtype", "shape"} of the encoding's output, before it is laid out in the picture
layout       how those samples are laid out in the picture ("native", "bool255", "planes",
             "rgb-gray": a gray picture in R = G = B, for WebP)
stored       {"dtype", "shape", "crc32"} of the samples in the picture, CRC-32 over their
             C-ordered little-endian bytes
record_crc32 CRC-32 of the canonical JSON of all the other fields

Schema version 2
----------------
The same fields; the ``colormap`` encoding's params may also hold ``norm`` ("log") and
the map's own ``under``/``over``/``bad`` colors (RGBA bytes, hex). A version-1 reader
would ignore them and decode such a file wrongly (a log norm as linear), so a file that
uses them says version 2 and a version-1 reader refuses it; every other file is written
as version 1, which every truepix reads (:func:`schema_version`).

Examples
--------
>>> record = {"truepix": 1, "writer": "truepix 0.1.0", "dtype": "<f4", "shape": [2, 3],
...           "encoding": "exact", "params": {}, "exact": True, "max_error": 0.0,
...           "layout": "planes", "samples": {"dtype": "<f4", "shape": [2, 3]},
...           "stored": {"dtype": "|u1", "shape": [8, 3], "crc32": "00000000"}}
>>> text = encode_record(record)
>>> decode_record(text) == record
True
>>> decode_record(text.replace('"<f4"', '"<f8"'))
Traceback (most recent call last):
...
truepix.errors.MetadataError: expected the truepix metadata record to match its CRC-32, got a mismatch; the metadata was changed after it was written
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import numpy as np

from truepix.errors import MetadataError

__all__ = [
    "KEYWORD",
    "LAYOUTS",
    "SCHEMA_VERSION",
    "decode_record",
    "encode_record",
    "looks_like_record",
    "samples_crc32",
    "schema_version",
]

SCHEMA_VERSION = 2

#: Per encoding, the params a version-1 reader would ignore and so misread.
_SINCE_2 = {"colormap": frozenset({"norm", "under", "over", "bad"})}


def schema_version(encoding: str, params: dict[str, Any]) -> int:
    """The lowest schema version whose readers decode a file of ``encoding`` with
    ``params`` right: 2 when the params hold something version 1 did not know.

    Examples
    --------
    >>> schema_version("colormap", {"cmap": "viridis", "norm": "log"})
    2
    >>> schema_version("linear", {"bits": 16})
    1
    """
    return 2 if _SINCE_2.get(encoding, frozenset()) & params.keys() else 1
KEYWORD = "truepix"
LAYOUTS = ("native", "bool255", "planes", "rgb-gray")
_MAX_RECORD_CHARS = 1 << 20
# disjoint pieces of every record's canonical JSON: one damaged byte spoils at most one
_NEEDLES = (b'"record_crc32":"', b'"writer":"truepix ', b'"max_error":', b'"stored":{"crc32":"')
_MAX_NDIM = 32

# field -> accepted python types
_FIELDS: dict[str, tuple[type, ...]] = {
    "truepix": (int,),
    "writer": (str,),
    "dtype": (str,),
    "shape": (list,),
    "encoding": (str,),
    "params": (dict,),
    "exact": (bool,),
    "max_error": (float, int),
    "layout": (str,),
    "samples": (dict,),
    "stored": (dict,),
}


def _canonical(record: dict[str, Any]) -> str:
    return json.dumps(
        record, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    )


def samples_crc32(samples: np.ndarray) -> str:
    """CRC-32 of an array's C-ordered little-endian bytes, as 8 hex digits.

    Examples
    --------
    >>> samples_crc32(np.array([1, 2], dtype="<u2")) == samples_crc32(np.array([1, 2], dtype=">u2"))
    True
    """
    little = np.ascontiguousarray(samples, dtype=samples.dtype.newbyteorder("<"))
    return f"{zlib.crc32(little.reshape(-1).view(np.uint8).data):08x}"


def looks_like_record(data: bytes | str) -> bool:
    """True for bytes that hold a truepix record, even one with a damaged byte or marker.

    A file whose record sits anywhere but at its format's marker (a changed chunk
    type, box id or tag number) is a damaged truepix file, not a foreign one.

    Examples
    --------
    >>> looks_like_record('{"dtype":"<f8",...,"record_crc32":"0badf00d","truepiY":1}')
    True
    >>> looks_like_record(b"scan_0001.tif")
    False
    """
    raw = data.encode("latin-1", errors="replace") if isinstance(data, str) else bytes(data)
    return any(needle in raw for needle in _NEEDLES)


def encode_record(record: dict[str, Any]) -> str:
    """Serialize a metadata record (adds ``record_crc32``); see the module docstring."""
    body = {key: value for key, value in record.items() if key != "record_crc32"}
    text = _canonical(body)
    return _canonical({**body, "record_crc32": f"{zlib.crc32(text.encode('ascii')):08x}"})


def _fail(
    what: str, got: object, hint: str = "the file's truepix metadata is damaged"
) -> MetadataError:
    return MetadataError(f"expected {what}, got {got!r}; {hint}")


def _shape(value: object, what: str) -> tuple[int, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= _MAX_NDIM:
        raise _fail(f"{what} as a list of 1 to {_MAX_NDIM} sizes", value)
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in value):
        raise _fail(f"{what} of positive integers", value)
    return tuple(value)


def _dtype(value: object, what: str) -> np.dtype:
    try:
        dtype = np.dtype(value)  # type: ignore[call-overload]
    except TypeError as exc:
        raise _fail(f"{what} as a numpy dtype string", value) from exc
    if dtype.kind not in "biufc" or dtype.fields is not None or dtype.subdtype is not None:
        raise _fail(f"{what} of a numeric dtype", value)
    return dtype


def decode_record(text: str) -> dict[str, Any]:
    """Parse and validate a metadata record; raise :class:`MetadataError` if it is not sound."""
    if len(text) > _MAX_RECORD_CHARS:
        raise _fail(
            f"a metadata record under {_MAX_RECORD_CHARS} characters", f"{len(text)} characters"
        )
    try:
        record = json.loads(text)
    except ValueError as exc:
        raise _fail("the truepix metadata record to be JSON", text[:60]) from exc
    if not isinstance(record, dict):
        raise _fail("a JSON object", type(record).__name__)
    version = record.get("truepix")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise MetadataError(
            f"expected truepix metadata schema <= {SCHEMA_VERSION}, got {version}; "
            "this file was written by a newer truepix: upgrade with pip install -U truepix"
        )
    crc = record.pop("record_crc32", None)
    if crc != f"{zlib.crc32(_canonical(record).encode('ascii')):08x}":
        raise MetadataError(
            "expected the truepix metadata record to match its CRC-32, got a mismatch; "
            "the metadata was changed after it was written"
        )
    for key, types in _FIELDS.items():
        if key not in record:
            raise _fail(f"field {key!r} in the metadata record", sorted(record))
        if not isinstance(record[key], types) or (
            bool not in types and isinstance(record[key], bool)
        ):
            raise _fail(f"field {key!r} of type {types[0].__name__}", record[key])
    _dtype(record["dtype"], "'dtype'")
    _shape(record["shape"], "'shape'")
    if record["layout"] not in LAYOUTS:
        raise _fail(f"'layout' in {LAYOUTS}", record["layout"])
    max_error = float(record["max_error"])
    if not max_error >= 0.0:
        raise _fail("'max_error' >= 0", record["max_error"])
    for group, keys in (("samples", ("dtype", "shape")), ("stored", ("dtype", "shape", "crc32"))):
        for key in keys:
            if key not in record[group]:
                raise _fail(f"field '{group}.{key}'", sorted(record[group]))
        _dtype(record[group]["dtype"], f"'{group}.dtype'")
        _shape(record[group]["shape"], f"'{group}.shape'")
    stored = record["stored"]
    if not isinstance(stored["crc32"], str) or len(stored["crc32"]) != 8:
        raise _fail("'stored.crc32' as 8 hex digits", stored["crc32"])
    return record
