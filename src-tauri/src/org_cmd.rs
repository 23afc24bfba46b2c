//! The headless store commands: `atlas org`, `assess`, `undo`, `redo`, `history`, `snapshot`,
//! `compare`, `export`, `import`, `backup`, `restore`. Each parses its arguments, calls
//! `atlas_core::Atlas`, and prints the answer; errors go to stderr with a non-zero exit.

use crate::cli::Cli;
use atlas_core::atlas::author_from_env;
use atlas_core::store::{self, AssessmentPatch, Priority};
use atlas_core::{Atlas, AtlasError};
use clap::{Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// List, create, rename, describe, delete or restore organisations.
    Org {
        #[command(subcommand)]
        action: OrgAction,
    },
    /// Record where an organisation stands on one capability.
    Assess {
        /// The organisation's name or id.
        org: String,
        /// The capability's node id, e.g. `data-curation`.
        capability: String,
        #[arg(long)]
        current: Option<u8>,
        #[arg(long)]
        target: Option<u8>,
        #[arg(long, value_enum)]
        priority: Option<PriorityArg>,
        /// Markdown notes (replaces the existing notes).
        #[arg(long)]
        note: Option<String>,
    },
    /// Undo the organisation's last change (an assessment, a rename, a delete, …).
    Undo {
        /// The organisation's name or id; a deleted one is found too, so a delete can be undone.
        org: String,
    },
    /// Redo the organisation's last undone change, if nothing was changed since.
    Redo {
        /// The organisation's name or id; a deleted one is found too.
        org: String,
    },
    /// Show every change to an organisation, or to one of its capabilities.
    History {
        org: String,
        capability: Option<String>,
    },
    /// Freeze the organisation's current assessments under a name.
    Snapshot { org: String, name: String },
    /// Compare two states of an organisation: `now`, a snapshot name, or `org:OTHER`.
    Compare {
        org: String,
        a: String,
        b: String,
        #[arg(long)]
        json: bool,
    },
    /// Write one organisation (or all) as JSON or CSV, or one organisation's actions as CSV
    /// for an issue tracker (`--format actions-csv`).
    Export {
        org: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Write to FILE instead of standard output. An existing FILE is kept and the export
        /// gets a free name beside it ("FILE (2).json"), unless --force.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists (never the database or its backups).
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Import a JSON export; with --merge, merge into organisations of the same name.
    Import {
        file: PathBuf,
        #[arg(long)]
        merge: bool,
    },
    /// Take a backup of the database now.
    Backup,
    /// Replace the database with a backup (the current one is kept in the backups folder).
    /// Refused while the app or another command has the database open.
    Restore { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum OrgAction {
    /// List organisations: id, name and description, one per line.
    List {
        /// List the deleted organisations instead, which `org restore` can bring back.
        #[arg(long)]
        deleted: bool,
    },
    /// Create an organisation.
    Create {
        /// Its name, unique among live organisations.
        name: String,
    },
    /// Rename an organisation.
    Rename {
        /// The organisation's name or id.
        org: String,
        /// The new name.
        name: String,
    },
    /// Set an organisation's description (an empty TEXT clears it).
    Describe {
        /// The organisation's name or id.
        org: String,
        /// The description.
        text: String,
    },
    /// Delete an organisation; its data is kept, and `undo` or `org restore` brings it back.
    Delete {
        /// The organisation's name or id.
        org: String,
    },
    /// Bring back a deleted organisation with its assessments, history and snapshots.
    Restore {
        /// The deleted organisation's name or id (see `org list --deleted`).
        org: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Csv,
    /// The organisation's actions, a row each, under the header issue trackers import.
    ActionsCsv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PriorityArg {
    Low,
    Medium,
    High,
    Critical,
}

impl From<PriorityArg> for Priority {
    fn from(p: PriorityArg) -> Self {
        match p {
            PriorityArg::Low => Priority::Low,
            PriorityArg::Medium => Priority::Medium,
            PriorityArg::High => Priority::High,
            PriorityArg::Critical => Priority::Critical,
        }
    }
}

pub fn run(cli: &Cli, cmd: &StoreCommand) -> ExitCode {
    match execute(cli, cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: &Cli, cmd: &StoreCommand) -> Result<(), AtlasError> {
    let data_dir = cli.data_dir();
    if let StoreCommand::Restore { file } = cmd {
        // Before anything opens the store: a restore needs the data folder to itself.
        let done = Atlas::restore(&data_dir, file)?;
        println!(
            "restored {} from {}",
            done.database.display(),
            file.display()
        );
        if let Some(kept) = &done.replaced {
            println!("the database it replaced is kept as {}", kept.display());
        }
        return Ok(());
    }
    let atlas = Atlas::open(cli.load_framework(), &data_dir, &author_from_env());
    atlas.store_ready()?;
    let org = |key: &str| atlas.find_organisation(key);
    match cmd {
        StoreCommand::Org { action } => match action {
            OrgAction::List { deleted } => {
                let orgs = if *deleted {
                    atlas.deleted_organisations()?
                } else {
                    atlas.organisations()?
                };
                for o in orgs {
                    println!("{}\t{}\t{}", o.id, o.name, o.description);
                }
            }
            OrgAction::Create { name } => {
                let o = atlas.create_organisation(name)?;
                println!("created organisation {} `{}`", o.id, o.name);
            }
            OrgAction::Rename { org: key, name } => {
                let o = atlas.rename_organisation(org(key)?.id, name)?;
                println!("renamed organisation {} to `{}`", o.id, o.name);
            }
            OrgAction::Describe { org: key, text } => {
                let o = atlas.describe_organisation(org(key)?.id, text)?;
                println!("described organisation {} `{}`", o.id, o.name);
            }
            OrgAction::Delete { org: key } => {
                let o = org(key)?;
                atlas.delete_organisation(o.id)?;
                println!(
                    "deleted organisation `{}` (its data stays in the database; `atlas undo` brings it back)",
                    o.name
                );
            }
            OrgAction::Restore { org: key } => {
                let o = atlas.restore_organisation(key)?;
                println!("restored organisation {} `{}`", o.id, o.name);
            }
        },
        StoreCommand::Undo { org: key } | StoreCommand::Redo { org: key } => {
            let o = atlas.find_organisation_to_undo(key)?;
            let (outcome, verb) = if matches!(cmd, StoreCommand::Undo { .. }) {
                (atlas.undo(o.id)?, "undid")
            } else {
                (atlas.redo(o.id)?, "redid")
            };
            let what: Vec<&str> = outcome
                .capabilities
                .iter()
                .map(|c| if c.is_empty() { "the organisation" } else { c })
                .collect();
            println!(
                "{verb} the last change to `{}`: {} ({})",
                o.name,
                what.join(", "),
                outcome.fields.join(", ")
            );
        }
        StoreCommand::Assess {
            org: key,
            capability,
            current,
            target,
            priority,
            note,
        } => {
            // Only the flags given become changes: the window may be editing the other
            // fields of this capability right now.
            let changes = AssessmentPatch {
                current: current.map(Some),
                target: target.map(Some),
                priority: priority.map(|p| Some(p.into())),
                notes: note.clone(),
                ..AssessmentPatch::default()
            };
            let saved = atlas.save_assessment(org(key)?.id, capability, changes)?;
            println!(
                "{capability}: current {} target {}",
                saved.current.map_or("-".into(), |v| v.to_string()),
                saved.target.map_or("-".into(), |v| v.to_string())
            );
        }
        StoreCommand::History {
            org: key,
            capability,
        } => {
            for h in atlas.history(org(key)?.id, capability.as_deref())? {
                let what = if h.capability.is_empty() {
                    "organisation"
                } else {
                    &h.capability
                };
                // In words, as the window's timeline says it: a plan's change as JSON would be
                // unreadable (`atlas export` has the exact values).
                println!(
                    "{}\t{}\t{}\t{}.{}: {}",
                    h.at, h.author, h.action, what, h.field, h.words
                );
            }
        }
        StoreCommand::Snapshot { org: key, name } => {
            let s = atlas.take_snapshot(org(key)?.id, name)?;
            println!("snapshot `{}` taken at {}", s.name, s.taken_at);
        }
        StoreCommand::Compare {
            org: key,
            a,
            b,
            json,
        } => {
            let cmp = atlas.compare_named(org(key)?.id, a, b)?;
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&cmp).expect("serialises")
                );
            } else {
                print_comparison(&cmp);
            }
        }
        StoreCommand::Export {
            org: key,
            format,
            output,
            force,
        } => {
            let id = key.as_deref().map(|k| org(k).map(|o| o.id)).transpose()?;
            let text = match format {
                Format::Json => atlas.export_json(id)?,
                Format::Csv => atlas.export_csv(id)?,
                Format::ActionsCsv => match id {
                    Some(id) => atlas.export_actions_csv(id)?,
                    None => {
                        return Err(AtlasError::Invalid(
                            "--format actions-csv exports one organisation's actions: \
                             name the organisation"
                                .into(),
                        ))
                    }
                },
            };
            write_out(&atlas, output.as_deref(), &text, *force)?;
        }
        StoreCommand::Import { file, merge } => {
            let r = atlas.import_file(file, *merge)?;
            println!(
                "imported: {} organisations added, {} fields merged, {} snapshots added, {} conflicts",
                r.organisations_added.len(),
                r.fields_merged,
                r.snapshots_added,
                r.conflicts.len()
            );
            for c in &r.conflicts {
                println!(
                    "  conflict: {} / {} / {}: kept {} (theirs {})",
                    c.organisation, c.capability, c.field, c.ours, c.theirs
                );
            }
        }
        StoreCommand::Backup => {
            let p = atlas.backup_now()?;
            println!("backup written to {}", p.display());
        }
        StoreCommand::Restore { .. } => unreachable!("handled before opening the store"),
    }
    Ok(())
}

fn print_comparison(cmp: &store::Comparison) {
    println!(
        "{} → {}: {} capabilities differ",
        cmp.a,
        cmp.b,
        cmp.capabilities.len()
    );
    for c in &cmp.capabilities {
        let delta = |d: Option<i32>| d.map_or("-".into(), |d| format!("{d:+}"));
        let fields: Vec<&str> = c.changes.iter().map(|f| f.field.as_str()).collect();
        let orphan = if c.orphaned {
            " (no longer in the pack)"
        } else {
            ""
        };
        println!(
            "  {}{orphan}: current {} target {} [{}]",
            c.title,
            delta(c.current_delta),
            delta(c.target_delta),
            fields.join(", ")
        );
    }
}

/// Prints the export, or writes it to `output` (see `Atlas::write_export`); says which file
/// it wrote.
fn write_out(
    atlas: &Atlas,
    output: Option<&Path>,
    text: &str,
    force: bool,
) -> Result<(), AtlasError> {
    let Some(path) = output else {
        print!("{text}");
        return Ok(());
    };
    let written = atlas.write_export(path, text, force)?;
    if written == path {
        println!("exported to {}", written.display());
    } else {
        println!(
            "{} already exists, so the export was written to {} (--force replaces it instead)",
            path.display(),
            written.display()
        );
    }
    Ok(())
}
