import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Form, Input } from 'tdesign-react';
import { Button } from './button';
import { useI18n } from '../i18n';
import { Field } from './field';
import { LanguageSwitch } from './layout';
import { homeFor } from './routes';
import { useSession } from './session';

/** 登录: email and password against the user pool (USER_PASSWORD_AUTH). */
export default function SignIn() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const submit = async () => {
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      const s = await signIn(email.trim(), password);
      if (!s || s.roles.length === 0) setError(t('auth.noRole'));
      else navigate(homeFor(s.roles), { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="signin-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card bordered style={{ width: 'min(400px, 92vw)' }}>
        <h1 className="signin-title">{t('auth.welcome')}</h1>
        <p className="signin-hint">{t('auth.hint')}</p>
        <Form labelAlign="top" onSubmit={() => void submit()} preventSubmitDefault>
          <Field label={t('auth.email')}>
            <Input value={email} onChange={(v) => setEmail(String(v))} autocomplete="username" type="text" name="email" />
          </Field>
          <Field label={t('auth.password')}>
            <Input value={password} onChange={(v) => setPassword(String(v))} type="password" autocomplete="current-password" name="password" />
          </Field>
          {error && (
            <div role="alert" style={{ marginBottom: 16 }}>
              <Alert theme="error" title={t('auth.failed')} message={error} />
            </div>
          )}
          <Button type="submit" block loading={pending} disabled={pending || !email || !password}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
