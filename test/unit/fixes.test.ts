import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { fixesFor } from '../../server/src/engine/features/fixes';
import type { Finding, Fix } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { kopsFixture } from '../helpers/fixturePaths';
import { kopsDocument } from '../helpers/kopsText';

const CASE_DIRS = [kopsFixture('validation-cases'), path.join(__dirname, '..', 'cases')];

function analyse(text: string): { findings: Finding[]; fixes: (f: Finding) => Fix[] } {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  return { findings: diagnose(file, eff), fixes: (f) => fixesFor(file, eff.version, f) };
}

const key = (f: Finding): string => `${f.code} ${f.path}`;
const preferred = (fixes: Fix[]): Fix | undefined => fixes.find((f) => f.preferred);

/** Applies the preferred fix of one kops finding at a time, re-checking in between, as a user would. */
function applyPreferredFixes(text: string): { text: string; applied: string[] } {
  const applied: string[] = [];
  let current = text;
  for (let round = 0; round < 10; round++) {
    const { findings, fixes } = analyse(current);
    const target = findings.find((f) => f.kops && preferred(fixes(f)) && !applied.includes(key(f)));
    if (!target) break;
    applied.push(key(target));
    current = applyEdits(current, preferred(fixes(target))!.edits);
  }
  return { text: current, applied };
}

function fixFile(text: string, code: string): string {
  const { findings, fixes } = analyse(text);
  const finding = findings.find((f) => f.code === code);
  assert.ok(finding, `expected a ${code} finding`);
  const fix = preferred(fixes(finding));
  assert.ok(fix, `expected a preferred fix for ${code}`);
  return applyEdits(text, fix.edits);
}

/**
 * New findings a correct fix may still bring: upgrade advisories (dropping an explicit ENI masquerade setting
 * on v1.25 is what kops asks for, and the advisory then says v1.26's default differs), information-level
 * "this key may be newer than your kops" notes, and the catalog's dating of bpfLBSock to v1.36.0 although
 * the v1.34.3/v1.35.1 back-port of the rule that demands it already reads it (reported; catalog to confirm).
 */
const mayAppear = (f: Finding): boolean =>
  f.code.startsWith('compat-') ||
  f.severity === 'information' ||
  f.severity === 'hint' ||
  (f.code === 'cilium-key-too-new' && f.path === 'spec.networking.cilium.bpfLBSock');

const caseFiles = CASE_DIRS.filter((d) => fs.existsSync(d)).flatMap((d) =>
  fs
    .readdirSync(d)
    .filter((f) => /^case-.*\.yaml$/.test(f))
    .sort()
    .map((f) => path.join(d, f)),
);

describe('preferred fixes over the validation cases', () => {
  const fullyFixed: string[] = [];
  for (const file of caseFiles) {
    const text = fs.readFileSync(file, 'utf8');
    const before = analyse(text);
    const kopsErrors = before.findings.filter((f) => f.kops);
    const fixable = kopsErrors.filter((f) => preferred(before.fixes(f)));
    if (fixable.length === 0) continue;
    const id = path.basename(file, '.yaml');
    it(`${id}: the fixed kops errors disappear and nothing new appears`, () => {
      const { text: fixed } = applyPreferredFixes(text);
      const after = analyse(fixed).findings;
      assert.equal(
        parseFile(fixed).documents.every((d) => d.yaml.errors.length === 0),
        true,
        fixed,
      );
      const unfixable = new Set(kopsErrors.filter((f) => !fixable.includes(f)).map(key));
      assert.deepEqual(after.filter((f) => f.kops && !unfixable.has(key(f))).map(key), [], fixed);
      const known = new Set(before.findings.map(key));
      assert.deepEqual(after.filter((f) => !known.has(key(f)) && !mayAppear(f)).map(key), [], fixed);
      if (fixable.length === kopsErrors.length) fullyFixed.push(id);
    });
  }

  it('fixes every case whose errors all have a mechanical fix', () => {
    const expected = [
      'case-013',
      'case-018',
      'case-029',
      'case-030',
      'case-031',
      'case-032',
      'case-034',
      'case-037',
      'case-040',
      'case-042',
      'case-045',
      'case-053',
      'case-054',
      'case-062',
      'case-066',
      'case-067',
      'case-068',
      'case-070',
      'case-071',
      'case-075',
      'case-078',
      'case-084',
    ];
    for (const id of expected) assert.ok(fullyFixed.includes(id), `${id} should be fully fixed`);
  });
});

const head = kopsDocument('Cluster', 'demo.example.com', ['  kubernetesVersion: 1.35.0']);

describe('quick fixes for single findings', () => {
  it('offers exactly one fix for enableNodeport: the preferred rename to enableNodePort', () => {
    const text = `${head}  kubeProxy:\n    enabled: false\n  networking:\n    cilium:\n      enableNodeport: true\n`;
    const { findings, fixes } = analyse(text);
    const typo = findings.find((f) => f.code === 'cilium-unknown-key');
    assert.ok(typo);
    const offered = fixes(typo);
    assert.deepEqual(
      offered.map((f) => [f.title, f.preferred]),
      [['Rename to enableNodePort', true]],
    );
    assert.equal(applyEdits(text, preferred(offered)!.edits), text.replace('enableNodeport', 'enableNodePort'));
  });

  it('creates kubeProxy for NodePort when it is absent, keeping comments', () => {
    const text = `${head}  networking: # chosen by ops\n    cilium:\n      enableNodePort: true\n`;
    const fixed = fixFile(text, 'cilium-nodeport-kubeproxy');
    assert.equal(fixed, `${text}  kubeProxy:\n    enabled: false\n`);
  });

  it('fills an empty `kubeProxy:` instead of adding a second one', () => {
    const text = `${head}  kubeProxy:\n  networking:\n    cilium:\n      enableNodePort: true\n`;
    const fixed = fixFile(text, 'cilium-nodeport-kubeproxy');
    assert.equal(fixed, text.replace('  kubeProxy:\n', '  kubeProxy:\n    enabled: false\n'));
  });

  const eni = (version: string, masquerade: string) =>
    `# kops-version: ${version}\n${head}  cloudProvider: aws\n  networking:\n    cilium:\n      ipam: eni\n${masquerade}`;

  it('turns masquerading off for ENI on kops v1.21', () => {
    assert.equal(fixFile(eni('v1.21.0', ''), 'cilium-eni-masquerade'), eni('v1.21.0', '      disableMasquerade: true\n'));
  });

  it('drops an explicit `disableMasquerade: false` for ENI on kops v1.22–v1.25', () => {
    assert.equal(fixFile(eni('v1.25.0', '      disableMasquerade: false\n'), 'cilium-eni-masquerade'), eni('v1.25.0', ''));
  });

  it('drops an explicit `disableMasquerade: true` for ENI on kops v1.26–v1.35', () => {
    assert.equal(fixFile(eni('v1.30.0', '      disableMasquerade: true\n'), 'cilium-eni-masquerade'), eni('v1.30.0', ''));
  });

  it('sets etcdManaged for kvstore together with the cilium etcd cluster', () => {
    const text =
      `${head}  etcdClusters:\n  - name: main\n    etcdMembers:\n    - name: a\n      instanceGroup: control-plane-a\n` +
      '  networking:\n    cilium:\n      identityAllocationMode: kvstore\n';
    const fixed = fixFile(text, 'cilium-kvstore-needs-etcd');
    assert.match(fixed, /etcdManaged: true/);
    assert.match(fixed, /- name: cilium\n/);
    assert.deepEqual(
      analyse(fixed)
        .findings.filter((f) => f.kops)
        .map(key),
      [],
    );
  });

  it('removes a dead key, leaving `cilium: {}` rather than null when it was the only key', () => {
    const text = `${head}  networking:\n    cilium:\n      bpfRoot: /sys/fs/bpf\n`;
    assert.equal(fixFile(text, 'cilium-dead-key'), `${head}  networking:\n    cilium: {}\n`);
  });

  it("removes a key kops' own comment says does nothing, as the preferred fix safe to apply file-wide", () => {
    const text = `# kops-version: v1.22.6\n${head}  networking:\n    cilium:\n      agentLabels:\n      - a=b\n      ipam: crd\n`;
    const { findings, fixes } = analyse(text);
    const offered = fixes(findings.find((f) => f.code === 'cilium-no-effect-per-kops')!);
    assert.deepEqual(
      offered.map((f) => [f.title, f.preferred, f.fixAllSafe]),
      [['Remove agentLabels (it does nothing)', true, true]],
    );
    assert.equal(applyEdits(text, offered[0].edits), `# kops-version: v1.22.6\n${head}  networking:\n    cilium:\n      ipam: crd\n`);
  });

  it('ranks at most three enum values and prefers none when no value is clearly meant', () => {
    const text = `${head}  networking:\n    cilium:\n      ipam: foo\n`;
    const { findings, fixes } = analyse(text);
    const offered = fixes(findings.find((f) => f.code === 'cilium-enum-ipam')!);
    assert.equal(offered.length, 3);
    assert.equal(
      offered.some((f) => f.preferred),
      false,
    );
  });

  it('offers and prefers `eni` for `ipam: aws`, the rest ranked as before', () => {
    const text = `${head}  networking:\n    cilium:\n      ipam: aws\n`;
    const { findings, fixes } = analyse(text);
    const offered = fixes(findings.find((f) => f.code === 'cilium-enum-ipam')!);
    assert.deepEqual(
      offered.map((f) => [f.title, f.preferred === true]),
      [
        ['Change to eni', true],
        ['Change to crd', false],
        ['Change to hostscope', false],
      ],
    );
    assert.equal(fixFile(text, 'cilium-enum-ipam'), text.replace('ipam: aws', 'ipam: eni'));
  });

  it('prefers the enum value one typo away', () => {
    const text = `${head}  networking:\n    cilium:\n      tunnel: vxlna\n`;
    assert.equal(fixFile(text, 'cilium-enum-tunnel'), text.replace('vxlna', 'vxlan'));
  });

  it('keeps flow style inside flow collections', () => {
    const text = `${head}  networking: {cilium: {enableNodePort: true}}\n  kubeProxy: {proxyMode: iptables}\n`;
    const fixed = fixFile(text, 'cilium-nodeport-kubeproxy');
    assert.equal(fixed, text.replace('  kubeProxy: {proxyMode: iptables}', '  kubeProxy:\n    proxyMode: iptables\n    enabled: false'));
    const nested = `${head}  networking: {cilium: {encryptionType: wireguard}}\n`;
    assert.equal(
      fixFile(nested, 'cilium-encryptiontype-needs-enable'),
      nested.replace('{encryptionType: wireguard}', '{encryptionType: wireguard, enableEncryption: true}'),
    );
  });
});

describe('schema key fixes', () => {
  it('renames a misspelled schema key in place', () => {
    const text = `${head}  kubeProxy:\n    enabeld: false\n  networking:\n    cilium: {}\n`;
    const { findings, fixes } = analyse(text);
    const typo = findings.find((f) => f.code === 'schema-unknown-key');
    assert.ok(typo, findings.map((f) => f.code).join());
    assert.equal(applyEdits(text, preferred(fixes(typo))!.edits), text.replace('enabeld', 'enabled'));
  });
});

describe('the # kops-version: comment', () => {
  it('completes a version written without its patch number', () => {
    const v130 = kopsDocument('Cluster', 'demo.example.com', ['  kubernetesVersion: 1.30.0']);
    const text = `# kops-version: v1.30\n${v130}  networking:\n    cilium: {}\n`;
    const { findings, fixes } = analyse(text);
    const problem = findings.find((f) => f.code === 'kops-version-unknown');
    assert.ok(problem);
    const fixed = applyEdits(text, preferred(fixes(problem))!.edits);
    assert.equal(fixed, text.replace('v1.30\n', 'v1.30.0\n'));
    assert.deepEqual(analyse(fixed).findings.map(key), []);
  });
});
