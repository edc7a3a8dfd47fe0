"""Antialiased matplotlib text and lines drawn over a picture pixel for pixel (tests'
annotations, made the way users make them)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
from PIL import Image


def annotated(
    picture: np.ndarray, texts: Sequence[str], lines: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``picture`` (H, W, 3 uint8) with a text in each color of ``texts`` and a random
    4-point line in each color of ``lines`` drawn over it (seeded), the pixels they
    touch, and those they cover at least half (their coverage is what drawing them over
    black and over white tells apart)."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    height, width = picture.shape[:2]

    def draw(background: np.ndarray) -> np.ndarray:
        figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
        figure.figimage(background, 0, 0, origin="upper")
        rng = np.random.default_rng(3)
        for k, color in enumerate(texts):
            position = rng.uniform(0.05, 0.6), rng.uniform(0.05, 0.9)
            figure.text(*position, f"T = {rng.uniform(0, 300):.1f} K", color=color,
                        fontsize=8 + 2 * (k % 3))  # fmt: skip
        for k, color in enumerate(lines):
            xs, ys = rng.uniform(0, 1, 4), rng.uniform(0, 1, 4)
            figure.add_artist(
                Line2D(xs, ys, color=color, lw=0.8 + 0.6 * k, transform=figure.transFigure)
            )
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100)
        plt.close(figure)
        return np.asarray(Image.open(buffer).convert("RGB"))

    on_black = draw(np.zeros_like(picture)).astype(np.int16)
    on_white = draw(np.full_like(picture, 255)).astype(np.int16)
    coverage = 1.0 - (on_white - on_black).min(axis=-1) / 255.0
    return draw(picture), coverage > 0.0, coverage >= 0.5


def coastlines(count: int, points: int, seed: int = 7) -> list[tuple[np.ndarray, np.ndarray]]:
    """``count`` wiggly random walks of ``points`` (longitude, latitude) steps each, seeded,
    within the globe: a cartopy-like map's coastlines."""
    rng = np.random.default_rng(seed)
    coasts = []
    for _ in range(count):
        turn = np.cumsum(rng.normal(0, 0.5, points))
        step = rng.uniform(0.2, 0.8)
        x = rng.uniform(-170, 170) + np.cumsum(step * np.cos(turn))
        y = rng.uniform(-75, 75) + np.cumsum(step * np.sin(turn))
        coasts.append((np.clip(x, -179, 179), np.clip(y, -89, 89)))
    return coasts


def bumps(height: int, width: int, *, top: float) -> np.ndarray:
    """A smooth field in [0, 1] of six seeded Gaussian bumps of either sign, (height,
    width), its centers within the upper ``top`` of the picture (tests' plotted data)."""
    rng = np.random.default_rng(4)
    y, x = np.mgrid[0:height, 0:width] / float(width)
    field = np.zeros((height, width))
    for _ in range(6):
        cx, cy = rng.uniform(0, 1), rng.uniform(0, top)
        spread, weight = rng.uniform(0.08, 0.3), rng.uniform(-1, 1)
        field += weight * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * spread**2))
    return (field - field.min()) / np.ptp(field)
