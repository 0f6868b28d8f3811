//! The pending-request store: correlation of responses with waiting requests (sans-IO).
//!
//! `key → queue of entries`. A response names candidate keys; under each key the oldest entry
//! whose matcher accepts it is completed (an entry without a matcher accepts anything). When a
//! request expires its key is *tainted*: the next response under that key that no entry's
//! matcher claims **with certainty** ([`Match::Yes`]) is the expired request's late reply and is
//! dropped. This serves unique
//! numeric ids and FIFO-by-reply-type with echo matchers alike.
//!
//! Entries whose key *is* their sequence number (protocols that use the engine's `seq` as the
//! request id, with `u64` or `u32` keys) live in a ring indexed by `seq` instead of the hash
//! map: requests are registered and answered roughly in order, so registering and claiming
//! touch neighbouring memory instead of a random bucket of a large table (with 100,000
//! requests in flight the hash map's cache misses were the largest single cost per response).
//! The ring only spans a bounded window of sequence numbers (see [`ring_span_limit`]); an entry
//! that would stretch it further, or whose key is not its `seq`, goes to the hash map.
//!
//! The store also keeps the deadlines, so one timer per connection (not one per request)
//! expires requests: [`PendingStore::next_deadline`] and [`PendingStore::expire`]. Deadlines
//! are rounded up to whole milliseconds (tokio's timer resolution) and only *counted* per
//! millisecond in a sorted queue, so registering and completing a request touches one counter
//! shared with every request of the same millisecond (usually the last one, as deadlines
//! mostly grow with the registration time); finding which entries expired scans the
//! queues, which only happens when a deadline actually passes with requests still waiting.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::time::Duration;
use tokio::time::Instant;

/// The matcher of one entry.
pub(crate) type EntryMatcher<R> = Box<dyn Fn(&R) -> Match + Send + Sync>;

/// What a matcher says about a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Match {
    /// The response echoes this request's identifying fields: it is this request's reply.
    Yes,
    /// The response carries nothing to check (no echo field): it may be this request's reply.
    /// Treated like an entry without a matcher: accepted in order, except under a tainted key,
    /// where it is taken for the late reply of the expired request instead.
    Plausible,
    /// The response belongs to another request.
    No,
}

impl From<bool> for Match {
    fn from(accepts: bool) -> Self {
        if accepts { Self::Yes } else { Self::No }
    }
}

/// One waiting request.
pub(crate) struct Entry<R, T> {
    /// The request's sequence number (unique per client).
    pub(crate) seq: u64,
    /// When the request expires.
    pub(crate) deadline: Instant,
    /// The request's time limit (for the timeout error).
    pub(crate) timeout: Duration,
    pub(crate) matcher: Option<EntryMatcher<R>>,
    /// Where the response goes.
    pub(crate) reply: T,
}

/// Who gets a response.
pub(crate) enum Claim<K, R, T> {
    /// This entry (already removed from the store).
    Entry(Entry<R, T>),
    /// Nobody: it is the late reply of an expired request under this key.
    Late(K),
    /// Nobody: no entry accepts it and no key is tainted.
    Unclaimed,
}

enum Found {
    No,
    Whole,
    At(usize),
}

/// Queues of a key: one entry without a second allocation, or many.
enum Queue<R, T> {
    One(Entry<R, T>),
    Many(VecDeque<Entry<R, T>>),
}

/// A fast multiplicative hasher for the correlation maps.
///
/// SipHash (the std default) protects tables whose *keys* an attacker chooses. Here every
/// inserted key comes from our own requests (`Protocol::encode`); the server only chooses
/// the keys we look up, which cannot make the table degrade. So a cheap hash is safe, and
/// hashing is a visible share of the per-response cost.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        // The Fx mixing step (rotate, xor, multiply by an odd constant); `finish` then has
        // good high bits, which is what hashbrown uses.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// The sequence number `key` stands for, for the key types request-id protocols use.
fn seq_of_key<K: 'static>(key: &K) -> Option<u64> {
    let key: &dyn Any = key;
    if let Some(id) = key.downcast_ref::<u64>() {
        Some(*id)
    } else {
        key.downcast_ref::<u32>().map(|id| u64::from(*id))
    }
}

/// How many sequence numbers the ring may span with `live` entries in it: twice the entries
/// plus a fixed allowance for holes (requests answered out of order, sequence numbers used by
/// one-way messages). A long-waiting entry at the front thus cannot make the ring grow without
/// bound: later entries go to the hash map until it leaves.
fn ring_span_limit(live: usize) -> u64 {
    (live as u64).saturating_mul(2).saturating_add(1024)
}

/// One ring slot: an entry and its key (equal to its `seq`).
type Slot<K, R, T> = Option<(K, Entry<R, T>)>;

pub(crate) struct PendingStore<K, R, T> {
    queues: FastMap<K, Queue<R, T>>,
    /// Entries whose key is their `seq`; slot `i` holds `seq == ring_base + i`.
    ring: VecDeque<Slot<K, R, T>>,
    ring_base: u64,
    /// Occupied slots of `ring`.
    ring_live: usize,
    /// How many entries have each (millisecond-rounded) deadline, earliest first.
    deadlines: VecDeque<(Instant, u32)>,
    /// The last deadline rounded, and the result (a batch shares one deadline).
    last_rounded: Option<(Instant, Instant)>,
    /// The origin of the millisecond rounding.
    epoch: Instant,
    len: usize,
    taints: FastMap<K, u32>,
    taint_order: VecDeque<K>,
    taint_limit: usize,
}

impl<K: Eq + Hash + Clone + 'static, R, T> PendingStore<K, R, T> {
    /// An empty store remembering at most `taint_limit` expired keys (the oldest are forgotten).
    pub(crate) fn new(taint_limit: usize) -> Self {
        Self::with_epoch(taint_limit, Instant::now())
    }

    /// [`PendingStore::new`] with the origin of the millisecond rounding given.
    pub(crate) fn with_epoch(taint_limit: usize, epoch: Instant) -> Self {
        Self {
            queues: FastMap::default(),
            ring: VecDeque::new(),
            ring_base: 0,
            ring_live: 0,
            deadlines: VecDeque::new(),
            last_rounded: None,
            epoch,
            len: 0,
            taints: FastMap::default(),
            taint_order: VecDeque::new(),
            taint_limit: taint_limit.max(1),
        }
    }

    /// The number of waiting requests.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The number of tainted keys remembered (with multiplicity).
    #[cfg(test)]
    pub(crate) fn taint_len(&self) -> usize {
        self.taint_order.len()
    }

    /// True if `key` has an expired request whose reply may still come.
    #[cfg(test)]
    pub(crate) fn is_tainted(&self, key: &K) -> bool {
        self.taints.contains_key(key)
    }

    /// The earliest deadline of a waiting request.
    pub(crate) fn next_deadline(&self) -> Option<Instant> {
        self.deadlines.front().map(|(at, _)| *at)
    }

    /// `deadline` rounded up to the next whole millisecond since the store's epoch.
    fn round_up(&mut self, deadline: Instant) -> Instant {
        if let Some((raw, rounded)) = self.last_rounded
            && raw == deadline
        {
            return rounded;
        }
        let since = deadline.saturating_duration_since(self.epoch);
        let extra = (1_000_000 - since.subsec_nanos() % 1_000_000) % 1_000_000;
        let rounded = deadline
            .checked_add(Duration::from_nanos(u64::from(extra)))
            .unwrap_or(deadline);
        self.last_rounded = Some((deadline, rounded));
        rounded
    }

    /// Counts one more entry with `deadline`.
    fn count_deadline(&mut self, deadline: Instant) {
        match self.deadlines.back_mut() {
            Some((last, count)) if *last == deadline => *count += 1,
            Some((last, _)) if *last > deadline => {
                match self
                    .deadlines
                    .binary_search_by_key(&deadline, |(at, _)| *at)
                {
                    Ok(at) => {
                        if let Some((_, count)) = self.deadlines.get_mut(at) {
                            *count += 1;
                        }
                    }
                    Err(at) => self.deadlines.insert(at, (deadline, 1)),
                }
            }
            _ => self.deadlines.push_back((deadline, 1)),
        }
    }

    /// Counts one entry with `deadline` less.
    fn uncount_deadline(&mut self, deadline: Instant) {
        let at = match self.deadlines.front() {
            Some((first, _)) if *first == deadline => 0,
            _ => match self
                .deadlines
                .binary_search_by_key(&deadline, |(at, _)| *at)
            {
                Ok(at) => at,
                Err(_) => return,
            },
        };
        if let Some((_, count)) = self.deadlines.get_mut(at) {
            *count -= 1;
            if *count == 0 {
                self.deadlines.remove(at);
            }
        }
    }

    /// Adds an entry at the back of `key`'s queue. Returns true if its deadline is now the
    /// earliest (the expiry timer must be moved forward).
    pub(crate) fn insert(&mut self, key: K, mut entry: Entry<R, T>) -> bool {
        self.len += 1;
        entry.deadline = self.round_up(entry.deadline);
        let earliest = self
            .next_deadline()
            .is_none_or(|first| entry.deadline < first);
        self.count_deadline(entry.deadline);
        let entry = match self.ring_insert(key, entry) {
            Ok(()) => return earliest,
            Err(back) => back,
        };
        let (key, entry) = entry;
        match self.queues.entry(key) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(Queue::One(entry));
            }
            std::collections::hash_map::Entry::Occupied(mut slot) => {
                let queue = slot.get_mut();
                match queue {
                    Queue::Many(many) => many.push_back(entry),
                    Queue::One(_) => {
                        let mut many = VecDeque::with_capacity(2);
                        if let Queue::One(first) =
                            std::mem::replace(queue, Queue::Many(VecDeque::new()))
                        {
                            many.push_back(first);
                        }
                        many.push_back(entry);
                        *queue = Queue::Many(many);
                    }
                }
            }
        }
        earliest
    }

    /// Puts `entry` into the ring if its key is its `seq` and the ring may span it; gives it
    /// back otherwise.
    #[allow(clippy::type_complexity)]
    fn ring_insert(&mut self, key: K, entry: Entry<R, T>) -> Result<(), (K, Entry<R, T>)> {
        let seq = entry.seq;
        if seq_of_key(&key) != Some(seq) {
            return Err((key, entry));
        }
        if self.ring_live == 0 {
            self.ring.clear();
            self.ring_base = seq;
        }
        let Some(offset) = seq.checked_sub(self.ring_base) else {
            return Err((key, entry));
        };
        if offset >= ring_span_limit(self.ring_live + 1) {
            return Err((key, entry));
        }
        let Ok(index) = usize::try_from(offset) else {
            return Err((key, entry));
        };
        // The usual case: the next sequence number, appended in one write.
        if index == self.ring.len() {
            self.ring.push_back(Some((key, entry)));
            self.ring_live += 1;
            return Ok(());
        }
        while self.ring.len() <= index {
            self.ring.push_back(None);
        }
        match self.ring.get_mut(index) {
            Some(slot @ None) => {
                *slot = Some((key, entry));
                self.ring_live += 1;
                Ok(())
            }
            _ => Err((key, entry)),
        }
    }

    /// The ring index of the entry under `key` (whose `seq` is the key), if it is there.
    fn ring_index(&self, key: &K) -> Option<usize> {
        if self.ring_live == 0 {
            return None;
        }
        let offset = seq_of_key(key)?.checked_sub(self.ring_base)?;
        let index = usize::try_from(offset).ok()?;
        match self.ring.get(index) {
            Some(Some((k, _))) if k == key => Some(index),
            _ => None,
        }
    }

    /// Removes the entry at ring `index` and drops the empty slots at the front.
    fn ring_take(&mut self, index: usize) -> Option<(K, Entry<R, T>)> {
        let taken = self.ring.get_mut(index)?.take()?;
        self.ring_live -= 1;
        while let Some(None) = self.ring.front() {
            self.ring.pop_front();
            self.ring_base += 1;
        }
        Some(taken)
    }

    /// Finds who gets `response`, trying `keys` in order, and removes that entry.
    pub(crate) fn claim(&mut self, keys: &[K], response: &R) -> Claim<K, R, T> {
        for key in keys {
            let tainted = !self.taints.is_empty() && self.taints.contains_key(key);
            let accepts = |entry: &Entry<R, T>| match entry.matcher.as_ref().map(|m| m(response)) {
                Some(Match::Yes) => true,
                Some(Match::No) => false,
                Some(Match::Plausible) | None => !tainted,
            };
            // The ring's entry under `key`, if it accepts the response.
            let in_ring = self.ring_index(key).filter(
                |&index| matches!(self.ring.get(index), Some(Some((_, entry))) if accepts(entry)),
            );
            let found = match self.queues.get(key) {
                _ if self.queues.is_empty() => Found::No,
                None => Found::No,
                Some(Queue::One(entry)) => {
                    if accepts(entry) {
                        Found::Whole
                    } else {
                        Found::No
                    }
                }
                Some(Queue::Many(queue)) => {
                    queue.iter().position(accepts).map_or(Found::No, Found::At)
                }
            };
            if let Some(index) = in_ring {
                // An entry of the hash map under the same key wins only if it is older.
                let hashed_seq = match (&found, self.queues.get(key)) {
                    (Found::Whole, Some(Queue::One(entry))) => Some(entry.seq),
                    (Found::At(at), Some(Queue::Many(queue))) => queue.get(*at).map(|e| e.seq),
                    _ => None,
                };
                let ring_seq = self.ring_base + index as u64;
                if hashed_seq.is_none_or(|seq| ring_seq < seq)
                    && let Some((_, entry)) = self.ring_take(index)
                {
                    self.forget(&entry);
                    return Claim::Entry(entry);
                }
            }
            match found {
                Found::No => {}
                Found::Whole => {
                    if let Some(Queue::One(entry)) = self.queues.remove(key) {
                        self.forget(&entry);
                        return Claim::Entry(entry);
                    }
                }
                Found::At(at) => {
                    if let Some(Queue::Many(queue)) = self.queues.get_mut(key)
                        && let Some(entry) = queue.remove(at)
                    {
                        if queue.is_empty() {
                            self.queues.remove(key);
                        }
                        self.forget(&entry);
                        return Claim::Entry(entry);
                    }
                }
            }
            if tainted {
                self.untaint(key);
                return Claim::Late(key.clone());
            }
        }
        Claim::Unclaimed
    }

    /// Removes the entry `seq` under `key` (its caller gave up) and taints the key. Returns
    /// false if the entry was already gone (completed, expired or failed).
    pub(crate) fn cancel(&mut self, key: &K, seq: u64) -> bool {
        self.take(key, seq).is_some()
    }

    /// Removes and returns the entry `seq` under `key`, tainting the key.
    fn take(&mut self, key: &K, seq: u64) -> Option<Entry<R, T>> {
        let in_ring = self
            .ring_index(key)
            .filter(|&index| matches!(self.ring.get(index), Some(Some((_, e))) if e.seq == seq));
        let removed = match in_ring {
            Some(index) => self.ring_take(index).map(|(_, entry)| entry),
            None => self.take_hashed(key, seq),
        };
        if let Some(entry) = &removed {
            self.forget(entry);
            self.taint(key.clone());
        }
        removed
    }

    /// Removes the entry `seq` under `key` from the hash map (no bookkeeping).
    fn take_hashed(&mut self, key: &K, seq: u64) -> Option<Entry<R, T>> {
        match self.queues.get_mut(key) {
            None => None,
            Some(Queue::One(entry)) => {
                if entry.seq == seq {
                    match self.queues.remove(key) {
                        Some(Queue::One(entry)) => Some(entry),
                        _ => None,
                    }
                } else {
                    None
                }
            }
            Some(Queue::Many(queue)) => {
                let entry = queue
                    .iter()
                    .position(|e| e.seq == seq)
                    .and_then(|at| queue.remove(at));
                if queue.is_empty() {
                    self.queues.remove(key);
                }
                entry
            }
        }
    }

    /// Removes every entry whose deadline is at or before `now`, tainting their keys, and
    /// returns them (oldest deadline first) with their keys.
    pub(crate) fn expire(&mut self, now: Instant) -> Vec<(K, Entry<R, T>)> {
        if self.next_deadline().is_none_or(|first| first > now) {
            return Vec::new();
        }
        let due: Vec<(K, u64)> = self
            .queues
            .iter()
            .flat_map(|(key, queue)| {
                let entries: Box<dyn Iterator<Item = &Entry<R, T>>> = match queue {
                    Queue::One(entry) => Box::new(std::iter::once(entry)),
                    Queue::Many(queue) => Box::new(queue.iter()),
                };
                entries
                    .filter(|e| e.deadline <= now)
                    .map(move |e| (key.clone(), e.seq))
            })
            .chain(
                self.ring
                    .iter()
                    .flatten()
                    .filter(|(_, e)| e.deadline <= now)
                    .map(|(key, e)| (key.clone(), e.seq)),
            )
            .collect();
        let mut expired: Vec<(K, Entry<R, T>)> = due
            .into_iter()
            .filter_map(|(key, seq)| self.take(&key, seq).map(|entry| (key, entry)))
            .collect();
        expired.sort_by_key(|(_, e)| (e.deadline, e.seq));
        expired
    }

    /// Bookkeeping for an entry that left the queues.
    fn forget(&mut self, entry: &Entry<R, T>) {
        self.len -= 1;
        self.uncount_deadline(entry.deadline);
    }

    /// Removes every entry (the connection ended) and forgets all taints: replies to requests
    /// of the old connection cannot arrive on a new one.
    pub(crate) fn drain(&mut self) -> Vec<Entry<R, T>> {
        let mut all = Vec::with_capacity(self.len);
        for (_, queue) in self.queues.drain() {
            match queue {
                Queue::One(entry) => all.push(entry),
                Queue::Many(queue) => all.extend(queue),
            }
        }
        all.extend(self.ring.drain(..).flatten().map(|(_, entry)| entry));
        self.ring_live = 0;
        all.sort_by_key(|e| e.seq);
        self.len = 0;
        self.deadlines.clear();
        self.taints.clear();
        self.taint_order.clear();
        all
    }

    fn taint(&mut self, key: K) {
        if self.taint_order.len() >= self.taint_limit
            && let Some(oldest) = self.taint_order.pop_front()
        {
            self.decrement(&oldest);
        }
        *self.taints.entry(key.clone()).or_insert(0) += 1;
        self.taint_order.push_back(key);
    }

    fn untaint(&mut self, key: &K) {
        if let Some(at) = self.taint_order.iter().position(|k| k == key) {
            self.taint_order.remove(at);
        }
        self.decrement(key);
    }

    fn decrement(&mut self, key: &K) {
        if let Some(count) = self.taints.get_mut(key) {
            *count -= 1;
            if *count == 0 {
                self.taints.remove(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Store = PendingStore<&'static str, u32, &'static str>;

    /// A fixed origin; entry `seq` expires `seq` seconds after it.
    fn base() -> Instant {
        static BASE: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        *BASE.get_or_init(Instant::now)
    }

    fn at(secs: u64) -> Instant {
        base() + Duration::from_secs(secs)
    }

    fn entry(seq: u64, name: &'static str) -> Entry<u32, &'static str> {
        Entry {
            seq,
            deadline: at(seq),
            timeout: Duration::from_secs(seq),
            matcher: None,
            reply: name,
        }
    }

    fn matching(seq: u64, name: &'static str, want: u32) -> Entry<u32, &'static str> {
        Entry {
            matcher: Some(Box::new(move |r: &u32| Match::from(*r == want))),
            ..entry(seq, name)
        }
    }

    fn who(claim: Claim<&'static str, u32, &'static str>) -> String {
        match claim {
            Claim::Entry(e) => format!("entry {}", e.reply),
            Claim::Late(k) => format!("late {k}"),
            Claim::Unclaimed => "unclaimed".to_owned(),
        }
    }

    #[test]
    fn unique_ids_complete_their_own_request_in_any_order() {
        let mut store = Store::with_epoch(8, base());
        store.insert("1", entry(1, "a"));
        store.insert("2", entry(2, "b"));
        store.insert("3", entry(3, "c"));
        assert_eq!(store.len(), 3);
        assert_eq!(who(store.claim(&["3"], &0)), "entry c");
        assert_eq!(who(store.claim(&["1"], &0)), "entry a");
        assert_eq!(who(store.claim(&["2"], &0)), "entry b");
        assert_eq!(store.len(), 0);
        assert_eq!(who(store.claim(&["2"], &0)), "unclaimed");
    }

    #[test]
    fn same_key_is_fifo_and_matchers_pick_their_reply() {
        let mut store = Store::with_epoch(8, base());
        store.insert("typed", matching(1, "first", 10));
        store.insert("typed", matching(2, "second", 20));
        store.insert("typed", entry(3, "any"));
        // The reply for the second request arrives first: its matcher claims it.
        assert_eq!(who(store.claim(&["typed"], &20)), "entry second");
        // A reply no matcher accepts goes to the first entry without a matcher.
        assert_eq!(who(store.claim(&["typed"], &99)), "entry any");
        assert_eq!(who(store.claim(&["typed"], &10)), "entry first");
        assert_eq!(store.len(), 0);
    }

    #[test]
    fn keys_are_tried_in_order() {
        let mut store = Store::with_epoch(8, base());
        store.insert("typed", entry(1, "typed"));
        // Nothing under "status": falls through to "typed".
        assert_eq!(who(store.claim(&["status", "typed"], &0)), "entry typed");
        store.insert("status", entry(2, "status"));
        store.insert("typed", entry(3, "typed2"));
        assert_eq!(who(store.claim(&["status", "typed"], &0)), "entry status");
    }

    #[test]
    fn late_reply_of_an_expired_id_is_dropped_once() {
        let mut store = Store::with_epoch(8, base());
        store.insert("7", entry(7, "seven"));
        assert!(store.cancel(&"7", 7));
        assert!(store.is_tainted(&"7"));
        assert_eq!(store.len(), 0);
        assert_eq!(who(store.claim(&["7"], &0)), "late 7");
        assert!(!store.is_tainted(&"7"));
        assert_eq!(who(store.claim(&["7"], &0)), "unclaimed");
    }

    #[test]
    fn fifo_without_matchers_skips_the_late_reply() {
        // A times out; B is waiting on the same key. A's late reply must not complete B.
        let mut store = Store::with_epoch(8, base());
        store.insert("typed", entry(1, "A"));
        store.insert("typed", entry(2, "B"));
        assert!(store.cancel(&"typed", 1));
        assert_eq!(who(store.claim(&["typed"], &0)), "late typed");
        assert_eq!(who(store.claim(&["typed"], &0)), "entry B");
    }

    #[test]
    fn on_a_tainted_key_a_matcher_still_claims_its_reply() {
        let mut store = Store::with_epoch(8, base());
        store.insert("typed", entry(1, "A"));
        store.insert("typed", matching(2, "B", 42));
        assert!(store.cancel(&"typed", 1));
        // B's echo check recognises its own reply even though the key is tainted.
        assert_eq!(who(store.claim(&["typed"], &42)), "entry B");
        assert!(store.is_tainted(&"typed"));
        // The next unclaimed reply is A's late one.
        assert_eq!(who(store.claim(&["typed"], &1)), "late typed");
        assert!(!store.is_tainted(&"typed"));
    }

    /// An echo check over `u32` replies: `0` carries no echo field (plausible for anyone).
    fn echo(seq: u64, name: &'static str, want: u32) -> Entry<u32, &'static str> {
        Entry {
            matcher: Some(Box::new(move |r: &u32| match *r {
                0 => Match::Plausible,
                r if r == want => Match::Yes,
                _ => Match::No,
            })),
            ..entry(seq, name)
        }
    }

    #[test]
    fn a_plausible_match_is_accepted_in_order_but_not_under_a_taint() {
        let mut store = Store::with_epoch(8, base());
        store.insert("typed", echo(1, "A", 10));
        store.insert("typed", echo(2, "B", 20));
        // Untainted: a reply without an echo field goes to the oldest request.
        assert_eq!(who(store.claim(&["typed"], &0)), "entry A");
        store.insert("typed", echo(3, "C", 30));
        assert!(store.cancel(&"typed", 2));
        // Tainted: a reply without an echo field is B's late reply, not C's.
        assert_eq!(who(store.claim(&["typed"], &0)), "late typed");
        assert!(!store.is_tainted(&"typed"));
        assert_eq!(who(store.claim(&["typed"], &0)), "entry C");
    }

    #[test]
    fn cancel_of_a_completed_request_taints_nothing() {
        let mut store = Store::with_epoch(8, base());
        store.insert("1", entry(1, "a"));
        assert_eq!(who(store.claim(&["1"], &0)), "entry a");
        assert!(!store.cancel(&"1", 1));
        assert!(!store.is_tainted(&"1"));
        // A different seq under the same key is not removed either.
        store.insert("1", entry(5, "b"));
        assert!(!store.cancel(&"1", 4));
        assert_eq!(store.len(), 1);
    }

    #[test]
    fn taints_are_bounded_and_the_oldest_is_forgotten() {
        let mut store = Store::new(2);
        for (seq, key) in [(1, "a"), (2, "b"), (3, "c")] {
            store.insert(key, entry(seq, key));
            assert!(store.cancel(&key, seq));
        }
        assert_eq!(store.taint_len(), 2);
        assert!(!store.is_tainted(&"a"));
        assert!(store.is_tainted(&"b"));
        assert!(store.is_tainted(&"c"));
    }

    #[test]
    fn taints_count_multiple_expiries_on_one_key() {
        let mut store = Store::with_epoch(8, base());
        store.insert("k", entry(1, "a"));
        store.insert("k", entry(2, "b"));
        assert!(store.cancel(&"k", 1));
        assert!(store.cancel(&"k", 2));
        assert_eq!(who(store.claim(&["k"], &0)), "late k");
        assert_eq!(who(store.claim(&["k"], &0)), "late k");
        assert_eq!(who(store.claim(&["k"], &0)), "unclaimed");
    }

    #[test]
    fn drain_returns_everything_in_seq_order_and_clears_taints() {
        let mut store = Store::with_epoch(8, base());
        store.insert("b", entry(2, "two"));
        store.insert("a", entry(1, "one"));
        store.insert("a", entry(3, "three"));
        store.insert("x", entry(9, "x"));
        assert!(store.cancel(&"x", 9));
        let drained: Vec<_> = store.drain().into_iter().map(|e| e.reply).collect();
        assert_eq!(drained, ["one", "two", "three"]);
        assert_eq!(store.len(), 0);
        assert_eq!(store.taint_len(), 0);
        assert!(!store.is_tainted(&"x"));
    }

    #[test]
    fn expire_takes_due_entries_in_deadline_order_and_taints_their_keys() {
        let mut store = Store::with_epoch(8, base());
        assert_eq!(store.next_deadline(), None);
        assert!(store.insert("b", entry(5, "five")));
        // An earlier deadline moves the timer forward; a later one does not.
        assert!(store.insert("a", entry(2, "two")));
        assert!(!store.insert("a", entry(9, "nine")));
        assert_eq!(store.next_deadline(), Some(at(2)));
        assert!(store.expire(at(1)).is_empty());
        let expired: Vec<_> = store
            .expire(at(5))
            .into_iter()
            .map(|(key, e)| (key, e.reply))
            .collect();
        assert_eq!(expired, [("a", "two"), ("b", "five")]);
        assert_eq!(store.len(), 1);
        assert_eq!(store.next_deadline(), Some(at(9)));
        assert!(store.is_tainted(&"a"));
        assert!(store.is_tainted(&"b"));
        // The request still waiting under "a" is not disturbed, and the late reply of "two"
        // is recognised as such.
        assert_eq!(who(store.claim(&["a"], &0)), "late a");
        assert_eq!(who(store.claim(&["a"], &0)), "entry nine");
        assert_eq!(store.next_deadline(), None);
    }

    #[test]
    fn claimed_cancelled_and_drained_entries_leave_no_deadline_behind() {
        let mut store = Store::with_epoch(8, base());
        store.insert("1", entry(1, "a"));
        store.insert("2", entry(2, "b"));
        store.insert("3", entry(3, "c"));
        assert_eq!(who(store.claim(&["1"], &0)), "entry a");
        assert_eq!(store.next_deadline(), Some(at(2)));
        assert!(store.cancel(&"2", 2));
        assert_eq!(store.next_deadline(), Some(at(3)));
        assert_eq!(store.drain().len(), 1);
        assert_eq!(store.next_deadline(), None);
        assert!(store.expire(at(100)).is_empty());
    }

    /// A store of request-id protocols: `u64` keys equal to the entries' `seq`.
    type IdStore = PendingStore<u64, u32, &'static str>;

    fn who_id(claim: Claim<u64, u32, &'static str>) -> String {
        match claim {
            Claim::Entry(e) => format!("entry {}", e.reply),
            Claim::Late(k) => format!("late {k}"),
            Claim::Unclaimed => "unclaimed".to_owned(),
        }
    }

    #[test]
    fn id_keys_equal_to_their_seq_live_in_the_ring() {
        let mut store = IdStore::with_epoch(8, base());
        for seq in 10..20 {
            store.insert(seq, entry(seq, "r"));
        }
        assert_eq!(store.ring_live, 10);
        assert!(store.queues.is_empty());
        // Answered out of order: each reply completes its own request.
        for seq in [15, 10, 19, 11, 12, 13, 14, 16, 18, 17] {
            match store.claim(&[seq], &0) {
                Claim::Entry(e) => assert_eq!(e.seq, seq),
                _ => panic!("no entry for {seq}"),
            }
        }
        assert_eq!(store.len(), 0);
        assert!(
            store.ring.is_empty(),
            "empty slots at the front are dropped"
        );
        assert_eq!(who_id(store.claim(&[12], &0)), "unclaimed");
        // A `u32` key is recognised too.
        let mut narrow = PendingStore::<u32, u32, &'static str>::with_epoch(8, base());
        narrow.insert(7, entry(7, "seven"));
        assert_eq!(narrow.ring_live, 1);
        assert!(matches!(narrow.claim(&[7], &0), Claim::Entry(e) if e.seq == 7));
    }

    #[test]
    fn a_key_that_is_not_the_seq_goes_to_the_hash_map() {
        let mut store = IdStore::with_epoch(8, base());
        store.insert(500, entry(3, "typed"));
        store.insert(4, entry(4, "own id"));
        assert_eq!(store.ring_live, 1);
        assert_eq!(store.queues.len(), 1);
        assert_eq!(who_id(store.claim(&[500], &0)), "entry typed");
        assert_eq!(who_id(store.claim(&[4], &0)), "entry own id");
        // Under one key, the older entry wins wherever it is stored.
        store.insert(9, entry(8, "hashed, older"));
        store.insert(9, entry(9, "ring, newer"));
        assert_eq!(who_id(store.claim(&[9], &0)), "entry hashed, older");
        assert_eq!(who_id(store.claim(&[9], &0)), "entry ring, newer");
        assert_eq!(store.len(), 0);
    }

    #[test]
    fn a_long_waiting_entry_does_not_stretch_the_ring_without_bound() {
        let mut store = IdStore::with_epoch(8, base());
        store.insert(1, entry(1, "slow"));
        for seq in 2..100_000 {
            store.insert(seq, entry(seq, "quick"));
            assert!(matches!(store.claim(&[seq], &0), Claim::Entry(e) if e.seq == seq));
        }
        assert!(
            store.ring.len() as u64 <= ring_span_limit(2),
            "ring spans {} slots for 1 entry",
            store.ring.len()
        );
        assert_eq!(store.len(), 1);
        assert_eq!(who_id(store.claim(&[1], &0)), "entry slow");
        assert!(store.ring.is_empty());
        // Once empty, the ring starts again wherever the next request is.
        store.insert(200_000, entry(200_000, "later"));
        assert_eq!(store.ring_live, 1);
    }

    #[test]
    fn ring_entries_cancel_expire_taint_and_drain_like_hashed_ones() {
        let mut store = IdStore::with_epoch(8, base());
        for seq in 1..=6 {
            store.insert(seq, entry(seq, "r"));
        }
        assert!(store.cancel(&3, 3));
        assert!(!store.cancel(&3, 3));
        assert!(store.is_tainted(&3));
        assert_eq!(who_id(store.claim(&[3], &0)), "late 3");
        let expired: Vec<u64> = store.expire(at(2)).into_iter().map(|(k, _)| k).collect();
        assert_eq!(expired, [1, 2]);
        assert_eq!(store.next_deadline(), Some(at(4)));
        assert_eq!(who_id(store.claim(&[1], &0)), "late 1");
        let drained: Vec<u64> = store.drain().into_iter().map(|e| e.seq).collect();
        assert_eq!(drained, [4, 5, 6]);
        assert_eq!(store.len(), 0);
        assert_eq!(store.ring_live, 0);
        assert_eq!(store.next_deadline(), None);
    }

    #[test]
    fn deadlines_registered_out_of_order_are_counted_in_order() {
        let mut store = IdStore::with_epoch(8, base());
        let mut with_deadline = |seq: u64, secs: u64| {
            let mut e = entry(seq, "r");
            e.deadline = at(secs);
            store.insert(seq, e)
        };
        assert!(with_deadline(1, 5));
        assert!(!with_deadline(2, 7));
        assert!(
            with_deadline(3, 3),
            "an earlier deadline is reported as the new earliest"
        );
        assert!(!with_deadline(4, 6));
        assert!(!with_deadline(5, 6));
        assert_eq!(
            store.deadlines.iter().map(|(_, n)| *n).collect::<Vec<_>>(),
            [1, 1, 2, 1]
        );
        assert_eq!(store.next_deadline(), Some(at(3)));
        let expired: Vec<u64> = store.expire(at(6)).into_iter().map(|(k, _)| k).collect();
        assert_eq!(expired, [3, 1, 4, 5]);
        assert_eq!(store.next_deadline(), Some(at(7)));
        assert!(matches!(store.claim(&[2], &0), Claim::Entry(e) if e.seq == 2));
        assert_eq!(store.next_deadline(), None);
    }

    #[test]
    fn key_hasher_spreads_sequential_ids_and_strings() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<KeyHasher>::default();
        // Request ids are sequential: their hashes must differ in the low bits hashbrown uses
        // for the bucket index.
        let buckets: std::collections::BTreeSet<u64> =
            (1..=1024u64).map(|id| build.hash_one(id) & 1023).collect();
        assert!(
            buckets.len() > 600,
            "{} distinct buckets of 1024",
            buckets.len()
        );
        // String keys (reply types) that share a prefix still hash apart.
        let a = build.hash_one("ResponseGetMessages");
        let b = build.hash_one("ResponseGetMessageX");
        assert_ne!(a, b);
        assert_ne!(build.hash_one(1u64), build.hash_one(2u64));
    }
}
