"""colormaps.py's accuracy table restricted to its JPEG conditions and the methods they
compare (truepix's default call, the k-d tree, the projection reference): the rows the
quality's share can move. Run with PYTHONPATH at a tree's src, from the repository root."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
import colormaps as cm  # noqa: E402

cm.CONDITIONS = {k: v for k, v in cm.CONDITIONS.items() if "JPEG" in k}
maps = sys.argv[1].split(",") if len(sys.argv) > 1 else list(cm.MAPS)
results = {}
for name in maps:
    cmap = cm.colormap(name)
    cyclic = name in cm.CYCLIC
    methods = {"truepix": cm.Truepix(cmap, cyclic=cyclic), "nearest RGB": cm.NearestRGB(cmap),
               "projection": cm.Projection(cmap, cyclic=cyclic)}
    for _f, (kind, data) in cm.fields(256).items():
        rgb = cmap(data, bytes=True)[..., :3]
        for condition, degrade in cm.CONDITIONS.items():
            image, truth = degrade(rgb, data)
            for method, decode in methods.items():
                estimate = decode(image)
                for group in (kind, "all"):
                    results.setdefault((condition, group, method), cm.Score([], [])).add(
                        estimate, truth, cyclic=cyclic)
    print("done", name, flush=True)
cm.print_accuracy(results, ["truepix", "nearest RGB", "projection"])
