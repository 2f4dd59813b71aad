import { isScalar, type Node } from 'yaml';
import { fileRange, type ParsedFile, type YamlDocument } from '../documents';
import type { KopsVersion } from '../kopsVersion';
import { formatPath, type Finding, type PathSegment, type Range } from '../types';
import { deepestExisting, keySpan, nodeAt, spanOf, valueSpan } from '../yamlNav';
import { ciliumRules } from './cilium';
import { readCluster, type ClusterFacts } from './clusterFacts';
import { compatWarnings } from './compat';
import { withKopsDefaults } from './defaults';
import { etcdNameRules } from './etcdNames';
import { networkingOptionRules } from './networkingOptions';
import { nodeLocalDnsRules } from './nodeLocalDns';
import { nonMasqueradeOverlapRules } from './nonMasqueradeOverlap';
import type { Violation, Warning } from './violation';

/**
 * kops validation rules that concern Cilium (plus the generic ones Cilium specs run into), for the spec as
 * written (`kops create -f`, stage `spec`) and as kops defaults it (`kops update cluster`, stage `defaults`;
 * reported only when the written spec does not already fail the same way), and `compat-` warnings.
 */

function violations(c: ClusterFacts, v: KopsVersion): Violation[] {
  return [
    ...ciliumRules(c, v), ...networkingOptionRules(c, v), ...nonMasqueradeOverlapRules(c, v),
    ...nodeLocalDnsRules(c, v), ...etcdNameRules(c, v),
  ];
}

/** The offending value when it is a scalar, else its key. */
function spanAt(doc: YamlDocument, path: readonly PathSegment[]): [number, number] | undefined {
  const node = nodeAt(doc, path);
  if (isScalar(node)) return valueSpan(doc, path);
  return path.length ? keySpan(doc, path) : undefined;
}

/** A key that causes the finding: the whole `key: value` when the value is a scalar. */
function anchorSpan(doc: YamlDocument, path: readonly PathSegment[]): [number, number] | undefined {
  const key = keySpan(doc, path);
  const value = isScalar(nodeAt(doc, path)) ? valueSpan(doc, path) : undefined;
  return key && value ? [key[0], value[1]] : key;
}

function place(file: ParsedFile, doc: YamlDocument, target: Pick<Violation, 'at' | 'underline' | 'anchors'>): Range {
  const candidates = [
    ...[target.underline, target.at].map((p) => p && spanAt(doc, p)),
    ...(target.anchors ?? []).map((p) => anchorSpan(doc, p)),
  ];
  const span = candidates.find((s) => s !== undefined);
  if (span) return fileRange(file, doc, span[0], span[1]);
  const nearest = deepestExisting(doc, target.at);
  const parent = nearest && ('key' in nearest.node ? spanOf(nearest.node.key as Node) : spanOf(nearest.node));
  const fallback = parent ?? keySpan(doc, ['spec']) ?? [0, 0];
  return fileRange(file, doc, fallback[0], fallback[1]);
}

/**
 * The written spec is what kops rejects outright. A rejection that only the defaulted spec gets is shown as a
 * warning: kops' own integration specs (the conversion pair) carry one and are meant to be clean.
 */
const SEVERITY = { spec: 'error', defaults: 'warning' } as const;

const identity = (x: Violation): string => `${x.code}|${formatPath(x.at)}|${x.type}`;

function toFinding(file: ParsedFile, doc: YamlDocument, x: Violation, stage: 'spec' | 'defaults'): Finding {
  const message = stage === 'spec' ? x.message
    : `Passes \`kops create -f\` as written, but \`kops update cluster\` rejects it once kops fills in defaults${x.whenDefaulted ? ` (${x.whenDefaulted})` : ''}. ${x.message}`;
  return {
    code: x.code,
    path: formatPath(x.at),
    range: place(file, doc, x),
    severity: SEVERITY[stage],
    message,
    docs: x.docs,
    kops: { type: x.type, path: x.kopsPath, stage, detail: x.detail },
  };
}

function warningFinding(file: ParsedFile, doc: YamlDocument, w: Warning): Finding {
  return { code: w.code, path: formatPath(w.at), range: place(file, doc, w), severity: 'warning', message: w.message, docs: w.docs };
}

/** Findings for one kops Cluster document; [] for InstanceGroups and anything else. */
export function ruleFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  const cluster = readCluster(doc);
  if (!cluster) return [];
  const written = violations(cluster, v);
  const seen = new Set(written.map(identity));
  const onlyDefaulted = violations(withKopsDefaults(cluster, v), v).filter((x) => !seen.has(identity(x)));
  return [
    ...written.map((x) => toFinding(file, doc, x, 'spec')),
    ...onlyDefaulted.map((x) => toFinding(file, doc, x, 'defaults')),
    ...compatWarnings(cluster, v).map((w) => warningFinding(file, doc, w)),
  ];
}
