import type { ParsedFile } from '../../document/documents';
import type { FindingCode } from '../../findingCodes';
import type { KopsVersion } from '../../kops/releases';
import type { Finding, Fix } from '../../types';
import { enumFixer, kopsRuleFixer, renameFixer } from './choiceFixes';
import { fixContext, type Fixer } from './context';
import { independent } from '../../document/textEdits';
import { stillSeen } from '../../document/findingSight';
import * as etcd from './etcdFixes';
import { missingEtcdMember } from './etcdMemberFix';
import { removeDeadKey, removeKeyKopsSaysDoesNothing, removeKeyWithoutEffect, removeTooNewKey } from './keyFixes';
import * as rule from './ruleFixes';
import { versionCommentFixes } from './versionComment';
import { versionFixer } from './versionFixes';

export { fixOffer, fixTouches, type FixPart } from './fixOffer';

/** Fixes for one finding, against the file as it is now. */
export type FindingFixer = (file: ParsedFile, v: KopsVersion, finding: Finding) => Fix[];

/** A fixer that edits the kops document holding the finding. */
const inDocument =
  (fixer: Fixer): FindingFixer =>
  (file, v, finding) => {
    const ctx = fixContext(file, v, finding);
    return ctx ? fixer(ctx) : [];
  };

const versionComment: FindingFixer = (file, _v, finding) => versionCommentFixes(file, finding);

/** A kops etcd rule's own fixes, plus the member a control-plane InstanceGroup lacks (added in its Cluster). */
const kopsEtcd: FindingFixer = (file, v, finding) => [
  ...inDocument(kopsRuleFixer)(file, v, finding),
  ...missingEtcdMember(file, v, finding),
];

/**
 * The fixer of every finding code; `undefined` where the finding brings its own fixes, or none. Keyed by every
 * code, so the compiler asks for an entry for each new one.
 */
const FIXERS: Record<FindingCode, FindingFixer | undefined> = {
  'file-not-text': undefined,
  'file-too-large': undefined,
  'document-too-large': undefined,
  'document-too-complex': undefined,
  'yaml-syntax': undefined,
  'kops-version-unknown': versionComment,
  'schema-unknown-key': inDocument(renameFixer),
  'schema-key-newer-kops': undefined,
  'schema-key-removed': undefined,
  'schema-type': undefined,
  'schema-quantity': undefined,
  'cilium-unknown-key': inDocument(renameFixer),
  'cilium-key-too-new': inDocument(removeTooNewKey),
  'cilium-type': undefined,
  'cilium-enum': inDocument(enumFixer),
  'cilium-dead-key': inDocument(removeDeadKey),
  'cilium-no-effect': inDocument(removeKeyWithoutEffect),
  'cilium-no-effect-per-kops': inDocument(removeKeyKopsSaysDoesNothing),
  'cilium-version-prefix': inDocument(versionFixer),
  'cilium-version-semver': inDocument(versionFixer),
  'cilium-version-supported': inDocument(versionFixer),
  'cilium-version-k8s-gate': inDocument(versionFixer),
  'cilium-ipv6-version': inDocument(versionFixer),
  'cilium-hubble-certmanager': inDocument(rule.hubbleCertManager),
  'cilium-hubble-version': inDocument(versionFixer),
  'cilium-wireguard-version': inDocument(versionFixer),
  'cilium-wireguard-l7proxy': inDocument(rule.wireGuardL7),
  'cilium-servicetopology-version': inDocument(versionFixer),
  'cilium-nodeport-kubeproxy': inDocument(rule.nodePort),
  'cilium-kvstore-needs-etcd': inDocument(etcd.kvstoreNeedsEtcd),
  'cilium-bpflbsock-hostns': inDocument(rule.socketLbHostNs),
  'cilium-encryption-ipv6': undefined,
  'cilium-encryptiontype-needs-enable': inDocument(rule.encryptionTypeAlone),
  'cilium-l7proxy-iptables': inDocument(rule.l7Iptables),
  'cilium-eni-aws-only': undefined,
  'cilium-eni-ipv6': undefined,
  'cilium-eni-masquerade': inDocument(rule.eniMasquerade),
  'cilium-etcd-legacy-provider': inDocument(etcd.legacyProvider),
  'cilium-etcdmanaged-needs-cluster': inDocument(etcd.needsCluster),
  'cilium-enum-enablepolicy': inDocument(enumFixer),
  'cilium-enum-tunnel': inDocument(enumFixer),
  'cilium-enum-monitoraggregation': inDocument(enumFixer),
  'cilium-enum-identityallocationmode': inDocument(enumFixer),
  'cilium-enum-bpflbalgorithm': inDocument(enumFixer),
  'cilium-enum-encryptiontype': inDocument(enumFixer),
  'cilium-enum-containerruntimelabels': inDocument(enumFixer),
  'cilium-enum-ipam': inDocument(enumFixer),
  'cilium-enum-ingress-lbmode': inDocument(enumFixer),
  'networking-single-option': inDocument(rule.singleNetworking),
  'nonmasq-overlap-eni-exempt': undefined,
  'nodelocaldns-clusterdns-cilium': inDocument(rule.nodeLocalDns),
  'etcd-cluster-name': inDocument(enumFixer),
  'kops-cluster': inDocument(kopsRuleFixer),
  'kops-kubernetes-version': inDocument(kopsRuleFixer),
  'kops-network': inDocument(kopsRuleFixer),
  'kops-api': inDocument(kopsRuleFixer),
  'kops-etcd': kopsEtcd,
  'kops-components': inDocument(kopsRuleFixer),
  'kops-networking': inDocument(kopsRuleFixer),
  'kops-auth': inDocument(kopsRuleFixer),
  'kops-cloud': inDocument(kopsRuleFixer),
  'kops-instancegroup': inDocument(kopsRuleFixer),
  'kops-instancegroup-cluster': inDocument(kopsRuleFixer),
  'compat-bpflbsock-hostns': undefined,
  'compat-eni-masquerade-default': undefined,
  'compat-eni-masquerade-upgrade': undefined,
};

/** Our fixer for a code; undefined where the findings' own fixes are all there is. */
export const fixerFor = (code: FindingCode): FindingFixer | undefined => FIXERS[code];

/** At most one preferred fix, and none whose own edits clash. */
function tidy(fixes: Fix[]): Fix[] {
  let preferredSeen = false;
  return fixes
    .filter((f) => f.edits.length > 0 && independent(f.edits))
    .map((f) => {
      if (!f.preferred) return f;
      if (preferredSeen) return { ...f, preferred: false };
      preferredSeen = true;
      return f;
    });
}

/**
 * Quick fixes for one finding, computed against the file as it is now: ours for the codes we know, else the
 * fixes the finding brought along; none for a stale finding (its document changed or moved since it was made).
 */
export function fixesFor(file: ParsedFile, v: KopsVersion, finding: Finding): Fix[] {
  if (!stillSeen(file, finding)) return [];
  const fixer = fixerFor(finding.code);
  return tidy(fixer ? fixer(file, v, finding) : (finding.fixes ?? []));
}
