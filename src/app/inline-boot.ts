import { sendFromInlineScript } from '@/app/boot-requests'

/**
 * The page's inline script in real-server builds (vite.config.ts bundles it into index.html, allowed
 * by its hash in the Content-Security-Policy): sends the first screen's requests while the HTML is
 * still being read, before any script file has downloaded. The boot script (main.tsx) takes their
 * answers (boot-requests.ts), and the app adopts them as before (lib/early-requests.ts).
 */
sendFromInlineScript()
