import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join, relative } from 'path';
import type { ParsedFile, YamlDocument } from '../../server/src/engine/document/documents';
import { stringAt } from '../../server/src/engine/kops/goValues';
import { linkSpecs } from '../../server/src/engine/kops/specLinks';
import { Foreground } from '../../server/src/session/foreground';
import { nextTurn } from '../../server/src/session/timeSlice';
import { WorkspaceIndex, type IndexLimits } from '../../server/src/session/workspaceIndex';
import { FixtureDisk } from '../helpers/fixtureDisk';
import { REPO_ROOT, WORKSPACE_FIXTURE as ROOT } from '../helpers/fixturePaths';

const at = (name: string) => join(ROOT, name);
const fixtureText = (name: string) => readFileSync(at(name), 'utf8');
const SUBNET_1C = '  - cidr: 10.20.0.0/16\n    name: us-east-1c\n    type: Public\n    zone: us-east-1c\n';

function indexOf(options: { limits?: Partial<IndexLimits>; yieldTo?: () => Promise<void> } = {}) {
  const disk = new FixtureDisk();
  const changes: string[][] = [];
  const limited: string[] = [];
  const index = new WorkspaceIndex(disk, (paths) => changes.push([...paths].sort()), {
    limits: { sliceMs: 0, ...options.limits },
    yieldTo: options.yieldTo,
    onLimit: (folder, reason) => limited.push(`${relative(ROOT, folder) || '.'}: ${reason}`),
  });
  const indexed = () => [...index.files.keys()].map((p) => relative(ROOT, p)).sort();
  return { disk, index, changes, limited, indexed };
}

async function indexedFixture() {
  const setup = indexOf();
  setup.index.addFolders([ROOT]);
  await setup.index.idle();
  setup.changes.length = 0;
  return setup;
}

const names = (file: ParsedFile | undefined): string[] =>
  (file?.documents ?? []).map((d) => `${d.kops?.kind} ${stringAt(d, ['metadata', 'name'])}`);
const kind = (file: ParsedFile | undefined, k: 'Cluster' | 'InstanceGroup'): YamlDocument =>
  file!.documents.find((d) => d.kops?.kind === k)!;

describe('workspace index', () => {
  it('indexes the kops YAML files of a folder: not node_modules, dot-folders, other YAML or other extensions', async () => {
    const { index, indexed, changes } = indexOf();
    index.addFolders([ROOT]);
    await index.idle();
    assert.deepEqual(indexed(), ['cluster.yaml', join('groups', 'control-plane.yml'), 'nodes.yaml']);
    assert.deepEqual(changes.flat().sort(), [...index.files.keys()].sort(), 'each file entering the index is told once');
  });

  it('keeps the kops documents of a file where they sit in it, and links them across files', async () => {
    const { index } = await indexedFixture();
    const groups = index.files.get(at('groups/control-plane.yml'))!;
    assert.deepEqual(names(groups), ['InstanceGroup control-plane'], 'the ConfigMap is left out');
    assert.match(groups.text.slice(groups.documents[0].offset), /^---\napiVersion: kops\.k8s\.io\/v1alpha2\nkind: InstanceGroup/);
    const links = linkSpecs([...index.files.values()]);
    const cluster = kind(index.files.get(at('cluster.yaml')), 'Cluster');
    assert.equal(links.clusterOf(kind(index.files.get(at('nodes.yaml')), 'InstanceGroup')), cluster);
    assert.equal(links.clusterOf(kind(groups, 'InstanceGroup')), cluster);
    assert.equal(links.instanceGroupsOf(cluster).length, 2);
  });

  it('reads a changed file again, reusing the parse of every document whose text did not change', async () => {
    const { index, disk, changes } = await indexedFixture();
    const nodes = index.files.get(at('nodes.yaml'));
    const cluster = kind(index.files.get(at('cluster.yaml')), 'Cluster');
    const group = `---\n${fixtureText('groups/control-plane.yml').split('---\n')[1]}`;
    disk.write(at('cluster.yaml'), fixtureText('cluster.yaml') + group);
    index.fileEvents([{ path: at('cluster.yaml'), kind: 'changed' }]);
    await index.idle();
    assert.deepEqual(changes, [[at('cluster.yaml')]]);
    const after = index.files.get(at('cluster.yaml'));
    assert.deepEqual(names(after), ['Cluster workspace.example.com', 'InstanceGroup control-plane']);
    assert.equal(kind(after, 'Cluster').yaml, cluster.yaml, 'the unchanged Cluster keeps its parse');
    assert.equal(index.files.get(at('nodes.yaml')), nodes, 'the other files keep theirs');

    disk.write(at('cluster.yaml'), fixtureText('cluster.yaml').replace('    zone: us-east-1a\n', `    zone: us-east-1a\n${SUBNET_1C}`));
    index.fileEvents([{ path: at('cluster.yaml'), kind: 'changed' }]);
    await index.idle();
    const edited = kind(index.files.get(at('cluster.yaml')), 'Cluster');
    assert.notEqual(edited.yaml, cluster.yaml);
    assert.equal(stringAt(edited, ['spec', 'subnets', 1, 'name']), 'us-east-1c');
  });

  it('does not report a file saved with the same text as changed', async () => {
    const { index, changes } = await indexedFixture();
    const before = index.files.get(at('nodes.yaml'));
    index.fileEvents([{ path: at('nodes.yaml'), kind: 'changed' }]);
    await index.idle();
    assert.equal(index.files.get(at('nodes.yaml')), before);
    assert.deepEqual(changes, []);
  });

  it('drops deleted files, and every file below a deleted folder', async () => {
    const { index, disk, changes, indexed } = await indexedFixture();
    disk.delete(at('nodes.yaml'));
    index.fileEvents([{ path: at('nodes.yaml'), kind: 'deleted' }]);
    disk.delete(at('groups'));
    index.fileEvents([{ path: at('groups'), kind: 'deleted' }]);
    assert.deepEqual(indexed(), ['cluster.yaml'], 'at once, without reading anything');
    assert.deepEqual(changes, [[at('nodes.yaml')], [at('groups/control-plane.yml')]]);
  });

  it('adds created kops files, but none below a skipped folder or outside the workspace folders', async () => {
    const { index, disk, indexed } = await indexedFixture();
    const nodes = fixtureText('nodes.yaml');
    for (const name of ['more-nodes.yaml', 'node_modules/kops-chart/nodes.yaml', '.cache/nodes.yaml', 'notes.md'])
      disk.write(at(name), nodes);
    disk.write(join(REPO_ROOT, 'test', 'fixtures', 'outside.yaml'), nodes);
    const readsBefore = disk.reads;
    const created = ['more-nodes.yaml', 'node_modules/kops-chart/nodes.yaml', '.cache/nodes.yaml', 'notes.md'].map(at);
    index.fileEvents([...created, join(REPO_ROOT, 'test', 'fixtures', 'outside.yaml')].map((path) => ({ path, kind: 'created' })));
    await index.idle();
    assert.deepEqual(indexed(), ['cluster.yaml', join('groups', 'control-plane.yml'), 'more-nodes.yaml', 'nodes.yaml']);
    assert.equal(disk.reads - readsBefore, 1, 'the one created file is read, nothing else');
  });

  it('drops a file that no longer holds a kops document', async () => {
    const { index, disk, indexed } = await indexedFixture();
    disk.write(at('nodes.yaml'), fixtureText('deployment.yaml'));
    index.fileEvents([{ path: at('nodes.yaml'), kind: 'changed' }]);
    await index.idle();
    assert.deepEqual(indexed(), ['cluster.yaml', join('groups', 'control-plane.yml')]);
  });

  it('skips unreadable, binary and oversized files silently', async () => {
    const { index, disk, indexed, limited } = indexOf();
    disk.denyRead(at('nodes.yaml'));
    disk.pretendSize(at('cluster.yaml'), 3 * 1024 * 1024 + 1);
    disk.write(at('binary.yaml'), `${fixtureText('nodes.yaml')}\0`);
    index.addFolders([ROOT]);
    await index.idle();
    assert.deepEqual(indexed(), [join('groups', 'control-plane.yml')]);
    assert.deepEqual(limited, []);
  });

  it('forgets a removed workspace folder and walks it again once added back', async () => {
    const { index, indexed, changes } = await indexedFixture();
    index.removeFolders([ROOT]);
    assert.deepEqual(indexed(), []);
    assert.equal(changes.length, 1);
    index.addFolders([ROOT]);
    await index.idle();
    assert.equal(indexed().length, 3);
  });

  it('keeps a removed folder’s files that another workspace folder holds', async () => {
    const { index, indexed } = indexOf();
    index.addFolders([ROOT, at('groups')]);
    await index.idle();
    index.removeFolders([at('groups')]);
    assert.equal(indexed().length, 3);
  });

  it('reads a bounded number of YAML files per workspace folder, and says so once', async () => {
    const { index, disk, indexed, limited } = indexOf({ limits: { maxFilesPerFolder: 2 } });
    index.addFolders([ROOT]);
    await index.idle();
    assert.equal(disk.reads, 2);
    assert.deepEqual(indexed(), ['cluster.yaml'], 'cluster.yaml and deployment.yaml come first, breadth first');
    assert.deepEqual(limited, ['.: it holds more than 2 YAML files']);
  });

  it('reads a bounded number of YAML files per folder, so that a huge folder does not crowd out the ones next to it', async () => {
    const { index, indexed, limited } = indexOf({ limits: { maxFilesPerDirectory: 2 } });
    index.addFolders([ROOT]);
    await index.idle();
    assert.deepEqual(indexed(), ['cluster.yaml', join('groups', 'control-plane.yml')], 'nodes.yaml is the third YAML file of its folder');
    assert.deepEqual(limited, ['.: its folder . holds more than 2 YAML files']);
  });

  it('reads the folder of an open document first', async () => {
    const { index, changes } = indexOf();
    index.addFolders([ROOT]);
    index.readFirst(at('groups'));
    await index.idle();
    assert.deepEqual(changes[0], [at('groups/control-plane.yml')]);
    assert.equal(changes.flat().length, 3);
  });

  it('holds a bounded number of kops files', async () => {
    const { index, indexed } = indexOf({ limits: { maxIndexedFiles: 2 } });
    index.addFolders([ROOT]);
    await index.idle();
    assert.deepEqual(indexed(), ['cluster.yaml', 'nodes.yaml']);
  });

  it('takes no step while foreground work runs', async () => {
    const foreground = new Foreground();
    const { index, disk, indexed } = indexOf({ yieldTo: () => foreground.idle() });
    let finish!: () => void;
    const busy = foreground.run(() => new Promise<void>((resolve) => (finish = resolve)));
    index.addFolders([ROOT]);
    for (let turn = 0; turn < 20; turn++) await nextTurn();
    assert.equal(disk.reads, 0);
    finish();
    await busy;
    await index.idle();
    assert.equal(indexed().length, 3);
  });

  it('lets other work through between files', async () => {
    const { index, disk } = indexOf();
    const readsSeenBetween: number[] = [];
    let walking = true;
    const watch = async () => {
      while (walking) {
        readsSeenBetween.push(disk.reads);
        await nextTurn();
      }
    };
    index.addFolders([ROOT]);
    const watching = watch();
    await index.idle();
    walking = false;
    await watching;
    assert.ok(new Set(readsSeenBetween).size >= 4, `other work ran at ${JSON.stringify(readsSeenBetween)} reads`);
  });
});
