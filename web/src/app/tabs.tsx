import { useLayoutEffect, useRef, type ComponentProps } from 'react';
import { Tabs as TdTabs } from 'tdesign-react';

/**
 * TDesign's Tabs, reachable by keyboard and by assistive technology: its nav items are plain elements
 * without roles or focus, so the tab list, each tab's selected state and panel are named here, and Enter,
 * Space and the arrow keys move between tabs as the WAI-ARIA tabs pattern expects.
 */
export const Tabs = (props: ComponentProps<typeof TdTabs>) => {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const nav = root.querySelector<HTMLElement>('.t-tabs__nav-scroll, .t-tabs__nav');
    nav?.setAttribute('role', 'tablist');
    const items = [...root.querySelectorAll<HTMLElement>('.t-tabs__nav-item')];
    const panel = root.querySelector<HTMLElement>('.t-tabs__content');
    for (const item of items) {
      const active = item.classList.contains('t-is-active');
      item.setAttribute('role', 'tab');
      item.setAttribute('aria-selected', String(active));
      item.tabIndex = active ? 0 : -1;
    }
    panel?.setAttribute('role', 'tabpanel');
    const onKey = (event: KeyboardEvent) => {
      const at = event.target instanceof HTMLElement ? items.indexOf(event.target) : -1;
      if (at < 0) return;
      const next =
        event.key === 'ArrowRight' ? items[(at + 1) % items.length] : event.key === 'ArrowLeft' ? items[(at - 1 + items.length) % items.length] : null;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        items[at].click();
      } else if (next) {
        event.preventDefault();
        next.click();
        next.focus();
      }
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  });
  return (
    <div ref={ref}>
      <TdTabs {...props} />
    </div>
  );
};
Tabs.TabPanel = TdTabs.TabPanel;
