//! Integration tests of the core, against the real CAF-AI pack and scratch packs.

mod caf_ai;
mod content_problems;
mod isolation;
mod markdown;
mod support;
