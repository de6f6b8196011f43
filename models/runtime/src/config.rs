//! Helpers for model plugins' configuration sections (TOML), so that every error is one line that
//! names what is at fault.

use crate::error::{Error, Result};

/// Parses a config section; invalid TOML is one line with the line where parsing stopped.
pub fn parse_table(text: &str) -> Result<toml::Table> {
    text.parse().map_err(|e: toml::de::Error| {
        Error::Config(plugin_api::sdk::toml_error("config is not valid TOML", text, &e))
    })
}

/// A TOML value as an error shows what was given: strings quoted, numbers and booleans as
/// written, anything else by its type ("a table", "an array" reads "a array": TOML's own names).
pub fn shown(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("the string \"{s}\""),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        other => format!("a {}", other.type_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_one_line_and_show_the_value() {
        let e = parse_table("width = \nx = [").unwrap_err().to_string();
        assert!(e.starts_with("config is not valid TOML at line ") && !e.contains('\n'), "{e}");
        let t = parse_table("a = \"s\"\nb = 2\nc = 1.5\nd = true\ne = [1]").unwrap();
        let got: Vec<String> = ["a", "b", "c", "d", "e"].iter().map(|k| shown(&t[*k])).collect();
        assert_eq!(got, ["the string \"s\"", "2", "1.5", "true", "a array"]);
    }
}
