//! The parse cache and the history cache: where they live, how a cache file is framed, when a
//! file's cached parse may be trusted. `load` decides what to cache and `audit` what to ask
//! git; this module only stores and checks bytes.
//!
//! **Where.** Inside a git repository, in its git directory (`.git/tiendo/`, found by looking
//! for `.git` in the plan folder and its parents: no `git` process); otherwise in the user's
//! cache folder (`$XDG_CACHE_HOME/tiendo`, `~/.cache/tiendo`, `~/Library/Caches/tiendo`,
//! `%LOCALAPPDATA%\tiendo`). Never among the plan's files.
//!
//! **Trust.** A cache file starts with a header naming the cache format, tiendo's version, a
//! fingerprint of the model and loader source ([`LAYOUT`]) and the running executable's size
//! and modification time, then a CRC-32 of the rest. A file whose header differs (another
//! version or build, another plan), whose checksum fails (truncated, corrupted) or that does
//! not decode is ignored and rewritten; nothing in it is trusted, and nothing in it can panic.
//! Each plan file's entry is keyed by its path, size, modification and change times in
//! nanoseconds, inode and device. An entry is only written for a file whose times lie clearly
//! before the load began ([`StatKey::settled`]): a file changed within the file system's
//! timestamp granularity could change again without its times moving (git's "racily clean"
//! rule), so it is read again next time.
//!
//! **Concurrency.** A cache is written to a temporary file in the same folder and renamed over
//! the old one: two processes writing at once leave one whole cache or the other.
//!
//! **Values** are encoded with `postcard` (serde; a documented, stable wire format, maintained,
//! no unsafe code, compact and quick to decode). The model types derive serde's traits
//! themselves, so a field added to the model is cached with it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Bump when the framing below changes.
pub const FORMAT: u32 = 1;

const MAGIC: &[u8; 8] = b"tiendo\x00c";

/// A fingerprint of the source of the cached types and of the code that builds them: any
/// change to the model or the loader makes older caches foreign (the derives alone would not
/// catch a loader fix that changes what a file parses to).
pub const LAYOUT: u64 = {
    let parts: [&[u8]; 8] = [
        include_bytes!("model/plan.rs"),
        include_bytes!("model/amendment.rs"),
        include_bytes!("model/problem.rs"),
        include_bytes!("model/deadline.rs"),
        include_bytes!("model/id.rs"),
        include_bytes!("load.rs"),
        include_bytes!("text.rs"),
        include_bytes!("cache.rs"),
    ];
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < parts.len() {
        h = fnv64(parts[i], h);
        i += 1;
    }
    h
};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: a stable hash for file names and the source fingerprint (not for
/// checking contents; that is CRC-32's job).
pub const fn fnv64(bytes: &[u8], mut h: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// What kind of plan file an entry holds (a path already says it; this is a second check).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Plan = 1,
    Units = 2,
    Task = 3,
}

/// The identity of a file's contents as `stat` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatKey {
    pub size: u64,
    pub mtime: (i64, u32),
    pub ctime: (i64, u32),
    pub ino: u64,
    pub dev: u64,
}

const KEY_BYTES: usize = 8 + 12 + 12 + 8 + 8;

impl StatKey {
    #[cfg(unix)]
    pub fn of(md: &std::fs::Metadata) -> StatKey {
        use std::os::unix::fs::MetadataExt;
        StatKey {
            size: md.size(),
            mtime: (md.mtime(), md.mtime_nsec() as u32),
            ctime: (md.ctime(), md.ctime_nsec() as u32),
            ino: md.ino(),
            dev: md.dev(),
        }
    }

    #[cfg(not(unix))]
    pub fn of(md: &std::fs::Metadata) -> StatKey {
        let t = |t: std::io::Result<SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or((0, 0), |d| (d.as_secs() as i64, d.subsec_nanos()))
        };
        StatKey {
            size: md.len(),
            mtime: t(md.modified()),
            ctime: t(md.created()),
            ino: 0,
            dev: 0,
        }
    }

    /// May a parse of this file be cached, the load having begun at `started`? Only when both
    /// its times lie before `started` by more than the time stamps' granularity plus the
    /// kernel's clock lag: then any later change gives it a different time. With no
    /// sub-second part in either time the file system is taken to count in seconds (FAT: two).
    pub fn settled(&self, started: SystemTime) -> bool {
        let coarse = self.mtime.1 == 0 && self.ctime.1 == 0;
        let margin = if coarse {
            Duration::from_secs(3)
        } else {
            Duration::from_millis(50)
        };
        let Some(limit) = started
            .checked_sub(margin)
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        else {
            return false;
        };
        let before =
            |(s, ns): (i64, u32)| s < 0 || Duration::new(s as u64, ns.min(999_999_999)) < limit;
        before(self.mtime) && before(self.ctime)
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.size.to_le_bytes());
        for (s, ns) in [self.mtime, self.ctime] {
            out.extend_from_slice(&s.to_le_bytes());
            out.extend_from_slice(&ns.to_le_bytes());
        }
        out.extend_from_slice(&self.ino.to_le_bytes());
        out.extend_from_slice(&self.dev.to_le_bytes());
    }

    fn read(b: &[u8]) -> StatKey {
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default());
        StatKey {
            size: u64_at(0),
            mtime: (u64_at(8) as i64, u32_at(16)),
            ctime: (u64_at(20) as i64, u32_at(28)),
            ino: u64_at(32),
            dev: u64_at(40),
        }
    }
}

/// Encode a value for the cache.
pub fn encode<T: serde::Serialize + ?Sized>(value: &T) -> Option<Vec<u8>> {
    postcard::to_allocvec(value).ok()
}

/// Decode a cached value; `None` for anything that does not decode.
pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

// ---------------------------------------------------------------------------------------------
// Where caches live.

/// The git directory of the repository holding `dir` (an absolute path), found by looking for
/// `.git` in `dir` and its parents: a folder, or a file `gitdir: …` (worktrees, submodules).
pub fn git_dir_of(dir: &Path) -> Option<PathBuf> {
    for d in dir.ancestors() {
        let g = d.join(".git");
        match std::fs::symlink_metadata(&g) {
            Ok(md) if md.is_dir() => return Some(g),
            Ok(md) if md.is_file() => {
                let text = std::fs::read_to_string(&g).ok()?;
                let target = text.lines().next()?.strip_prefix("gitdir:")?.trim();
                let target = Path::new(target);
                let full = if target.is_absolute() {
                    target.to_path_buf()
                } else {
                    d.join(target)
                };
                return full.is_dir().then_some(full);
            }
            _ => {}
        }
    }
    None
}

/// The user's cache folder for tiendo, when the platform has one.
fn user_cache_dir() -> Option<PathBuf> {
    let abs = |v: Option<std::ffi::OsString>| {
        v.map(PathBuf::from)
            .filter(|p| p.is_absolute() && !p.as_os_str().is_empty())
    };
    if let Some(x) = abs(std::env::var_os("XDG_CACHE_HOME")) {
        return Some(x.join("tiendo"));
    }
    if cfg!(windows) {
        return abs(std::env::var_os("LOCALAPPDATA")).map(|p| p.join("tiendo").join("cache"));
    }
    let home = abs(std::env::var_os("HOME"))?;
    if cfg!(target_os = "macos") {
        Some(home.join("Library").join("Caches").join("tiendo"))
    } else {
        Some(home.join(".cache").join("tiendo"))
    }
}

/// The cache folder for a plan folder (absolute): `<git dir>/tiendo` or the user cache folder;
/// `None` when the only candidate lies among the plan's own files.
pub fn cache_dir_for(abs_plan: &Path) -> Option<PathBuf> {
    // A git directory is never part of the plan, even when the plan folder is the work
    // tree's root; a user cache folder inside the plan folder is refused.
    if let Some(g) = git_dir_of(abs_plan) {
        return Some(g.join("tiendo"));
    }
    user_cache_dir().filter(|d| !d.starts_with(abs_plan))
}

/// The running executable's size and modification time: a rebuilt tiendo never trusts the
/// caches of the one before, whatever its version string says.
fn exe_key() -> (u64, i64, u32) {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|md| {
            let k = StatKey::of(&md);
            (k.size, k.mtime.0, k.mtime.1)
        })
        .unwrap_or_default()
}

/// The header every cache file of this build starts with; `scope` says what the file is for
/// (the plan folder's absolute path, or the history cache).
fn header(scope: &[u8]) -> Vec<u8> {
    let mut h = MAGIC.to_vec();
    h.extend_from_slice(&FORMAT.to_le_bytes());
    h.extend_from_slice(&LAYOUT.to_le_bytes());
    let (size, s, ns) = exe_key();
    h.extend_from_slice(&size.to_le_bytes());
    h.extend_from_slice(&s.to_le_bytes());
    h.extend_from_slice(&ns.to_le_bytes());
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    h.extend_from_slice(&(version.len() as u32).to_le_bytes());
    h.extend_from_slice(version);
    h.extend_from_slice(&(scope.len() as u32).to_le_bytes());
    h.extend_from_slice(scope);
    h
}

/// Read a cache file (`header`, body, CRC-32 of the body) and return its body when its header is
/// `header` and its checksum holds.
fn read_checked(path: &Path, header: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = std::fs::read(path).ok()?;
    let rest = bytes.strip_prefix(header)?;
    let (body, crc) = rest.split_last_chunk::<4>()?;
    if u32::from_le_bytes(*crc) != crc32fast::hash(body) {
        return None;
    }
    let end = bytes.len() - 4;
    bytes.truncate(end);
    bytes.drain(..header.len());
    Some(bytes)
}

/// Write `header`, the body given in parts, and the body's CRC-32 to a temporary file beside
/// `path`, then rename it over `path`. The parts are streamed (no copy of the whole body is
/// made: peak memory). Best effort: a cache that cannot be written is simply not there next time.
fn write_atomic<'a>(path: &Path, header: &[u8], body: impl IntoIterator<Item = &'a [u8]>) {
    use std::io::Write;
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = path.with_extension(format!("tmp-{}-{nanos}", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        out.write_all(header)?;
        let mut crc = crc32fast::Hasher::new();
        for part in body {
            crc.update(part);
            out.write_all(part)?;
        }
        out.write_all(&crc.finalize().to_le_bytes())?;
        out.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    })();
    if written.is_err() || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

// ---------------------------------------------------------------------------------------------
// The parse cache of one plan folder.

/// Where the parse cache of one plan folder lives and the header it must carry.
pub struct Store {
    pub file: PathBuf,
    header: Vec<u8>,
}

/// At most this many plan caches are kept in one cache folder, the oldest going first: the
/// user's folder serves every plan, and a repository's serves every plan folder ever loaded
/// in it (test sandboxes, temporary copies).
const KEEP: usize = 32;

impl Store {
    /// The parse cache for a plan folder; `None` when there is nowhere to keep one.
    pub fn for_plan(dir: &Path) -> Option<Store> {
        let abs = std::fs::canonicalize(dir).ok()?;
        let scope = abs.to_string_lossy();
        let folder = cache_dir_for(&abs)?;
        let file = folder.join(format!(
            "plan-{:016x}.bin",
            fnv64(scope.as_bytes(), FNV_OFFSET)
        ));
        Some(Store {
            file,
            header: header(scope.as_bytes()),
        })
    }

    /// The cached entries, or `None` when the file is missing, foreign or damaged.
    pub fn read(&self) -> Option<Index> {
        Index::parse(read_checked(&self.file, &self.header)?)
    }

    /// Write a new cache of `records` (those carried over are copied from `old`).
    pub fn write(&self, records: &[Record], old: &Index) {
        let mut heads: Vec<Vec<u8>> = Vec::with_capacity(records.len());
        for r in records {
            if let Record::New {
                rel,
                kind,
                key,
                data,
            } = r
            {
                let mut h = Vec::with_capacity(rel.len() + KEY_BYTES + 9);
                h.extend_from_slice(&(rel.len() as u32).to_le_bytes());
                h.extend_from_slice(rel.as_bytes());
                h.push(*kind as u8);
                key.write(&mut h);
                h.extend_from_slice(&(data.len() as u32).to_le_bytes());
                heads.push(h);
            }
        }
        let mut heads = heads.iter();
        let parts = records.iter().flat_map(|r| match r {
            Record::Old(range) => [&old.buf[range.clone()], &[][..]],
            Record::New { data, .. } => {
                [heads.next().map_or(&[][..], Vec::as_slice), data.as_slice()]
            }
        });
        write_atomic(&self.file, &self.header, parts);
        prune(self.file.parent(), KEEP);
    }
}

/// Remove all but the `keep` most recently written plan caches in `dir` (plans that were
/// moved or deleted, temporary copies) and temporary files left by an interrupted write.
fn prune(dir: Option<&Path>, keep: usize) {
    let Some(Ok(rd)) = dir.map(std::fs::read_dir) else {
        return;
    };
    let mut caches = vec![];
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Ok(modified) = e.metadata().and_then(|m| m.modified()) else {
            continue;
        };
        if !name.starts_with("plan-") {
            continue;
        }
        if name.ends_with(".bin") {
            caches.push((modified, e.path()));
        } else if name.contains(".tmp-") && modified < hour_ago {
            let _ = std::fs::remove_file(e.path());
        }
    }
    if caches.len() > keep {
        caches.sort();
        for (_, p) in &caches[..caches.len() - keep] {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// One entry of the new cache: carried over from the old file unchanged, or new.
pub enum Record {
    Old(std::ops::Range<usize>),
    New {
        rel: String,
        kind: Kind,
        key: StatKey,
        data: Vec<u8>,
    },
}

impl Record {
    pub fn new(rel: &str, kind: Kind, key: StatKey, data: Vec<u8>) -> Record {
        Record::New {
            rel: rel.to_string(),
            kind,
            key,
            data,
        }
    }
}

struct Entry {
    rel: std::ops::Range<usize>,
    kind: u8,
    key: StatKey,
    data: std::ops::Range<usize>,
    whole: std::ops::Range<usize>,
}

/// The entries of a valid cache file, sorted by path for lookup.
pub struct Index {
    buf: Vec<u8>,
    entries: Vec<Entry>,
    valid: bool,
}

impl Index {
    /// No entries (and not valid: the next save writes a cache).
    pub fn empty() -> Index {
        Index {
            buf: vec![],
            entries: vec![],
            valid: false,
        }
    }

    fn parse(buf: Vec<u8>) -> Option<Index> {
        let mut entries = vec![];
        let mut at = 0;
        let u32_at = |i: usize| -> Option<usize> {
            Some(u32::from_le_bytes(buf.get(i..i + 4)?.try_into().ok()?) as usize)
        };
        while at < buf.len() {
            let start = at;
            let rel_len = u32_at(at)?;
            let rel = at + 4..(at + 4).checked_add(rel_len)?;
            std::str::from_utf8(buf.get(rel.clone())?).ok()?;
            let kind = *buf.get(rel.end)?;
            let key_at = rel.end + 1;
            let key = StatKey::read(buf.get(key_at..key_at + KEY_BYTES)?);
            let data_len = u32_at(key_at + KEY_BYTES)?;
            let data_at = key_at + KEY_BYTES + 4;
            let data = data_at..data_at.checked_add(data_len)?;
            buf.get(data.clone())?;
            at = data.end;
            entries.push(Entry {
                rel,
                kind,
                key,
                data,
                whole: start..at,
            });
        }
        entries.sort_by(|a, b| buf[a.rel.clone()].cmp(&buf[b.rel.clone()]));
        Some(Index {
            buf,
            entries,
            valid: true,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The file was a valid cache of this build.
    pub fn valid(&self) -> bool {
        self.valid
    }

    /// The cached bytes for `rel` when its kind and key match, with the record that carries
    /// it over to the next cache.
    pub fn get(&self, rel: &str, kind: Kind, key: &StatKey) -> Option<(&[u8], Record)> {
        let i = self
            .entries
            .binary_search_by(|e| self.buf[e.rel.clone()].cmp(rel.as_bytes()))
            .ok()?;
        let e = &self.entries[i];
        (e.kind == kind as u8 && e.key == *key)
            .then(|| (&self.buf[e.data.clone()], Record::Old(e.whole.clone())))
    }
}

// ---------------------------------------------------------------------------------------------
// The history cache: parsed versions of task files, keyed by git blob id.

/// Parsed task versions by blob id, one small file each under `<git dir>/tiendo/blobs/`.
/// A blob id names one content forever, so an entry never goes stale.
#[derive(Debug)]
pub struct Blobs {
    dir: PathBuf,
    header: Vec<u8>,
}

impl Blobs {
    /// The history cache of the repository holding `plan_dir`, when it has a git directory.
    pub fn for_plan(plan_dir: &Path) -> Option<Blobs> {
        let abs = std::fs::canonicalize(plan_dir).ok()?;
        let git = git_dir_of(&abs)?;
        Some(Blobs {
            dir: git.join("tiendo").join("blobs"),
            header: header(b"blobs"),
        })
    }

    fn path(&self, id: &str) -> Option<PathBuf> {
        let full = id.len() >= 40 && id.bytes().all(|b| b.is_ascii_hexdigit());
        full.then(|| self.dir.join(&id[..2]).join(&id[2..]))
    }

    /// The cached value for a full blob id.
    pub fn get<T: serde::de::DeserializeOwned>(&self, id: &str) -> Option<T> {
        decode(&read_checked(&self.path(id)?, &self.header)?)
    }

    /// Keep a value for a full blob id.
    pub fn put<T: serde::Serialize>(&self, id: &str, value: &T) {
        if let (Some(path), Some(data)) = (self.path(id), encode(value)) {
            write_atomic(&path, &self.header, [data.as_slice()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: i64, ns: u32) -> StatKey {
        StatKey {
            size: 10,
            mtime: (s, ns),
            ctime: (s, ns),
            ino: 1,
            dev: 1,
        }
    }

    #[test]
    fn a_file_changed_just_before_the_load_is_not_settled() {
        let started = SystemTime::UNIX_EPOCH + Duration::new(1_000, 500_000_000);
        // 50 ms of margin on a file system with nanosecond times.
        assert!(!key(1_000, 499_999_999).settled(started));
        assert!(!key(1_000, 450_000_001).settled(started));
        assert!(!key(1_000, 450_000_000).settled(started));
        assert!(key(1_000, 449_999_999).settled(started));
        assert!(key(999, 900_000_000).settled(started));
        // A file from the future (clock skew, touch -d) is never cached.
        assert!(!key(2_000, 1).settled(started));
        // Whole seconds only: a coarse file system, so three seconds of margin.
        assert!(!key(998, 0).settled(started));
        assert!(key(997, 0).settled(started));
        // mtime put back far into the past does not help: the change time is now.
        let k = StatKey {
            mtime: (10, 0),
            ctime: (1_000, 480_000_000),
            ..key(0, 0)
        };
        assert!(!k.settled(started));
    }

    #[test]
    fn a_stat_key_survives_its_encoding() {
        let k = StatKey {
            size: 1234,
            mtime: (-5, 7),
            ctime: (1_700_000_000, 999_999_999),
            ino: u64::MAX,
            dev: 42,
        };
        let mut b = vec![];
        k.write(&mut b);
        assert_eq!(b.len(), KEY_BYTES);
        assert_eq!(StatKey::read(&b), k);
    }

    #[test]
    fn damaged_indexes_are_refused_not_panicked_on() {
        let mut body = vec![];
        for (rel, data) in [("tasks/1/1.1.toml", b"abc".as_slice()), ("plan.toml", b"")] {
            body.extend_from_slice(&(rel.len() as u32).to_le_bytes());
            body.extend_from_slice(rel.as_bytes());
            body.push(Kind::Task as u8);
            key(1, 1).write(&mut body);
            body.extend_from_slice(&(data.len() as u32).to_le_bytes());
            body.extend_from_slice(data);
        }
        let ix = Index::parse(body.clone()).expect("valid");
        assert_eq!(ix.len(), 2);
        let (data, _) = ix.get("tasks/1/1.1.toml", Kind::Task, &key(1, 1)).unwrap();
        assert_eq!(data, b"abc");
        assert!(ix.get("tasks/1/1.1.toml", Kind::Task, &key(1, 2)).is_none());
        assert!(ix.get("tasks/1/1.1.toml", Kind::Plan, &key(1, 1)).is_none());
        for cut in 0..body.len() {
            // Every truncation either fails or parses fewer whole entries.
            if let Some(ix) = Index::parse(body[..cut].to_vec()) {
                assert!(ix.len() < 2);
            }
        }
        let mut huge = body.clone();
        huge[0..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Index::parse(huge).is_none());
    }

    #[test]
    fn a_cache_folder_keeps_the_newest_caches() {
        let t = tempfile::tempdir().unwrap();
        for i in 0..5u64 {
            let f = t.path().join(format!("plan-{i}.bin"));
            std::fs::write(&f, b"x").unwrap();
            let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000 + i);
            std::fs::File::options()
                .write(true)
                .open(&f)
                .unwrap()
                .set_modified(when)
                .unwrap();
        }
        std::fs::write(t.path().join("other.txt"), b"x").unwrap();
        prune(Some(t.path()), 2);
        let mut left: Vec<String> = std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        left.sort();
        assert_eq!(left, ["other.txt", "plan-3.bin", "plan-4.bin"]);
    }

    #[test]
    fn the_layout_fingerprint_is_not_trivial() {
        assert_ne!(LAYOUT, FNV_OFFSET);
        assert_eq!(fnv64(b"", FNV_OFFSET), FNV_OFFSET);
    }

    #[test]
    fn a_git_file_pointing_elsewhere_is_followed() {
        let t = tempfile::tempdir().unwrap();
        let real = t.path().join("real-git");
        std::fs::create_dir_all(&real).unwrap();
        let wt = t.path().join("wt");
        std::fs::create_dir_all(wt.join("plan")).unwrap();
        std::fs::write(wt.join(".git"), "gitdir: ../real-git\n").unwrap();
        assert_eq!(git_dir_of(&wt.join("plan")), Some(wt.join("../real-git")));
        let plain = t.path().join("plain");
        std::fs::create_dir_all(plain.join(".git")).unwrap();
        assert_eq!(git_dir_of(&plain), Some(plain.join(".git")));
    }
}
