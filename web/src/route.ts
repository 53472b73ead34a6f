import { useEffect, useState } from 'react';

/** Where the app is: `#/<page>/<id>`, so a printed QR code or a bookmark opens the same page. */
export interface Route {
  page: string;
  id?: string;
}

export function parseRoute(hash: string): Route {
  const [page = '', id] = hash.replace(/^#\/?/, '').split('/');
  return { page, id: id ? decodeURIComponent(id) : undefined };
}

export const go = (page: string, id?: string) => {
  window.location.hash = `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}`;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}
