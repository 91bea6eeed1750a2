//! One stable sort for the whole app, compiled once. The standard library's `sort*` methods are
//! generic, so every call site compiles its own copy of driftsort (or ipnsort), its quicksort and the
//! small-sorts: 2–4 KB of WebAssembly each. Here the sorting itself is one non-generic merge sort over
//! indices that asks a `dyn` comparator; a call site adds only its comparator and a few swaps.
//! Measured on the page's release build with the 34 call sites replaced: the `.wasm` went from
//! 3,096,017 to 3,013,218 bytes (−82,799) and from 1,100,302 to 1,075,321 bytes gzipped (−24,981).
//!
//! The result is exactly the standard library's stable sort (`sort`, `sort_by`, `sort_by_key`):
//! equal elements keep their order (property tests below compare the two). It replaces `sort_unstable*`
//! too where equal elements cannot be told apart (integers, strings). It allocates two index vectors;
//! fine for the model's lists, which are at most a few thousand long.
//!
//! clippy.toml names std's sorts as disallowed methods in the library code of `sim/` and `src/` (not in
//! tests). What still compiles std's stable sort: `collect()` into a `BTreeMap` or `BTreeSet`, which sorts
//! a buffer first (13 copies, about 45 KB of the `.wasm`; README, "Size and speed").
//!
//! ```
//! use ecs_sim::shared_sort::SharedSort;
//! let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
//! v.shared_sort_by_key(|p| p.0);
//! assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
//! ```

use std::cmp::Ordering;

/// Stable sorting through the one shared merge sort; mirrors `<[T]>::sort`, `sort_by` and `sort_by_key`.
pub trait SharedSort<T> {
    /// Like `<[T]>::sort`.
    fn shared_sort(&mut self)
    where
        T: Ord;
    /// Like `<[T]>::sort_by`.
    fn shared_sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F);
    /// Like `<[T]>::sort_by_key` (the key is computed at each comparison, as there).
    fn shared_sort_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, key: F);
}

impl<T> SharedSort<T> for [T] {
    fn shared_sort(&mut self)
    where
        T: Ord,
    {
        self.shared_sort_by(T::cmp);
    }

    fn shared_sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, mut compare: F) {
        if self.len() < 2 {
            return;
        }
        let order = {
            let items: &[T] = self;
            sorted_order(items.len(), &mut |a, b| compare(&items[a], &items[b]))
        };
        permute(&order, &mut |i, j| self.swap(i, j));
    }

    fn shared_sort_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, mut key: F) {
        self.shared_sort_by(|a, b| key(a).cmp(&key(b)));
    }
}

/// The stable sorted order of `n` items: `order[k]` is the index of the item that goes to position `k`.
fn sorted_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut buffer = order.clone();
    let mut width = 1;
    // Bottom-up merge sort: merge runs of `width` from `order` into `buffer`, then swap the two.
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right, mut out) = (start, mid, start);
            while left < mid && right < end {
                // Take from the right run only when it is strictly less: that keeps equal items in order.
                if compare(order[right], order[left]) == Ordering::Less {
                    buffer[out] = order[right];
                    right += 1;
                } else {
                    buffer[out] = order[left];
                    left += 1;
                }
                out += 1;
            }
            buffer[out..out + (mid - left)].copy_from_slice(&order[left..mid]);
            out += mid - left;
            buffer[out..out + (end - right)].copy_from_slice(&order[right..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// Rearranges a slice (seen only through `swap`) so that position `k` holds the item that was at `order[k]`,
/// following each cycle of the permutation.
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        if placed[start] {
            continue;
        }
        // Walk the cycle: `current` is filled from `order[current]`, which then needs filling itself.
        let mut current = start;
        loop {
            placed[current] = true;
            let from = order[current];
            if from == start {
                break;
            }
            swap(current, from);
            current = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Items that compare by `key` only and carry their original position, so a test can see whether equal
    /// items kept their order.
    fn tagged(keys: &[u8]) -> Vec<(u8, usize)> {
        keys.iter().copied().zip(0..).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// `shared_sort_by_key` gives exactly what `sort_by_key` gives, ties included (a small key range
        /// makes many ties), and equal keys stay in their original order.
        #[test]
        fn by_key_equals_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let mut ours = tagged(&keys);
            let mut std = ours.clone();
            ours.shared_sort_by_key(|p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &std);
            prop_assert!(ours.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        }

        /// A descending comparator with ties: the same as `sort_by`.
        #[test]
        fn by_equals_the_standard_stable_sort(keys in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut ours = tagged(&keys);
            let mut std = ours.clone();
            ours.shared_sort_by(|a, b| b.0.cmp(&a.0));
            std.sort_by(|a, b| b.0.cmp(&a.0));
            prop_assert_eq!(ours, std);
        }

        /// `shared_sort` on owned values (strings, so a lost or duplicated item would show) equals `sort`.
        #[test]
        fn owned_values_equal_the_standard_sort(words in proptest::collection::vec("[a-c]{0,3}", 0..100)) {
            let mut ours = words.clone();
            let mut std = words;
            ours.shared_sort();
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn every_length_up_to_200_with_many_ties() {
        // Bottom-up merging has edge cases at powers of two and odd tails: try every length.
        for n in 0..200 {
            let keys: Vec<u8> = (0..n).map(|i| ((i * 7919) % 5) as u8).collect();
            let mut ours = tagged(&keys);
            let mut std = ours.clone();
            ours.shared_sort_by_key(|p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n={n}");
        }
    }

    #[test]
    fn sorts_owned_values_without_losing_any() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"].iter().map(|s| s.to_string()).collect();
        words.shared_sort();
        assert_eq!(words, ["apple", "apple", "fig", "kiwi", "pear"]);
    }
}
