//! Peak resident memory of this process, per benchmark run (Linux).
//!
//! Writing `5` to `/proc/self/clear_refs` resets the peak (`VmHWM`), so each run's
//! peak is its own. Elsewhere both calls do nothing and no figure is reported.

/// Starts a new peak measurement.
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The peak resident set since the last reset, in bytes.
pub fn peak_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_grows_with_an_allocation_and_resets() {
        let Some(before) = peak_bytes() else { return };
        let big = vec![1u8; 64 << 20];
        std::hint::black_box(&big);
        let during = peak_bytes().unwrap();
        assert!(during >= before.max(64 << 20), "{before} {during}");
        drop(big);
        reset_peak();
        assert!(peak_bytes().unwrap() < during);
    }
}
