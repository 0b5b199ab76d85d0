import { describe, expect, it } from 'vitest';
import { classifyMediaError } from 'contact-kit/video';

const domError = (name: string, message = '') => new DOMException(message, name);
/** Old Chrome and Firefox shapes: a plain object or Error with only `name` and `message`. */
const plain = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('classifyMediaError', () => {
  it.each([
    [
      'NotAllowedError (the customer or a site setting)',
      domError('NotAllowedError', 'Permission denied'),
      'denied',
    ],
    ['PermissionDeniedError (legacy)', plain('PermissionDeniedError'), 'denied'],
    [
      'NotAllowedError "Permission denied by system" (OS block)',
      domError('NotAllowedError', 'Permission denied by system'),
      'system-denied',
    ],
    ['NotFoundError', domError('NotFoundError', 'Requested device not found'), 'not-found'],
    ['DevicesNotFoundError (legacy)', plain('DevicesNotFoundError'), 'not-found'],
    [
      'NotReadableError (device busy)',
      domError('NotReadableError', 'Could not start video source'),
      'in-use',
    ],
    ['TrackStartError (legacy busy)', plain('TrackStartError'), 'in-use'],
    ['OverconstrainedError', plain('OverconstrainedError', 'deviceId'), 'overconstrained'],
    [
      'ConstraintNotSatisfiedError (legacy)',
      plain('ConstraintNotSatisfiedError'),
      'overconstrained',
    ],
    ['SecurityError', domError('SecurityError', 'insecure'), 'insecure'],
    [
      'a TypeError for missing navigator.mediaDevices',
      new TypeError("Cannot read properties of undefined (reading 'getUserMedia')"),
      'insecure',
    ],
    ['AbortError', domError('AbortError'), 'aborted'],
    ['any other error', new Error('boom'), 'unknown'],
    ['a string', 'boom', 'unknown'],
    ['undefined', undefined, 'unknown'],
  ])('%s → %s', (_name, error, cause) => {
    expect(classifyMediaError(error).cause).toBe(cause);
  });

  it('gives each cause a title and a fix hint from the catalog, and says whether retrying helps', () => {
    const denied = classifyMediaError(domError('NotAllowedError'));
    expect(denied).toMatchObject({
      errorName: 'NotAllowedError',
      titleKey: 'permissionDeniedTitle',
      hintKey: 'permissionDeniedHint',
      retryable: false,
    });
    const system = classifyMediaError(domError('NotAllowedError', 'Permission denied by system'));
    expect(system.hintKey).toBe('permissionSystemDeniedHint');
    const busy = classifyMediaError(domError('NotReadableError'));
    expect(busy).toMatchObject({ hintKey: 'permissionInUseHint', retryable: true });
    expect(classifyMediaError(domError('NotFoundError')).hintKey).toBe('permissionNotFoundHint');
    expect(classifyMediaError(plain('OverconstrainedError')).hintKey).toBe(
      'permissionOverconstrainedHint',
    );
    expect(classifyMediaError(domError('SecurityError')).hintKey).toBe('permissionInsecureHint');
  });
});
