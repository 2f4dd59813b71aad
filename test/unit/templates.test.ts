import { strict as assert } from 'assert';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';

const check = (text: string) => {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, {}));
};

const template = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  name: {{ .clusterName }}
spec:
  kubernetesVersion: {{ .kubernetesVersion }}
  kubeProxy:
    enabled: false
  networking:
    cilium:
      version: "{{ .ciliumVersion }}"
{{- if .nodePort }}
      enableNodePort: true
{{- end }}
      ipam: {{ .ipam | default "kubernetes" }}
`;

describe('kops toolbox templates', () => {
  it('leaves templated values and control lines alone', () => {
    assert.deepEqual(
      check(template).map((f) => `${f.code} ${f.path}`),
      [],
    );
  });

  it('still reports real mistakes next to templated lines', () => {
    const findings = check(template.replace('enableNodePort: true', 'enableNodePort: true\n      tunnel: vxlann'));
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.path}`),
      ['cilium-enum-tunnel spec.networking.cilium.tunnel'],
    );
  });

  it('keeps a value with an embedded expression one scalar (aws-iam-authenticator style)', () => {
    const text =
      'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nspec:\n  kubernetesVersion: 1.35.0\n  networking:\n    cilium: {}\n  fileAssets:\n  - name: map\n    content: dev:{{SessionNameRaw}}\n';
    assert.deepEqual(
      check(text).map((f) => `${f.code} ${f.path}`),
      [],
    );
  });
});
