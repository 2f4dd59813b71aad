import type { Node, Pair } from 'yaml';
import { ciliumDocsUrlForField, effectiveCiliumVersion, KOPS_CILIUM_DOCS } from '../../kops/catalog/docsLinks';
import { fileRange, type KopsApiVersion, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import { CILIUM_PATH } from '../../kops/dialect';
import { scalarAt, spanOf } from '../../document/yamlNav';
import type { Range } from '../../types';

/** What every Cilium field check needs to know about the document being checked. */
export interface CiliumContext {
  file: ParsedFile;
  doc: YamlDocument;
  v: KopsVersion;
  api: KopsApiVersion;
  /** The Cilium version the cluster runs, for picking the matching docs.cilium.io pages. */
  ciliumVersion: string;
}

export function ciliumContext(file: ParsedFile, doc: YamlDocument, v: KopsVersion): CiliumContext | undefined {
  if (!doc.kops) return undefined;
  const ciliumVersion = effectiveCiliumVersion(scalarAt(doc, [...CILIUM_PATH, 'version']), v);
  return { file, doc, v, api: doc.kops.apiVersion, ciliumVersion };
}

export function rangeOf(ctx: CiliumContext, node: Node | Pair | null | undefined): Range | undefined {
  const span = spanOf(node);
  return span && fileRange(ctx.file, ctx.doc, span[0], span[1]);
}

export const docsFor = (ctx: CiliumContext, fieldPath?: string): string =>
  (fieldPath && ciliumDocsUrlForField(fieldPath, ctx.ciliumVersion)) || KOPS_CILIUM_DOCS;
