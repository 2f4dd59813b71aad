import { isScalar } from 'yaml';
import { listAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import { supportedValuesDetail, type Violation } from '../violation';
import { k8sAtLeast, oneFix, rejection, type ComponentContext, shown } from './componentContext';

/**
 * The parts of kops' validateKubeAPIServer that tie the API server to the cluster's authentication and
 * authorization: an authentication config file excludes the OIDC flags (kops v1.30+), and with RBAC the
 * authorization modes must be known ones and, on AWS, include RBAC and Node (kops v1.19.2+).
 */

const API = ['spec', 'kubeAPIServer'];
const OIDC_KEYS = ['oidcUsernameClaim', 'oidcUsernamePrefix', 'oidcGroupsClaim', 'oidcGroupsPrefix', 'oidcIssuerURL', 'oidcClientID'];
const MODES = ['ABAC', 'Webhook', 'Node', 'RBAC', 'AlwaysAllow', 'AlwaysDeny'];

/** v1alpha2 keeps the OIDC flags on kubeAPIServer; kops moves any that is set into authentication.oidc. */
function writtenOidcKeys(cc: ComponentContext): string[] | undefined {
  const claims = listAt(cc.doc, [...API, 'oidcRequiredClaim']);
  // kops' conversion crashes on a claim without `=`: what it would report then is unknown.
  if (claims?.some((c) => !isScalar(c) || typeof c.value !== 'string' || !c.value.includes('='))) return undefined;
  const keys = OIDC_KEYS.filter((k) => stringPointerAt(cc.doc, [...API, k]) !== undefined);
  return claims ? [...keys, 'oidcRequiredClaim'] : keys;
}

function authenticationConfigFile(cc: ComponentContext): Violation[] {
  if (before(cc.v, '1.30') || stringAt(cc.doc, [...API, 'authenticationConfigFile']) === undefined) return [];
  const oidc = writtenOidcKeys(cc);
  if (!oidc?.length) return [];
  return [
    rejection({
      at: [...API, 'authenticationConfigFile'],
      type: 'Forbidden',
      kopsPath: 'spec.kubeAPIServer.authenticationConfigFile',
      detail:
        'authenticationConfigFile is mutually exclusive with OIDC options, remove all existing OIDC options to use authenticationConfigFile',
      message: `kops ${cc.v.text} does not take authenticationConfigFile with the kubeAPIServer oidc* flags (${oidc.length} set): move them into that config file.`,
    }),
  ];
}

/** authorization.rbac as written, or an authorization left empty, which kops v1.36+ defaults to RBAC. */
function usesRbac(cc: ComponentContext): boolean {
  if (structAt(cc.doc, ['spec', 'authorization', 'rbac'])) return true;
  return atLeast(cc.v, '1.36') && !structAt(cc.doc, ['spec', 'authorization', 'alwaysAllow']);
}

function authorizationModes(cc: ComponentContext): Violation[] {
  const written = stringPointerAt(cc.doc, [...API, 'authorizationMode']);
  if (before(cc.v, '1.19.2') || written === undefined || !usesRbac(cc)) return [];
  const at = [...API, 'authorizationMode'];
  const modes = written.split(',');
  const out: Violation[] = modes
    .filter((m) => !MODES.includes(m))
    .map((m) =>
      rejection({
        at,
        type: 'NotSupported',
        kopsPath: 'spec.kubeAPIServer.authorizationMode',
        detail: supportedValuesDetail(MODES),
        message: `kops ${cc.v.text} does not know the authorization mode "${shown(m)}": use ${MODES.join(', ')}.`,
      }),
    );
  const onAws = cc.cloud === 'aws' && (atLeast(cc.v, '1.24') || k8sAtLeast(cc, '1.19'));
  const missing = ['Node', 'RBAC'].filter((m) => !modes.includes(m));
  if (onAws && missing.length) {
    const fixed = [...modes.filter((m) => m !== ''), ...missing].join(',');
    out.push(
      rejection({
        at,
        type: 'Required',
        kopsPath: 'spec.kubeAPIServer.authorizationMode',
        detail: 'As of kubernetes 1.19 on AWS, authorizationMode must include RBAC and Node',
        message: `With RBAC on AWS, kops ${cc.v.text} needs authorizationMode to include RBAC and Node: add ${missing.join(' and ')}.`,
        fixes: oneFix(`Add ${missing.join(' and ')} to authorizationMode`, cc.edit.set(at, fixed)),
      }),
    );
  }
  return out;
}

export function kubeApiServerAuthRules(cc: ComponentContext): Violation[] {
  if (!structAt(cc.doc, API)) return [];
  return [...authenticationConfigFile(cc), ...authorizationModes(cc)];
}
