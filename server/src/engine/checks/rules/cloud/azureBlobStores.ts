import { itemsAt, stringAt } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudViolation, kopsPath } from './cloudFacts';

/**
 * validateAzureBlobAccountUniformity (kops v1.35.1 and newer): every azureblob:// store of a Cluster lives in the
 * storage account of its configBase, which must then be azureblob:// itself. Read as kops reads the URLs with
 * AZURE_STORAGE_ACCOUNT unset, as kops asks (set, it refuses every azureblob:// URL).
 */

const PREFIX = 'azureblob://';

/** kops' buildAzureBlobPath: the storage account, or the error it gives. */
function azureAccount(url: string): { account?: string; error?: string } {
  const rest = url.slice(PREFIX.length).split(/[?#]/)[0];
  const slash = rest.indexOf('/');
  const account = slash < 0 ? rest : rest.slice(0, slash);
  const expected = 'expected azureblob://<account>/<container>/<key>';
  if (account === '') return { error: `no storage account specified in ${JSON.stringify(url)}; ${expected}` };
  const container = slash < 0 ? '' : rest.slice(slash + 1).split('/')[0];
  if (container === '') return { error: `no container specified in ${JSON.stringify(url)}; ${expected}` };
  return { account };
}

const UNREADABLE = 'kops reads an Azure store as azureblob://account/container/key; this URL lacks its storage account or container.';

interface Store {
  at: PathSegment[];
  kopsAt: string;
}

export function azureBlobStoreRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (before(v, '1.35.1')) return [];
  const invalid = (store: Store, detail: string, message: string): Violation =>
    cloudViolation({ at: store.at, type: 'Invalid', kopsPath: store.kopsAt, detail, message: message || UNREADABLE });
  const base = stringAt(doc, ['spec', 'configBase']) ?? '';
  let canonical = '';
  if (base.startsWith(PREFIX)) {
    const parsed = azureAccount(base);
    if (parsed.error !== undefined) return [invalid({ at: ['spec', 'configBase'], kopsAt: 'spec.configStore.base' }, parsed.error, '')];
    canonical = parsed.account ?? '';
  }
  const stores: Store[] = [
    { at: ['spec', 'keyStore'], kopsAt: 'spec.configStore.keypairs' },
    { at: ['spec', 'secretStore'], kopsAt: 'spec.configStore.secrets' },
    ...itemsAt(doc, ['spec', 'etcdClusters']).map((_, i) => ({
      at: ['spec', 'etcdClusters', i, 'backups', 'backupStore'],
      kopsAt: kopsPath('spec', 'etcdClusters', i, 'backups', 'backupStore'),
    })),
  ];
  return stores.flatMap((store) => {
    const url = stringAt(doc, store.at) ?? '';
    if (!url.startsWith(PREFIX)) return [];
    const parsed = azureAccount(url);
    if (parsed.error !== undefined) return [invalid(store, parsed.error, '')];
    if (canonical === '') {
      const message = 'An azureblob:// store needs configBase on azureblob:// too, in the same storage account.';
      return [invalid(store, 'azureblob:// URL requires configStore.base to also be azureblob://', message)];
    }
    if (parsed.account === canonical) return [];
    const detail = `storage account ${JSON.stringify(parsed.account)} does not match configStore.base account ${JSON.stringify(canonical)}`;
    return [
      invalid(store, detail, `kops keeps every Azure store in the configBase storage account ${canonical}, not ${parsed.account ?? ''}.`),
    ];
  });
}
