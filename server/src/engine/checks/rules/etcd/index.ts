import { YamlEditor } from '../../../document/yamlEdit';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { etcdViolations } from './etcdClusters';

export { controlPlaneMembershipRule } from './controlPlaneMembership';

export const etcdClusterRules = (c: ClusterContext): Violation[] => etcdViolations(c.doc, c.v, new YamlEditor(c.file, c.doc));
