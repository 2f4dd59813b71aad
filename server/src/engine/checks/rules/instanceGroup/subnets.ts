import { isMap, isScalar, isSeq } from 'yaml';
import type { YamlDocument } from '../../../document/documents';
import { nodeAt } from '../../../document/yamlNav';
import { YamlEditor } from '../../../document/yamlEdit';
import { stringAt } from '../../../kops/goValues';
import { suggestKeys } from '../../../kops/didYouMean';
import { atLeast } from '../../../kops/releases';
import type { Fix, PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { shown } from './igFacts';
import { clusterOf } from './clusterView';

/**
 * Every subnet an InstanceGroup names must be a subnet of its Cluster (CrossValidateInstanceGroup). From v1.26
 * kops prints the InstanceGroup's `spec.subnets[i]` as `spec.networking.subnets[i]`, the cluster's path.
 */

/** The cluster's subnet names; undefined when one of them cannot be read (a template), so nothing is guessed. */
function clusterSubnetNames(cluster: YamlDocument): string[] | undefined {
  const subnets = nodeAt(cluster, ['spec', 'subnets']);
  if (!isSeq(subnets) || subnets.items.length === 0) return undefined;
  const names: string[] = [];
  for (let i = 0; i < subnets.items.length; i++) {
    const name = isMap(subnets.items[i]) ? stringAt(cluster, ['spec', 'subnets', i, 'name']) : undefined;
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

/** Closest unused cluster subnets first; else, when the group lists other subnets, dropping this one. */
function subnetFixes(g: InstanceGroupContext, at: readonly PathSegment[], typed: string, unused: readonly string[], listed: number): Fix[] {
  const editor = new YamlEditor(g.file, g.doc);
  const renames = suggestKeys(typed, unused).flatMap((name, i): Fix[] => {
    const edits = editor.set(at, name);
    return edits.length ? [{ title: `Change to ${shown(name)}`, edits, ...(i === 0 ? { preferred: true } : {}) }] : [];
  });
  if (renames.length || listed < 2) return renames;
  const edits = editor.removeSeqItem(at);
  return edits.length ? [{ title: `Remove ${shown(typed)} from the InstanceGroup's subnets`, edits }] : [];
}

function namesText(all: readonly string[]): string {
  const names = [...new Set(all)];
  return `${names.slice(0, 4).join(', ')}${names.length > 4 ? ', ...' : ''}`;
}

export function subnetViolations(g: InstanceGroupContext): Violation[] {
  const cluster = clusterOf(g);
  const known = cluster && clusterSubnetNames(cluster);
  const listed = nodeAt(g.doc, ['spec', 'subnets']);
  if (!known || !isSeq(listed)) return [];
  const named = listed.items.map((item, i) => (isScalar(item) ? stringAt(g.doc, ['spec', 'subnets', i]) : undefined));
  const unused = known.filter((name) => !named.includes(name));
  return named.flatMap((subnet, i): Violation[] => {
    if (subnet === undefined || known.includes(subnet)) return [];
    const at: PathSegment[] = ['spec', 'subnets', i];
    const fixes = subnetFixes(g, at, subnet, unused, named.length);
    const guess = fixes[0]?.title.startsWith('Change to ') ? fixes[0].edits[0].newText : undefined;
    const hint = guess ? `did you mean ${guess}?` : `it has ${namesText(known)}.`;
    return [
      {
        code: 'kops-instancegroup-cluster',
        at,
        type: 'NotFound',
        kopsPath: atLeast(g.v, '1.26') ? `spec.networking.subnets[${i}]` : `spec.subnets[${i}]`,
        detail: '',
        message: `kops ${g.v.text} finds no subnet ${shown(subnet)} in the cluster: ${hint}`,
        ...(fixes.length ? { fixes } : {}),
      },
    ];
  });
}
