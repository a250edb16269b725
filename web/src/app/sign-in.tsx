import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Card, Form, Input, Link } from 'tdesign-react';
import { Button } from './button';
import { useI18n, type MessageKey } from '../i18n';
import { Field } from './field';
import { LanguageSwitch } from './language-switch';
import { homeFor } from './routes';
import { useSession, type SessionEnd } from './session';

/** What the guard passes to the sign-in page: the page asked for, and why the session ended if it did. */
export interface SignInState {
  from?: string;
  ended?: SessionEnd;
}

const stateOf = (s: unknown): SignInState => (typeof s === 'object' && s !== null ? (s as SignInState) : {});

/** The user pool's refusals (Amplify's error names) in the console's words; anything else by a generic text. */
const REFUSALS: Record<string, MessageKey> = {
  NotAuthorizedException: 'auth.wrongPassword',
  UserNotFoundException: 'auth.wrongPassword',
  // cognito-local's answer to a wrong password
  InvalidPasswordException: 'auth.wrongPassword',
  UserNotConfirmedException: 'auth.notConfirmed',
  PasswordResetRequiredException: 'auth.resetRequired',
  TooManyRequestsException: 'auth.tooMany',
  LimitExceededException: 'auth.tooMany',
  NetworkError: 'auth.network',
};

export const signInRefusal = (err: unknown): MessageKey => {
  const name = err instanceof Error ? err.name : '';
  if (REFUSALS[name]) return REFUSALS[name];
  if (err instanceof TypeError || /network|fetch/i.test(err instanceof Error ? err.message : '')) return 'auth.network';
  return 'auth.unknown';
};

/** 登录: email and password against the user pool (USER_PASSWORD_AUTH); back to the page asked for. */
export default function SignIn() {
  const { t } = useI18n();
  const { signIn, ended } = useSession();
  const navigate = useNavigate();
  const { from } = stateOf(useLocation().state);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageKey>();
  const [pending, setPending] = useState(false);
  const submit = async () => {
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      const s = await signIn(email.trim(), password);
      if (!s || s.roles.length === 0) setError('auth.noRole');
      else navigate(from && from !== '/' && !from.startsWith('/signin') ? from : homeFor(s.roles), { replace: true });
    } catch (err) {
      setError(signInRefusal(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <main className="signin-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card bordered style={{ width: 'min(400px, 92vw)' }}>
        <h1 className="signin-title">{t('auth.welcome')}</h1>
        <p className="signin-hint">{t('auth.hint')}</p>
        {ended && !error && (
          <div role="status" style={{ marginBottom: 16 }}>
            <Alert theme="warning" message={t('auth.expired')} />
          </div>
        )}
        <Form labelAlign="top" onSubmit={() => void submit()} preventSubmitDefault>
          <Field label={t('auth.email')}>
            <Input value={email} onChange={(v) => setEmail(String(v))} autocomplete="username" type="text" name="email" />
          </Field>
          <Field label={t('auth.password')}>
            <Input value={password} onChange={(v) => setPassword(String(v))} type="password" autocomplete="current-password" name="password" />
          </Field>
          {error && (
            <div role="alert" style={{ marginBottom: 16 }}>
              <Alert theme="error" title={t('auth.failed')} message={t(error)} />
            </div>
          )}
          <Button type="submit" block loading={pending} disabled={pending || !email || !password}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <p className="signin-switch">
          {t('register.noAccount')}{' '}
          <Link
            theme="primary"
            href="/register"
            onClick={(e) => {
              e.preventDefault();
              navigate('/register', { state: from ? { from } : undefined });
            }}
          >
            {t('register.link')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
