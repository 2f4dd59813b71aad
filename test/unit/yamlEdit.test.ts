import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { YamlEditor } from '../../server/src/engine/document/yamlEdit';
import { applyEdits } from '../helpers/applyEdits';

function edit(text: string, run: (e: YamlEditor) => ReturnType<YamlEditor['set']>, docIndex = 0): string {
  const file = parseFile(text);
  return applyEdits(text, run(new YamlEditor(file, file.documents[docIndex])));
}

const cluster = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
spec:
  kubeProxy:
    enabled: true # operators asked for this
  networking:
    cilium:
      enableNodePort: true
`;

describe('YAML edits keep formatting', () => {
  it('replaces an existing scalar and keeps its comment', () => {
    assert.equal(
      edit(cluster, (e) => e.set(['spec', 'kubeProxy', 'enabled'], 'false')),
      cluster.replace('enabled: true #', 'enabled: false #'),
    );
  });

  it('creates missing parents as a block at the document indentation', () => {
    const text = 'kind: Cluster\nspec:\n  networking:\n    cilium:\n      enableNodePort: true\n';
    assert.equal(
      edit(text, (e) => e.set(['spec', 'kubeProxy', 'enabled'], 'false')),
      text + '  kubeProxy:\n    enabled: false\n',
    );
  });

  it('turns an empty flow map into a block holding the new key', () => {
    const text = 'spec:\n  networking:\n    cilium: {}\n';
    assert.equal(
      edit(text, (e) => e.set(['spec', 'networking', 'cilium', 'etcdManaged'], 'true')),
      'spec:\n  networking:\n    cilium:\n      etcdManaged: true\n',
    );
  });

  it('keeps existing flow entries when converting to block', () => {
    const text = 'spec:\n  networking:\n    cilium: {ipam: eni}\n';
    assert.equal(
      edit(text, (e) => e.set(['spec', 'networking', 'cilium', 'enableNodePort'], 'true')),
      'spec:\n  networking:\n    cilium:\n      ipam: eni\n      enableNodePort: true\n',
    );
  });

  it('renames a key in place', () => {
    const text = 'spec:\n  networking:\n    cilium:\n      enableNodeport: true\n';
    assert.equal(
      edit(text, (e) => e.renameKey(['spec', 'networking', 'cilium', 'enableNodeport'], 'enableNodePort')),
      text.replace('enableNodeport', 'enableNodePort'),
    );
  });

  it('removes a block key with its nested value and nothing else', () => {
    const text = 'spec:\n  a: 1\n  dead:\n    x: 1\n    y: 2\n  # keep me\n  b: 2\n';
    assert.equal(
      edit(text, (e) => e.removeKey(['spec', 'dead'])),
      'spec:\n  a: 1\n  # keep me\n  b: 2\n',
    );
  });

  it('removes a flow entry with its comma', () => {
    assert.equal(
      edit('spec: {a: 1, bpfRoot: x, b: 2}\n', (e) => e.removeKey(['spec', 'bpfRoot'])),
      'spec: {a: 1, b: 2}\n',
    );
  });

  it('appends to a block sequence at its indentation', () => {
    const text = 'spec:\n  etcdClusters:\n  - name: main\n    members: []\n';
    assert.equal(
      edit(text, (e) => e.appendToSeq(['spec', 'etcdClusters'], ['name: cilium', 'members: []'])),
      text.trimEnd() + '\n  - name: cilium\n    members: []\n',
    );
  });

  it('touches only its own document in a multi-document file', () => {
    const text = 'kind: Cluster\nspec:\n  a: 1\n---\nkind: InstanceGroup\nspec:\n  role: Node\n';
    assert.equal(
      edit(text, (e) => e.set(['spec', 'role'], 'Master'), 1),
      text.replace('role: Node', 'role: Master'),
    );
    assert.equal(
      edit(text, (e) => e.set(['spec', 'b'], '2'), 0),
      text.replace('a: 1\n', 'a: 1\n  b: 2\n'),
    );
  });
});

describe('YamlEditor edits the fixes rely on', () => {
  const cases: Array<[title: string, before: string, run: (e: YamlEditor) => ReturnType<YamlEditor['set']>, after: string]> = [
    [
      'fills a value-less key, keeping its comment a comment',
      'spec:\n  kubeProxy:\n    enabled: # decide later\n',
      (e) => e.set(['spec', 'kubeProxy', 'enabled'], 'false'),
      'spec:\n  kubeProxy:\n    enabled: false # decide later\n',
    ],
    [
      'refuses to set through a scalar instead of duplicating the key',
      'spec:\n  kubeProxy: true\n',
      (e) => e.set(['spec', 'kubeProxy', 'enabled'], 'false'),
      'spec:\n  kubeProxy: true\n',
    ],
    ['removes the last flow entry with the comma before it', 'spec: {a: 1, b: 2}\n', (e) => e.removeKey(['spec', 'b']), 'spec: {a: 1}\n'],
    ['appends to an empty flow sequence', 'spec:\n  l: []\n', (e) => e.appendToFlowSeq(['spec', 'l'], '{a: 1}'), 'spec:\n  l: [{a: 1}]\n'],
    ['appends to a filled flow sequence', 'spec:\n  l: [x]\n', (e) => e.appendToFlowSeq(['spec', 'l'], 'y'), 'spec:\n  l: [x, y]\n'],
    [
      'keeps the parent a mapping when its last key goes',
      'spec:\n  cilium:\n    bpfRoot: x # old\n  b: 1\n',
      (e) => e.removeKeyKeepingParent(['spec', 'cilium', 'bpfRoot']),
      'spec:\n  cilium: {}\n  b: 1\n',
    ],
  ];
  for (const [title, before, run, after] of cases) it(title, () => assert.equal(edit(before, run), after));
});
