"""Row-by-row dot products of vector pairs: exactly (:func:`rowdot`, the one computation of
a pair's similarity: ``einsum`` reduces each row in one fixed order, whatever rows it is taken
with), or all at once from a matrix product within a known margin of that value
(:func:`block_rowdot`, :func:`rounding_margin`), which tells the pairs whose value is surely
under a floor (the story gate's) from those that need it exactly."""

from __future__ import annotations

import numpy as np

# the matrix product is worth it where there are at least this many pairs per cell of its
# block (one BLAS cell costs ~1/20 of a gathered ``einsum`` row, and the pairs over the floor
# still need theirs), and its block is at most this large
_DENSE_SHARE = 1 / 6
_DENSE_CELLS = 8_000_000
# fewer pairs than this: the exact products alone (the block's set-up costs more)
_DENSE_MIN_PAIRS = 4096


def rowdot(m: np.ndarray, ii: np.ndarray, jj: np.ndarray, chunk: int = 256) -> np.ndarray:
    """``m[ii[k]] . m[jj[k]]`` for every k, ``chunk`` rows at a time (no m[ii] copy of all pairs).

    Small chunks keep the two gathered blocks in the CPU cache for the product (256 rows of
    384 floats: 2 x 384 KB): 2-3x less CPU per pair than 16k-row blocks, same values."""
    out = np.empty(len(ii), dtype=np.result_type(m.dtype, np.float32))
    for s in range(0, len(ii), chunk):
        out[s : s + chunk] = np.einsum("ij,ij->i", m[ii[s : s + chunk]], m[jj[s : s + chunk]])
    return out


def rounding_margin(m: np.ndarray) -> float:
    """A bound, with room to spare, on the sum of the rounding errors of two computations of a
    dot product of two rows of ``m`` (each within ``gamma_d * |x| |y|`` of the exact value, in any
    order of summation, fused or not: ``d`` the rows' width, ``gamma_d ~ d * 2**-24`` in float32)."""
    if not m.size:
        return 0.0
    top = float(np.sqrt(np.max(np.einsum("ij,ij->i", m, m, dtype=np.float64))))
    unit = float(np.finfo(m.dtype).eps) / 2
    return 4.0 * m.shape[1] * unit * (1.001 * top) ** 2 + 1e-30


def block_rowdot(m: np.ndarray, ii: np.ndarray, jj: np.ndarray, by_second: bool) -> np.ndarray | None:
    """``m[ii[k]] . m[jj[k]]`` for every k from one matrix product of the rows involved (BLAS,
    rounded in its own order: within :func:`rounding_margin` of :func:`rowdot`'s value), or
    ``None`` where that product would be too large or mostly cells no pair asks for.

    The block is the first rows' range by the distinct second rows; ``by_second``: the pairs
    come in runs of one second row (else of one first row), and the block is laid out so that
    consecutive pairs read nearby cells."""
    if len(ii) < _DENSE_MIN_PAIRS:
        return None
    lo, hi = int(ii.min()), int(ii.max()) + 1
    seen = np.zeros(len(m), dtype=bool)
    seen[jj] = True
    cols = np.flatnonzero(seen)
    cells = (hi - lo) * len(cols)
    if cells > _DENSE_CELLS or len(ii) < _DENSE_SHARE * cells:
        return None
    at = np.zeros(len(m), dtype=np.intp)
    at[cols] = np.arange(len(cols))
    if by_second:
        return (m[cols] @ m[lo:hi].T)[at[jj], ii - lo]
    return (m[lo:hi] @ m[cols].T)[ii - lo, at[jj]]
