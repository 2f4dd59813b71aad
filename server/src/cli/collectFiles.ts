import { readdirSync, statSync, type Dirent } from 'fs';
import { join } from 'path';
import { compareText } from '../engine';
import { readFailure } from './readSource';

/** A file to check; `fromFolder` files are checked only when they turn out to hold kops documents. */
export interface Candidate {
  path: string;
  fromFolder: boolean;
}

export interface Collected {
  candidates: Candidate[];
  problems: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

/** YAML files under `folder`, sorted, symlinked folders not followed (no cycles). */
function walk(folder: string, out: Candidate[], problems: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    problems.push(`cannot read folder ${folder}: ${readFailure(err)}`);
    return;
  }
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, out, problems);
    } else if (YAML_FILE.test(entry.name) && (entry.isFile() || isFileBehindLink(entry, path))) {
      out.push({ path, fromFolder: true });
    }
  }
}

function isFileBehindLink(entry: Dirent, path: string): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Expands the PATH arguments: files as given, folders searched recursively. */
export function collectFiles(paths: readonly string[]): Collected {
  const candidates: Candidate[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path, candidates, problems);
      else candidates.push({ path, fromFolder: false });
    } catch (err) {
      problems.push(`cannot read ${path}: ${readFailure(err)}`);
    }
  }
  return { candidates, problems };
}
