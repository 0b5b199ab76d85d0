// Issue #8 part 5: loss under faults. The same fault schedule, posted at the same instants to two
// emulators with the same seed, one serving our session and one serving chatjs (each in a
// Chromium page). Messages flow both ways at a fixed pace while the faults hit; afterwards each
// client's list is compared with the emulator's transcript (the oracle).
import { fault, oracleTranscript } from './benchEmulator.mjs';
import { openClient } from './clientPages.mjs';
import { median, now, sleep } from './stats.mjs';

const CLIENTS = ['ours', 'chatjs'];
const SEND_WINDOW_MS = 30_000;
/** Until when (after the start) the clients get to recover before the lists are read. */
const SETTLE_UNTIL_MS = 50_000;
const FINAL_DEADLINE_MS = 65_000;

/** The schedule: milliseconds after the start, and the fault (design.md §3). */
export const FAULT_SCHEDULE = [
  [2_000, { duplicateDeliveries: 0.2, forMs: 5_000 }],
  [8_000, { reorderWindowMs: 300, forMs: 5_000 }],
  [14_000, { dropSockets: true }],
  [16_000, { failNext: { operation: 'SendMessage', status: 500, count: 6 } }],
  [18_000, { delayDeliveriesMs: 800, forMs: 4_000 }],
  [23_000, { silenceMs: 15_000 }],
  [27_000, { failNext: { operation: 'SendMessage', status: 503, count: 6 } }],
];

/**
 * Lost, duplicated and out-of-order entries of `observed` against the `expected` order.
 * Out of order counts entries that come after an entry the expected order puts later.
 */
export const compare = (expected, observed) => {
  const rank = new Map(expected.map((key, index) => [key, index]));
  const seen = new Set(observed);
  let outOfOrder = 0;
  let highest = -1;
  for (const key of observed) {
    const position = rank.get(key);
    if (position === undefined) {
      continue;
    }
    if (position < highest) {
      outOfOrder += 1;
    }
    highest = Math.max(highest, position);
  }
  return {
    lost: expected.filter((key) => !seen.has(key)).length,
    duplicated: observed.length - seen.size,
    outOfOrder,
  };
};

/**
 * @param {{ browser: import('playwright-core').Browser, pagesUrl: string, runs: number,
 *   messages: number }} options
 */
export const measureFaultLoss = async ({ browser, pagesUrl, runs, messages }) => {
  const intervalMs = SEND_WINDOW_MS / messages;
  const perRun = [];
  for (let run = 0; run < runs; run += 1) {
    const sides = [];
    try {
      for (const client of CLIENTS) {
        sides.push(await openClient(browser, pagesUrl, client, { seed: 500 + run }));
      }
      await sleep(1000);
      const start = now();
      const faults = FAULT_SCHEDULE.map(async ([at, body]) => {
        await sleep(start + at - now());
        await Promise.all(sides.map((side) => fault(side.emulator.url, body)));
      });
      const customerSends = sides.map((side) =>
        side.page.evaluate(
          ([prefix, count, interval]) => window.clientBench.sendMany(prefix, count, interval),
          [`c2a-${run}-`, messages, intervalMs],
        ),
      );
      const agentSends = sides.map(async (side) => {
        const pending = [];
        for (let index = 0; index < messages; index += 1) {
          await sleep(start + index * intervalMs - now());
          pending.push(sendWithRetry(side.chat.agent, `a2c-${run}-${index}x`));
        }
        await Promise.all(pending);
      });
      await Promise.all([...faults, ...customerSends, ...agentSends]);
      await sleep(start + SETTLE_UNTIL_MS - now());
      const results = {};
      for (;;) {
        for (const side of sides) {
          results[side.client] = await measureSide(side, run, messages);
        }
        const settled = Object.values(results).every((result) => result.a2c.lost === 0);
        if (settled || now() > start + FINAL_DEADLINE_MS) {
          break;
        }
        await sleep(1000);
      }
      perRun.push(results);
      console.log(`part 5 run ${run + 1}/${runs}:`, JSON.stringify(results));
    } finally {
      for (const side of sides) {
        await fault(side.emulator.url, { reset: true }).catch(() => {});
        await side.close();
      }
    }
  }
  const summary = {};
  for (const client of CLIENTS) {
    const of = (direction, key) => median(perRun.map((run) => run[client][direction][key]));
    summary[client] = {
      a2c: {
        lost: of('a2c', 'lost'),
        duplicated: of('a2c', 'duplicated'),
        outOfOrder: of('a2c', 'outOfOrder'),
      },
      c2a: {
        lost: of('c2a', 'lost'),
        duplicated: of('c2a', 'duplicated'),
        outOfOrder: of('c2a', 'outOfOrder'),
      },
      wire: {
        duplicated: of('wire', 'duplicated'),
        outOfOrder: of('wire', 'outOfOrder'),
        lost: of('wire', 'lost'),
      },
      sendFailures: median(perRun.map((run) => run[client].sendFailures)),
      sockets: median(perRun.map((run) => run[client].sockets)),
    };
  }
  return { runs, messages, intervalMs, perRun, summary };
};

/** The agent side is a backend: it retries a failed SendMessage with the same ClientToken. */
const sendWithRetry = async (agent, text) => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await agent.send(text);
    } catch (error) {
      if (attempt >= 10) {
        throw error;
      }
      await sleep(100 * (attempt + 1));
    }
  }
};

const measureSide = async (side, run, messages) => {
  const oracle = await oracleTranscript(side.emulator.url, side.chat.customer.contactId);
  const report = await side.report();
  const agentIds = oracle
    .filter((item) => item.Type === 'MESSAGE' && item.ParticipantRole === 'AGENT')
    .map((item) => item.Id);
  const customerTexts = oracle
    .filter((item) => item.Type === 'MESSAGE' && item.ParticipantRole === 'CUSTOMER')
    .map((item) => item.Content);
  const expectedTexts = Array.from({ length: messages }, (_, index) => `c2a-${run}-${index}`);
  const wireIds = report.deliveries
    .filter((delivery) => delivery.type === 'MESSAGE' && delivery.role === 'AGENT')
    .map((delivery) => delivery.id);
  return {
    agentMessagesInOracle: agentIds.length,
    a2c: compare(agentIds, report.list),
    c2a: compare(expectedTexts, customerTexts),
    wire: compare(agentIds, wireIds),
    sendFailures: report.sendFailures,
    sockets: report.sockets.length,
  };
};

/** Part 5 as Markdown. */
export const faultLossMarkdown = ({ runs, messages, intervalMs, perRun, summary }) => {
  const cells = (direction, key) =>
    `${count(summary.ours[direction][key])} | ${count(summary.chatjs[direction][key])}`;
  const perRunText = (client, direction) =>
    perRun
      .map((run) => {
        const result = run[client][direction];
        return `${result.lost}/${result.duplicated}/${result.outOfOrder}`;
      })
      .join(', ');
  const schedule = FAULT_SCHEDULE.map(
    ([at, body]) => `| ${(at / 1000).toFixed(0)} s | \`${JSON.stringify(body)}\` |`,
  );
  return [
    '## 5. Loss under faults',
    '',
    `Each run: ${messages.toLocaleString('en')} agent messages to the customer and ` +
      `${messages.toLocaleString('en')} customer messages to the agent, one each way every ` +
      `${intervalMs.toFixed(0)} ms for ${SEND_WINDOW_MS / 1000} s, while the schedule below hits. ` +
      'Ours (`createChatSession`, defaults, no UI) and chatjs (defaults, its own transcript turned ' +
      'on by subscribing `onTranscriptUpdated`; sends with `sendMessage`, a failed promise counted ' +
      'and not retried, as in its README) each run in a Chromium page against an emulator of their ' +
      'own; both emulators use the same seed for their duplicate/reorder draws and get every fault ' +
      'at the same instant. The agent is a backend on REST only: it retries a failed SendMessage with ' +
      'the same ClientToken, so the agent-to-customer direction loses nothing at the source. ' +
      `Lists are read ${SETTLE_UNTIL_MS / 1000} s after the start (later, up to ` +
      `${FINAL_DEADLINE_MS / 1000} s, while a client still misses messages).`,
    '',
    '| At | Fault (posted to both emulators) |',
    '|---|---|',
    ...schedule,
    '',
    '`failNext` counts are consumed by whichever SendMessage comes first, the agent’s or the ' +
      'customer’s, so the split between the two directions varies a little between clients.',
    '',
    '- *Agent → customer*: the client’s own list of agent messages at the end (ours: the session ' +
      'snapshot’s items; chatjs: the transcript of its last `onTranscriptUpdated`) against the ' +
      'agent messages of the emulator’s transcript, in the oracle’s order.',
    '- *Customer → agent*: the customer messages in the emulator’s transcript against the order ' +
      'they were sent in.',
    '- *Lost*: expected but absent. *Duplicated*: present more than once. *Out of order*: an entry ' +
      'that comes after one the expected order puts later.',
    '',
    `Medians over ${runs} run(s).`,
    '',
    '| Measure (messages) | Ours | chatjs |',
    '|---|---:|---:|',
    `| **Agent → customer: lost** | ${cells('a2c', 'lost')} |`,
    `| Agent → customer: duplicated | ${cells('a2c', 'duplicated')} |`,
    `| Agent → customer: out of order | ${cells('a2c', 'outOfOrder')} |`,
    `| **Customer → agent: lost** | ${cells('c2a', 'lost')} |`,
    `| Customer → agent: duplicated | ${cells('c2a', 'duplicated')} |`,
    `| Customer → agent: out of order | ${cells('c2a', 'outOfOrder')} |`,
    `| Wire (frames into the page): agent messages never delivered | ${cells('wire', 'lost')} |`,
    `| Wire: duplicate frames | ${cells('wire', 'duplicated')} |`,
    `| Wire: frames out of order | ${cells('wire', 'outOfOrder')} |`,
    `| sendMessage promises rejected (chatjs) | n/a | ${count(summary.chatjs.sendFailures)} |`,
    `| Websockets opened | ${count(summary.ours.sockets)} | ${count(summary.chatjs.sockets)} |`,
    '',
    'Per run, lost/duplicated/out of order: agent → customer, ours ' +
      `${perRunText('ours', 'a2c')}; chatjs ${perRunText('chatjs', 'a2c')}. Customer → agent, ours ` +
      `${perRunText('ours', 'c2a')}; chatjs ${perRunText('chatjs', 'c2a')}.`,
    '',
    (summary.chatjs.sendFailures === 0
      ? 'No chatjs `sendMessage` promise was rejected: its bundled client retried the injected ' +
        '500/503 answers itself. '
      : '') +
      'chatjs starts every `sendMessage` at once, so requests overlap and a retried or slower one ' +
      'lands after later ones; our outbox sends one message at a time, in order, retrying with the ' +
      'same ClientToken, which is why its customer → agent order holds.',
    '',
    'The wire rows show what each page received before the client did anything with it (both ' +
      'see the same kind of faulty stream); the rows above them are what the client made of it.',
  ].join('\n');
};

const count = (value) => (value === undefined ? 'n/a' : String(Math.round(value)));
