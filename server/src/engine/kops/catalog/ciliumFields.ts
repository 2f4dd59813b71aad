import { atLeast, before, type KopsVersion } from '../releases';
import { DEFAULT_HISTORY, MANIFEST_ONLY_NOTE, type DefaultEra } from './defaultHistory';
import summaries from './fieldSummaries.json';
import generated from './generated/ciliumFields.json';
import { ciliumSupport } from './ciliumVersions';
import { noEffectCommentAt, type KopsNoEffectComment } from './ciliumComments';

export type FieldType = 'string' | 'boolean' | 'integer' | 'quantity' | 'stringList' | 'stringMap' | 'object';
/** The maps inside spec.networking.cilium whose keys the catalog lists too. */
export const NESTED_CILIUM_PARENTS = ['hubble', 'ingress', 'gatewayAPI'] as const;
/** Where a catalog field sits: '' for spec.networking.cilium itself, else one of its nested maps. */
export type CiliumParent = '' | (typeof NESTED_CILIUM_PARENTS)[number];

export interface CiliumField {
  /** Relative to spec.networking.cilium, e.g. 'enableNodePort', 'hubble.enabled'. */
  path: string;
  type: FieldType;
  /** Allowed values at the queried kops version. */
  enumValues?: string[];
  /** False for enums that are only documented (kops accepts any value). */
  enumEnforced: boolean;
  /** kops default at the queried version as YAML text; undefined when kops does not default the key. */
  default?: string;
  defaultNote?: string;
  /** First kops release that has the key (minor releases included, not only the fact base's listed tags). */
  addedIn: string;
  /** First listed fact-base tag that has the key (the fact base's `addedIn`). */
  addedInTag: string;
  /** Set when the queried version is at or after the release that started discarding the key. */
  deadSince?: string;
  /** Set when the queried version is at or after the release where the key stopped having an effect. */
  noEffectSince?: string;
  /** kops' own comment says the key does nothing at the queried version; set only where deadSince and noEffectSince are not. */
  noEffectComment?: KopsNoEffectComment;
  v1alpha3Name?: string;
  /** Name kops prints in validation error paths at the queried version. */
  internalName: string;
  summary: string;
  /** Primary Cilium docs topic (cilium-docs.json topic id). */
  docsTopic?: string;
  /** Every docs topic that explains the key, primary first. */
  docsTopics?: string[];
}

interface GeneratedField {
  path: string;
  type: string;
  since: string;
  /** Patch releases of older release lines that also got the key (e.g. v1.34.3). */
  backports?: string[];
  addedInTag: string;
  enum?: string[];
  enumEnforced?: boolean;
  enumBefore?: { version: string; values: string[] };
  enumUntil?: string;
  newestDefault?: string;
  deadSince?: string;
  noEffectSince?: string;
  v1alpha3?: string;
  docsTopics?: string[];
}

const FIELDS: readonly GeneratedField[] = generated.fields;
const BY_PATH = new Map(FIELDS.map((f) => [f.path, f]));
const BY_V1ALPHA3 = new Map<string, string>();
for (const f of FIELDS) if (f.v1alpha3 && !BY_V1ALPHA3.has(f.v1alpha3)) BY_V1ALPHA3.set(f.v1alpha3, f.path);
const SUMMARIES: Record<string, string> = summaries;
/** From this release kops validates the internal API, whose names are the v1alpha3 ones. */
const INTERNAL_NAMES_SINCE = 'v1.23.0';

const parentOf = (path: string): string => (path.includes('.') ? path.slice(0, path.indexOf('.')) : '');
const sameLine = (v: KopsVersion, release: string): boolean => release.startsWith(`v${v.major}.${v.minor}.`);
const exists = (f: GeneratedField, v: KopsVersion): boolean =>
  atLeast(v, f.since) || !!f.backports?.some((b) => sameLine(v, b) && atLeast(v, b));

function enumAt(f: GeneratedField, v: KopsVersion): string[] | undefined {
  if (!f.enum) return undefined;
  if (f.enumUntil && atLeast(v, f.enumUntil)) return undefined;
  if (f.enumBefore && before(v, f.enumBefore.version)) return [...f.enumBefore.values];
  return [...f.enum];
}

function eraAt(eras: DefaultEra[] | undefined, v: KopsVersion): DefaultEra | undefined {
  return eras?.filter((e) => atLeast(v, e.from)).pop();
}

function defaultAt(f: GeneratedField, v: KopsVersion): Pick<CiliumField, 'default' | 'defaultNote'> {
  if (f.path === 'version') {
    const support = ciliumSupport(v);
    const older = support.olderKubernetesDefault;
    const note = older ? `${older.version} when kubernetesVersion is below ${older.below}` : undefined;
    return { default: support.defaultVersion, defaultNote: before(v, '1.19') ? join(note, MANIFEST_ONLY_NOTE) : note };
  }
  const era = eraAt(DEFAULT_HISTORY[f.path], v);
  const value = era ? era.value : f.newestDefault;
  const manifestOnly = value !== undefined && before(v, '1.19');
  return { default: value, defaultNote: manifestOnly ? join(era?.note, MANIFEST_ONLY_NOTE) : era?.note };
}

const join = (a: string | undefined, b: string): string => (a ? `${a}; ${b}` : b);

function internalName(f: GeneratedField, v: KopsVersion): string {
  if (f.v1alpha3 && atLeast(v, INTERNAL_NAMES_SINCE)) return f.v1alpha3.slice(f.v1alpha3.lastIndexOf('.') + 1);
  return f.path.slice(f.path.lastIndexOf('.') + 1);
}

function toField(f: GeneratedField, v: KopsVersion): CiliumField {
  const enumValues = enumAt(f, v);
  const field: CiliumField = {
    path: f.path,
    type: f.type as FieldType,
    enumEnforced: enumValues !== undefined && f.enumEnforced === true,
    addedIn: f.since,
    addedInTag: f.addedInTag,
    internalName: internalName(f, v),
    summary: SUMMARIES[f.path] ?? '',
  };
  const { default: dflt, defaultNote } = defaultAt(f, v);
  if (dflt !== undefined) field.default = dflt;
  if (defaultNote !== undefined) field.defaultNote = defaultNote;
  if (enumValues) field.enumValues = enumValues;
  if (f.deadSince && atLeast(v, f.deadSince)) field.deadSince = f.deadSince;
  if (f.noEffectSince && atLeast(v, f.noEffectSince)) field.noEffectSince = f.noEffectSince;
  const comment = field.deadSince || field.noEffectSince ? undefined : noEffectCommentAt(v, f.path);
  if (comment) field.noEffectComment = comment;
  if (f.v1alpha3) field.v1alpha3Name = f.v1alpha3;
  if (f.docsTopics) {
    field.docsTopic = f.docsTopics[0];
    field.docsTopics = [...f.docsTopics];
  }
  return field;
}

/**
 * The catalog as kops `v` sees it: every key it has, in catalog order, built once per version. This is static
 * data, not rule state: completion, hover and every diagnostics pass ask for it, and rebuilding it per call was
 * a tenth of the server's CPU. Fields are frozen because every caller shares them.
 */
const AT_VERSION = new Map<string, { byPath: ReadonlyMap<string, CiliumField>; byParent: Map<CiliumParent, readonly CiliumField[]> }>();
/** Versions come from files and settings; a few dozen are realistic, more only evicts. */
const MAX_VERSIONS = 64;

function freeze(field: CiliumField): CiliumField {
  if (field.enumValues) Object.freeze(field.enumValues);
  if (field.docsTopics) Object.freeze(field.docsTopics);
  return Object.freeze(field);
}

function catalogAt(v: KopsVersion) {
  const key = `${v.major}.${v.minor}.${v.patch}`;
  let entry = AT_VERSION.get(key);
  if (!entry) {
    if (AT_VERSION.size >= MAX_VERSIONS) AT_VERSION.clear();
    const byPath = new Map(FIELDS.filter((f) => exists(f, v)).map((f) => [f.path, freeze(toField(f, v))] as const));
    entry = { byPath, byParent: new Map() };
    AT_VERSION.set(key, entry);
  }
  return entry;
}

/** Keys that exist at kops version `v` directly under `parent` ('' = top level), in catalog order. */
export function ciliumFields(v: KopsVersion, parent: CiliumParent = ''): CiliumField[] {
  const catalog = catalogAt(v);
  let fields = catalog.byParent.get(parent);
  if (!fields) {
    fields = [...catalog.byPath.values()].filter((f) => parentOf(f.path) === parent);
    catalog.byParent.set(parent, fields);
  }
  return [...fields];
}

/** The key at `path` as kops `v` knows it; undefined when that kops version has no such key. */
export function ciliumField(v: KopsVersion, path: string): CiliumField | undefined {
  return catalogAt(v).byPath.get(path);
}

/** Every key path any supported kops version has (119). */
export function allCiliumFieldPaths(): string[] {
  return FIELDS.map((f) => f.path);
}

/** First kops release that has the key, for "exists only since" messages. */
export function firstKopsWith(path: string): string | undefined {
  return BY_PATH.get(path)?.since;
}

/** Finds a catalog path by its v1alpha3/internal spelling (e.g. 'masquerade' -> 'disableMasquerade'). */
export function pathForV1alpha3Name(name: string): string | undefined {
  return BY_V1ALPHA3.get(name);
}
