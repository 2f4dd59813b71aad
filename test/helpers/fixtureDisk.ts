import { basename, dirname } from 'path';
import { nodeDisk, type Disk } from '../../server/src/session/disk';

/**
 * A repository fixture folder read through the real file system, with the changes a test makes to it kept in
 * memory (unit tests write nothing): files written or deleted, unreadable files, sizes. Counts the reads.
 */
export class FixtureDisk implements Disk {
  reads = 0;
  private readonly written = new Map<string, string>();
  private readonly deleted = new Set<string>();
  private readonly unreadable = new Set<string>();
  private readonly sizes = new Map<string, number>();

  write(path: string, text: string): void {
    this.deleted.delete(path);
    this.written.set(path, text);
  }

  /** Deletes a file, or a folder with everything below it. */
  delete(path: string): void {
    this.written.delete(path);
    this.deleted.add(path);
  }

  /** Reading the file fails as it does without permission. */
  denyRead(path: string): void {
    this.unreadable.add(path);
  }

  /** The file claims this size (a file too large to index, without writing one). */
  pretendSize(path: string, bytes: number): void {
    this.sizes.set(path, bytes);
  }

  async list(folder: string): Promise<Array<{ name: string; folder: boolean; file: boolean }>> {
    if (this.isDeleted(folder)) throw enoent(folder);
    const onDisk = await nodeDisk.list(folder).catch(() => []);
    const kept = onDisk.filter((e) => !this.isDeleted(`${folder}/${e.name}`));
    const added = [...this.written.keys()]
      .filter((path) => dirname(path) === folder && !kept.some((e) => e.name === basename(path)))
      .map((path) => ({ name: basename(path), folder: false, file: true }));
    return [...kept, ...added];
  }

  async fileSize(path: string): Promise<number | undefined> {
    if (this.isDeleted(path)) throw enoent(path);
    const written = this.written.get(path);
    const size = written === undefined ? await nodeDisk.fileSize(path) : Buffer.byteLength(written);
    return size === undefined ? undefined : (this.sizes.get(path) ?? size);
  }

  async read(path: string): Promise<Uint8Array> {
    this.reads++;
    if (this.isDeleted(path)) throw enoent(path);
    if (this.unreadable.has(path)) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    const written = this.written.get(path);
    return written === undefined ? nodeDisk.read(path) : Buffer.from(written);
  }

  private isDeleted(path: string): boolean {
    return [...this.deleted].some((gone) => path === gone || path.startsWith(`${gone}/`));
  }
}

const enoent = (path: string) => Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
