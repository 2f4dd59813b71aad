import { isMap, isSeq, type YAMLMap } from 'yaml';
import { clusterDocument, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import type { KopsVersion } from '../../kops/releases';
import { ciliumPath, dialectFor } from '../../kops/dialect';
import { boolAt, structKeysAt } from '../../kops/goValues';
import type { PathSegment, Position, TextEdit } from '../../types';
import type { YamlEditor } from '../../document/yamlEdit';
import { nodeAt } from '../../document/yamlNav';
import { retypedCollectionAlong } from '../../document/collectionTags';
import { aliasedAnchorAlong } from '../../document/aliasedAnchors';
import { chainEdits } from '../../document/textEdits';
import { blockLines, flowText, mirrorCluster } from './etcdClusterText';
import { rethrow, type ErrorSink } from '../../errorBoundary';
import { passesGuard } from '../editGuard';
import { ciliumEtcdOffer } from './etcdOffer';

export type InsertCiliumEtcdResult = { edits: TextEdit[] } | { message: string };

const CLUSTERS = ['spec', 'etcdClusters'];

function etcdClusterNamed(doc: YamlDocument, name: string): YAMLMap | undefined {
  const clusters = nodeAt(doc, CLUSTERS);
  if (!isSeq(clusters)) return undefined;
  return clusters.items.find((item): item is YAMLMap => isMap(item) && item.get('name') === name);
}

/**
 * Whether the `cilium` etcd cluster can be appended: `main` is there with members on instance groups to mirror,
 * in a list whose tag (`!!omap`) does not keep the editor out and that no alias refers to.
 */
export function ciliumEtcdClusterWritable(doc: YamlDocument, v: KopsVersion): boolean {
  const main = etcdClusterNamed(doc, 'main');
  return (
    main !== undefined &&
    mirrorCluster(doc, main, v) !== undefined &&
    !retypedCollectionAlong(doc, CLUSTERS) &&
    aliasedAnchorAlong(doc, CLUSTERS) === undefined
  );
}

/** Edits that append the `cilium` etcd cluster, or why they cannot be made. */
function clusterEdits(doc: YamlDocument, v: KopsVersion, editor: YamlEditor): TextEdit[] | string {
  const main = etcdClusterNamed(doc, 'main');
  if (!main) {
    return (
      'There is no `main` etcd cluster in spec.etcdClusters to copy the members from. Add the `main` cluster first ' +
      '(kops create cluster writes one), or write the `cilium` cluster by hand with members on the control-plane instance groups.'
    );
  }
  const mirrored = mirrorCluster(doc, main, v);
  if (!mirrored) return 'The `main` etcd cluster has no members with an instanceGroup to copy, so the `cilium` cluster cannot mirror it.';
  const clusters = nodeAt(doc, CLUSTERS);
  const edits =
    isSeq(clusters) && clusters.flow
      ? editor.appendToFlowSeq(CLUSTERS, flowText(mirrored.tree))
      : editor.appendToSeq(CLUSTERS, blockLines(mirrored.tree, editor.step, mirrored.listIndent));
  return edits.length ? edits : 'spec.etcdClusters is written in a way this command cannot extend; add the `cilium` cluster by hand.';
}

/**
 * `kops: Insert Cilium etcd cluster`: adds an etcd cluster named `cilium` mirroring `main` and sets
 * `etcdManaged: true`, in the Cluster document only. Running it again changes nothing and says why. An edit the
 * edit guard withholds is reported to `report` and answered with a message.
 */
export function insertCiliumEtcd(
  file: ParsedFile,
  eff: EffectiveVersion,
  position?: Position,
  report: ErrorSink = rethrow,
): InsertCiliumEtcdResult {
  const doc = clusterDocument(file, position);
  if (!doc) return { message: 'This file has no kops Cluster document.' };
  const result = ciliumEtcdEdits(file, doc, eff.version);
  if (!('edits' in result)) return result;
  const offer = ciliumEtcdOffer(file, doc, eff.version, 'Insert Cilium etcd cluster', result.edits);
  if (passesGuard(file, offer, report, { feature: 'insert Cilium etcd: edit guard' })) return result;
  return { message: 'kops Spec held this edit back because it would damage the file; the kops Spec output channel says why.' };
}

/**
 * The command's work on one Cluster document (also the quick fix for etcdManaged / kvstore findings, which
 * pass the finding's path as `near` so `etcdManaged` lands beside it).
 */
export function ciliumEtcdEdits(
  file: ParsedFile,
  doc: YamlDocument,
  v: KopsVersion,
  near: readonly PathSegment[] = [],
): InsertCiliumEtcdResult {
  if (!doc.kops || !isMap(nodeAt(doc, ['spec']))) return { message: 'The Cluster document has no spec mapping.' };
  if (doc.yaml.errors.length) return { message: 'Fix the YAML syntax errors in the Cluster document first.' };
  const cilium = ciliumPath(dialectFor(doc.kops.apiVersion));
  const others = structKeysAt(doc, ['spec', 'networking']).filter((k) => k !== 'cilium');
  if (others.length && !nodeAt(doc, cilium)) {
    return { message: `This cluster uses ${others.join(', ')} networking, not Cilium; Cilium's etcd cluster would not be used.` };
  }
  const hasCluster = etcdClusterNamed(doc, 'cilium') !== undefined;
  const managed = boolAt(doc, [...cilium, 'etcdManaged']) === true;
  if (hasCluster && managed) return { message: 'Nothing to do: the cluster already has a `cilium` etcd cluster and `etcdManaged: true`.' };
  const aliased = (!hasCluster && aliasedAnchorAlong(doc, CLUSTERS)) || (!managed && aliasedAnchorAlong(doc, [...cilium, 'etcdManaged']));
  if (aliased) {
    return {
      message:
        `An alias in the Cluster document uses the anchor &${aliased}, set on what this command would write into: ` +
        'the alias would change with it. Make the change by hand.',
    };
  }
  let problem: string | undefined;
  const addCluster = (editor: YamlEditor): TextEdit[] | undefined => {
    if (hasCluster) return [];
    const added = clusterEdits(doc, v, editor);
    if (typeof added !== 'string') return added;
    problem = added;
    return undefined;
  };
  const setManaged = (editor: YamlEditor): TextEdit[] | undefined => {
    if (managed) return [];
    const set = editor.set([...cilium, 'etcdManaged'], 'true');
    if (set.length) return set;
    problem = 'Could not set `etcdManaged: true`: networking.cilium is not a plain mapping.';
    return undefined;
  };
  // addCluster runs first, on the unedited document it reads `main` from.
  const edits = chainEdits(file, doc, [addCluster, setManaged], near);
  if (edits?.length === 0) return { message: 'Nothing to do: the spec already says what this command would write.' };
  return edits ? { edits } : { message: problem ?? 'The Cluster document changed shape while editing; nothing was changed.' };
}
