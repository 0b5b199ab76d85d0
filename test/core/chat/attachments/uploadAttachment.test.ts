import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createUploader } from '../../../../src/core/chat/attachments/uploadAttachment';

class FakeXhr {
  static last: FakeXhr | undefined;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  status = 0;
  upload: {
    onprogress:
      ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  body: Blob | undefined;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
}

const headers = {
  'Content-Type': 'text/plain',
  'Content-Length': '5',
  'x-amz-acl': 'bucket-owner-full-control',
};

describe('createUploader', () => {
  it('uses XMLHttpRequest with the given headers and reports progress', async () => {
    const progress: number[] = [];
    const upload = createUploader({ XMLHttpRequest: FakeXhr });
    const done = upload({
      url: 'http://s3/put',
      headers,
      body: new Blob(['hello']),
      onProgress: (f) => progress.push(f),
    });
    const xhr = FakeXhr.last!;
    expect([xhr.method, xhr.url]).toEqual(['PUT', 'http://s3/put']);
    expect(xhr.headers).toEqual({
      'Content-Type': 'text/plain',
      'x-amz-acl': 'bucket-owner-full-control',
    });
    xhr.upload.onprogress?.({ loaded: 2, total: 5, lengthComputable: true });
    xhr.status = 200;
    xhr.onload?.();
    await done;
    expect(progress).toEqual([0.4, 1]);
  });

  it('rejects with ATTACHMENT_UPLOAD_FAILED on a non-2xx answer', async () => {
    const upload = createUploader({ XMLHttpRequest: FakeXhr });
    const done = upload({ url: 'http://s3/put', headers, body: new Blob(['hello']) });
    FakeXhr.last!.status = 403;
    FakeXhr.last!.onload?.();
    await expect(done).rejects.toMatchObject({ code: 'ATTACHMENT_UPLOAD_FAILED' });
  });

  it.each([
    ['a refusal', (xhr: FakeXhr) => ((xhr.status = 403), xhr.onload?.())],
    ['a network error', (xhr: FakeXhr) => xhr.onerror?.()],
    ['an abort by the browser', (xhr: FakeXhr) => xhr.onabort?.()],
  ])('leaves no abort listener on the caller’s signal after %s', async (_, end) => {
    const upload = createUploader({ XMLHttpRequest: FakeXhr });
    const controller = new AbortController();
    const done = upload({
      url: 'http://s3/put',
      headers,
      body: new Blob(['hello']),
      signal: controller.signal,
    });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    end(FakeXhr.last!);
    await expect(done).rejects.toMatchObject({ code: 'ATTACHMENT_UPLOAD_FAILED' });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('falls back to fetch PUT without XMLHttpRequest and checks the status', async () => {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    let status = 200;
    const upload = createUploader({
      XMLHttpRequest: null,
      fetch: async (url, init) => {
        requests.push({ url: String(url), init: init! });
        return new Response(null, { status });
      },
    });
    await upload({ url: 'http://s3/put', headers, body: new Blob(['hello']) });
    expect(requests[0]!.init.method).toBe('PUT');
    expect(requests[0]!.init.headers).toEqual({
      'Content-Type': 'text/plain',
      'x-amz-acl': 'bucket-owner-full-control',
    });
    status = 500;
    await expect(
      upload({ url: 'http://s3/put', headers, body: new Blob(['x']) }),
    ).rejects.toMatchObject({
      code: 'ATTACHMENT_UPLOAD_FAILED',
    });
  });
});
