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
  const message =
    stage === 'spec'
      ? x.message
      : `Passes \`kops create -f\` as written, but \`kops update cluster\` rejects it once kops fills in defaults${x.whenDefaulted ? ` (${x.whenDefaulted})` : ''}. ${x.message}`;
  return {
    code: x.code,
    path: formatPath(x.at),
    range: place(file, doc, x),
    severity: SEVERITY[stage],
    message,
    docs: FINDING_CODES[x.code].docs,
    kops: { type: x.type, path: x.kopsPath, stage, detail: x.detail },
  };
}

function warningFinding(file: ParsedFile, doc: YamlDocument, w: Warning): Finding {
  const docs = FINDING_CODES[w.code].docs;
  return { code: w.code, path: formatPath(w.at), range: place(file, doc, w), severity: 'warning', message: w.message, docs };
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
