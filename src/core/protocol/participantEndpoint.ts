/**
 * The public endpoint of the Participant Service in an AWS region (standard partition naming).
 * Throws a `TypeError` for something that is not a region name.
 *
 * @example
 * ```ts
 * participantEndpoint('us-west-2'); // 'https://participant.connect.us-west-2.amazonaws.com'
 * ```
 */
export function participantEndpoint(region: string): string {
  if (typeof region !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(region)) {
    throw new TypeError(`Not an AWS region name: ${JSON.stringify(region)}`);
  }
  return `https://participant.connect.${region}.amazonaws.com`;
}
