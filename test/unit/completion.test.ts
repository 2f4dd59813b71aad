import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { ciliumFields } from '../../server/src/engine/kops/catalog/ciliumFields';
import { complete } from '../../server/src/engine/features/completion/complete';
import type { CompletionEntry } from '../../server/src/engine/features/completion/types';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { hover } from '../../server/src/engine/features/hover';
import { parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';
import { withCursor } from '../helpers/marker';
import { kopsFixture } from '../helpers/fixturePaths';
import { kopsDocument, kopsHeader } from '../helpers/kopsText';

const cluster = (api?: string): string => kopsHeader('Cluster', 'a.example.com', api);
const CILIUM = `${cluster()}spec:\n  networking:\n    cilium:\n`;
const at = (kops: string): string => `# kops-version: ${kops}\n`;

function version(text: string): KopsVersion {
  const r = parseKopsVersion(text);
  if ('error' in r) throw new Error(r.error);
  return r.version;
}

function items(marked: string): CompletionEntry[] {
  const { text, position } = withCursor(marked);
  const file = parseFile(text);
  return complete(file, position, effectiveKopsVersion(file, {}));
}

const labels = (entries: CompletionEntry[]): string[] => entries.map((e) => e.label);
const item = (entries: CompletionEntry[], label: string): CompletionEntry => {
  const found = entries.find((e) => e.label === label);
  assert.ok(found, `no item ${label} in ${labels(entries).join(', ')}`);
  return found;
};
const bySort = (entries: CompletionEntry[]): string[] =>
  [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((e) => e.label);

describe('completion: Cilium keys', () => {
  /** The keys only, without the scenarios also offered on a new line inside cilium. */
  const keyItems = (text: string) => items(text).filter((e) => e.kind !== 'snippet');

  for (const kops of ['v1.36.2', 'v1.25.0']) {
    it(`empty cilium: offers every key of kops ${kops}`, () => {
      const entries = keyItems(`${at(kops)}${CILIUM}      |\n`);
      const expected = ciliumFields(version(kops), '').map((f) => f.path);
      assert.deepEqual([...labels(entries)].sort(), [...expected].sort());
      assert.ok(entries.every((e) => e.documentation.startsWith(`kops ${kops}`)));
    });
  }

  it('the v1.25.0 catalog has 97 top-level keys', () => {
    assert.equal(keyItems(`${at('v1.25.0')}${CILIUM}      |\n`).length, 97);
  });

  it('leaves out keys already present, above and below the cursor', () => {
    const entries = keyItems(`${CILIUM}      ipam: eni\n      |\n      tunnel: vxlan\n`);
    assert.equal(entries.length, ciliumFields(version('v1.36.2'), '').length - 2);
    assert.ok(!labels(entries).includes('ipam') && !labels(entries).includes('tunnel'));
  });

  it('tags dead and no-effect keys deprecated and sorts them last', () => {
    const entries = keyItems(`${CILIUM}      |\n`);
    assert.equal(item(entries, 'bpfRoot').deprecated, true);
    assert.equal(item(entries, 'enablePolicy').deprecated, true);
    assert.equal(item(entries, 'ipam').deprecated, false);
    const order = bySort(entries);
    const firstRetired = order.findIndex((l) => item(entries, l).deprecated);
    assert.ok(order.slice(firstRetired).every((l) => item(entries, l).deprecated));
    assert.equal(item(keyItems(`${at('v1.25.0')}${CILIUM}      |\n`), 'enablePolicy').deprecated, false);
  });

  it("before v1.23 tags deprecated the keys kops' own comment says do nothing, and says why", () => {
    const entries = items(`${at('v1.22.6')}${CILIUM}      |\n`);
    const agentLabels = item(entries, 'agentLabels');
    assert.equal(agentLabels.deprecated, true);
    assert.equal(agentLabels.detail, 'list of strings · deprecated');
    assert.match(agentLabels.documentation, /no effect from v1\.18 until v1\.23 \(kops' comment: not implemented\)/);
    assert.equal(item(entries, 'ipam').deprecated, false);
    assert.equal(item(items(`${at('v1.18.3')}${CILIUM}      |\n`), 'enableipv4').deprecated, false);
  });

  it('inserts scalars as `key: `, booleans and enums with a choice, objects with their block', () => {
    const entries = items(`${CILIUM}      |\n`);
    assert.deepEqual([item(entries, 'clusterName').insertText, item(entries, 'clusterName').isSnippet], ['clusterName: ', false]);
    assert.equal(item(entries, 'enableNodePort').insertText, 'enableNodePort: ${1|true,false|}');
    assert.equal(item(entries, 'ipam').insertText, 'ipam: ${1|hostscope,kubernetes,crd,eni|}');
    assert.equal(item(entries, 'hubble').insertText, 'hubble:\n  enabled: ${1|true,false|}');
    assert.equal(item(entries, 'extraConfig').insertText, 'extraConfig:\n  $0');
    assert.ok(item(entries, 'hubble').isSnippet);
  });

  it('nested block indentation follows the document', () => {
    const text = `${cluster()}spec:\n    networking:\n        cilium:\n            |\n`;
    assert.equal(item(items(text), 'hubble').insertText, 'hubble:\n    enabled: ${1|true,false|}');
  });

  it('hubble, ingress and gatewayAPI nested keys', () => {
    assert.deepEqual(labels(items(`${CILIUM}      hubble:\n        |\n`)).sort(), ['enabled', 'metrics']);
    assert.deepEqual(labels(items(`${CILIUM}      hubble:\n        enabled: true\n        |\n`)), ['metrics']);
    assert.equal(item(items(`${CILIUM}      hubble:\n        |\n`), 'metrics').insertText, 'metrics:\n- $0');
    assert.deepEqual(labels(items(`${CILIUM}      gatewayAPI:\n        |\n`)).sort(), ['enableSecretsSync', 'enabled']);
    assert.equal(items(`${CILIUM}      ingress:\n        |\n`).length, 6);
    assert.deepEqual(items(`${at('v1.18.0')}${CILIUM}      hubble:\n        |\n`), []);
  });

  it('half-typed key replaces the typed word', () => {
    const entries = items(`${CILIUM}      tunnel: vxlan\n      ipa|\n`);
    const ipam = item(entries, 'ipam');
    assert.deepEqual(ipam.range.start.character, 6);
    assert.deepEqual(ipam.range.end.character, 9);
  });

  it('inside an existing key only the name is inserted', () => {
    assert.equal(item(items(`${CILIUM}      ip|am: eni\n`), 'ipam').insertText, 'ipam');
  });

  it('flow maps use flow syntax', () => {
    const entries = items(`${cluster()}spec:\n  networking:\n    cilium: {ipam: eni, |}\n`);
    assert.ok(!labels(entries).includes('ipam'));
    assert.equal(item(entries, 'hubble').insertText, 'hubble: {enabled: ${1|true,false|}}');
    assert.equal(item(entries, 'tunnel').insertText, 'tunnel: ${1|vxlan,geneve,disabled|}');
  });

  it('v1alpha3 documents use v1alpha3 names and have no dead keys', () => {
    const entries = items(`${cluster('v1alpha3')}spec:\n  networking:\n    cilium:\n      |\n`);
    assert.ok(labels(entries).includes('masquerade') && !labels(entries).includes('disableMasquerade'));
    assert.ok(labels(entries).includes('toFQDNsEnablePoller'));
    assert.ok(!labels(entries).includes('bpfRoot'));
  });
});

describe('completion: Cilium values', () => {
  const value = (kops: string, line: string): string[] => labels(items(`${at(kops)}${CILIUM}      ${line}\n`));

  it('ipam offers exactly the enum of that kops version', () => {
    assert.deepEqual(value('v1.36.2', 'ipam: |'), ['hostscope', 'kubernetes', 'crd', 'eni']);
    assert.deepEqual(value('v1.18.0', 'ipam: |'), ['crd', 'eni']);
  });

  it('enums, booleans, and nothing for free text', () => {
    assert.deepEqual(value('v1.36.2', 'tunnel: |'), ['vxlan', 'geneve', 'disabled']);
    assert.deepEqual(value('v1.36.2', 'enableNodePort: |'), ['true', 'false']);
    assert.deepEqual(value('v1.36.2', 'clusterName: |'), []);
    assert.deepEqual(labels(items(`${CILIUM}      ingress:\n        defaultLoadBalancerMode: |\n`)), ['shared', 'dedicated']);
  });

  it('version offers the Cilium versions kops accepts, its default first', () => {
    for (const [kops, minor] of [
      ['v1.36.2', 'v1.18.'],
      ['v1.25.0', 'v1.11.'],
    ]) {
      const entries = items(`${at(kops)}${CILIUM}      version: |\n`);
      assert.ok(entries.length >= 1);
      assert.ok(bySort(entries)[0].startsWith(minor), `${kops}: ${bySort(entries)[0]}`);
      assert.deepEqual(bySort(entries), labels(entries));
    }
  });

  it("sorts the kops default of the file's release first, preselected and marked, the rest in kops' order", () => {
    const entries = items(`${at('v1.36.2')}${CILIUM}      ipam: |\n`);
    assert.deepEqual(bySort(entries), ['kubernetes', 'hostscope', 'crd', 'eni']);
    assert.equal(item(entries, 'kubernetes').detail, 'ipam');
    assert.equal(item(entries, 'kubernetes').labelDescription, 'kops default');
    assert.deepEqual(
      entries.filter((e) => e.preselect).map((e) => e.label),
      ['kubernetes'],
    );
    assert.equal(item(entries, 'eni').labelDescription, undefined);
    const old = items(`${at('v1.18.0')}${CILIUM}      ipam: |\n`);
    assert.deepEqual(bySort(old), ['crd', 'eni']);
    assert.ok(
      old.every((e) => !e.preselect && e.labelDescription === undefined),
      'kops v1.18 does not default ipam',
    );
  });

  it('flow map value and a colon without blank', () => {
    assert.deepEqual(labels(items(`${cluster()}spec:\n  networking:\n    cilium: {ipam: |}\n`)), ['hostscope', 'kubernetes', 'crd', 'eni']);
    assert.equal(item(items(`${CILIUM}      ipam:|`), 'eni').insertText, ' eni');
  });

  it('a document that is still invalid YAML completes', () => {
    const broken = `${CILIUM}      tunnel: [vxlan\n      hubble: {enabled: true\n      : :\n      ipam: |\n  kubeProxy: "x\n`;
    assert.equal(parseFile(withCursor(broken).text).documents[0].yaml.errors.length > 0, true);
    assert.deepEqual(labels(items(broken)), ['hostscope', 'kubernetes', 'crd', 'eni']);
    assert.ok(labels(items(`${CILIUM}      tunnel: [vxlan\n      ena|\n  kubeProxy: "x\n`)).includes('enableNodePort'));
  });
});

describe('completion: other kops keys', () => {
  it("offers exactly the keys of the file's kops patch release", () => {
    const kubelet = (kops: string): string[] => labels(items(`${at(kops)}${cluster()}spec:\n  kubelet:\n    |\n`));
    assert.ok(!kubelet('v1.26.5').includes('seccompDefault'));
    assert.ok(kubelet('v1.26.6').includes('seccompDefault'));
    assert.ok(!kubelet('v1.27.1').includes('seccompDefault'));
    assert.ok(kubelet('v1.27.2').includes('seccompDefault'));
    const warmPool = (kops: string): string[] =>
      labels(items(`${at(kops)}${kopsDocument('InstanceGroup', 'n', ['  role: Node', '  warmPool:', '    |'])}`));
    assert.ok(warmPool('v1.33.2').includes('additionalImages'));
    assert.ok(!warmPool('v1.34.1').includes('additionalImages'));
    assert.ok(warmPool('v1.34.2').includes('additionalImages'));
  });

  it('networking offers cilium: {} and the other providers of that kops version', () => {
    const entries = items(`${cluster()}spec:\n  networking:\n    |\n`);
    assert.equal(bySort(entries)[0], 'cilium: {}');
    assert.equal(item(entries, 'cilium: {}').insertText, 'cilium: {$0}');
    assert.ok(labels(entries).includes('calico: {}') && labels(entries).includes('kindnet: {}'));
    assert.ok(!labels(items(`${at('v1.19.0')}${cluster()}spec:\n  networking:\n    |\n`)).includes('kindnet: {}'));
  });

  it('InstanceGroup spec keys from the CRD schema', () => {
    const ig = kopsDocument('InstanceGroup', 'nodes', ['  role: Node', '  mach|']);
    const entries = items(ig);
    assert.equal(item(entries, 'machineType').insertText, 'machineType: ');
    assert.equal(item(entries, 'machineType').detail, 'string');
    assert.ok(!labels(entries).includes('role'));
  });

  it('Cluster keys: nested objects, list items and booleans', () => {
    assert.equal(item(items(`${cluster()}spec:\n  |\n`), 'kubeProxy').insertText, 'kubeProxy:\n  $0');
    assert.ok(labels(items(`${cluster()}spec:\n  subnets:\n  - name: a\n    |\n`)).includes('zone'));
    assert.deepEqual(labels(items(`${cluster()}spec:\n  kubeProxy:\n    enabled: |\n`)), ['true', 'false']);
    assert.deepEqual(labels(items(`${cluster()}|`)), ['spec']);
  });

  it("an InstanceGroup's role offers the roles kops accepts, as its apiVersion spells them, and nothing else", () => {
    const role = (kops: string, api?: string): CompletionEntry[] =>
      items(`${at(kops)}${kopsHeader('InstanceGroup', 'nodes', api)}spec:\n  role: |\n`);
    assert.deepEqual(bySort(role('v1.36.2')), ['Master', 'APIServer', 'Node', 'Bastion']);
    assert.deepEqual(bySort(role('v1.36.2', 'v1alpha3')), ['ControlPlane', 'APIServer', 'Node', 'Bastion']);
    assert.deepEqual(bySort(role('v1.20.0')), ['Node', 'Master', 'Bastion']);
    assert.ok(role('v1.36.2').every((e) => e.kind === 'enum' && !e.isSnippet && e.detail === 'role'));
    assert.equal(item(items(`${kopsHeader('InstanceGroup', 'nodes')}spec:\n  role:|\n`), 'Node').insertText, ' Node');
  });

  it('the other InstanceGroup settings kops checks against a list offer that list, for the release', () => {
    const values = (kops: string, body: string): string[] =>
      bySort(items(`${at(kops)}${kopsHeader('InstanceGroup', 'nodes')}spec:\n${body}`));
    assert.deepEqual(values('v1.36.2', '  updatePolicy: |\n'), ['automatic', 'external']);
    assert.deepEqual(values('v1.19.0', '  updatePolicy: |\n'), [], 'kops v1.19 does not check an InstanceGroup updatePolicy');
    assert.deepEqual(values('v1.36.2', '  tenancy: |\n'), ['default', 'dedicated', 'host']);
    assert.deepEqual(values('v1.36.2', '  volumes:\n  - device: /dev/xvdd\n    filesystem: |\n'), ['btfs', 'ext4', 'xfs']);
    assert.deepEqual(values('v1.36.2', '  instanceMetadata:\n    httpTokens: |\n'), ['optional', 'required']);
    assert.deepEqual(values('v1.22.0', '  mixedInstancesPolicy:\n    spotAllocationStrategy: |\n'), [
      'lowest-price',
      'diversified',
      'capacity-optimized',
    ]);
    assert.ok(values('v1.36.2', '  mixedInstancesPolicy:\n    spotAllocationStrategy: |\n').includes('price-capacity-optimized'));
  });

  it('a Deployment in the same file gets nothing', () => {
    const text = `${CILIUM}      ipam: eni\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n`;
    assert.deepEqual(items(text), []);
    assert.deepEqual(items(`apiVersion: v1\nkind: ConfigMap\ndata:\n  ipam: |\n`), []);
  });
});

describe('completion rows', () => {
  const positions: Record<string, string> = {
    'cilium keys, v1.36.2': `${CILIUM}      |\n`,
    'cilium keys, v1.22.6 (deprecated ones)': `${at('v1.22.6')}${CILIUM}      |\n`,
    'ipam values': `${CILIUM}      ipam: |\n`,
    'cilium versions': `${CILIUM}      version: |\n`,
    'hubble keys': `${CILIUM}      hubble:\n        |\n`,
    'spec keys': `${cluster()}spec:\n  |\n`,
    'networking providers': `${cluster()}spec:\n  networking:\n    |\n`,
    'kubeProxy booleans': `${cluster()}spec:\n  kubeProxy:\n    enabled: |\n`,
    'InstanceGroup keys': kopsDocument('InstanceGroup', 'nodes', ['  role: Node', '  |']),
    'InstanceGroup roles': `${kopsHeader('InstanceGroup', 'nodes')}spec:\n  role: |\n`,
  };

  it('name the kops release once, in the documentation, never in the short detail the row shows', () => {
    for (const [where, marked] of Object.entries(positions)) {
      const entries = items(marked);
      assert.ok(entries.length > 0, where);
      for (const e of entries) {
        assert.doesNotMatch(e.detail, /kops|v1\.\d+\.\d+/, `${where}: ${e.label}`);
        assert.ok(e.detail.length > 0 && e.detail.length <= 30, `${where}: ${e.label} detail ${JSON.stringify(e.detail)}`);
        assert.match(e.documentation, /^kops v\d+\.\d+\.\d+\b/, `${where}: ${e.label}`);
        assert.equal(e.documentation.match(/kops v\d+\.\d+\.\d+/g)?.length, 1, `${where}: ${e.label} names one release once`);
      }
    }
  });

  it('mark the kops default beside its label, and only it', () => {
    const marked = (marked: string) => items(marked).filter((e) => e.labelDescription !== undefined);
    assert.deepEqual(
      marked(`${CILIUM}      ipam: |\n`).map((e) => [e.label, e.labelDescription, e.preselect]),
      [['kubernetes', 'kops default', true]],
    );
    assert.deepEqual(
      marked(`${CILIUM}      enableL7Proxy: |\n`).map((e) => e.label),
      ['true'],
    );
    assert.equal(marked(`${CILIUM}      version: |\n`).length, 1);
    assert.deepEqual(marked(`${CILIUM}      |\n`), [], 'keys carry no mark');
  });
});

describe('completion and hover over the kops integration specs', function () {
  const files = ['privateciliumadvanced.yaml', 'conversion-cilium-v1alpha3.yaml'];
  it('never throw, and every item replaces a one-line range around the cursor', () => {
    for (const name of files) {
      const text = readFileSync(kopsFixture('specs', name), 'utf8');
      const file = parseFile(text);
      const eff = effectiveKopsVersion(file, {});
      for (let line = 0; line < file.lines.lineCount; line++) {
        const len = file.lines.lineText(line).length;
        for (const character of new Set([0, len >> 1, len - 1, len].filter((c) => c >= 0))) {
          const position = { line, character };
          for (const entry of complete(file, position, eff)) {
            const r = entry.range;
            assert.ok(r.start.line === line && r.end.line === line, `${name}:${line}`);
            assert.ok(r.start.character <= character && character <= r.end.character, `${name}:${line}:${character}`);
          }
          hover(file, position, eff);
        }
      }
    }
  });
});
