//! CPU time of this process, all threads together (Unix).
//!
//! On a machine with few cores, wall-clock time depends on how much of the work
//! can overlap; CPU time counts the work itself.

use std::time::Duration;

/// The CPU time, user and system, that this process's threads have used so far,
/// including threads that have finished.
pub fn process_time() -> Option<Duration> {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to write into.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    (status == 0).then(|| Duration::new(now.tv_sec as u64, now.tv_nsec as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// Spins until the process has used `cpu` more CPU time; false if that took
    /// more than ten seconds of wall-clock time.
    fn spin(cpu: Duration) -> bool {
        let (start, wall) = (process_time().unwrap(), Instant::now());
        while process_time().unwrap() < start + cpu {
            if wall.elapsed() > Duration::from_secs(10) {
                return false;
            }
        }
        true
    }

    #[test]
    fn a_finished_threads_cpu_time_counts() {
        let before = process_time().unwrap();
        let worker = std::thread::spawn(|| spin(Duration::from_millis(30)));
        assert!(worker.join().unwrap(), "the process clock did not advance");
        assert!(process_time().unwrap() >= before + Duration::from_millis(30));
    }
}
