//! Files concord keeps between runs: where its cache lives, and how a file is written so a
//! reader never sees half of it. Shared by the model store, the embedding cache and the
//! cluster cache, which live in different stages but under one root.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// concord's cache root: `CONCORD_CACHE_DIR` if set, else the user cache dir + `concord`.
pub fn default_cache_root() -> Option<PathBuf> {
    match std::env::var_os("CONCORD_CACHE_DIR") {
        Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => dirs::cache_dir().map(|d| d.join("concord")),
    }
}

/// Write via a temporary sibling and rename, so readers never see half a file.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
