import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function run(args: string[]): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  return { child, exited };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (data: Buffer) => {
      text += data.toString();
      const match = /listening on (\S+)\n/.exec(text);
      if (match) {
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
}

describe('contact-kit-emulator --web-call-agent', () => {
  it('joins the bot agent to web calls with --web-call-agent echo', async () => {
    const { child, exited } = run(['--port', '0', '--web-call-agent', 'echo']);
    try {
      const url = await listeningUrl(child);
      const call = (await (
        await fetch(`${url}/admin/webrtc`, {
          method: 'POST',
          body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Ana' } }),
        })
      ).json()) as { ContactId: string };
      const contact = (await (await fetch(`${url}/admin/contacts/${call.ContactId}`)).json()) as {
        Participants: { DisplayName: string }[];
      };
      expect(contact.Participants.map((participant) => participant.DisplayName)).toEqual([
        'Ana',
        'Agent (emulated)',
      ]);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await exited).code).toBe(0);
  }, 30_000);

  it('exits 2 with the usage for an unknown web-call agent', async () => {
    const { exited } = run(['--web-call-agent', 'robot']);
    const result = await exited;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--web-call-agent must be none or echo');
    expect(result.stderr).toContain('usage: contact-kit-emulator');
  }, 30_000);
});
