import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { YamlDocument } from '../../server/src/engine/document/documents';
import { rethrow } from '../../server/src/engine/errorBoundary';
import { stringAt } from '../../server/src/engine/kops/goValues';
import { DiagnosticsService } from '../../server/src/session/diagnosticsService';
import { FileStore, type TextSource } from '../../server/src/session/fileStore';
import { nextTurn } from '../../server/src/session/timeSlice';
import { Workspace } from '../../server/src/session/workspace';
import type { IndexLimits } from '../../server/src/session/workspaceIndex';
import { FixtureDisk } from '../helpers/fixtureDisk';
import { WORKSPACE_FIXTURE as ROOT } from '../helpers/fixturePaths';

const at = (name: string) => join(ROOT, name);
const uriOf = (name: string) => pathToFileURL(at(name)).href;
const fixtureText = (name: string) => readFileSync(at(name), 'utf8');
const CLUSTER = fixtureText('cluster.yaml');
const NODES = fixtureText('nodes.yaml');
const WITH_SUBNET_1C = CLUSTER.replace(
  '    zone: us-east-1a\n',
  '    zone: us-east-1a\n  - cidr: 10.20.0.0/16\n    name: us-east-1c\n    type: Public\n    zone: us-east-1c\n',
);

/**
 * The server's session state over the fixture folder: open documents, the workspace index, diagnostics; the
 * documents handed to `recheck` are checked again, as the server does for a client it pushes diagnostics to.
 */
function session(limits: Partial<IndexLimits> = { sliceMs: 0 }) {
  const disk = new FixtureDisk();
  const docs = new Map<string, TextSource>();
  const store = new FileStore((uri) => docs.get(uri));
  const rechecked: string[][] = [];
  const recheck = (uris: readonly string[]) => {
    rechecked.push([...uris].sort());
    for (const uri of uris) void service.check(uri);
  };
  const workspace = new Workspace(store, recheck, { error: rethrow, info: () => undefined }, { disk, limits });
  const service = new DiagnosticsService(store, () => ({}), rethrow, { related: workspace, foreground: workspace.foreground });
  return {
    disk,
    store,
    workspace,
    service,
    rechecked,
    open(uri: string, text: string) {
      docs.set(uri, { version: 1, getText: () => text });
      store.opened(uri, text.length);
    },
    edit(uri: string, text: string) {
      docs.set(uri, { version: docs.get(uri)!.version + 1, getText: () => text });
      store.changed(uri, text.length);
    },
    close(uri: string) {
      docs.delete(uri);
      store.delete(uri);
      workspace.closed(uri);
    },
    /** The Cluster the document's first InstanceGroup is linked to, as its diagnostics see it. */
    async clusterOf(uri: string): Promise<YamlDocument | undefined> {
      const { snapshot } = (await service.check(uri))!;
      const group = snapshot.file.documents.find((d) => d.kops?.kind === 'InstanceGroup')!;
      return workspace.links(uri, snapshot.file).clusterOf(group);
    },
    /** The paths of the document's findings that its Cluster lacks a subnet it names. */
    async missingSubnets(uri: string): Promise<string[]> {
      const { findings } = (await service.check(uri))!;
      return findings.filter((f) => f.code === 'kops-instancegroup-cluster').map((f) => `${f.path} ${f.kops?.type}`);
    },
  };
}

/** Lets the background work (indexing, the pass over open documents) run to its end. */
async function settle(s: ReturnType<typeof session>): Promise<void> {
  for (let turn = 0; turn < 10; turn++) {
    await s.workspace.indexingDone();
    await nextTurn();
  }
}

const subnetsOf = (cluster: YamlDocument | undefined) => [0, 1].map((i) => stringAt(cluster!, ['spec', 'subnets', i, 'name']));

describe('diagnostics across the workspace', () => {
  it('checks an open document at once, then again once the index finds its Cluster', async () => {
    const s = session();
    s.workspace.foldersChanged([pathToFileURL(ROOT).href], []);
    s.open(uriOf('nodes.yaml'), NODES);
    assert.deepEqual(await s.missingSubnets(uriOf('nodes.yaml')), []);
    assert.equal(s.workspace.indexed.size, 0, 'checked before the index read a file');
    await settle(s);
    assert.deepEqual(s.rechecked, [[uriOf('nodes.yaml')]]);
    assert.deepEqual(subnetsOf(await s.clusterOf(uriOf('nodes.yaml'))), ['us-east-1a', undefined]);
    assert.deepEqual(await s.missingSubnets(uriOf('nodes.yaml')), ['spec.subnets[1] NotFound']);
  });

  it('a code action asking for the findings meanwhile does not stop the re-check once the index finds the Cluster', async () => {
    const s = session({ sliceMs: 60_000 }); // the index tells what it read only once it is done
    s.workspace.foldersChanged([pathToFileURL(ROOT).href], []);
    s.open(uriOf('nodes.yaml'), NODES);
    assert.deepEqual(await s.missingSubnets(uriOf('nodes.yaml')), [], 'the diagnostics the client shows lack the Cluster');
    while (!s.workspace.indexed.has(at('cluster.yaml'))) await nextTurn();
    const forFixes = await s.service.findings(uriOf('nodes.yaml'));
    assert.equal(forFixes?.findings.filter((f) => f.code === 'kops-instancegroup-cluster').length, 1);
    await settle(s);
    assert.deepEqual(s.rechecked, [[uriOf('nodes.yaml')]]);
  });

  it('reads no file of the workspace while every open InstanceGroup has its Cluster in its own file', async () => {
    const s = session();
    s.workspace.foldersChanged([pathToFileURL(ROOT).href], []);
    s.open(uriOf('whole.yaml'), `${CLUSTER}---\n${NODES}`);
    await s.service.check(uriOf('whole.yaml'));
    await settle(s);
    assert.equal(s.workspace.indexed.size, 0);
    s.open(uriOf('nodes.yaml'), NODES);
    await s.service.check(uriOf('nodes.yaml'));
    await settle(s);
    assert.ok(s.workspace.indexed.size > 0, 'an InstanceGroup without its Cluster starts the index');
  });

  it('links to an open document rather than its disk copy, and to the disk copy again once it is closed', async () => {
    const s = session();
    s.workspace.foldersChanged([pathToFileURL(ROOT).href], []);
    s.open(uriOf('nodes.yaml'), NODES);
    s.open(uriOf('cluster.yaml'), WITH_SUBNET_1C);
    await s.service.check(uriOf('cluster.yaml'));
    assert.deepEqual(subnetsOf(await s.clusterOf(uriOf('nodes.yaml'))), ['us-east-1a', 'us-east-1c']);
    assert.deepEqual(await s.missingSubnets(uriOf('nodes.yaml')), []);
    await settle(s);
    s.rechecked.length = 0;
    s.close(uriOf('cluster.yaml'));
    await settle(s);
    assert.deepEqual(s.rechecked, [[uriOf('nodes.yaml')]]);
    assert.deepEqual(subnetsOf(await s.clusterOf(uriOf('nodes.yaml'))), ['us-east-1a', undefined]);
    assert.deepEqual(await s.missingSubnets(uriOf('nodes.yaml')), ['spec.subnets[1] NotFound']);
  });

  it('re-checks the open InstanceGroups when their Cluster changes on disk or goes away', async () => {
    const s = session();
    s.workspace.foldersChanged([pathToFileURL(ROOT).href], []);
    s.open(uriOf('nodes.yaml'), NODES);
    await s.service.check(uriOf('nodes.yaml'));
    await settle(s);
    await s.service.check(uriOf('nodes.yaml'));
    s.rechecked.length = 0;

    s.disk.write(at('cluster.yaml'), WITH_SUBNET_1C);
    s.workspace.filesChanged([{ uri: uriOf('cluster.yaml'), kind: 'changed' }]);
    await settle(s);
    assert.deepEqual(s.rechecked, [[uriOf('nodes.yaml')]]);
    assert.deepEqual(subnetsOf(await s.clusterOf(uriOf('nodes.yaml'))), ['us-east-1a', 'us-east-1c']);

    s.disk.delete(at('cluster.yaml'));
    s.workspace.filesChanged([{ uri: uriOf('cluster.yaml'), kind: 'deleted' }]);
    await settle(s);
    assert.deepEqual(s.rechecked, [[uriOf('nodes.yaml')], [uriOf('nodes.yaml')]]);
    assert.equal(await s.clusterOf(uriOf('nodes.yaml')), undefined);
  });

  it('re-checks 40 open InstanceGroups after a Cluster edit from the cache, without parsing them again', async () => {
    const s = session();
    const groups = Array.from({ length: 40 }, (_, i) => `file:///virtual/nodes-${i}.yaml`);
    s.open('file:///virtual/cluster.yaml', CLUSTER);
    groups.forEach((uri, i) => s.open(uri, NODES.replace('name: nodes', `name: nodes-${i}`)));
    for (const uri of ['file:///virtual/cluster.yaml', ...groups]) await s.service.check(uri);
    await settle(s);
    s.rechecked.length = 0;
    const parses = groups.map((uri) => s.store.latest(uri));

    s.edit('file:///virtual/cluster.yaml', WITH_SUBNET_1C);
    await s.service.check('file:///virtual/cluster.yaml');
    const checksBefore = s.service.checks;
    await settle(s);
    assert.deepEqual(s.rechecked, [[...groups].sort()]);
    for (const uri of groups) assert.deepEqual(subnetsOf(await s.clusterOf(uri)), ['us-east-1a', 'us-east-1c']);
    assert.equal(s.service.checks - checksBefore, 40, 'one check each, against the new Cluster; their own findings come from the cache');
    assert.deepEqual(
      groups.map((uri) => s.store.latest(uri)),
      parses,
      'no InstanceGroup is parsed again',
    );
  });

  it('re-checks the Cluster when one of its InstanceGroups is edited, and nothing for an unrelated edit', async () => {
    const s = session();
    s.open('file:///virtual/cluster.yaml', CLUSTER);
    s.open('file:///virtual/nodes.yaml', NODES);
    s.open('file:///virtual/other.yaml', CLUSTER.replace(/workspace\.example\.com/g, 'other.example.com'));
    for (const uri of ['cluster', 'nodes', 'other'].map((n) => `file:///virtual/${n}.yaml`)) await s.service.check(uri);
    await settle(s);
    s.rechecked.length = 0;

    s.edit('file:///virtual/nodes.yaml', NODES.replace('maxSize: 3', 'maxSize: 4'));
    await s.service.check('file:///virtual/nodes.yaml');
    await settle(s);
    assert.deepEqual(s.rechecked, [['file:///virtual/cluster.yaml']]);
    await s.service.check('file:///virtual/cluster.yaml');

    s.edit('file:///virtual/other.yaml', CLUSTER.replace(/workspace\.example\.com/g, 'other.example.com').replace('stable', 'alpha'));
    await s.service.check('file:///virtual/other.yaml');
    await settle(s);
    assert.deepEqual(s.rechecked, [['file:///virtual/cluster.yaml']], 'nothing more');
  });
});
