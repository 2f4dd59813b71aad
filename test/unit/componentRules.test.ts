import { strict as assert } from 'assert';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { fixesFor } from '../../server/src/engine/features/fixes';
import type { Finding } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';

/** kops-components: what the rules say about odd input, and what their quick fixes leave behind. */

const cluster = (kops: string, lines: string[], k8s = '1.35.0'): string =>
  `# kops-version: ${kops}\n${kopsDocument('Cluster', 'c.example.com', ['  cloudProvider: aws', `  kubernetesVersion: ${k8s}`, ...lines])}`;

function componentFindings(text: string): Finding[] {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, {})).filter((f) => f.code === 'kops-components');
}

const described = (findings: Finding[]): string[] => findings.map((f) => `${f.path} ${f.kops?.type}`).sort();

describe('kops-components rules on odd input', () => {
  it('never throws and reports nothing for values kops could not even decode', () => {
    const odd = [
      '  kubeAPIServer: []',
      '  kubeAPIServer:\n    admissionControl: NodeRestriction\n    serviceNodePortRange: [1, 2]\n    authorizationMode: 5',
      '  kubelet: foo\n  masterKubelet:\n    shutdownGracePeriodCriticalPods: soon\n    configureCbr0: "true"',
      '  kubeDNS:\n    serverIP: [1]\n    upstreamNameservers: 8.8.8.8\n    stubDomains: [a, b]',
      '  hooks: {a: 1}\n  fileAssets:\n  - just-a-string\n  sysctlParameters:\n  - 5',
      '  containerd:\n    version: 1.7\n    nvidiaGPU: true\n  docker: null',
      '  nodeTerminationHandler:\n    enabled: "true"\n    enableSpotInterruptionDraining: "false"',
      '  kubeProxy:\n    ipvsExcludeCidrs:\n    - {cidr: 10.0.0.0/8}\n    master: {{ .master }}',
    ];
    for (const lines of odd) {
      const text = cluster('v1.36.2', [lines]);
      assert.doesNotThrow(() => componentFindings(text), lines);
      assert.deepEqual(described(componentFindings(text)), [], lines);
    }
  });

  it('stays silent without a kubernetesVersion kops can read, as kops stops validating there', () => {
    const lines = ['  kubeScheduler:', '    usePolicyConfigMap: true'];
    assert.deepEqual(described(componentFindings(cluster('v1.36.2', lines, 'latest'))), []);
    assert.deepEqual(described(componentFindings(cluster('v1.36.2', lines))), ['spec.kubeScheduler.usePolicyConfigMap Forbidden']);
  });

  it('reads a release URL as kubernetesVersion the way kops does', () => {
    const lines = ['  kubelet:', '    topologyManagerPolicy: best_effort'];
    const url = 'https://storage.googleapis.com/kubernetes-release/release/v1.17.3';
    assert.deepEqual(described(componentFindings(cluster('v1.22.0', lines, url))), [
      'spec.kubelet.topologyManagerPolicy Forbidden',
      'spec.kubelet.topologyManagerPolicy NotSupported',
    ]);
  });
});

describe('kops-components quick fixes', () => {
  const cases: Array<{ name: string; kops: string; lines: string[]; k8s?: string }> = [
    {
      name: 'signing duration renamed',
      kops: 'v1.36.2',
      lines: ['  kubeControllerManager:', '    experimentalClusterSigningDuration: 8760h'],
    },
    { name: 'admissionControl renamed', kops: 'v1.36.2', lines: ['  kubeAPIServer:', '    admissionControl:', '    - NodeRestriction'] },
    { name: 'cert-manager enabled for the metrics server', kops: 'v1.36.2', lines: ['  metricsServer:', '    enabled: true'] },
    {
      name: 'removed kubelet flags dropped',
      kops: 'v1.36.2',
      lines: ['  kubelet:', '    networkPluginName: cni', '    experimentalAllowedUnsafeSysctls:', '    - net.core.somaxconn'],
    },
    { name: 'foreign kubelet cloudProvider dropped', kops: 'v1.30.0', lines: ['  kubelet:', '    cloudProvider: gce'], k8s: '1.30.2' },
    { name: 'Docker switched to containerd', kops: 'v1.28.0', lines: ['  containerRuntime: docker'], k8s: '1.27.8' },
  ];
  for (const { name, kops, lines, k8s } of cases) {
    it(`${name}: the preferred fix clears every error it targets and adds none`, () => {
      let text = cluster(kops, lines, k8s);
      const before = componentFindings(text);
      assert.ok(before.length > 0, name);
      for (let round = 0; round < 5; round++) {
        const file = parseFile(text);
        const eff = effectiveKopsVersion(file, {});
        const target = diagnose(file, eff).find(
          (f) => f.code === 'kops-components' && fixesFor(file, eff.version, f).some((x) => x.preferred),
        );
        if (!target) break;
        text = applyEdits(text, fixesFor(file, eff.version, target).find((x) => x.preferred)!.edits);
      }
      const after = parseFile(text);
      const errors = diagnose(after, effectiveKopsVersion(after, {})).filter((f) => f.severity === 'error');
      assert.deepEqual(described(errors), [], text);
    });
  }
});
