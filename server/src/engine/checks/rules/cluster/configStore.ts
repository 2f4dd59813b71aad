import { isMap } from 'yaml';
import { itemsAt, stringAt, templatedWithin } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf } from './clusterDoc';

/**
 * Where kops keeps the cluster's state. v1.19–v1.25 refuse Vault for configBase and, without the VFSVaultSupport
 * feature flag (or off AWS), for the secret and key stores. From v1.35.1 every azureblob:// location must use the
 * storage account of configBase (read from the URL; kops refuses them all while AZURE_STORAGE_ACCOUNT is set).
 */

const VAULT = 'vault://';

function vault(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (before(v, '1.19') || atLeast(v, '1.26')) return [];
  const out: Violation[] = [];
  if (stringAt(doc, ['spec', 'configBase'])?.startsWith(VAULT)) {
    out.push({
      code: 'kops-cluster',
      at: ['spec', 'configBase'],
      type: 'Invalid',
      kopsPath: 'spec.configBase',
      detail: 'Vault is not supported as configBase',
      message: `kops ${v.text} cannot keep configBase in Vault: use an s3://, gs:// or other supported state store.`,
    });
  }
  const stores = [
    { key: 'secretStore', what: 'secret store' },
    { key: 'keyStore', what: 'keystore' },
  ];
  for (const { key, what } of stores) {
    if (!stringAt(doc, ['spec', key])?.startsWith(VAULT)) continue;
    const base = { code: 'kops-cluster' as const, at: ['spec', key], type: 'Forbidden' as const, kopsPath: `spec.${key}` };
    out.push({
      ...base,
      detail: 'vault VFS is an experimental feature; set `export KOPS_FEATURE_FLAGS=VFSVaultSupport`',
      message: `kops ${v.text} keeps the ${what} in Vault only with the VFSVaultSupport feature flag: set KOPS_FEATURE_FLAGS=VFSVaultSupport or use another store.`,
    });
    if (cloudProviderOf(doc) !== 'aws') {
      out.push({
        ...base,
        detail: key === 'secretStore' ? 'Vault secret store is only available on AWS' : 'Vault keystore is only available on AWS',
        message: `kops ${v.text} keeps the ${what} in Vault only on AWS: use another store for this cloud.`,
      });
    }
  }
  return out;
}

/** The account of an azureblob://<account>/<container>/<key> URL, or why kops cannot read one. */
function azureAccount(url: string): { account: string } | { error: string } {
  const match = /^azureblob:\/\/([^/?#]*)\/?([^?#]*)/.exec(url);
  const account = match?.[1] ?? '';
  if (account === '') return { error: `no storage account specified in "${url}"; expected azureblob://<account>/<container>/<key>` };
  if ((match?.[2] ?? '').split('/')[0] === '')
    return { error: `no container specified in "${url}"; expected azureblob://<account>/<container>/<key>` };
  return { account };
}

function azureBlob(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (before(v, '1.35.1') || templatedWithin(doc, ['spec', 'configBase'])) return [];
  const invalid = (at: Violation['at'], kopsPath: string, detail: string, message: string): Violation => ({
    code: 'kops-cluster',
    at,
    type: 'Invalid',
    kopsPath,
    detail,
    message,
  });
  const base = stringAt(doc, ['spec', 'configBase']);
  let canonical = '';
  if (base?.startsWith('azureblob://')) {
    const parsed = azureAccount(base);
    if ('error' in parsed)
      return [
        invalid(
          ['spec', 'configBase'],
          'spec.configStore.base',
          parsed.error,
          `kops ${v.text} needs configBase as azureblob://<account>/<container>/<key>: fix it.`,
        ),
      ];
    canonical = parsed.account;
  }
  const others = [
    { at: ['spec', 'keyStore'], kopsPath: 'spec.configStore.keypairs' },
    { at: ['spec', 'secretStore'], kopsPath: 'spec.configStore.secrets' },
    ...itemsAt(doc, ['spec', 'etcdClusters']).flatMap((node, i) =>
      isMap(node)
        ? [{ at: ['spec', 'etcdClusters', i, 'backups', 'backupStore'], kopsPath: `spec.etcdClusters[${i}].backups.backupStore` }]
        : [],
    ),
  ];
  return others.flatMap(({ at, kopsPath }) => {
    const url = stringAt(doc, at);
    if (!url?.startsWith('azureblob://')) return [];
    const parsed = azureAccount(url);
    if ('error' in parsed)
      return [invalid(at, kopsPath, parsed.error, `kops ${v.text} needs azureblob://<account>/<container>/<key> here: fix the URL.`)];
    if (canonical === '') {
      return [
        invalid(
          at,
          kopsPath,
          'azureblob:// URL requires configStore.base to also be azureblob://',
          `kops ${v.text} accepts azureblob:// here only when configBase is azureblob:// too: move configBase or use another store.`,
        ),
      ];
    }
    if (parsed.account === canonical) return [];
    const detail = `storage account "${parsed.account}" does not match configStore.base account "${canonical}"`;
    return [
      invalid(
        at,
        kopsPath,
        detail,
        `kops ${v.text} needs every azureblob:// location in the storage account of configBase (${canonical}): change the account.`,
      ),
    ];
  });
}

export const configStoreRules: ClusterRule = (c) => [...vault(c), ...azureBlob(c)];
