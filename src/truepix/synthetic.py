"""Built-in synthetic data (no downloads), for examples, benchmarks and demos.

The same fields ``truepix demo`` and the benchmarks use, under a public name
(like ``skimage.data``). See :func:`fractal_field`, :func:`smooth_field` and
:func:`depth_map`.

Examples
--------
>>> from truepix.synthetic import depth_map, fractal_field
>>> fractal_field((64, 48), seed=0).shape, depth_map((8, 8)).dtype.name
((64, 48), 'uint16')
"""

from __future__ import annotations

from truepix._synthetic import depth_map, fractal_field, smooth_field

__all__ = ["depth_map", "fractal_field", "smooth_field"]
