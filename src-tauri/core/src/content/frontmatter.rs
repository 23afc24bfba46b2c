//! Splitting a node file into its TOML frontmatter and markdown body, keeping line numbers.
//!
//! Problems must point at the line an author has to edit, so the frontmatter's offset in the
//! file is kept and TOML error positions are translated back to file lines.

use super::problem::{Problem, ProblemKind};

const FENCE: &str = "+++";

/// A node file with its frontmatter parsed.
pub struct NodeFile<'a> {
    pub path: &'a str,
    /// The frontmatter text (without fences), for locating keys and values by line.
    pub front: &'a str,
    /// 1-based file line of the frontmatter's first line.
    pub front_line: usize,
    pub table: toml::Table,
    pub body: &'a str,
}

impl NodeFile<'_> {
    /// The file line of `key = …` in the frontmatter, if the key is written on its own line.
    pub fn line_of_key(&self, key: &str) -> Option<usize> {
        self.front
            .lines()
            .position(|l| {
                let l = l.trim_start();
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map(|i| i + self.front_line)
    }

    /// The line where a quoted value appears after `key`, falling back to the key's line.
    /// Used to point at the exact entry of a multi-line link list.
    pub fn line_of_value(&self, key: &str, value: &str) -> Option<usize> {
        let start = self.line_of_key(key)?;
        let quoted = format!("\"{value}\"");
        self.front
            .lines()
            .enumerate()
            .skip(start - self.front_line)
            .find(|(_, l)| l.contains(&quoted))
            .map(|(i, _)| i + self.front_line)
            .or(Some(start))
    }
}

/// Parses a node file's text. On failure returns the problem, with the line where it lies.
pub fn parse<'a>(path: &'a str, text: &'a str) -> Result<NodeFile<'a>, Problem> {
    let malformed = |line, message: String| {
        Problem::new(ProblemKind::MalformedFrontmatter, path, line, message)
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != FENCE {
        return Err(malformed(
            Some(1),
            format!("a node file must start with a `{FENCE}` line opening its TOML frontmatter"),
        ));
    }
    let front_start = first.len();
    let mut offset = front_start;
    let mut close = None;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            close = Some((offset, offset + line.len(), i + 2));
            break;
        }
        offset += line.len();
    }
    let Some((front_end, body_start, _close_line)) = close else {
        return Err(malformed(
            Some(1),
            format!("the frontmatter opened on line 1 is never closed with a `{FENCE}` line"),
        ));
    };
    let front = &text[front_start..front_end];
    let table: toml::Table = toml::from_str(front).map_err(|e| {
        let line = e
            .span()
            .map(|span| front[..span.start.min(front.len())].matches('\n').count() + 2);
        malformed(line, format!("invalid TOML: {}", first_line(e.message())))
    })?;
    Ok(NodeFile {
        path,
        front,
        front_line: 2,
        table,
        body: &text[body_start..],
    })
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_errors_point_at_the_file_line() {
        let text = "+++\nid = \"a\"\ntitle = \n+++\nbody\n";
        let err = parse("x.md", text)
            .err()
            .expect("a missing value is invalid TOML");
        assert_eq!(
            err.line,
            Some(3),
            "the broken line is the file's third: {err}"
        );
    }

    #[test]
    fn keys_are_located_by_line() {
        let text = "+++\nid = \"a\"\nconcepts = [\n  \"b\",\n  \"c\",\n]\n+++\nbody\n";
        let file = parse("x.md", text).expect("valid");
        assert_eq!(file.line_of_key("concepts"), Some(3));
        assert_eq!(file.line_of_value("concepts", "c"), Some(5));
        assert_eq!(file.body, "body\n");
    }

    #[test]
    fn an_unclosed_block_is_reported() {
        let err = parse("x.md", "+++\nid = \"a\"\n").err().expect("unclosed");
        assert!(err.message.contains("never closed"), "{err}");
    }
}
