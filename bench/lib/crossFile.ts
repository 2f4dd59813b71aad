// Cross-file validation (kops-spec only; yaml-language-server has nothing like it): whether indexing a workspace
// of 500 kops files delays the first diagnostics of the file just opened, and how long an edit of a Cluster
// takes to re-check its 40 InstanceGroups open in files of their own.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFixture } from '../workspaceFixture';
import { OpenDocument, startServer } from './serverProcess';
import type { ServerSpec } from './servers';
import { distribution, reason, series, type Budget, type Metric } from './stats';

export const CROSS_FILE_METRICS = ['openAloneMs', 'openInWorkspaceMs', 'clusterEditToGroupsMs'] as const;
export type CrossFileMetric = (typeof CROSS_FILE_METRICS)[number];

export interface CrossFileOptions {
  /** Fresh processes per workspace (alone and 500 files, interleaved). */
  coldStarts: number;
  editRuns: number;
  budget: Budget;
}

const ORIGIN = { line: 0, character: 0 };

/** A fresh server on `dir`, `file` opened: didOpen → its first diagnostics. */
async function openToFirstDiagnostics(spec: ServerSpec, dir: string, file: string): Promise<number> {
  const server = await startServer(spec, dir);
  try {
    const uri = pathToFileURL(path.join(dir, file)).href;
    const published = server.client.nextDiagnostics(uri);
    const t0 = performance.now();
    new OpenDocument(server, uri, fs.readFileSync(path.join(dir, file), 'utf8'), ORIGIN).open();
    await published;
    return performance.now() - t0;
  } finally {
    await server.client.stop();
  }
}

async function coldOpens(
  spec: ServerSpec,
  ws: WorkspaceFixture,
  runs: number,
): Promise<Record<'openAloneMs' | 'openInWorkspaceMs', Metric>> {
  const alone: number[] = [];
  const inWorkspace: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      alone.push(await openToFirstDiagnostics(spec, ws.aloneDir, ws.probe));
      inWorkspace.push(await openToFirstDiagnostics(spec, ws.dir, ws.probe));
    }
  } catch (e) {
    return { openAloneMs: { na: reason(e) }, openInWorkspaceMs: { na: reason(e) } };
  }
  return { openAloneMs: distribution(alone), openInWorkspaceMs: distribution(inWorkspace) };
}

/** One server on the workspace with the Cluster and its 40 groups open: Cluster edit → every group's new diagnostics. */
async function clusterEdits(spec: ServerSpec, ws: WorkspaceFixture, opts: CrossFileOptions): Promise<Metric> {
  const server = await startServer(spec, ws.dir);
  const { client } = server;
  try {
    const open = (file: string, editAt = ORIGIN) => {
      const uri = pathToFileURL(path.join(ws.dir, file)).href;
      const doc = new OpenDocument(server, uri, fs.readFileSync(path.join(ws.dir, file), 'utf8'), editAt);
      const published = client.nextDiagnostics(uri);
      doc.open();
      return { doc, published };
    };
    const cluster = open(ws.cluster, ws.clusterEdit);
    const groups = ws.groups.map((file) => open(file));
    await Promise.all([cluster.published, ...groups.map((g) => g.published)]);
    for (const g of [cluster, ...groups]) await client.settle(g.doc.uri, 1_000); // the index has linked the workspace
    return await series(
      opts.editRuns,
      async () => {
        const rechecked = groups.map((g) => client.nextDiagnostics(g.doc.uri));
        const t0 = performance.now();
        cluster.doc.toggleEdit();
        await Promise.all(rechecked);
        return performance.now() - t0;
      },
      opts.budget,
    );
  } catch (e) {
    return { na: reason(e) };
  } finally {
    await client.stop();
  }
}

export async function measureCrossFile(
  spec: ServerSpec,
  ws: WorkspaceFixture,
  opts: CrossFileOptions,
): Promise<Record<CrossFileMetric, Metric>> {
  return { ...(await coldOpens(spec, ws, opts.coldStarts)), clusterEditToGroupsMs: await clusterEdits(spec, ws, opts) };
}
