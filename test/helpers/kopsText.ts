type KopsKind = 'Cluster' | 'InstanceGroup';

/** The lines a kops document starts with: apiVersion, kind and metadata.name, each ending in a line break. */
export function kopsHeader(kind: KopsKind, name: string, api = 'v1alpha2'): string {
  return `apiVersion: kops.k8s.io/${api}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;
}

/** A kops document: its header, then `spec:` holding `specLines` (already indented two spaces). */
export function kopsDocument(kind: KopsKind, name: string, specLines: readonly string[], api?: string): string {
  return `${kopsHeader(kind, name, api)}spec:\n${specLines.map((line) => `${line}\n`).join('')}`;
}

/**
 * A Cluster with a finding from the Cilium field checks (the misspelt `enableNodeport`) and one from the kops rules
 * (NodePort beside an enabled kube-proxy); `extraLines` go at the end of `spec:`.
 */
export const clusterWithCiliumFindings = (name: string, extraLines: readonly string[] = []): string =>
  kopsDocument('Cluster', name, [
    '  kubernetesVersion: 1.32.0',
    '  kubeProxy:',
    '    enabled: true',
    '  networking:',
    '    cilium:',
    '      enableNodePort: true',
    '      enableNodeport: true',
    ...extraLines,
  ]);
