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
}

const REQUIRED = [
  'CONNECT_INSTANCE_ID',
  'CONNECT_CONTACT_FLOW_ID',
  'AWS_REGION',
  'ALLOWED_ORIGIN',
] as const;

/**
 * Reads `CONNECT_INSTANCE_ID`, `CONNECT_CONTACT_FLOW_ID`, `AWS_REGION`, `ALLOWED_ORIGIN` and the
 * optional `CONNECT_WEB_CALL_CONTACT_FLOW_ID` (defaults to the chat flow) and `PORT` (defaults to
 * 8787). Throws naming every missing variable, so a misconfigured deploy fails at start, not on the
 * first customer.
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
  };
}
