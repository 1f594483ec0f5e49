// The page's CSP lives in node-shared: the center's console (part U of issue 16) serves the same
// renderer under the same policy.
export { contentSecurityPolicy, metaContentSecurityPolicy } from '../node-shared/http/csp';
