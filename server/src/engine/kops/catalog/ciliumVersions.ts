import { compareText } from '../../types';
import { atLeast, compareKops, namedRelease, type KopsVersion } from '../releases';
import { compareSemver, parseKubernetesVersion, parseSemver, type SemVer } from '../semver';
import generated from './generated/ciliumVersions.json';

/** How kops checks spec.networking.cilium.version: not at all, by minor list, or with v1.25's inverted patch test. */
export type CiliumVersionCheck = 'none' | 'minors' | 'v1.25-patch-bug';

export interface CiliumSupport {
  /** kops' built-in Cilium version at this kops release. */
  defaultVersion: string;
  /** Before Kubernetes 1.12 kops 1.18/1.19 picked an older Cilium. */
  olderKubernetesDefault?: { below: string; version: string };
  validated: boolean;
  check: CiliumVersionCheck;
  /** Minors that pass the range check; undefined when unchecked and on v1.25 (see ciliumVersionPasses). */
  acceptedMinors?: number[];
  /** Minors kops meant to allow (v1.25: 11 with patch >= 5). */
  intendedMinors?: number[];
  /** kops' detail string of the cilium-version-supported error. */
  detail?: string;
}

interface MinorEntry {
  defaultVersion: string;
  detail?: string;
  olderKubernetes?: { below: string; version: string };
  check: string;
  acceptedMinors?: number[];
  intendedMinors?: number[];
}

const MINORS: Record<string, MinorEntry> = generated.minors;
const PATCH_DEFAULTS: Record<string, string> = generated.patchDefaults;
const NETWORKING: Record<string, { values: string[]; defaultProvider: string }> = generated.networking;

/** A table's release keys, newest first, parsed once (the tables are static). */
const releasesOf = (table: Record<string, unknown>): KopsVersion[] =>
  Object.keys(table)
    .map(namedRelease)
    .sort((a, b) => compareKops(b, a.text));
const MINOR_RELEASES = releasesOf(MINORS);
const PATCH_RELEASES = releasesOf(PATCH_DEFAULTS);
const NETWORKING_RELEASES = releasesOf(NETWORKING);

/** The newest table entry at or below `v` (entries are v1.X.0, plus the newest patch release); else the oldest. */
function latestAtOrBelow<T>(table: Record<string, T>, releases: readonly KopsVersion[], v: KopsVersion): T {
  const found = releases.find((r) => atLeast(v, r.text)) ?? releases[releases.length - 1];
  return table[found.text];
}

function defaultVersionAt(v: KopsVersion, entry: MinorEntry): string {
  const patch = PATCH_RELEASES.find((p) => atLeast(v, p.text) && p.minor === v.minor && p.major === v.major);
  return patch ? PATCH_DEFAULTS[patch.text] : entry.defaultVersion;
}

/** Static per-version data, asked for on every pass: built once per version and shared, hence frozen. */
const SUPPORT = new Map<string, CiliumSupport>();
const MAX_VERSIONS = 64;

export function ciliumSupport(v: KopsVersion): CiliumSupport {
  const key = `${v.major}.${v.minor}.${v.patch}`;
  let support = SUPPORT.get(key);
  if (!support) {
    if (SUPPORT.size >= MAX_VERSIONS) SUPPORT.clear();
    support = freezeSupport(supportAt(v));
    SUPPORT.set(key, support);
  }
  return support;
}

function supportAt(v: KopsVersion): CiliumSupport {
  const entry = latestAtOrBelow(MINORS, MINOR_RELEASES, v);
  const support: CiliumSupport = {
    defaultVersion: defaultVersionAt(v, entry),
    validated: entry.check !== 'none',
    check: entry.check as CiliumVersionCheck,
  };
  if (entry.olderKubernetes) support.olderKubernetesDefault = { ...entry.olderKubernetes };
  if (entry.acceptedMinors) support.acceptedMinors = [...entry.acceptedMinors];
  if (entry.intendedMinors) support.intendedMinors = [...entry.intendedMinors];
  if (entry.detail) support.detail = entry.detail;
  return support;
}

function freezeSupport(support: CiliumSupport): CiliumSupport {
  for (const part of [support.olderKubernetesDefault, support.acceptedMinors, support.intendedMinors]) if (part) Object.freeze(part);
  return Object.freeze(support);
}

/** Exactly kops' cilium-version-supported condition: only the minor counts, except v1.25's inverted patch test. */
export function ciliumVersionPasses(v: KopsVersion, cilium: SemVer): boolean {
  const support = ciliumSupport(v);
  switch (support.check) {
    case 'none':
      return true;
    case 'v1.25-patch-bug':
      return !(cilium.minor !== 11 && cilium.patch < 5);
    default:
      return (support.acceptedMinors ?? []).includes(cilium.minor);
  }
}

/** `v1.18.6` as kops v1.19 and newer read spec.networking.cilium.version: a leading `v`, then a strict semantic version. */
export const parseCiliumVersion = (text: string): SemVer | undefined => (text.startsWith('v') ? parseSemver(text.slice(1)) : undefined);

/** The Cilium version kops installs when the spec names none (older Kubernetes got an older one in kops v1.18/v1.19). */
export function defaultCiliumVersion(v: KopsVersion, kubernetesVersion: string | undefined): string {
  const support = ciliumSupport(v);
  const older = support.olderKubernetesDefault;
  const k8s = kubernetesVersion === undefined ? undefined : parseKubernetesVersion(kubernetesVersion);
  const below = older && parseKubernetesVersion(older.below);
  return older && k8s && below && compareSemver(k8s, below) < 0 ? older.version : support.defaultVersion;
}

/** Every Cilium version some kops release installs by default. */
function knownVersions(): string[] {
  const all = Object.values(MINORS).flatMap((e) => [e.defaultVersion, e.olderKubernetes?.version ?? e.defaultVersion]);
  return [...new Set([...all, ...Object.values(PATCH_DEFAULTS)])];
}

function intended(support: CiliumSupport, c: SemVer): boolean {
  if (support.check === 'v1.25-patch-bug') return (support.intendedMinors ?? []).includes(c.minor) && c.patch >= 5;
  return (support.acceptedMinors ?? []).includes(c.minor);
}

/** Values to offer for `version:`: kops' default first, then known releases kops means to accept, newest first. */
export function ciliumVersionChoices(v: KopsVersion): string[] {
  const support = ciliumSupport(v);
  const own = [support.defaultVersion, support.olderKubernetesDefault?.version].filter((x): x is string => !!x);
  const others =
    support.check === 'none'
      ? []
      : knownVersions().filter((text) => {
          const c = parseCiliumVersion(text);
          return c !== undefined && intended(support, c);
        });
  const rest = [...new Set([...own.slice(1), ...others])].filter((x) => x !== support.defaultVersion);
  return [support.defaultVersion, ...rest.sort(compareCilium)];
}

function compareCilium(a: string, b: string): number {
  const [x, y] = [parseCiliumVersion(a), parseCiliumVersion(b)];
  if (!x || !y) return compareText(a, b);
  return compareSemver(y, x);
}

/** Cilium values `kops create cluster --networking` accepts at this kops release. */
export function createClusterNetworking(v: KopsVersion): string[] {
  return [...latestAtOrBelow(NETWORKING, NETWORKING_RELEASES, v).values];
}

/** Networking provider `kops create cluster` uses when --networking is not given. */
export function defaultNetworkingProvider(v: KopsVersion): string {
  return latestAtOrBelow(NETWORKING, NETWORKING_RELEASES, v).defaultProvider;
}
