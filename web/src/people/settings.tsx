import { useEffect, useState } from 'react';
import { Card, Checkbox, Form, Input, Loading, Select, Space, Tag } from 'tdesign-react';
import { LOCALES, isOneOf, type Locale } from '../api/types';
import { Button } from '../app/button';
import { Field } from '../app/field';
import { InfoList } from '../app/info-list';
import { PageError } from '../app/result-page';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n, type MessageKey } from '../i18n';
import { useMe, useSaveProfile } from './hooks';

const LOCALE_LABEL: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/** 个人设置: display name, phone, language of emails and notices, which notices also come by email; the person's organisations. */
export default function Settings() {
  const { t } = useI18n();
  const me = useMe();
  const save = useSaveProfile();
  const [displayName, setDisplayName] = useState('');
  const [phone, setPhone] = useState('');
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [prefs, setPrefs] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (!me.data) return;
    setDisplayName(me.data.displayName);
    setPhone(me.data.phone ?? '');
    setLocale(me.data.locale);
    setPrefs(me.data.emailPreferences);
  }, [me.data]);
  if (me.isLoading) return <Loading loading text={t('common.loading')} />;
  if (me.error || !me.data) return <PageError error={me.error} />;
  const errors = fieldErrors(save.error);
  const prefLabel = (key: string) => {
    const k = `emailPref.${key}` as MessageKey;
    const label = t(k);
    return label === k ? key : label;
  };
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
            {Object.keys(prefs).length > 0 && (
              <fieldset className="plain-fieldset">
                <legend>{t('settings.emailPreferences')}</legend>
                <p className="muted" style={{ margin: '0 0 8px' }}>
                  {t('settings.emailPreferencesHelp')}
                </p>
                <Space direction="vertical" size={4}>
                  {Object.entries(prefs).map(([key, on]) => (
                    <Checkbox key={key} checked={on} onChange={(v) => setPrefs((p) => ({ ...p, [key]: Boolean(v) }))}>
                      {prefLabel(key)}
                    </Checkbox>
                  ))}
                </Space>
                {errors.emailPreferences ? (
                  <p role="alert" className="field-error">
                    {errors.emailPreferences}
                  </p>
                ) : null}
              </fieldset>
            )}
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
              items={me.data.organisations.map((o) => ({ label: o.organisationName, content: <Tag variant="light">{t(`memberRole.${o.role}`)}</Tag> }))}
            />
          )}
        </Card>
      </Space>
    </section>
  );
}
