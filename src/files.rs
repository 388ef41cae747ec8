//! Reading and writing files safely: only regular files, bounded reads,
//! atomic writes that never replace an input of the run.
//!
//! - **Reading** opens only regular files: a FIFO would block the run
//!   forever and a device never ends. The file is checked before it is
//!   opened and again once open (opened without blocking, so a file swapped
//!   for a FIFO in between cannot stall either), and at most its limit (plus
//!   one byte) is read.
//! - **Writing** goes to a temporary file `.NAME.RANDOM.tmp` in the
//!   target's folder (tempfile's [`NamedTempFile`], which picks a name no
//!   file has, and removes the file when the write fails), synced, then
//!   renamed over the target ([`NamedTempFile::persist`]), so readers see the
//!   old file or the new one, never a part. The target must be a regular file
//!   or not exist yet: a symbolic link, a FIFO, a device or a folder is
//!   refused. The temporary is also removed when the process is interrupted
//!   ([`clean_up_on_signals`]), which tempfile cannot do.
//! - [`Inputs`] knows the files a run read, so that no output replaces one.

use crate::{Error, Result};
use std::collections::HashSet;
use std::fs::{File, FileType};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tempfile::NamedTempFile;

/// Gazetteer, lexicon and member-list files larger than this are refused:
/// the built-in ones are a few hundred kilobytes.
pub const MAX_DATA_FILE: u64 = 16 * 1024 * 1024;

/// What a file is, for messages: "a FIFO", "a symbolic link", "a folder"…
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let kind = std::fs::metadata(dir.path()).unwrap().file_type();
/// assert_eq!(diplograph::files::kind_of(kind), "a folder");
/// ```
pub fn kind_of(ft: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else if ft.is_symlink() {
        "a symbolic link"
    } else if ft.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Not a regular file; the kind it is.
    #[error("{0}, not a regular file")]
    NotRegular(&'static str),
    /// Larger than the limit; the size found.
    #[error("file too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { size: u64, limit: u64 },
}

/// Reads a regular file of at most `limit` bytes; never blocks on a FIFO
/// and never reads more than `limit + 1` bytes, whatever the file.
pub fn read_regular(path: &Path, limit: u64) -> std::result::Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    let file = open_without_blocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    let size = meta.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    read_bounded(file, limit, usize::try_from(size).unwrap_or(0))
}

/// Reads standard input to its end, at most `limit` bytes (reading
/// stops one byte past it).
pub fn read_stdin(limit: u64) -> std::result::Result<Vec<u8>, ReadError> {
    read_bounded(std::io::stdin().lock(), limit, 0)
}

/// Reads `source` to its end, refusing more than `limit` bytes; `size` is
/// what it is expected to hold.
fn read_bounded(
    source: impl Read,
    limit: u64,
    size: usize,
) -> std::result::Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(size);
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a data file (gazetteer, lexicon, member list, gold, graph) of at
/// most `limit` bytes as UTF-8 text.
pub fn read_text(path: &Path, limit: u64) -> Result<String> {
    let bytes = read_regular(path, limit).map_err(|e| match e {
        ReadError::Io(e) => Error::io(path, e),
        other => Error::data(path, other.to_string()),
    })?;
    String::from_utf8(bytes).map_err(|_| Error::data(path, "not UTF-8 text"))
}

/// Refuses a path that exists and is not a regular file (a symbolic link,
/// a FIFO, a device, a folder): outputs are written only as regular files.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// assert!(diplograph::files::check_output(&dir.path().join("new.dot")).is_ok());
/// let err = diplograph::files::check_output(dir.path()).unwrap_err().to_string();
/// assert!(err.contains("is a folder"), "{err}");
/// ```
pub fn check_output(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(m) => Err(Error::NotRegularOutput {
            path: path.to_path_buf(),
            kind: kind_of(m.file_type()),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Temporaries of the writes under way, removed on an interruption.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the lock was held leaves a list that is still valid.
    TEMPORARIES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the temporary files of the writes under way.
fn remove_temporaries() {
    for tmp in temporaries().drain(..) {
        let _ = std::fs::remove_file(tmp);
    }
}

/// Writes `bytes` to `path` atomically (see the module docs); `path` must
/// be a regular file or not exist.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("graph.dot");
/// diplograph::files::write_atomic(&path, b"graph {}").unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"graph {}");
/// assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary left");
/// ```
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] of what `write` streams into a buffered writer, so
/// that a large file is never held in memory whole. When `write` fails, the
/// temporary is removed and `path` is left as it was.
///
/// ```
/// use std::io::Write;
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("graph.dot");
/// diplograph::files::write_atomic_with(&path, |w| (0..3).try_for_each(|i| write!(w, "{i}"))).unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"012");
/// let failed = diplograph::files::write_atomic_with(&path, |_| Err(std::io::Error::other("no")));
/// assert!(failed.is_err());
/// assert_eq!(std::fs::read(&path).unwrap(), b"012", "left as it was");
/// assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary left");
/// ```
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    check_output(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::data(path, "not a file path"))?
        .to_string_lossy();
    // The temporary is listed before it exists, so that a signal never
    // leaves it behind; opened as any new file, with the usual permissions.
    let create = |tmp: &Path| {
        temporaries().push(tmp.to_path_buf());
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)
            .inspect_err(|_| temporaries().retain(|t| t != tmp))
    };
    let mut tmp: NamedTempFile = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .make_in(dir, create)
        .map_err(|e| Error::io(path, e))?;
    let listed = tmp.path().to_path_buf();
    // On failure the temporary is dropped, which removes it, before it
    // leaves the list.
    let written = {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(&mut buffered).and_then(|()| buffered.flush())
    };
    let result = match written.and_then(|()| tmp.as_file().sync_all()) {
        Ok(()) => tmp.persist(path).map(drop).map_err(|e| e.error),
        Err(e) => {
            drop(tmp);
            Err(e)
        }
    };
    temporaries().retain(|t| t != &listed);
    result.map_err(|e| Error::io(path, e))
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporaries of the writes
/// under way, then exits with 128 plus the signal's number (the code a
/// shell reports for a process the signal ended). Call it once, first
/// thing. Does nothing where there are no such signals.
pub fn clean_up_on_signals() -> Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            .map_err(|e| Error::io("signal handlers", e))?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_temporaries();
                std::process::exit(128 + signal);
            }
        });
    }
    Ok(())
}

/// The identity of a file, the same through any path or link to it.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok()
    }
}

/// The files a run read, so that no output replaces one of them.
///
/// ```
/// use diplograph::files::Inputs;
/// let dir = tempfile::tempdir().unwrap();
/// let graph = dir.path().join("graph.json");
/// std::fs::write(&graph, "{}").unwrap();
/// let inputs = Inputs::new([graph.as_path()]);
/// assert!(inputs.check_outputs(&[dir.path().join("graph.dot")]).is_ok());
/// let err = inputs.check_outputs(&[graph.clone()]).unwrap_err().to_string();
/// assert!(err.contains("an input of this run"), "{err}");
/// ```
#[derive(Debug, Default)]
pub struct Inputs {
    ids: HashSet<FileId>,
}

impl Inputs {
    /// The inputs at these paths (paths that cannot be read are left out).
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Self {
        Inputs {
            ids: paths.into_iter().filter_map(file_id).collect(),
        }
    }

    /// Refuses, before anything is written, every target that is an input
    /// or exists and is not a regular file.
    pub fn check_outputs(&self, targets: &[PathBuf]) -> Result<()> {
        for t in targets {
            check_output(t)?;
            if file_id(t).is_some_and(|id| self.ids.contains(&id)) {
                return Err(Error::OverwritesInput { path: t.clone() });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_reads_stop_past_the_limit() {
        assert_eq!(read_bounded(&b"abc"[..], 3, 3).unwrap(), b"abc");
        assert!(matches!(
            read_bounded(&b"abcdef"[..], 3, 0),
            Err(ReadError::TooLarge { size: 4, limit: 3 })
        ));
    }

    #[test]
    fn reads_refuse_folders_and_large_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotRegular("a folder"))
        ));
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x = 1\n").unwrap();
        assert_eq!(read_regular(&file, 6).unwrap(), b"x = 1\n");
        assert!(matches!(
            read_regular(&file, 5),
            Err(ReadError::TooLarge { size: 6, limit: 5 })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn reads_refuse_fifos_and_devices_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        assert!(matches!(
            read_regular(&fifo, 10),
            Err(ReadError::NotRegular("a FIFO"))
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a character device"))
        ));
    }

    #[test]
    fn a_temporary_left_by_an_earlier_process_does_not_block_a_write() {
        // A run killed outright leaves its temporary; in a container the
        // next run may well have the same process id.
        let dir = tempfile::tempdir().unwrap();
        let pid = std::process::id();
        for n in 0..1000 {
            let stale = dir.path().join(format!(".graph.dot.{pid}.{n}.tmp"));
            std::fs::write(stale, "stale").unwrap();
        }
        let path = dir.path().join("graph.dot");
        write_atomic(&path, b"graph {}").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"graph {}");
        // the others' files are left alone
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1001);
    }

    #[cfg(unix)]
    #[test]
    fn written_files_have_the_permissions_of_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").unwrap();
        let written = dir.path().join("graph.dot");
        write_atomic(&written, b"graph {}").unwrap();
        assert_eq!(mode(&written), mode(&plain));
    }

    #[cfg(unix)]
    #[test]
    fn writes_refuse_links_and_devices_and_leave_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "keep").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = write_atomic(&link, b"new").unwrap_err().to_string();
        assert!(err.contains("is a symbolic link"), "{err}");
        assert_eq!(std::fs::read(&real).unwrap(), b"keep");
        let fifo = dir.path().join("pipe.dot");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let err = write_atomic(&fifo, b"x").unwrap_err().to_string();
        assert!(err.contains("is a FIFO"), "{err}");
        // A write that fails (into a missing folder) leaves nothing either.
        assert!(write_atomic(&dir.path().join("none/graph.dot"), b"x").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
    }
}
