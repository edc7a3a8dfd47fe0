"""Regenerate the README pictures in docs/images (run from the repository root).

Usage::

    python tools/make_readme_images.py [--out docs/images]

The pictures are those of ``truepix demo --section display``, made from public
truepix functions only; the tool runs that command and checks what it wrote.
A picture whose functions are not in this build is reported by the demo and
left as it is; any picture over 150 KiB makes the script fail, so the README
stays light.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from truepix.cli.main import main as truepix

LIMIT_BYTES = 150 * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    args = parser.parse_args(argv)
    started = time.time()
    try:
        truepix(["demo", "--section", "display", "--out", str(args.out)])
    except SystemExit as exit_:
        if exit_.code:
            return int(exit_.code)
    written = [p for p in sorted(args.out.glob("*.png")) if p.stat().st_mtime >= started - 1]
    too_big = [p.name for p in written if p.stat().st_size > LIMIT_BYTES]
    for path in written:
        print(f"{path.name:32s} {path.stat().st_size / 1024:6.0f} KiB")
    if too_big:
        print(f"over {LIMIT_BYTES // 1024} KiB: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
