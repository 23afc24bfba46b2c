//! The `atlas` command line: global options shared with the app, and headless subcommands
//! that work on the same core as the window does.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "atlas",
    version,
    about = "Capability Atlas: explore, search, present and annotate capability frameworks offline.",
    long_about = "With no command, opens the app window. With a command, works headless."
)]
pub struct Cli {
    /// A framework pack folder to load instead of the built-in CAF-AI pack.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Where organisations and assessments are stored (default: the platform's app data folder).
    #[arg(long, global = true, value_name = "DIR", env = "ATLAS_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The annotation store's commands (`org`, `assess`, `history`, …).
    #[command(flatten)]
    Store(crate::org_cmd::StoreCommand),
    /// Write an organisation's assessment report (board, full or handout) as a file.
    Report(crate::report_cmd::ReportArgs),
    /// Load and validate a framework pack, and print what it holds.
    Check {
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// Check a mapping file between two packs instead, and print its coverage. It maps from
        /// the pack `--content` names (the built-in CAF-AI pack by default) to the pack `--to`
        /// names.
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
        /// The pack a mapping maps to (default: `../nist-ai-rmf` beside the mapping's folder,
        /// as in `content/`).
        #[arg(long, value_name = "DIR", requires = "mapping")]
        to: Option<PathBuf>,
    },
    /// Search the framework: words are AND-ed, the last is completed, typos are forgiven.
    Search {
        /// What to look for; may include "phrases" and kind:, perspective:, stakeholder: filters.
        query: Vec<String>,
        /// Only nodes of this kind (capability, stakeholder, concept, …).
        #[arg(long)]
        kind: Option<String>,
        /// Only nodes of this perspective (id or name).
        #[arg(long)]
        perspective: Option<String>,
        /// How many results at most.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print the results as a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Show one node: its text, links and backlinks.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Show how two nodes are connected, edge by edge.
    Path {
        from: String,
        to: String,
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    pub fn load_framework(&self) -> Result<atlas_core::Framework, atlas_core::LoadReport> {
        match &self.content {
            Some(dir) => atlas_core::load_dir(dir),
            None => atlas_core::load_builtin(),
        }
    }

    /// The pack a mapping file maps to: `--to`, or the `nist-ai-rmf` pack beside the mapping's
    /// folder (`content/mappings/x.toml` → `content/nist-ai-rmf`).
    pub fn mapping_target(mapping: &std::path::Path, to: Option<&std::path::Path>) -> PathBuf {
        to.map(PathBuf::from).unwrap_or_else(|| {
            let folder = mapping.parent().unwrap_or(std::path::Path::new("."));
            folder.join("../nist-ai-rmf")
        })
    }

    /// The data folder: `--data-dir`, `ATLAS_DATA_DIR`, or the platform's app data folder.
    pub fn data_dir(&self) -> PathBuf {
        self.data_dir.clone().unwrap_or_else(default_data_dir)
    }
}

fn default_data_dir() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("app.capability-atlas")
}
