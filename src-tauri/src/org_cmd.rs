//! The headless store commands: `atlas org`, `assess`, `undo`, `redo`, `history`, `snapshot`,
//! `compare`, `export`, `import`, `backup`, `restore`. Each parses its arguments, calls the store in
//! `atlas-core`, and prints the result; errors go to stderr with a non-zero exit.

use crate::cli::Cli;
use atlas_core::store::{self, AssessmentPatch, Priority, Store, StoreError};
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
    /// Write one organisation (or all) as JSON or CSV.
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
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PriorityArg {
    Low,
    Medium,
    High,
    Critical,
}

/// Who changes are attributed to on the command line.
pub fn author() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_string())
}

pub fn run(cli: &Cli, cmd: &StoreCommand) -> ExitCode {
    match execute(cli, cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: &Cli, cmd: &StoreCommand) -> Result<(), String> {
    let data_dir = cli.data_dir();
    if let StoreCommand::Restore { file } = cmd {
        let done = store::restore(&data_dir, file).map_err(|e| e.to_string())?;
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
    let mut st = Store::open(&data_dir, &author()).map_err(|e| e.to_string())?;
    let fw = || {
        cli.load_framework()
            .map_err(|r| format!("the framework pack could not be loaded:\n{r}"))
    };
    let org = |st: &Store, key: &str| st.find_organisation(key).map_err(|e| e.to_string());
    let e = |e: StoreError| e.to_string();
    match cmd {
        StoreCommand::Org { action } => match action {
            OrgAction::List { deleted } => {
                let orgs = if *deleted {
                    st.deleted_organisations()
                } else {
                    st.organisations()
                };
                for o in orgs.map_err(e)? {
                    println!("{}\t{}\t{}", o.id, o.name, o.description);
                }
            }
            OrgAction::Create { name } => {
                let o = st.create_organisation(name).map_err(e)?;
                println!("created organisation {} `{}`", o.id, o.name);
            }
            OrgAction::Rename { org: key, name } => {
                let id = org(&st, key)?.id;
                let o = st.rename_organisation(id, name).map_err(e)?;
                println!("renamed organisation {} to `{}`", o.id, o.name);
            }
            OrgAction::Describe { org: key, text } => {
                let id = org(&st, key)?.id;
                let o = st.describe_organisation(id, text).map_err(e)?;
                println!("described organisation {} `{}`", o.id, o.name);
            }
            OrgAction::Delete { org: key } => {
                let o = org(&st, key)?;
                st.delete_organisation(o.id).map_err(e)?;
                println!(
                    "deleted organisation `{}` (its data stays in the database; `atlas undo` brings it back)",
                    o.name
                );
            }
            OrgAction::Restore { org: key } => {
                let id = st.find_deleted_organisation(key).map_err(e)?.id;
                let o = st.restore_organisation(id).map_err(e)?;
                println!("restored organisation {} `{}`", o.id, o.name);
            }
        },
        StoreCommand::Undo { org: key } | StoreCommand::Redo { org: key } => {
            // The last change may have been the delete itself, so a deleted organisation
            // counts too; the live one wins when both carry the name.
            let o = org(&st, key)
                .or_else(|live| st.find_deleted_organisation(key).map_err(|_| live))?;
            let fw = fw()?;
            let (outcome, verb) = if matches!(cmd, StoreCommand::Undo { .. }) {
                (st.undo(&fw, o.id).map_err(e)?, "undid")
            } else {
                (st.redo(&fw, o.id).map_err(e)?, "redid")
            };
            let what: Vec<String> = outcome
                .capabilities
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        "the organisation".to_string()
                    } else {
                        c.clone()
                    }
                })
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
            let fw = fw()?;
            let id = org(&st, key)?.id;
            // Only the flags given become changes: the window may be editing the other
            // fields of this capability right now.
            let changes = AssessmentPatch {
                current: current.map(Some),
                target: target.map(Some),
                priority: priority.map(|p| {
                    Some(match p {
                        PriorityArg::Low => Priority::Low,
                        PriorityArg::Medium => Priority::Medium,
                        PriorityArg::High => Priority::High,
                        PriorityArg::Critical => Priority::Critical,
                    })
                }),
                notes: note.clone(),
                ..AssessmentPatch::default()
            };
            let saved = st
                .save_assessment(&fw, id, capability, changes)
                .map_err(e)?;
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
            let id = org(&st, key)?.id;
            for h in st.history(id, capability.as_deref()).map_err(e)? {
                let what = if h.capability.is_empty() {
                    "organisation".to_string()
                } else {
                    h.capability
                };
                println!(
                    "{}\t{}\t{}\t{}.{}: {} -> {}",
                    h.at, h.author, h.action, what, h.field, h.old, h.new
                );
            }
        }
        StoreCommand::Snapshot { org: key, name } => {
            let id = org(&st, key)?.id;
            let s = st.take_snapshot(id, name).map_err(e)?;
            println!("snapshot `{}` taken at {}", s.name, s.taken_at);
        }
        StoreCommand::Compare {
            org: key,
            a,
            b,
            json,
        } => {
            let fw = fw()?;
            let id = org(&st, key)?.id;
            let (a, b) = (
                st.resolve_side(id, a).map_err(e)?,
                st.resolve_side(id, b).map_err(e)?,
            );
            let cmp = st.compare(&fw, &a, &b).map_err(e)?;
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&cmp).expect("serialises")
                );
            } else {
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
        }
        StoreCommand::Export {
            org: key,
            format,
            output,
            force,
        } => {
            let id = key
                .as_deref()
                .map(|k| org(&st, k).map(|o| o.id))
                .transpose()?;
            let text = match format {
                Format::Json => st.export_json(id).map_err(e)?,
                Format::Csv => st.export_csv(&fw()?, id).map_err(e)?,
            };
            write_out(&data_dir, output.as_deref(), &text, *force)?;
        }
        StoreCommand::Import { file, merge } => {
            let fw = fw()?;
            let r = st.import_file(&fw, file, *merge).map_err(e)?;
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
            let p = st.backup_now().map_err(e)?;
            println!("backup written to {}", p.display());
        }
        StoreCommand::Restore { .. } => unreachable!("handled before opening the store"),
    }
    Ok(())
}

/// Prints the export, or writes it to `output` whole or not at all, never over an earlier file
/// unless `force`, and never over the store's own files; says which file it wrote.
fn write_out(
    data_dir: &Path,
    output: Option<&Path>,
    text: &str,
    force: bool,
) -> Result<(), String> {
    let Some(path) = output else {
        print!("{text}");
        return Ok(());
    };
    let written =
        store::write_export(data_dir, path, text.as_bytes(), force).map_err(|e| e.to_string())?;
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
