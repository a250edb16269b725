import { useNavigate, useParams } from 'react-router';
import { Alert, Card, Loading, Space } from 'tdesign-react';
import { AppLink } from '../app/app-link';
import { ConfirmAction } from '../app/confirm-action';
import { formatTime } from '../app/format';
import { InfoList } from '../app/info-list';
import { PageError } from '../app/result-page';
import { useI18n } from '../i18n';
import { ApplicationDetails } from './apply';
import { ApplicationStatusTag } from './components';
import { useApplication, useApproveApplication, useRejectApplication } from './hooks';

/** One application: the company, its licence, the applicant; 通过 / 驳回 (with a reason) for the version read. */
export default function ApplicationReview() {
  const { applicationId } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useApplication(applicationId);
  const back = () => navigate('/operator/applications');
  const approve = useApproveApplication(back);
  const reject = useRejectApplication(back);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error) return <PageError error={q.error} />;
  const a = q.data;
  if (!a) {
    return (
      <Space direction="vertical">
        <AppLink to="/operator/applications">← {t('applications.back')}</AppLink>
        <Alert theme="info" message={t('applications.gone')} />
      </Space>
    );
  }
  return (
    <section aria-labelledby="application-title">
      <div className="page-header">
        <Space direction="vertical" size={4}>
          <AppLink to="/operator/applications">← {t('applications.back')}</AppLink>
          <Space align="center" breakLine>
            <h1 id="application-title">{t('applications.detailTitle', { name: a.companyName })}</h1>
            <ApplicationStatusTag status={a.status} />
          </Space>
        </Space>
        {a.status === 'pending' && (
          <Space size={8}>
            <ConfirmAction
              label={t('reviews.approve')}
              theme="success"
              body={t('applications.approveBody', { name: a.companyName })}
              command={approve}
              vars={{ applicationId: a.applicationId, version: a.version }}
              confirmLabel={t('reviews.approve')}
            />
            <ConfirmAction
              label={t('reviews.reject')}
              theme="danger"
              variant="outline"
              body={t('applications.rejectBody')}
              command={reject}
              input={{ label: t('products.reason'), field: 'reason', required: true }}
              vars={(reason: string) => ({ applicationId: a.applicationId, version: a.version, reason })}
              confirmLabel={t('reviews.reject')}
            />
          </Space>
        )}
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {a.status === 'rejected' && a.reason && <Alert theme="error" title={t('apply.rejected')} message={a.reason} />}
        <Card bordered title={t('applications.company')}>
          <ApplicationDetails application={a} />
        </Card>
        <Card bordered title={t('applications.applicant')}>
          <InfoList
            column={2}
            items={[
              { label: t('register.displayName'), content: a.applicant.displayName },
              { label: t('auth.email'), content: a.applicant.email },
              { label: t('applications.version'), content: `v${a.version}` },
              { label: t('common.updatedAt'), content: <span className="nowrap">{formatTime(a.updatedAt)}</span> },
            ]}
          />
        </Card>
        {a.decisions.length > 0 && (
          <Card bordered title={t('applications.decisions')}>
            <ul className="review-list">
              {a.decisions.map((d) => (
                <li key={d.at}>
                  <strong>{t(`applicationStatus.${d.decision}`)}</strong> <span className="muted nowrap">{formatTime(d.at)}</span>
                  {d.reason ? <div>{d.reason}</div> : null}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Space>
    </section>
  );
}
