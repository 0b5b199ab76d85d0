// Issue #8 part 4: recovery. Ours (createChatSession, no UI) and chatjs (with its own transcript
// turned on) each run in a Chromium page against an emulator of their own; every fault is posted
// to both emulators at the same instant. Times are from the fault to what each page recorded.
import { fault, oracleTranscript } from './benchEmulator.mjs';
import { openClient } from './clientPages.mjs';
import { median, ms, now, seededRandom, sleep } from './stats.mjs';

const CLIENTS = ['ours', 'chatjs'];
const MISSED = 3;
const SILENCE_MS = 30_000;
/** In the "half-open while the customer sends" scenario, the customer sends this long after the fault. */
const SEND_AFTER_MS = 1000;

/** Agent message Ids the oracle holds, in order. */
const agentIds = async (side) =>
  (await oracleTranscript(side.emulator.url, side.chat.customer.contactId))
    .filter((item) => item.Type === 'MESSAGE' && item.ParticipantRole === 'AGENT')
    .map((item) => item.Id);

/**
 * When the client was resubscribed and caught up after `t0`: a socket created after `t0` got a
 * subscribe success, and the client has surfaced every agent message Id the oracle holds.
 */
const recoveredAt = (report, oracleIds, t0) => {
  const fresh = report.sockets.filter((socket) => socket.createdAt > t0);
  const subscribed = fresh.flatMap((socket) => socket.subscribedAt).sort((a, b) => a - b)[0];
  const seen = oracleIds.map((id) => report.firstSeen[id]);
  if (subscribed === undefined || seen.some((at) => at === undefined)) {
    return undefined;
  }
  return { resubscribed: subscribed - t0, caughtUp: Math.max(subscribed, ...seen) - t0 };
};

/** When the client gave up a socket that was open before `t0`, or opened a new one. */
const detectedAt = (report, t0) => {
  const times = [
    ...report.sockets
      .filter((socket) => socket.createdAt < t0 && (socket.closeCalledAt ?? 0) > t0)
      .map((socket) => socket.closeCalledAt),
    ...report.sockets.filter((socket) => socket.createdAt > t0).map((socket) => socket.createdAt),
  ];
  return times.length === 0 ? undefined : Math.min(...times) - t0;
};

/**
 * A client that resubscribed this long ago and still misses messages is not catching up on its
 * own: waiting longer only makes the bench slower.
 */
const GIVE_UP_AFTER_RESUBSCRIBE_MS = 5_000;

const firstFreshSubscribe = (report, t0) =>
  report.sockets
    .filter((socket) => socket.createdAt > t0)
    .flatMap((socket) => socket.subscribedAt)
    .sort((a, b) => a - b)[0];

/** A client that did not catch up, and what it did get to (to say why). */
/** When the dead socket was found, from the fault and (with a send) from the send. */
const detection = (report, kind, t0, sentAfter) => {
  const detected = kind === 'drop' ? undefined : detectedAt(report, t0);
  return {
    ...(detected !== undefined ? { detected } : {}),
    // From the customer's send; 0 when a heartbeat found the dead socket before it.
    ...(kind === 'silenceSend' && detected !== undefined
      ? { detectedAfterSend: Math.max(0, detected - sentAfter) }
      : {}),
  };
};

const stuck = (report, oracleIds, kind, t0, sentAfter) => ({
  timedOut: true,
  ...detection(report, kind, t0, sentAfter),
  freshSubscribed: firstFreshSubscribe(report, t0) !== undefined,
  connectedEvents: report.events.filter(
    (event) => event.at > t0 && (event.kind === 'open' || event.kind === 'established'),
  ).length,
  unseen: oracleIds.filter((id) => report.firstSeen[id] === undefined).length,
});

const scenario = async (sides, kind, timeoutMs, settleMs) => {
  await sleep(settleMs);
  const t0 = now();
  await Promise.all(
    sides.map((side) =>
      fault(side.emulator.url, kind === 'drop' ? { dropSockets: true } : { silenceMs: SILENCE_MS }),
    ),
  );
  // The customer types while the socket is silently dead (the service takes the message over
  // REST; its echo on the socket never comes): detection is measured from this send.
  let sentAfter = 0;
  if (kind === 'silenceSend') {
    await sleep(SEND_AFTER_MS);
    sentAfter = now() - t0;
    await Promise.all(
      sides.map((side) => side.page.evaluate(() => window.clientBench.send('Are you there?'))),
    );
  }
  // Messages the client cannot receive live: sent while its socket is down or silenced.
  await Promise.all(
    sides.map(async (side) => {
      for (let index = 0; index < MISSED; index += 1) {
        await side.chat.agent.send(`missed during ${kind} ${index}`);
      }
    }),
  );
  const results = {};
  const deadline = t0 + timeoutMs;
  while (now() < deadline && Object.keys(results).length < sides.length) {
    for (const side of sides) {
      if (results[side.client]) {
        continue;
      }
      const report = await side.report();
      const oracleIds = await agentIds(side);
      const recovered = recoveredAt(report, oracleIds, t0);
      if (recovered) {
        results[side.client] = { ...recovered, ...detection(report, kind, t0, sentAfter) };
      } else if (
        now() - (firstFreshSubscribe(report, t0) ?? Infinity) >
        GIVE_UP_AFTER_RESUBSCRIBE_MS
      ) {
        results[side.client] = stuck(report, oracleIds, kind, t0, sentAfter);
      }
    }
    await sleep(100);
  }
  for (const side of sides) {
    if (results[side.client]) {
      continue;
    }
    results[side.client] = stuck(await side.report(), await agentIds(side), kind, t0, sentAfter);
  }
  await Promise.all(sides.map((side) => fault(side.emulator.url, { reset: true })));
  return results;
};

/**
 * @param {{ browser: import('playwright-core').Browser, pagesUrl: string, runs: number }} options
 */
export const measureRecovery = async ({ browser, pagesUrl, runs }) => {
  const perRun = [];
  const phase = seededRandom(4);
  for (let run = 0; run < runs; run += 1) {
    const sides = [];
    try {
      for (const client of CLIENTS) {
        sides.push(await openClient(browser, pagesUrl, client, { seed: 100 + run }));
      }
      const drop = await scenario(sides, 'drop', 60_000, 1000);
      // Heartbeats run on a period from each socket's open (ours 7.5 s, chatjs 10 s): a seeded
      // wait of 1–11 s puts the silence at a different point of that period in each run (the
      // same for both clients).
      const silence = await scenario(
        sides,
        'silence',
        SILENCE_MS + 5_000,
        1000 + Math.floor(phase() * 10_000),
      );
      const silenceSend = await scenario(
        sides,
        'silenceSend',
        SILENCE_MS + 5_000,
        1000 + Math.floor(phase() * 10_000),
      );
      perRun.push({ drop, silence, silenceSend, errors: sides.flatMap((side) => side.errors) });
      console.log(`part 4 run ${run + 1}/${runs}:`, JSON.stringify({ drop, silence, silenceSend }));
    } finally {
      for (const side of sides) {
        await side.close();
      }
    }
  }
  const pick = (client, kind, key) =>
    perRun.map((run) => run[kind][client]?.[key]).filter((value) => value !== undefined);
  const summary = {};
  for (const client of CLIENTS) {
    summary[client] = {
      dropResubscribed: median(pick(client, 'drop', 'resubscribed')),
      dropCaughtUp: median(pick(client, 'drop', 'caughtUp')),
      dropCaughtUpRuns: pick(client, 'drop', 'caughtUp'),
      dropTimeouts: perRun.filter((run) => run.drop[client]?.timedOut).length,
      silenceDetected: median(pick(client, 'silence', 'detected')),
      silenceDetectedRuns: pick(client, 'silence', 'detected'),
      silenceDetectedWorst: worst(pick(client, 'silence', 'detected')),
      silenceCaughtUp: median(pick(client, 'silence', 'caughtUp')),
      silenceTimeouts: perRun.filter((run) => run.silence[client]?.timedOut).length,
      sendDetected: median(pick(client, 'silenceSend', 'detectedAfterSend')),
      sendDetectedRuns: pick(client, 'silenceSend', 'detectedAfterSend'),
      sendDetectedWorst: worst(pick(client, 'silenceSend', 'detectedAfterSend')),
      sendCaughtUp: median(pick(client, 'silenceSend', 'caughtUp')),
    };
  }
  return { runs, silenceMs: SILENCE_MS, missed: MISSED, perRun, summary };
};

const worst = (values) => (values.length === 0 ? undefined : Math.max(...values));

/** Part 4 as Markdown. */
export const recoveryMarkdown = ({ runs, silenceMs, missed, perRun, summary }) => {
  const { ours, chatjs } = summary;
  const perRunRatio = (kind, key) =>
    median(
      perRun
        .map((run) => run[kind].ours?.[key] / run[kind].chatjs?.[key])
        .filter((value) => Number.isFinite(value)),
    );
  const cell = (client, key, kind) => {
    const timeouts = perRun.filter((run) => run[kind][client]?.timedOut).length;
    const limit = `${GIVE_UP_AFTER_RESUBSCRIBE_MS / 1000} s after resubscribing or ${kind === 'drop' ? '60 s' : `${silenceMs / 1000 + 5} s`} after the fault`;
    const note =
      timeouts > 0 && !/Detected/.test(key)
        ? ` (${timeouts} of ${runs} run(s) not within ${limit})`
        : '';
    return `${ms(summary[client][key])}${note}`;
  };
  const row = (label, key, kind, ratioKey) =>
    `| ${label} | ${cell('ours', key, kind)} | ${cell('chatjs', key, kind)} | ${ratioText(perRunRatio(kind, ratioKey))} |`;
  const worstRow = (label, key, kind) =>
    `| ${label} | ${cell('ours', key, kind)} | ${cell('chatjs', key, kind)} | ${ratioText(ours[key] / chatjs[key])} |`;
  const runsList = (values) => values.map(ms).join(', ') || 'none';
  return [
    '## 4. Recovery',
    '',
    'Each client runs in its own Chromium page against its own emulator; every fault is posted to ' +
      'both emulators at the same instant, with the clients idle and caught up before it. Ours: ' +
      '`createChatSession` with its defaults (no UI). chatjs: `connect.ChatSession.create` with ' +
      'its defaults and `onTranscriptUpdated` subscribed, which turns on chatjs 5’s own transcript ' +
      '(deduplicated by Id, refetched with GetTranscript, 100 items, on every reconnect). Right ' +
      `after each fault the agent sends ${missed} messages, which the client can only get by ` +
      'recovering.',
    '',
    '- *Drop*: `{"dropSockets": true}` (sockets killed without a close frame).',
    `- *Half-open*: \`{"silenceMs": ${silenceMs}}\` (no heartbeat or ping replies, no deliveries; ` +
      'sockets opened later work normally), posted 1–11 s (seeded, different per run) after the ' +
      'clients recovered from the drop, so it falls at a different point of their heartbeat period ' +
      'in each run. The clients are idle.',
    `- *Half-open while the customer sends*: the same fault, again 1–11 s after recovering, and ` +
      `${SEND_AFTER_MS / 1000} s after it the customer sends a message (SendMessage works; its ` +
      'echo on the socket never comes). Detection is timed from the send (0 when a heartbeat ' +
      'found the dead socket first).',
    '- *Resubscribed*: a socket created after the fault received an `aws/subscribe` success ' +
      '(seen by a probe around `WebSocket` in both pages).',
    '- *Caught up*: resubscribed, and the client has surfaced every agent message Id the ' +
      'emulator’s transcript (the oracle) holds (ours: in the session snapshot; chatjs: through ' +
      '`onMessage` or its transcript).',
    '- *Half-open detected*: the client calls `close()` on the silenced socket or opens a new one, ' +
      'whichever comes first.',
    '',
    `Medians over ${runs} run(s); the ratio is ours / chatjs per run, then the median.`,
    '',
    '| Measure (ms) | Ours | chatjs | Ours / chatjs |',
    '|---|---:|---:|---:|',
    row('Drop → resubscribed', 'dropResubscribed', 'drop', 'resubscribed'),
    row('**Drop → resubscribed and caught up**', 'dropCaughtUp', 'drop', 'caughtUp'),
    row('Half-open (idle) → detected', 'silenceDetected', 'silence', 'detected'),
    worstRow('**Half-open (idle) → detected, worst run**', 'silenceDetectedWorst', 'silence'),
    row('Half-open (idle) → resubscribed and caught up', 'silenceCaughtUp', 'silence', 'caughtUp'),
    row(
      'Half-open, customer sends → detected after the send',
      'sendDetected',
      'silenceSend',
      'detectedAfterSend',
    ),
    worstRow(
      '**Half-open, customer sends → detected after the send, worst run**',
      'sendDetectedWorst',
      'silenceSend',
    ),
    '',
    `Per run, drop → caught up: ours ${runsList(ours.dropCaughtUpRuns)}; chatjs ${runsList(chatjs.dropCaughtUpRuns)}. ` +
      `Half-open → detected: ours ${runsList(ours.silenceDetectedRuns)}; chatjs ${runsList(chatjs.silenceDetectedRuns)}. ` +
      `Half-open with a send → detected after the send: ours ${runsList(ours.sendDetectedRuns)}; chatjs ${runsList(chatjs.sendDetectedRuns)}. ` +
      'A median is over the runs that got there; `n/a` means none did. The worst-run ratio divides ' +
      'the two worst runs.',
    ...stuckNotes(perRun),
    '',
    'Why the numbers are what they are. Idle, both clients detect a half-open socket by ' +
      'heartbeats. Ours sends `aws/heartbeat` + `aws/ping` every 7.5 s and gives up on a reply ' +
      'missing for 2 s, or four measured round trips on a slow link, up to 5 s (`ConnectionPolicy`), ' +
      'so detection takes 2–9.5 s on a fast link depending on where the fault falls in the period; ' +
      'chatjs sends both every 10 s and gives up when the previous one is still unanswered at the ' +
      'next tick, 10–20 s. When the customer sends, ours also watches for the service’s echo of the ' +
      'message on the socket: missing after 1.5 s (`echoTimeoutMs`), it pings at once, so the ' +
      'dead socket is found within 1.5 s + the heartbeat wait of the send; chatjs does not, so a send ' +
      'changes nothing for it. After a drop both see the close at once; ours reconnects after a ' +
      'jitter under 20 ms (`reconnectJitterMs`; the backoff from 250 ms takes over if that fails or ' +
      'its socket dies before answering a heartbeat), then CreateParticipantConnection, the new ' +
      'socket and the transcript fetch.',
  ].join('\n');
};

const ratioText = (value) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');

/** One sentence per client and fault that did not catch up, from what its page recorded. */
const stuckNotes = (perRun) => {
  const notes = [];
  for (const kind of ['drop', 'silence', 'silenceSend']) {
    for (const client of CLIENTS) {
      const stuck = perRun.map((run) => run[kind][client]).filter((result) => result?.timedOut);
      if (stuck.length === 0) {
        continue;
      }
      const resubscribed = stuck.filter((result) => result.freshSubscribed).length;
      const silent = stuck.filter((result) => result.connectedEvents === 0).length;
      const unseen = stuck.map((result) => result.unseen).join(', ');
      notes.push(
        '',
        `**${client}, ${{ drop: 'drop', silence: 'half-open', silenceSend: 'half-open with a send' }[kind]}: not caught up in ${stuck.length} run(s).** ` +
          `In ${resubscribed} of them it had opened and subscribed a new socket; in ${silent} it ` +
          `reported no connection (re)established after the fault` +
          (client === 'chatjs'
            ? ' (`onConnectionEstablished`), so its transcript was not refetched'
            : '') +
          `; agent messages it never surfaced, per run: ${unseen}.`,
      );
    }
  }
  return notes;
};
