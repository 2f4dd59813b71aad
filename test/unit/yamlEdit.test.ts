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

/** The two classes of edits the fuzzer caught losing what they did not own (issue 15). */
describe('YamlEditor leaves alone what an edit does not own', () => {
  const unchanged = (text: string, run: (e: YamlEditor) => ReturnType<YamlEditor['set']>) => assert.equal(edit(text, run), text);

  describe('trivia around a node: comment lines, blank lines', () => {
    const cases: Array<[title: string, before: string, run: (e: YamlEditor) => ReturnType<YamlEditor['set']>, after: string]> = [
      [
        'a removed block keeps the comment lines among its entries',
        'a:\n  b:\n    x: 1\n    # why y\n    y: 2\n  c: 2\n',
        (e) => e.removeKey(['a', 'b']),
        'a:\n    # why y\n  c: 2\n',
      ],
      [
        'a removed key keeps the comment line right after its value, and the blank line before it',
        'a:\n  b: 1\n\n  # about c\n  c: 2\n',
        (e) => e.removeKey(['a', 'b']),
        'a:\n\n  # about c\n  c: 2\n',
      ],
      [
        'a removed key keeps a comment line between it and its value',
        'a:\n  b:\n  # under b\n    x: 1\n  c: 2\n',
        (e) => e.removeKey(['a', 'b']),
        'a:\n  # under b\n  c: 2\n',
      ],
      [
        'a removed list item keeps the comment line after it',
        'a:\n  - x\n  # about y\n  - y\n',
        (e) => e.removeSeqItem(['a', 0]),
        'a:\n  # about y\n  - y\n',
      ],
      [
        'a removed flow entry keeps the space that makes the next `#` a comment',
        'a: {b: 1, # about c\n  c: 2}\n',
        (e) => e.removeKey(['a', 'b']),
        'a: { # about c\n  c: 2}\n',
      ],
      [
        'a removed last key without a final line break keeps the comment lines inside it',
        'a:\n  c: 2\n  b:\n    # keep\n    x: 1',
        (e) => e.removeKey(['a', 'b']),
        'a:\n  c: 2\n    # keep',
      ],
    ];
    for (const [title, before, run, after] of cases) it(title, () => assert.equal(edit(before, run), after));

    it('nothing removes or replaces a value whose broken quoting swallows the lines after it', () => {
      const text = 'a:\n  b: "unterminated\n# a comment line to the reader\n  c: 2\n';
      unchanged(text, (e) => e.removeKey(['a', 'b']));
      unchanged(text, (e) => e.removeKeyKeepingParent(['a', 'b']));
      unchanged(text, (e) => e.set(['a', 'b'], 'x'));
    });

    it('a flow map whose entries span lines is not turned into a block (their later lines would fall out of it)', () => {
      unchanged('spec:\n  kubeProxy: {a: [1,\n 2]}\n', (e) => e.set(['spec', 'kubeProxy', 'enabled'], 'false'));
    });

    it('the first key of a list item is not removed with its line, which holds the `- `', () => {
      unchanged('l:\n  - a: 1\n    b: 2\n', (e) => e.removeKey(['l', 0, 'a']));
    });
  });

  describe('tags and anchors', () => {
    const cases: Array<[title: string, before: string, run: (e: YamlEditor) => ReturnType<YamlEditor['set']>, after: string]> = [
      [
        'an emptied map gets its `{}` after a verbatim tag holding commas',
        'a: !<tag:yaml.org,2002:map> # note\n  b: x\n',
        (e) => e.removeKeyKeepingParent(['a', 'b']),
        'a: !<tag:yaml.org,2002:map> {} # note\n',
      ],
      ['setting a value replaces a verbatim tag', 'a:\n  b: !<tag:yaml.org,2002:str> x\n', (e) => e.set(['a', 'b'], 'y'), 'a:\n  b: y\n'],
      [
        'setting a tagged empty value replaces the tag',
        'a:\n  b: !!str\n  c: 1\n',
        (e) => e.set(['a', 'b'], 'true'),
        'a:\n  b: true\n  c: 1\n',
      ],
      [
        'setting a value replaces its tag and keeps its anchor',
        'a:\n  b: !!str &v x\n',
        (e) => e.set(['a', 'b'], 'true'),
        'a:\n  b: &v true\n',
      ],
      [
        'a flow map turned block keeps an entry written without a value a key (fuzz seed 871256592)',
        'spec:\n  kubeProxy: {é}\n',
        (e) => e.set(['spec', 'kubeProxy', 'enabled'], 'false'),
        'spec:\n  kubeProxy:\n    é:\n    enabled: false\n',
      ],
      ['a tagged list item is removed with its line', 'a:\n  - !!str x\n  - y\n', (e) => e.removeSeqItem(['a', 0]), 'a:\n  - y\n'],
      ['an anchored key no alias uses is removed with its line', 'a:\n  &k b: x\n  c: 2\n', (e) => e.removeKey(['a', 'b']), 'a:\n  c: 2\n'],
    ];
    for (const [title, before, run, after] of cases) it(title, () => assert.equal(edit(before, run), after));

    it('a value whose tag sits on the line before it is left alone: the tag would retype the new value', () => {
      unchanged('a:\n  b: !!str\n    x\n', (e) => e.set(['a', 'b'], 'true'));
    });

    it('nothing removes or changes a node whose anchor an alias elsewhere refers to', () => {
      unchanged('a:\n  b: &v x\n  c: *v\n', (e) => e.removeKey(['a', 'b']));
      unchanged('a:\n  b: &v x\n  c: *v\n', (e) => e.set(['a', 'b'], 'y'));
      unchanged('a:\n  b:\n    x: &v 1\n  c: *v\n', (e) => e.removeKey(['a', 'b']));
      unchanged('a:\n  - &v x\n  - y\nb: *v\n', (e) => e.removeSeqItem(['a', 0]));
      unchanged('a: {b: &v 1, c: *v}\n', (e) => e.removeKey(['a', 'b']));
      unchanged('base: &k\n  x: 1\nother:\n  <<: *k\n', (e) => e.set(['base', 'y'], '2'));
      unchanged('base: &k\n  x: 1\nother: *k\n', (e) => e.removeKeyKeepingParent(['base', 'x']));
    });

    it('an alias removed with its anchor is no reason to refuse', () => {
      assert.equal(
        edit('a:\n  b:\n    x: &v 1\n    y: *v\n  c: 2\n', (e) => e.removeKey(['a', 'b'])),
        'a:\n  c: 2\n',
      );
    });
  });
});
