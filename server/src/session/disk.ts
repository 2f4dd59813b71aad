import { promises as fs } from 'fs';

/** One entry of a folder listing. Symlinked folders are neither `folder` nor `file`: the index does not follow them. */
export interface DiskEntry {
  name: string;
  folder: boolean;
  /** A file or a link to one (reading it tells which). */
  file: boolean;
}

/** The file system calls the workspace index makes (the server passes `nodeDisk`; tests a view of a fixture folder). */
export interface Disk {
  list(folder: string): Promise<DiskEntry[]>;
  /** Size in bytes of a regular file (links followed); undefined for anything else. */
  fileSize(path: string): Promise<number | undefined>;
  read(path: string): Promise<Uint8Array>;
}

export const nodeDisk: Disk = {
  async list(folder) {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, folder: e.isDirectory(), file: e.isFile() || e.isSymbolicLink() }));
  },
  async fileSize(path) {
    const stat = await fs.stat(path);
    return stat.isFile() ? stat.size : undefined;
  },
  read: (path) => fs.readFile(path),
};
