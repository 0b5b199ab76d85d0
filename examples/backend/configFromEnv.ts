/**
 * The backend's settings as read from the environment.
 *
 * @example
 * ```ts
 * const config: BackendConfig = configFromEnv(process.env);
 * ```
 */
export interface BackendConfig {
  instanceId: string;
  contactFlowId: string;
  webCallContactFlowId: string;
  region: string;
  allowedOrigin: string;
  port: number;
  /** Addresses or CIDR ranges of the reverse proxies in front of the backend (`TRUST_PROXY`). */
  trustProxy: string[];
}

const REQUIRED = [
  'CONNECT_INSTANCE_ID',
  'CONNECT_CONTACT_FLOW_ID',
  'AWS_REGION',
  'ALLOWED_ORIGIN',
] as const;

/**
 * Reads `CONNECT_INSTANCE_ID`, `CONNECT_CONTACT_FLOW_ID`, `AWS_REGION`, `ALLOWED_ORIGIN` and the
 * optional `CONNECT_WEB_CALL_CONTACT_FLOW_ID` (defaults to the chat flow), `PORT` (defaults to
 * 8787) and `TRUST_PROXY` (comma-separated addresses or CIDR ranges of your reverse proxies, e.g.
 * `10.0.0.0/8,::1`; defaults to none). Throws naming every missing variable, so a misconfigured
 * deploy fails at start, not on the first customer (a malformed `TRUST_PROXY` entry throws when the
 * handler is created).
 *
 * @example
 * ```ts
 * configFromEnv({ CONNECT_INSTANCE_ID: 'i', CONNECT_CONTACT_FLOW_ID: 'f', AWS_REGION: 'eu-west-2', ALLOWED_ORIGIN: 'https://shop.example.com' });
 * ```
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): BackendConfig {
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(`Missing environment variables: ${missing.join(', ')}`);
  }
  const read = (name: string): string => env[name]?.trim() ?? '';
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error('PORT must be an integer from 0 to 65535');
  }
  return {
    instanceId: read('CONNECT_INSTANCE_ID'),
    contactFlowId: read('CONNECT_CONTACT_FLOW_ID'),
    webCallContactFlowId:
      read('CONNECT_WEB_CALL_CONTACT_FLOW_ID') || read('CONNECT_CONTACT_FLOW_ID'),
    region: read('AWS_REGION'),
    allowedOrigin: read('ALLOWED_ORIGIN'),
    port,
    trustProxy: read('TRUST_PROXY')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  };
}
