//! Reading what a person typed into the search box.
//!
//! There is no syntax to get wrong: every input parses. Words are AND-ed, `"quoted text"` is
//! a phrase, and `kind:`, `perspective:`, `stakeholder:` and `org:` narrow the results. An
//! unknown `name:` prefix, a stray quote or punctuation is read as plain words.

/// A filter the user asked for, not yet resolved against the framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Kind(String),
    Perspective(String),
    Stakeholder(String),
    Org(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Lower-cased words outside quotes, in order.
    pub words: Vec<String>,
    /// The text of each quoted phrase.
    pub phrases: Vec<String>,
    pub filters: Vec<Filter>,
    /// The last word was still being typed (no space after it), so it is matched as a prefix.
    pub last_is_prefix: bool,
}

/// Question words and fillers that carry no meaning in a search ("what does the CISO own").
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how",
    "i", "in", "is", "it", "me", "my", "of", "on", "or", "our", "own", "owns", "should", "the",
    "their", "this", "to", "we", "what", "when", "where", "which", "who", "whom", "why", "with",
];

pub fn parse(input: &str) -> ParsedQuery {
    let mut q = ParsedQuery::default();
    let mut rest = input;
    let mut tokens: Vec<String> = Vec::new();
    while let Some(start) = rest.find('"') {
        tokens.extend(rest[..start].split_whitespace().map(str::to_string));
        let after = &rest[start + 1..];
        match after.find('"') {
            Some(end) => {
                let phrase = after[..end].trim();
                if !phrase.is_empty() {
                    q.phrases.push(phrase.to_lowercase());
                }
                rest = &after[end + 1..];
            }
            None => {
                // An unclosed quote: the user is still typing the phrase; treat it as words.
                rest = after;
            }
        }
    }
    tokens.extend(rest.split_whitespace().map(str::to_string));

    let mut last_was_filter = false;
    for token in tokens {
        last_was_filter = false;
        if let Some((name, value)) = token.split_once(':') {
            let value = value.trim().to_lowercase();
            let filter = match name.to_lowercase().as_str() {
                "kind" => Some(Filter::Kind(value.clone())),
                "perspective" | "p" => Some(Filter::Perspective(value.clone())),
                "stakeholder" | "role" => Some(Filter::Stakeholder(value.clone())),
                "org" => Some(Filter::Org(value.clone())),
                _ => None,
            };
            if let Some(f) = filter {
                if !value.is_empty() {
                    q.filters.push(f);
                }
                last_was_filter = true;
                continue;
            }
        }
        for word in split_word(&token) {
            q.words.push(word);
        }
    }
    let ends_in_word = input.chars().last().is_some_and(|c| c.is_alphanumeric());
    q.last_is_prefix =
        ends_in_word && !last_was_filter && !q.words.is_empty() && !input.trim_end().ends_with('"');
    let last = q.words.last().cloned();
    q.words.retain(|w| !STOP_WORDS.contains(&w.as_str()));
    // A lone stop word being typed may be the start of a real word ("the" → "theft").
    if q.last_is_prefix && q.words.is_empty() {
        if let Some(last) = last {
            if q.words.last() != Some(&last) {
                q.words.push(last);
            }
        }
    }
    q
}

/// Splits a token into lower-case alphanumeric words ("CI/CD" → "ci", "cd").
fn split_word(token: &str) -> Vec<String> {
    token
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_filters() {
        let q = parse(r#"kind:capability "data mesh" Curation perspective:Governance"#);
        assert_eq!(q.words, ["curation"]);
        assert_eq!(q.phrases, ["data mesh"]);
        assert_eq!(
            q.filters,
            [
                Filter::Kind("capability".into()),
                Filter::Perspective("governance".into())
            ]
        );
        assert!(!q.last_is_prefix, "a filter was typed last");
    }

    #[test]
    fn question_words_are_dropped() {
        let q = parse("what does the CISO own ");
        assert_eq!(
            q.words,
            ["ciso"],
            "\"own\" frames the question; it is not what is sought"
        );
        assert!(!q.last_is_prefix);
    }

    #[test]
    fn the_word_being_typed_is_a_prefix() {
        let q = parse("responsible us");
        assert_eq!(q.words, ["responsible", "us"]);
        assert!(q.last_is_prefix);
        let q = parse("the");
        assert_eq!(
            q.words,
            ["the"],
            "a stop word being typed is kept as a prefix"
        );
    }

    #[test]
    fn anything_parses() {
        for input in [
            "",
            "\"",
            "::",
            "kind:",
            "\"unclosed phrase",
            "a\"b\"c",
            "ö:ü",
            "🙂",
        ] {
            let _ = parse(input);
        }
        assert_eq!(parse("\"unclosed phrase").words, ["unclosed", "phrase"]);
        assert_eq!(parse("colour:red").words, ["colour", "red"]);
    }
}
