// Issues #8 and #12, part 5: loss under faults. The same fault schedule hits, at the same instants,
// two clients each in its own Chromium page against its own emulator: our session and chatjs.
// Messages flow both ways at a fixed pace while the faults hit; afterwards each client's list is
// compared with the emulator's transcript (the oracle). Two schedules: the emulator's own
// (cooperative) faults, and a man-in-the-middle proxy between the page and the emulator that
// really loses, delays, duplicates and reorders frames both ways and fails REST calls.
import { fault, oracleTranscript } from './benchEmulator.mjs';
import { openClient } from './clientPages.mjs';
import { median, now, seededRandom, sleep } from './stats.mjs';

const CLIENTS = ['ours', 'chatjs'];
const SEND_WINDOW_MS = 30_000;
/** Until when (after the start) the clients get to recover before the lists are read. */
const SETTLE_UNTIL_MS = 50_000;
const FINAL_DEADLINE_MS = 65_000;

/** The emulator's schedule: milliseconds after the start, and the fault (design.md §3). */
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
 * The proxy's schedule, drawn once from a fixed seed: a half-open window of 14 s (every frame lost
 * both ways on every connection, REST still working) from 3 s while both sides send, and a fault
 * every 500 ms from 1 s to 29 s on top of it: shorter losses one or both ways that end with the
 * socket carrying frames again, random frame drops, delays, duplicates, reordering, abrupt resets,
 * and REST failures before or after the service did the work. Entries are
 * `[at, method, arguments]` of `test/support/faultProxy.ts`.
 */
export const PROXY_SCHEDULE = (() => {
  const random = seededRandom(20261205);
  const between = (min, max) => Math.round(min + random() * (max - min));
  const direction = () => ['both', 'down', 'up'][Math.floor(random() * 3)];
  const schedule = [[3_000, 'loseFrames', { ms: 14_000, direction: 'both' }]];
  const draws = [
    () => ['loseFrames', { ms: between(300, 4_000), direction: direction() }],
    () => [
      'dropFrames',
      { probability: between(10, 50) / 100, forMs: between(300, 2_000), direction: direction() },
    ],
    () => [
      'delayFrames',
      { ms: between(100, 1_500), forMs: between(500, 2_000), direction: direction() },
    ],
    () => [
      'duplicateFrames',
      { probability: between(20, 80) / 100, forMs: between(500, 2_000), direction: 'down' },
    ],
    () => ['reorderFrames', { windowMs: between(100, 1_000), forMs: between(500, 2_000) }],
    () => ['resetSockets', {}],
    () => [
      'failRequests',
      {
        count: between(1, 3),
        status: [429, 500, 503][between(0, 2)],
        operation: ['/participant/message', '/participant/transcript', '/participant/connection'][
          between(0, 2)
        ],
        afterService: random() < 0.5,
      },
    ],
  ];
  for (let at = 1_000; at < 29_000; at += 500) {
    schedule.push([at, ...draws[Math.floor(random() * draws.length)]()]);
  }
  return schedule.sort((a, b) => a[0] - b[0]);
})();

const SCHEDULES = {
  emulator: {
    proxy: false,
    apply: (side, [, body]) => fault(side.emulator.url, body),
  },
  proxy: {
    proxy: true,
    apply: (side, [, method, options]) => side.proxy[method](options),
  },
};

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
export const measureFaultLoss = async (options) => ({
  emulator: await measureSchedule({ ...options, scheduleName: 'emulator' }),
  proxy: await measureSchedule({ ...options, scheduleName: 'proxy' }),
});

const measureSchedule = async ({ browser, pagesUrl, runs, messages, scheduleName }) => {
  const schedule = SCHEDULES[scheduleName];
  const entries = scheduleName === 'proxy' ? PROXY_SCHEDULE : FAULT_SCHEDULE;
  const intervalMs = SEND_WINDOW_MS / messages;
  const perRun = [];
  for (let run = 0; run < runs; run += 1) {
    const sides = [];
    try {
      for (const client of CLIENTS) {
        sides.push(
          await openClient(browser, pagesUrl, client, { seed: 500 + run, proxy: schedule.proxy }),
        );
      }
      await sleep(1000);
      const start = now();
      const faults = entries.map(async (entry) => {
        await sleep(start + entry[0] - now());
        await Promise.all(sides.map((side) => schedule.apply(side, entry)));
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
      console.log(`part 5 (${scheduleName}) run ${run + 1}/${runs}:`, JSON.stringify(results));
    } finally {
      for (const side of sides) {
        side.proxy?.heal();
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
  return { runs, messages, intervalMs, perRun, summary, faults: entries.length };
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

/** One schedule's results as Markdown rows and notes. */
const scheduleMarkdown = ({ runs, perRun, summary }) => {
  const cells = (direction, key) =>
    `${count(summary.ours[direction][key])} | ${count(summary.chatjs[direction][key])}`;
  const perRunText = (client, direction) =>
    perRun
      .map((run) => {
        const result = run[client][direction];
        return `${result.lost}/${result.duplicated}/${result.outOfOrder}`;
      })
      .join(', ');
  return [
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
  ];
};

/** Part 5 as Markdown. */
export const faultLossMarkdown = ({ emulator, proxy }) => {
  const { messages, intervalMs } = emulator;
  const schedule = FAULT_SCHEDULE.map(
    ([at, body]) => `| ${(at / 1000).toFixed(0)} s | \`${JSON.stringify(body)}\` |`,
  );
  const proxySchedule = PROXY_SCHEDULE.map(
    ([at, method, options]) =>
      `| ${(at / 1000).toFixed(1)} s | \`${method}(${JSON.stringify(options)})\` |`,
  );
  return [
    '## 5. Loss under faults',
    '',
    `Each run: ${messages.toLocaleString('en')} agent messages to the customer and ` +
      `${messages.toLocaleString('en')} customer messages to the agent, one each way every ` +
      `${intervalMs.toFixed(0)} ms for ${SEND_WINDOW_MS / 1000} s, while a schedule hits. ` +
      'Ours (`createChatSession`, defaults, no UI) and chatjs (defaults, its own transcript turned ' +
      'on by subscribing `onTranscriptUpdated`; sends with `sendMessage`, a failed promise counted ' +
      'and not retried, as in its README) each run in a Chromium page against an emulator of their ' +
      'own, and get every fault at the same instant. The agent is a backend on REST only, straight ' +
      'to the emulator: it retries a failed SendMessage with the same ClientToken, so the ' +
      'agent-to-customer direction loses nothing at the source. ' +
      `Lists are read ${SETTLE_UNTIL_MS / 1000} s after the start (later, up to ` +
      `${FINAL_DEADLINE_MS / 1000} s, while a client still misses messages).`,
    '',
    '- *Agent → customer*: the client’s own list of agent messages at the end (ours: the session ' +
      'snapshot’s items; chatjs: the transcript of its last `onTranscriptUpdated`) against the ' +
      'agent messages of the emulator’s transcript, in the oracle’s order.',
    '- *Customer → agent*: the customer messages in the emulator’s transcript against the order ' +
      'they were sent in.',
    '- *Lost*: expected but absent. *Duplicated*: present more than once. *Out of order*: an entry ' +
      'that comes after one the expected order puts later.',
    '- The wire rows show what each page received before the client did anything with it; the ' +
      'rows above them are what the client made of it.',
    '',
    '### 5a. A man-in-the-middle proxy (issue #12)',
    '',
    `The customer’s page reaches its emulator, REST and websocket, through the fault proxy of the ` +
      'tests (`test/support/faultProxy.ts`), which really loses, delays, duplicates and reorders ' +
      'frames in both directions and fails REST calls, without the emulator’s help. ' +
      `${proxy.faults} faults: a half-open window of 14 s (every frame lost both ways, on new ` +
      'connections too, while REST works) from 3 s while both sides keep sending, and a fault ' +
      'every 500 ms on top, drawn once from a fixed seed (the table below). The proxies of the ' +
      'two clients draw their probabilities from the same seed.',
    '',
    ...scheduleMarkdown(proxy),
    '',
    `Its loss windows overlap over most of the send window, so only ` +
      `${messages - Math.round(proxy.summary.ours.wire.lost)} of ${messages} agent messages reached ` +
      'our page over a socket (median); the session fetched the rest with GetTranscript, from the ' +
      'last point a walk had proved complete. chatjs ' +
      `opened ${Math.round(proxy.summary.chatjs.sockets)} socket(s) and never filled what they lost.`,
    '',
    '<details><summary>The proxy schedule</summary>',
    '',
    '| At | Fault (on both proxies) |',
    '|---|---|',
    ...proxySchedule,
    '',
    '</details>',
    '',
    '### 5b. The emulator’s own faults',
    '',
    'Both emulators use the same seed for their duplicate/reorder draws.',
    '',
    '| At | Fault (posted to both emulators) |',
    '|---|---|',
    ...schedule,
    '',
    '`failNext` counts are consumed by whichever SendMessage comes first, the agent’s or the ' +
      'customer’s, so the split between the two directions varies a little between clients.',
    '',
    ...scheduleMarkdown(emulator),
    '',
    (emulator.summary.chatjs.sendFailures === 0
      ? 'No chatjs `sendMessage` promise was rejected under the emulator’s faults: its bundled ' +
        'client retried the injected 500/503 answers itself. '
      : '') +
      'chatjs starts every `sendMessage` at once, so requests overlap and a retried or slower one ' +
      'lands after later ones; our outbox sends one message at a time, in order, retrying with the ' +
      'same ClientToken, which is why its customer → agent order holds.',
  ].join('\n');
};

const count = (value) => (value === undefined ? 'n/a' : String(Math.round(value)));
