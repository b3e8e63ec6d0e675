/**
 * Text that a browser would run if the page ever put it into the DOM as HTML. The hostile
 * workspace (POST /__control/seed-hostile) stores these as ordinary data; the page must show
 * them as literal text. Each payload sets `window.__xss`, which the specs check stays undefined.
 */
export const HOSTILE = {
  /** Nickname of +1 415 555 0123 (Main Support Line in the normal seed). */
  scriptNickname: '<script>window.__xss=1</script>',
  /** Nickname of +1 415 555 0148 (Billing Line in the normal seed). */
  imgNickname: '<img src=x onerror="window.__xss=1">',
  /** Label of +1 415 555 0148. */
  svgLabel: '"><svg onload="window.__xss=1">',
  /** Name of agt_front_desk (inbound v3 of +1 415 555 0123). */
  imgAgentName: '<img src=x onerror="window.__xss=1">Front Desk',
  /** Name of agt_billing (both sides of +1 415 555 0148, v3). */
  scriptAgentName: 'Billing <script>window.__xss=1</script>',
  /** The workspace's name, shown in the header. */
  workspaceName: 'Acme <b onmouseover="window.__xss=1">Health</b>',
} as const
