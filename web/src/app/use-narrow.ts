import { useEffect, useState } from 'react';

/** The console's one breakpoint (a phone, a narrow window): menus collapse, descriptions stack. */
export const NARROW = '(max-width: 760px)';

export const useNarrow = () => {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const m = window.matchMedia(NARROW);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
};
