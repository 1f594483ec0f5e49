import { create } from 'zustand';

/**
 * Where the user is, mirrored in the URL hash (#/case/<id>) so a reload or a printed link comes
 * back to the same screen. Hash routing: the app is loaded from file:// in Electron.
 */
export type Route =
  | { page: 'myCases' }
  | { page: 'intake'; caseId?: string }
  /** `eventId`: an event the page scrolls to and marks (an alert's evidence, issue 16 point 6) */
  | { page: 'case'; caseId: string; eventId?: string }
  | { page: 'print'; caseId: string; eventId: string }
  | { page: 'guide'; itemCode: string }
  | { page: 'review' }
  | { page: 'reports' }
  | { page: 'dashboard' }
  /** 办件统计日报表 on A4, for the days and the window the report showed */
  | { page: 'reportPrint'; from: string; to: string; windowId?: string }
  | { page: 'supervision' }
  | { page: 'alerts' }
  | { page: 'windowRatings' }
  | { page: 'admin' }
  /** 好差评, at the center's console (issue 17 part 2) */
  | { page: 'ratings' }
  | { page: 'settings' }
  | { page: 'conflicts' }
  /** a printer's test page, opened from the settings' printers card */
  | { page: 'printTest'; printer: string };

export function parseHash(hash: string): Route | null {
  let parts: string[];
  try {
    parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  } catch {
    return null; // a malformed link opens the first page instead of a blank window
  }
  switch (parts[0]) {
    case 'cases':
      return { page: 'myCases' };
    case 'intake':
      return parts[1] ? { page: 'intake', caseId: parts[1] } : { page: 'intake' };
    case 'case':
      if (!parts[1]) return null;
      return parts[2]
        ? { page: 'case', caseId: parts[1], eventId: parts[2] }
        : { page: 'case', caseId: parts[1] };
    case 'print':
      return parts[1] && parts[2] ? { page: 'print', caseId: parts[1], eventId: parts[2] } : null;
    case 'guide':
      return parts[1] ? { page: 'guide', itemCode: parts[1] } : null;
    case 'report-print':
      return parts[1] && parts[2]
        ? {
            page: 'reportPrint',
            from: parts[1],
            to: parts[2],
            ...(parts[3] ? { windowId: parts[3] } : {}),
          }
        : null;
    case 'print-test':
      return parts[1] ? { page: 'printTest', printer: parts[1] } : null;
    case 'review':
    case 'reports':
    case 'dashboard':
    case 'supervision':
    case 'alerts':
    case 'windowRatings':
    case 'admin':
    case 'ratings':
    case 'settings':
    case 'conflicts':
      return { page: parts[0] };
    default:
      return null;
  }
}

export function toHash(route: Route): string {
  switch (route.page) {
    case 'myCases':
      return '#/cases';
    case 'intake':
      return route.caseId ? `#/intake/${route.caseId}` : '#/intake';
    case 'case':
      return route.eventId ? `#/case/${route.caseId}/${route.eventId}` : `#/case/${route.caseId}`;
    case 'print':
      return `#/print/${route.caseId}/${route.eventId}`;
    case 'guide':
      return `#/guide/${encodeURIComponent(route.itemCode)}`;
    case 'reportPrint':
      return `#/report-print/${route.from}/${route.to}${route.windowId ? `/${encodeURIComponent(route.windowId)}` : ''}`;
    case 'printTest':
      return `#/print-test/${encodeURIComponent(route.printer)}`;
    default:
      return `#/${route.page}`;
  }
}

type RouteState = { route: Route | null; navigate: (route: Route) => void };

export const useRoute = create<RouteState>((set) => ({
  route: typeof location === 'undefined' ? null : parseHash(location.hash),
  navigate: (route) => {
    const hash = toHash(route);
    if (location.hash !== hash) history.pushState(null, '', hash);
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => useRoute.setState({ route: parseHash(location.hash) }));
}
