import { describe, expect, it } from 'vitest';
import {
  fixAnswer,
  keepLoopbackCandidates,
  parseSdp,
  receiveLines,
} from '../../../src/emulator/chime/sdp';

const section = (kind: string, mid: string, direction: string, port = 9): string[] => [
  `m=${kind} ${port} UDP/TLS/RTP/SAVPF 96`,
  `a=mid:${mid}`,
  `a=${direction}`,
];

const sdp = (...sections: string[][]): string =>
  `${['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', ...sections.flat()].join('\r\n')}\r\n`;

describe('receiveLines', () => {
  it('pairs the open receive-only video lines, by mid order, with the non-zero stream ids', () => {
    const offer = sdp(
      section('audio', '0', 'sendrecv'),
      section('video', '1', 'sendrecv'),
      section('video', '10', 'recvonly'),
      section('video', '2', 'recvonly', 0),
      section('video', '3', 'recvonly'),
    );
    // Entry 0 is the camera, 0 entries are stopped transceivers (their lines have port 0).
    expect(receiveLines(offer, [0, 0, 101, 205])).toEqual([
      { mid: '3', streamId: 101 },
      { mid: '10', streamId: 205 },
    ]);
    expect(receiveLines(offer, [0])).toEqual([]);
  });
});

describe('fixAnswer', () => {
  it("copies the offer's BUNDLE group, keeps open lines open and labels receive lines", () => {
    const offer = sdp(
      ['a=group:BUNDLE 0 1 2'],
      section('audio', '0', 'sendrecv'),
      section('video', '1', 'inactive'),
      section('video', '2', 'recvonly'),
    );
    const raw = [
      'v=0',
      'o=- 3 4 IN IP4 0.0.0.0',
      's=-',
      't=0 0',
      'a=group:BUNDLE 0 2',
      'a=msid-semantic:WMS *',
      ...section('audio', '0', 'sendrecv'),
      'a=candidate:1 1 udp 2 127.0.0.1 5000 typ host',
      'a=candidate:2 1 udp 2 192.0.2.2 5000 typ host',
      ...section('video', '1', 'sendonly', 0),
      ...section('video', '2', 'sendonly'),
      'a=msid:werift track',
      'a=ssrc:77 msid:werift track',
      'a=ssrc:77 cname:x',
    ].join('\r\n');
    const fixed = fixAnswer(offer, raw, new Map([['2', 'v_2']]));
    const parsed = parseSdp(fixed);
    expect(parsed.session.filter((line) => line.startsWith('a=group'))).toEqual([
      'a=group:BUNDLE 0 1 2',
    ]);
    expect(parsed.sections.map((entry) => [entry.mid, entry.port, entry.direction])).toEqual([
      ['0', 9, 'sendrecv'],
      ['1', 9, 'inactive'],
      ['2', 9, 'sendonly'],
    ]);
    expect(parsed.sections[2]!.lines).toEqual([
      'm=video 9 UDP/TLS/RTP/SAVPF 96',
      'a=mid:2',
      'a=sendonly',
      'a=ssrc:77 cname:x',
      'a=msid:v_2 v_2',
    ]);
    expect(fixed).not.toContain('192.0.2.2');
    expect(fixed).toContain('127.0.0.1 5000');
  });
});

describe('keepLoopbackCandidates', () => {
  it('drops candidates on other addresses and mDNS names', () => {
    const offer = [
      'a=candidate:1 1 udp 2 127.0.0.1 5000 typ host',
      'a=candidate:2 1 udp 2 abcd.local 5001 typ host',
      'a=candidate:3 1 udp 2 10.0.0.5 5002 typ host',
      'a=mid:0',
    ].join('\r\n');
    expect(keepLoopbackCandidates(offer)).toBe(
      'a=candidate:1 1 udp 2 127.0.0.1 5000 typ host\r\na=mid:0',
    );
  });
});
