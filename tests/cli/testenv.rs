//! A temporary folder, fixture writers and a command for the built binary.

use std::path::{Path, PathBuf};
use std::process::Output;

pub struct TestEnv {
    dir: tempfile::TempDir,
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code().unwrap_or(-1),
        }
    }

    /// Panics with both streams unless the exit code is `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The stdout lines parsed as JSON.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

/// An article in the source layout of `shared/data/seed`.
pub fn seed_article(source: &str, date: Option<&str>, title: &str, paragraphs: &[&str]) -> String {
    let mut text = format!("{source}\n");
    if let Some(date) = date {
        text.push_str(&format!("Date: {date}\n"));
    }
    text.push_str(&format!("\n{title}\n\n{}\n", paragraphs.join("\n\n")));
    text
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn index_dir(&self) -> PathBuf {
        self.path("index")
    }

    /// Writes a file (creating folders) and returns its path.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, contents).expect("write fixture");
        path
    }

    /// Writes `records` to `name` as JSON Lines and indexes them with their
    /// metadata entities only, so that counts do not depend on the tagger.
    pub fn index_records(&self, name: &str, records: &[serde_json::Value]) {
        let text: String = records.iter().map(|r| format!("{r}\n")).collect();
        let feed = self.write(name, text);
        self.run(["index", "--no-entities", feed.to_str().unwrap()])
            .expect_code(0);
    }

    /// Runs `dateline ARGS` with this env's index and no colour from the caller.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.run_with_stdin(args, Vec::new())
    }

    /// `run`, with `stdin` as standard input.
    pub fn run_with_stdin<I, S>(&self, args: I, stdin: impl Into<Vec<u8>>) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let output = assert_cmd::Command::cargo_bin("dateline")
            .expect("binary built")
            .args(args)
            .current_dir(self.dir.path())
            .env("DATELINE_INDEX", self.index_dir())
            .env_remove("NO_COLOR")
            .write_stdin(stdin)
            .output()
            .expect("binary runs");
        Run::from(output)
    }

    /// `dateline index PATHS...`, expected to succeed.
    pub fn index(&self, paths: &[&Path]) -> Run {
        let mut args = vec!["index".as_ref(), "--threads".as_ref(), "1".as_ref()];
        args.extend(paths.iter().map(|p| p.as_os_str()));
        self.run(args).expect_code(0)
    }

    /// `dateline search --json ARGS`, expected to succeed, as JSON hits.
    pub fn search_json(&self, args: &[&str]) -> Vec<serde_json::Value> {
        let mut all = vec!["search", "--json"];
        all.extend(args);
        self.run(all).expect_code(0).json_lines()
    }

    /// Titles of `search --json ARGS`, in rank order.
    pub fn titles(&self, args: &[&str]) -> Vec<String> {
        self.search_json(args)
            .iter()
            .map(|hit| hit["title"].as_str().expect("title").to_string())
            .collect()
    }
}
