import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';
import { parseGoDuration } from '../../server/src/engine/kops/goDuration';
import { stringItemsAt } from '../../server/src/engine/kops/goValues';
import { diagnose, effectiveKopsVersion, type Finding } from '../../server/src/engine';
import { kopsDocument } from '../helpers/kopsText';
import { applyEdits } from '../helpers/applyEdits';

function kops(text: string): KopsVersion {
  const parsed = parseKopsVersion(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.version;
}

const cloudFindings = (text: string, version = 'v1.36.2'): Finding[] => {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, { kopsVersion: kops(version).text })).filter((f) => f.code === 'kops-cloud');
};

const summary = (findings: Finding[]): string[] => findings.map((f) => `${f.path} ${f.kops?.type} ${f.kops?.path}`);

const awsCluster = (lines: readonly string[]): string =>
  kopsDocument('Cluster', 'c.example.com', ['  cloudProvider: aws', '  kubernetesVersion: 1.35.0', ...lines]);

const nodes = (lines: readonly string[]): string =>
  kopsDocument('InstanceGroup', 'nodes', ['  role: Node', '  maxSize: 3', '  minSize: 1', ...lines]);

describe('kops cloud rules: values read as Go reads them', () => {
  it('parses durations like Go time.ParseDuration', () => {
    assert.equal(parseGoDuration('24h'), 86400e9);
    assert.equal(parseGoDuration('1h30m'), 5400e9);
    assert.equal(parseGoDuration('-1.5h'), -5400e9);
    assert.equal(parseGoDuration('0'), 0);
    assert.equal(parseGoDuration('100ms'), 100e6);
    for (const bad of ['', '1', 'h', '1x', '.h', '1h 2m', '--1h']) assert.equal(parseGoDuration(bad), undefined, bad);
  });

  it('reads a null list item as an empty string, as Go decodes it into a []string', () => {
    const doc = parseFile(nodes(['  list:', '  - sg-1', '  -', '  - ""', '  - 5'])).documents[0];
    assert.deepEqual(stringItemsAt(doc, ['spec', 'list']), ['sg-1', '', '', undefined]);
  });
});

describe('kops cloud rules: findings', () => {
  it('keeps kops quirks in the kops path: the InstanceGroup name in front of a few AWS paths', () => {
    const text = `${awsCluster([])}---\n${nodes(['  spotDurationInMinutes: 90'])}`;
    assert.deepEqual(summary(cloudFindings(text)), ['spec.spotDurationInMinutes NotSupported nodes.spec.spotDurationInMinutes']);
  });

  it('says nothing about an InstanceGroup whose Cluster is unknown', () => {
    assert.deepEqual(
      cloudFindings(nodes(['  spotDurationInMinutes: 90', '  rootVolumeType: st1', '  volumes:', '  - device: /dev/xvdd'])),
      [],
    );
  });

  it('reports only the first cloud-only field, as kops stops decoding there', () => {
    const gce = kopsDocument('Cluster', 'c.example.com', [
      '  cloudProvider: gce',
      '  podIdentityWebhook:',
      '    enabled: true',
      '  cloudConfig:',
      '    spotinstProduct: x',
    ]);
    assert.deepEqual(summary(cloudFindings(gce)), ['spec.cloudConfig.spotinstProduct Forbidden spec.cloudConfig.spotinstProduct']);
    assert.deepEqual(summary(cloudFindings(gce, 'v1.25.0')), [], 'before v1.26 the decoder moved nothing');
  });

  it('leaves template expressions alone instead of reading them as missing', () => {
    const text = awsCluster([
      '  api:',
      '    loadBalancer:',
      '      subnets:',
      '      - name: {{ .subnet }}',
      '  authentication:',
      '    aws:',
      '      backendMode: CRD',
      '      identityMappings:',
      '      - arn: {{ .roleArn }}',
    ]);
    assert.deepEqual(cloudFindings(text), []);
  });

  it('offers the mechanical fix where there is one, placed in the file (the Cluster after another document)', () => {
    const text = `${nodes([])}---\n${awsCluster(['  cloudConfig:', '    awsEBSCSIDriver:', '      enabled: false', '  podIdentityWebhook:', '    enabled: true'])}`;
    const byPath = new Map(cloudFindings(text).map((f) => [f.path, f]));
    const ebs = byPath.get('spec.cloudConfig.awsEBSCSIDriver.enabled')?.fixes?.[0];
    assert.ok(ebs?.preferred);
    assert.match(applyEdits(text, ebs.edits), /awsEBSCSIDriver:\n {6}enabled: true\n/);
    assert.equal(cloudFindings(applyEdits(text, ebs.edits)).length, 0, 'the fix satisfies the rule');
  });

  it('writes one plain sentence of at most 160 characters per finding', () => {
    const text = `${awsCluster(['  cloudConfig:', '    awsEBSCSIDriver:', '      enabled: false'])}---\n${nodes(['  cpuCredits: x', '  maxInstanceLifetime: 1h'])}`;
    const findings = cloudFindings(text);
    assert.ok(findings.length >= 3);
    for (const f of findings) {
      assert.ok(f.message.length <= 160, f.message);
      assert.ok(!f.message.includes('`'), f.message);
    }
  });
});
