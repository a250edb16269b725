import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Checkbox, Form, Input, Loading, Space } from 'tdesign-react';
import { SERVICE_TYPES, isOneOf, type ServiceType } from '../api/types';
import { Button } from '../app/button';
import { ConfirmAction } from '../app/confirm-action';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { InfoList } from '../app/info-list';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { PageError } from '../app/result-page';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';
import { AttachmentUpload } from '../orders/attachment-upload';
import { ApplicationStatusTag, LicenceLink } from './components';
import { LICENCE_TYPES, uploadLicence, useApply, useMyApplications, useResubmit, useWithdraw, type Application, type ApplicationInput } from './hooks';

const EMPTY: Omit<ApplicationInput, 'licence'> = { companyName: '', creditCode: '', contactName: '', contactPhone: '', contactEmail: '', serviceTypes: [] };

/** The application form: new, or the changes to a pending or rejected one (修改并重新提交). */
const ApplicationForm = ({ editing, onDone }: { editing?: Application; onDone: () => void }) => {
  const { t } = useI18n();
  const apply = useApply();
  const resubmit = useResubmit();
  const command = editing ? resubmit : apply;
  const [fields, setFields] = useState(EMPTY);
  const [licence, setLicence] = useState<string>();
  const [uploading, setUploading] = useState(false);
  useEffect(() => {
    if (!editing) return;
    const { companyName, creditCode, contactName, contactPhone, contactEmail, serviceTypes } = editing;
    setFields({ companyName, creditCode, contactName, contactPhone, contactEmail, serviceTypes });
  }, [editing]);
  const set = (key: keyof typeof EMPTY) => (v: unknown) => setFields((f) => ({ ...f, [key]: String(v) }));
  const errors = fieldErrors(command.error);
  const known = ['companyName', 'creditCode', 'contactName', 'contactPhone', 'contactEmail', 'serviceTypes', 'licence'];
  const other = command.error && !known.some((k) => errors[k]) ? command.error : undefined;
  const trimmed = {
    ...fields,
    companyName: fields.companyName.trim(),
    creditCode: fields.creditCode.trim(),
    contactName: fields.contactName.trim(),
    contactPhone: fields.contactPhone.trim(),
    contactEmail: fields.contactEmail.trim(),
  };
  const submit = async () => {
    if (command.isPending || uploading) return;
    try {
      if (editing) {
        await resubmit.mutateAsync({ applicationId: editing.applicationId, body: licence ? { ...trimmed, licence } : trimmed });
      } else if (licence) {
        await apply.mutateAsync({ ...trimmed, licence });
      }
      onDone();
    } catch {
      // shown beside the field it names, or under the form
    }
  };
  const complete = Object.values(trimmed).every((v) => (Array.isArray(v) ? v.length > 0 : v !== '')) && (editing || licence);
  return (
    <Form labelAlign="top" onSubmit={() => void submit()} preventSubmitDefault className="narrow-form">
      <Field label={t('apply.companyName')} error={errors.companyName} required>
        <Input value={fields.companyName} onChange={set('companyName')} maxlength={50} />
      </Field>
      <Field label={t('apply.creditCode')} error={errors.creditCode} help={t('apply.creditCodeHelp')} required>
        <Input value={fields.creditCode} onChange={(v) => set('creditCode')(String(v).toUpperCase())} maxlength={18} className="mono-input" />
      </Field>
      <Field label={t('apply.contactName')} error={errors.contactName} required>
        <Input value={fields.contactName} onChange={set('contactName')} maxlength={30} />
      </Field>
      <Field label={t('apply.contactPhone')} error={errors.contactPhone} required>
        <Input value={fields.contactPhone} onChange={set('contactPhone')} maxlength={11} />
      </Field>
      <Field label={t('apply.contactEmail')} error={errors.contactEmail} required>
        <Input value={fields.contactEmail} onChange={set('contactEmail')} type="text" autocomplete="email" />
      </Field>
      <fieldset className="plain-fieldset">
        <legend>
          {t('apply.serviceTypes')} <span className="required-mark">*</span>
        </legend>
        <Checkbox.Group
          value={fields.serviceTypes}
          onChange={(v) => setFields((f) => ({ ...f, serviceTypes: (v as unknown[]).filter((x): x is ServiceType => isOneOf(SERVICE_TYPES, x)) }))}
          options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
        />
        {errors.serviceTypes ? (
          <p role="alert" className="field-error">
            {errors.serviceTypes}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('apply.licence')} error={errors.licence} help={editing && !licence ? t('apply.licenceKept', { name: editing.licence.fileName }) : t('apply.licenceHelp')} required={!editing}>
        <AttachmentUpload
          label={t('apply.licenceUpload')}
          max={1}
          accept={LICENCE_TYPES.join(',')}
          unsupported={t('apply.licenceTypes')}
          upload={uploadLicence}
          onChange={(ids) => setLicence(ids[0])}
          onUploading={setUploading}
        />
      </Field>
      {other ? <ProblemAlert error={other} /> : null}
      <Space style={{ marginTop: 16 }}>
        <Button type="submit" loading={command.isPending} disabled={command.isPending || uploading || !complete}>
          {editing ? t('apply.resubmit') : t('apply.submit')}
        </Button>
        {editing && (
          <Button variant="outline" onClick={onDone} disabled={command.isPending}>
            {t('common.cancel')}
          </Button>
        )}
      </Space>
    </Form>
  );
};

/** What was applied for: the company's details and the licence. */
export const ApplicationDetails = ({ application }: { application: Application }) => {
  const { t } = useI18n();
  return (
    <InfoList
      column={2}
      items={[
        { label: t('apply.companyName'), content: application.companyName },
        { label: t('apply.creditCode'), content: <span className="mono nowrap">{application.creditCode}</span> },
        { label: t('apply.contactName'), content: application.contactName },
        { label: t('apply.contactPhone'), content: <span className="nowrap">{application.contactPhone}</span> },
        { label: t('apply.contactEmail'), content: application.contactEmail },
        { label: t('apply.serviceTypes'), content: application.serviceTypes.map((s) => t(`type.${s}`)).join('、') },
        { label: t('apply.licence'), content: <LicenceLink application={application} /> },
        { label: t('apply.submittedAt'), content: <span className="nowrap">{formatTime(application.submittedAt)}</span> },
      ]}
    />
  );
};

/**
 * 服务商入驻: the application form with the licence upload; then its status (待审核, 已驳回 with the
 * reason, 已通过), 修改 and resubmit, 撤回 while pending. Approval makes the applicant its administrator.
 */
export default function Apply() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const mine = useMyApplications();
  const withdraw = useWithdraw();
  const [mode, setMode] = useState<'view' | 'edit' | 'new'>('view');
  if (mine.isLoading) return <Loading loading text={t('common.loading')} />;
  if (mine.error) return <PageError error={mine.error} />;
  const latest = mine.data?.items[0];
  const open = latest && latest.status !== 'withdrawn' ? latest : undefined;
  const showForm = !open || mode === 'new';
  return (
    <section aria-labelledby="apply-title">
      <div className="page-header">
        <h1 id="apply-title">{t('apply.title')}</h1>
        {open?.status === 'approved' && mode !== 'new' && (
          <Button variant="outline" onClick={() => setMode('new')}>
            {t('apply.another')}
          </Button>
        )}
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {showForm ? (
          <Card bordered title={t('apply.formTitle')}>
            <p className="muted" style={{ marginTop: 0 }}>
              {t('apply.intro')}
            </p>
            <ApplicationForm onDone={() => setMode('view')} />
          </Card>
        ) : (
          <Card
            bordered
            title={
              <Space align="center" breakLine>
                <span>{open.companyName}</span>
                <ApplicationStatusTag status={open.status} />
              </Space>
            }
          >
            <Space direction="vertical" style={{ width: '100%' }} size={16}>
              {open.status === 'pending' && <Alert theme="info" message={t('apply.pendingHint')} />}
              {open.status === 'rejected' && (
                <div role="status">
                  <Alert theme="error" title={t('apply.rejected')} message={open.reason ?? open.decisions.at(-1)?.reason ?? ''} />
                </div>
              )}
              {open.status === 'approved' && (
                <Alert
                  theme="success"
                  title={t('apply.approved')}
                  message={t('apply.approvedHint')}
                  operation={
                    <Button
                      size="small"
                      onClick={() =>
                        void refresh().then(() => {
                          navigate('/provider/products');
                        })
                      }
                    >
                      {t('apply.enter')}
                    </Button>
                  }
                />
              )}
              {mode === 'edit' ? (
                <ApplicationForm editing={open} onDone={() => setMode('view')} />
              ) : (
                <>
                  <ApplicationDetails application={open} />
                  {(open.status === 'pending' || open.status === 'rejected') && (
                    <Space breakLine>
                      <Button onClick={() => setMode('edit')}>{open.status === 'rejected' ? t('apply.editResubmit') : t('apply.edit')}</Button>
                      {open.status === 'pending' && (
                        <ConfirmAction
                          label={t('apply.withdraw')}
                          variant="outline"
                          theme="danger"
                          body={t('apply.withdrawConfirm')}
                          command={withdraw}
                          vars={open.applicationId}
                        />
                      )}
                    </Space>
                  )}
                </>
              )}
            </Space>
          </Card>
        )}
      </Space>
    </section>
  );
}
