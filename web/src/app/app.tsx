import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, matchPath, Navigate, Route, RouterProvider, Routes, useLocation } from 'react-router';
import { Loading } from 'tdesign-react';
import { I18nProvider, useI18n } from '../i18n';
import { useMemberRole } from './member-roles';
import { queryClient } from './query-client';
import { homeFor, routes, routesFor } from './routes';
import { SessionProvider, useSession } from './session';
import SignIn, { type SignInState } from './sign-in';

// The frame (menu, header, the lists' table) loads after signing in: the sign-in page is the first page and stays small.
const AppLayout = lazy(() => import('./layout').then((m) => ({ default: m.AppLayout })));

// 注册 and the invitation link open signed out too: pages of their own, outside the frame
const Register = lazy(() => import('../people/register'));
const Invitation = lazy(() => import('../members/invitation'));

// a chunk of its own: the first page (sign-in) stays within its budget
const ResultPage = lazy(() => import('./result-page').then((m) => ({ default: m.ResultPage })));

/** 404, or 403 for a page of the console that the user's roles do not open. */
const NotFound = () => {
  const { pathname } = useLocation();
  const known = routes.some((r) => matchPath(r.path, pathname));
  return <ResultPage kind={known ? 'forbidden' : 'notFound'} />;
};

const Guarded = () => {
  const { session, ready, ended } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  const memberRole = useMemberRole();
  if (!ready) return <Loading loading fullscreen text={t('common.loading')} />;
  if (!session) {
    // the page asked for is kept, so signing in returns to it; an ended session says why it ended
    const state: SignInState = { from: `${location.pathname}${location.search}${location.hash}`, ...(ended ? { ended } : {}) };
    return <Navigate to="/signin" replace state={state} />;
  }
  const allowed = routesFor(session.roles, memberRole);
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={homeFor(session.roles)} replace />} />
        {allowed.map(({ path, Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
};

/**
 * A data router (not `<BrowserRouter>`): it is what lets a page block navigation, so the product form
 * can ask before Back discards its changes (`useBlocker`).
 */
const router = createBrowserRouter([
  { path: '/signin', element: <SignIn /> },
  {
    path: '/register',
    element: (
      <Suspense fallback={null}>
        <Register />
      </Suspense>
    ),
  },
  {
    path: '/invitations/:token',
    element: (
      <Suspense fallback={null}>
        <Invitation />
      </Suspense>
    ),
  },
  {
    path: '/*',
    element: (
      <Suspense fallback={null}>
        <Guarded />
      </Suspense>
    ),
  },
]);

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  </QueryClientProvider>
);
