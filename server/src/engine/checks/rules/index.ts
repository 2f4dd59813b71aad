import type { ParsedFile, YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import { FINDING_CODES } from '../../findingCodes';
import { formatPath, type Finding } from '../../types';
import { ciliumRules } from './cilium';
import { readCluster, type ClusterFacts } from './clusterFacts';
import { compatWarnings } from './compat';
import { withKopsDefaults } from './defaults';
import { etcdNameRules } from './etcdNames';
import { networkingOptionRules } from './networkingOptions';
import { nodeLocalDnsRules } from './nodeLocalDns';
import { nonMasqueradeOverlapRules } from './nonMasqueradeOverlap';
import { place } from './placement';
import type { Violation, Warning } from './violation';
import type { ClusterRule, ClusterWarningRule, InstanceGroupRule } from './ruleContext';
import { specGate } from './cluster/specGate';
import { clusterNameRules } from './cluster/clusterName';
import { cloudProviderRules } from './cluster/cloudProvider';
import { clusterSpecFieldRules } from './cluster/clusterSpecFields';
import { hookAndFileAssetRules } from './cluster/hooksAndFileAssets';
import { externalDnsRules } from './cluster/externalDns';
import { configStoreRules } from './cluster/configStore';
import { kubernetesTooNewRules, kubernetesTooOldWarnings } from './kubernetesVersionSupport';
import { loadBalancerRules } from './api/loadBalancer';
import { awsLoadBalancerRules } from './api/awsLoadBalancer';
import { loadBalancerSubnetRules } from './api/loadBalancerSubnets';
import { apiLoadBalancerTypeRules, bastionLoadBalancerTypeRules } from './api/loadBalancerType';
import { authorizationRules } from './auth/authorization';
import { authenticationRules } from './auth/authentication';
import { iamRules } from './auth/iam';
import { policyRules } from './auth/policies';
import { serviceAccountIssuerDiscoveryRules } from './auth/serviceAccountIssuerDiscovery';
import { componentRules } from './components';
import { controlPlaneMembershipRule, etcdClusterRules } from './etcd';
import { instanceGroupInClusterRules, instanceGroupRules } from './instanceGroup';
import { networkLayoutRules } from './networkLayout';
import { networkingProviderRules } from './networking';
import { awsClusterRules } from './cloud/awsCluster';
import { awsClusterWarmPoolRules } from './cloud/awsWarmPool';
import { awsInstanceGroupRules } from './cloud/awsInstanceGroup';
import { awsMixedInstancesPolicyRules } from './cloud/awsMixedInstances';
import { cloudOnlyFieldRules } from './cloud/cloudOnlyFields';
import { instanceGroupCloudRules } from './cloud/instanceGroupCloud';
import { openstackClusterRules } from './cloud/openstackCluster';

/**
 * kops validation rules that concern Cilium (plus the generic ones Cilium specs run into), for the spec as
 * written (`kops create -f`, stage `spec`) and as kops defaults it (`kops update cluster`, stage `defaults`;
 * reported only when the written spec does not already fail the same way), and `compat-` warnings.
 */

function violations(c: ClusterFacts, v: KopsVersion): Violation[] {
  return [
    ...ciliumRules(c, v),
    ...networkingOptionRules(c, v),
    ...nonMasqueradeOverlapRules(c, v),
    ...nodeLocalDnsRules(c, v),
    ...etcdNameRules(c, v),
  ];
}

/**
 * The written spec is what kops rejects outright. A rejection that only the defaulted spec gets is shown as a
 * warning: kops' own integration specs (the conversion pair) carry one and are meant to be clean.
 */
const SEVERITY = { spec: 'error', defaults: 'warning' } as const;

const identity = (x: Violation): string => `${x.code}|${formatPath(x.at)}|${x.type}`;

function toFinding(file: ParsedFile, doc: YamlDocument, x: Violation, stage: 'spec' | 'defaults'): Finding {
  const why = x.whenDefaulted ?? 'at kops update cluster';
  const message = stage === 'spec' ? x.message : `${x.message.replace(/\.$/, '')} (${why}).`;
  return {
    code: x.code,
    path: formatPath(x.at),
    range: place(file, doc, x),
    severity: SEVERITY[stage],
    message,
    docs: FINDING_CODES[x.code].docs,
    kops: { type: x.type, path: x.kopsPath, stage, detail: x.detail },
    ...(x.fixes && stage === 'spec' ? { fixes: x.fixes } : {}),
  };
}

function warningFinding(file: ParsedFile, doc: YamlDocument, w: Warning): Finding {
  const docs = FINDING_CODES[w.code].docs;
  return { code: w.code, path: formatPath(w.at), range: place(file, doc, w), severity: 'warning', message: w.message, docs };
}

/** Rules of kops' Cluster validation that read the Cluster document alone. */
const CLUSTER_RULES: readonly ClusterRule[] = [
  clusterNameRules,
  cloudProviderRules,
  clusterSpecFieldRules,
  hookAndFileAssetRules,
  externalDnsRules,
  configStoreRules,
  kubernetesTooNewRules,
  loadBalancerRules,
  awsLoadBalancerRules,
  loadBalancerSubnetRules,
  apiLoadBalancerTypeRules,
  authorizationRules,
  authenticationRules,
  iamRules,
  policyRules,
  serviceAccountIssuerDiscoveryRules,
  networkLayoutRules,
  etcdClusterRules,
  networkingProviderRules,
  awsClusterRules,
  awsClusterWarmPoolRules,
  cloudOnlyFieldRules,
  openstackClusterRules,
  componentRules,
];
/** Checks of the Cluster alone that only warn. */
const CLUSTER_WARNING_RULES: readonly ClusterWarningRule[] = [kubernetesTooOldWarnings];
/** Rules of kops' Cluster validation that need its InstanceGroups too. */
const CLUSTER_WITH_GROUPS_RULES: readonly ClusterRule[] = [bastionLoadBalancerTypeRules];
/** Rules of kops' InstanceGroup validation that read the InstanceGroup alone. */
const INSTANCE_GROUP_RULES: readonly InstanceGroupRule[] = [instanceGroupRules];
/** Rules that check an InstanceGroup against its Cluster. */
const INSTANCE_GROUP_IN_CLUSTER_RULES: readonly InstanceGroupRule[] = [
  instanceGroupInClusterRules,
  controlPlaneMembershipRule,
  awsInstanceGroupRules,
  awsMixedInstancesPolicyRules,
  instanceGroupCloudRules,
];

/** The whole-spec rules are ported for v1alpha2, the apiVersion kops writes and users edit; v1alpha3 is skipped. */
const wholeSpecRulesApply = (doc: YamlDocument): boolean => doc.kops?.apiVersion === 'v1alpha2';

/** A Cluster kops cannot decode, or whose kubernetesVersion it cannot parse: kops reports that error alone. */
const gateOf = (doc: YamlDocument, v: KopsVersion): Violation | undefined => (wholeSpecRulesApply(doc) ? specGate(doc, v) : undefined);

function clusterFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  const cluster = readCluster(doc);
  if (!cluster) return [];
  const compat = compatWarnings(cluster, v).map((w) => warningFinding(file, doc, w));
  const gate = gateOf(doc, v);
  if (gate) return [toFinding(file, doc, gate, 'spec'), ...compat];
  const context = { file, doc, v, instanceGroups: [] };
  const ported = wholeSpecRulesApply(doc) ? CLUSTER_RULES.flatMap((rule) => rule(context)) : [];
  const portedWarnings = wholeSpecRulesApply(doc) ? CLUSTER_WARNING_RULES.flatMap((rule) => rule(context)) : [];
  const written = [...violations(cluster, v), ...ported];
  const seen = new Set(written.map(identity));
  const onlyDefaulted = violations(withKopsDefaults(cluster, v), v).filter((x) => !seen.has(identity(x)));
  return [
    ...written.map((x) => toFinding(file, doc, x, 'spec')),
    ...onlyDefaulted.map((x) => toFinding(file, doc, x, 'defaults')),
    ...compat,
    ...portedWarnings.map((w) => warningFinding(file, doc, w)),
  ];
}

/** Findings of kops' validation rules for one kops document alone (Cluster or InstanceGroup). */
export function ruleFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  if (doc.kops?.kind === 'Cluster') return clusterFindings(file, doc, v);
  if (doc.kops?.kind !== 'InstanceGroup' || !wholeSpecRulesApply(doc)) return [];
  return INSTANCE_GROUP_RULES.flatMap((rule) => rule({ file, doc, v })).map((x) => toFinding(file, doc, x, 'spec'));
}

/**
 * Findings that need another document: an InstanceGroup against its Cluster (`related` = [the Cluster]), a
 * Cluster against its InstanceGroups (`related` = the InstanceGroups). `file` holds `doc` alone.
 */
export function crossRuleFindings(file: ParsedFile, doc: YamlDocument, related: readonly YamlDocument[], v: KopsVersion): Finding[] {
  if (!wholeSpecRulesApply(doc) || related.length === 0) return [];
  const cluster = doc.kops?.kind === 'Cluster' ? doc : related[0];
  if (gateOf(cluster, v)) return [];
  const violationsFound =
    doc.kops?.kind === 'Cluster'
      ? CLUSTER_WITH_GROUPS_RULES.flatMap((rule) => rule({ file, doc, v, instanceGroups: related }))
      : INSTANCE_GROUP_IN_CLUSTER_RULES.flatMap((rule) => rule({ file, doc, v, cluster: related[0] }));
  return violationsFound.map((x) => toFinding(file, doc, x, 'spec'));
}
