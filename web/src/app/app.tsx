import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Route, RouterProvider, Routes, useLocation } from 'react-router';
import { Loading } from 'tdesign-react';
import { I18nProvider, useI18n } from '../i18n';
import { queryClient } from './query-client';
import { homeFor, routesFor } from './routes';
import { SessionProvider, useSession } from './session';
import SignIn, { type SignInState } from './sign-in';

// The frame (menu, header, the lists' table) loads after signing in: the sign-in page is the first page and stays small.
const AppLayout = lazy(() => import('./layout').then((m) => ({ default: m.AppLayout })));

const NotFound = () => {
  const { t } = useI18n();
  return <p>{t('common.notFound')}</p>;
};

const Guarded = () => {
  const { session, ready, ended } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (!ready) return <Loading loading fullscreen text={t('common.loading')} />;
  if (!session) {
    // the page asked for is kept, so signing in returns to it; an ended session says why it ended
    const state: SignInState = { from: `${location.pathname}${location.search}${location.hash}`, ...(ended ? { ended } : {}) };
    return <Navigate to="/signin" replace state={state} />;
  }
  const allowed = routesFor(session.roles);
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
