import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { kopsDocuments, parseFile, type ParsedFile } from '../../server/src/engine/document/documents';
import { parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';
import { suggestKeys } from '../../server/src/engine/kops/didYouMean';
import { schemaFindings } from '../../server/src/engine/checks/schema/schemaFindings';
import { schemaAt, specSchema } from '../../server/src/engine/kops/schema/specSchema';
import type { Finding, Range } from '../../server/src/engine/types';
import { kopsFixture } from '../helpers/fixturePaths';
import { kopsHeader } from '../helpers/kopsText';

const SPECS = kopsFixture('specs');

function kops(text: string): KopsVersion {
  const r = parseKopsVersion(text);
  if ('error' in r) throw new Error(r.error);
  return r.version;
}

/** Strips the one `⟦…⟧` marker from a fixture and returns the file plus the marked range. */
function marked(fixture: string): { file: ParsedFile; range: Range } {
  const start = fixture.indexOf('⟦');
  const end = fixture.indexOf('⟧') - 1;
  const file = parseFile(fixture.replace('⟦', '').replace('⟧', ''));
  return { file, range: file.lines.range(start, end) };
}

const findingsOf = (file: ParsedFile, version = 'v1.36.2'): Finding[] =>
  kopsDocuments(file).flatMap((doc) => schemaFindings(file, doc, kops(version)));

const check = (fixture: string, version = 'v1.36.2'): { findings: Finding[]; range: Range } => {
  const { file, range } = marked(fixture);
  return { findings: findingsOf(file, version), range };
};

/** The findings of a fixture with one marked range, as [what `pick` reads, range] pairs, and that range. */
const pickedAt = (fixture: string, pick: (f: Finding) => unknown, version?: string): { got: unknown[][]; range: Range } => {
  const { findings, range } = check(fixture, version);
  return { got: findings.map((f) => [pick(f), f.range]), range };
};

const cluster = (spec: string, api = 'v1alpha2'): string => `${kopsHeader('Cluster', 'a.example.com', api)}spec:\n${spec}`;
const instanceGroup = (spec: string): string => `${kopsHeader('InstanceGroup', 'nodes')}spec:\n${spec}`;

describe('kops spec schema', () => {
  describe('real kops specs', () => {
    const sources = JSON.parse(readFileSync(join(SPECS, 'sources.json'), 'utf8')) as Array<{ file: string; tag: string }>;
    for (const name of readdirSync(SPECS).filter((f) => f.endsWith('.yaml'))) {
      const tag = sources.find((s) => s.file === name)?.tag ?? 'v1.36.2';
      it(`${name} (kops ${tag}) has no schema errors`, () => {
        const file = parseFile(readFileSync(join(SPECS, name), 'utf8'));
        assert.ok(kopsDocuments(file).length > 0);
        const found = findingsOf(file, tag).map((f) => `${f.severity} ${f.path}`);
        // complex.yaml carries a key the CRD does not know (fact base §4); kops ignores it.
        assert.deepEqual(found, name === 'complex.yaml' ? ['warning spec.serviceOIDCProvider'] : []);
      });
    }

    it('checks all 41 documents of the large multi-document file', () => {
      const text = readFileSync(join(SPECS, 'large-multidoc.yaml'), 'utf8').replace(/^ {2}maxSize:/gm, '  maxSise:');
      const file = parseFile(text);
      assert.equal(kopsDocuments(file).length, 41);
      assert.equal(findingsOf(file).filter((f) => f.code === 'schema-unknown-key').length, 40);
    });
  });

  describe('unknown keys', () => {
    it('warns on a Cluster typo, on the key, with ranked suggestions and rename fixes', () => {
      const { findings, range } = check(cluster('  ⟦kubernetesVersoin⟧: v1.31.0\n'));
      assert.equal(findings.length, 1);
      const [f] = findings;
      assert.equal(f.code, 'schema-unknown-key');
      assert.equal(f.severity, 'warning');
      assert.equal(f.path, 'spec.kubernetesVersoin');
      assert.deepEqual(f.range, range);
      assert.match(f.message, /^kops ignores unknown key 'kubernetesVersoin' under spec; did you mean 'kubernetesVersion'\?$/);
      assert.equal(f.docs, 'https://kops.sigs.k8s.io/cluster_spec/');
      assert.equal(f.kops, undefined);
      assert.deepEqual(f.fixes?.[0].edits, [{ range, newText: 'kubernetesVersion' }]);
    });

    it('suggests machineType for an InstanceGroup typo', () => {
      const { findings, range } = check(instanceGroup('  ⟦machineTyp⟧: t3.medium\n  role: Node\n'));
      assert.equal(findings.length, 1);
      assert.deepEqual(findings[0].range, range);
      assert.match(findings[0].message, /did you mean 'machineType'/);
      assert.equal(findings[0].docs, 'https://kops.sigs.k8s.io/instance_groups/');
    });

    it('paths list items with [i]', () => {
      const { got, range } = pickedAt(cluster('  subnets:\n  - name: a\n    zone: z\n  - name: b\n    ⟦zonee⟧: z\n'), (f) => [
        f.path,
        f.message,
      ]);
      assert.deepEqual(got, [
        [['spec.subnets[1].zonee', "kops ignores unknown key 'zonee' under spec.subnets[1]; did you mean 'zone'?"], range],
      ]);
    });

    it('says so when nothing is close', () => {
      const { findings } = check(cluster('  ⟦qqqqqqqq⟧: 1\n'));
      assert.equal(findings[0].fixes?.length, 0);
      assert.match(findings[0].message, /kops ignores unknown key 'qqqqqqqq' under spec; remove it/);
    });

    it('ranks case-only differences first and keeps only close keys', () => {
      assert.equal(suggestKeys('associatePublicIP', ['associatePublicIp', 'associatePublicIpv6'])[0], 'associatePublicIp');
      assert.deepEqual(suggestKeys('zzzz', ['role', 'image', 'zones']), []);
      assert.ok(suggestKeys('memory', ['memoryRequest', 'memoryLimit']).length === 0);
    });
  });

  describe('keys of newer kops releases', () => {
    const fixture = cluster('  cloudControllerManager:\n    ⟦concurrentNodeSyncs⟧: 5\n');

    it('warns before the release that brings the key, naming that release', () => {
      const { findings, range } = check(fixture, 'v1.28.7');
      assert.deepEqual(
        findings.map((f) => [f.code, f.severity, f.range, f.message]),
        [
          [
            'schema-key-newer-kops',
            'warning',
            range,
            "kops v1.28.7 ignores 'concurrentNodeSyncs' under spec.cloudControllerManager: it arrives in kops v1.29 (kops has it since v1.29).",
          ],
        ],
      );
    });

    it('accepts it from that release on', () => {
      assert.deepEqual(check(fixture, 'v1.29.0').findings, []);
    });

    it('accepts it on the newest release', () => {
      assert.deepEqual(check(fixture, 'v1.36.2').findings, []);
    });
  });

  describe('values kops cannot decode', () => {
    it('errors on a list where a string belongs, on the value', () => {
      const { findings, range } = check(cluster('  kubernetesVersion: ⟦[1]⟧\n'));
      assert.deepEqual(
        findings.map((f) => [f.code, f.severity, f.path, f.range]),
        [['schema-type', 'error', 'spec.kubernetesVersion', range]],
      );
      assert.match(findings[0].message, /must be a string, not a list; kops cannot decode this Cluster/);
    });

    it('errors on a string where a boolean belongs', () => {
      const { findings, range } = check(cluster('  kubeAPIServer:\n    anonymousAuth: ⟦"nope"⟧\n'));
      assert.deepEqual(
        findings.map((f) => [f.severity, f.path, f.range]),
        [['error', 'spec.kubeAPIServer.anonymousAuth', range]],
      );
    });

    it('explains a bare word where a map belongs as a key being typed', () => {
      const { findings, range } = check(cluster('  kubeAPIServer:\n    ⟦anon⟧\n'));
      assert.deepEqual(
        findings.map((f) => [f.severity, f.range]),
        [['error', range]],
      );
      assert.match(findings[0].message, /must be a map of keys, not the string "anon".*write 'anon: <value>'/);
    });

    it('offers to quote a number given for a string', () => {
      const { findings, range } = check(cluster('  kubernetesVersion: ⟦1.30⟧\n'));
      assert.deepEqual(findings[0].fixes?.[0].edits, [{ range, newText: '"1.30"' }]);
    });

    it('errors on a quantity kops cannot parse, and accepts integers, floats and suffixes', () => {
      const { got, range } = pickedAt(
        cluster('  kubeAPIServer:\n    cpuRequest: ⟦lots⟧\n    cpuLimit: 3.14\n    memoryRequest: 128Mi\n    memoryLimit: 1\n'),
        (f) => f.code,
      );
      assert.deepEqual(got, [['schema-quantity', range]]);
    });

    it('keeps int-or-string surge values integer or string', () => {
      const ok = cluster('  rollingUpdate:\n    maxSurge: 25%\n    maxUnavailable: 1\n');
      assert.deepEqual(findingsOf(parseFile(ok)), []);
      const { findings, range } = check(cluster('  rollingUpdate:\n    maxSurge: ⟦1.5⟧\n'));
      assert.deepEqual(
        findings.map((f) => f.range),
        [range],
      );
    });

    it('accepts what YAML 1.1 (kops) reads as the right type, and null', () => {
      const text = cluster('  kubelet:\n    anonymousAuth: yes\n    maxPods: 1_000\n  kubeProxy:\n  sshAccess:\n');
      assert.deepEqual(findingsOf(parseFile(text)), []);
    });
  });

  describe('what the schema accepts', () => {
    it('accepts iam: {} and iam.legacy (no Go required artefacts)', () => {
      assert.deepEqual(findingsOf(parseFile(cluster('  iam: {}\n'))), []);
      assert.deepEqual(findingsOf(parseFile(cluster('  iam:\n    legacy: false\n')), 'v1.19.0'), []);
    });

    it('leaves spec.networking.cilium to the Cilium rules', () => {
      const text = cluster('  networking:\n    cilium:\n      enableNodePrt: true\n      ipam: [5]\n');
      assert.deepEqual(findingsOf(parseFile(text)), []);
    });

    it('checks v1alpha3 documents without inventing errors for renamed keys', () => {
      const v1alpha3 = cluster(
        '  cloudProvider:\n    aws: {}\n  api:\n    publicName: x\n  kubelet:\n    ⟦anonymousAut⟧: true\n',
        'v1alpha3',
      );
      const { got, range } = pickedAt(v1alpha3, (f) => f.path);
      assert.deepEqual(got, [['spec.kubelet.anonymousAut', range]]);
    });

    it('never throws on broken YAML or alias bombs', () => {
      const broken = cluster('  kubelet: [\n    anonymousAuth: "x\n');
      assert.deepEqual(findingsOf(parseFile(broken)), []);
      const bomb = cluster(
        '  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      );
      assert.doesNotThrow(() => findingsOf(parseFile(bomb)));
    });
  });

  describe('schema lookup for completion', () => {
    it('describes the whole document', () => {
      const root = specSchema('Cluster', kops('v1.36.2'));
      assert.deepEqual(Object.keys(root.properties ?? {}).sort(), ['apiVersion', 'kind', 'metadata', 'spec']);
      assert.deepEqual(root.properties?.kind.enum, ['Cluster']);
    });

    it('keeps the Cilium block, with descriptions cut to one sentence', () => {
      const cilium = schemaAt('Cluster', kops('v1.36.2'), ['spec', 'networking', 'cilium']);
      const nodePort = cilium?.properties?.enableNodePort;
      assert.equal(nodePort?.type, 'boolean');
      assert.ok(nodePort?.description && nodePort.description.length <= 201 && !nodePort.description.includes('\n'));
      assert.equal(schemaAt('Cluster', kops('v1.36.2'), ['spec', 'networking', 'cilium', 'memoryRequest'])?.intOrString, true);
    });

    it('steps into list items by number and map values by key', () => {
      assert.equal(schemaAt('Cluster', kops('v1.36.2'), ['spec', 'subnets', 0, 'zone'])?.type, 'string');
      assert.equal(schemaAt('Cluster', kops('v1.36.2'), ['spec', 'cloudLabels', 'team'])?.type, 'string');
      assert.equal(schemaAt('InstanceGroup', kops('v1.20.0'), ['spec', 'machineType'])?.type, 'string');
    });

    it('has exactly the keys of the kops release', () => {
      assert.equal(schemaAt('Cluster', kops('v1.19.3'), ['spec', 'certManager']), undefined);
      assert.ok(schemaAt('Cluster', kops('v1.20.0'), ['spec', 'certManager']));
      assert.equal(schemaAt('Cluster', kops('v1.35.0'), ['spec', 'networking', 'cilium', 'extraConfig']), undefined);
      assert.equal(schemaAt('Cluster', kops('v1.18.3'), ['spec', 'networking', 'cilium', 'hubble']), undefined);
      assert.ok(schemaAt('Cluster', kops('v1.19.0'), ['spec', 'networking', 'cilium', 'hubble']));
    });
  });
});
