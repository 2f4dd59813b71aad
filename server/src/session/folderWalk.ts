import { isAbsolute, join, relative, sep } from 'path';
import { compareText } from '../engine';
import type { Disk } from './disk';

const YAML_FILE = /\.ya?ml$/i;

/** Folders the index never enters: dependencies, version control, and every dot-folder (.git, .terraform, .venv…). */
export const isSkippedFolder = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

/** The path below `root`, split in segments; undefined when it is not below it. */
function segmentsBelow(root: string, path: string): string[] | undefined {
  const rel = relative(root, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep);
}

/** Whether `path` is below `root`, or is `root` itself. */
export const isWithin = (root: string, path: string): boolean => path === root || segmentsBelow(root, path) !== undefined;

/** Whether the index keeps `path`: a YAML file below one of the roots and outside every skipped folder. */
export function isIndexable(path: string, roots: readonly string[]): boolean {
  if (!YAML_FILE.test(path)) return false;
  return roots.some((root) => {
    const segments = segmentsBelow(root, path);
    return segments !== undefined && !segments.slice(0, -1).some(isSkippedFolder);
  });
}

export interface Listing {
  folders: string[];
  yamlFiles: string[];
  /** Entries the folder holds (what listing it cost). */
  entries: number;
}

/** One folder's subfolders to walk and YAML files to read, sorted by name; an unreadable folder lists nothing. */
export async function listFolder(disk: Disk, folder: string): Promise<Listing> {
  try {
    const entries = (await disk.list(folder)).sort((a, b) => compareText(a.name, b.name));
    return {
      folders: entries.filter((e) => e.folder && !isSkippedFolder(e.name)).map((e) => join(folder, e.name)),
      yamlFiles: entries.filter((e) => e.file && YAML_FILE.test(e.name)).map((e) => join(folder, e.name)),
      entries: entries.length,
    };
  } catch {
    return { folders: [], yamlFiles: [], entries: 0 };
  }
}
