#!/usr/bin/env node
// Generates the kops spec schemas from the v1alpha2 CRDs in ../shared/kops/crds (run: npm run gen:schemas).
// Output (checked in, so the product never needs ../shared) in server/src/engine/kops/schema/generated/:
//   <name>.json           completion/hover schema: type, properties, items, first-sentence descriptions
//   <name>.validate.js    Ajv standalone validator (CommonJS) for schema diagnostics; compiled here, never at runtime
//   index.js, index.d.ts  static loaders (bundler-friendly requires) and their types
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const crdDir = join(root, '..', 'shared', 'kops', 'crds');
const outDir = join(root, 'server', 'src', 'engine', 'kops', 'schema', 'generated');

const SOURCES = [
  { name: 'cluster-v1.19', kind: 'Cluster', crd: 'kops.k8s.io_clusters-v1.19.yaml' },
  { name: 'cluster-v1.25', kind: 'Cluster', crd: 'kops.k8s.io_clusters-v1.25.yaml' },
  { name: 'cluster-v1.36.2', kind: 'Cluster', crd: 'kops.k8s.io_clusters.yaml' },
  { name: 'instancegroup-v1.36.2', kind: 'InstanceGroup', crd: 'kops.k8s.io_instancegroups.yaml' },
];
/** Validated elsewhere (from the per-version Cilium catalog); kept in the completion schema. */
const NOT_VALIDATED = [['spec', 'networking', 'cilium']];
const MAX_DESCRIPTION = 200;

/**
 * Go doc comments often end a sentence with a line break instead of a period. A wrapped line may start with a
 * capitalised name too ("Cloud Controller\nManager"), so only a typical sentence opening counts as a new sentence.
 */
const NEW_SENTENCE =
  /\n(?=(?:Default|Defaults|Currently|If|This|These|When|Note|NOTE|The|It|Only|See|Must|Can|For|Should|Valid|Use|Set|Deprecated|Example|May|Will|Otherwise|Each|All|Any|Requires|Possible|Supported|More|Also|Ignored|Empty|Leave|Warning|Used|Enabled|Disabled|Allowed|Format|Value|Values)\b)/;
const CONTINUES = /(?:\b(?:a|an|the|of|to|for|and|or|with|in|on|by|from|is|are|be|as|at|that|this|when|if)|[,(:;-])$/i;

function sentenceEnd(text) {
  const ends = new RegExp(`[.!?](?=\\s|$)|${NEW_SENTENCE.source}`, 'g');
  for (let m; (m = ends.exec(text));) {
    const before = text.slice(0, m.index + (m[0] === '\n' ? 0 : 1)).trimEnd();
    if (/\b(e\.g|i\.e|etc|vs|approx)\.$/i.test(before)) continue;
    if (m[0] === '\n' && CONTINUES.test(before)) continue;
    return before.length;
  }
  return text.length;
}

function firstSentence(text) {
  const trimmed = text.trim();
  const sentence = trimmed.slice(0, sentenceEnd(trimmed)).replace(/\s+/g, ' ');
  if (sentence.length <= MAX_DESCRIPTION) return sentence;
  const space = sentence.lastIndexOf(' ', MAX_DESCRIPTION - 1);
  return `${sentence.slice(0, space > 0 ? space : MAX_DESCRIPTION - 1)}…`;
}

const isQuantity = (node) => node['x-kubernetes-int-or-string'] === true && typeof node.pattern === 'string';

/** Schema for completion and hover (the SchemaNode shape of specSchema.ts). */
function toCompletion(node) {
  const out = {};
  if (node['x-kubernetes-int-or-string']) {
    out.type = ['integer', 'string'];
    out.intOrString = true;
  } else if (node.type) out.type = node.type;
  if (typeof node.description === 'string') out.description = firstSentence(node.description);
  if (Array.isArray(node.enum)) out.enum = node.enum;
  if (node.properties) {
    out.properties = {};
    for (const [key, child] of Object.entries(node.properties)) out.properties[key] = toCompletion(child);
    out.additionalProperties = false;
  }
  if (node.items) out.items = toCompletion(node.items);
  if (typeof node.additionalProperties === 'object') out.additionalProperties = toCompletion(node.additionalProperties);
  return out;
}

/**
 * Schema for diagnostics: shape only, as kops decodes it. `required` is dropped everywhere (kops' decoder never
 * enforces it; missing fields are kops validation's business), descriptions and formats too. int-or-string accepts
 * an integer or a string; quantities also accept a float (kops parses `3.14`) and strings must match the CRD pattern.
 */
function toValidation(node, path = []) {
  if (NOT_VALIDATED.some((p) => p.length === path.length && p.every((s, i) => s === path[i]))) return true;
  const out = {};
  if (node['x-kubernetes-int-or-string']) {
    out.type = isQuantity(node) ? ['number', 'string'] : ['integer', 'string'];
    if (isQuantity(node)) out.pattern = node.pattern;
  } else {
    if (node.type) out.type = node.type;
    if (typeof node.pattern === 'string') out.pattern = node.pattern;
  }
  if (Array.isArray(node.enum)) out.enum = node.enum;
  if (node.properties) {
    out.properties = {};
    for (const [key, child] of Object.entries(node.properties)) out.properties[key] = toValidation(child, [...path, key]);
    out.additionalProperties = false;
  }
  if (node.items) out.items = toValidation(node.items, [...path, '*']);
  if (typeof node.additionalProperties === 'object') out.additionalProperties = toValidation(node.additionalProperties, [...path, '*']);
  return out;
}

const METADATA = {
  type: 'object',
  description: 'Standard Kubernetes object metadata; kops uses the name, labels and annotations.',
  properties: {
    name: { type: 'string', description: 'Name of the object: the cluster name, or the instance group name.' },
    labels: { type: 'object', description: 'Labels on the object.', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', description: 'Annotations on the object.', additionalProperties: { type: 'string' } },
  },
};

function openApiRoot(crdFile) {
  const crd = parse(readFileSync(join(crdDir, crdFile), 'utf8'));
  const version = crd.spec.versions.find((v) => v.name === 'v1alpha2');
  if (!version) throw new Error(`${crdFile}: no v1alpha2 version`);
  return { group: crd.spec.group, schema: version.schema.openAPIV3Schema };
}

function completionSchema({ kind, crd }) {
  const { group, schema } = openApiRoot(crd);
  const out = toCompletion(schema);
  out.properties.apiVersion = { ...out.properties.apiVersion, enum: [`${group}/v1alpha2`] };
  out.properties.kind = { ...out.properties.kind, enum: [kind] };
  out.properties.metadata = METADATA;
  return out;
}

function validationSchema({ crd }) {
  const out = toValidation(openApiRoot(crd).schema);
  out.properties.apiVersion = { type: 'string' };
  out.properties.kind = { type: 'string' };
  out.properties.metadata = { type: 'object' };
  return out;
}

function standaloneValidator(schema) {
  const ajv = new Ajv({ allErrors: true, strict: false, messages: false, code: { source: true } });
  return `// Generated by scripts/gen-schemas.mjs from the kops CRDs; do not edit.\n${standaloneCode(ajv, ajv.compile(schema))}\n`;
}

const loaders = (fn, suffix) =>
  [
    `exports.${fn} = function ${fn}(name) {`,
    '  switch (name) {',
    ...SOURCES.map((s) => `    case '${s.name}': return require('./${s.name}${suffix}');`),
    `    default: throw new Error('unknown schema ' + name);`,
    '  }',
    '};',
  ].join('\n');

const INDEX_DTS = `// Generated by scripts/gen-schemas.mjs; do not edit.
import type { ErrorObject } from 'ajv';

export type SchemaName = ${SOURCES.map((s) => `'${s.name}'`).join(' | ')};

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The completion/hover schema (SchemaNode shape). */
export declare function loadSchema(name: SchemaName): unknown;
export declare function loadValidator(name: SchemaName): CompiledValidator;
`;

mkdirSync(outDir, { recursive: true });
for (const source of SOURCES) {
  writeFileSync(join(outDir, `${source.name}.json`), `${JSON.stringify(completionSchema(source))}\n`);
  writeFileSync(join(outDir, `${source.name}.validate.js`), standaloneValidator(validationSchema(source)));
}
const header = `// Generated by scripts/gen-schemas.mjs; do not edit.\n'use strict';\n`;
writeFileSync(join(outDir, 'index.js'), `${header}${loaders('loadSchema', '.json')}\n${loaders('loadValidator', '.validate.js')}\n`);
writeFileSync(join(outDir, 'index.d.ts'), INDEX_DTS);
for (const s of SOURCES) console.log(`generated ${s.name}.json and ${s.name}.validate.js`);
