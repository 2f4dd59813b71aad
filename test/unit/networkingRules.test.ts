import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { netipPrefixError } from '../../server/src/engine/checks/rules/networking/netipPrefix';
import { diagnose, effectiveKopsVersion, type Finding } from '../../server/src/engine';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';

/** A Cluster's kops-networking findings at a kops release; `specLines` are indented two spaces. */
function networking(release: string, specLines: readonly string[]): Finding[] {
  const file = parseFile(kopsDocument('Cluster', 'n.example.com', specLines));
  return diagnose(file, effectiveKopsVersion(file, { kopsVersion: release })).filter((f) => f.code === 'kops-networking');
}

const summary = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.path} ${f.kops?.type} ${f.kops?.path}: ${f.kops?.detail}`).sort();

const IPV6 = ['  cloudProvider: aws', '  networkCIDR: 172.20.0.0/16', '  nonMasqueradeCIDR: ::/0'];

describe('kops networking provider rules', () => {
  it('blames the written key and prints the path each release printed, typos included', () => {
    const kubeRouterOnIPv6 = [...IPV6, '  kubernetesVersion: 1.27.0', '  networking:', '    kuberouter: {}'];
    const printed = (release: string) => networking(release, kubeRouterOnIPv6).map((f) => `${f.path} ${f.kops?.path}`);
    assert.deepEqual(printed('v1.25.0'), ['spec.networking.kuberouter spec.networking.kuberouter']);
    assert.deepEqual(printed('v1.27.0'), ['spec.networking.kuberouter spec.networking.kuberRouter']);
    assert.deepEqual(printed('v1.30.0'), ['spec.networking.kuberouter spec.networking.kubeRouter']);
    assert.deepEqual(printed('v1.22.0'), [], 'no IPv6 check before v1.23');
  });

  it('applies the Kubernetes gates of patch releases, and none when kubernetesVersion is unknown', () => {
    const kubeRouter = (version?: string) => [
      ...(version ? [`  kubernetesVersion: ${version}`] : []),
      '  networking:',
      '    kuberouter: {}',
    ];
    assert.deepEqual(summary(networking('v1.28.1', kubeRouter('1.28.3'))), [
      'spec.networking.kuberouter Forbidden spec.networking.kubeRouter: kube-router is not supported for Kubernetes >= 1.28',
    ]);
    assert.deepEqual(networking('v1.28.2', kubeRouter('1.28.3')), []);
    assert.deepEqual(networking('v1.28.1', kubeRouter('1.27.9')), []);
    assert.deepEqual(networking('v1.28.1', kubeRouter()), [], 'kops would take the version from the channel');
    assert.deepEqual(networking('v1.25.0', ['  kubernetesVersion: https://example.com/v1.25.0', '  networking:', '    weave: {}']), []);
  });

  it('reports nothing when kops stops at an unreadable kubernetesVersion', () => {
    assert.equal(networking('v1.36.2', ['  kubernetesVersion: 1.35.0', '  networking:', '    classic: {}']).length, 1);
    assert.deepEqual(networking('v1.36.2', ['  kubernetesVersion: latest', '  networking:', '    classic: {}']), []);
  });

  it('reads an empty Flannel backend as udp, the way v1alpha2 decoding fills it', () => {
    assert.deepEqual(networking('v1.36.2', ['  networking:', '    flannel: {}']), []);
    assert.deepEqual(networking('v1.36.2', ['  networking:', '    flannel:', '      backend: ""']), []);
    assert.deepEqual(summary(networking('v1.18.0', ['  networking:', '    flannel:', '      backend: host-gw'])), [
      'spec.networking.flannel.backend NotSupported spec.networking.flannel.backend: supported values: "udp", "vxlan"',
    ]);
  });

  it('does not call an Amazon VPC cluster IPv6-only when kops replaces its nonMasqueradeCIDR with the VPC CIDR', () => {
    const vpc = (lines: string[]) => networking('v1.36.2', ['  cloudProvider: aws', ...lines, '  networking:', '    amazonvpc: {}']);
    assert.deepEqual(vpc(['  nonMasqueradeCIDR: fd00::/64']), []);
    assert.deepEqual(summary(vpc(['  nonMasqueradeCIDR: ::/0'])), [
      'spec.networking.amazonvpc Forbidden spec.networking.amazonVPC: amazon-vpc-routed-eni networking does not support IPv6',
    ]);
    assert.equal(vpc(['  networkCIDR: 172.20.0.0/16', '  nonMasqueradeCIDR: fd00::/64']).length, 1);
  });

  it('judges the cloud only when kops knows it (an unknown cloudProvider stops kops earlier)', () => {
    const vpcOn = (release: string, cloud?: string) =>
      networking(release, [...(cloud ? [`  cloudProvider: ${cloud}`] : []), '  networking:', '    amazonvpc: {}']).map(
        (f) => f.kops?.detail,
      );
    assert.deepEqual(vpcOn('v1.36.2', 'linode'), ['amazon-vpc-routed-eni networking is supported only in AWS']);
    assert.deepEqual(vpcOn('v1.35.0', 'linode'), []);
    assert.deepEqual(vpcOn('v1.36.2', 'AWS'), []);
    assert.deepEqual(vpcOn('v1.36.2'), []);
    assert.deepEqual(vpcOn('v1.36.2', 'aws'), []);
  });

  it('checks Calico autodetection methods without judging what Go and JavaScript read differently', () => {
    const method = (key: string, value: string) =>
      networking('v1.36.2', ['  networking:', '    calico:', `      ${key}: "${value}"`]).map((f) => f.kops?.detail);
    assert.deepEqual(method('ipv6AutoDetectionMethod', 'can-reach=8.8.8.8'), ['must be a valid IPv6 address']);
    assert.deepEqual(method('ipv4AutoDetectionMethod', 'can-reach=::ffff:8.8.8.8'), [], 'Go reads a mapped address as IPv4');
    assert.deepEqual(method('ipv4AutoDetectionMethod', 'can-reach=010.0.0.1'), [], 'net.ParseIP and ParseIPSloppy disagree');
    assert.deepEqual(method('ipv4AutoDetectionMethod', 'interface'), [], 'kops crashes instead of reporting');
    assert.deepEqual(method('ipv4AutoDetectionMethod', 'interface=(?i)eth.*'), [], 'RE2-only syntax');
    assert.deepEqual(method('ipv4AutoDetectionMethod', 'skip-interface=eth0,'), []);
    assert.deepEqual(method('ipv4AutoDetectionMethod', 'skip-interface=,eth0'), [
      "'skip-interface=' must be followed by a comma separated list of interface regular expressions",
    ]);
    assert.deepEqual(method('ipv4AutoDetectionMethod', '=en0'), ['unsupported autodetection method']);
    assert.deepEqual(method('ipv4AutoDetectionMethod', 'interface=a=b'), ['malformed autodetection method']);
  });

  it('skips Calico before v1.23 when there is no etcd cluster (kops crashes there) and checks majorVersion only in v1.18–v1.19', () => {
    const calico = ['  networking:', '    calico:', '      majorVersion: v3', '      typhaReplicas: -2'];
    const etcd = ['  etcdClusters:', '  - name: main', '    version: 2.2.1'];
    assert.deepEqual(networking('v1.19.0', calico), []);
    assert.deepEqual(summary(networking('v1.19.0', [...etcd, ...calico])), [
      'spec.networking.calico.majorVersion Forbidden spec.networking.calico.majorVersion: unable to use v3 when etcd version for main cluster is 2.2.1',
      "spec.networking.calico.typhaReplicas Invalid spec.networking.calico.typhaReplicas: Unable to set number of Typha replicas to less than 0, you've specified -2",
    ]);
    assert.equal(networking('v1.20.0', [...etcd, ...calico]).length, 1);
  });

  it('offers to disable kube-proxy for kube-router', () => {
    const lines = ['  kubeProxy:', '    enabled: true', '  networking:', '    kuberouter: {}'];
    const text = kopsDocument('Cluster', 'n.example.com', lines);
    const [finding] = networking('v1.36.2', lines);
    assert.equal(finding.kops?.path, 'spec.kubeProxy.enabled');
    assert.equal(applyEdits(text, finding.fixes![0].edits), text.replace('enabled: true', 'enabled: false'));
  });

  it('reports every kindnet entry that Go net/netip cannot parse, with its error', () => {
    assert.equal(netipPrefixError('10.0.0.0/8'), undefined);
    assert.equal(netipPrefixError('::ffff:10.0.0.0/104'), undefined);
    assert.equal(netipPrefixError('10.0.0.0'), `netip.ParsePrefix("10.0.0.0"): no '/'`);
    assert.equal(netipPrefixError('10.0.0.0/33'), 'netip.ParsePrefix("10.0.0.0/33"): prefix length out of range');
    assert.equal(
      netipPrefixError('10.0.0.01/8'),
      'netip.ParsePrefix("10.0.0.01/8"): ParseAddr("10.0.0.01"): IPv4 field has octet with leading zero',
    );
    assert.equal(netipPrefixError('10.0.0/8'), 'netip.ParsePrefix("10.0.0/8"): ParseAddr("10.0.0"): IPv4 address too short');
    assert.equal(netipPrefixError('fe80::1%eth0/64'), 'netip.ParsePrefix("fe80::1%eth0/64"): IPv6 zones cannot be present in a prefix');
    const entries = [
      '  networking:',
      '    kindnet:',
      '      masquerade:',
      '        enabled: true',
      '        nonMasqueradeCIDRs: [x/1, 10.0.0.0/8, "::1/129"]',
    ];
    assert.deepEqual(
      networking('v1.36.2', entries).map((f) => f.path),
      ['spec.networking.kindnet', 'spec.networking.kindnet'],
    );
    assert.deepEqual(networking('v1.31.0', entries), [], 'kindnet arrived in v1.32');
  });

  it('never throws on odd shapes and reports nothing it cannot read', () => {
    const odd = [
      ['  networking:', '    calico: 5'],
      ['  networking:', '    calico:', '      typhaReplicas: "-1"', '      ipipMode: [Always]', '      encapsulationMode: {}'],
      ['  networking:', '    kindnet:', '      masquerade:', '        enabled: true', '        nonMasqueradeCIDRs: 5'],
      ['  networking:', '    canal:', '      logSeveritySys: no'],
      ['  kubeProxy: []', '  networking:', '    kuberouter: {}'],
    ];
    for (const lines of odd) assert.deepEqual(networking('v1.30.0', lines), [], lines.join('\n'));
  });
});
