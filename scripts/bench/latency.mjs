// Issue #8 part 3: latency on loopback, from the agent's SendMessage (a REST call from Node) to the
// message in the customer's DOM (the shipped ChatWidget over our session, in Chromium), p50/p95.
// In the same run, the same messages go to a chatjs client on its own emulator, to its callback
// (chatjs has no UI): a reference for the transport part of the path.
import { openClient } from './clientPages.mjs';
import { median, ms, now, percentile, sleep } from './stats.mjs';

const WARMUP = 20;

/**
 * @param {{ browser: import('playwright-core').Browser, pagesUrl: string, runs: number,
 *   messages: number, pauseMs: number }} options
 */
export const measureLatency = async ({ browser, pagesUrl, runs, messages, pauseMs }) => {
  const perRun = [];
  for (let run = 0; run < runs; run += 1) {
    const ours = await openClient(browser, pagesUrl, 'ours', { seed: run + 1, widget: true });
    const chatjs = await openClient(browser, pagesUrl, 'chatjs', { seed: run + 1 });
    try {
      const sent = { ours: [], chatjs: [] };
      // Closed loop: one message at a time, to one client and then the other (alternating which
      // goes first), the next leaving after the previous one arrived (or after 5 s), so each time
      // is a latency, not a queue behind earlier messages or the other client's traffic (both
      // emulators share this Node process).
      const targets = [
        ['ours', ours, 'dom'],
        ['chatjs', chatjs, 'client'],
      ];
      for (let index = 0; index < WARMUP + messages; index += 1) {
        const text = `a2c-${run}-${index}x`;
        for (const [name, side, where] of index % 2 === 0 ? targets : [...targets].reverse()) {
          const at = now();
          const reply = await side.chat.agent.send(text);
          await side.page.evaluate(
            ([w, key]) => window.clientBench.waitFor(w, key, 5_000),
            [where, where === 'dom' ? text.slice(0, -1) : reply.Id],
          );
          if (index >= WARMUP) {
            sent[name].push({ text, id: reply.Id, at });
          }
          await sleep(pauseMs);
        }
      }
      await sleep(500);
      const reports = { ours: await ours.report(), chatjs: await chatjs.report() };
      const delays = (name, pick) =>
        sent[name].map((message) => pick(reports[name], message) - message.at);
      const wireAt = (report, message) =>
        report.deliveries.find((delivery) => delivery.id === message.id)?.at;
      const series = {
        oursWire: delays('ours', wireAt),
        oursSession: delays('ours', (report, message) => report.firstSeen[message.id]),
        oursDom: delays('ours', (report, message) => report.domSeen[message.text.slice(0, -1)]),
        chatjsWire: delays('chatjs', wireAt),
        chatjsCallback: delays('chatjs', (report, message) => report.firstSeen[message.id]),
      };
      const missing = Object.fromEntries(
        Object.entries(series).map(([key, values]) => [
          key,
          values.filter((value) => !Number.isFinite(value)).length,
        ]),
      );
      perRun.push({
        stats: Object.fromEntries(
          Object.entries(series).map(([key, values]) => [
            key,
            { p50: percentile(values, 50), p95: percentile(values, 95) },
          ]),
        ),
        missing,
        errors: [...ours.errors, ...chatjs.errors],
      });
      console.log(`part 3 run ${run + 1}/${runs}:`, JSON.stringify(perRun.at(-1).stats));
    } finally {
      await ours.close();
      await chatjs.close();
    }
  }
  const keys = Object.keys(perRun[0].stats);
  return {
    runs,
    messages,
    pauseMs,
    perRun,
    summary: Object.fromEntries(
      keys.map((key) => [
        key,
        {
          p50: median(perRun.map((run) => run.stats[key].p50)),
          p95: median(perRun.map((run) => run.stats[key].p95)),
          p50Runs: perRun.map((run) => run.stats[key].p50),
        },
      ]),
    ),
  };
};

/** Part 3 as Markdown. */
export const latencyMarkdown = ({ runs, messages, pauseMs, summary, perRun }) => {
  const row = (label, key) =>
    `| ${label} | ${ms(summary[key].p50)} | ${ms(summary[key].p95)} | ${summary[key].p50Runs.map(ms).join(', ')} |`;
  const missing = perRun.reduce(
    (sum, run) => sum + Object.values(run.missing).reduce((a, b) => a + b, 0),
    0,
  );
  return [
    '## 3. Latency on loopback',
    '',
    `The agent (Node, REST only, as a contact-center backend would) sends ${messages} messages ` +
      `after ${WARMUP} warm-up messages through the emulator's SendMessage, one at a time: the next ` +
      `leaves ${pauseMs} ms after the previous one reached its client, so no message queues ` +
      'behind another. ' +
      'The clock starts just before the HTTP request leaves Node and stops when the customer page ' +
      'records the message: *wire* = the `aws/chat` frame reaches the page (a probe around ' +
      '`WebSocket`), *session* = it is in our session snapshot, *DOM* = a MutationObserver sees ' +
      'its row added by the open ChatWidget (virtualized MessageList). Both clocks are the system ' +
      'clock (`performance.timeOrigin + performance.now()` in Node and in the page). In the same ' +
      'run each message also goes to a chatjs client on a second emulator, in turn (alternating ' +
      'which client goes first, never both at once); chatjs has no UI, so its row stops at its ' +
      'callback (`onMessage`/`onTranscriptUpdated`).',
    '',
    `p50/p95 per run, then the median over ${runs} run(s).`,
    '',
    '| Path (ms) | p50 | p95 | p50 of each run |',
    '|---|---:|---:|---|',
    row('Ours: SendMessage → frame in the page', 'oursWire'),
    row('Ours: SendMessage → session snapshot', 'oursSession'),
    row("**Ours: SendMessage → customer's DOM (ChatWidget)**", 'oursDom'),
    row('chatjs: SendMessage → frame in the page', 'chatjsWire'),
    row('chatjs: SendMessage → its callback', 'chatjsCallback'),
    '',
    `Same-run ratios (per run, then the median), ours session / chatjs callback: p50 ` +
      `${sameRun(perRun, 'oursSession', 'chatjsCallback', 'p50')}, p95 ` +
      `${sameRun(perRun, 'oursSession', 'chatjsCallback', 'p95')}; ours wire / chatjs wire: p50 ` +
      `${sameRun(perRun, 'oursWire', 'chatjsWire', 'p50')}. The DOM adds React's render and ` +
      'commit of the widget to the session time.',
    '',
    missing === 0
      ? 'Every message reached every stage in every run.'
      : `${missing} message(s) never reached a stage within 5 s; they are left out of the percentiles.`,
  ].join('\n');
};

const sameRun = (perRun, a, b, key) => {
  const value = median(perRun.map((run) => run.stats[a][key] / run.stats[b][key]));
  return value === undefined ? 'n/a' : value.toFixed(2);
};
