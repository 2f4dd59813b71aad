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

describe('where YamlEditor puts a new key', () => {
  const near = (text: string, path: string[], run: (e: YamlEditor) => ReturnType<YamlEditor['set']>) => {
    const file = parseFile(text);
    return applyEdits(text, run(new YamlEditor(file, file.documents[0], path)));
  };
  const cilium = [
    'spec:',
    '  networking:',
    '    cilium:',
    '      ipam: kubernetes',
    '      hubble:',
    '        enabled: true',
    '        relay:',
    '          enabled: true',
    '        # hubble notes',
    '      # the proxy',
    '      enableL7Proxy: true',
    '  kubeProxy:',
    '    enabled: false',
    '',
  ].join('\n');

  it('right after the entry that leads to `near`, past its nested blocks and before the next key and its comment', () => {
    assert.equal(
      near(cilium, ['spec', 'networking', 'cilium', 'hubble', 'relay', 'enabled'], (e) =>
        e.set(['spec', 'networking', 'cilium', 'bpfLBSock'], 'true'),
      ),
      cilium.replace('        # hubble notes\n', '        # hubble notes\n      bpfLBSock: true\n'),
    );
  });

  it('right after `near` itself when it is a sibling, even with blocks after it', () => {
    assert.equal(
      near(cilium, ['spec', 'networking', 'cilium', 'ipam'], (e) =>
        e.set(['spec', 'networking', 'cilium', 'enableIPv4Masquerade'], 'true'),
      ),
      cilium.replace('ipam: kubernetes\n', 'ipam: kubernetes\n      enableIPv4Masquerade: true\n'),
    );
  });

  it('missing parents go beside the branch `near` is in; without `near`, or off its branch, after the last key', () => {
    assert.equal(
      near(cilium, ['spec', 'networking', 'cilium', 'ipam'], (e) => e.set(['spec', 'certManager', 'enabled'], 'true')),
      cilium.replace('  kubeProxy:\n', '  certManager:\n    enabled: true\n  kubeProxy:\n'),
    );
    assert.equal(
      near(cilium, [], (e) => e.set(['spec', 'networking', 'cilium', 'bpfLBSock'], 'true')),
      cilium.replace('enableL7Proxy: true\n', 'enableL7Proxy: true\n      bpfLBSock: true\n'),
    );
    assert.equal(
      near(cilium, ['spec', 'kubeProxy', 'enabled'], (e) => e.set(['spec', 'networking', 'cilium', 'bpfLBSock'], 'true')),
      cilium.replace('enableL7Proxy: true\n', 'enableL7Proxy: true\n      bpfLBSock: true\n'),
    );
  });

  it('keeps that order when a flow mapping becomes a block', () => {
    assert.equal(
      near('spec:\n  cilium: {ipam: eni, tunnel: disabled}\n', ['spec', 'cilium', 'ipam'], (e) =>
        e.set(['spec', 'cilium', 'enableIPv4Masquerade'], 'false'),
      ),
      'spec:\n  cilium:\n    ipam: eni\n    enableIPv4Masquerade: false\n    tunnel: disabled\n',
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
