"""Putting a rebuilt warehouse file in place of the old one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

BUILDING_SUFFIX = ".rebuilding"  # the new file while it is built, beside the old one
BACKUP_SUFFIX = ".bak"  # the old file once the new one is in place


def building_path(db: Path) -> Path:
    """Where the new file of `db` is built before it is swapped in."""
    return db.with_name(db.name + BUILDING_SUFFIX)


def swap_in(built: Path, db: Path) -> Path | None:
    """Put the rebuilt file in place of the old one with one rename; the old file (and a WAL it may
    have left) is kept as .bak. Returns the backup's path."""
    backup = db.with_name(db.name + BACKUP_SUFFIX)
    wal, backup_wal = db.with_name(db.name + ".wal"), backup.with_name(backup.name + ".wal")
    backup.unlink(missing_ok=True)
    backup_wal.unlink(missing_ok=True)
    if wal.exists():  # never leave the old file's log beside the new file
        os.replace(wal, backup_wal)
    had_old = db.exists()
    if had_old:
        try:
            os.link(db, backup)
        except OSError:  # a file system without hard links
            shutil.copy2(db, backup)
    os.replace(built, db)
    return backup if had_old else None
