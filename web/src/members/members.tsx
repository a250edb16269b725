import { useState } from 'react';
import { UserAddIcon } from 'tdesign-icons-react';
import { Card, Dialog, Form, Input, Select, Space, Tag, type PrimaryTableCol } from 'tdesign-react';
import { MEMBER_ROLES, isOneOf, type MemberRole } from '../api/types';
import { Button } from '../app/button';
import { ConfirmAction } from '../app/confirm-action';
import { CursorTable } from '../app/cursor-table';
import { dialogLabel, Field, Labelled } from '../app/field';
import { formatTime } from '../app/format';
import { useMemberMay } from '../app/member-roles';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';
import { useChangeRole, useInvitations, useInvite, useMembers, useRemoveMember, useRevoke, type Invitation, type Member } from './hooks';

/** 邀请成员: email and role; the API emails the link. */
const InviteDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('delivery');
  const invite = useInvite(() => {
    setEmail('');
    onClose();
  });
  const errors = fieldErrors(invite.error);
  const close = () => {
    invite.reset();
    onClose();
  };
  const submit = () => {
    if (invite.isPending || !email.trim()) return;
    invite.mutate({ email: email.trim(), role });
  };
  return (
    <Dialog
      visible={open}
      header={t('members.invite')}
      onClose={close}
      destroyOnClose
      width="min(520px, 94vw)"
      confirmBtn={{ content: t('members.sendInvite'), loading: invite.isPending, disabled: invite.isPending || !email.trim() }}
      cancelBtn={{ content: t('common.cancel') }}
      onConfirm={submit}
      {...dialogLabel(t('members.invite'))}
    >
      <Form labelAlign="top" onSubmit={submit} preventSubmitDefault>
        <Field label={t('auth.email')} error={errors.email} required>
          <Input value={email} onChange={(v) => setEmail(String(v))} type="text" autocomplete="off" />
        </Field>
        <Field label={t('members.role')} error={errors.role} help={t(`memberRole.help.${role}`)}>
          <Select value={role} onChange={(v) => isOneOf(MEMBER_ROLES, v) && setRole(v)} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))} />
        </Field>
        <p className="muted" style={{ margin: 0 }}>
          {t('members.inviteHint')}
        </p>
      </Form>
      {invite.error && !errors.email && !errors.role ? <ProblemAlert error={invite.error} /> : null}
    </Dialog>
  );
};

/**
 * 成员管理: the organisation's members with their roles; the administrator invites by email, changes roles,
 * removes (with a confirmation) and revokes pending invitations. The last administrator stays: the API's
 * 409 shows in place.
 */
export default function Members() {
  const { t } = useI18n();
  const { session } = useSession();
  const admin = useMemberMay('admin');
  const members = useMembers();
  const invitations = useInvitations(admin);
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const revoke = useRevoke();
  const [inviting, setInviting] = useState(false);
  const me = session?.userId;
  const name = (m: Member) => m.displayName || m.email;
  const columns: PrimaryTableCol<Member>[] = [
    {
      colKey: 'displayName',
      title: t('register.displayName'),
      ellipsis: true,
      width: 160,
      cell: ({ row }) => (
        <span>
          {name(row)}
          {row.userId === me ? (
            <Tag size="small" variant="outline" style={{ marginLeft: 6 }}>
              {t('members.you')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { colKey: 'email', title: t('auth.email'), ellipsis: true, width: 220 },
    {
      colKey: 'role',
      title: t('members.role'),
      width: 150,
      cell: ({ row }) =>
        admin ? (
          <Labelled label={`${t('members.role')} ${name(row)}`}>
            <Select
              size="small"
              value={row.role}
              disabled={changeRole.isPending}
              onChange={(v) => isOneOf(MEMBER_ROLES, v) && v !== row.role && changeRole.mutate({ userId: row.userId, role: v })}
              options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
            />
          </Labelled>
        ) : (
          <Tag variant="light">{t(`memberRole.${row.role}`)}</Tag>
        ),
    },
    { colKey: 'joinedAt', title: t('members.joinedAt'), className: 'nowrap', width: 150, cell: ({ row }) => formatTime(row.joinedAt) },
    ...(admin
      ? [
          {
            colKey: 'actions',
            title: t('common.actions'),
            className: 'nowrap',
            width: 100,
            cell: ({ row }: { row: Member }) => (
              <ConfirmAction
                label={t('members.remove')}
                title={`${t('members.remove')} ${name(row)}`}
                theme="danger"
                variant="text"
                size="small"
                body={t('members.removeConfirm', { name: name(row) })}
                command={remove}
                vars={row.userId}
              />
            ),
          },
        ]
      : []),
  ];
  const invitationColumns: PrimaryTableCol<Invitation>[] = [
    { colKey: 'email', title: t('auth.email'), ellipsis: true, width: 220 },
    { colKey: 'role', title: t('members.role'), className: 'nowrap', width: 120, cell: ({ row }) => <Tag variant="light">{t(`memberRole.${row.role}`)}</Tag> },
    { colKey: 'createdAt', title: t('members.invitedAt'), className: 'nowrap', width: 150, cell: ({ row }) => formatTime(row.createdAt) },
    { colKey: 'expiresAt', title: t('members.expiresAt'), className: 'nowrap', width: 150, cell: ({ row }) => formatTime(row.expiresAt) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      width: 100,
      cell: ({ row }) => (
        <ConfirmAction
          label={t('members.revoke')}
          title={`${t('members.revoke')} ${row.email}`}
          theme="danger"
          variant="text"
          size="small"
          body={t('members.revokeConfirm', { email: row.email })}
          command={revoke}
          vars={row.invitationId}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="members-title">
      <div className="page-header">
        <Space direction="vertical" size={2}>
          <h1 id="members-title">{t('members.title')}</h1>
          {session?.organisation && <span className="muted">{session.organisation.organisationName}</span>}
        </Space>
        {admin && (
          <Button icon={<UserAddIcon />} onClick={() => setInviting(true)}>
            {t('members.invite')}
          </Button>
        )}
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Card bordered title={t('members.team')}>
          {changeRole.error ? <ProblemAlert error={changeRole.error} /> : null}
          <CursorTable list={members} columns={columns} rowKey="userId" caption={t('members.team')} contentWidth={admin ? '780px' : '680px'} />
        </Card>
        {admin && (
          <Card bordered title={t('members.pending')}>
            <CursorTable list={invitations} columns={invitationColumns} rowKey="invitationId" caption={t('members.pending')} contentWidth="740px" prefix="i" />
          </Card>
        )}
      </Space>
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
    </section>
  );
}
