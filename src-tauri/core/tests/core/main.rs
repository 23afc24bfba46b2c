//! Integration tests of the core, against the real CAF-AI pack and scratch packs.

mod actions;
mod application;
mod backups;
mod caf_ai;
mod content_problems;
mod file_names;
mod fuzzing;
mod graph_queries;
mod importing;
mod isolation;
mod markdown;
mod module_cycles;
mod nist_pack;
mod pack_files;
mod packs;
mod preferences;
mod report;
mod report_docx;
mod report_pdf;
mod saved_views;
mod search;
mod store;
mod support;
mod synthetic;
mod tour_limits;
mod unknown_ids;
