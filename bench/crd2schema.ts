// kops CRDs (OpenAPI v3 `openAPIV3Schema`) → one draft-07 JSON Schema for yaml-language-server.
// usage: tsx bench/crd2schema.ts [outFile=bench/.deps/schema/kops.schema.json]
// Reads the v1.36.2 CRDs copied into bench/kops-crds/ (README there: provenance and licence).
// Strict like `kops create -f`: objects that list properties reject unknown keys. One file,
// dispatching on `kind` to `#/definitions/Cluster` or `#/definitions/InstanceGroup`.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT, SCHEMA_FILE } from './lib/servers';

export const CRD_DIR = path.join(ROOT, 'bench', 'kops-crds');
const CRDS: Record<'Cluster' | 'InstanceGroup', string> = {
  Cluster: 'kops.k8s.io_clusters.yaml',
  InstanceGroup: 'kops.k8s.io_instancegroups.yaml',
};

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OpenAPI v3 structural schema → JSON Schema draft-07. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub)]))
        : toJsonSchema(value);
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function kindSchema(kind: keyof typeof CRDS): Schema {
  const crd = YAML.parse(fs.readFileSync(path.join(CRD_DIR, CRDS[kind]), 'utf8'));
  const version = crd.spec.versions.find((v: { name: string }) => v.name === 'v1alpha2') ?? crd.spec.versions[0];
  const schema = toJsonSchema(version.schema.openAPIV3Schema) as Schema & { properties: Schema };
  schema.title = `kops ${kind} (${version.name})`;
  schema.properties.apiVersion = { type: 'string', enum: [`${crd.spec.group}/${version.name}`] };
  schema.properties.kind = { type: 'string', enum: [kind] };
  schema.properties.metadata = { type: 'object' };
  return schema;
}

export function kopsSchema(): Schema {
  const kinds = Object.keys(CRDS) as Array<keyof typeof CRDS>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'kops Cluster or InstanceGroup',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: { kind: { enum: kinds } },
    allOf: kinds.map((kind) => ({
      if: { required: ['kind'], properties: { kind: { const: kind } } },
      then: { $ref: `#/definitions/${kind}` },
    })),
    definitions: Object.fromEntries(kinds.map((kind) => [kind, kindSchema(kind)])),
  };
}

export function writeSchema(outFile = SCHEMA_FILE): string {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(kopsSchema()));
  return outFile;
}

if (require.main === module) {
  const file = writeSchema(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`${file}\t${fs.statSync(file).size} B`);
}
