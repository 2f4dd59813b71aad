import { strict as assert } from 'assert';
import { parse } from 'yaml';
import { insertCiliumEtcd } from '../../server/src/engine/features/etcd/insertCiliumEtcd';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { applyEdits } from '../helpers/applyEdits';
import { positionOf } from '../helpers/marker';
import { kopsDocument, kopsHeader } from '../helpers/kopsText';

function run(text: string, anchor?: string): { text: string } | { message: string } {
  const file = parseFile(text);
  const result = insertCiliumEtcd(file, effectiveKopsVersion(file, {}), anchor ? positionOf(text, anchor) : undefined);
  return 'edits' in result ? { text: applyEdits(text, result.edits) } : result;
}

function ran(text: string, anchor?: string): string {
  const result = run(text, anchor);
  assert.ok('text' in result, 'message' in result ? result.message : '');
  return result.text;
}

const NETWORKING = '  networking:\n    cilium:\n      enableNodePort: true\n';
const cluster = (etcd: string, networking = NETWORKING) => `${kopsHeader('Cluster', 'demo.example.com')}spec:
  cloudProvider: aws
${etcd}  kubeProxy:
    enabled: false
  kubernetesVersion: 1.35.0
${networking}`;

const threeMembers = `  etcdClusters:
  - cpuRequest: 200m
    etcdMembers:
    - encryptedVolume: true
      instanceGroup: control-plane-us-east-1a
      name: a
    - encryptedVolume: true
      instanceGroup: control-plane-us-east-1b
      name: b
    - encryptedVolume: true
      instanceGroup: control-plane-us-east-1c
      name: c
    manager:
      backupRetentionDays: 90
    memoryRequest: 100Mi
    name: main
`;

const ciliumCluster = (text: string) => {
  const spec = parse(text.split('\n---\n').find((d) => d.includes('kind: Cluster'))!).spec;
  return { etcd: spec.etcdClusters.find((c: { name: string }) => c.name === 'cilium'), cilium: spec.networking.cilium };
};

describe('kops: Insert Cilium etcd cluster', () => {
  it('mirrors a 3-member main cluster, sets etcdManaged and leaves no diagnostics', () => {
    const text = cluster(threeMembers);
    const out = ran(text);
    const { etcd, cilium } = ciliumCluster(out);
    assert.deepEqual(etcd.etcdMembers, [
      { encryptedVolume: true, instanceGroup: 'control-plane-us-east-1a', name: 'a' },
      { encryptedVolume: true, instanceGroup: 'control-plane-us-east-1b', name: 'b' },
      { encryptedVolume: true, instanceGroup: 'control-plane-us-east-1c', name: 'c' },
    ]);
    assert.deepEqual(etcd.manager, {
      backupRetentionDays: 90,
      env: [
        { name: 'ETCD_AUTO_COMPACTION_MODE', value: 'revision' },
        { name: 'ETCD_AUTO_COMPACTION_RETENTION', value: '2500' },
      ],
    });
    assert.equal(cilium.etcdManaged, true);
    assert.ok(out.startsWith(text.slice(0, text.indexOf('  kubeProxy:'))), 'text before the insertion is untouched');
    assert.match(out, /\n {4}name: main\n {2}- etcdMembers:\n/, 'key order and indentation follow main');
    const file = parseFile(out);
    assert.deepEqual(
      diagnose(file, effectiveKopsVersion(file, {})).map((f) => `${f.code} ${f.path}`),
      [],
    );
  });

  it('changes nothing the second time and says why', () => {
    const once = ran(cluster(threeMembers));
    const again = run(once);
    assert.ok('message' in again);
    assert.match(again.message, /already has a `cilium` etcd cluster and `etcdManaged: true`/);
  });

  it('explains itself when there is no main cluster to mirror', () => {
    const result = run(cluster('  etcdClusters:\n  - name: events\n    etcdMembers:\n    - name: a\n      instanceGroup: cp\n'));
    assert.ok('message' in result);
    assert.match(result.message, /no `main` etcd cluster/);
  });

  it('only adds what is missing', () => {
    const managed = cluster(threeMembers, '  networking:\n    cilium:\n      etcdManaged: true\n');
    const added = ran(managed);
    assert.equal(added.match(/etcdManaged/g)!.length, 1);
    assert.ok(ciliumCluster(added).etcd);
    const withCluster = cluster(
      `${threeMembers}  - etcdMembers:\n    - instanceGroup: control-plane-us-east-1a\n      name: a\n    name: cilium\n`,
    );
    assert.equal(
      ran(withCluster),
      withCluster.replace('      enableNodePort: true\n', '      enableNodePort: true\n      etcdManaged: true\n'),
    );
  });

  it('writes no auto-compaction env before kops v1.22', () => {
    const text = `# kops-version: v1.21.0\n${cluster('  etcdClusters:\n  - name: main\n    etcdMembers:\n    - name: a\n      instanceGroup: master-a\n')}`;
    const { etcd } = ciliumCluster(ran(text));
    assert.deepEqual(etcd, { name: 'cilium', etcdMembers: [{ name: 'a', instanceGroup: 'master-a' }] });
  });

  it('extends flow-style clusters and Cilium blocks', () => {
    const text = cluster('  etcdClusters: [{name: main, etcdMembers: [{name: a, instanceGroup: cp-a}]}]\n', '  networking: {cilium: {}}\n');
    const out = ran(text);
    const { etcd, cilium } = ciliumCluster(out);
    assert.deepEqual(etcd.etcdMembers, [{ name: 'a', instanceGroup: 'cp-a' }]);
    assert.equal(cilium.etcdManaged, true);
    assert.match(
      out,
      /etcdClusters: \[\{name: main, .*\}, \{name: cilium, etcdMembers: \[\{name: a, instanceGroup: cp-a\}\], manager: \{env: \[/,
    );
  });

  it('edits only the Cluster document of a multi-document file, wherever the cursor is', () => {
    const ig = (name: string) => kopsDocument('InstanceGroup', name, ['  role: Node']);
    const text = `${ig('nodes-a')}---\n${cluster(threeMembers)}---\n${ig('nodes-b')}`;
    const out = ran(text, 'nodes-b');
    const docs = out.split('\n---\n');
    assert.equal(docs[0], ig('nodes-a').trimEnd());
    assert.equal(docs[2], ig('nodes-b'));
    assert.ok(ciliumCluster(out).etcd);
  });

  it('refuses for a cluster on another networking provider', () => {
    const result = run(cluster(threeMembers, '  networking:\n    calico: {}\n'));
    assert.ok('message' in result);
    assert.match(result.message, /calico/);
  });
});
