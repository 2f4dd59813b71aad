import type { YamlDocument } from '../../../document/documents';
import { stringPointerAt, stringAt } from '../../../kops/goValues';

/** What several whole-spec rules read from a v1alpha2 Cluster document, as kops decodes it. */

export const cloudProviderOf = (doc: YamlDocument): string | undefined => stringAt(doc, ['spec', 'cloudProvider']);

export const clusterNameOf = (doc: YamlDocument): string => stringPointerAt(doc, ['metadata', 'name']) ?? '';

/** v1alpha2 decoding fills an empty `topology.dns.type` with Public; None, Private and Public are what kops compares. */
export const dnsTypeOf = (doc: YamlDocument): string => stringAt(doc, ['spec', 'topology', 'dns', 'type']) ?? 'Public';

export const usesNoneDNS = (doc: YamlDocument): boolean => dnsTypeOf(doc) === 'None';

/** kops' legacy gossip: a `.k8s.local` cluster name, unless DNS is None. */
export const usesLegacyGossip = (doc: YamlDocument): boolean => !usesNoneDNS(doc) && clusterNameOf(doc).endsWith('.k8s.local');

/** The `kubernetesVersion` as written (an unset or templated value reads as undefined). */
export const kubernetesVersionOf = (doc: YamlDocument): string | undefined => stringAt(doc, ['spec', 'kubernetesVersion']);
