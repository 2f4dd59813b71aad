import type { ParsedFile, YamlDocument } from '../../../document/documents';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import type { NetworkLayout } from './layout';

/** What every network layout rule reads: the layout, the kops release, and the document its fixes edit. */
export interface NetContext {
  layout: NetworkLayout;
  v: KopsVersion;
  file: ParsedFile;
  doc: YamlDocument;
}

/** kops moved the network fields under spec.networking in its internal API in v1.26, and prints them there. */
export const netPath = (v: KopsVersion, rest: string): string => (atLeast(v, '1.26') ? `spec.networking.${rest}` : `spec.${rest}`);

export const subnetKopsPath = (v: KopsVersion, index: number, rest?: string): string =>
  netPath(v, `subnets[${index}]${rest ? `.${rest}` : ''}`);

export const subnetAt = (index: number, ...rest: PathSegment[]): PathSegment[] => ['spec', 'subnets', index, ...rest];

/** Go's %q for the plain strings kops quotes. */
export const quote = (s: string): string => JSON.stringify(s);

type Extra = Pick<Violation, 'underline' | 'anchors' | 'fixes'>;

export const violation = (
  at: readonly PathSegment[],
  type: Violation['type'],
  kopsPath: string,
  detail: string,
  message: string,
  extra: Partial<Extra> = {},
): Violation => ({ code: 'kops-network', at, type, kopsPath, detail, message, ...extra });
