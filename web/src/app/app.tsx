import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from 'tdesign-react';
import { I18nProvider, useI18n } from '../i18n';
import { AppLayout } from './layout';
import { queryClient } from './query-client';
import { homeFor, routesFor } from './routes';
import { SessionProvider, useSession } from './session';
import SignIn from './sign-in';

const NotFound = () => {
  const { t } = useI18n();
  return <p>{t('common.notFound')}</p>;
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
