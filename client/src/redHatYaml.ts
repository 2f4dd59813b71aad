import * as vscode from 'vscode';
import { looksLikeKopsText } from '../../server/src/kopsIdentity';

/** The part of redhat.vscode-yaml's exported API we use. */
interface YamlExtensionApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => string | Promise<string>,
    label?: string,
  ): boolean;
}

const RED_HAT_YAML = 'redhat.vscode-yaml';
/** Red Hat YAML asks that the schema URI's scheme equals the contributor name. */
const SCHEME = 'kopsspec';
const SCHEMA_URI = `${SCHEME}://schemas/kops-spec.json`;
/** Claims kops files and constrains nothing: kops Spec owns their completion, hover and checks. */
const OPEN_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'kops Cluster / InstanceGroup',
  description: 'Completion, hover and validation for this file come from kops Spec.',
});

/** True when Red Hat YAML is installed and validates YAML, so it already reports syntax errors. */
export function redHatYamlValidates(): boolean {
  return !!vscode.extensions.getExtension(RED_HAT_YAML) && vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true);
}

/** Keeps Red Hat YAML from applying other schemas (e.g. a `kubernetes` mapping) to kops files. */
export async function registerWithRedHatYaml(): Promise<boolean> {
  const extension = vscode.extensions.getExtension<YamlExtensionApi>(RED_HAT_YAML);
  if (!extension) return false;
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (typeof api?.registerContributor !== 'function') return false;
  const isKops = (resource: string) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource);
    return !!doc && looksLikeKopsText(doc.getText());
  };
  return api.registerContributor(
    SCHEME,
    (r) => (isKops(r) ? SCHEMA_URI : undefined),
    () => OPEN_SCHEMA,
  );
}
