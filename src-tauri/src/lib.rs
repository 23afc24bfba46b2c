//! The Capability Atlas shell: the `atlas` command line and the Tauri window over
//! `atlas-core`. This crate is glue; what the app knows and does lives in the core.

mod app;
mod background;
mod check;
mod cli;
#[cfg(test)]
mod command_names;
mod explore;
#[cfg(test)]
mod fixtures;
mod ipc;
mod menu;
mod opening;
mod org_cmd;
mod pack_dialog;
mod present;
mod rendering;
mod report_cmd;
mod report_dialog;
mod saving;
mod state;
mod windows;

use clap::Parser;
use std::process::ExitCode;

pub fn run() -> ExitCode {
    let cli = cli::Cli::parse();
    match &cli.command {
        Some(cli::Command::Check {
            mapping: Some(file),
            to,
            ..
        }) => check::run_mapping(
            cli.load_framework(),
            atlas_core::load_dir(&cli::Cli::mapping_target(file, to.as_deref())),
            file,
        ),
        Some(cli::Command::Check { json, .. }) => check::run(cli.load_framework(), *json),
        Some(cli::Command::Store(cmd)) => org_cmd::run(&cli, cmd),
        Some(cli::Command::Report(args)) => report_cmd::run(&cli, args),
        Some(cli::Command::Search {
            query,
            kind,
            perspective,
            limit,
            json,
        }) => explore::search(&cli, &query.join(" "), kind, perspective, *limit, *json),
        Some(cli::Command::Show { id, json }) => explore::show(&cli, id, *json),
        Some(cli::Command::Path { from, to, json }) => explore::path(&cli, from, to, *json),
        None => {
            // First, while this is the only thread: it sets the environment the webview reads.
            rendering::paint_with_cpu_without_gpu();
            let state = match &cli.content {
                Some(_) => state::AppState::new(cli.load_framework(), cli.data_dir()),
                None => state::AppState::remembered(cli.data_dir()),
            };
            app::run(state)
        }
    }
}
