import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { WORKSPACE_FIXTURE } from '../helpers/fixturePaths';
import { positionOf } from '../helpers/marker';
import {
  answeredWhile,
  crossErrors,
  fileEvents,
  openDocument,
  published,
  RESPONSIVE_MS,
  startWorkspaceServer,
  type WorkspaceSession,
} from '../helpers/workspaceLsp';

/**
 * The shipped server over stdio, an open InstanceGroup (nodes.yaml, subnets us-east-1a and us-east-1c) whose
 * Cluster on disk (subnet us-east-1a only) changes under it: renamed, named again, joined by a second Cluster of
 * the same name, moved to another folder with its subnet renamed, deleted with its folder. After each change the
 * InstanceGroup's diagnostics follow the Cluster it now has (none when the name matches none or two), and the
 * open document's hover and completion are answered within a second all along.
 */

const CLUSTER = readFileSync(join(WORKSPACE_FIXTURE, 'cluster.yaml'), 'utf8');
const NODES = readFileSync(join(WORKSPACE_FIXTURE, 'nodes.yaml'), 'utf8');
const RENAMED = CLUSTER.replace(/workspace\.example\.com/g, 'renamed.example.com');
/** The Cluster's only subnet renamed to us-east-1c: nodes.yaml's us-east-1a is the one missing. */
const SUBNET_1C_ONLY = CLUSTER.replace('    name: us-east-1a\n', '    name: us-east-1c\n');
const lineOf = (subnet: string) => positionOf(NODES, `- ${subnet}`).line;

/** The one cross-file error, on the line of the subnet the Cluster lacks. */
const missing = (subnet: string) => (d: Diagnostic[]) =>
  crossErrors(d).length === 1 && crossErrors(d)[0].range.start.line === lineOf(subnet);
const unlinked = (d: Diagnostic[]) => crossErrors(d).length === 0;

describe('the stdio server: an open InstanceGroup whose Cluster changes on disk', function () {
  this.timeout(120_000);
  let root: string;
  let session: WorkspaceSession;
  const path = (name: string) => join(root, name);
  const nodes = () => path('instancegroups/nodes.yaml');
  const write = (name: string, text: string) => {
    mkdirSync(dirname(path(name)), { recursive: true });
    writeFileSync(path(name), text);
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kops-spec-changes-'));
    write('clusters/cluster.yaml', CLUSTER);
    write('instancegroups/nodes.yaml', NODES);
    session = await startWorkspaceServer(root);
  });
  after(async () => {
    if (session) assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
    rmSync(root, { recursive: true, force: true });
  });

  /** Runs `change`, then waits for nodes.yaml's diagnostics to satisfy `expected` while asking hover and completion. */
  async function expectAfter(change: () => Promise<void>, expected: (d: Diagnostic[]) => boolean): Promise<void> {
    const diagnostics = published(session, nodes(), expected);
    await change();
    const { slowestMs } = await answeredWhile(session, { path: nodes(), position: positionOf(NODES, 'machineType') }, diagnostics);
    assert.ok(slowestMs <= RESPONSIVE_MS, `a request waited ${slowestMs} ms`);
  }

  it('follows the Cluster through rename, a namesake, a move and deletion, answering other requests at once', async () => {
    await expectAfter(() => openDocument(session, nodes(), NODES), missing('us-east-1c'));

    // Renamed: the label names no Cluster, so nothing is said across files.
    write('clusters/cluster.yaml', RENAMED);
    await expectAfter(() => fileEvents(session, [['changed', path('clusters/cluster.yaml')]]), unlinked);
    write('clusters/cluster.yaml', CLUSTER);
    await expectAfter(() => fileEvents(session, [['changed', path('clusters/cluster.yaml')]]), missing('us-east-1c'));

    // Two Clusters of that name: it cannot be told which is meant, so nothing is said.
    write('twin/cluster.yaml', SUBNET_1C_ONLY);
    await expectAfter(() => fileEvents(session, [['created', path('twin/cluster.yaml')]]), unlinked);
    rmSync(path('twin'), { recursive: true });
    await expectAfter(() => fileEvents(session, [['deleted', path('twin')]]), missing('us-east-1c'));

    // Moved to another folder in one step (the watcher reports both at once), its subnet renamed on the way.
    mkdirSync(path('moved'));
    renameSync(path('clusters/cluster.yaml'), path('moved/cluster.yaml'));
    writeFileSync(path('moved/cluster.yaml'), SUBNET_1C_ONLY);
    await expectAfter(
      () =>
        fileEvents(session, [
          ['deleted', path('clusters/cluster.yaml')],
          ['created', path('moved/cluster.yaml')],
        ]),
      missing('us-east-1a'),
    );

    // Its folder deleted: the Cluster is gone.
    rmSync(path('moved'), { recursive: true });
    await expectAfter(() => fileEvents(session, [['deleted', path('moved')]]), unlinked);

    assert.deepEqual(session.errorLogs, []);
    assert.equal(session.stderr(), '');
  });
});
