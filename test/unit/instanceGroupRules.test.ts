import { strict as assert } from 'assert';
import { diagnose, effectiveKopsVersion, parseFile, type Finding, type Fix } from '../../server/src/engine';
import { fixesFor } from '../../server/src/engine/features/fixes';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';

const CLUSTER = kopsDocument('Cluster', 'demo.example.com', [
  '  cloudProvider: aws',
  '  kubernetesVersion: 1.35.0',
  '  subnets:',
  '  - name: us-east-1a',
  '    zone: us-east-1a',
  '  - name: us-east-1b',
  '    zone: us-east-1b',
]);

const group = (name: string, lines: readonly string[]): string =>
  kopsDocument('InstanceGroup', name, ['  image: ubuntu', '  machineType: t3.medium', ...lines]);

const spec = (version: string, ...docs: string[]): string => `# kops-version: ${version}\n${[CLUSTER, ...docs].join('---\n')}`;

function analyse(text: string): { findings: Finding[]; fixes: (f: Finding) => Fix[] } {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  return {
    findings: diagnose(file, eff).filter((f) => f.code.startsWith('kops-instancegroup')),
    fixes: (f) => fixesFor(file, eff.version, f),
  };
}

const lineOf = (text: string, anchor: string): number => text.split('\n').findIndex((l) => l.includes(anchor));
const summary = (f: Finding): string => `${f.path} ${f.kops?.type ?? ''}`;

describe('kops InstanceGroup rules', () => {
  it('reports minSize 3 with maxSize 1 as an error on the maxSize line, fixed by swapping them', () => {
    const text = spec('v1.36.2', group('nodes', ['  role: Node', '  minSize: 3', '  maxSize: 1', '  subnets:', '  - us-east-1a']));
    const { findings, fixes } = analyse(text);
    assert.deepEqual(findings.map(summary), ['spec.maxSize Forbidden']);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(finding.range.start.line, lineOf(text, 'maxSize: 1'));
    const swap = fixes(finding).find((f) => f.preferred);
    assert.ok(swap);
    const fixed = applyEdits(text, swap.edits);
    assert.match(fixed, /minSize: 1\n {2}maxSize: 3\n/);
    assert.deepEqual(analyse(fixed).findings, []);
  });

  it('reports a subnet the cluster lacks on its line, and offers the closest cluster subnet the group does not use', () => {
    const text = spec(
      'v1.36.2',
      group('nodes', ['  role: Node', '  minSize: 1', '  maxSize: 2', '  subnets:', '  - us-east-1a', '  - us-east-1c']),
    );
    const { findings, fixes } = analyse(text);
    assert.deepEqual(findings.map(summary), ['spec.subnets[1] NotFound']);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(finding.code, 'kops-instancegroup-cluster');
    assert.equal(finding.kops?.path, 'spec.networking.subnets[1]');
    assert.equal(finding.range.start.line, lineOf(text, '- us-east-1c'));
    assert.match(finding.message, /did you mean us-east-1b\?/);
    const change = fixes(finding).find((f) => f.preferred);
    assert.ok(change);
    assert.deepEqual(analyse(applyEdits(text, change.edits)).findings, []);
  });

  it('prints the subnet path as kops did before v1.26', () => {
    const text = spec('v1.25.0', group('nodes', ['  role: Node', '  subnets:', '  - eu-west-1a']));
    const [finding] = analyse(text).findings;
    assert.equal(finding.path, 'spec.subnets[0]');
    assert.equal(finding.kops?.path, 'spec.subnets[0]');
  });

  it('checks an InstanceGroup against a Cluster only when it is known, and not its subnets when a name is templated', () => {
    const alone = `# kops-version: v1.36.2\n${group('nodes', ['  role: Node', '  subnets:', '  - nowhere'])}`;
    assert.deepEqual(analyse(alone).findings, []);
    const templated = spec('v1.36.2', group('nodes', ['  role: Node', '  subnets:', '  - us-east-1a'])).replace(
      '  - name: us-east-1b',
      '  - name: {{ .zone }}',
    );
    assert.deepEqual(analyse(templated.replace('  - us-east-1a\n', '  - us-east-1c\n')).findings, []);
  });

  it('dates the one-instance limit of control-plane groups: v1.25.4 says master, v1.26 says controlPlane', () => {
    const controlPlane = group('control-plane', ['  role: Master', '  minSize: 1', '  maxSize: 2', '  subnets:', '  - us-east-1a']);
    assert.deepEqual(analyse(spec('v1.25.3', controlPlane)).findings, []);
    const details = (version: string): string[] => analyse(spec(version, controlPlane)).findings.map((f) => f.kops?.detail ?? '');
    assert.deepEqual(details('v1.25.4'), ['master InstanceGroup must have maxSize set to 1, add more InstanceGroups instead']);
    assert.deepEqual(details('v1.26.0'), ['controlPlane InstanceGroup must have maxSize set to 1, add more InstanceGroups instead']);
  });

  it('removes a repeated taint with its line', () => {
    const text = spec('v1.36.2', group('nodes', ['  role: Node', '  taints:', '  - gpu=true:NoSchedule', '  - gpu=true:NoSchedule']));
    const { findings, fixes } = analyse(text);
    assert.deepEqual(findings.map(summary), ['spec.taints[1] Duplicate']);
    const removal = fixes(findings[0]).find((f) => f.preferred);
    assert.ok(removal);
    assert.equal(applyEdits(text, removal.edits), text.replace('  - gpu=true:NoSchedule\n', ''));
  });

  it('leaves values written as templates alone', () => {
    const text = spec(
      'v1.36.2',
      group('nodes', [
        '  role: Node',
        '  cloudLabels:',
        '    kops.k8s.io/instancegroup: {{ .name }}',
        '  sysctlParameters:',
        '  - {{ .sysctl }}',
        '  taints:',
        '  - {{ .a }}',
        '  - {{ .b }}',
      ]),
    );
    assert.deepEqual(analyse(text).findings, []);
  });

  it('never throws on odd shapes, and reports nothing it cannot read', () => {
    const odd = [
      ['  role: 5', '  subnets: foo', '  minSize: "3"', '  maxSize: 1'],
      ['  role: Node', '  warmPool: []', '  rollingUpdate: 5', '  hooks: {a: 1}', '  taints: [1, [2]]'],
      ['  role: Node', '  cloudLabels: [a]', '  nodeLabels: &n {<<: *n}', '  externalLoadBalancers: [5]', '  containerd: {version: 7}'],
      [
        '  role: Node',
        '  volumes: [{device: /dev/xvdb, size: big}]',
        '  volumeMounts: [{filesystem: 3, device: d, path: p}]',
        '  iam: {profile: 5}',
      ],
    ];
    for (const lines of odd) {
      const text = spec('v1.36.2', group('nodes', lines));
      assert.doesNotThrow(() => analyse(text));
    }
    assert.deepEqual(analyse(spec('v1.36.2', group('nodes', odd[0]))).findings, []);
    assert.deepEqual(analyse(spec('v1.36.2', group('nodes', odd[3]))).findings, []);
  });
});
