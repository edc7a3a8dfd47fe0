import pandas as pd, sys
df = pd.read_csv(sys.argv[1] if len(sys.argv) > 1 else "t1_results_camera_terrain_smooth_speckle.csv")
df["warned"] = df.warn.fillna("").str.len() > 0
g = df.groupby("case").agg(nan_max=("nan", "max"), nan_mean=("nan", "mean"), ratio_med=("ratio", "median"), ratio_max=("ratio", "max"),
                            mean_h=("mean_h", "mean"), base=("base_mean", "mean"), p99_worse=("p99_h", "size"), warned=("warned", "sum"), ms_med=("ms", "median"))
g["p99_worse"] = df.assign(w=df.p99_h > df.base_p99 * 1.0001).groupby("case").w.sum()
pd.set_option("display.width", 200)
print(g.round(3).to_string())
print("\nper field x case ratio (mean over maps, holes counted):")
print(df.pivot_table(index="case", columns="field", values="ratio", aggfunc="mean").round(2).to_string())
print("\nrows with NaN > 0.2% or ratio > 1.0 (excluding BGR cases):")
x = df[((df.nan > 0.2) | (df.ratio > 1.0)) & ~df.case.str.startswith("cv2_imread")]
print(x[["field", "cmap", "case", "nan", "mean_h", "p99_h", "base_mean", "base_p99", "ratio"]].round(3).to_string())
print("\nwarnings:")
print(df[df.warned][["field", "cmap", "case", "warn"]].to_string(max_colwidth=150))
