"""PDEBench's autoregressive rollout, as models/runtime/src/rollout.rs implements it.

A trajectory `u` is `[B, X(, Y), T, C]`. One model step maps the last S = INITIAL_STEP frames,
flattened time-major to S*C channels (`reshape` of `[.., S, C]`, channel index s*C + c), to the
next frame `[B, X(, Y), C]`; predictions are fed back (no teacher forcing) for t = S .. T-1.

- Training loss: the sum over predicted frames of the MSE (mean over batch, space, channels),
  backpropagated through the whole rollout. The UNet's pushforward (PDEBench `unroll_step` 20)
  grades every frame when S = 10 and T = 21, so it is this same loss (pushforward.rs says so).
- Prediction (evaluation): the same rollout under `torch.no_grad()`, returning the trajectory
  `[B, X(, Y), T, C]` with the first S frames copied from `u` (the engine's `predict`).
"""

import torch
import torch.nn.functional as F

from .common import INITIAL_STEP, T_TRAIN


def rollout_loss(u: torch.Tensor, step) -> torch.Tensor:
    """PDEBench's training loop body: window -> step -> MSE against the true frame -> shift."""
    xx = u[..., :INITIAL_STEP, :]
    loss = None
    for t in range(INITIAL_STEP, T_TRAIN):
        inp = xx.reshape(*xx.shape[:-2], -1)
        im = step(inp)
        mse = F.mse_loss(im, u[..., t, :])
        loss = mse if loss is None else loss + mse
        if t + 1 < T_TRAIN:
            xx = torch.cat((xx[..., 1:, :], im.unsqueeze(-2)), dim=-2)
    return loss


@torch.no_grad()
def rollout_predict(u: torch.Tensor, step) -> torch.Tensor:
    """The rolled-out trajectory, first S frames given (no autograd graph is built)."""
    xx = u[..., :INITIAL_STEP, :]
    preds = []
    for t in range(INITIAL_STEP, T_TRAIN):
        im = step(xx.reshape(*xx.shape[:-2], -1))
        preds.append(im)
        if t + 1 < T_TRAIN:
            xx = torch.cat((xx[..., 1:, :], im.unsqueeze(-2)), dim=-2)
    return torch.cat((u[..., :INITIAL_STEP, :], torch.stack(preds, dim=-2)), dim=-2)


def train_step(model, optimizer, u, step) -> float:
    """One training step as the engine's `train_step`: loss over the rollout, backward, update."""
    model.train()
    optimizer.zero_grad(set_to_none=True)
    loss = rollout_loss(u, step)
    loss.backward()
    optimizer.step()
    return loss.item()


def eval_step(model, u, step) -> float:
    """One evaluation pass as the engine's `predict`; returns the prediction's mean."""
    model.eval()
    return rollout_predict(u, step).mean().item()
