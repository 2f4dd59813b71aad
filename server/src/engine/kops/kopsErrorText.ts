import type { KopsError, KopsErrorType } from '../types';

/** How kops (Go's field.ErrorType) names each error type in its output. */
const TYPE_TEXT: Record<KopsErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Forbidden: 'Forbidden',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  NotFound: 'Not found',
  TooMany: 'Too many',
  TooLong: 'Too long',
};

/**
 * kops' own report of a finding, e.g. `kops reports spec.networking.cilium.ipam: Unsupported value: supported
 * values: "eni" (at kops update cluster)`: its path (quirks included), error type, detail and, when only the
 * defaulted spec fails, the command that fails.
 */
export function kopsErrorText(k: KopsError): string {
  const detail = k.detail ? `: ${k.detail}` : '';
  const stage = k.stage === 'defaults' ? ' (at kops update cluster)' : '';
  return `kops reports ${k.path}: ${TYPE_TEXT[k.type]}${detail}${stage}`;
}
