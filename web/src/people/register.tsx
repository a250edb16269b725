import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Card, Form, Input, Link, Space } from 'tdesign-react';
import { confirmSignUp, resendCode, signUp } from '../app/auth';
import { Button } from '../app/button';
import { Field } from '../app/field';
import { LanguageSwitch } from '../app/language-switch';
import { homeFor } from '../app/routes';
import { useSession } from '../app/session';
import { signInRefusal, type SignInState } from '../app/sign-in';
import { useI18n, type MessageKey } from '../i18n';
import { saveDisplayName } from './hooks';

/** The user pool's refusals of a sign-up or a code (Amplify's error names) in the console's words. */
const REFUSALS: Record<string, MessageKey> = {
  UsernameExistsException: 'register.exists',
  InvalidPasswordException: 'register.weakPassword',
  InvalidParameterException: 'register.invalid',
  CodeMismatchException: 'register.wrongCode',
  ExpiredCodeException: 'register.expiredCode',
  TooManyRequestsException: 'auth.tooMany',
  LimitExceededException: 'auth.tooMany',
  TooManyFailedAttemptsException: 'auth.tooMany',
  NotAuthorizedException: 'register.alreadyConfirmed',
};

const refusal = (err: unknown): MessageKey => {
  const name = err instanceof Error ? err.name : '';
  return REFUSALS[name] ?? signInRefusal(err);
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * 注册: email, password and display name; the user pool emails a code that confirms the address; then
 * the new account signs in (a buyer), its display name is saved, and it goes where it was going (an
 * invitation link) or home.
 */
export default function Register() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { signIn, refresh } = useSession();
  const state = (useLocation().state ?? {}) as SignInState;
  const [step, setStep] = useState<'form' | 'code'>('form');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<MessageKey>();
  const [notice, setNotice] = useState<MessageKey>();
  const [pending, setPending] = useState(false);
  const name = displayName.trim();
  const nameError = name.length > 30 ? t('register.nameTooLong') : undefined;
  const emailError = email && !EMAIL.test(email.trim()) ? t('register.badEmail') : undefined;

  const run = async (work: () => Promise<void>) => {
    if (pending) return;
    setPending(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
    } catch (err) {
      setError(refusal(err));
    } finally {
      setPending(false);
    }
  };

  const submit = () =>
    run(async () => {
      const out = await signUp(email.trim(), password);
      if (out.confirmed) await finish();
      else setStep('code');
    });

  const finish = async () => {
    const s = await signIn(email.trim(), password);
    if (name) await saveDisplayName(name, lang).catch(() => undefined);
    const after = (await refresh()) ?? s;
    const from = state.from;
    navigate(from && from !== '/' && !from.startsWith('/signin') && !from.startsWith('/register') ? from : homeFor(after?.roles ?? []), { replace: true });
  };

  const confirm = () =>
    run(async () => {
      await confirmSignUp(email.trim(), code.trim());
      await finish();
    });

  return (
    <main className="signin-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card bordered style={{ width: 'min(420px, 92vw)' }}>
        <h1 className="signin-title">{t('register.title')}</h1>
        <p className="signin-hint">{step === 'form' ? t('register.hint') : t('register.codeSent', { email: email.trim() })}</p>
        {step === 'form' ? (
          <Form labelAlign="top" onSubmit={() => void submit()} preventSubmitDefault>
            <Field label={t('register.displayName')} error={nameError} help={t('register.displayNameHelp')}>
              <Input value={displayName} onChange={(v) => setDisplayName(String(v))} maxlength={30} autocomplete="nickname" name="displayName" />
            </Field>
            <Field label={t('auth.email')} error={emailError}>
              <Input value={email} onChange={(v) => setEmail(String(v))} autocomplete="email" type="text" name="email" />
            </Field>
            <Field label={t('auth.password')} help={t('register.passwordHelp')}>
              <Input value={password} onChange={(v) => setPassword(String(v))} type="password" autocomplete="new-password" name="password" />
            </Field>
            {error && (
              <div role="alert" style={{ marginBottom: 16 }}>
                <Alert theme="error" title={t('register.failed')} message={t(error)} />
              </div>
            )}
            <Button type="submit" block loading={pending} disabled={pending || !name || !email || !password || Boolean(nameError || emailError)}>
              {t('register.submit')}
            </Button>
          </Form>
        ) : (
          <Form labelAlign="top" onSubmit={() => void confirm()} preventSubmitDefault>
            <Field label={t('register.code')}>
              <Input value={code} onChange={(v) => setCode(String(v))} autocomplete="one-time-code" name="code" />
            </Field>
            {notice && (
              <div role="status" style={{ marginBottom: 16 }}>
                <Alert theme="success" message={t(notice)} />
              </div>
            )}
            {error && (
              <div role="alert" style={{ marginBottom: 16 }}>
                <Alert theme="error" title={t('register.failed')} message={t(error)} />
              </div>
            )}
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button type="submit" block loading={pending} disabled={pending || !code.trim()}>
                {t('register.confirm')}
              </Button>
              <Button
                variant="text"
                block
                disabled={pending}
                onClick={() =>
                  void run(async () => {
                    await resendCode(email.trim());
                    setNotice('register.resent');
                  })
                }
              >
                {t('register.resend')}
              </Button>
            </Space>
          </Form>
        )}
        <p className="signin-switch">
          {t('register.haveAccount')}{' '}
          <Link
            theme="primary"
            href="/signin"
            onClick={(e) => {
              e.preventDefault();
              navigate('/signin', { state });
            }}
          >
            {t('auth.signIn')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
