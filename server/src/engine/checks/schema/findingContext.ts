import { fileRange, type KopsApiVersion, type KopsKind, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { PathSegment, Range } from '../../types';
import { deepestExisting, spanOf } from '../../document/yamlNav';

/** Everything a schema finding builder needs about the document being checked. */
export interface SchemaContext {
  file: ParsedFile;
  doc: YamlDocument;
  v: KopsVersion;
  kind: KopsKind;
  apiVersion: KopsApiVersion;
}

export const docsLink = (kind: KopsKind): string =>
  kind === 'Cluster' ? 'https://kops.sigs.k8s.io/cluster_spec/' : 'https://kops.sigs.k8s.io/instance_groups/';

/**
 * File range of a span; without one (the value came through an alias) the deepest node on the path that the
 * document really contains. Undefined when nothing can be located honestly.
 */
export function rangeFor(ctx: SchemaContext, span: [number, number] | undefined, path: readonly PathSegment[]): Range | undefined {
  const located = span ?? spanOf(deepestExisting(ctx.doc, path)?.node);
  return located && fileRange(ctx.file, ctx.doc, located[0], located[1]);
}
