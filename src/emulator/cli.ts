#!/usr/bin/env node
/**
 * `contact-kit-emulator [--port 4010] [--host 127.0.0.1] [--agent none|echo|scripted]
 * [--web-call-agent none|echo]`: runs the emulator until SIGINT/SIGTERM. Bad flags print the usage
 * on stderr and exit with 2.
 *
 * @packageDocumentation
 */
import type { Logger } from '../core/logger';
import {
  type BuiltInAgentName,
  type RunningEmulator,
  type WebCallAgentName,
  startEmulator,
} from './index';

const USAGE =
  'usage: contact-kit-emulator [--port 4010] [--host 127.0.0.1] [--agent none|echo|scripted] [--web-call-agent none|echo] [--verbose]';

/** Parsed command line of the emulator CLI. */
interface CliOptions {
  port: number;
  host: string;
  agent: BuiltInAgentName;
  webCallAgent: WebCallAgentName | undefined;
  verbose: boolean;
  help: boolean;
}

/** Parses the CLI flags (`--flag value` or `--flag=value`); throws an Error with a message on bad input. */
function parseCliArgs(args: readonly string[]): CliOptions {
  const options: CliOptions = {
    port: 4010,
    host: '127.0.0.1',
    agent: 'none',
    webCallAgent: undefined,
    verbose: false,
    help: false,
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[(index += 1)];
      if (next === undefined || next === '') {
        throw new Error(`${flag} needs a value`);
      }
      return next;
    };
    switch (flag) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) {
          throw new Error(`--port must be an integer 0-65535, got ${text}`);
        }
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--agent': {
        const agent = value();
        if (agent !== 'none' && agent !== 'echo' && agent !== 'scripted') {
          throw new Error(`--agent must be none, echo or scripted, got ${agent}`);
        }
        options.agent = agent;
        break;
      }
      case '--web-call-agent': {
        const agent = value();
        if (agent !== 'none' && agent !== 'echo') {
          throw new Error(`--web-call-agent must be none or echo, got ${agent}`);
        }
        options.webCallAgent = agent;
        break;
      }
      case '--verbose':
        options.verbose = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

function stderrLogger(verbose: boolean): Logger {
  const write =
    (level: string) =>
    (message: string, ...details: unknown[]): void => {
      console.error(`[emulator] ${level} ${message}`, ...details);
    };
  const drop = (): void => {};
  return {
    debug: verbose ? write('debug') : drop,
    info: verbose ? write('info') : drop,
    warn: write('warn'),
    error: write('error'),
  };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Signal handlers go in before the listening line: a supervisor may signal as soon as it reads it.
  const running: { emulator?: RunningEmulator } = {};
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      process.exit(130);
    }
    stopping = true;
    running.emulator?.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    agent: options.agent,
    ...(options.webCallAgent ? { webCallAgent: options.webCallAgent } : {}),
    logger: stderrLogger(options.verbose),
  });
  running.emulator = emulator;
  if (stopping) {
    await emulator.close();
    process.exit(0);
  }
  process.stdout.write(`contact-kit emulator listening on ${emulator.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
