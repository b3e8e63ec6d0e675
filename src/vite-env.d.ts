/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string
  readonly VITE_API_KEY?: string
  readonly VITE_DEMO_LATENCY_MS?: string
  /** 'true' in builds for end-to-end tests and the bench: the demo exposes window.__demoBackend. */
  readonly VITE_DEMO_TEST_HOOKS?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
