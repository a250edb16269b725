import { useNavigate } from 'react-router';
import { Select, type PrimaryTableCol } from 'tdesign-react';
import { isOneOf } from '../api/types';
import { Button } from '../app/button';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { useUrlState } from '../app/url-state';
import { useI18n } from '../i18n';
import { ApplicationStatusTag } from './components';
import { APPLICATION_STATUSES, useApplicationQueue, type Application } from './hooks';

/** 入驻审核: applications in one status (待审核 by default), oldest submission first. */
export default function ApplicationQueue() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlState(['status']);
  const status = isOneOf(APPLICATION_STATUSES, url.status) ? url.status : 'pending';
  const list = useApplicationQueue(status);
  const columns: PrimaryTableCol<Application>[] = [
    { colKey: 'companyName', title: t('apply.companyName'), ellipsis: true, width: 220 },
    { colKey: 'creditCode', title: t('apply.creditCode'), className: 'nowrap', cell: ({ row }) => <span className="mono">{row.creditCode}</span> },
    { colKey: 'applicant', title: t('applications.applicant'), ellipsis: true, width: 160, cell: ({ row }) => row.applicant.displayName || row.applicant.email },
    { colKey: 'submittedAt', title: t('apply.submittedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.submittedAt) },
    { colKey: 'status', title: t('common.status'), className: 'nowrap', cell: ({ row }) => <ApplicationStatusTag status={row.status} /> },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Button size="small" onClick={() => navigate(`/operator/applications/${row.applicationId}`)} aria-label={`${t('applications.open')} ${row.companyName}`}>
          {row.status === 'pending' ? t('applications.open') : t('search.view')}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="applications-title">
      <div className="page-header">
        <h1 id="applications-title">{t('applications.title')}</h1>
      </div>
      <div className="filters">
        <Field label={t('common.status')}>
          <Select
            value={status}
            onChange={(v) => setUrl({ status: isOneOf(APPLICATION_STATUSES, v) && v !== 'pending' ? v : undefined })}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))}
          />
        </Field>
      </div>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="applicationId"
        caption={t('applications.title')}
        search={(row) => `${row.companyName} ${row.creditCode} ${row.applicant.displayName} ${row.applicant.email}`}
        sorters={{ companyName: (row) => row.companyName, submittedAt: (row) => row.submittedAt }}
      />
    </section>
  );
}
