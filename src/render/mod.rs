//! Output for people (text, colour on a terminal) and for machines (JSON Lines).
//!
//! Renderers take our own types (`Hit`, `Counts`, `Stats`) and a writer; they
//! choose the markup, so the search and counting code never formats anything.

pub mod json;
pub mod text;

use std::io::IsTerminal;

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether stdout gets ANSI colours.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}
