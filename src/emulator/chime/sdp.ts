/**
 * Pure SDP text helpers for the emulated Chime media server: loopback-only candidates, the video
 * receive lines of an offer, and the fixes a werift answer needs before Chromium accepts it.
 *
 * @packageDocumentation
 */

/**
 * One media section (`m=` line and its attributes).
 *
 * @example
 * ```ts
 * const [audio, camera] = parseSdp(offer).sections satisfies SdpSection[];
 * ```
 */
export interface SdpSection {
  kind: string;
  port: number;
  mid: string | undefined;
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  lines: string[];
}

/**
 * An SDP split into its session part and media sections.
 *
 * @example
 * ```ts
 * const { session, sections } = parseSdp(sdp);
 * const cameras = sections.filter((section) => section.kind === 'video' && section.direction !== 'inactive');
 * ```
 */
export interface ParsedSdp {
  session: string[];
  sections: SdpSection[];
}

const DIRECTIONS = ['sendrecv', 'sendonly', 'recvonly', 'inactive'] as const;

function describe(lines: string[]): SdpSection {
  const [kind = '', port = '0'] = (lines[0] ?? '').slice(2).split(' ');
  const mid = lines.find((line) => line.startsWith('a=mid:'))?.slice('a=mid:'.length);
  const direction =
    DIRECTIONS.find((value) => lines.includes(`a=${value}`)) ?? ('sendrecv' as const);
  return { kind, port: Number(port), mid, direction, lines };
}

/**
 * Splits an SDP into its session lines and media sections.
 *
 * @example
 * ```ts
 * parseSdp('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n').sections[0]?.mid; // '0'
 * ```
 */
export function parseSdp(sdp: string): ParsedSdp {
  const session: string[] = [];
  const sections: string[][] = [];
  for (const line of sdp.split(/\r?\n/)) {
    if (line === '') {
      continue;
    }
    if (line.startsWith('m=')) {
      sections.push([line]);
    } else if (sections.length > 0) {
      sections[sections.length - 1]!.push(line);
    } else {
      session.push(line);
    }
  }
  return { session, sections: sections.map(describe) };
}

/**
 * Joins parsed SDP back into text (CRLF line ends, trailing CRLF).
 *
 * @example
 * ```ts
 * formatSdp(parseSdp(sdp)) === sdp; // for a CRLF SDP
 * ```
 */
export function formatSdp(parsed: ParsedSdp): string {
  const lines = [...parsed.session, ...parsed.sections.flatMap((section) => section.lines)];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Keeps only ICE candidates on 127.0.0.1 (the emulator never uses another interface).
 *
 * @example
 * ```ts
 * keepLoopbackCandidates(offer); // no host candidates on 192.168.x.x, no mDNS names
 * ```
 */
export function keepLoopbackCandidates(sdp: string): string {
  return sdp
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('a=candidate:') || line.split(' ')[4] === '127.0.0.1')
    .join('\r\n');
}

/**
 * The video lines of an offer on which the client wants to receive a remote stream, with the
 * stream id from SUBSCRIBE's `receive_stream_ids`. The SDK lists the camera line first (entry 0),
 * then one entry per other video transceiver in creation order, 0 for a stopped one; transceivers
 * get increasing mids, so the open receive-only lines sorted by mid line up with the non-zero
 * entries.
 *
 * @example
 * ```ts
 * receiveLines(offer, [0, 101]); // [{ mid: '2', streamId: 101 }]
 * ```
 */
export function receiveLines(
  offer: string,
  receiveStreamIds: readonly number[],
): { mid: string; streamId: number }[] {
  const wanted = receiveStreamIds.slice(1).filter((id) => id > 0);
  const lines = parseSdp(offer)
    .sections.filter(
      (section) =>
        section.kind === 'video' &&
        section.port !== 0 &&
        section.direction === 'recvonly' &&
        section.mid !== undefined,
    )
    .map((section) => section.mid!)
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  return lines.flatMap((mid, index) => {
    const streamId = wanted[index];
    return streamId === undefined ? [] : [{ mid, streamId }];
  });
}

/**
 * The msid stream label of the remote track sent on a receive line: the Chime service convention
 * the SDK relies on (`'v_' + mid`), unique per subscription.
 *
 * @example
 * ```ts
 * trackLabelForMid('3'); // 'v_3'
 * ```
 */
export function trackLabelForMid(mid: string): string {
  return `v_${mid}`;
}

/**
 * Makes a werift answer acceptable to Chromium for this offer:
 * - the offer's `a=group:BUNDLE` line replaces the answer's;
 * - a section the offer kept open never answers port 0, and its direction is the offer's
 *   complement (an `inactive` camera line stays `inactive`, so Chromium does not stop it);
 * - each labelled section gets `a=msid:<label> <label>` and no other msid/ssrc-msid lines;
 * - only 127.0.0.1 candidates remain.
 *
 * @example
 * ```ts
 * const answer = fixAnswer(offer, rawAnswer, new Map([['2', 'v_2']]));
 * ```
 */
export function fixAnswer(
  offer: string,
  answer: string,
  labels: ReadonlyMap<string, string>,
): string {
  const offered = parseSdp(offer);
  const parsed = parseSdp(keepLoopbackCandidates(answer));
  const bundle = offered.session.find((line) => line.startsWith('a=group:BUNDLE'));
  parsed.session = parsed.session.filter((line) => !line.startsWith('a=group:BUNDLE'));
  if (bundle !== undefined) {
    const msidSemantic = parsed.session.findIndex((line) => line.startsWith('a=msid-semantic'));
    parsed.session.splice(msidSemantic >= 0 ? msidSemantic : parsed.session.length, 0, bundle);
  }
  parsed.sections = parsed.sections.map((section, index) => {
    const offeredSection = offered.sections[index];
    let lines = section.lines;
    if (offeredSection && offeredSection.port !== 0 && section.port === 0) {
      lines = [lines[0]!.replace(/^(m=\w+) 0 /, '$1 9 '), ...lines.slice(1)];
    }
    const direction = answerDirection(offeredSection?.direction ?? 'inactive', section.direction);
    lines = lines.map((line) =>
      (DIRECTIONS as readonly string[]).includes(line.slice(2)) ? `a=${direction}` : line,
    );
    const label = section.mid === undefined ? undefined : labels.get(section.mid);
    if (label !== undefined) {
      lines = lines.filter(
        (line) => !line.startsWith('a=msid:') && !/^a=ssrc:\d+ msid:/.test(line),
      );
      lines.push(`a=msid:${label} ${label}`);
    }
    return { ...section, lines, direction };
  });
  return formatSdp(parsed);
}

function answerDirection(
  offered: SdpSection['direction'],
  answered: SdpSection['direction'],
): SdpSection['direction'] {
  switch (offered) {
    case 'inactive':
      return 'inactive';
    case 'recvonly':
      return answered === 'inactive' ? 'inactive' : 'sendonly';
    case 'sendonly':
      return answered === 'inactive' ? 'inactive' : 'recvonly';
    default:
      return answered;
  }
}
