import { strict as assert } from 'assert';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { fixesFor } from '../../server/src/engine/features/fixes';
import type { Finding, Fix } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';

function fixesOf(text: string, code: string): { finding: Finding; fixes: Fix[] } {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  const finding = diagnose(file, eff).find((f) => f.code === code);
  assert.ok(finding, `expected a ${code} finding`);
  return { finding, fixes: fixesFor(file, eff.version, finding) };
}

function applyFix(text: string, code: string, title: RegExp): string {
  const fix = fixesOf(text, code).fixes.find((f) => title.test(f.title));
  assert.ok(fix, `a fix titled ${String(title)}`);
  return applyEdits(text, fix.edits);
}

const cluster = (kops: string, specLines: string[]) =>
  `# kops-version: ${kops}\n${kopsDocument('Cluster', 'demo.example.com', ['  kubernetesVersion: 1.33.0', ...specLines])}`;

describe('fixes put what they add beside what their finding is about', () => {
  it('adds bpfLBSock on the line after bpfLBSockHostNSOnly, not after the hubble block that follows it', () => {
    const before = ['  networking:', '    cilium:', '      ipam: kubernetes', '      bpfLBSockHostNSOnly: true # asked by ops'];
    const after = [
      '      # observability',
      '      hubble:',
      '        enabled: false',
      '        metrics:',
      '        - dns',
      '  kubeProxy:',
      '    enabled: false',
    ];
    const text = cluster('v1.36.2', [...before, ...after]);
    const fixed = applyFix(text, 'cilium-bpflbsock-hostns', /bpfLBSock: true/);
    assert.equal(
      fixed,
      text.replace('bpfLBSockHostNSOnly: true # asked by ops\n', 'bpfLBSockHostNSOnly: true # asked by ops\n      bpfLBSock: true\n'),
    );
  });

  it('adds etcdManaged beside identityAllocationMode for a kvstore finding', () => {
    const text = cluster('v1.36.2', [
      '  etcdClusters:',
      '  - name: main',
      '    etcdMembers:',
      '    - name: a',
      '      instanceGroup: control-plane-a',
      '  networking:',
      '    cilium:',
      '      identityAllocationMode: kvstore',
      '      ipam: kubernetes',
    ]);
    const fixed = applyFix(text, 'cilium-kvstore-needs-etcd', /managed etcd/);
    assert.match(fixed, /\n {6}identityAllocationMode: kvstore\n {6}etcdManaged: true\n {6}ipam: kubernetes\n/);
  });

  it('adds kubeProxy right after the networking block the NodePort finding sits in, before the next key and its comment', () => {
    const text = cluster('v1.36.2', [
      '  networking:',
      '    cilium:',
      '      enableNodePort: true',
      '  # sizing',
      '  topology:',
      '    dns:',
      '      type: None',
    ]);
    const fixed = applyFix(text, 'cilium-nodeport-kubeproxy', /Set kubeProxy.enabled: false/);
    assert.equal(fixed, text.replace('  # sizing\n', '  kubeProxy:\n    enabled: false\n  # sizing\n'));
  });

  it("adds a kops rule's key beside the key the rule blames: the load balancer class next to its type", () => {
    const text = cluster('v1.30.4', [
      '  cloudProvider: aws',
      '  api:',
      '    loadBalancer:',
      '      type: Public',
      '      additionalSecurityGroups:',
      '      - sg-1',
      '  topology:',
      '    dns:',
      '      type: None',
    ]);
    const fixed = applyFix(text, 'kops-api', /class to Network/);
    assert.equal(fixed, text.replace('      type: Public\n', '      type: Public\n      class: Network\n'));
  });

  it('adds certManager right after the metricsServer block whose secure mode needs it', () => {
    const text = cluster('v1.30.4', ['  metricsServer:', '    enabled: true', '  topology:', '    dns:', '      type: None']);
    const fixed = applyFix(text, 'kops-components', /cert-manager/);
    assert.equal(fixed, text.replace('  topology:\n', '  certManager:\n    enabled: true\n  topology:\n'));
  });
});

describe('a Cilium version fix says what it changes', () => {
  const text = cluster('v1.36.2', ['  networking:', '    cilium:', '      version: v1.16.5']);

  it('names both Cilium minors when it moves to another one, and points at the upgrade notes', () => {
    const { fixes } = fixesOf(text, 'cilium-version-supported');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.preferred === true]),
      [
        ["Set kops' default v1.18.6 (Cilium 1.16 → 1.18; read the upgrade notes)", true],
        ["Remove version (kops' default v1.18.6: Cilium 1.16 → 1.18)", false],
      ],
    );
    for (const f of fixes) assert.ok(f.title.length <= 70, f.title);
    assert.equal(fixes[0].readFirst?.url, 'https://docs.cilium.io/en/v1.18/operations/upgrade/#version-specific-notes');
  });

  it('offers the upgrade notes as their own action beside the fixes, opening the link', () => {
    const file = parseFile(text);
    const eff = effectiveKopsVersion(file, {});
    const findings = diagnose(file, eff);
    const finding = findings.find((f) => f.code === 'cilium-version-supported')!;
    const notes = codeActions(file, eff, finding.range, findings).filter((a) => a.command?.name === 'openLink');
    assert.deepEqual(
      notes.map((a) => [a.title, a.edits.length, a.command?.arguments, a.diagnosticCodes]),
      [
        [
          'Open the Cilium 1.18 upgrade notes',
          0,
          ['https://docs.cilium.io/en/v1.18/operations/upgrade/#version-specific-notes'],
          ['cilium-version-supported'],
        ],
      ],
    );
  });

  it('keeps the short titles and no notes when the minor stays the same', () => {
    const sameMinor = cluster('v1.36.2', ['  networking:', '    cilium:', '      version: "1.18.6"']);
    const { fixes } = fixesOf(sameMinor, 'cilium-version-prefix');
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Use kops v1.36.2's default Cilium v1.18.6", 'Remove version (kops installs its default, v1.18.6)'],
    );
    assert.ok(fixes.every((f) => f.readFirst === undefined));
  });
});
