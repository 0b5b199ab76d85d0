/** Headless, sandbox-free and quiet Chromium flags (see chromium.mjs). */
export declare const CHROMIUM_FLAGS: readonly string[];
/** Fake media devices and loopback WebRTC flags (see chromium.mjs). */
export declare const MEDIA_FLAGS: readonly string[];
/** The Chromium binary: `CHROMIUM_PATH`, else `/usr/bin/chromium`; throws if missing. */
export declare function chromiumPath(): string;
