"""Run an earlier trial's script on a stated subset: `python sub.py SCRIPT OLD NEW [OLD NEW ...] [-- ARGS]`
executes SCRIPT's source with each exact OLD text replaced by NEW (each must occur), from its own folder's imports."""
import sys, pathlib
args = sys.argv[1:]; extra = []
if "--" in args: i = args.index("--"); args, extra = args[:i], args[i + 1:]
path = pathlib.Path(args[0]).resolve(); src = path.read_text()
for old, new in zip(args[1::2], args[2::2]):
    assert old in src, f"not in {path.name}: {old!r}"
    src = src.replace(old, new)
sys.path.insert(0, str(path.parent)); sys.argv = [str(path)] + extra
print(f"# subset of {path.parent.name}/{path.name}: " + "; ".join(f"{o!r} -> {n!r}" for o, n in zip(args[1::2], args[2::2])), flush=True)
exec(compile(src, str(path), "exec"), {"__name__": "__main__", "__file__": str(path)})
