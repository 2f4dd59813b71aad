import { isMap } from 'yaml';
import { kopsDocuments, fileRange, type ParsedFile, type YamlDocument } from '../document/documents';
import { keySpan, nodeAt, scalarAt, spanOf } from '../document/yamlNav';
import { newestKops } from '../kops/releases';
import { schemaAt } from '../kops/schema/specSchema';
import type { Range } from '../types';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'cluster' | 'instanceGroup' | 'networking';
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** Outline of the kops documents of a file: each Cluster (with its networking provider) and InstanceGroup. */
export function outline(file: ParsedFile): OutlineSymbol[] {
  return kopsDocuments(file).map((doc) => symbolOf(file, doc));
}

function symbolOf(file: ParsedFile, doc: YamlDocument): OutlineSymbol {
  const name = symbolName(scalarAt(doc, ['metadata', 'name']));
  const body = fileRange(file, doc, 0, doc.text.length);
  const nameSpan = keySpan(doc, ['metadata', 'name']) ?? keySpan(doc, ['kind']) ?? [0, 0];
  const selectionRange = fileRange(file, doc, nameSpan[0], nameSpan[1]);
  if (doc.kops?.kind === 'InstanceGroup') {
    const role = scalarAt(doc, ['spec', 'role']);
    const machine = scalarAt(doc, ['spec', 'machineType']);
    const detail = ['InstanceGroup', role, machine].filter((p) => (typeof p === 'string' && p !== '') || typeof p === 'number').join(' · ');
    return { name, detail, kind: 'instanceGroup', range: body, selectionRange, children: [] };
  }
  return { name, detail: 'Cluster', kind: 'cluster', range: body, selectionRange, children: networkingSymbols(file, doc) };
}

/** VS Code rejects an empty symbol name; a tagged value such as `!!merge x` can even be a JS Symbol. */
function symbolName(value: unknown): string {
  return (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '' ? String(value) : '(unnamed)';
}

function networkingSymbols(file: ParsedFile, doc: YamlDocument): OutlineSymbol[] {
  const networking = nodeAt(doc, ['spec', 'networking']);
  if (!isMap(networking)) return [];
  const symbols: OutlineSymbol[] = [];
  for (const pair of networking.items) {
    const key = (pair.key as { value?: unknown })?.value;
    const provider = typeof key === 'string' ? key : '';
    const pairSpan = spanOf(pair);
    const keyRange = spanOf(pair.key as never);
    if (!provider || !pairSpan || !keyRange || !isNetworkingProvider(provider)) continue;
    symbols.push({
      name: provider,
      detail: 'networking provider',
      kind: 'networking',
      range: fileRange(file, doc, pairSpan[0], pairSpan[1]),
      selectionRange: fileRange(file, doc, keyRange[0], keyRange[1]),
      children: [],
    });
  }
  return symbols;
}

/** Every object-valued key under `spec.networking` in the kops schema is a networking provider. */
function isNetworkingProvider(key: string): boolean {
  return schemaAt('Cluster', newestKops(), ['spec', 'networking', key])?.type === 'object';
}
