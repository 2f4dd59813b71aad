import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { cursorContext, type CursorContext } from '../../server/src/engine/document/cursor/cursorContext';
import { withCursor } from '../helpers/marker';
import { kopsHeader } from '../helpers/kopsText';

const HEAD = kopsHeader('Cluster', 'a.example.com');

type Expected = Partial<Pick<CursorContext, 'path' | 'mode' | 'key' | 'prefix' | 'existingKeys' | 'keyOnly' | 'needsSpace' | 'style'>> & {
  /** The text the completion would replace. */
  replaces?: string;
};

function context(marked: string): { ctx: CursorContext | undefined; text: string } {
  const { text, position } = withCursor(marked);
  return { ctx: cursorContext(parseFile(text), position), text };
}

function check(marked: string, expected: Expected | undefined): void {
  const { ctx, text } = context(marked);
  if (!expected) {
    assert.equal(ctx, undefined);
    return;
  }
  assert.ok(ctx, 'expected a cursor context');
  const { replaces, existingKeys, ...fields } = expected;
  for (const [k, v] of Object.entries(fields)) assert.deepEqual(ctx[k as keyof CursorContext], v, k);
  if (existingKeys) assert.deepEqual([...ctx.existingKeys].sort(), [...existingKeys].sort(), 'existingKeys');
  if (replaces !== undefined) {
    const file = parseFile(text);
    const r = ctx.replaceRange;
    assert.equal(text.slice(file.lines.offsetAt(r.start), file.lines.offsetAt(r.end)), replaces, 'replaced text');
  }
}

const CILIUM = ['spec', 'networking', 'cilium'];

describe('cursorContext', () => {
  it('empty `cilium:` with the cursor on the next indented line', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      |\n`, { path: CILIUM, mode: 'key', prefix: '', existingKeys: [] });
  });

  it('cursor inside `cilium: {}`', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium: {|}\n`, { path: CILIUM, mode: 'key', prefix: '', style: 'flow', existingKeys: [] });
  });

  it('half-typed key, with the siblings above and below as existing keys', () => {
    check(
      `${HEAD}spec:\n  networking:\n    cilium:\n      tunnel: vxlan\n      ipa|\n      hubble:\n        enabled: true\n  kubeProxy:\n    enabled: false\n`,
      {
        path: CILIUM,
        mode: 'key',
        prefix: 'ipa',
        replaces: 'ipa',
        keyOnly: false,
        existingKeys: ['tunnel', 'hubble'],
      },
    );
  });

  it('cursor inside an existing key replaces the whole key and inserts no colon', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      ip|am: eni\n`, {
      path: CILIUM,
      mode: 'key',
      prefix: 'ip',
      replaces: 'ipam',
      keyOnly: true,
    });
  });

  it('empty value', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      ipam: |\n`, {
      path: CILIUM,
      mode: 'value',
      key: 'ipam',
      prefix: '',
      replaces: '',
    });
  });

  it('partly typed value replaces the whole value and keeps the comment', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      ipam: ku|bernetes # pods\n`, {
      mode: 'value',
      key: 'ipam',
      prefix: 'ku',
      replaces: 'kubernetes',
    });
  });

  it('quoted value: the quotes stay', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      version: "v1.1|"\n`, {
      mode: 'value',
      key: 'version',
      prefix: 'v1.1',
      replaces: 'v1.1',
    });
  });

  it('the replaced word always contains the cursor: nothing after a closing quote', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      version: "v1.18.6"|\n`, undefined);
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      version: |"v1.18.6"\n`, undefined);
  });

  it('colon without a blank yet', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      ipam:|`, { mode: 'value', key: 'ipam', needsSpace: true });
  });

  it('flow map value and flow map keys', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium: {ipam: |}\n`, { path: CILIUM, mode: 'value', key: 'ipam', style: 'flow' });
    check(`${HEAD}spec:\n  networking:\n    cilium: {ipam: eni, tun|, hubble: {enabled: true}}\n`, {
      path: CILIUM,
      mode: 'key',
      prefix: 'tun',
      replaces: 'tun',
      existingKeys: ['ipam', 'hubble'],
    });
    check(`${HEAD}spec:\n  networking:\n    cilium: {hubble: {|}}\n`, { path: [...CILIUM, 'hubble'], mode: 'key' });
    check(`${HEAD}spec:\n  networking:\n    cilium: {hubble: {metrics: [drop, |]}}\n`, {
      path: [...CILIUM, 'hubble'],
      mode: 'value',
      key: 'metrics',
    });
  });

  it('flow map spanning lines', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium: {ipam: eni,\n      tunnel: |}\n`, {
      path: CILIUM,
      mode: 'value',
      key: 'tunnel',
      style: 'flow',
    });
  });

  it('after a closed flow map there is nothing to complete', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium: {} |\n`, undefined);
  });

  it('nested block below cilium', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      hubble:\n        enabled: true\n        |\n`, {
      path: [...CILIUM, 'hubble'],
      mode: 'key',
      existingKeys: ['enabled'],
    });
  });

  it('a less indented cursor goes back up the tree', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      hubble:\n        enabled: true\n    |\n`, {
      path: ['spec', 'networking'],
      existingKeys: ['cilium'],
    });
  });

  it('still-invalid YAML keeps its path', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      ipam: [eni\n      tunnel: "vx\n  kubeProxy:\n    enabled: {\n    e|\n`, {
      path: ['spec', 'kubeProxy'],
      mode: 'key',
      prefix: 'e',
    });
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      ipam: eni\n      : bad\n      tunnel: [\n      enableNod|`, {
      path: CILIUM,
      prefix: 'enableNod',
      existingKeys: ['ipam', 'tunnel'],
    });
  });

  it('comments: inside a comment there is nothing; comment lines are skipped', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      ipam: eni # the ENI |\n`, undefined);
    check(`${HEAD}spec:\n  networking:\n    cilium:\n# a comment at column 0\n      # another\n      |\n`, {
      path: CILIUM,
      existingKeys: [],
    });
  });

  it('CRLF line endings', () => {
    check(`${HEAD}spec:\n  networking:\n    cilium:\n      tunnel: vxlan\n      ipam: |\n`.replace(/\n/g, '\r\n'), {
      path: CILIUM,
      mode: 'value',
      key: 'ipam',
      replaces: '',
    });
  });

  it('sequence items, in kops (non-indented) and indented style', () => {
    check(`${HEAD}spec:\n  subnets:\n  - name: a\n    zone: x\n  - name: b\n    ty|\n`, {
      path: ['spec', 'subnets', 1],
      existingKeys: ['name'],
    });
    check(`${HEAD}spec:\n  subnets:\n    - name: a\n    - |\n`, { path: ['spec', 'subnets', 1], existingKeys: [] });
    check(`${HEAD}spec:\n  subnets:\n  - name: a\n  |\n`, { path: ['spec'], existingKeys: ['subnets'] });
  });

  it('block scalars are text, not keys', () => {
    const doc = `${HEAD}spec:\n  additionalUserData:\n  - name: x\n    content: |\n      #!/bin/sh\n      echo: hi\n      <|>\n`;
    check(doc, undefined);
    check(`${HEAD}spec:\n  fileAssets:\n  - content: |\n      a: b\n    <|>\n`, {
      path: ['spec', 'fileAssets', 0],
      existingKeys: ['content'],
    });
  });

  it('multi-document files: only the document under the cursor, kops documents only', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n';
    check(`${HEAD}spec:\n  networking:\n    cilium: {}\n---\n${deployment}`, undefined);
    check(`${deployment.replace('|', '')}---\n${HEAD}spec:\n  networking:\n    cilium:\n      |`, { path: CILIUM });
    check(
      `${HEAD}spec:\n  kubernetesVersion: 1.30.0\n  |\n---\napiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nspec:\n  role: Node\n`,
      {
        path: ['spec'],
        existingKeys: ['kubernetesVersion'],
      },
    );
  });

  it('the `---` marker line and positions past the end give nothing', () => {
    check(`${HEAD}spec: {}\n--|-\n${HEAD}`, undefined);
    const file = parseFile(`${HEAD}spec: {}\n`);
    assert.equal(cursorContext(file, { line: 99, character: 0 }), undefined);
  });

  it('root level keys', () => {
    check(`${HEAD}sp|`, { path: [], mode: 'key', prefix: 'sp', existingKeys: ['apiVersion', 'kind', 'metadata'] });
  });

  it('gives nothing anywhere in a file with no kops document, however broken', () => {
    for (const text of ['', '\u0000\u0001', '{{{{', ']]]: ::']) {
      const file = parseFile(text);
      for (let line = 0; line < 4; line++) {
        for (let character = 0; character < 8; character++) {
          assert.equal(cursorContext(file, { line, character }), undefined, `${JSON.stringify(text)} at ${line}:${character}`);
        }
      }
    }
  });

  it('still completes around a line of broken YAML in a kops document', () => {
    const broken = 'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\n- - - [\n';
    check(`${broken}|`, { path: [], mode: 'key', prefix: '', existingKeys: ['apiVersion', 'kind'] });
    check(broken.replace('Cluster', 'C|luster'), { path: [], mode: 'value', key: 'kind', prefix: 'C', replaces: 'Cluster' });
  });
});
