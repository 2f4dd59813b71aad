import type { KopsApiVersion, ParsedFile, YamlDocument } from '../../document/documents';
import { ciliumPath, dialectFor } from '../../kops/dialect';
import type { KopsVersion } from '../../kops/releases';
import type { PathSegment, TextEdit } from '../../types';
import type { OfferedEdit } from '../editGuard';
import { ciliumEtcdEdits } from './insertCiliumEtcd';

/** What giving Cilium its own etcd cluster changes: the etcd clusters and `etcdManaged`. */
export const ciliumEtcdTouches = (api: KopsApiVersion): PathSegment[][] => [
  ['spec', 'etcdClusters'],
  ciliumPath(dialectFor(api), 'etcdManaged'),
];

/** The etcd edit of `doc` as the edit guard checks it: run again on its result, it finds nothing to do. */
export function ciliumEtcdOffer(file: ParsedFile, doc: YamlDocument, v: KopsVersion, title: string, edits: TextEdit[]): OfferedEdit {
  const index = file.documents.indexOf(doc);
  return {
    title,
    edits,
    touches: doc.kops ? ciliumEtcdTouches(doc.kops.apiVersion) : [],
    again: (after) => {
      const result = ciliumEtcdEdits(after, after.documents[index], v);
      return 'edits' in result ? result.edits : [];
    },
  };
}
