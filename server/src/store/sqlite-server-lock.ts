import fs from 'node:fs';

/** Another live server process already serves this SQLite file. */
export class StoreInUseError extends Error {
  override readonly name = 'StoreInUseError';
}

/**
 * SQLite has one writer and the live feed fans out in-process, so two server processes on one file would each
 * miss the other's live pushes. The server therefore holds `<file>.server.lock` (its pid, created exclusively)
 * while it serves; a second server finds it, checks the pid is alive, and refuses with a sentence. A lock left
 * by a killed process (its pid no longer runs) is taken over. The importer and other CLI commands on the same
 * file do not take it: they write through the store, which SQLite serialises.
 */
export function holdSqliteServerLock(sqliteFile: string): () => void {
  const lockFile = `${sqliteFile}.server.lock`;
  if (heldHere.has(lockFile)) throw inUse(process.pid, sqliteFile);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      heldHere.add(lockFile);
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(lockFile);
        try {
          if (readPid(lockFile) === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(lockFile);
    if (holder !== null && holder !== process.pid && isAlive(holder)) throw inUse(holder, sqliteFile);
    // Stale: its process is gone (or the file is unreadable). Remove it and try again.
    fs.rmSync(lockFile, { force: true });
  }
  throw new StoreInUseError(`Could not take the server lock ${lockFile}; another server keeps taking it.`);
}

/** Lock files this process holds (a second server started in the same process is refused too). */
const heldHere = new Set<string>();

function inUse(holder: number, sqliteFile: string): StoreInUseError {
  return new StoreInUseError(
    `Another Sidekick server (pid ${holder}) already serves ${sqliteFile}. SQLite serves one instance ` +
      'only; stop that server, give this one its own --data-dir, or run several instances on PostgreSQL ' +
      '(DATABASE_URL, see docs/running-several-instances.md).',
  );
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
