// Regenerates server/src/engine/kops/catalog/generated/*.json from the hand-reviewed Cilium inputs in knowledge/cilium/.
// Usage: npx tsx scripts/gen-catalog.mjs [--knowledge <dir>]   (default: the repository's knowledge/ folder)
// The output is checked in, so the product never reads knowledge/ at run time.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEWEST_KOPS, OLDEST_KOPS } from '../server/src/engine';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const knowledgeArg = process.argv.indexOf('--knowledge');
const knowledge = knowledgeArg > 0 ? resolve(process.argv[knowledgeArg + 1]) : join(repo, 'knowledge');
const outDir = join(repo, 'server/src/engine/kops/catalog/generated');

const readJson = (rel) => JSON.parse(readFileSync(join(knowledge, rel), 'utf8'));
const facts = readJson('cilium/fields.json');
const versions = readJson('cilium/versions.json');
const docs = readJson('cilium/docs.json');
const supported = readJson('cilium/supported-versions.json');

function check(ok, message) {
  if (!ok) throw new Error(`gen-catalog: ${message}`);
}
const semver = (v) =>
  v
    .replace(/^[<=]*v/, '')
    .split('.')
    .map(Number);
function compare(a, b) {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
const only = (values, what) => {
  const set = [...new Set(values)];
  check(set.length === 1, `expected one ${what}, found ${set.join(', ')}`);
  return set[0];
};

// ---- fields -------------------------------------------------------------------------------------------------
const tags = Object.keys(versions.listedTags).sort(compare);
check(facts.length === 119, `expected 119 field entries, found ${facts.length}`);

const JSON_TYPES = { boolean: 'boolean', integer: 'integer', string: 'string', array: 'stringList', map: 'stringMap', object: 'object' };
function fieldType(f) {
  if (/resource\.Quantity/.test(f.goType)) return 'quantity';
  if (f.jsonType === 'array') check(f.goType === '[]string', `${f.yamlName}: unexpected list type ${f.goType}`);
  if (f.jsonType === 'map') check(f.goType === 'map[string]string', `${f.yamlName}: unexpected map type ${f.goType}`);
  const t = JSON_TYPES[f.jsonType];
  check(t !== undefined, `${f.yamlName}: unknown jsonType ${f.jsonType}`);
  return t;
}

// Keys that first shipped in a patch release (read from the kops tags' pkg/apis/kops/v1alpha2/networking.go;
// fields.json dates keys by .0 releases). `backports`: earlier release lines that got the key in a patch.
const PATCH_RELEASES = {
  enableHostReachableServices: { since: 'v1.20.1' },
  disableCNPStatusUpdates: { since: 'v1.22.2' },
  operatorPodAnnotations: { since: 'v1.26.4' },
  registry: { since: 'v1.27.1' },
  nodeEncryption: { since: 'v1.28.1' },
  bpfLBSock: { since: 'v1.36.0', backports: ['v1.34.3', 'v1.35.1'] },
  extraConfig: { since: 'v1.36.0', backports: ['v1.34.3', 'v1.35.1'] },
};

/** First kops release with the key: firstMinorRelease ("<=v1.16.0" or older than we support means the oldest). */
function firstKops(f) {
  const first = f.firstMinorRelease ?? f.addedIn;
  if (first.startsWith('<=') || compare(first, OLDEST_KOPS) < 0) return OLDEST_KOPS;
  check(compare(first, f.addedIn) <= 0, `${f.yamlName}: firstMinorRelease ${first} after addedIn ${f.addedIn}`);
  return first;
}

function yamlText(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${yamlText(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

// Enum lists that differ from the newest one; each is asserted against the wording of fields.json.
const ENUM_BEFORE = {
  ipam: { source: /v1\.18\.0 accepted only crd and eni/, before: 'v1.19.0', values: ['crd', 'eni'] },
};
const ENUM_UNTIL = {
  containerRuntimeLabels: { source: /v1\.18\.0-v1\.22\.x only/, until: 'v1.23.0' },
};

// Keys named in cilium-docs.json by their v1alpha2 or v1alpha3 spelling -> v1alpha2 path.
const pathByAnyName = new Map();
for (const f of facts) {
  pathByAnyName.set(f.yamlName, f.yamlName);
  if (f.v1alpha3Name) pathByAnyName.set(f.v1alpha3Name, f.yamlName);
}
const topicsByPath = new Map();
for (const [topic, t] of Object.entries(docs.topics)) {
  for (const name of t.kopsFields ?? []) {
    const path = pathByAnyName.get(name);
    check(path !== undefined, `docs topic ${topic} names unknown field ${name}`);
    topicsByPath.set(path, [...new Set([...(topicsByPath.get(path) ?? []), topic])]);
  }
}

const sinceIn = (note, pattern, what) => {
  const m = pattern.exec(note ?? '');
  check(m !== null, `cannot read the ${what} version from "${note}"`);
  return m[1];
};

const fields = facts.map((f) => {
  const present = tags.slice(tags.indexOf(f.addedIn));
  check(f.removedIn === null, `${f.yamlName}: removals are not modelled`);
  check(JSON.stringify(f.presentInTags) === JSON.stringify(present), `${f.yamlName}: presentInTags is not contiguous`);
  const out = { path: f.yamlName, type: fieldType(f), since: firstKops(f), addedInTag: f.addedIn };
  const patch = PATCH_RELEASES[f.yamlName];
  if (patch) {
    check(compare(patch.since, out.since) <= 0 || patch.backports, `${f.yamlName}: patch date ${patch.since} is later than ${out.since}`);
    Object.assign(out, patch);
  }
  if (f.enumValues) {
    out.enum = f.enumValues;
    out.enumEnforced = !/not validated/.test(f.enumSource ?? '');
    const before = ENUM_BEFORE[f.yamlName];
    if (before) {
      check(before.source.test(f.enumSource), `${f.yamlName}: enum history no longer matches the facts`);
      out.enumBefore = { version: before.before, values: before.values };
    }
    const until = ENUM_UNTIL[f.yamlName];
    if (until) {
      check(until.source.test(f.enumSource), `${f.yamlName}: enum history no longer matches the facts`);
      out.enumUntil = until.until;
    }
  }
  const dflt = yamlText(f.defaultValue);
  if (dflt !== undefined) out.newestDefault = dflt;
  if (f.deprecated) out.deadSince = sinceIn(f.deprecationNote, /dropped from[^;]* in (v\d+\.\d+\.\d+)/, 'dead');
  if (!f.effectiveInNewest && !f.deprecated) out.noEffectSince = sinceIn(f.effectNote, /[Ss]ince (v\d+\.\d+\.\d+)/, 'no-effect');
  if (f.v1alpha3Name) out.v1alpha3 = f.v1alpha3Name;
  const topics = topicsByPath.get(f.yamlName) ?? topicsByPath.get(`${f.yamlName}.enabled`);
  if (topics) out.docsTopics = topics;
  return out;
});
only(
  fields.filter((f) => f.deadSince).map((f) => f.deadSince),
  'dead-since version',
);
only(
  fields.filter((f) => f.noEffectSince).map((f) => f.noEffectSince),
  'no-effect-since version',
);
check(fields.filter((f) => f.deadSince).length === 52, 'expected 52 dead keys');
check(fields.filter((f) => f.noEffectSince).length === 16, 'expected 16 no-effect keys');

// ---- supported Cilium versions ------------------------------------------------------------------------------
// Patch releases that changed the default Cilium version inside a minor (read from the kops tags'
// pkg/model/components/cilium.go; versions.json lists the .0 releases only).
const PATCH_DEFAULTS = {
  'v1.21.1': 'v1.9.9',
  'v1.24.2': 'v1.11.8',
  'v1.25.3': 'v1.11.11',
  'v1.28.3': 'v1.13.10',
  'v1.29.1': 'v1.15.6',
  'v1.34.2': 'v1.18.6',
};

/** kops minor -> the detail string of its Cilium version check (null = not validated). */
function detailsByMinor() {
  const details = new Map();
  for (const { from, to, detail } of supported.ranges) {
    for (let m = semver(from)[1]; m <= semver(to)[1]; m++) {
      check(!details.has(m), `supported-versions.json lists kops 1.${m} twice`);
      details.set(m, detail);
    }
  }
  return details;
}

function acceptedMinors(validated) {
  const m = /^1\.(\d+)(?:-1\.(\d+))?/.exec(validated);
  check(m !== null, `cannot read validated minors "${validated}"`);
  const [lo, hi = lo] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2])];
  return Array.from({ length: (hi ?? lo) - lo + 1 }, (_, i) => lo + i);
}

const olderKubernetesDefault = (note) => {
  const m = /(v\d+\.\d+\.\d+)(?: for| when) Kubernetes < (\d+\.\d+)/.exec(note ?? '');
  return m ? { below: m[2], version: m[1] } : undefined;
};

const details = detailsByMinor();
const minors = {};
const v118 = versions.listedTags[OLDEST_KOPS];
check(v118.validatedRange === null && details.get(18) === null, 'v1.18 is expected to have no version validation');
minors['v1.18.0'] = { defaultVersion: v118.defaultCiliumVersion, olderKubernetes: olderKubernetesDefault(v118.defaultNote), check: 'none' };
for (const [kops, r] of Object.entries(versions.allMinorReleases).sort(([a], [b]) => compare(a, b))) {
  const minor = semver(kops)[1];
  check(details.has(minor), `no detail string for kops ${kops}`);
  const listed = versions.listedTags[kops];
  if (listed) check(listed.defaultCiliumVersion === r.defaultCiliumVersion, `${kops}: default differs between tables`);
  if (listed?.validationDetail) check(listed.validationDetail === details.get(minor), `${kops}: detail differs between tables`);
  const entry = { defaultVersion: r.defaultCiliumVersion, detail: details.get(minor) };
  const older = olderKubernetesDefault(listed?.defaultNote);
  if (older) entry.olderKubernetes = older;
  if (/buggy/.test(r.validatedMinor)) Object.assign(entry, { check: 'v1.25-patch-bug', intendedMinors: acceptedMinors(r.validatedMinor) });
  else Object.assign(entry, { check: 'minors', acceptedMinors: acceptedMinors(r.validatedMinor) });
  minors[kops] = entry;
}
for (const patch of Object.keys(PATCH_DEFAULTS)) check(!(patch in minors), `${patch} is already a release in versions.json`);

const networking = Object.fromEntries(
  tags.map((t) => [
    t,
    {
      values: versions.listedTags[t].createClusterNetworking,
      defaultProvider: versions.listedTags[t].defaultNetworking,
    },
  ]),
);

// ---- docs links ---------------------------------------------------------------------------------------------
/** Per-version map -> runs [[fromVersion, value]]; a version absent from the map becomes a null run. */
function runs(byVersion) {
  const out = [];
  for (const v of docs.versions) {
    const value = v in byVersion ? byVersion[v] : null;
    if (out.length === 0 ? value !== null : out[out.length - 1][1] !== value) out.push([v, value]);
  }
  return out;
}
const topics = Object.fromEntries(
  Object.entries(docs.topics).map(([id, t]) => {
    for (const v of t.missingIn ?? []) check(!(v in t.paths), `${id}: ${v} is both missing and present`);
    const out = { paths: runs(t.paths) };
    if (t.anchors) out.anchors = runs(Object.fromEntries(Object.keys(t.paths).map((v) => [v, t.anchors[v] ?? null])));
    else if (t.anchor) out.anchor = t.anchor;
    return [id, out];
  }),
);

// ---- write --------------------------------------------------------------------------------------------------
const header = (from) => ({ generatedBy: 'scripts/gen-catalog.mjs', from });
/** One array element / object member per line: small diffs, still compact. */
function write(name, data) {
  const body = Object.entries(data).map(([k, v]) => {
    if (Array.isArray(v)) return `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
    if (v && typeof v === 'object') {
      return `  ${JSON.stringify(k)}: {\n${Object.entries(v)
        .map(([k2, v2]) => `    ${JSON.stringify(k2)}: ${JSON.stringify(v2)}`)
        .join(',\n')}\n  }`;
    }
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, name), `{\n${body.join(',\n')}\n}\n`);
}

write('ciliumFields.json', {
  ...header(['knowledge/cilium/fields.json', 'knowledge/cilium/docs.json']),
  listedTags: tags,
  newestKops: NEWEST_KOPS,
  fields,
});
write('ciliumVersions.json', {
  ...header(['knowledge/cilium/versions.json', 'knowledge/cilium/supported-versions.json']),
  minors,
  patchDefaults: PATCH_DEFAULTS,
  networking,
});
write('ciliumDocs.json', {
  ...header(['knowledge/cilium/docs.json']),
  base: docs.base,
  versions: docs.versions,
  newestRelease: docs.newestRelease,
  topics,
});
console.log(
  `gen-catalog: ${fields.length} fields, ${Object.keys(minors).length} kops minors, ${Object.keys(topics).length} docs topics -> ${outDir}`,
);
