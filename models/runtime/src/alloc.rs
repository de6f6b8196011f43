//! A global allocator for model plugins that keeps freed large blocks for reuse.
//!
//! candle allocates a fresh buffer for every tensor op and for every gradient accumulation in
//! backward, and training repeats the same shapes step after step. With the system allocator,
//! blocks of more than a few MiB are mmap'ed and unmapped each time, so every step page-faults
//! its whole working set again: on the fno2d 64x64 benchmark the kernel spent about 45% of the
//! time zeroing and mapping pages. This allocator keeps freed blocks of at least
//! [`MIN_BLOCK`] bytes (up to a byte limit, oldest evicted first) and hands them out again for
//! requests of the same size class (or, with none of that class cached, the smallest cached block
//! under twice the size), so steady-state training touches no new pages. Large requests
//! are rounded up to one of 8 size classes per doubling ([`class_size`], at most 12.5% more): text
//! batches are padded to their longest row, so their tensors' sizes differ from batch to batch,
//! and with exact sizes almost every block of a fine-tuning run was a miss that stayed cached (the
//! Rotten Tomatoes preset held 7.7 GB against PyTorch's 1.6 GB). And the cached blocks plus the
//! blocks in use never exceed 1.25x the most bytes of large blocks that were ever in use at once,
//! or [`MIN_BOUND`] if that is more ([`stats`]; a miss evicts before it allocates): a steady-state
//! step needs no more (a prediction pass without a graph: see [`MIN_BOUND`]), and shapes
//! that keep changing (evaluation batches sorted longest first) cannot pile up blocks that will
//! not be asked for again (with size classes alone, a one-epoch run of that preset still held
//! 7.0 GB; with this bound, with 25% slack, 2.5 GB; docs/benchmarks.md).
//!
//! Install it in a plugin crate with [`crate::use_caching_allocator!`]; it then serves only that
//! plugin's own allocations (each cdylib has its own Rust allocator).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Blocks smaller than this go straight to the system allocator (its free lists serve them well).
pub const MIN_BLOCK: usize = 256 * 1024;
/// Upper bound of the default limit on the bytes kept in the cache (see [`configure`]).
pub const DEFAULT_LIMIT: usize = 8 << 30;
/// Environment variable that sets the limit in MiB (0 disables the cache).
pub const LIMIT_ENV: &str = "MODEL_RUNTIME_ALLOC_CACHE_MB";
const SLOTS: usize = 4096;
/// The slack of [`bound`]: peak / this.
const SLACK_DIVISOR: usize = 4;

static LIMIT: AtomicUsize = AtomicUsize::new(DEFAULT_LIMIT);
static HITS: AtomicUsize = AtomicUsize::new(0);
static MISSES: AtomicUsize = AtomicUsize::new(0);
/// Bytes of large blocks handed out and not yet freed, and the most there ever were.
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK_LIVE: AtomicUsize = AtomicUsize::new(0);

/// Cache statistics since start: (large allocations served from the cache, large allocations
/// that went to the system, bytes currently cached, the most bytes of large blocks ever in use).
pub fn stats() -> (usize, usize, usize, usize) {
    let bytes = CACHE.lock().map(|c| c.bytes).unwrap_or(0);
    (
        HITS.load(Ordering::Relaxed),
        MISSES.load(Ordering::Relaxed),
        bytes,
        PEAK_LIVE.load(Ordering::Relaxed),
    )
}

/// What cache plus blocks in use may always hold, whatever the peak: enough for a step that frees
/// each block as soon as the next op has read it (predictions record no graph), whose peak in use
/// is a few activations but which asks for one block of every layer's size in turn. Bounded by
/// the peak alone, such a step evicted and page-faulted most of its blocks again every time (the
/// unet2d-32 evaluation pass: 158k page faults, about 620 MB of fresh pages, per step). 256 MiB
/// was enough at 32x32 but not at 64x64 (a tenth of that pass in the kernel's page faults); at
/// 512 MiB it ran 22% faster, holding 471 MiB against PyTorch's 895 (docs/benchmarks.md).
pub const MIN_BOUND: usize = 512 << 20;

/// What cache plus blocks in use may hold: the most ever in use, plus slack (so that a step whose
/// blocks are freed and asked for in a slightly different order still finds them), and at least
/// [`MIN_BOUND`].
fn bound() -> usize {
    let peak = PEAK_LIVE.load(Ordering::Relaxed);
    peak.saturating_add(peak / SLACK_DIVISOR).max(MIN_BOUND)
}

fn handed_out(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK_LIVE.fetch_max(live, Ordering::Relaxed);
}

/// Sets how many bytes of freed blocks may be kept (0 disables caching). Already cached blocks
/// above the new limit are released as later blocks are freed.
pub fn set_cache_limit(bytes: usize) {
    LIMIT.store(bytes, Ordering::Relaxed);
}

/// The current limit in bytes.
pub fn cache_limit() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// Sets the limit from `MODEL_RUNTIME_ALLOC_CACHE_MB` if set, else to the smaller of
/// [`DEFAULT_LIMIT`] and a quarter of the machine's memory. A cache at least as large as one
/// training step's working set (about 5 GiB for fno2d on the 64x64 CFD benchmark) makes steady
/// state page-fault free; the cache never holds more than was in use at some point. Called by
/// [`crate::ModelAdapter::new`].
pub fn configure() {
    let from_env = std::env::var(LIMIT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map(|mb| mb << 20);
    let limit = from_env.unwrap_or_else(|| {
        let quarter = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines()
                    .find(|l| l.starts_with("MemTotal:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<usize>().ok())
            })
            .map(|kib| (kib << 10) / 4);
        quarter.map_or(DEFAULT_LIMIT, |q| q.min(DEFAULT_LIMIT))
    });
    set_cache_limit(limit);
    return_large_frees_to_the_os();
}

/// Blocks this cache lets go of (evictions under the bound, blocks past the limit) must leave the
/// process. glibc raises its mmap threshold to the size of each mmap'ed block freed (up to 32
/// MiB), after which blocks of that size come from its heap and stay resident once freed: a whole
/// Rotten Tomatoes run (3 epochs) peaked at 2.14 GB with the cache and that rule, 1.36 GB with a
/// fixed threshold (1.10 GB with no cache at all, same speed). Fixing the threshold turns the rule
/// off; a `MALLOC_MMAP_THRESHOLD_` set by the user is left alone.
fn return_large_frees_to_the_os() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
        // SAFETY: mallopt only sets a malloc parameter; any value is valid for M_MMAP_THRESHOLD
        // up to its maximum (32 MiB on 64-bit), and MIN_BLOCK is far below it.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MIN_BLOCK as libc::c_int);
        }
    }
}

/// Returns every cached block to the system (a model was dropped; its shapes may not come back).
pub fn release_cache() {
    let mut blocks = Vec::new();
    if let Ok(mut c) = CACHE.lock() {
        let len = c.len;
        blocks.extend_from_slice(&c.blocks[..len]);
        c.len = 0;
        c.bytes = 0;
    }
    for b in blocks {
        // SAFETY: cached blocks came from `System` with exactly this size and alignment.
        unsafe {
            System.dealloc(
                b.ptr as *mut u8,
                Layout::from_size_align_unchecked(b.size, b.align),
            )
        };
    }
}

#[derive(Clone, Copy)]
struct Block {
    ptr: usize,
    size: usize,
    align: usize,
}

struct Cache {
    /// Oldest first.
    blocks: [Block; SLOTS],
    len: usize,
    bytes: usize,
    /// Blocks in use that were handed out for a smaller class, with their true size.
    lent: [Block; SLOTS],
    lent_len: usize,
}

static CACHE: Mutex<Cache> = Mutex::new(Cache {
    blocks: [Block {
        ptr: 0,
        size: 0,
        align: 0,
    }; SLOTS],
    len: 0,
    bytes: 0,
    lent: [Block {
        ptr: 0,
        size: 0,
        align: 0,
    }; SLOTS],
    lent_len: 0,
});

/// The size a large request is rounded up to: the next multiple of 2^(k-3) for a size in
/// [2^k, 2^(k+1)), i.e. 8 classes per doubling. Smaller requests keep their size.
pub fn class_size(size: usize) -> usize {
    // Sizes near the address-space limit are not rounded (a rounded size must stay a valid
    // Layout size); no real tensor comes near.
    if !(MIN_BLOCK..=1 << 56).contains(&size) {
        return size;
    }
    let step = 1usize << (usize::BITS - 1 - size.leading_zeros() - 3);
    (size + step - 1) & !(step - 1)
}

/// `layout` with its size rounded up to its class.
fn class_layout(layout: Layout) -> Layout {
    // SAFETY: the class size is at least the size and at most 1.125x it, and sizes above 2^56
    // are not rounded, so it stays far below isize::MAX; same alignment.
    unsafe { Layout::from_size_align_unchecked(class_size(layout.size()), layout.align()) }
}

/// The allocator. Zero-sized; see the module docs.
pub struct CachingAllocator;

impl CachingAllocator {
    /// A cached block for the (class) `layout`, and its true size: a block of that class if
    /// one is cached (newest first: likelier to be in the CPU cache), else the smallest one under
    /// twice the class. Text batches are padded to their longest row, so each batch's tensors
    /// have other sizes (evaluation batches, sorted longest first, shrink batch after batch):
    /// with exact classes only, a Rotten Tomatoes run at 2 threads page-faulted 8x as often and
    /// took about 9% longer (docs/benchmarks.md, tenth measurement). A larger block is recorded in `lent` so that
    /// its free returns its true size.
    fn take(layout: Layout) -> Option<(*mut u8, usize)> {
        let mut c = CACHE.lock().ok()?;
        let len = c.len;
        let want = layout.size();
        let mut found: Option<usize> = None;
        for i in (0..len).rev() {
            let b = c.blocks[i];
            if b.align != layout.align() || b.size < want || b.size / 2 >= want {
                continue;
            }
            if b.size == want {
                found = Some(i);
                break;
            }
            if found.is_none_or(|j| b.size < c.blocks[j].size) {
                found = Some(i);
            }
        }
        let Some(i) = found.filter(|&i| c.blocks[i].size == want || c.lent_len < SLOTS) else {
            MISSES.fetch_add(1, Ordering::Relaxed);
            return None;
        };
        HITS.fetch_add(1, Ordering::Relaxed);
        let b = c.blocks[i];
        c.blocks.copy_within(i + 1..len, i);
        c.len -= 1;
        c.bytes -= b.size;
        if b.size != want {
            let n = c.lent_len;
            c.lent[n] = b;
            c.lent_len += 1;
        }
        Some((b.ptr as *mut u8, b.size))
    }

    /// The true size of the block `ptr` freed with `size`: larger if [`Self::take`] lent it for a
    /// smaller class.
    fn true_size(ptr: *mut u8, size: usize) -> usize {
        let Ok(mut c) = CACHE.lock() else {
            return size;
        };
        let n = c.lent_len;
        match (0..n).find(|&i| c.lent[i].ptr == ptr as usize) {
            Some(i) => {
                let b = c.lent[i];
                c.lent[i] = c.lent[n - 1];
                c.lent_len -= 1;
                b.size
            }
            None => size,
        }
    }

    /// Keeps the freed block `ptr` if it fits under the limit, evicting the oldest blocks to make
    /// room; what is not kept goes back to the system. The cache plus the blocks in use never
    /// exceed [`bound`] (1.25x the most that was ever in use).
    unsafe fn put(ptr: *mut u8, layout: Layout) {
        let size = Self::true_size(ptr, layout.size());
        // SAFETY: the size and alignment the block was allocated with.
        let layout = Layout::from_size_align_unchecked(size, layout.align());
        let live = LIVE.fetch_sub(size, Ordering::Relaxed) - size;
        let room = LIMIT
            .load(Ordering::Relaxed)
            .min(bound().saturating_sub(live));
        if size <= room {
            Self::trim_to(room - size, SLOTS - 1);
            if let Ok(mut c) = CACHE.lock() {
                if c.bytes + size <= room && c.len < SLOTS {
                    let len = c.len;
                    c.blocks[len] = Block {
                        ptr: ptr as usize,
                        size,
                        align: layout.align(),
                    };
                    c.len += 1;
                    c.bytes += size;
                    return;
                }
            }
        }
        System.dealloc(ptr, layout);
    }

    /// Returns the oldest cached blocks to the system until at most `target` bytes in at most
    /// `max_blocks` blocks are cached.
    fn trim_to(target: usize, max_blocks: usize) {
        loop {
            let mut evicted = [Block {
                ptr: 0,
                size: 0,
                align: 0,
            }; 8];
            let mut n = 0;
            if let Ok(mut c) = CACHE.lock() {
                while (c.bytes > target || c.len > max_blocks) && c.len > 0 && n < evicted.len() {
                    let b = c.blocks[0];
                    let len = c.len;
                    c.blocks.copy_within(1..len, 0);
                    c.len -= 1;
                    c.bytes -= b.size;
                    evicted[n] = b;
                    n += 1;
                }
            }
            if n == 0 {
                return;
            }
            // Released outside the lock.
            for b in &evicted[..n] {
                // SAFETY: cached blocks came from `System` with exactly this size and alignment.
                unsafe {
                    System.dealloc(
                        b.ptr as *mut u8,
                        Layout::from_size_align_unchecked(b.size, b.align),
                    )
                };
            }
        }
    }

    /// A block of the (class) `layout` from the cache, or else from the system after trimming
    /// the cache so that cache plus blocks in use stay within [`bound`].
    unsafe fn obtain(layout: Layout, zeroed: bool, requested: usize) -> *mut u8 {
        let (p, size) = match Self::take(layout) {
            Some((p, size)) => {
                if zeroed {
                    p.write_bytes(0, requested);
                }
                (p, size)
            }
            None => {
                let live = LIVE.load(Ordering::Relaxed);
                Self::trim_to(bound().saturating_sub(live + layout.size()), SLOTS);
                let p = if zeroed {
                    System.alloc_zeroed(layout)
                } else {
                    System.alloc(layout)
                };
                (p, layout.size())
            }
        };
        if !p.is_null() {
            handed_out(size);
        }
        p
    }
}

unsafe impl GlobalAlloc for CachingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= MIN_BLOCK {
            return Self::obtain(class_layout(layout), false, layout.size());
        }
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // Clearing a cached block costs one memset; fresh memory costs the kernel's page clearing
        // plus a page fault per 4 KiB, and candle's backward asks for a zeroed gradient buffer at
        // every graph node, so these are worth serving from the cache too.
        if layout.size() >= MIN_BLOCK {
            return Self::obtain(class_layout(layout), true, layout.size());
        }
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if layout.size() >= MIN_BLOCK {
            Self::put(ptr, class_layout(layout))
        } else {
            System.dealloc(ptr, layout)
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.size() < MIN_BLOCK && new_size < MIN_BLOCK {
            return System.realloc(ptr, layout, new_size);
        }
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let new = self.alloc(new_layout);
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}

/// Installs [`CachingAllocator`] as the global allocator of the crate that invokes it (a model
/// plugin's cdylib, and with it the crate's tests and binaries).
#[macro_export]
macro_rules! use_caching_allocator {
    () => {
        #[global_allocator]
        static __MODEL_RUNTIME_ALLOCATOR: $crate::alloc::CachingAllocator =
            $crate::alloc::CachingAllocator;
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_by_size_and_limited() {
        let a = CachingAllocator;
        let l = Layout::from_size_align(MIN_BLOCK * 3 + 8, 16).unwrap();
        unsafe {
            let p = a.alloc(l);
            assert!(!p.is_null());
            p.write_bytes(7, l.size());
            a.dealloc(p, l);
            let q = a.alloc(l);
            assert_eq!(p, q, "a freed block of the same size is handed out again");
            let r = a.alloc(l);
            assert_ne!(q, r);
            // A zeroed request gets a cleared block.
            a.dealloc(q, l);
            let z = a.alloc_zeroed(l);
            assert_eq!(z, q);
            assert!(std::slice::from_raw_parts(z, l.size())
                .iter()
                .all(|&b| b == 0));
            a.dealloc(z, l);
            a.dealloc(r, l);
            // Growth keeps the contents.
            let small = Layout::from_size_align(64, 8).unwrap();
            let s = a.alloc(small);
            s.write_bytes(3, 64);
            let big = a.realloc(s, small, MIN_BLOCK * 2);
            assert!(std::slice::from_raw_parts(big, 64).iter().all(|&b| b == 3));
            a.dealloc(big, Layout::from_size_align(MIN_BLOCK * 2, 8).unwrap());
        }
        assert!(stats().2 <= DEFAULT_LIMIT);
        release_cache();
        assert_eq!(stats().2, 0);
        sizes_in_one_class_share_blocks();
        within_the_peak_in_use();
        smaller_requests_borrow_larger_blocks();
    }

    /// Part of the test above: with no block of its class cached, a request takes the smallest
    /// cached block under twice its class, and that block comes back at its true size.
    fn smaller_requests_borrow_larger_blocks() {
        let a = CachingAllocator;
        release_cache();
        let large = Layout::from_size_align(MIN_BLOCK * 12, 16).unwrap();
        let larger = Layout::from_size_align(MIN_BLOCK * 14, 16).unwrap();
        let small = Layout::from_size_align(MIN_BLOCK * 7, 16).unwrap();
        let tiny = Layout::from_size_align(MIN_BLOCK * 5, 16).unwrap();
        unsafe {
            let p = a.alloc(large);
            let q = a.alloc(larger);
            a.dealloc(q, larger);
            a.dealloc(p, large);
            let cached = stats().2;
            // The smaller of the two blocks under 2x (the newer one is the larger).
            let s = a.alloc_zeroed(small);
            assert_eq!(s, p);
            assert!(std::slice::from_raw_parts(s, small.size())
                .iter()
                .all(|&b| b == 0));
            assert_eq!(stats().2, cached - large.size());
            // Less than half of either block: a fresh one.
            let t = a.alloc(tiny);
            assert!(t != p && t != q);
            a.dealloc(t, tiny);
            // Freed with the small request's layout, the block is cached at its true size and
            // serves its own class again.
            a.dealloc(s, small);
            assert_eq!(stats().2, cached + tiny.size());
            assert_eq!(a.alloc(large), p);
            a.dealloc(p, large);
        }
        release_cache();
    }

    /// Part of the test above: a block of a new class evicts cached blocks rather than adding to
    /// them when cache plus blocks in use would exceed the bound (1.25x the most ever in use, at
    /// least `MIN_BOUND`).
    fn within_the_peak_in_use() {
        let a = CachingAllocator;
        release_cache();
        let big = Layout::from_size_align(stats().3.max(MIN_BOUND) + MIN_BLOCK, 16).unwrap();
        let other = Layout::from_size_align(class_size(big.size()) + 1, 16).unwrap();
        unsafe {
            let p = a.alloc(big);
            a.dealloc(p, big);
            assert_eq!(stats().2, class_size(big.size()), "the freed block is kept");
            let q = a.alloc(other);
            assert_eq!(
                stats().2,
                0,
                "the miss evicted it: the peak cannot hold both"
            );
            a.dealloc(q, other);
            assert_eq!(stats().2, class_size(other.size()));
        }
        release_cache();
    }

    /// Part of the test above: the cache is global, and tests run in parallel threads.
    fn sizes_in_one_class_share_blocks() {
        // 8 classes per doubling, never below the request, at most 12.5% above it.
        assert_eq!(class_size(1000), 1000);
        assert_eq!(class_size(MIN_BLOCK), MIN_BLOCK);
        assert_eq!(class_size(MIN_BLOCK + 1), MIN_BLOCK + MIN_BLOCK / 8);
        for size in (MIN_BLOCK..MIN_BLOCK * 64).step_by(4099) {
            let c = class_size(size);
            assert!(c >= size && c * 8 <= size * 9, "{size} -> {c}");
            assert_eq!(class_size(c), c, "{size} -> {c} is a class");
        }
        let a = CachingAllocator;
        let l1 = Layout::from_size_align(MIN_BLOCK * 4 + 100, 16).unwrap();
        let l2 = Layout::from_size_align(MIN_BLOCK * 4 + 9000, 16).unwrap();
        assert_eq!(class_size(l1.size()), class_size(l2.size()));
        unsafe {
            let p = a.alloc(l1);
            p.write_bytes(5, l1.size());
            a.dealloc(p, l1);
            // A different size of the same class gets the same block, zeroed when asked.
            let q = a.alloc_zeroed(l2);
            assert_eq!(p, q);
            assert!(std::slice::from_raw_parts(q, l2.size())
                .iter()
                .all(|&b| b == 0));
            a.dealloc(q, l2);
        }
        release_cache();
    }
}
