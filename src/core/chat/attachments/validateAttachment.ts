import { ChatError } from '../../protocol/errors';

/**
 * Which files may be sent. Amazon Connect instances can change both lists and the size limit
 * (UpdateAttachedFilesConfiguration), so pass your instance's values when they differ.
 *
 * @example
 * ```ts
 * const policy = { allowedExtensions: ['.pdf', '.png'], maxBytes: 5 * 1024 * 1024 };
 * const error = validateAttachment(file, policy); // ATTACHMENT_TYPE_NOT_ALLOWED for a .docx
 * createChatSession({ participantToken, region: 'us-east-1', attachmentPolicy: policy });
 * ```
 */
export interface AttachmentPolicy {
  /** Lower-case extensions with the dot. Defaults to {@link DEFAULT_ATTACHMENT_EXTENSIONS}. */
  allowedExtensions?: readonly string[];
  /** MIME types. Defaults to {@link DEFAULT_ATTACHMENT_CONTENT_TYPES}. */
  allowedContentTypes?: readonly string[];
  /** Largest file in bytes. Defaults to 20 MB (20,971,520). */
  maxBytes?: number;
}

/**
 * The MIME type of each extension Connect accepts by default (protocol §3.7, §6).
 *
 * @example
 * ```ts
 * ATTACHMENT_MIME_TYPES['.pdf']; // 'application/pdf'
 * ```
 */
export const ATTACHMENT_MIME_TYPES: Readonly<Record<string, string>> = {
  '.csv': 'text/csv',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.txt': 'text/plain',
  '.wav': 'audio/wav',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.heic': 'image/heic',
  '.mov': 'video/quicktime',
  '.mp4': 'video/mp4',
  '.rtf': 'application/rtf',
  '.jfif': 'image/jpeg',
};

/**
 * Connect's default attachment extensions.
 *
 * @example
 * ```ts
 * const accept = DEFAULT_ATTACHMENT_EXTENSIONS.join(','); // for <input type="file" accept>
 * ```
 */
export const DEFAULT_ATTACHMENT_EXTENSIONS: readonly string[] = [
  '.csv',
  '.doc',
  '.docx',
  '.jpeg',
  '.jpg',
  '.pdf',
  '.png',
  '.ppt',
  '.pptx',
  '.txt',
  '.wav',
  '.xls',
  '.xlsx',
];

/**
 * The MIME types of Connect's default attachment list (protocol §3.7), WAV's aliases included.
 *
 * @example
 * ```ts
 * DEFAULT_ATTACHMENT_CONTENT_TYPES.includes('image/png'); // true
 * ```
 */
export const DEFAULT_ATTACHMENT_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
  'audio/wav',
  'audio/x-wav',
  'audio/vnd.wave',
];

/**
 * The default size limit: 20 MB.
 *
 * @example
 * ```ts
 * if (file.size > DEFAULT_ATTACHMENT_MAX_BYTES) warn();
 * ```
 */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The lower-case extension of a file name with its dot (`'.pdf'`), or `''` when it has none.
 *
 * @example
 * ```ts
 * fileExtension('Report.PDF'); // '.pdf'
 * ```
 */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot).toLowerCase();
}

/**
 * The MIME type to send for a file: its own `type`, or the one its extension implies when the
 * browser gave none (browsers often report `''`, e.g. for `.csv` on Windows).
 *
 * @example
 * ```ts
 * attachmentContentType({ name: 'data.csv', type: '' }); // 'text/csv'
 * ```
 */
export function attachmentContentType(file: { name: string; type: string }): string {
  const declared = file.type.trim().toLowerCase();
  if (declared !== '') {
    return declared;
  }
  return ATTACHMENT_MIME_TYPES[fileExtension(file.name)] ?? '';
}

/**
 * Checks a file against an attachment policy before any upload: `null` when it may be sent, else
 * a {@link ChatError} with code `ATTACHMENT_EMPTY`, `ATTACHMENT_TYPE_NOT_ALLOWED` or
 * `ATTACHMENT_TOO_LARGE`. Both the extension and the MIME type (inferred from the extension when
 * missing) must be allowed.
 *
 * @example
 * ```ts
 * const error = validateAttachment(file); // a browser File fits { name, size, type }
 * if (error) showError(error.code);
 * ```
 */
export function validateAttachment(
  file: { name: string; size: number; type: string },
  policy: AttachmentPolicy = {},
): ChatError | null {
  const extensions = policy.allowedExtensions ?? DEFAULT_ATTACHMENT_EXTENSIONS;
  const contentTypes = policy.allowedContentTypes ?? DEFAULT_ATTACHMENT_CONTENT_TYPES;
  const maxBytes = policy.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  const extension = fileExtension(file.name);
  const contentType = attachmentContentType(file);
  const extensionAllowed = extensions.some((allowed) => allowed.toLowerCase() === extension);
  const typeAllowed = contentTypes.some((allowed) => allowed.toLowerCase() === contentType);
  if (!extensionAllowed || !typeAllowed) {
    return new ChatError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `Files of type ${extension || contentType || 'unknown'} cannot be sent`,
    );
  }
  if (file.size <= 0) {
    return new ChatError('ATTACHMENT_EMPTY', `${file.name} is empty`);
  }
  if (file.size > maxBytes) {
    return new ChatError(
      'ATTACHMENT_TOO_LARGE',
      `${file.name} is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`,
    );
  }
  return null;
}
