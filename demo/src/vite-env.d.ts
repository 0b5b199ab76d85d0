/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the emulator the demo talks to. Defaults to `http://127.0.0.1:4010`. */
  readonly VITE_EMULATOR_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
