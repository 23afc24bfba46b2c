//! What the user exports from a view (a PNG or SVG of the graph, a tour file, a report): written
//! into their export folder under a name that never overwrites an earlier file. The writing
//! itself is `atomic_file`, shared with the command line's exports: whole or not at all.

use crate::atomic_file::{self, Existing};
use crate::limits::{echo, FILE_NAME_PART_CHARS, VIEW_EXPORT_BYTES};
use std::path::{Path, PathBuf};

/// The kinds of file a view may export; anything else is refused.
const EXTENSIONS: &[&str] = &["png", "svg", "csv", "md", "html", "json", "toml"];

/// Writes `bytes` as `name` in `dir` (created if needed), adding " (2)", " (3)"… before the
/// extension when the name is taken. Returns the path written.
pub fn write_unique(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let file = Path::new(name);
    let plain = file
        .file_name()
        .map(|f| f == file.as_os_str())
        .unwrap_or(false);
    let (stem, ext) = match (file.file_stem(), file.extension()) {
        (Some(s), Some(e)) if plain => (s.to_string_lossy(), e.to_string_lossy().to_lowercase()),
        _ => {
            return Err(format!(
                "`{}` is not a plain file name with an extension",
                echo(name)
            ))
        }
    };
    if !EXTENSIONS.contains(&ext.as_str()) {
        return Err(format!(
            "`.{}` files cannot be exported (allowed: {})",
            echo(&ext),
            EXTENSIONS.join(", ")
        ));
    }
    if bytes.len() > VIEW_EXPORT_BYTES {
        return Err(format!(
            "{} bytes is too large to export (at most {VIEW_EXPORT_BYTES})",
            bytes.len()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    atomic_file::write(&dir.join(format!("{stem}.{ext}")), Existing::NewName, bytes)
        .map_err(|e| e.to_string())
}

/// `text` (a name a person gave, such as an organisation's) made fit to stand in a file name
/// on any desktop: characters a file system refuses or reads as a path (`/`, `\`, `:`, `*`, `?`, `"`, `<`, `>`, `|`,
/// controls) become "-", runs of spaces one space, leading dots (a hidden file) and trailing
/// dots and spaces (refused on Windows) go, and at most `FILE_NAME_PART_CHARS` are kept.
pub fn file_name_part(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let trimmed = out
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let kept: String = trimmed.chars().take(FILE_NAME_PART_CHARS).collect();
    let kept = kept.trim_end_matches(['.', ' ']);
    if kept.is_empty() {
        "untitled".into()
    } else {
        kept.into()
    }
}

/// Decodes standard base64 (what a canvas's `toDataURL` produces), ignoring whitespace.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    let text = text.split_once("base64,").map_or(text, |(_, data)| data);
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return Err(format!("byte {i} of the image data is not base64")),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_never_overwrite_and_refuse_paths_and_unknown_types() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_unique(dir.path(), "graph.svg", b"<svg/>").unwrap();
        let b = write_unique(dir.path(), "graph.svg", b"<svg></svg>").unwrap();
        assert_eq!(a.file_name().unwrap(), "graph.svg");
        assert_eq!(b.file_name().unwrap(), "graph (2).svg");
        assert_eq!(std::fs::read(&a).unwrap(), b"<svg/>");
        assert!(write_unique(dir.path(), "../evil.svg", b"x")
            .unwrap_err()
            .contains("plain file name"));
        assert!(write_unique(dir.path(), "/tmp/evil.svg", b"x").is_err());
        assert!(write_unique(dir.path(), "run.sh", b"x")
            .unwrap_err()
            .contains("cannot be exported"));
    }

    #[test]
    fn base64_decodes_data_urls_and_rejects_junk() {
        assert_eq!(
            decode_base64("data:image/png;base64,aGVsbG8=").unwrap(),
            b"hello"
        );
        assert_eq!(decode_base64("aGVs\nbG8h").unwrap(), b"hello!");
        assert!(decode_base64("a*b").is_err());
    }
}
