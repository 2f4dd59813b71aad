import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';
import { diagnose, effectiveKopsVersion, type Finding } from '../../server/src/engine';
import { goParseCidr } from '../../server/src/engine/checks/rules/networkLayout/goCidr';
import { checkCidr } from '../../server/src/engine/checks/rules/networkLayout/kopsCidr';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';

function kops(text: string): KopsVersion {
  const parsed = parseKopsVersion(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.version;
}

const SUBNET = (name: string, cidr: string, zone = 'us-east-1a') => [
  `  - name: ${name}`,
  `    cidr: ${cidr}`,
  '    type: Public',
  `    zone: ${zone}`,
];

const cluster = (subnets: string[], extra: string[] = []): string =>
  kopsDocument('Cluster', 'net.example.com', [
    '  cloudProvider: aws',
    '  kubernetesVersion: 1.35.0',
    '  networkCIDR: 172.20.0.0/16',
    '  nonMasqueradeCIDR: 100.64.0.0/10',
    '  networking:',
    '    calico: {}',
    ...extra,
    '  subnets:',
    ...subnets,
  ]);

function network(text: string, version = 'v1.36.2'): Finding[] {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, { kopsVersion: version })).filter((f) => f.code === 'kops-network');
}

const underlined = (text: string, f: Finding): string =>
  text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);

describe('kops network layout rules', () => {
  it('marks a second subnet of the same name as an error on its name, with a rename to a free name', () => {
    const text = cluster([...SUBNET('a', '172.20.32.0/19'), ...SUBNET('a', '172.20.64.0/19'), ...SUBNET('a-2', '172.20.96.0/19')]);
    const [f] = network(text);
    assert.equal(f.severity, 'error');
    assert.equal(f.path, 'spec.subnets[1].name');
    assert.equal(f.kops?.type, 'Duplicate');
    const lines = text.split('\n');
    assert.equal(f.range.start.line, lines.indexOf('  - name: a', lines.indexOf('  - name: a') + 1));
    assert.equal(underlined(text, f), 'a');
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.match(fixed, /- name: a-3\n {4}cidr: 172\.20\.64\.0\/19/);
    assert.deepEqual(network(fixed), []);
  });

  it('marks a subnet CIDR outside networkCIDR as an error on the CIDR, in the wording of each release', () => {
    const text = cluster(SUBNET('a', '10.1.0.0/16'));
    const [now] = network(text);
    assert.equal(now.severity, 'error');
    assert.equal(underlined(text, now), '10.1.0.0/16');
    assert.equal(now.kops?.path, 'spec.networking.subnets[0].cidr');
    assert.match(now.message, /outside networkCIDR 172\.20\.0\.0\/16: kops v1\.36\.2 rejects it/);
    const [old] = network(text, 'v1.25.0');
    assert.equal(old.kops?.path, 'spec.subnets[0].cidr');
    assert.match(old.kops?.detail ?? '', /had a cidr "10\.1\.0\.0\/16" that was not a subnet/);
    const additional = cluster(SUBNET('a', '10.1.0.0/16'), ['  additionalNetworkCIDRs:', '  - 10.1.0.0/16']);
    assert.deepEqual(network(additional), [], 'an additional network CIDR holds it');
  });

  it("offers kops' own suggestion for a CIDR with host bits or no prefix", () => {
    const text = cluster(SUBNET('a', '172.20.32.0/19'), ['  sshAccess:', '  - 192.168.0.1', '  kubernetesApiAccess:', '  - 10.1.2.3/8']);
    const found = network(text);
    assert.deepEqual(
      found.map((f) => [f.path, f.kops?.path, f.fixes?.[0]?.title]),
      [
        ['spec.sshAccess[0]', 'spec.sshAccess[0]', 'Change to 192.168.0.1/32'],
        ['spec.kubernetesApiAccess[0]', 'spec.kubernetesAPIAccess[0]', 'Change to 10.0.0.0/8'],
      ],
    );
    const fixed = found.reduce((t, f) => applyEdits(t, f.fixes?.[0].edits ?? []), text);
    assert.deepEqual(network(fixed), []);
  });

  it('reports nothing when kops would stop earlier: unknown cloud or unreadable kubernetesVersion', () => {
    const bad = cluster(SUBNET('a', '10.1.0.0/16'));
    assert.deepEqual(network(bad.replace('cloudProvider: aws', 'cloudProvider: nowhere')), []);
    assert.deepEqual(network(bad.replace('kubernetesVersion: 1.35.0', 'kubernetesVersion: latest')), []);
  });
});

describe('CIDRs as the Go release behind each kops release reads them', () => {
  it('read IPv4 octets with leading zeros as decimal before kops v1.23 (Go 1.16) and refuse them after', () => {
    assert.equal(goParseCidr('010.0.0.0/8', kops('v1.22.0'))?.net.bytes[0], 10);
    assert.equal(goParseCidr('010.0.0.0/8', kops('v1.23.0')), undefined);
  });

  it('suggest /64 for an IPv6 address only from kops v1.22', () => {
    assert.equal(checkCidr('2001:db8::1', kops('v1.21.0')).invalid?.suggestion, '2001:db8::1/32');
    assert.equal(checkCidr('2001:db8::1', kops('v1.22.0')).invalid?.suggestion, '2001:db8::1/64');
    assert.equal(checkCidr('::ffff:10.0.0.1', kops('v1.22.0')).invalid?.suggestion, '::ffff:10.0.0.1/64');
  });

  it('print an IPv4-mapped network as IPv4 with the written prefix, as IPNet does', () => {
    assert.equal(checkCidr('::ffff:10.1.2.3/104', kops('v1.36.2')).invalid?.suggestion, '10.0.0.0/104');
    assert.equal(goParseCidr('::ffff:10.0.0.0/104', kops('v1.36.2'))?.v6, false);
  });
});
