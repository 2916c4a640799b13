//! Opening inputs (files, standard input, gzip as a stream) and bytes to text:
//! UTF-8 with a Latin-1 fallback, and refusing what is not text.
//!
//! Decision: a file that is not valid UTF-8 but has no NUL bytes is decoded as
//! Latin-1 (ISO-8859-1, every byte one character) with a warning, because news
//! corpora of that age are Latin-1 far more often than anything else
//! (`bbc-news/sport/199.txt` has one `£` as byte 0xA3; Reuters has one `ü`).

use super::IngestError;
use flate2::bufread::MultiGzDecoder;
use std::borrow::Cow;
use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Text and how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub latin1: bool,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Read-ahead of an input file.
const BUFFER: usize = 64 * 1024;

/// Opens `path` (standard input for `-`) for reading, decompressing gzip (by
/// its magic bytes, whatever the name says; every member of a concatenated
/// file). `read` counts the file's own bytes as they are read, for progress
/// within a large file.
pub(crate) fn open<'c>(path: &Path, read: &'c Cell<u64>) -> io::Result<Box<dyn BufRead + 'c>> {
    let inner: Box<dyn Read> = if path.as_os_str() == super::STDIN {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    let mut file = BufReader::with_capacity(BUFFER, Counted { inner, read });
    Ok(if file.fill_buf()?.starts_with(&GZIP_MAGIC) {
        Box::new(BufReader::with_capacity(BUFFER, MultiGzDecoder::new(file)))
    } else {
        Box::new(file)
    })
}

/// A reader that adds the bytes it reads to a counter.
struct Counted<'c, R> {
    inner: R,
    read: &'c Cell<u64>,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// Refuses a file whose first bytes are only white space, or look binary.
pub(crate) fn check_text(path: &Path, head: &[u8]) -> Result<(), IngestError> {
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::new(path, None, "empty file"));
    }
    if looks_binary(head) {
        return Err(IngestError::new(
            path,
            None,
            "binary file (NUL or control bytes), not text",
        ));
    }
    Ok(())
}

/// Decodes a whole file; empty and binary files are errors.
pub fn decode_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<Decoded<'a>, IngestError> {
    check_text(path, bytes)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut latin1 = false;
    let text = field_text(bytes, &mut latin1);
    Ok(Decoded { text, latin1 })
}

/// One field or line as text: UTF-8, or else Latin-1 (`latin1` is then set).
pub(crate) fn field_text<'a>(bytes: &'a [u8], latin1: &mut bool) -> Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            *latin1 = true;
            Cow::Owned(bytes.iter().map(|&b| b as char).collect())
        }
    }
}

/// NUL anywhere in the first 8 KiB, or many control bytes, means not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("f.txt")
    }

    #[test]
    fn utf8_is_borrowed_and_bom_dropped() {
        let d = decode_text(p(), "\u{feff}héllo".as_bytes()).unwrap();
        assert_eq!(d.text, "héllo");
        assert!(!d.latin1);
    }

    #[test]
    fn invalid_utf8_falls_back_to_latin1() {
        let d = decode_text(p(), b"cost \xa3300").unwrap();
        assert_eq!(d.text, "cost £300");
        assert!(d.latin1);
    }

    #[test]
    fn empty_and_binary_are_rejected() {
        assert_eq!(
            decode_text(p(), b" \n\n").unwrap_err().message,
            "empty file"
        );
        assert!(decode_text(p(), b"\x00\x01\x02abc")
            .unwrap_err()
            .message
            .starts_with("binary file"));
    }

    #[test]
    fn gzip_is_detected_by_magic_and_raw_bytes_are_counted() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let gzip = |text: &[u8]| {
            let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(text).unwrap();
            enc.finish().unwrap()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed");
        let read_all = |bytes: &[u8]| {
            std::fs::write(&path, bytes).unwrap();
            let read = Cell::new(0);
            let mut text = String::new();
            let result = open(&path, &read).and_then(|mut r| r.read_to_string(&mut text));
            (result.map(|_| text), read.get())
        };
        // Two members, as `cat a.gz b.gz` makes.
        let two = [gzip(b"{\"title\":\"t\"}\n"), gzip(b"{\"title\":\"u\"}\n")].concat();
        let (text, read) = read_all(&two);
        assert_eq!(text.unwrap(), "{\"title\":\"t\"}\n{\"title\":\"u\"}\n");
        assert_eq!(read, two.len() as u64);
        assert_eq!(read_all(b"plain").0.unwrap(), "plain");
        assert!(read_all(&[0x1f, 0x8b, 1, 2]).0.is_err());
    }
}
