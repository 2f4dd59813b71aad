import { strict as assert } from 'assert';
import { diagnose, effectiveKopsVersion, fixesFor, linkSpecs, parseFile } from '../../server/src/engine';
import { documentFindings } from '../../server/src/engine/checks/diagnostics';
import type { Finding } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';

/** kops' etcd rules (checks/rules/etcd) and the fix that adds a missing etcd member, through the engine. */

const clusterDoc = (etcdLines: readonly string[], extra: readonly string[] = []): string =>
  kopsDocument('Cluster', 'etcd.example.com', [
    '  configBase: s3://state/etcd.example.com',
    '  kubernetesVersion: 1.35.0',
    '  etcdClusters:',
    ...etcdLines,
    ...extra,
  ]);

const controlPlane = (name: string): string =>
  kopsDocument('InstanceGroup', name, ['  role: Master', '  subnets:', '  - us-east-1a']).replace(
    'metadata:\n',
    'metadata:\n  labels:\n    kops.k8s.io/cluster: etcd.example.com\n',
  );

const members = (...groups: string[]): string[] =>
  groups.flatMap((g) => [`    - instanceGroup: control-plane-${g}`, `      name: ${g.slice(-1)}`]);
const etcd = (name: string, ...groups: string[]): string[] => ['  - etcdMembers:', ...members(...groups), `    name: ${name}`];

function check(text: string, kops = 'v1.36.2') {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, { kopsVersion: kops });
  const findings = diagnose(file, eff).filter((f) => f.code === 'kops-etcd');
  return { findings, fixes: (f: Finding) => fixesFor(file, eff.version, f) };
}

const summary = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.path} ${f.kops?.type}`);

describe('kops etcd rules', () => {
  it('asks a control-plane InstanceGroup for a member in every etcd cluster, and the fix adds it as kops names members', () => {
    const text = [
      clusterDoc([...etcd('main', 'us-east-1a', 'us-east-1b', 'us-east-1c'), ...etcd('events', 'us-east-1a', 'us-east-1b', 'us-east-1d')]),
      controlPlane('control-plane-us-east-1c'),
    ].join('---\n');
    const { findings, fixes } = check(text);
    assert.deepEqual(summary(findings), ['metadata.name Forbidden']);
    assert.equal(findings[0].kops?.path, 'spec.metadata.name');
    assert.equal(
      findings[0].kops?.detail,
      'InstanceGroup "control-plane-us-east-1c" with role ControlPlane must have a member in etcd cluster "events"',
    );
    const [fix] = fixes(findings[0]);
    assert.equal(fix.title, 'Add an etcd member on control-plane-us-east-1c to etcd cluster events');
    assert.equal(fix.preferred, true);
    const fixed = applyEdits(text, fix.edits);
    assert.match(
      fixed,
      /- instanceGroup: control-plane-us-east-1d\n {6}name: d\n {4}- instanceGroup: control-plane-us-east-1c\n {6}name: c\n {4}name: events\n/,
    );
    assert.deepEqual(
      summary(check(fixed).findings),
      ['spec.etcdClusters[1].etcdMembers Invalid'],
      'four members now: kops wants an odd count',
    );
  });

  it('adds the member to a flow list and to a cluster without members', () => {
    const flow = [
      clusterDoc(['  - {name: main, etcdMembers: [{name: a, instanceGroup: control-plane-us-east-1a}]}']),
      controlPlane('control-plane-us-east-1b'),
    ].join('---\n');
    const one = check(flow);
    assert.match(
      applyEdits(flow, one.fixes(one.findings[0])[0].edits),
      /\{name: a, instanceGroup: control-plane-us-east-1a\}, \{name: b, instanceGroup: control-plane-us-east-1b\}/,
    );
    const written = [
      clusterDoc(['  - name: main', '    etcdMembers:', '    - name: a', '      instanceGroup: control-plane-us-east-1a']),
      controlPlane('master-1'),
    ].join('---\n');
    const two = check(written);
    assert.match(
      applyEdits(written, two.fixes(two.findings[0])[0].edits),
      /- name: a\n {6}instanceGroup: control-plane-us-east-1a\n {4}- name: etcd-1\n {6}instanceGroup: master-1\n/,
    );
  });

  it('finds the missing member across files, but offers the fix only where the Cluster is in the same file', () => {
    const clusterFile = parseFile(clusterDoc(etcd('main', 'us-east-1a')));
    const groupFile = parseFile(controlPlane('control-plane-us-east-1b'));
    const eff = effectiveKopsVersion(groupFile, { kopsVersion: 'v1.36.2' });
    const findings = diagnose(groupFile, eff, documentFindings, linkSpecs([clusterFile, groupFile])).filter((f) => f.code === 'kops-etcd');
    assert.deepEqual(summary(findings), ['metadata.name Forbidden']);
    assert.deepEqual(fixesFor(groupFile, eff.version, findings[0]), []);
  });

  it('reads the role as each release decodes it, and leaves the InstanceGroups alone while the Cluster fails', () => {
    const controlPlaneRole = [
      clusterDoc(etcd('main', 'us-east-1a')),
      controlPlane('control-plane-us-east-1b').replace('role: Master', 'role: ControlPlane'),
    ].join('---\n');
    assert.deepEqual(summary(check(controlPlaneRole, 'v1.26.0').findings), ['metadata.name Forbidden']);
    assert.deepEqual(summary(check(controlPlaneRole, 'v1.25.0').findings), [], 'before v1.26 ControlPlane is not a role v1alpha2 knows');
    const failing = [clusterDoc(etcd('main', 'us-east-1a', 'us-east-1z')), controlPlane('control-plane-us-east-1b')].join('---\n');
    assert.deepEqual(summary(check(failing).findings), ['spec.etcdClusters[0].etcdMembers Invalid']);
  });

  it('offers the first cluster’s version for a cluster on another storage version', () => {
    const text = clusterDoc([...etcd('main', 'us-east-1a'), '    version: 3.5.21', ...etcd('events', 'us-east-1a'), '    version: 3.5.17']);
    const { findings, fixes } = check(text);
    assert.deepEqual(summary(findings), ['spec.etcdClusters[1].version Forbidden']);
    assert.equal(findings[0].kops?.detail, 'cluster: "events", has a different storage version: "3.5.17", both must be the same');
    const fixed = applyEdits(text, fixes(findings[0])[0].edits);
    assert.deepEqual(check(fixed).findings, []);
    assert.equal(fixed.match(/version: 3\.5\.21/g)?.length, 2);
  });

  it('underlines the repeated name for a name used twice, which kops blames on the first cluster', () => {
    const text = clusterDoc([...etcd('main', 'us-east-1a'), ...etcd('main', 'us-east-1a')]);
    const [f] = check(text).findings;
    assert.equal(`${f.path} ${f.kops?.type}`, 'spec.etcdClusters[0].backupStore Forbidden');
    assert.equal(f.range.start.line, text.split('\n').lastIndexOf('    name: main'));
  });

  it('dates the rules: storage major versions, providers, member count wording and the name check', () => {
    const v2 = clusterDoc([...etcd('main', 'us-east-1a'), '    version: 2.3.7']);
    assert.deepEqual(summary(check(v2, 'v1.19.0').findings), []);
    assert.deepEqual(summary(check(v2, 'v1.20.0').findings), ['spec.etcdClusters[0].version Invalid']);
    const legacy = clusterDoc([...etcd('main', 'us-east-1a'), '    provider: Legacy']);
    assert.deepEqual(summary(check(legacy, 'v1.22.6').findings), ['spec.etcdClusters[0].provider Forbidden']);
    assert.deepEqual(summary(check(legacy.replace('1.35.0', '1.17.0'), 'v1.22.6').findings), [], 'Legacy still runs Kubernetes 1.17');
    assert.deepEqual(summary(check(legacy, 'v1.23.0').findings), ['spec.etcdClusters[0].provider NotSupported']);
    const even = check(clusterDoc(etcd('main', 'us-east-1a', 'us-east-1b')), 'v1.25.0').findings;
    assert.match(even[0].kops?.detail ?? '', /master-zones/);
    const unnamed = clusterDoc(['  - etcdMembers:', ...members('us-east-1a')]);
    assert.deepEqual(summary(check(unnamed, 'v1.22.2').findings), ['spec.etcdClusters[0].name Required']);
    assert.deepEqual(summary(check(unnamed, 'v1.22.3').findings), [], 'from v1.22.3 etcd-cluster-name reports the empty name');
  });

  it('reports nothing it cannot read: wrong types, template expressions, kops v1.18 nil items', () => {
    assert.deepEqual(check(clusterDoc([...etcd('main', 'us-east-1a', 'us-east-1b'), '    version: 3'])).findings, []);
    assert.deepEqual(check(clusterDoc([...etcd('main', 'us-east-1a'), '    version: {{ .etcdVersion }}'])).findings, []);
    assert.deepEqual(
      check(clusterDoc(['  - etcdMembers:', '    - instanceGroup: {{ .group }}', '      name: a', '    name: main'])).findings,
      [],
    );
    const nullMember = clusterDoc(['  - etcdMembers:', '    -', '    name: main']);
    assert.deepEqual(summary(check(nullMember, 'v1.18.3').findings), []);
    assert.deepEqual(summary(check(nullMember, 'v1.19.0').findings), [
      'spec.etcdClusters[0].etcdMembers[0].name Required',
      'spec.etcdClusters[0].etcdMembers[0].instanceGroup Required',
    ]);
    assert.deepEqual(summary(check(clusterDoc([]).replace('etcdClusters:', 'etcdClusters: []')).findings), ['spec.etcdClusters Required']);
  });
});
