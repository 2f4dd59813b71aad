// The cross-file fixture: a workspace of 500 kops files, each Cluster in a file of its own beside one file per
// InstanceGroup (as a repository of specs written apart lays them out), and the same first group alone in a
// workspace of its own. The server links the groups to their Cluster over files.
import fs from 'node:fs';
import path from 'node:path';
import { clusterCopies, FIXTURES_DIR, type Position } from './mkfixtures';

export const WORKSPACE_FILES = 500;
export const GROUPS_PER_CLUSTER = 40;

export interface WorkspaceFixture {
  /** The 500-file workspace folder. */
  dir: string;
  /** A folder holding only `probe` (the same relative path). */
  aloneDir: string;
  files: number;
  /** The first InstanceGroup of c0: its Cluster is in another file, so opening it makes the server index the folder. */
  probe: string;
  /** c0's Cluster file, and its 40 InstanceGroup files (relative paths). */
  cluster: string;
  groups: string[];
  /** End of the Cluster's `  channel: stable` line: the harness toggles a trailing space there. */
  clusterEdit: Position;
}

const groupFile = (c: number, g: number) => `c${c}/ig-${String(g).padStart(2, '0')}.kops.yaml`;

function workspaceTexts(): Map<string, string> {
  const { copy, igsOf } = clusterCopies();
  const texts = new Map<string, string>();
  for (let c = 0; texts.size < WORKSPACE_FILES; c++) {
    texts.set(`c${c}/cluster.kops.yaml`, copy(c));
    igsOf(c).forEach((ig, g) => {
      if (texts.size < WORKSPACE_FILES) texts.set(groupFile(c, g), ig);
    });
  }
  return texts;
}

function writeAll(dir: string, texts: Map<string, string>): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of texts) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

export function writeWorkspace(outDir = FIXTURES_DIR): WorkspaceFixture {
  const texts = workspaceTexts();
  const dir = path.join(outDir, 'workspace500');
  const aloneDir = path.join(outDir, 'workspace1');
  const probe = groupFile(0, 0);
  writeAll(dir, texts);
  writeAll(aloneDir, new Map([[probe, texts.get(probe)!]]));
  const cluster = 'c0/cluster.kops.yaml';
  const lines = texts.get(cluster)!.split('\n');
  const edit = lines.indexOf('  channel: stable');
  if (edit < 0) throw new Error(`${cluster}: no '  channel: stable' line`);
  return {
    dir,
    aloneDir,
    files: texts.size,
    probe,
    cluster,
    groups: Array.from({ length: GROUPS_PER_CLUSTER }, (_, g) => groupFile(0, g)),
    clusterEdit: { line: edit, character: lines[edit].length },
  };
}
