//! The `atlas` binary, run as a user runs it: headless subcommands, exit codes and output.

mod check;
mod explore;
mod files;
mod organisations;
mod report;
mod support;
