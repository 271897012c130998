import { statfsSync, watch, type FSWatcher } from 'node:fs';
import { basename } from 'node:path';

/**
 * Whether anything in a folder changed since the last `take()`, from an fs.watch on it, for a cache
 * that then needs no stat per file. Any event at all counts, whatever name it carries: inotify drops
 * events silently when its queue overflows, and the events before an overflow are still a change. Only where that can be trusted: Linux's inotify queues an event in
 * the same system call that changes the file, so one event-loop turn after a later read of the folder
 * it has been seen (see `MigrationFolderCache`). FSEvents (macOS) delivers with a latency, and network
 * or FUSE file systems do not report changes made elsewhere: there `watchFolder` returns null and the
 * caller stats every file.
 */
export interface FolderWatch {
  /** False once the watcher failed or was closed: nothing it says can be trusted any more. */
  readonly alive: boolean;
  /** True when an event came since the last take (or since the watch started); then forgets it. */
  take(): boolean;
  close(): void;
}

// statfs f_type of local file systems whose changes all pass through this kernel's inotify.
const localFileSystems = new Set([
  0xef53, // ext2/3/4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x01021994, // tmpfs
  0x794c7630, // overlayfs (containers)
  0x2fc12fc1, // zfs
  0xf2f52010, // f2fs
  0x3153464a, // jfs
  0x52654973, // reiserfs
]);

function inotifyTrusted(dir: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return localFileSystems.has(statfsSync(dir).type);
  } catch {
    return false;
  }
}

export function watchFolder(dir: string): FolderWatch | null {
  if (!inotifyTrusted(dir)) return null;
  let watcher: FSWatcher;
  try {
    // Not persistent: a watch never keeps the CLI or a test process alive.
    watcher = watch(dir, { persistent: false });
  } catch {
    return null; // e.g. ENOSPC: the user's inotify watch limit is reached
  }
  let alive = true;
  let changed = false;
  const stop = () => {
    alive = false;
    watcher.close();
  };
  const folderName = basename(dir);
  watcher.on('change', (_event, name) => {
    changed = true;
    // An event about the folder itself (libuv names it by the folder's own name): it was removed or
    // moved, and a folder made again at its path, maybe with the same inode number, is not watched.
    if (name === folderName) stop();
  });
  watcher.on('error', stop);
  return {
    get alive() {
      return alive;
    },
    take() {
      const taken = changed;
      changed = false;
      return taken;
    },
    close: stop,
  };
}
