import { Suspense, useLayoutEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Badge, Layout, Loading, Menu, Space } from 'tdesign-react';
import { Button } from './button';
import { LogoutIcon, NotificationIcon } from 'tdesign-icons-react';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './language-switch';
import { LiveIndicator } from './live';
import type { Role } from './auth';
import { useMemberRole } from './member-roles';
import { OrganisationSwitch } from './organisation-switch';
import { memberOpens, ROLE_ORDER, routesByRole, sharedMenu, type AppRoute } from './routes';
import { useSession } from './session';
import { useNarrow } from './use-narrow';
import { useUnreadCount } from '../inbox/hooks';

const ROLE_TITLE = { provider: 'app.provider', buyer: 'app.buyer', operator: 'app.operator' } as const;

/** The frame: header (title, language, unread badge, user, sign-out), role-aware menu, the page. */
export const AppLayout = () => {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useNarrow();
  const roles = ROLE_ORDER.filter((r) => session?.roles.includes(r));
  const unread = useUnreadCount(Boolean(session));
  const memberRole = useMemberRole();
  const menuOf = (role: Role) => routesByRole[role].filter((r) => r.menu && (role !== 'provider' || memberOpens(r, memberRole)));
  const several = (session?.organisations.length ?? 0) > 1;
  const active = [...roles.flatMap((r) => menuOf(r)), ...sharedMenu.filter((r) => r.roles.some((x) => roles.includes(x)))]
    .filter((r) => r.menu)
    .map((r) => r.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  const item = (r: AppRoute) => (
    <Menu.MenuItem
      key={r.path}
      value={r.path}
      icon={r.menu!.icon}
      href={r.path}
      onClick={({ e }) => {
        // a real link (open in a new tab works); a plain click stays in the single-page app
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(r.path);
      }}
    >
      {t(r.menu!.label)}
    </Menu.MenuItem>
  );
  const groups = menuOf;
  const nav = useRef<HTMLElement>(null);
  // TDesign's menu groups are <div>s inside the menu's <ul>: for assistive technology each group becomes a
  // list named by its title, and the items outside any group stand as plain links
  useLayoutEffect(() => {
    const menu = nav.current?.querySelector('ul.t-menu');
    if (!menu) return;
    const grouped = menu.querySelector(':scope > .t-menu-group') !== null;
    if (grouped) menu.setAttribute('role', 'none');
    else menu.removeAttribute('role');
    for (const group of menu.querySelectorAll<HTMLElement>(':scope > .t-menu-group')) {
      const title = group.querySelector(':scope > .t-menu-group__title');
      group.setAttribute('role', 'list');
      group.setAttribute('aria-label', title?.textContent ?? '');
      title?.setAttribute('aria-hidden', 'true');
    }
    for (const li of menu.querySelectorAll(':scope > li')) {
      if (grouped) li.setAttribute('role', 'none');
      else li.removeAttribute('role');
    }
  });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header>
        <div className="console-header">
          {narrow && several ? (
            <strong className="sr-only">{t('app.title')}</strong>
          ) : (
            <strong className="console-title">{roles.length === 1 ? t(ROLE_TITLE[roles[0]]) : t('app.title')}</strong>
          )}
          <Space align="center" size={narrow ? 4 : 12}>
            <OrganisationSwitch narrow={narrow} />
            <LiveIndicator />
            <LanguageSwitch />
            <Badge count={unread.data ?? 0} maxCount={99} offset={[6, 6]}>
              <Button
                variant="text"
                shape="square"
                aria-label={`${t('nav.inbox')}${unread.data ? ` (${t('common.unread')} ${unread.data})` : ''}`}
                icon={<NotificationIcon />}
                onClick={() => navigate('/inbox')}
              />
            </Badge>
            {!narrow && (
              <a
                className="console-user"
                href="/settings"
                title={t('nav.settings')}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                  e.preventDefault();
                  navigate('/settings');
                }}
              >
                {session?.displayName || session?.email}
              </a>
            )}
            <Button variant="outline" icon={<LogoutIcon />} onClick={() => signOut().then(() => navigate('/signin'))}>
              {narrow ? undefined : t('auth.signOut')}
              {narrow && <span className="sr-only">{t('auth.signOut')}</span>}
            </Button>
          </Space>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Aside width={narrow ? '64px' : '220px'}>
          <nav aria-label={t('nav.menu')} ref={nav}>
            <Menu value={active} collapsed={narrow} width={['220px', '64px']} style={{ height: '100%' }}>
              {roles.length > 1
                ? roles.map((role) =>
                    groups(role).length > 0 ? (
                      <Menu.MenuGroup key={role} title={t(ROLE_TITLE[role])}>
                        {groups(role).map(item)}
                      </Menu.MenuGroup>
                    ) : null,
                  )
                : roles.flatMap((role) => groups(role).map(item))}
              {sharedMenu.filter((r) => r.roles.some((x) => roles.includes(x))).map(item)}
            </Menu>
          </nav>
        </Layout.Aside>
        <Layout.Content>
          <div className="console-main">
            <Suspense fallback={<Loading loading text={t('common.loading')} />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
