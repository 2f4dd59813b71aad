import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { complete, diagnose, effectiveKopsVersion, parseFile, type CompletionEntry } from '../../server/src/engine';
import { acceptCompletion, acceptScenario, runScenarioCommand } from '../helpers/acceptCompletion';
import { kopsDocument } from '../helpers/kopsText';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const TYPED = 'kops-cil';

/** Accepting a scenario item: its edit removes the typed word, then its command merges the scenario. */
function accept(text: string, cursor: number, item: CompletionEntry): string {
  const merged = acceptScenario(text, cursor, item);
  assert.notEqual(merged, acceptCompletion(text, cursor, item), `${item.label}: the command merges it`);
  return merged;
}

/** The text with `TYPED` on a new line after `anchor`'s line (indented by `indent`), and the cursor after it. */
function typedAfter(text: string, anchor: string, indent: string): { text: string; cursor: number } | undefined {
  const at = text.indexOf(anchor);
  if (at < 0) return undefined;
  const lineEnd = text.indexOf('\n', at + anchor.length);
  const typed = `${text.slice(0, lineEnd + 1)}${indent}${TYPED}\n${text.slice(lineEnd + 1)}`;
  return { text: typed, cursor: lineEnd + 1 + indent.length + TYPED.length };
}

/** Typed as the last line of the first document (just before the first `---`). */
function typedAtDocumentEnd(text: string): { text: string; cursor: number } {
  const end = text.indexOf('\n---');
  const at = end < 0 ? text.length : end + 1;
  const prefix = end < 0 && !text.endsWith('\n') ? `${text}\n` : text.slice(0, at);
  return { text: `${prefix}  ${TYPED}\n${text.slice(at)}`, cursor: prefix.length + 2 + TYPED.length };
}

function scenarioItemsAt(text: string, cursor: number): CompletionEntry[] {
  const file = parseFile(text);
  return complete(file, file.lines.positionAt(cursor), effectiveKopsVersion(file, {})).filter((i) => i.kind === 'snippet');
}

const findingKeys = (text: string): string[] => {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, {})).map((f) => `${f.code} ${f.path ?? ''}`);
};

const findingsBefore = new Map<string, string[]>();

function newFindings(before: string, after: string): string[] {
  if (!findingsBefore.has(before)) findingsBefore.set(before, findingKeys(before));
  const left = [...findingsBefore.get(before)!];
  return findingKeys(after).filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const valuesOf = (text: string): unknown[] => text.split(/^---$/m).map((doc) => parseDocument(doc).toJS());
const commentsOf = (text: string): string[] => text.split('\n').flatMap((l) => (l.includes('#') ? [l.slice(l.indexOf('#'))] : []));
const labels = (items: CompletionEntry[]): string[] => items.map((i) => i.label);

const withVersion = (text: string, version: string): string => `# kops-version: ${version}\n${text}`;

/** Every scenario offered where `typed` puts the cursor merges cleanly into `original` (the text before typing). */
function assertMergesCleanly(original: string, typed: { text: string; cursor: number }, where: string, twice = true): number {
  const items = scenarioItemsAt(typed.text, typed.cursor);
  for (const item of items) {
    const context = `${where}: ${item.label}`;
    const merged = accept(typed.text, typed.cursor, item);
    const parsed = parseFile(merged);
    assert.deepEqual(
      parsed.documents.flatMap((d) => d.yaml.errors.map((e) => e.message)),
      [],
      `${context}: YAML errors (duplicate keys)\n${merged}`,
    );
    assert.doesNotMatch(merged, /^[ \t]*\r?\n/m, `${context}: a blank or whitespace-only line is left`);
    assert.deepEqual(newFindings(original, merged), [], `${context}: new findings\n${merged}`);
    for (const comment of commentsOf(original)) assert.ok(merged.includes(comment), `${context}: comment lost: ${comment}`);
    if (!twice) continue;
    const again = typedAtDocumentEnd(merged);
    const repeat = scenarioItemsAt(again.text, again.cursor).find((i) => i.label === item.label);
    if (repeat) assert.deepEqual(valuesOf(accept(again.text, again.cursor, repeat)), valuesOf(merged), `${context}: applied twice`);
  }
  return items.length;
}

const ciliumLine = (text: string): { anchor: string; indent: string } | undefined => {
  const m = /^( *)cilium:[ \t]*$/m.exec(text);
  return m ? { anchor: m[0], indent: `${m[1]}  ` } : undefined;
};

describe('Cilium scenario completion', () => {
  const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml'));

  for (const name of samples) {
    for (const version of ['', 'v1.21.0']) {
      it(`merges every scenario offered into samples/${name}${version ? ` at kops ${version}` : ''} without a new finding`, () => {
        const raw = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
        const original = version ? withVersion(raw, version) : raw;
        let offered = assertMergesCleanly(original, typedAfter(original, '\nspec:', '  ')!, 'first key of spec', false);
        offered += assertMergesCleanly(original, typedAtDocumentEnd(original), 'last key of spec', !version);
        const cilium = ciliumLine(original);
        if (cilium) offered += assertMergesCleanly(original, typedAfter(original, cilium.anchor, cilium.indent)!, 'inside cilium', false);
        assert.ok(offered > 0, 'some scenario is offered');
      });
    }
  }

  const cluster = (lines: string[], version = 'v1.36.2') =>
    withVersion(
      kopsDocument('Cluster', 'demo.example.com', [
        '  cloudProvider: aws',
        '  kubernetesVersion: 1.30.0',
        '  etcdClusters:',
        '  - name: main',
        '    etcdMembers:',
        '    - name: a',
        '      instanceGroup: control-plane-a',
        ...lines,
      ]),
      version,
    );

  it('sets existing keys in place, keeps their comments and adds missing keys beside their siblings', () => {
    const original = cluster([
      '  networking: # the CNI',
      '    cilium:',
      '      ipam: kubernetes # pods from the node range',
      '      hubble:',
      '        metrics: [dns]',
    ]);
    const typed = typedAtDocumentEnd(original);
    const eni = scenarioItemsAt(typed.text, typed.cursor).find((i) => i.label === 'kops-cilium-eni')!;
    assert.match(accept(typed.text, typed.cursor, eni), /^ {6}ipam: eni # pods from the node range$/m);
    const hubble = scenarioItemsAt(typed.text, typed.cursor).find((i) => i.label === 'kops-cilium-hubble')!;
    assert.match(
      accept(typed.text, typed.cursor, hubble),
      / {6}hubble:\n {8}metrics: \[dns\]\n {8}enabled: true\n {2}certManager:\n {4}enabled: true\n$/,
    );
    assertMergesCleanly(original, typed, 'commented spec');
  });

  it('merges the same when the editor left more whitespace on the typed line', () => {
    const original = cluster(['  networking:', '    cilium:', '      ipam: kubernetes']);
    const typed = typedAfter(original, '      ipam: kubernetes', '      ')!;
    const hubble = scenarioItemsAt(typed.text, typed.cursor).find((i) => i.label === 'kops-cilium-hubble')!;
    const merged = accept(typed.text, typed.cursor, hubble);
    assert.match(merged, / {6}ipam: kubernetes\n {6}hubble:\n {8}enabled: true\n {2}certManager:/);
    const indented = acceptCompletion(typed.text, typed.cursor, { ...hubble, insertText: '      ' });
    assert.equal(runScenarioCommand(indented, hubble), merged);
  });

  it('adds the cilium etcd cluster mirroring main', () => {
    const original = cluster(['  networking:', '    cilium: {}']);
    const typed = typedAfter(original, '\nspec:', '  ')!;
    const etcd = scenarioItemsAt(typed.text, typed.cursor).find((i) => i.label === 'kops-cilium-etcd')!;
    const merged = accept(typed.text, typed.cursor, etcd);
    assert.match(merged, /- name: cilium\n {4}etcdMembers:\n {4}- name: a\n {6}instanceGroup: control-plane-a\n/);
    assert.match(merged, /cilium:\n {6}etcdManaged: true/);
  });

  it("offers the variants of the file's kops release", () => {
    const original = cluster(['  networking:', '    cilium: {}'], 'v1.21.0');
    const typed = typedAtDocumentEnd(original);
    const items = scenarioItemsAt(typed.text, typed.cursor);
    assert.deepEqual(labels(items), [
      'kops-cilium-etcd',
      'kops-cilium-eni',
      'kops-cilium-nodeport',
      'kops-cilium-ipsec',
      'kops-cilium-hubble',
    ]);
    const applied = (label: string) =>
      accept(
        typed.text,
        typed.cursor,
        items.find((i) => i.label === label)!,
      );
    assert.match(applied('kops-cilium-eni'), /ipam: eni\n {6}disableMasquerade: true/);
    assert.match(applied('kops-cilium-ipsec'), /enableEncryption: true/);
    assert.doesNotMatch(applied('kops-cilium-ipsec'), /encryptionType/);
    assert.doesNotMatch(applied('kops-cilium-etcd'), /ETCD_AUTO_COMPACTION/);

    const newer = cluster(['  networking:', '    cilium: {}'], 'v1.25.0');
    const newerTyped = typedAtDocumentEnd(newer);
    const wireguard = scenarioItemsAt(newerTyped.text, newerTyped.cursor).find((i) => i.label === 'kops-cilium-wireguard')!;
    assert.match(accept(newerTyped.text, newerTyped.cursor, wireguard), /enableL7Proxy: false/);
  });

  it('offers the basic block only where Cilium is missing, and nothing beside another provider', () => {
    const bare = cluster([]);
    assert.ok(labels(scenarioItemsAt(typedAtDocumentEnd(bare).text, typedAtDocumentEnd(bare).cursor)).includes('kops-cilium'));
    assertMergesCleanly(bare, typedAtDocumentEnd(bare), 'no networking');
    const calico = cluster(['  networking:', '    calico: {}']);
    assert.deepEqual(scenarioItemsAt(typedAtDocumentEnd(calico).text, typedAtDocumentEnd(calico).cursor), []);
  });

  it('offers ENI only on AWS and the encryption already chosen only', () => {
    const gce = cluster(['  networking:', '    cilium:', '      enableEncryption: true', '      encryptionType: wireguard']).replace(
      'aws',
      'gce',
    );
    const offered = labels(scenarioItemsAt(typedAtDocumentEnd(gce).text, typedAtDocumentEnd(gce).cursor));
    assert.ok(!offered.includes('kops-cilium-eni'));
    assert.ok(!offered.includes('kops-cilium-ipsec'));
    assert.ok(!offered.includes('kops-cilium-wireguard'), 'WireGuard is already there in full');
  });

  it('offers nothing among values, in InstanceGroups or after other text on the line', () => {
    const original = cluster(['  networking:', '    cilium:', '      ipam: ']);
    assert.deepEqual(scenarioItemsAt(original, original.indexOf('ipam: ') + 6), []);
    const group = kopsDocument('InstanceGroup', 'nodes', ['  role: Node']);
    assert.deepEqual(scenarioItemsAt(typedAtDocumentEnd(group).text, typedAtDocumentEnd(group).cursor), []);
    const typedKey = `${original}  kops-cil: x\n`;
    assert.deepEqual(scenarioItemsAt(typedKey, typedKey.indexOf('kops-cil') + 8), []);
  });
});
