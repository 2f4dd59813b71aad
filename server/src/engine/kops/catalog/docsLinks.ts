import type { KopsVersion } from '../releases';
import { ciliumField } from './ciliumFields';
import { ciliumSupport } from './ciliumVersions';
import generated from './generated/ciliumDocs.json';
import fieldsData from './generated/ciliumFields.json';

export { KOPS_CILIUM_DOCS } from '../../findingCodes';

/** [first docs version, value] runs; a run holds until the next one starts, null = absent. */
type Runs = [string, string | null][];
interface Topic {
  paths: Runs;
  anchors?: Runs;
  anchor?: string;
}

interface RawTopic {
  paths: (string | null)[][];
  anchors?: (string | null)[][];
  anchor?: string;
}
const RAW_TOPICS: Record<string, RawTopic> = generated.topics;
const toRuns = (rows: (string | null)[][]): Runs => rows.map(([from, value]) => [from ?? '', value ?? null]);
const TOPICS: Record<string, Topic> = Object.fromEntries(
  Object.entries(RAW_TOPICS).map(([id, t]) => [id, { paths: toRuns(t.paths), anchors: t.anchors && toRuns(t.anchors), anchor: t.anchor }]),
);
const VERSIONS: readonly string[] = generated.versions;
const NEWEST = generated.newestRelease;
const STABLE = 'stable';
const CILIUM_VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/;
const TOPICS_BY_FIELD = new Map<string, string[]>(
  (fieldsData.fields as { path: string; docsTopics?: string[] }[]).map((f) => [f.path, f.docsTopics ?? []]),
);

function runValue(runs: Runs | undefined, docsVersion: string): string | null | undefined {
  if (!runs) return undefined;
  const at = VERSIONS.indexOf(docsVersion);
  let value: string | null | undefined;
  for (const [from, v] of runs) if (VERSIONS.indexOf(from) <= at) value = v;
  return value;
}

/** `v1.15` for a Cilium version the docs table covers, else `stable`. */
export function ciliumDocSlug(ciliumVersion: string | undefined): string {
  const m = typeof ciliumVersion === 'string' ? CILIUM_VERSION.exec(ciliumVersion.trim()) : null;
  const slug = m ? `v${Number(m[1])}.${Number(m[2])}` : STABLE;
  return VERSIONS.includes(slug) ? slug : STABLE;
}

function urlAt(topic: Topic, slug: string, docsVersion: string): string | undefined {
  const path = runValue(topic.paths, docsVersion);
  if (!path) return undefined;
  const anchor = topic.anchors ? runValue(topic.anchors, docsVersion) : topic.anchor;
  return `${generated.base}/${slug}/${path}${anchor ? `#${anchor}` : ''}`;
}

/**
 * docs.cilium.io page for a topic, matching the cluster's Cilium minor. When that version lacks the topic (or
 * the version is unknown), the page under `stable`; a topic gone from the newest docs links its last version.
 */
export function ciliumDocsUrl(topic: string, ciliumVersion: string | undefined): string | undefined {
  const t = TOPICS[topic];
  if (!t) return undefined;
  const slug = ciliumDocSlug(ciliumVersion);
  const exact = slug === STABLE ? undefined : urlAt(t, slug, slug);
  if (exact) return exact;
  const stable = urlAt(t, STABLE, NEWEST);
  if (stable) return stable;
  const last = [...VERSIONS].reverse().find((v) => runValue(t.paths, v));
  return last ? urlAt(t, last, last) : undefined;
}

/** Cilium docs page for a spec.networking.cilium key path (primary topic of the key). */
export function ciliumDocsUrlForField(fieldPath: string, ciliumVersion: string | undefined): string | undefined {
  const topic = ciliumDocsTopicsForField(fieldPath)[0];
  return topic ? ciliumDocsUrl(topic, ciliumVersion) : undefined;
}

/** All docs topics for a key path, primary first; the same at every kops version. */
export function ciliumDocsTopicsForField(fieldPath: string): string[] {
  return [...(TOPICS_BY_FIELD.get(fieldPath) ?? [])];
}

/** The Cilium version a cluster runs: the spec's `version:` when it reads as one, else kops' default. */
export function effectiveCiliumVersion(specVersion: unknown, v: KopsVersion): string {
  if (typeof specVersion === 'string' && CILIUM_VERSION.test(specVersion.trim())) return specVersion.trim();
  return ciliumSupport(v).defaultVersion;
}

/** Convenience for hovers: the docs link of a key at a kops version and spec `version:` value. */
export function fieldDocsUrl(v: KopsVersion, fieldPath: string, specVersion: unknown): string | undefined {
  if (!ciliumField(v, fieldPath)) return undefined;
  return ciliumDocsUrlForField(fieldPath, effectiveCiliumVersion(specVersion, v));
}
