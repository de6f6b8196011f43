"""BERT (MiniLM-L6) with a sequence-classification head in plain torch, as models/bert defines it
(no `transformers`; weights read with `safetensors`).

    input_ids, token_type_ids [B, L]
      -> word + position + token-type embeddings -> LayerNorm -> dropout
      -> num_layers x (post-LN):
           p = dropout(softmax(q k^T / sqrt(d) + key mask))
           x = LayerNorm(x + dropout((p v) Wo^T + bo))
           x = LayerNorm(x + dropout(GELU(x Wi^T + bi) Wo2^T + bo2))
      -> pooling "cls": tanh(x[:, 0] Wp^T + bp) | "mean": masked mean over the tokens
      -> dropout -> classifier Linear(H -> labels)
    loss: mean cross-entropy

Dropout as the engine uses it: hidden 0.1 (embeddings, attention output, FFN output), attention
probabilities 0.1, classifier 0.1 (config.json's classifier_dropout is unset, so the hidden
rate), in training only. Module names are Hugging Face's, so the MiniLM safetensors file (and an
engine checkpoint) load by name.

Attention: `sdpa` (default) is torch's fused `scaled_dot_product_attention`, which Hugging Face's
BertModel uses by default; `eager` is the explicit matmul-softmax-matmul (HF's "eager"). When
every token is real (the benchmark batch) the key mask is dropped, as HF does for SDPA.

The optimizer of bert_bench: AdamW(lr 2e-5, weight decay 0.01, betas 0.9/0.999, eps 1e-8) with
no decay on biases and LayerNorm parameters (the engine's `decay = false` parameters), and the
gradient clipped to global norm 1.0.
"""

import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 16
LEN = 128
NUM_LABELS = 2
LR = 2e-5
WEIGHT_DECAY = 0.01
GRAD_CLIP = 1.0


class Config:
    """The architecture keys of a Hugging Face config.json (all-MiniLM-L6-v2's as defaults)."""

    def __init__(self, d: dict):
        self.hidden = d.get("hidden_size", 384)
        self.layers = d.get("num_hidden_layers", 6)
        self.heads = d.get("num_attention_heads", 12)
        self.inter = d.get("intermediate_size", 1536)
        self.vocab = d.get("vocab_size", 30522)
        self.max_pos = d.get("max_position_embeddings", 512)
        self.type_vocab = d.get("type_vocab_size", 2)
        self.eps = d.get("layer_norm_eps", 1e-12)
        self.hidden_dropout = d.get("hidden_dropout_prob", 0.1)
        self.attention_dropout = d.get("attention_probs_dropout_prob", 0.1)
        cd = d.get("classifier_dropout")
        self.classifier_dropout = self.hidden_dropout if cd is None else cd


class Embeddings(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.word_embeddings = nn.Embedding(c.vocab, c.hidden)
        self.position_embeddings = nn.Embedding(c.max_pos, c.hidden)
        self.token_type_embeddings = nn.Embedding(c.type_vocab, c.hidden)
        self.LayerNorm = nn.LayerNorm(c.hidden, eps=c.eps)
        self.p = c.hidden_dropout

    def forward(self, ids, types):
        pos = self.position_embeddings.weight[: ids.shape[1]]
        x = self.word_embeddings(ids) + self.token_type_embeddings(types) + pos
        return F.dropout(self.LayerNorm(x), self.p, self.training)


class SelfAttention(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.query = nn.Linear(c.hidden, c.hidden)
        self.key = nn.Linear(c.hidden, c.hidden)
        self.value = nn.Linear(c.hidden, c.hidden)
        self.heads, self.d = c.heads, c.hidden // c.heads
        self.p = c.attention_dropout


class Output(nn.Module):
    """dense -> dropout -> LayerNorm(x + residual) (HF's BertSelfOutput / BertOutput)."""

    def __init__(self, cin: int, c: Config):
        super().__init__()
        self.dense = nn.Linear(cin, c.hidden)
        self.LayerNorm = nn.LayerNorm(c.hidden, eps=c.eps)
        self.p = c.hidden_dropout

    def forward(self, y, residual):
        return self.LayerNorm(F.dropout(self.dense(y), self.p, self.training) + residual)


class Attention(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        # Attribute names give HF's `attention.self.query` / `attention.output.dense`.
        setattr(self, "self", SelfAttention(c))
        self.output = Output(c.hidden, c)


class Intermediate(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.dense = nn.Linear(c.hidden, c.inter)


class Layer(nn.Module):
    def __init__(self, c: Config, attention: str):
        super().__init__()
        self.attention = Attention(c)
        self.intermediate = Intermediate(c)
        self.output = Output(c.inter, c)
        self.impl = attention

    def forward(self, x, mask):
        sa = getattr(self.attention, "self")
        b, l, h = x.shape
        nh, d = sa.heads, sa.d

        def split(t):
            return t.view(b, l, nh, d).transpose(1, 2)

        q, k, v = split(sa.query(x)), split(sa.key(x)), split(sa.value(x))
        p = sa.p if self.training else 0.0
        if self.impl == "sdpa":
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p)
        else:
            scores = q @ k.transpose(-1, -2) / math.sqrt(d)
            if mask is not None:
                scores = scores + mask
            ctx = F.dropout(scores.softmax(-1), p, self.training) @ v
        ctx = ctx.transpose(1, 2).reshape(b, l, h)
        x = self.attention.output(ctx, x)
        return self.output(F.gelu(self.intermediate.dense(x)), x)


class Encoder(nn.Module):
    def __init__(self, c: Config, attention: str):
        super().__init__()
        self.layer = nn.ModuleList(Layer(c, attention) for _ in range(c.layers))


class Pooler(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.dense = nn.Linear(c.hidden, c.hidden)


class BertClassifier(nn.Module):
    def __init__(self, c: Config, num_labels: int = NUM_LABELS, attention: str = "sdpa", pooling: str = "cls"):
        super().__init__()
        self.cfg = c
        self.pooling = pooling
        self.embeddings = Embeddings(c)
        self.encoder = Encoder(c, attention)
        if pooling == "cls":
            self.pooler = Pooler(c)
        self.classifier = nn.Linear(c.hidden, num_labels)

    def forward(self, ids, types, attention_mask):
        """Logits `[B, num_labels]`; `attention_mask` `[B, L]`, 1 = token."""
        if bool(attention_mask.all()):
            mask = None  # every key is a token: nothing to mask (HF drops the mask for SDPA)
        else:
            # Additive key mask [B, 1, 1, L], broadcast over heads and queries.
            mask = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        x = self.embeddings(ids, types)
        for layer in self.encoder.layer:
            x = layer(x, mask)
        if self.pooling == "cls":
            pooled = torch.tanh(self.pooler.dense(x[:, 0]))
        else:  # masked mean over the tokens (sentence-transformers' pooling of all-MiniLM-L6-v2)
            m = attention_mask[:, :, None].to(x.dtype)
            pooled = (x * m).sum(1) / m.sum(1)
        pooled = F.dropout(pooled, self.cfg.classifier_dropout, self.training)
        return self.classifier(pooled)


def load_minilm(model_dir: str, attention: str = "sdpa", seed: int = 2024, pooling: str = "cls",
                num_labels: int = NUM_LABELS) -> BertClassifier:
    """MiniLM from a Hugging Face directory (config.json + model.safetensors); the classifier is
    new, normal(0, 0.02) with zero bias, as the engine initialises it."""
    from .common import load_safetensors

    with open(os.path.join(model_dir, "config.json")) as f:
        cfg = Config(json.load(f))
    torch.manual_seed(seed)
    model = BertClassifier(cfg, num_labels=num_labels, attention=attention, pooling=pooling)
    with torch.no_grad():
        model.classifier.weight.normal_(0.0, 0.02)
        model.classifier.bias.zero_()
    load_weights(model, load_safetensors(os.path.join(model_dir, "model.safetensors")), skip_classifier=True)
    return model


def load_weights(model: BertClassifier, st: dict, skip_classifier: bool = False) -> None:
    """Copies tensors by name (HF names, with or without a `bert.` prefix)."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if skip_classifier and name.startswith("classifier."):
                continue
            t = st.get(name, st.get("bert." + name))
            if t is None:
                raise KeyError(f"weights file has no tensor '{name}'")
            p.copy_(t.to(p.dtype))


def optimizer(model: BertClassifier) -> torch.optim.Optimizer:
    """AdamW with decay on weights and embeddings only (the engine's `decay` flags)."""
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if name.endswith(".bias") or ".LayerNorm." in name else decay).append(p)
    groups = [
        {"params": decay, "weight_decay": WEIGHT_DECAY},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=LR, betas=(0.9, 0.999), eps=1e-8)


def bench_batch():
    """bert_bench.rs `batch()`: 16 x 128 tokens, [CLS] ... [SEP], every position a real token."""
    i = torch.arange(BATCH * LEN, dtype=torch.int64)
    j = i % LEN
    ids = torch.where(j == 0, 101, torch.where(j == LEN - 1, 102, 1000 + (i * 7919) % 28000))
    types = (j >= LEN // 2).long()
    mask = torch.ones(BATCH, LEN, dtype=torch.int64)
    labels = torch.arange(BATCH, dtype=torch.int64) % 2
    return ids.view(BATCH, LEN), types.view(BATCH, LEN), mask, labels


def train_step(model, opt, batch) -> float:
    ids, types, mask, labels = batch
    model.train()
    opt.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(ids, types, mask), labels)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)
    opt.step()
    return loss.item()


def eval_step(model, batch) -> float:
    ids, types, mask, _ = batch
    model.eval()
    with torch.no_grad():
        return model(ids, types, mask).mean().item()
