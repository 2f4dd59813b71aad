import { readFileSync, statSync } from 'fs';

/** Spec files are small; anything past this is not a hand-written kops spec. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type SourceText = { text: string } | { binary: true } | { problem: string };

const tooLarge = (path: string, bytes: number): SourceText => ({
  problem: `${path} is ${(bytes / 1048576).toFixed(1)} MiB; kops-spec checks files up to ${MAX_FILE_BYTES / 1048576} MiB`,
});

/** Why a file or folder could not be read, in a few words. */
export function readFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'a loop of symbolic links';
    default:
      return e?.message ?? String(err);
  }
}

/**
 * Reads a file as UTF-8 text (BOM dropped, like editors do), refusing binary and oversized files, and anything
 * but a regular file: a FIFO nobody writes to would block the run, a device such as /dev/zero never ends.
 */
export function readSource(path: string): SourceText {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { problem: `${path} is not a regular file (a FIFO, socket or device); kops-spec reads YAML files` };
    if (stat.size > MAX_FILE_BYTES) return tooLarge(path, stat.size);
    const bytes = readFileSync(path);
    if (bytes.length > MAX_FILE_BYTES) return tooLarge(path, bytes.length);
    if (bytes.includes(0)) return { binary: true };
    return { text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (err) {
    return { problem: `cannot read ${path}: ${readFailure(err)}` };
  }
}
