//! `atlas search`, `atlas show` and `atlas path`: reading the framework from a terminal.

use crate::cli::Cli;
use atlas_core::api;
use atlas_core::graph::queries;
use atlas_core::search::{SearchIndex, SearchOptions};
use atlas_core::Framework;
use std::process::ExitCode;

fn load(cli: &Cli) -> Result<Framework, ExitCode> {
    cli.load_framework().map_err(|report| {
        eprintln!("{report}");
        ExitCode::FAILURE
    })
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("atlas: {message}");
    ExitCode::FAILURE
}

fn print_json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("serialisable")
    );
}

pub fn search(
    cli: &Cli,
    query: &str,
    kind: &Option<String>,
    perspective: &Option<String>,
    limit: usize,
    json: bool,
) -> ExitCode {
    let fw = match load(cli) {
        Ok(fw) => fw,
        Err(code) => return code,
    };
    let index = match SearchIndex::build(&fw) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let opts = SearchOptions {
        limit,
        kind: kind.clone(),
        perspective: perspective.clone(),
    };
    let hits = match index.search(query, &opts) {
        Ok(h) => h,
        Err(e) => return fail(e),
    };
    if json {
        print_json(&hits);
    } else if hits.is_empty() {
        println!("No results for {query:?}.");
    } else {
        for (i, h) in hits.iter().enumerate() {
            let where_ = h
                .perspective
                .as_deref()
                .map(|p| format!(" · {p}"))
                .unwrap_or_default();
            println!(
                "{:>2}. {} [{}{}] ({}) {:.2}",
                i + 1,
                h.title,
                h.kind,
                where_,
                h.id,
                h.score
            );
            let plain = h.snippet.replace("<mark>", "»").replace("</mark>", "«");
            println!("    {}", unescape(&plain));
        }
    }
    ExitCode::SUCCESS
}

pub fn show(cli: &Cli, id: &str, json: bool) -> ExitCode {
    let fw = match load(cli) {
        Ok(fw) => fw,
        Err(code) => return code,
    };
    let detail = match api::node_detail(&fw, id) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    if json {
        print_json(&detail);
        return ExitCode::SUCCESS;
    }
    let node = fw.node(id).expect("node_detail found it");
    println!("{} — {}", detail.title, detail.kind_label);
    println!("{}", detail.tagline);
    println!(
        "Source: {}, p. {}\n",
        detail.source.section, detail.source.page
    );
    println!("{}", atlas_core::markdown::plain_text(&node.body).trim());
    for (heading, links) in [("Links", &detail.links), ("Linked from", &detail.backlinks)] {
        if links.is_empty() {
            continue;
        }
        println!("\n{heading}:");
        for l in links {
            println!("  {:<11} {} ({})", l.edge, l.title, l.id);
        }
    }
    ExitCode::SUCCESS
}

pub fn path(cli: &Cli, from: &str, to: &str, json: bool) -> ExitCode {
    let fw = match load(cli) {
        Ok(fw) => fw,
        Err(code) => return code,
    };
    for id in [from, to] {
        if !fw.contains(id) {
            return fail(fw.unknown(id));
        }
    }
    let Some(edges) = queries::shortest_path(&fw, from, to) else {
        return fail(format!("`{from}` and `{to}` are not connected"));
    };
    if json {
        print_json(&edges);
        return ExitCode::SUCCESS;
    }
    let title = |id: &str| fw.node(id).map(|n| n.title.clone()).unwrap_or_default();
    println!(
        "{} step{} from {} to {}:",
        edges.len(),
        if edges.len() == 1 { "" } else { "s" },
        title(from),
        title(to)
    );
    for e in &edges {
        println!("  {} —{}→ {}", title(&e.from), e.kind, title(&e.to));
    }
    ExitCode::SUCCESS
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}
