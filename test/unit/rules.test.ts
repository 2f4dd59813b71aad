import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseFile } from '../../server/src/engine/document/documents';
import { newestKops, parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';
import type { Finding } from '../../server/src/engine/types';
import { formatCidr, overlaps, parseCidr } from '../../server/src/engine/checks/rules/network';
import { parseKubernetesVersion, parseSemver } from '../../server/src/engine/kops/semver';
import { caseOutcome, compareCase, parseCaseHeader } from '../helpers/cases';
import { diagnose, effectiveKopsVersion } from '../../server/src/engine';
import { kopsFixture } from '../helpers/fixturePaths';
import { kopsDocument, kopsHeader } from '../helpers/kopsText';

const KOPS_CASES = kopsFixture('validation-cases');
const OWN_CASES = path.join(__dirname, '..', 'cases');
const SPECS = kopsFixture('specs');

function kops(text: string): KopsVersion {
  const parsed = parseKopsVersion(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.version;
}

function findingsFor(text: string, v: KopsVersion): Finding[] {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, { kopsVersion: v.text })).filter((f) => f.kops || f.code.startsWith('compat-'));
}

const caseFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => /^case-.*\.yaml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));

function checkCaseDir(dir: string, expectedCount?: number): void {
  const files = caseFiles(dir);
  if (expectedCount !== undefined) it(`has ${expectedCount} cases`, () => assert.equal(files.length, expectedCount));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const want = parseCaseHeader(text);
    it(`${path.basename(file)} (${want.kopsVersion})`, () => {
      assert.ok(want.kopsVersion, 'case has a # kops-version line');
      const got = caseOutcome(findingsFor(text, kops(want.kopsVersion)), text, want);
      assert.deepEqual(compareCase(got, want), []);
    });
  }
}

describe('kops validation rules: kops-spec fact base cases', () => checkCaseDir(KOPS_CASES, 50));

describe('kops validation rules: kops-spec fact base whole-spec cases', () => checkCaseDir(kopsFixture('validation-cases-spec'), 43));

describe('kops validation rules: own whole-spec cases', () => checkCaseDir(path.join(__dirname, '..', 'cases-spec')));

describe('kops validation rules: own cases', () => {
  it('has cases', () => assert.ok(caseFiles(OWN_CASES).length > 0));
  checkCaseDir(OWN_CASES);
});

describe('kops validation rules: kops integration specs', () => {
  const sources: Array<{ file: string; tag: string }> = JSON.parse(fs.readFileSync(path.join(SPECS, 'sources.json'), 'utf8'));
  const tagOf = new Map(sources.map((s) => [s.file, s.tag]));
  for (const file of fs
    .readdirSync(SPECS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const tag = tagOf.get(file) ?? newestKops().text;
    it(`${file} at ${tag} yields no errors`, () => {
      const errors = findingsFor(fs.readFileSync(path.join(SPECS, file), 'utf8'), kops(tag)).filter((f) => f.severity === 'error');
      assert.deepEqual(
        errors.map((f) => `${f.code} ${f.path} ${f.kops?.stage}`),
        [],
      );
    });
  }
});

const cluster = (body: string, api = 'v1alpha2'): string => `${kopsHeader('Cluster', 't.example.com', api)}spec:\n${body}`;
const byCode = (findings: Finding[], code: string): Finding[] => findings.filter((f) => f.code === code);
const textAt = (text: string, f: Finding): string => {
  const lines = text.split('\n');
  return lines[f.range.start.line].slice(
    f.range.start.character,
    f.range.start.line === f.range.end.line ? f.range.end.character : undefined,
  );
};

describe('kops validation rules: findings', () => {
  const v136 = kops('v1.36.2');

  it('looks only at Cluster documents', () => {
    const ig = kopsDocument('InstanceGroup', 'nodes', ['  role: Node', '  networking:', '    cilium:', '      ipam: foo']);
    const other = 'apiVersion: v1\nkind: Cluster\nspec:\n  networking:\n    cilium:\n      ipam: foo\n';
    assert.deepEqual(findingsFor(ig, v136), []);
    assert.deepEqual(findingsFor(other, v136), []);
  });

  it('never throws on odd shapes, and reports nothing it cannot read', () => {
    const odd = [
      '',
      '\u0000\u0001binary',
      'spec: 5',
      cluster('  networking: []\n'),
      cluster('  networking:\n    cilium: 5\n'),
      cluster('  etcdClusters: foo\n  networking:\n    cilium:\n      etcdManaged: yes\n'),
      cluster('  networking:\n    cilium:\n      version: 1.18\n'),
      cluster('  networking:\n    cilium:\n      enableNodePort: "true"\n  kubeProxy: {}\n'),
      cluster('  networking:\n    cilium: &a\n      x: *a\n'),
    ];
    for (const text of odd) assert.doesNotThrow(() => findingsFor(text, v136));
    // The whole-spec families also see what these minimal documents leave out (e.g. no cloudProvider).
    const cilium = (f: Finding): boolean => !f.code.startsWith('kops-');
    assert.deepEqual(findingsFor(odd[6], v136).filter(cilium), [], 'version: 1.18 is a YAML float, a decode error for the schema checks');
    assert.deepEqual(
      findingsFor(odd[7], v136).filter((f) => f.severity === 'error' && cilium(f)),
      [],
      'a quoted "true" is not a bool',
    );
  });

  it('reads YAML 1.1 booleans the way kops decodes them', () => {
    const text = cluster('  kubeProxy:\n    enabled: on\n  networking:\n    cilium:\n      enableNodePort: yes\n');
    assert.equal(byCode(findingsFor(text, v136), 'cilium-nodeport-kubeproxy').length, 1);
  });

  it('underlines the offending value, and fills in kops exactly', () => {
    const text = cluster('  networking:\n    cilium:\n      tunnel: gre\n');
    const [f] = byCode(findingsFor(text, v136), 'cilium-enum-tunnel');
    assert.equal(textAt(text, f), 'gre');
    assert.deepEqual(f.kops, {
      type: 'NotSupported',
      path: 'spec.networking.cilium.tunnel',
      stage: 'spec',
      detail: 'supported values: "vxlan", "geneve", "disabled"',
    });
    assert.equal(f.severity, 'error');
    assert.equal(f.docs, 'https://kops.sigs.k8s.io/networking/cilium/');
  });

  it('points a finding on a missing key at the key that causes it', () => {
    const text = cluster('  kubernetesVersion: 1.35.0\n  networking:\n    cilium:\n      enableNodePort: true\n');
    const [f] = byCode(findingsFor(text, v136), 'cilium-nodeport-kubeproxy');
    assert.equal(f.path, 'spec.kubeProxy.enabled');
    assert.equal(f.kops?.path, 'spec.spec.kubeProxy.enabled');
    assert.equal(f.kops?.stage, 'defaults');
    assert.equal(f.severity, 'warning');
    assert.equal(textAt(text, f), 'enableNodePort: true');
    assert.match(f.message, /kops update cluster/);
  });

  it('underlines the Legacy provider of the cilium etcd cluster', () => {
    const text = cluster('  etcdClusters:\n  - name: cilium\n    provider: Legacy\n  networking:\n    cilium:\n      etcdManaged: true\n');
    const [f] = byCode(findingsFor(text, kops('v1.19.0')), 'cilium-etcd-legacy-provider');
    assert.equal(f.path, 'spec.etcdClusters');
    assert.equal(textAt(text, f), 'Legacy');
  });

  it('names the kops versions in the ENI masquerade message and prints the internal field name', () => {
    const text = cluster('  cloudProvider: aws\n  networking:\n    cilium:\n      ipam: eni\n      disableMasquerade: true\n');
    const [f] = byCode(findingsFor(text, kops('v1.30.0')), 'cilium-eni-masquerade');
    assert.equal(f.path, 'spec.networking.cilium.disableMasquerade');
    assert.equal(f.kops?.path, 'spec.networking.cilium.masquerade');
    assert.match(f.message, /^kops v1\.30\.0 needs masquerading on for ENI IPAM, v1\.36 and newer accept either/);
    assert.match(f.message, /remove disableMasquerade: true/);
    assert.equal(textAt(text, f), 'true');
  });

  it('reads v1alpha3 spellings and blames v1alpha3 paths', () => {
    const text = cluster(
      '  cloudProvider:\n    aws: {}\n  networking:\n    networkCIDR: 10.0.0.0/16\n    nonMasqueradeCIDR: 10.0.0.0/8\n' +
        '    cilium:\n      masquerade: false\n      installIptablesRules: false\n      enableL7Proxy: true\n',
      'v1alpha3',
    );
    const found = findingsFor(text, kops('v1.30.0'))
      .map((f) => `${f.code} ${f.path} ${f.kops?.stage}`)
      .sort();
    assert.deepEqual(found, [
      'cilium-l7proxy-iptables spec.networking.cilium.enableL7Proxy spec',
      'nonmasq-overlap-eni-exempt spec.networking.nonMasqueradeCIDR spec',
    ]);
    const eni = text.replace('masquerade: false', 'masquerade: false\n      ipam: eni');
    const masquerade = byCode(findingsFor(eni, kops('v1.30.0')), 'cilium-eni-masquerade');
    assert.deepEqual(
      masquerade.map((f) => f.path),
      ['spec.networking.cilium.masquerade'],
    );
    assert.equal(byCode(findingsFor(eni, kops('v1.30.0')), 'nonmasq-overlap-eni-exempt').length, 0, 'ENI exempts the overlap');
  });

  it("reports what only the defaulted spec fails in kops' own conversion specs, as a warning", () => {
    const text = fs.readFileSync(path.join(SPECS, 'conversion-cilium-v1alpha2.yaml'), 'utf8');
    const found = findingsFor(text, v136).map((f) => `${f.code} ${f.severity} ${f.kops?.stage}`);
    assert.deepEqual(found, ['cilium-l7proxy-iptables warning defaults']);
  });

  it('names, for a failure only the defaulted spec has, the defaults kops filled in and no other', () => {
    const hubble = (block: string, version = '') =>
      byCode(
        findingsFor(cluster(`  kubernetesVersion: 1.35.0\n  networking:\n    cilium:\n${version}      hubble:\n${block}`), v136),
        'cilium-hubble-certmanager',
      ).map((f) => `${f.kops?.stage} ${f.message}`);
    const certManager = 'kops v1.36.2 runs Hubble only with cert-manager: set certManager.enabled: true or turn Hubble off';
    assert.deepEqual(hubble('        enabled: true\n'), [`defaults ${certManager} (kops update cluster fills in version).`]);
    assert.deepEqual(hubble('        metrics: [drop]\n', '      version: v1.18.6\n'), [
      `defaults ${certManager} (kops update cluster fills in hubble.enabled).`,
    ]);
    assert.deepEqual(hubble('        metrics: [drop]\n'), [
      `defaults ${certManager} (kops update cluster fills in version and hubble.enabled).`,
    ]);
    assert.deepEqual(hubble('        enabled: true\n', '      version: v1.18.6\n'), [`spec ${certManager}.`]);
  });
});

describe('kops validation rules: compat warnings', () => {
  const eni = (extra = '') => cluster(`  cloudProvider: aws\n  networking:\n    cilium:\n      ipam: eni\n${extra}`);
  const warnings = (text: string, v: string): string[] =>
    findingsFor(text, kops(v))
      .filter((f) => f.severity === 'warning' && !f.kops)
      .map((f) => f.code);

  it('warns that ENI masquerading is off only by default on v1.22–v1.25', () => {
    assert.deepEqual(warnings(eni(), 'v1.25.0'), ['compat-eni-masquerade-default']);
    assert.deepEqual(warnings(eni(), 'v1.22.0'), ['compat-eni-masquerade-default']);
    assert.deepEqual(warnings(eni('      disableMasquerade: false\n'), 'v1.26.0'), []);
    assert.deepEqual(warnings(eni(), 'v1.26.0'), []);
  });

  it('warns that an explicit ENI disableMasquerade breaks the upgrade to v1.26–v1.35', () => {
    const text = eni('      disableMasquerade: true\n');
    assert.deepEqual(warnings(text, 'v1.23.0'), ['compat-eni-masquerade-upgrade']);
    const [f] = findingsFor(text, kops('v1.23.0')).filter((x) => x.code === 'compat-eni-masquerade-upgrade');
    assert.equal(f.path, 'spec.networking.cilium.disableMasquerade');
    assert.match(f.message, /^kops v1\.23\.0 accepts disableMasquerade: true with ENI IPAM but kops v1\.26 to v1\.35 reject it/);
    assert.deepEqual(warnings(text, 'v1.36.2'), []);
  });

  it('warns that bpfLBSockHostNSOnly alone fails once kops has the bpfLBSock check', () => {
    const text = cluster('  networking:\n    cilium:\n      bpfLBSockHostNSOnly: true\n');
    assert.deepEqual(warnings(text, 'v1.30.0'), ['compat-bpflbsock-hostns']);
    assert.deepEqual(warnings(text, 'v1.35.0'), ['compat-bpflbsock-hostns']);
    assert.deepEqual(warnings(text, 'v1.36.2'), [], 'v1.36 rejects it outright instead');
    assert.deepEqual(warnings(text.replace('bpfLBSockHostNSOnly: true', 'bpfLBSockHostNSOnly: false'), 'v1.30.0'), []);
  });
});

describe('kops validation rules: value parsing as kops does it', () => {
  it('parses Cilium versions strictly, like blang/semver Parse', () => {
    assert.deepEqual(parseSemver('1.18.6'), { major: 1, minor: 18, patch: 6 });
    assert.deepEqual(parseSemver('1.18.6-rc.1+build.5'), { major: 1, minor: 18, patch: 6 });
    for (const bad of [
      '1.18',
      '01.18.0',
      '1.018.0',
      '1.18.0-',
      '1.18.0-rc.01',
      '1.18.0+',
      '1.18.0+a..b',
      '1.18.x',
      '',
      '1.99999999999999999999.0',
    ]) {
      assert.equal(parseSemver(bad), undefined, bad);
    }
  });

  it('parses kubernetesVersion tolerantly, like blang/semver ParseTolerant', () => {
    assert.deepEqual(parseKubernetesVersion(' v1.19 '), { major: 1, minor: 19, patch: 0 });
    assert.deepEqual(parseKubernetesVersion('1.016.0'), { major: 1, minor: 16, patch: 0 });
    assert.equal(parseKubernetesVersion('1.19-rc.1'), undefined);
    assert.equal(parseKubernetesVersion('latest'), undefined);
  });

  it('reads CIDRs like Go net.ParseCIDR', () => {
    assert.equal(parseCidr('::/0')?.v6, true);
    assert.equal(parseCidr('2001:db8::/64')?.v6, true);
    assert.equal(parseCidr('::ffff:10.0.0.0/104')?.v6, false, 'IPv4-mapped addresses count as IPv4');
    assert.equal(parseCidr('10.0.0.0/8')?.v6, false);
    for (const bad of ['10.0.0.0', '10.0.0.256/8', '010.0.0.0/8', '10.0.0.0/33', '1::2::3/64', 'fd00::/129'])
      assert.equal(parseCidr(bad), undefined, bad);
    const [a, b, c] = ['10.0.0.0/8', '10.1.0.0/16', '172.20.0.0/16'].map((t) => parseCidr(t)!);
    assert.ok(overlaps(a, b) && overlaps(b, a));
    assert.ok(!overlaps(a, c));
    assert.ok(!overlaps(parseCidr('::/0')!, a), 'families never overlap');
    assert.equal(formatCidr(parseCidr('10.1.2.3/16')!), '10.1.0.0/16');
    assert.equal(formatCidr(parseCidr('2001:0db8:0:0:0:0:0:1/128')!), '2001:db8::1/128');
  });
});
