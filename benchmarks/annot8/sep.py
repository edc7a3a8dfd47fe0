"""Missed ink-core pixels beside flags against the untouched data beside flags: their
distance to the map (nearest of 256 colors, YCbCr DN). Reads contrast.py's NaN masks
(/tmp/annot8/nan_main_*.npy). python sep.py"""
import numpy as np, matplotlib
from scipy import ndimage as ndi
from scipy.spatial import cKDTree
z=np.load('/tmp/annot3/pics.npz')
Y=np.array([[0.299,0.587,0.114],[-0.168736,-0.331264,0.5],[0.5,-0.418688,-0.081312]])
INKV={"black":[0],"white":[255],"gray":[128,102]}
for m in ("viridis","magma","jet"):
  t=cKDTree((matplotlib.colormaps[m](np.linspace(0,1,256))[:,:3]*255)@Y.T)
  for ink in ("gray","white","black"):
    for fn in ("camera","dem","bumps"):
      k=f'{m}/{fn}/{ink}'; im=z[k+'/jpg']; d=z[k+'/d']; png=z[k+'/png'].astype(int)
      nan=np.load(f'/tmp/annot8/nan_main_{m}_{fn}_{ink}.npy')
      close=np.zeros(d.shape,bool)
      for v in INKV[ink]: close|=np.abs(png-v).max(-1)<=20
      core=(d>10)&close
      beside=ndi.binary_dilation(nan,np.ones((3,3)))&~nan
      dist=t.query((im.astype(float)@Y.T).reshape(-1,3))[0].reshape(d.shape)
      a=core&~nan; ab=a&beside; data=beside&(d==0)
      print(f"{m:8}{ink:6}{fn:7} missed core {a.sum():5} beside flags {ab.sum():5}"
            f" their dist p10/50 {np.percentile(dist[ab],10) if ab.any() else 0:5.1f} {np.percentile(dist[ab],50) if ab.any() else 0:5.1f}"
            f" | untouched data beside flags n {data.sum():5} dist p90/99 {np.percentile(dist[data],90) if data.any() else 0:5.1f} {np.percentile(dist[data],99) if data.any() else 0:5.1f}")
