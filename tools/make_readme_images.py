"""Regenerate the README pictures in docs/images (run from the repository root).

Usage::

    python tools/make_readme_images.py [--out docs/images]

The pictures are those of ``truepix demo``'s display section, made from public
truepix functions only. A picture whose functions are not in this build is
reported and left as it is; any picture over 150 KiB makes the script fail, so
the README stays light.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from truepix.cli._demo_display import PICTURES, make_pictures

LIMIT_BYTES = 150 * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    args = parser.parse_args(argv)
    too_big = []
    for name, result in make_pictures(args.out).items():
        if isinstance(result, Path):
            size = result.stat().st_size
            print(f"{name:24s} {size / 1024:6.0f} KiB  {PICTURES[name][0]}")
            if size > LIMIT_BYTES:
                too_big.append(name)
        else:
            print(f"{name:24s}   skipped  {result}")
    if too_big:
        print(f"over {LIMIT_BYTES // 1024} KiB: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
