//! Per-thread memories of what a written word alone decides (its clitic reading,
//! its repair, its entity features): news articles repeat most of their words,
//! within a text and from one text to the next.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// A bounded memory: cleared when it holds [`WordMemo::CAPACITY`] words (`CAP`,
/// 100,000 unless a memory of large values asks for fewer), so a long batch or a
/// long article cannot grow it without end.
///
/// A full memory is tens of megabytes, the same for any input: keep what an entry
/// holds small (keys as [`compact_str::CompactString`], which holds a word of up to
/// 24 bytes without a heap allocation; rare large values boxed).
pub struct WordMemo<K, V, const CAP: usize = 100_000> {
    map: FxHashMap<K, V>,
}

impl<K, V, const CAP: usize> Default for WordMemo<K, V, CAP> {
    fn default() -> Self {
        WordMemo { map: FxHashMap::default() }
    }
}

impl<K: Hash + Eq, V: Clone, const CAP: usize> WordMemo<K, V, CAP> {
    /// Words remembered before the memory is cleared.
    pub const CAPACITY: usize = CAP;

    /// The value remembered for `key`, or `compute()` remembered and returned.
    /// The memory is not borrowed while `compute` runs.
    pub fn get_or_insert_with<Q>(cell: &RefCell<Self>, key: &Q, compute: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: ToOwned + Hash + Eq + ?Sized,
        Q::Owned: Into<K>,
    {
        if let Some(found) = cell.borrow().map.get(key) {
            return found.clone();
        }
        let found = compute();
        let mut memo = cell.borrow_mut();
        if memo.map.len() >= Self::CAPACITY {
            memo.map.clear();
        }
        memo.map.insert(key.to_owned().into(), found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_clears_when_full() {
        let memo: RefCell<WordMemo<String, usize>> = RefCell::default();
        let mut calls = 0;
        for _ in 0..2 {
            assert_eq!(
                WordMemo::get_or_insert_with(&memo, "كلمة", || {
                    calls += 1;
                    4
                }),
                4
            );
        }
        assert_eq!(calls, 1);
        for i in 0..WordMemo::<String, usize>::CAPACITY {
            WordMemo::get_or_insert_with(&memo, i.to_string().as_str(), || i);
        }
        assert!(memo.borrow().map.len() <= WordMemo::<String, usize>::CAPACITY);
        assert!(!memo.borrow().map.contains_key("كلمة"), "cleared when full");
    }
}
