"""What the off-map warning advises for a small, textured, JPEG'd picture of a map
drawn translucent: the map's own ``alpha`` and ``facecolor``, not another map.

JPEG's error on a 64 px fractal field leaves the true blend 6-12 DN RMS from the
picture's colors, past the limits that suit an exact picture, and the warning used to
name whichever catalog map came closest (cmasher:lilac for magma at 0.5 over gray,
colorcet:CET_C8 for plasma at 0.7 over white, Spectral for viridis at 0.7). The blend
is advised when it leaves less distance than any opaque map does
(``_result._off_advice``); a picture of another map, opaque, still gets that map's
name. The drawn pictures are composited as Agg does (``alpha * map + (1 - alpha) *
face``) and JPEG'd by Pillow, as a ``savefig(format="jpg")`` is.
"""

from __future__ import annotations

import re

import pytest

from tests.color._photographs import translucent, warning_messages


@pytest.mark.parametrize(
    ("cmap", "alpha", "face", "quality", "size"),
    [
        ("magma", 0.5, 128, 75, 64),  # named cmasher:lilac before
        ("plasma", 0.7, 255, 75, 64),  # colorcet:CET_C8
        ("viridis", 0.7, 255, 75, 64),  # Spectral
        ("jet", 0.5, 128, 75, 64),  # tol:rainbow_PuRd
        ("magma", 0.8, 0, 90, 64),  # cmocean:curl_pink
        ("magma", 0.5, 128, None, 256),  # exact: no advice before (a fit stuck off gray)
    ],
)
def test_translucent_pictures_are_advised_their_blend(cmap, alpha, face, quality, size) -> None:
    messages = warning_messages(translucent(cmap, alpha, face, quality, size), cmap)
    assert len(messages) == 1, messages
    assert "pass cmap=" not in messages[0]
    assert f"they look like {cmap!r} drawn at alpha=" in messages[0]
    advised = float(re.search(r"pass alpha=([0-9.]+)", messages[0]).group(1))
    hex_face = re.search(r"facecolor='#(\w\w)(\w\w)(\w\w)'", messages[0])
    under = [int(c, 16) for c in hex_face.groups()] if hex_face else [255, 255, 255]
    assert abs(advised - alpha) <= 0.06
    assert max(abs(c - face) for c in under) <= 16


@pytest.mark.parametrize(("drawn", "given"), [("viridis", "magma"), ("coolwarm", "plasma")])
def test_an_opaque_picture_of_another_map_is_still_named(drawn, given) -> None:
    messages = warning_messages(translucent(drawn, 1.0, 0, 75, 64), given)
    assert len(messages) == 1, messages
    assert messages[0].endswith(f"pass cmap={drawn!r}")
