import { describe, expect, it } from 'vitest';
import { chooseLayout } from '../../src/prefabs/ChatWidget/chooseLayout';
import { sheetGeometry } from '../../src/prefabs/ChatWidget/sheetGeometry';
import { titleWithUnread } from '../../src/prefabs/ChatWidget/titleWithUnread';

describe('chooseLayout', () => {
  it('is a sheet under auto only where the phone query matches, and never inline', () => {
    expect(chooseLayout('auto', 'bottom-right', true)).toBe('sheet');
    expect(chooseLayout('auto', 'bottom-left', true)).toBe('sheet');
    expect(chooseLayout('auto', 'bottom-right', false)).toBe('floating');
    expect(chooseLayout('auto', 'inline', true)).toBe('floating');
  });

  it('follows an explicit choice whatever the device', () => {
    expect(chooseLayout('floating', 'bottom-right', true)).toBe('floating');
    expect(chooseLayout('sheet', 'bottom-right', false)).toBe('sheet');
    expect(chooseLayout('sheet', 'inline', false)).toBe('sheet');
  });
});

describe('sheetGeometry', () => {
  it('leaves the sheet to 100dvh while the whole viewport shows', () => {
    expect(sheetGeometry({ height: 844, offsetTop: 0, scale: 1 }, 844)).toBeUndefined();
    expect(sheetGeometry({ height: 843.6, offsetTop: 0, scale: 1 }, 844)).toBeUndefined();
  });

  it('fits the sheet to the visible part above a keyboard, scrolled or not', () => {
    expect(sheetGeometry({ height: 544, offsetTop: 0, scale: 1 }, 844)).toEqual({
      top: 0,
      height: 544,
    });
    expect(sheetGeometry({ height: 500.4, offsetTop: 120.2, scale: 1 }, 844)).toEqual({
      top: 120,
      height: 500,
    });
  });

  it('does not follow a pinch zoom, which would undo it', () => {
    expect(sheetGeometry({ height: 422, offsetTop: 200, scale: 2 }, 844)).toBeUndefined();
  });
});

describe('titleWithUnread', () => {
  it('puts the count in front, capped at 99+, and nothing at zero', () => {
    expect(titleWithUnread('Northwind Coffee', 2)).toBe('(2) Northwind Coffee');
    expect(titleWithUnread('Northwind Coffee', 120)).toBe('(99+) Northwind Coffee');
    expect(titleWithUnread('Northwind Coffee', 0)).toBe('Northwind Coffee');
  });
});
