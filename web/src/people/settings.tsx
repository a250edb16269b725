import { useEffect, useState } from 'react';
import { Card, Checkbox, Form, Input, Loading, Select, Space, Tag } from 'tdesign-react';
import { EMAIL_KINDS, LOCALES, isOneOf, type EmailKind, type Locale } from '../api/types';
import { Button } from '../app/button';
import { Field } from '../app/field';
import { InfoList } from '../app/info-list';
import { PageError } from '../app/result-page';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n, type MessageKey } from '../i18n';
import { emailKindsOf, useMe, useSaveProfile } from './hooks';

const LOCALE_LABEL: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };
const PRODUCT_KINDS: readonly EmailKind[] = ['submitted', 'approved', 'rejected', 'taken-down', 'low-stock'];
const PROVIDER_KINDS: readonly EmailKind[] = ['suspend', 'reinstate'];
const ORDER_KINDS: readonly EmailKind[] = EMAIL_KINDS.filter((k) => !PRODUCT_KINDS.includes(k) && !PROVIDER_KINDS.includes(k));

/** 个人设置: display name, phone, language of emails and notices, which notices also come by email; the person's organisations. */
export default function Settings() {
  const { t } = useI18n();
  const me = useMe();
  const save = useSaveProfile();
  const [displayName, setDisplayName] = useState('');
  const [phone, setPhone] = useState('');
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [prefs, setPrefs] = useState<EmailKind[]>([]);
  useEffect(() => {
    if (!me.data) return;
    setDisplayName(me.data.displayName);
    setPhone(me.data.phone ?? '');
    setLocale(me.data.locale);
    setPrefs(emailKindsOf(me.data));
  }, [me.data]);
  if (me.isLoading) return <Loading loading text={t('common.loading')} />;
  if (me.error || !me.data) return <PageError error={me.error} />;
  const errors = fieldErrors(save.error);
  const kindLabel = (kind: EmailKind): MessageKey => (ORDER_KINDS.includes(kind) ? (`action.${kind}` as MessageKey) : (`emailPref.${kind}` as MessageKey));
  const group = (kinds: readonly EmailKind[], title: string) => (
    <div>
      <p className="muted" style={{ margin: '8px 0 4px' }}>
        {title}
      </p>
      <Checkbox.Group
        value={prefs.filter((p) => kinds.includes(p))}
        onChange={(v) => {
          const chosen = (v as unknown[]).filter((x): x is EmailKind => isOneOf(EMAIL_KINDS, x));
          setPrefs((p) => [...p.filter((x) => !kinds.includes(x)), ...chosen]);
        }}
        options={kinds.map((k) => ({ value: k, label: t(kindLabel(k)) }))}
      />
    </div>
  );
  const submit = () => {
    if (save.isPending) return;
    save.mutate({ displayName: displayName.trim(), phone: phone.trim() || null, locale, emailPreferences: prefs });
  };
  const shownError = save.error && !errors.displayName && !errors.phone && !errors.locale ? save.error : undefined;
  return (
    <section aria-labelledby="settings-title">
      <div className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Card bordered title={t('settings.profile')}>
          <Form labelAlign="top" onSubmit={submit} preventSubmitDefault className="narrow-form">
            <Field label={t('auth.email')} help={t('settings.emailHelp')}>
              <Input value={me.data.email} readonly />
            </Field>
            <Field label={t('register.displayName')} error={errors.displayName} required>
              <Input value={displayName} onChange={(v) => setDisplayName(String(v))} maxlength={30} />
            </Field>
            <Field label={t('settings.phone')} error={errors.phone} help={t('settings.phoneHelp')}>
              <Input value={phone} onChange={(v) => setPhone(String(v))} maxlength={11} />
            </Field>
            <Field label={t('settings.locale')} error={errors.locale} help={t('settings.localeHelp')}>
              <Select
                value={locale}
                onChange={(v) => isOneOf(LOCALES, v) && setLocale(v)}
                options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABEL[l] }))}
              />
            </Field>
            <fieldset className="plain-fieldset">
              <legend>{t('settings.emailPreferences')}</legend>
              <p className="muted" style={{ margin: 0 }}>
                {t('settings.emailPreferencesHelp')}
              </p>
              {group(ORDER_KINDS, t('settings.orderKinds'))}
              {group(PRODUCT_KINDS, t('settings.productKinds'))}
              {group(PROVIDER_KINDS, t('settings.providerKinds'))}
              {errors.emailPreferences ? (
                <p role="alert" className="field-error">
                  {errors.emailPreferences}
                </p>
              ) : null}
            </fieldset>
            {shownError ? <ProblemAlert error={shownError} showFields /> : null}
            <div style={{ marginTop: 16 }}>
              <Button type="submit" loading={save.isPending} disabled={save.isPending || !displayName.trim()}>
                {t('common.save')}
              </Button>
            </div>
          </Form>
        </Card>
        <Card bordered title={t('settings.organisations')}>
          {me.data.organisations.length === 0 ? (
            <p className="muted" style={{ margin: 0 }}>
              {t('settings.noOrganisation')}
            </p>
          ) : (
            <InfoList
              column={1}
              items={me.data.organisations.map((o) => ({ label: o.name, content: <Tag variant="light">{t(`memberRole.${o.role}`)}</Tag> }))}
            />
          )}
        </Card>
      </Space>
    </section>
  );
}
