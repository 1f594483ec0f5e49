// The page's CSP lives in node-shared: the center's console (part U of issue 16) serves the same
// renderer under the same policy.
export { contentSecurityPolicy, metaContentSecurityPolicy } from '../node-shared/http/csp';

/**
 * The one permission the window may have (issue 18): the document camera, video only, asked by
 * the app's own page. No microphone (nothing at the window is recorded), no other origin (a
 * page that slipped in could otherwise film the counter).
 */
export function cameraRequestAllowed(
  permission: string,
  details: { mediaTypes?: readonly string[]; requestingUrl?: string },
  appOrigin: string,
): boolean {
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  if (types.length === 0 || types.some((t) => t !== 'video')) return false;
  return originOf(details.requestingUrl) === appOrigin;
}

/** The same answer to a permission query (device labels in enumerateDevices ask this way). */
export function cameraCheckAllowed(
  permission: string,
  requestingOrigin: string,
  details: { mediaType?: string },
  appOrigin: string,
): boolean {
  return (
    permission === 'media' &&
    details.mediaType === 'video' &&
    originOf(requestingOrigin) === appOrigin
  );
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    // app:// is registered as standard: its origin is scheme://host, like http's
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}
