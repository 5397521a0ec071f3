"""Weighted logistic regression with L2 on the weights (not the bias), by Newton's method: the one
fit the learned-combination benchmarks share (bench/extraction_model.py, bench/text_model.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Logistic:
    mean: np.ndarray  # the features are standardised by the weighted mean and deviation
    scale: np.ndarray
    weights: np.ndarray  # 0 for the features left out by the mask
    bias: float

    def scores(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float, mask: np.ndarray | None = None) -> Logistic:
    """`y` may be soft labels in [0, 1]; `w` the rows' weights; `mask` the features used (all by default)."""
    mean = (w[:, None] * x).sum(0) / w.sum()
    scale = np.sqrt((w[:, None] * (x - mean) ** 2).sum(0) / w.sum())
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    if mask is not None:
        z[:, ~mask] = 0.0
    z1 = np.hstack([np.ones((len(z), 1)), z])
    beta = np.zeros(z1.shape[1])
    penalty = np.full(z1.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z1 @ beta, -60, 60)))
        gradient = z1.T @ (w * (p - y)) + penalty * beta
        hessian = (z1 * (w * p * (1 - p))[:, None]).T @ z1 + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = beta[1:] if mask is None else np.where(mask, beta[1:], 0.0)
    return Logistic(mean, scale, weights, float(beta[0]))
