/** A kops v1alpha2 document: its header, then `spec:` holding `specLines` (already indented two spaces). */
export function kopsDocument(kind: 'Cluster' | 'InstanceGroup', name: string, specLines: readonly string[]): string {
  return ['apiVersion: kops.k8s.io/v1alpha2', `kind: ${kind}`, 'metadata:', `  name: ${name}`, 'spec:', ...specLines, ''].join('\n');
}
