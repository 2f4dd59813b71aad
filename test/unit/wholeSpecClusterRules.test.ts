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

/** The cluster, Kubernetes version, API load balancer and auth families of the whole-spec rules. */
const FAMILIES = new Set(['kops-cluster', 'kops-kubernetes-version', 'kops-api', 'kops-auth']);
const CASE_DIRS = [kopsFixture('validation-cases-spec'), path.join(__dirname, '..', 'cases-spec')];

function analyse(text: string, version?: string): { findings: Finding[]; fixes: (f: Finding) => Fix[] } {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, version ? { kopsVersion: version } : {});
  return { findings: diagnose(file, eff), fixes: (f) => fixesFor(file, eff.version, f) };
}

const ours = (text: string, version?: string): Finding[] => analyse(text, version).findings.filter((f) => FAMILIES.has(f.code));
const keys = (findings: Finding[]): string[] => findings.map((f) => `${f.severity} ${f.path} ${f.kops?.type ?? ''}`).sort();
const caseText = (dir: string, name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');
const fixture = (name: string): string => caseText(kopsFixture('validation-cases-spec'), name);
const own = (name: string): string => caseText(path.join(__dirname, '..', 'cases-spec'), name);

/** Applies the preferred fix of the one finding at `findingPath` and returns the new text. */
function applyPreferred(text: string, findingPath: string): string {
  const { findings, fixes } = analyse(text);
  const finding = findings.find((f) => FAMILIES.has(f.code) && f.path === findingPath);
  assert.ok(finding, `a finding at ${findingPath}`);
  const fix = fixes(finding).find((f) => f.preferred);
  assert.ok(fix, `a preferred fix for ${findingPath}`);
  return applyEdits(text, fix.edits);
}

describe('whole-spec rules: cluster, Kubernetes version, API load balancer, auth', () => {
  it('says what is wrong and what to do in one plain sentence of at most 160 characters', () => {
    for (const dir of CASE_DIRS) {
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
        for (const f of ours(caseText(dir, name))) {
          assert.ok(f.message.length <= 160, `${name}: ${f.message}`);
          assert.doesNotMatch(f.message, /`/, `${name}: ${f.message}`);
          assert.doesNotMatch(f.message, /(?<!e\.g)[.!?]\s+[A-Z]/, `${name}: ${f.message}`);
        }
      }
    }
  });

  it('reports a Cluster kops cannot decode alone, also from v1.24 for an unknown cloudProvider', () => {
    const text = own('case-435.yaml');
    assert.deepEqual(keys(analyse(text).findings.filter((f) => f.kops)), ['error spec.cloudProvider NotSupported']);
    const before = text
      .replace('# kops-version: v1.36.2', '# kops-version: v1.23.0')
      .replace('kubernetesVersion: 1.35.0', 'kubernetesVersion: 1.23.5');
    assert.deepEqual(
      keys(ours(before)),
      ['error spec.cloudProvider NotSupported', 'error spec.iam.legacy Forbidden'],
      'v1.23 validation lists it and goes on',
    );
  });

  it('warns that kops update cluster refuses a Kubernetes version older than the release supports', () => {
    const text = own('case-431.yaml').replace('kubernetesVersion: v1.35.9', 'kubernetesVersion: 1.28.4');
    const [warning] = ours(text);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.path, 'spec.kubernetesVersion');
    assert.match(warning.message, /1\.29\.0 and newer/);
    assert.deepEqual(ours(own('case-431.yaml')), []);
  });

  it('fixes what has one mechanical remedy', () => {
    const legacy = applyPreferred(own('case-450.yaml'), 'spec.iam.legacy');
    assert.match(legacy, /\n {4}legacy: false\n/);
    assert.deepEqual(ours(legacy), []);

    const gce = applyPreferred(fixture('case-328.yaml'), 'spec.api.loadBalancer.class');
    assert.doesNotMatch(gce, /class: Network/);
    assert.deepEqual(ours(gce), []);

    const noneDns = applyPreferred(fixture('case-326.yaml'), 'spec.api.loadBalancer.type');
    assert.match(noneDns, /class: Network/);
    assert.deepEqual(ours(noneDns), []);

    const modes = applyPreferred(fixture('case-357.yaml'), 'spec.kubeAPIServer.authorizationMode');
    assert.match(modes, /authorizationMode: Node,RBAC,AlwaysAllow\n/);
    assert.deepEqual(ours(modes), []);

    const policyKey = fixture('case-370.yaml').replace('    notarole:', '    Node:');
    const renamed = applyPreferred(policyKey, 'spec.additionalPolicies');
    assert.match(renamed, /\n {4}node: '/);
    assert.deepEqual(ours(renamed), []);
  });

  it('offers the closest supported value where kops lists them', () => {
    const text = own('case-446.yaml');
    const { findings, fixes } = analyse(text);
    const typeFinding = findings.find((f) => f.path === 'spec.api.loadBalancer.type')!;
    const fix = fixes(typeFinding).find((f) => f.preferred);
    assert.equal(fix?.title, 'Change to Public');
    assert.deepEqual(ours(applyEdits(text, fix.edits)), []);
  });

  const at = (text: string, kops: string, kubernetes: string): string =>
    text.replace(/# kops-version: \S+/, `# kops-version: ${kops}`).replace(/kubernetesVersion: \S+/, `kubernetesVersion: ${kubernetes}`);

  it('dates the rules by kops release', () => {
    assert.deepEqual(keys(ours(at(own('case-450.yaml'), 'v1.18.3', '1.18.10'))), [], 'kops v1.18 still granted legacy IAM');
    assert.deepEqual(keys(ours(at(own('case-458.yaml'), 'v1.36.2', '1.35.0'))), ['error spec.kubeAPIServer.authorizationMode Required']);
    const sslOld = at(own('case-448.yaml'), 'v1.24.0', '1.24.3');
    const ssl = ours(sslOld).find((f) => f.kops?.detail.startsWith('sslCertificate'));
    assert.equal(ssl?.kops?.path, 'spec', 'kops v1.24 blamed the whole spec');
    assert.equal(ssl?.path, 'spec');
  });

  it('says nothing about values written as kops toolbox template expressions', () => {
    const templated = [
      own('case-441.yaml')
        .replace('  - name: empty.service\n', '  - manifest: {{ .hookManifest }}\n    name: empty.service\n')
        .replace('      - echo\n', '      - echo\n      image: {{ .hookImage }}\n'),
      own('case-449.yaml').replace('      type: Public\n', '      type: {{ .apiType }}\n'),
      own('case-451.yaml')
        .replace('    - aws: {}\n', '    - aws:\n        inlinePolicy: {{ .dnsPolicy }}\n')
        .replace('    - aws:\n        policyARNs:', '    - aws:\n        policyARNs:')
        .replace(
          '      name: dns\n      namespace: kube-system\n    - aws',
          '      name: {{ .first }}\n      namespace: kube-system\n    - aws',
        ),
      own('case-456.yaml').replace(
        '    enableAWSOIDCProvider: true\n',
        '    discoveryStore: {{ .discoveryStore }}\n    enableAWSOIDCProvider: true\n',
      ),
    ];
    for (const text of templated) assert.deepEqual(keys(ours(text)), [], text.split('\n')[0]);
  });
});
