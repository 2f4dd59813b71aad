/**
 * The resource of an ARN as the AWS SDK's arn.Parse reads it (`arn:partition:service:region:account:resource`;
 * only the prefix and the number of sections are checked), or undefined where it fails.
 */
export function arnResource(text: string): string | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const sections = text.split(':');
  return sections.length < 6 ? undefined : sections.slice(5).join(':');
}
