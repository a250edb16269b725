import { useLocation, useNavigate } from 'react-router';
import { Select } from 'tdesign-react';
import { useI18n } from '../i18n';
import { Labelled } from './field';
import { useSession } from './session';

/**
 * The header's organisation switch, for people in several organisations: the provider pages act for the
 * one chosen (sent as `Provider-Id`), remembered in this browser. A page of one organisation's object
 * goes back to its list, which the other organisation has too.
 */
export const OrganisationSwitch = ({ narrow }: { narrow: boolean }) => {
  const { t } = useI18n();
  const { session, switchOrganisation } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const orgs = session?.organisations ?? [];
  if (orgs.length < 2) return null;
  return (
    <Labelled label={t('org.switch')}>
      <Select
        value={session?.organisation?.providerId}
        style={{ width: narrow ? 112 : 220 }}
        popupProps={{ overlayInnerStyle: { minWidth: 220 } }}
        onChange={(v) => {
          if (typeof v !== 'string' || v === session?.organisation?.providerId) return;
          switchOrganisation(v);
          const list = pathname.match(/^\/provider\/[^/]+/)?.[0];
          if (list && list !== pathname) navigate(list);
        }}
        options={orgs.map((o) => ({ value: o.providerId, label: `${o.organisationName} · ${t(`memberRole.${o.role}`)}` }))}
      />
    </Labelled>
  );
};
