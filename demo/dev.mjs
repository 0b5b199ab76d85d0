#!/usr/bin/env node
/**
 * `npm run dev [-- --agent scripted|none|echo]`: the demo. Starts the emulator on
 * http://127.0.0.1:4010 and the Vite dev server of the storefront and the agent console on
 * http://127.0.0.1:5173, prints what to open and try, and stops both on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const EMULATOR_PORT = 4010;
const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run dev [-- --agent scripted|none|echo]';

function parseArgs(args) {
  const options = { agent: 'scripted' };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === '--agent' || arg.startsWith('--agent=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[(index += 1)];
      if (!['scripted', 'none', 'echo'].includes(value)) {
        throw new Error(`--agent must be scripted, none or echo, got ${value ?? 'nothing'}`);
      }
      options.agent = value;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

/** Runs the emulator CLI and resolves with the child once it prints its listening line. */
function startEmulatorProcess(agent) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/emulator/cli.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(EMULATOR_PORT),
      '--agent',
      agent,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(buffered);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.pipe(process.stdout);
        child.off('exit', onEarlyExit);
        resolve({ child, url: match[1] });
      }
    };
    const onEarlyExit = (code) =>
      reject(
        new Error(
          `the emulator exited with ${code} before listening (is port ${EMULATOR_PORT} in use?)`,
        ),
      );
    child.stdout.on('data', onData);
    child.once('exit', onEarlyExit);
    child.once('error', reject);
  });
}

function banner({ agent, emulatorUrl, siteUrl }) {
  const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : text);
  const lines = [
    '',
    bold('contact-kit demo'),
    '',
    `  Storefront      ${siteUrl}/`,
    `  Agent console   ${siteUrl}/agent.html`,
    `  Script tag      ${siteUrl}/widget.html   (the <contact-widget> element on a plain page)`,
    `  Emulator        ${emulatorUrl}   (agent: ${agent})`,
    '',
  ];
  if (agent === 'scripted') {
    lines.push(
      '  Open the storefront, click the chat button, give a name, and type one of these:',
      '    help  markdown  list  more  panel  quick  time  carousel  file  bye',
      '  The scripted agent answers every chat. To answer chats yourself in the agent console,',
      '  run `npm run dev -- --agent none` instead (or join a chat next to the scripted agent).',
    );
  } else if (agent === 'none') {
    lines.push(
      '  No simulated agent: open the storefront in one window and start a chat, then open the',
      '  agent console in another and click Answer. Try the interactive buttons and attachments.',
    );
  } else {
    lines.push('  The echo agent repeats every message; the agent console can join any chat.');
  }
  lines.push(
    '',
    agent === 'none'
      ? '  Video: "Start video call" on the storefront, then "Answer video call" in the agent console.'
      : '  Video: "Start video call" on the storefront; an emulated agent joins and shows your camera.',
    '',
    '  Press Ctrl-C to stop both.',
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const running = {};
  let stopping = false;
  const stop = async (code) => {
    if (stopping) {
      return;
    }
    stopping = true;
    await running.vite?.close().catch(() => undefined);
    const child = running.emulator?.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  running.emulator = await startEmulatorProcess(options.agent);
  running.emulator.child.once('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`the emulator stopped (exit ${code}); stopping the demo\n`);
      void stop(1);
    }
  });

  try {
    running.vite = await createServer({
      configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
      logLevel: 'warn',
    });
    await running.vite.listen();
  } catch (error) {
    process.stderr.write(`the demo server did not start: ${error.message}\n`);
    await stop(1);
    return;
  }
  const address = running.vite.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 5173;
  banner({
    agent: options.agent,
    emulatorUrl: running.emulator.url,
    siteUrl: `http://127.0.0.1:${port}`,
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
