import { api, unwrap, send } from '../api/client';
import type { Invitation, Member, MemberRole, Membership, OperatorOrganisation } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { memberKeys } from './keys';

export type { Invitation, Member };

/** An organisation as the operator sees it. */
export type Organisation = OperatorOrganisation;

/** `GET /provider/members`: the team, oldest member first. */
export const useMembers = () =>
  useCursorList(memberKeys.team(), (cursor) => unwrap(api().GET('/provider/members', { params: { query: { cursor, limit: 20 } } })));

/** `GET /provider/invitations`: pending invitations (the administrator's). */
export const useInvitations = (enabled: boolean) =>
  useCursorList(memberKeys.invitations(), (cursor) => unwrap(api().GET('/provider/invitations', { params: { query: { cursor, limit: 20 } } })), enabled);

const invalidate = [memberKeys.all];

/** 邀请成员: the API emails a single-use link valid 7 days. */
export const useInvite = (onSuccess?: () => void) =>
  useCommand('inviteMember', (body: { email: string; role: MemberRole }, key) => unwrap(api().POST('/provider/invitations', { body, headers: idem(key) })), {
    invalidate,
    onSuccess,
  });

/** 撤销 a pending invitation. */
export const useRevoke = () =>
  useCommand(
    'revokeInvitation',
    (invitationId: string, key) => send(api().DELETE('/provider/invitations/{invitationId}', { params: { path: { invitationId } }, headers: idem(key) })),
    { invalidate },
  );

/** 修改角色 (the last administrator stays one: 409). */
export const useChangeRole = () =>
  useCommand(
    'changeMemberRole',
    ({ userId, role }: { userId: string; role: MemberRole }, key) =>
      unwrap(api().PATCH('/provider/members/{userId}', { params: { path: { userId } }, body: { role }, headers: idem(key) })),
    { invalidate },
  );

/** 移除 a member: refused on their very next request. */
export const useRemoveMember = () =>
  useCommand(
    'removeMember',
    (userId: string, key) => send(api().DELETE('/provider/members/{userId}', { params: { path: { userId } }, headers: idem(key) })),
    { invalidate },
  );

/** `POST /invitations/{token}/accept`: the signed-in person joins the organisation (their new membership). */
export const useAcceptInvitation = (onSuccess: (membership: Membership) => void) =>
  useCommand('acceptInvitation', (token: string, key) => unwrap(api().POST('/invitations/{token}/accept', { params: { path: { token } }, headers: idem(key) })), {
    onSuccess,
    success: false,
  });

export interface ProviderSearch {
  name?: string;
  creditCode?: string;
  status?: Organisation['status'];
}

/** 服务商管理: organisations by name prefix, credit code or status. */
export const useProviders = (filters: ProviderSearch) =>
  useCursorList(memberKeys.providers(filters), (cursor) => unwrap(api().GET('/operator/providers', { params: { query: { ...filters, cursor, limit: 20 } } })));

const providerInvalidate = [['operator', 'providers']];

/** 暂停 with a reason: its products leave the catalogue until 恢复. */
export const useSuspend = () =>
  useCommand(
    'suspendProvider',
    ({ providerId, reason }: { providerId: string; reason: string }, key) =>
      unwrap(api().POST('/operator/providers/{providerId}/suspend', { params: { path: { providerId } }, body: { reason }, headers: idem(key) })),
    { invalidate: providerInvalidate },
  );

/** 恢复: the products listed before return. */
export const useReinstate = () =>
  useCommand(
    'reinstateProvider',
    ({ providerId, reason }: { providerId: string; reason?: string }, key) =>
      unwrap(
        api().POST('/operator/providers/{providerId}/reinstate', {
          params: { path: { providerId } },
          body: reason ? { reason } : {},
          headers: idem(key),
        }),
      ),
    { invalidate: providerInvalidate },
  );
