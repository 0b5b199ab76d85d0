import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_MAX_BYTES, validateAttachment } from 'contact-kit/core';
import {
  attachmentContentType,
  fileExtension,
} from '../../../../src/core/chat/attachments/validateAttachment';

const MB = 1024 * 1024;

describe('validateAttachment', () => {
  it.each([
    ['report.pdf', 'application/pdf', 1000, null],
    ['photo.JPG', 'image/jpeg', 1000, null],
    ['data.csv', '', 1000, null],
    ['deck.pptx', '', 1000, null],
    ['sound.wav', 'audio/x-wav', 1000, null],
    ['notes.txt', 'text/plain', DEFAULT_ATTACHMENT_MAX_BYTES, null],
    ['notes.txt', 'text/plain', DEFAULT_ATTACHMENT_MAX_BYTES + 1, 'ATTACHMENT_TOO_LARGE'],
    ['empty.txt', 'text/plain', 0, 'ATTACHMENT_EMPTY'],
    ['run.exe', 'application/x-msdownload', 1000, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    ['clip.mp4', 'video/mp4', 1000, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    ['noextension', '', 1000, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    ['fake.pdf', 'application/x-msdownload', 1000, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    ['mystery.xyz', '', 1000, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
  ])('%s (%s, %d bytes) → %s', (name, type, size, code) => {
    expect(validateAttachment({ name, type, size })?.code ?? null).toBe(code);
  });

  it('follows a custom policy', () => {
    const policy = {
      allowedExtensions: ['.mp4'],
      allowedContentTypes: ['video/mp4'],
      maxBytes: 5 * MB,
    };
    expect(validateAttachment({ name: 'clip.mp4', type: '', size: MB }, policy)).toBeNull();
    expect(
      validateAttachment({ name: 'clip.mp4', type: 'video/mp4', size: 6 * MB }, policy)?.code,
    ).toBe('ATTACHMENT_TOO_LARGE');
    expect(
      validateAttachment({ name: 'a.pdf', type: 'application/pdf', size: MB }, policy)?.code,
    ).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(
      validateAttachment(
        { name: 'a.pdf', type: 'application/pdf', size: 10 * MB },
        { maxBytes: 20 },
      )?.code,
    ).toBe('ATTACHMENT_TOO_LARGE');
  });

  it('returns ChatErrors with a readable message', () => {
    const error = validateAttachment({ name: 'big.pdf', type: 'application/pdf', size: 30 * MB });
    expect(error?.name).toBe('ChatError');
    expect(error?.message).toBe('big.pdf is larger than 20 MB');
    expect(error?.retryable).toBe(false);
  });
});

describe('attachment helpers', () => {
  it.each([
    ['a.PDF', '.pdf'],
    ['archive.tar.gz', '.gz'],
    ['.bashrc', ''],
    ['trailing.', ''],
    ['none', ''],
  ])('fileExtension(%s) = %s', (name, extension) => {
    expect(fileExtension(name)).toBe(extension);
  });

  it('infers a missing MIME type from the extension and keeps a given one', () => {
    expect(attachmentContentType({ name: 'a.docx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(attachmentContentType({ name: 'a.png', type: 'Image/PNG' })).toBe('image/png');
    expect(attachmentContentType({ name: 'a.unknown', type: '' })).toBe('');
  });
});
