import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (data: Buffer) => {
      text += data.toString();
      const end = text.indexOf('\n');
      if (end !== -1) {
        resolve(text.slice(0, end));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

function exit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
}

describe('contact-kit-emulator CLI', () => {
  it('prints the exact listening line, serves, and exits 0 on SIGTERM', async () => {
    const child = run(['--port', '0']);
    const exited = exit(child);
    try {
      const line = await firstLine(child);
      expect(line).toMatch(/^contact-kit emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = line.slice('contact-kit emulator listening on '.length);
      const answer = await fetch(`${url}/admin/contacts`);
      expect(await answer.json()).toEqual({ Contacts: [] });
    } finally {
      child.kill('SIGTERM');
    }
    expect((await exited).code).toBe(0);
  }, 30_000);

  it('also stops cleanly on SIGINT', async () => {
    const child = run(['--port=0', '--agent', 'echo']);
    const exited = exit(child);
    expect(await firstLine(child)).toMatch(/^contact-kit emulator listening on /);
    child.kill('SIGINT');
    expect(await exited).toMatchObject({ code: 0 });
  }, 30_000);

  it.each([[['--bogus']], [['--port', 'abc']], [['--agent', 'robot']], [['--port']]])(
    'exits 2 with the usage on stderr for %j',
    async (args) => {
      const result = await exit(run(args));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('usage: contact-kit-emulator');
    },
    30_000,
  );
});
