"""Trial 47's t43_followups.py run again with ONE line changed: its (c) print assumed decolorize returns an array; on
today's main (c) raises, so t43 stopped there. This executes trial 47's source with that line made tolerant (print the
error), so (c), (d) and (e) run. Nothing else differs."""
import pathlib, sys
src_path = pathlib.Path(__file__).resolve().parent.parent / "trial47" / "t43_followups.py"
sys.path.insert(0, str(src_path.parent))
src = src_path.read_text()
old = 'print(f"  NaN share {np.isnan(v).mean():.3f}; warnings: {wshort(ws, 600)}")'
new = 'print(f"  ERROR {err}" if v is None else f"  NaN share {np.isnan(v).mean():.3f}; warnings: {wshort(ws, 600)}")'
assert old in src
exec(compile(src.replace(old, new), str(src_path), "exec"), {"__name__": "__main__", "__file__": str(src_path)})
