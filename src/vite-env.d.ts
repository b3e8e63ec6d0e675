/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string
  readonly VITE_API_KEY?: string
  readonly VITE_DEMO_LATENCY_MS?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
