import { firstKopsWith, type CiliumField, type CiliumParent } from '../kops/catalog/ciliumFields';
import { ciliumDocSlug, ciliumDocsUrlForField, effectiveCiliumVersion, KOPS_CILIUM_DOCS } from '../kops/catalog/docsLinks';
import { ciliumParentOf, defaultText, fieldByName, fieldSummary, lifecycleNotes, typeLabel } from '../kops/ciliumNaming';
import { CILIUM_PATH } from '../kops/dialect';
import { cursorContext, type CursorContext } from '../document/cursor/cursorContext';
import type { KopsApiVersion, ParsedFile } from '../document/documents';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import { OLDEST_KOPS, releaseName, type KopsVersion } from '../kops/releases';
import { keyReleases } from '../kops/knowledge/keyReleases';
import { rangeHolding, rangesText } from '../kops/knowledge/releaseRanges';
import { schemaAt, schemaTypeLabel } from '../kops/schema/specSchema';
import type { Position, Range } from '../types';
import { scalarAt } from '../document/yamlNav';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** A short card for the kops key under `pos`; undefined elsewhere and in non-kops documents. */
export function hover(file: ParsedFile, pos: Position, eff: EffectiveVersion): HoverResult | undefined {
  const ctx = cursorContext(file, pos);
  const kops = ctx?.doc.kops;
  if (!ctx || !kops || ctx.mode !== 'key' || !ctx.keyOnly) return undefined;
  const r = ctx.replaceRange;
  const key = file.text.slice(file.lines.offsetAt(r.start), file.lines.offsetAt(r.end));
  const parent = kops.kind === 'Cluster' ? ciliumParentOf(ctx.path) : undefined;
  const contents = parent !== undefined ? ciliumCard(ctx, key, parent, eff.version, kops.apiVersion) : schemaCard(ctx, key, eff.version);
  return contents ? { contents, range: r } : undefined;
}

function ciliumCard(ctx: CursorContext, key: string, parent: CiliumParent, v: KopsVersion, api: KopsApiVersion): string | undefined {
  const field = fieldByName(v, parent, key, api);
  if (!field) {
    const since = firstKopsWith(parent ? `${parent}.${key}` : key);
    return since ? `**${key}** · not a key of kops ${v.text}; kops has it since ${releaseName(since)}` : undefined;
  }
  const lines = [headline(key, field, v, api)];
  const notes = lifecycleNotes(field);
  if (notes.length) lines.push(`⚠ ${capitalize(notes.join('; '))}`);
  const summary = fieldSummary(field, api);
  if (summary) lines.push(summary);
  lines.push(links(ctx, field, v));
  return lines.join('\n\n');
}

function headline(key: string, field: CiliumField, v: KopsVersion, api: KopsApiVersion): string {
  const parts = [`**${key}**`, typeLabel(field)];
  const def = defaultText(field, api);
  parts.push(def === undefined ? `no kops default at ${v.text}` : `kops ${v.text} default \`${def}\``);
  if (field.enumValues?.length) {
    const values = field.enumValues.map((e) => `\`${e}\``).join(' | ');
    parts.push(field.enumEnforced ? values : `${values} (documented, not checked)`);
  }
  const line = parts.join(' · ');
  return field.defaultNote ? `${line}  \n_${field.defaultNote}_` : line;
}

function links(ctx: CursorContext, field: CiliumField, v: KopsVersion): string {
  const cilium = effectiveCiliumVersion(scalarAt(ctx.doc, [...CILIUM_PATH, 'version']), v);
  const url = ciliumDocsUrlForField(field.path, cilium);
  const kops = `[kops: Cilium networking](${KOPS_CILIUM_DOCS})`;
  return url ? `[Cilium ${ciliumDocSlug(cilium)} docs](${url}) · ${kops}` : kops;
}

function schemaCard(ctx: CursorContext, key: string, v: KopsVersion): string | undefined {
  const kind = ctx.doc.kops?.kind;
  if (!kind) return undefined;
  const node = schemaAt(kind, v, [...ctx.path, key]);
  const releases = keyReleases(kind, v, ctx.path, key);
  if (!node) return releases && `**${key}** · not a key of kops ${v.text}; kops has it ${rangesText(releases)}`;
  const parts = [`**${key}**`, schemaTypeLabel(node)];
  const holding = releases && rangeHolding(releases, v);
  if (holding && holding[0] !== OLDEST_KOPS) parts.push(`since kops ${releaseName(holding[0])}`);
  if (holding?.[1]) parts.push(`removed in kops ${releaseName(holding[1])}`);
  if (node.enum?.length) parts.push(node.enum.map((value) => `\`${String(value)}\``).join(' | '));
  const head = parts.join(' · ');
  return node.description ? `${head}\n\n${firstSentence(node.description)}` : head;
}

function firstSentence(text: string): string {
  const m = /^[\s\S]*?[.!?](?=\s+[A-Z]|$)/.exec(text.trim());
  return (m ? m[0] : text).trim();
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
