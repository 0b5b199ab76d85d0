import { describe, expect, it } from 'vitest';
import { SignalingCodec, loadSignalingProtocol } from '../../../src/emulator/chime/signalingCodec';

describe('SignalingCodec', () => {
  it("round-trips frames through the SDK's own protobuf classes with the 0x05 prefix", async () => {
    const proto = await loadSignalingProtocol();
    const codec = new SignalingCodec(proto, () => 1_700_000_000_000);
    const bytes = codec.encode({
      type: codec.types.SUBSCRIBE_ACK,
      suback: {
        duplex: proto.SdkStreamServiceType.DUPLEX,
        sdpAnswer: 'v=0\r\n',
        tracks: [{ streamId: 101, ssrc: 42, trackLabel: 'v_2' }],
        allocations: [{ streamId: 100, groupId: 1, trackLabel: 'AmazonChimeExpressVideo' }],
      },
    });
    expect(bytes[0]).toBe(0x05);
    // What the SDK's DefaultSignalingClient does with a received message: strip, then decode.
    const viaSdk = proto.SdkSignalFrame.decode(bytes.subarray(1));
    expect(viaSdk.type).toBe(proto.SdkSignalFrame.Type.SUBSCRIBE_ACK);
    expect(Number(viaSdk.timestampMs)).toBe(1_700_000_000_000);
    expect(viaSdk.suback?.tracks?.[0]).toEqual(
      expect.objectContaining({ streamId: 101, ssrc: 42, trackLabel: 'v_2' }),
    );
    expect(codec.decode(bytes).suback?.sdpAnswer).toBe('v=0\r\n');
  });

  it('decodes what the SDK encodes, with either frame prefix', async () => {
    const proto = await loadSignalingProtocol();
    const codec = new SignalingCodec(proto, () => 0);
    const body = proto.SdkSignalFrame.encode(
      proto.SdkSignalFrame.create({
        timestampMs: 5,
        type: proto.SdkSignalFrame.Type.PING_PONG,
        pingPong: { type: proto.SdkPingPongType.PING, pingId: 9 },
      }),
    ).finish();
    for (const prefix of [0x05, 0x02]) {
      const frame = codec.decode(Uint8Array.from([prefix, ...body]));
      expect(frame.pingPong).toEqual(expect.objectContaining({ type: 1, pingId: 9 }));
    }
    expect(() => codec.decode(Uint8Array.from([0x07, ...body]))).toThrow(/not a signaling frame/);
    expect(() => codec.decode(new Uint8Array())).toThrow(/not a signaling frame/);
  });
});
