//! Maps and sets keyed by values that are already good 64-bit hashes (xxh3 of
//! article ids, feature and gazetteer keys): hashing them again is wasted work.
//! Not for small integers, whose high bits are all zero.

use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already good 64-bit hashes: it passes them through.
#[derive(Default)]
pub struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// Maps keyed by a 64-bit hash.
pub type HashedMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<PreHashed>>;
/// Sets of 64-bit hashes.
pub type HashedSet = std::collections::HashSet<u64, BuildHasherDefault<PreHashed>>;
