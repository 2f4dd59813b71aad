import { readFileSync, statSync } from 'fs';

/** Spec files are small; anything past this is not a hand-written kops spec. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type SourceText = { text: string } | { binary: true } | { problem: string };

/** Reads a file as UTF-8 text (BOM dropped, like editors do), refusing binary and oversized files. */
export function readSource(path: string): SourceText {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      return { problem: `${path} is ${(size / 1048576).toFixed(1)} MiB; kops-spec checks files up to ${MAX_FILE_BYTES / 1048576} MiB` };
    }
    const bytes = readFileSync(path);
    if (bytes.includes(0)) return { binary: true };
    return { text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason =
      e?.code === 'ENOENT'
        ? 'no such file'
        : e?.code === 'EACCES'
          ? 'permission denied'
          : e?.code === 'EISDIR'
            ? 'is a folder'
            : e?.message;
    return { problem: `cannot read ${path}: ${reason}` };
  }
}
