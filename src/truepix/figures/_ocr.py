"""Reading one line of text (a tick label) with the PP-OCRv6 recognizer.

The recognizer is PaddleOCR's PP-OCRv6 text-line model as an ONNX file; it
ships inside the ``rapidocr`` wheel (Apache-2.0), so nothing is downloaded at
run time. Only the model file is used: each label is cut out of the figure by
:mod:`truepix.figures._labels` and given to ``onnxruntime`` on its own, which
reads tick labels better than any whole-image pipeline measured here
(``shared/FACTS.md``: 92% of colorbar labels exact on PNG, 89% on JPEG q75).

Pre- and post-processing follow PaddleOCR's ``rec`` stage: the crop is scaled
to 48 pixels high keeping its aspect, mapped to [-1, 1], and the network's
per-column character probabilities are decoded greedily (CTC: repeated
symbols merged, blanks dropped).
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any

import numpy as np

from truepix.errors import MissingDependencyError

__all__ = ["recognize", "recognize_many"]

_MODEL = "PP-OCRv6_rec_small.onnx"
_HEIGHT = 48  # the network's input height
_MARGIN = 0.25  # white margin added around a label, as a fraction of its height
_LOCK = threading.Lock()
_STATE: dict[str, Any] = {}


def _install_hint(missing: str) -> MissingDependencyError:
    msg = (
        f"expected the OCR engine for reading figures, got no {missing!r} module;"
        ' install it with: pip install "truepix[figures]"'
    )
    return MissingDependencyError(msg)


def _model_path() -> Path:
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise _install_hint("rapidocr")
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / _MODEL
    if not path.is_file():
        raise _install_hint("rapidocr")
    return path


def _session() -> tuple[Any, list[str]]:
    """The ONNX session and its alphabet, loaded once per process."""
    with _LOCK:
        if "session" not in _STATE:
            try:
                import onnxruntime as ort
            except ImportError:
                raise _install_hint("onnxruntime") from None
            options = ort.SessionOptions()
            options.intra_op_num_threads = 2
            # onnxruntime's idle pool threads spin between operators by default; on the
            # short runs of tick labels the spinning cost as much CPU as the work itself
            # (one 800x600 figure's 14 runs: 395 -> 203 ms CPU, read_figure 1326 -> 1066
            # ms; a busy machine's other processes get that core back). docs/figures.md
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.log_severity_level = 3
            session = ort.InferenceSession(
                str(_model_path()), options, providers=["CPUExecutionProvider"]
            )
            characters = session.get_modelmeta().custom_metadata_map["character"].splitlines()
            # CTC index 0 is the blank; the model's last class is a space
            _STATE["session"] = session
            _STATE["alphabet"] = ["", *characters, " "]
        return _STATE["session"], _STATE["alphabet"]


def _prepare(gray: np.ndarray) -> np.ndarray:
    """A (h, w) uint8 crop, dark text on white, as the network's (1, 3, 48, W) input."""
    import cv2

    margin = max(2, round(_MARGIN * gray.shape[0]))
    padded = np.pad(gray, margin, mode="constant", constant_values=255)
    height, width = padded.shape
    new_width = max(_HEIGHT // 2, int(np.ceil(_HEIGHT * width / height)))
    resized = cv2.resize(padded, (new_width, _HEIGHT), interpolation=cv2.INTER_LINEAR)
    scaled = resized.astype(np.float32) / 127.5 - 1.0
    return np.ascontiguousarray(np.broadcast_to(scaled, (1, 3, _HEIGHT, new_width)))


def recognize(gray: np.ndarray, /) -> tuple[str, float]:
    """Read one line of text.

    Parameters
    ----------
    gray : numpy.ndarray
        (h, w) uint8, dark text on a light background, cut tightly around the
        text (a margin is added here).

    Returns
    -------
    text : str
        The characters read, as the model's alphabet writes them (``−``
        U+2212 and superscript digits included).
    confidence : float
        The mean probability of the characters read, in [0, 1].

    Raises
    ------
    MissingDependencyError
        When ``rapidocr`` (for its model file) or ``onnxruntime`` is not installed.

    Examples
    --------
    >>> import numpy as np, matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure(figsize=(1, 0.4), dpi=100)
    >>> _ = fig.text(0.5, 0.5, "-0.25", ha="center", va="center", fontsize=10)
    >>> fig.canvas.draw()
    >>> gray = np.asarray(fig.canvas.buffer_rgba())[..., 0]
    >>> plt.close(fig)
    >>> rows, cols = np.nonzero(gray < 200)
    >>> recognize(gray[rows.min():rows.max() + 1, cols.min():cols.max() + 1])[0]
    '-0.25'
    """
    return recognize_many([gray])[0]


def recognize_many(grays: list[np.ndarray], /, *, allowed: str | None = None) -> list[tuple[str, float]]:
    """:func:`recognize` for several lines in one run of the network.

    The lines are padded on the right with white to the widest one; the
    decoder reads white as blanks. ``allowed``: the only characters the text
    may hold (an exponent's digits and minus): each position reads the most
    probable of those, or a blank.

    Examples
    --------
    >>> recognize_many([])
    []
    """
    if not grays:
        return []
    session, alphabet = _session()
    inputs = [_prepare(np.asarray(g, dtype=np.uint8)) for g in grays]
    width = max(x.shape[3] for x in inputs)
    batch = np.ones((len(inputs), 3, _HEIGHT, width), dtype=np.float32)
    for k, x in enumerate(inputs):
        batch[k, :, :, : x.shape[3]] = x[0]
    (probabilities,) = session.run(None, {session.get_inputs()[0].name: batch})
    if allowed is not None:
        keep_index = np.array([0] + [k for k, c in enumerate(alphabet) if k and c in allowed])
        masked = np.zeros_like(probabilities)
        masked[:, :, keep_index] = probabilities[:, :, keep_index]
        probabilities = masked
    results = []
    for row in probabilities:
        best = row.argmax(axis=1)
        confidence = row.max(axis=1)
        keep = best != 0
        keep[1:] &= best[1:] != best[:-1]
        text = "".join(alphabet[i] for i in best[keep]).strip()
        results.append((text, float(confidence[keep].mean()) if keep.any() else 0.0))
    return results
