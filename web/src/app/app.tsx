import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from 'tdesign-react';
import { I18nProvider, useI18n } from '../i18n';
import { AppLayout } from './layout';
import { queryClient } from './query-client';
import { homeFor, routes, routesFor } from './routes';
import { SessionProvider, useSession } from './session';
import SignIn from './sign-in';

// a chunk of its own: the first page (sign-in) stays within its budget
const ResultPage = lazy(() => import('./result-page').then((m) => ({ default: m.ResultPage })));

/** 404, or 403 for a page of the console that the user's roles do not open. */
const NotFound = () => {
  const { pathname } = useLocation();
  const known = routes.some((r) => matchPath(r.path, pathname));
  return <ResultPage kind={known ? 'forbidden' : 'notFound'} />;
};

const Guarded = () => {
  const { session, ready } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (!ready) return <Loading loading fullscreen text={t('common.loading')} />;
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
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

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Suspense fallback={null}>
            <Routes>
              <Route path="/signin" element={<SignIn />} />
              <Route path="/*" element={<Guarded />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  </QueryClientProvider>
);
