import type { YamlDocument } from '../../../document/documents';
import type { EtcdCluster } from '../../../kops/etcdClusters';
import { etcdClusterPath } from '../../../kops/etcdClusters';
import { goStringAt, goStructAt } from '../../../kops/goValues';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';

/**
 * From kops v1.35.1 every `azureblob://` store (key store, secret store, etcd backup stores) must name the storage
 * account of `configBase`, which must then be on Azure Blob storage too (validateAzureBlobAccountUniformity). kops
 * parses each URL with Go's url.Parse; only URLs of plain characters are judged here, others are left alone.
 * Assumes AZURE_STORAGE_ACCOUNT is unset where kops runs (kops rejects every azureblob:// URL when it is set).
 */

const SINCE = '1.35.1';
const PREFIX = 'azureblob://';
const PLAIN = /^azureblob:\/\/([A-Za-z0-9._~-]*)(\/[A-Za-z0-9._~/-]*)?$/;
const SHAPE = 'expected azureblob://<account>/<container>/<key>';

/** The storage account, or the error kops gives; undefined when the URL is not one judged here. */
function parseAzureBlob(url: string): { account: string } | { error: string } | undefined {
  const m = PLAIN.exec(url);
  if (!m) return undefined;
  const container = (m[2] ?? '').replace(/^\//, '').split('/')[0];
  if (m[1] === '') return { error: `no storage account specified in ${JSON.stringify(url)}; ${SHAPE}` };
  if (container === '') return { error: `no container specified in ${JSON.stringify(url)}; ${SHAPE}` };
  return { account: m[1] };
}

interface Store {
  at: PathSegment[];
  kopsPath: string;
  url: string;
}

function stores(doc: YamlDocument, clusters: readonly EtcdCluster[]): Store[] {
  const out: Store[] = [
    { at: ['spec', 'keyStore'], kopsPath: 'spec.configStore.keypairs', url: goStringAt(doc, ['spec', 'keyStore']) ?? '' },
    { at: ['spec', 'secretStore'], kopsPath: 'spec.configStore.secrets', url: goStringAt(doc, ['spec', 'secretStore']) ?? '' },
  ];
  for (const c of clusters) {
    if (goStructAt(doc, etcdClusterPath(c.index, 'backups')) !== 'set') continue;
    const at = etcdClusterPath(c.index, 'backups', 'backupStore');
    out.push({ at, kopsPath: `spec.etcdClusters[${c.index}].backups.backupStore`, url: c.backupStore });
  }
  return out;
}

const invalid = (store: Store, detail: string, message: string): Violation => ({
  code: 'kops-etcd',
  at: store.at,
  type: 'Invalid',
  kopsPath: store.kopsPath,
  detail,
  message,
});

export function azureBlobStoreRules(doc: YamlDocument, clusters: readonly EtcdCluster[], v: KopsVersion): Violation[] {
  if (!atLeast(v, SINCE)) return [];
  const baseUrl = goStringAt(doc, ['spec', 'configBase']);
  // Unset, kops fills it in from the state store before validating: which store that is, only kops knows.
  if (!baseUrl) return [];
  const base = baseUrl.startsWith(PREFIX) ? parseAzureBlob(baseUrl) : { account: '' };
  if (!base) return [];
  if ('error' in base) {
    const store = { at: ['spec', 'configBase'], kopsPath: 'spec.configStore.base', url: baseUrl };
    return [
      invalid(store, base.error, `kops ${v.text} cannot read configBase ${baseUrl}: write it as azureblob://<account>/<container>/<path>.`),
    ];
  }
  return stores(doc, clusters).flatMap((store) => {
    const parsed = store.url.startsWith(PREFIX) ? parseAzureBlob(store.url) : undefined;
    if (!parsed) return [];
    if ('error' in parsed) {
      return [
        invalid(store, parsed.error, `kops ${v.text} cannot read ${store.url}: write it as azureblob://<account>/<container>/<path>.`),
      ];
    }
    if (base.account === '') {
      return [
        invalid(
          store,
          'azureblob:// URL requires configStore.base to also be azureblob://',
          `kops ${v.text} allows an azureblob:// store only when configBase is on Azure Blob storage too: move configBase there or use another store.`,
        ),
      ];
    }
    if (parsed.account === base.account) return [];
    return [
      invalid(
        store,
        `storage account ${JSON.stringify(parsed.account)} does not match configStore.base account ${JSON.stringify(base.account)}`,
        `kops ${v.text} wants every azureblob:// store in the storage account of configBase (${base.account}), not ${parsed.account}.`,
      ),
    ];
  });
}
