"""acc2 screen: acc's screen (../acc/screen.py) with its pictures cached in /tmp/acc2/pics/.
Usage: python screen.py [maps] [conds] [--opt k=v ...]."""
import os
import runpy

os.environ.setdefault("ACC_CACHE", "/tmp/acc2/pics")
here = os.path.dirname(os.path.abspath(__file__))
runpy.run_path(os.path.join(here, "..", "acc", "screen.py"), run_name="__main__")
