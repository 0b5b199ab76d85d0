import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The peer ranges say what works. Their floors are facts about the peers, and the versions the
// tests run on must sit inside them.

const manifest = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as {
    version: string;
    peerDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
const peers = manifest('package.json').peerDependencies ?? {};
const installed = (name: string, root = 'node_modules') =>
  manifest(`${root}/${name}/package.json`).version;
const floor = (name: string) => semver.minVersion(peers[name]!)!.version;

describe('peer ranges', () => {
  it('admit every version the tests run on', () => {
    for (const name of Object.keys(peers)) {
      expect(semver.satisfies(installed(name), peers[name]!), `${name}@${installed(name)}`).toBe(
        true,
      );
    }
  });

  it('start React at the version the React 18 tier runs on, so the floor itself is tested', () => {
    // What test/react18 pins (npm run test:react18 installs exactly that).
    const tier = manifest('test/react18/package.json').dependencies ?? {};
    for (const name of ['react', 'react-dom']) {
      expect(tier[name]).toBe(floor(name));
    }
  });

  it('start styled-components where StyleSheetManager takes the CSP nonce (6.4.0)', () => {
    // 6.3.12's StyleSheetManager has no nonce prop: the kit's `nonce` would be ignored.
    expect(floor('styled-components')).toBe('6.4.0');
    const types = readFileSync(
      new URL(
        '../../node_modules/styled-components/dist/models/StyleSheetManager.d.ts',
        import.meta.url,
      ),
      'utf8',
    );
    expect(types).toMatch(/\bnonce\?:/);
  });

  it('start the Chime component library at 3.12.0, its first release for React 19 (and styled-components 6)', () => {
    const library = manifest(
      'node_modules/amazon-chime-sdk-component-library-react/package.json',
    ).peerDependencies!;
    expect(floor('amazon-chime-sdk-component-library-react')).toBe('3.12.0');
    expect(semver.satisfies('19.0.0', library.react!)).toBe(true);
    expect(semver.satisfies('6.4.0', library['styled-components']!)).toBe(true);
    // Its own floor for the SDK is ours.
    expect(semver.minVersion(library['amazon-chime-sdk-js']!)!.version).toBe(
      floor('amazon-chime-sdk-js'),
    );
  });
});
