//! The sandbox's one source of randomness: a PCG generator seeded by the caller, so the same seed and the
//! same commands give the same ids, choices and timings.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// A seeded random number generator. Every random choice in the model goes through it.
#[derive(Debug, Clone)]
pub struct SimRng {
    inner: Pcg64Mcg,
}

impl SimRng {
    pub fn new(seed: u64) -> Self {
        SimRng { inner: Pcg64Mcg::seed_from_u64(seed) }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }

    /// A uniformly chosen index below `n` (`n` > 0), without modulo bias.
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let n = n as u64;
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = self.next_u64();
            if v < zone {
                return (v % n) as usize;
            }
        }
    }

    /// `len` lowercase hexadecimal digits, as in EC2 instance ids and ECS task ids.
    pub fn hex(&mut self, len: usize) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(len);
        while s.len() < len {
            let mut v = self.next_u64();
            for _ in 0..16 {
                if s.len() == len {
                    break;
                }
                s.push(DIGITS[(v & 0xf) as usize] as char);
                v >>= 4;
            }
        }
        s
    }

    /// A UUID-shaped string (8-4-4-4-12 hex digits), as in ECS deployment ids and request ids.
    pub fn uuid(&mut self) -> String {
        let h = self.hex(32);
        format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = SimRng::new(7);
        let mut b = SimRng::new(7);
        assert_eq!(a.hex(17), b.hex(17));
        assert_eq!(a.below(3), b.below(3));
        assert_ne!(SimRng::new(7).hex(32), SimRng::new(8).hex(32));
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = SimRng::new(1);
        for n in 1..50 {
            assert!(r.below(n) < n);
        }
        assert_eq!(r.below(0), 0);
    }
}
