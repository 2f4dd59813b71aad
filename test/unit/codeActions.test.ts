import { strict as assert } from 'assert';
import { codeActions, type EngineCodeAction } from '../../server/src/engine/features/codeActions';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import type { Range } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { positionOf } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

function actionsAt(text: string, anchor: string, only?: string[]): EngineCodeAction[] {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  const at = positionOf(text, anchor);
  const range: Range = { start: at, end: at };
  return codeActions(file, eff, range, diagnose(file, eff), only);
}

const findingsOf = (text: string) => {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, {}));
};

const head = kopsDocument('Cluster', 'demo.example.com', ['  kubernetesVersion: 1.35.0']);

describe('code actions', () => {
  it('offers the fixes of the finding under the cursor, the best one preferred', () => {
    const text = `${head}  kubeProxy:\n    proxyMode: iptables\n  networking:\n    cilium:\n      enableNodePort: true\n`;
    const actions = actionsAt(text, 'kubeProxy');
    const quick = actions.filter((a) => a.kind === 'quickfix');
    assert.deepEqual(
      quick.map((a) => [a.title, a.isPreferred === true, a.diagnosticCodes]),
      [
        ['Set kubeProxy.enabled: false (Cilium NodePort replaces kube-proxy)', true, ['cilium-nodeport-kubeproxy']],
        ['Turn off Cilium NodePort (enableNodePort: false)', false, ['cilium-nodeport-kubeproxy']],
      ],
    );
    const best = quick.filter((a) => a.isPreferred);
    assert.deepEqual(
      findingsOf(applyEdits(text, best[0].edits)).filter((f) => f.kops),
      [],
    );
  });

  it('offers nothing for a range away from any finding', () => {
    const text = `${head}  kubeProxy:\n    proxyMode: iptables\n  networking:\n    cilium:\n      enableNodePort: true\n`;
    assert.deepEqual(
      actionsAt(text, 'kubernetesVersion').filter((a) => a.kind === 'quickfix'),
      [],
    );
  });

  it('fixes every dead key of the file at once, in one action per code', () => {
    const text = `${head}  networking:\n    cilium:\n      bpfRoot: /sys/fs/bpf\n      ipam: kubernetes\n      agentLabels:\n      - a\n      enableipv6: false\n`;
    const dead = findingsOf(text).filter((f) => f.code === 'cilium-dead-key');
    assert.deepEqual(
      dead.map((f) => f.range.start),
      ['bpfRoot', 'agentLabels', 'enableipv6'].map((key) => positionOf(text, key)),
    );
    const all = actionsAt(text, 'bpfRoot').filter((a) => a.kind === 'quickfix' && /Fix all/.test(a.title));
    assert.equal(all.length, 1);
    assert.deepEqual(all[0].diagnosticCodes, ['cilium-dead-key']);
    const fixed = applyEdits(text, all[0].edits);
    assert.equal(fixed, `${head}  networking:\n    cilium:\n      ipam: kubernetes\n`);
  });

  it('has a source.fixAll action that applies only bulk-safe fixes, for requests that ask for that kind', () => {
    const text = `${head}  networking:\n    cilium:\n      bpfRoot: /sys/fs/bpf\n      enableNodeport: true\n      tunnel: vxlna\n`;
    for (const only of [['source.fixAll'], ['source']]) {
      const fixAll = actionsAt(text, 'kubernetesVersion', only).filter((a) => a.kind === 'source.fixAll');
      assert.equal(fixAll.length, 1, only.join());
      const fixed = applyEdits(text, fixAll[0].edits);
      assert.equal(fixed, `${head}  networking:\n    cilium:\n      enableNodePort: true\n      tunnel: vxlna\n`);
    }
  });

  it("offers the file's safe fixes beside a finding's own fixes, and not on a line without a finding", () => {
    const text = `${head}  networking:\n    cilium:\n      bpfRoot: /sys/fs/bpf\n      enableNodeport: true\n      tunnel: vxlna\n`;
    const fileWide = (anchor: string) => actionsAt(text, anchor).filter((a) => /safe kops fix/.test(a.title));
    assert.deepEqual(
      fileWide('bpfRoot').map((a) => [a.kind, a.title]),
      [['quickfix', 'Apply 2 safe kops fixes in this file']],
    );
    assert.deepEqual(fileWide('kubernetesVersion'), []);
    assert.equal(fileWide('vxlna').length, 1, 'a finding without a safe fix of its own still reaches the others');
  });

  it('offers the etcd rewrite on the `cilium:` line, and not once it is done', () => {
    const text = `${head}  etcdClusters:\n  - name: main\n    etcdMembers:\n    - name: a\n      instanceGroup: control-plane-a\n  networking:\n    cilium:\n      ipam: kubernetes\n`;
    const rewrite = actionsAt(text, 'cilium:').filter((a) => a.kind === 'refactor.rewrite');
    assert.equal(rewrite.length, 1);
    const done = applyEdits(text, rewrite[0].edits);
    assert.deepEqual(
      findingsOf(done).map((f) => f.code),
      [],
    );
    assert.deepEqual(
      actionsAt(done, 'cilium:').filter((a) => a.kind === 'refactor.rewrite'),
      [],
    );
    assert.deepEqual(
      actionsAt(text, 'kubernetesVersion').filter((a) => a.kind === 'refactor.rewrite'),
      [],
    );
  });

  it('offers Cilium etcd actions only on the lines they are about, not on ipam or version', () => {
    const text =
      `${head}  etcdClusters:\n  - name: main\n    etcdMembers:\n    - name: a\n      instanceGroup: control-plane-a\n` +
      `  networking:\n    cilium:\n      ipam: kubernetes\n      version: v1.18.6\n      etcdManaged: true\n`;
    assert.ok(findingsOf(text).some((f) => f.code === 'cilium-etcdmanaged-needs-cluster'));
    const etcdTitles = (anchor: string, offset = 0) => {
      const file = parseFile(text);
      const eff = effectiveKopsVersion(file, {});
      const at = positionOf(text, anchor, offset);
      return codeActions(file, eff, { start: at, end: at }, diagnose(file, eff))
        .map((a) => a.title)
        .filter((t) => /etcd/.test(t));
    };
    for (const [anchor, offset] of [
      ['ipam', 0],
      ['ipam: kubernetes', 14],
      ['version', 0],
      ['version: v1.18.6', 12],
      ['instanceGroup', 0],
    ] as const)
      assert.deepEqual(etcdTitles(anchor, offset), [], `${anchor} +${offset}`);
    assert.deepEqual(etcdTitles('cilium:'), ['Give Cilium its own etcd cluster (etcdManaged)']);
    assert.deepEqual(etcdTitles('etcdManaged'), [
      'Give Cilium its own etcd cluster (etcdManaged)',
      'Show the safe steps to change etcdManaged on a running cluster',
    ]);
    assert.deepEqual(etcdTitles('etcdClusters'), ['Add the cilium etcd cluster (members mirror main)', 'Remove etcdManaged']);
  });

  it('fixes what comes before a YAML syntax error, one by one and all at once', () => {
    const text = `${head}  networking:\n    cilium:\n      enableNodeport: true\n      bpfRoot: [oops\n`;
    const actions = actionsAt(text, 'enableNodeport').concat(actionsAt(text, 'bpfRoot'));
    assert.deepEqual(
      actions.map((a) => [a.kind, a.title]),
      [
        ['quickfix', 'Rename to enableNodePort'],
        ['quickfix', 'Apply 2 safe kops fixes in this file'],
        ['quickfix', 'Remove bpfRoot (kops discards it)'],
        ['quickfix', 'Apply 2 safe kops fixes in this file'],
      ],
    );
    assert.equal(applyEdits(text, actions[1].edits), `${head}  networking:\n    cilium:\n      enableNodePort: true\n`);
  });

  it('offers nothing in a file with nothing to fix: empty, binary, broken YAML, an undefined alias', () => {
    for (const text of ['', '\u0000\u0001', `${head}  networking: [\n`, 'kind: Cluster\napiVersion: kops.k8s.io/v1alpha2\nspec: *x\n']) {
      const file = parseFile(text);
      const eff = effectiveKopsVersion(file, {});
      const range = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
      assert.deepEqual(codeActions(file, eff, range, diagnose(file, eff)), [], JSON.stringify(text));
    }
  });
});
