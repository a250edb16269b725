import { useState } from 'react';
import { Tag, type TagProps } from 'tdesign-react';
import { Button } from '../app/button';
import { problemText } from '../app/problem';
import { useI18n, type MessageKey } from '../i18n';
import { openLicence, type Application, type ApplicationStatus } from './hooks';

const STATUS: Record<ApplicationStatus, { theme: NonNullable<TagProps['theme']>; label: MessageKey }> = {
  pending: { theme: 'warning', label: 'applicationStatus.pending' },
  approved: { theme: 'success', label: 'applicationStatus.approved' },
  rejected: { theme: 'danger', label: 'applicationStatus.rejected' },
  withdrawn: { theme: 'default', label: 'applicationStatus.withdrawn' },
};

/** 待审核 / 已通过 / 已驳回 / 已撤回 */
export const ApplicationStatusTag = ({ status }: { status: ApplicationStatus }) => {
  const { t } = useI18n();
  return (
    <Tag theme={STATUS[status].theme} variant="light">
      {t(STATUS[status].label)}
    </Tag>
  );
};

/** The licence's file name, opening it (a presigned link the API answers); a refusal shows beside it. */
export const LicenceLink = ({ application }: { application: Application }) => {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <span>
      <Button
        variant="text"
        theme="primary"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        loading={busy}
        disabled={busy}
        aria-label={`${t('apply.openLicence')} ${application.licence.fileName}`}
        onClick={() => {
          if (busy) return;
          setBusy(true);
          setError(undefined);
          openLicence(application.applicationId)
            .catch((err) => setError(problemText(err, t)))
            .finally(() => setBusy(false));
        }}
      >
        {application.licence.fileName}
      </Button>
      {error && (
        <span role="alert" className="field-error" style={{ display: 'block' }}>
          {error}
        </span>
      )}
    </span>
  );
};
