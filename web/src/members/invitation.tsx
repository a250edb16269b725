import { useLocation, useNavigate, useParams } from 'react-router';
import { Card, Loading, Space } from 'tdesign-react';
import { Button } from '../app/button';
import { LanguageSwitch } from '../app/language-switch';
import { ProblemAlert } from '../app/problem';
import { useSession } from '../app/session';
import type { SignInState } from '../app/sign-in';
import { useI18n } from '../i18n';
import { useAcceptInvitation } from './hooks';

/**
 * The invitation link (`/invitations/<token>`): signed in, 接受邀请 joins the organisation and opens its
 * console; signed out, 登录 or 注册 first and come back here. The API checks that the signed-in account
 * is the one invited.
 */
export default function InvitationPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { session, ready, refresh, signOut } = useSession();
  const accept = useAcceptInvitation(async ({ providerId }) => {
    if (session) localStorage.setItem(`console.organisation.${session.userId}`, providerId);
    await refresh();
    navigate('/provider/products', { replace: true });
  });
  const back: SignInState = { from: pathname };
  return (
    <main className="signin-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card bordered style={{ width: 'min(440px, 92vw)' }}>
        <h1 className="signin-title">{t('invitation.title')}</h1>
        {!ready ? (
          <Loading loading text={t('common.loading')} />
        ) : session ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <p className="signin-hint">{t('invitation.signedInAs', { email: session.email })}</p>
            {accept.error ? <ProblemAlert error={accept.error} /> : null}
            <Button block loading={accept.isPending} disabled={accept.isPending} onClick={() => accept.mutate(token)}>
              {t('invitation.accept')}
            </Button>
            <Button block variant="text" disabled={accept.isPending} onClick={() => void signOut().then(() => navigate('/signin', { state: back }))}>
              {t('invitation.otherAccount')}
            </Button>
          </Space>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <p className="signin-hint">{t('invitation.signInFirst')}</p>
            <Button block onClick={() => navigate('/signin', { state: back })}>
              {t('invitation.signIn')}
            </Button>
            <Button block variant="outline" onClick={() => navigate('/register', { state: back })}>
              {t('invitation.register')}
            </Button>
          </Space>
        )}
      </Card>
    </main>
  );
}
