//! The `bert` model plugin: a BERT-family encoder (BERT / MiniLM layout, and RoBERTa's with its
//! position offset) with a sequence-classification head, fine-tuned from a Hugging Face directory
//! (config.json + model.safetensors, e.g. all-MiniLM-L6-v2) or randomly initialised.
//!
//! Architecture (post-LN, absolute positions, exact GELU), see [`model`] for the data flow:
//! embeddings (word + position + token type) -> LayerNorm -> dropout -> N encoder layers
//! (self-attention with padded keys masked, output dense, residual + LayerNorm; FFN
//! dense-GELU-dense, residual + LayerNorm) -> pooling (`cls`: pooler dense + tanh on [CLS];
//! `mean`: masked mean) -> dropout -> classifier. Loss: mean cross-entropy.
//!
//! Parameter names are Hugging Face's (`encoder.layer.3.attention.self.query.weight`, linear
//! weights `[out, in]`), one group per layer (Linear, Norm, Embedding, Head), so engine
//! checkpoints read like HF ones and TempBalance sees one Linear per matrix.
//!
//! Batches: `input_ids`, `token_type_ids`, `attention_mask` `[B, L]` and `labels` `[B]` (f32);
//! `predict` returns `logits` `[B, num_labels]`. Config: [`DEFAULT_CONFIG`].
//!
//! The hot spots (LayerNorm, masked softmax with attention dropout) are fused ops with
//! hand-written backward passes ([`ops`]); the bias (+ GELU) after each matmul uses the runtime's
//! fused `bias_act`.

pub mod config;
pub mod model;
pub mod ops;

pub use config::{BertConfig, Pooling, DEFAULT_CONFIG};
pub use model::{Bert, TextData};

use model_runtime::{ModelAdapter, PluginMeta};
use plugin_api::ModelInit;

// Fine-tuning repeats the same shapes step after step (see model_runtime::alloc).
model_runtime::use_caching_allocator!();

/// The plugin name users type (`--model bert`).
pub const NAME: &str = "bert";

/// The plugin as the engine sees it.
pub type BertPlugin = ModelAdapter<Bert>;

/// Builds the plugin model from the engine's [`ModelInit`].
pub fn new_model(init: ModelInit<'_>) -> Result<BertPlugin, String> {
    let build = || -> model_runtime::Result<BertPlugin> {
        let net = Bert::new(init.config.as_str(), init.data.as_str(), init.seed)?;
        ModelAdapter::new(
            net,
            init.optimizer,
            PluginMeta {
                name: NAME,
                version: env!("CARGO_PKG_VERSION"),
            },
        )
    };
    build().map_err(|e| {
        let e = e.to_string();
        // Data-description errors already start with the plugin name.
        if e.starts_with("bert:") {
            e
        } else {
            format!("{NAME}: {e}")
        }
    })
}

plugin_api::export_model_plugin! {
    name: NAME,
    description: "BERT-family encoder (BERT/MiniLM, RoBERTa) with a sequence-classification head, fine-tuned from a Hugging Face directory",
    default_config: DEFAULT_CONFIG,
    new: new_model,
}
