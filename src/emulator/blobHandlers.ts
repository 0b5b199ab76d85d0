import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { corsHeaders, readBody } from './http';
import { attachmentDisposition } from './participantHandlers';
import { ServiceError } from './serviceError';

function sendS3Error(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`;
  response.writeHead(status, {
    ...corsHeaders(),
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
  });
  response.end(body);
}

/**
 * `PUT /attachments/upload/{key}`: the local stand-in for the pre-signed S3 upload URL. Stores the
 * bytes; answers S3-style XML errors: 403 for an unknown/expired/used URL or a Content-Type other
 * than the one signed, 400 `EntityTooLarge` over the size limit. `Content-Length` need not be
 * echoed from HeadersToInclude (browsers cannot set it).
 *
 * @example
 * ```ts
 * await fetch(UploadMetadata.Url, { method: 'PUT', headers: UploadMetadata.HeadersToInclude, body: file });
 * ```
 */
export async function handleUpload(
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  key: string,
  requestId: string,
): Promise<void> {
  const record = ctx.store.attachmentForUploadKey(key);
  if (!record || record.status === 'completed') {
    sendS3Error(response, 403, 'AccessDenied', 'Access Denied', requestId);
    return;
  }
  if (ctx.clock.now() > record.uploadExpiresAt) {
    sendS3Error(response, 403, 'AccessDenied', 'Request has expired', requestId);
    return;
  }
  const sentType = request.headers['content-type'];
  if (sentType !== undefined && mediaType(sentType) !== mediaType(record.contentType)) {
    sendS3Error(
      response,
      403,
      'SignatureDoesNotMatch',
      'The Content-Type does not match the signed upload.',
      requestId,
    );
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(request, ctx.limits.maxAttachmentBytes);
  } catch (error) {
    if (error instanceof ServiceError) {
      response.setHeader('Connection', 'close');
      sendS3Error(
        response,
        400,
        'EntityTooLarge',
        'Your proposed upload exceeds the maximum allowed size',
        requestId,
      );
      return;
    }
    throw error;
  }
  record.bytes = bytes;
  record.status = 'uploaded';
  response.writeHead(200, {
    ...corsHeaders(),
    ETag: `"${createHash('md5').update(bytes).digest('hex')}"`,
    'Content-Length': '0',
    'x-amz-request-id': requestId,
  });
  response.end();
}

function mediaType(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * `GET|HEAD /attachments/download/{key}`: the local stand-in for GetAttachment's pre-signed URL,
 * with the file's Content-Type and Content-Disposition; 403 XML once the URL expired.
 *
 * @example
 * ```ts
 * const blob = await (await fetch(Url)).blob();
 * ```
 */
export function handleDownload(
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  key: string,
  requestId: string,
): void {
  const record = ctx.store.attachmentForDownloadKey(key);
  if (record === 'expired') {
    sendS3Error(response, 403, 'AccessDenied', 'Request has expired', requestId);
    return;
  }
  if (!record?.bytes || (record.scanStatus !== undefined && record.scanStatus !== 'APPROVED')) {
    sendS3Error(response, 403, 'AccessDenied', 'Access Denied', requestId);
    return;
  }
  response.writeHead(200, {
    ...corsHeaders(),
    'Content-Type': record.contentType,
    // As S3 can be told to: the browser takes the declared type, it never sniffs HTML out of a file.
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': attachmentDisposition(record.name),
    'Content-Length': record.bytes.length,
    ETag: `"${createHash('md5').update(record.bytes).digest('hex')}"`,
    'x-amz-request-id': requestId,
  });
  response.end(request.method === 'HEAD' ? undefined : record.bytes);
}
