"""List source files over 600 lines and functions over 80 lines of code.

Lines of code: neither blank nor comment-only, the docstring left out.

    python tools/check_sizes.py            # src/truepix
    python tools/check_sizes.py some/dir
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MAX_FILE_LINES = 600
MAX_FUNCTION_CODE_LINES = 80


def code_lines(lines: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines of ``node`` that hold code: not blank, not a comment, not its docstring."""
    skipped: set[int] = set()
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        if isinstance(first.value.value, str):
            skipped = set(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    end = node.end_lineno or node.lineno
    return sum(
        1
        for number in range(node.lineno, end + 1)
        if number not in skipped and lines[number - 1].strip()[:1] not in ("", "#")
    )


def offenders(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        if len(lines) > MAX_FILE_LINES:
            found.append(f"file {path}: {len(lines)} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                count = code_lines(lines, node)
                if count > MAX_FUNCTION_CODE_LINES:
                    found.append(
                        f"function {path}:{node.lineno} {node.name}: {count} lines of code"
                    )
    return found


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "src" / "truepix"
    for line in offenders(root):
        print(line)


if __name__ == "__main__":
    main()
