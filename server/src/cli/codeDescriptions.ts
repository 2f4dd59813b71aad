/** One-line descriptions of finding codes for SARIF rule metadata (a finding's own message is the fallback). */
const DESCRIPTIONS: Record<string, string> = {
  'yaml-syntax': 'The document is not valid YAML.',
  'kops-version-unknown': 'The requested kops version is malformed or not known to kops-spec.',
  'cilium-unknown-key': 'kops does not know this key under spec.networking.cilium and silently drops it.',
  'cilium-key-too-new': 'This Cilium key exists only in a newer kops release than the one checked against.',
  'cilium-type': 'The value of this Cilium key has the wrong YAML type.',
  'cilium-enum': 'The value is not one of the documented values for this Cilium key.',
  'cilium-dead-key': 'kops discards this Cilium key; it has no effect.',
  'cilium-no-effect': 'kops still accepts this Cilium key but it no longer changes the Cilium configuration.',
};

export const describeCode = (code: string): string | undefined => DESCRIPTIONS[code];
