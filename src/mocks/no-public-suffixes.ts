/**
 * Stands in for `tldts` (vite.config.ts aliases it here). msw keeps mocked cookies with tough-cookie,
 * which asks tldts for a domain's registrable part, and tldts carries the whole public suffix list:
 * 250 KB of script that every demo load would compile in the backend's worker. The
 * demo backend sets no cookies, so no domain is ever asked about in earnest: none is resolved, and
 * tough-cookie then stores no cookie.
 */
export function getDomain(): null {
  return null
}
