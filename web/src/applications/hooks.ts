import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { isOneOf, LICENCE_TYPES, type Application, type ApplicationInput, type ApplicationStatus, type BodyOf } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { UploadRefused } from '../orders/hooks';
import { applicationKeys } from './keys';

export { APPLICATION_STATUSES, LICENCE_TYPES } from '../api/types';
export type { Application, ApplicationInput, ApplicationStatus };

const path = (applicationId: string) => ({ params: { path: { applicationId } } });

/** The person's applications, newest first: the first is the one the page shows. */
export const useMyApplications = () =>
  useQuery({ queryKey: applicationKeys.mine(), queryFn: () => unwrap(api().GET('/provider-applications/mine', { params: { query: { limit: 20 } } })) });

const invalidate = [applicationKeys.all];

/** 提交: a new application (the licence uploaded first). */
export const useApply = () =>
  useCommand('applyProvider', (body: ApplicationInput, key) => unwrap(api().POST('/provider-applications', { body, headers: idem(key) })), { invalidate });

/** 修改并重新提交: a pending or rejected application goes back to the queue with the changes. */
export const useResubmit = () =>
  useCommand(
    'resubmitApplication',
    ({ applicationId, body }: { applicationId: string; body: BodyOf<'/provider-applications/{applicationId}', 'patch'> }, key) =>
      unwrap(api().PATCH('/provider-applications/{applicationId}', { ...path(applicationId), body, headers: idem(key) })),
    { invalidate },
  );

/** 撤回 while pending. */
export const useWithdraw = () =>
  useCommand(
    'withdrawApplication',
    (applicationId: string, key) => unwrap(api().POST('/provider-applications/{applicationId}/withdraw', { ...path(applicationId), headers: idem(key) })),
    { invalidate },
  );

/** Uploads the licence straight to the bucket through a presigned form; answers the licence id. */
export const uploadLicence = async (file: File): Promise<string | undefined> => {
  const contentType = file.type;
  if (!isOneOf(LICENCE_TYPES, contentType)) return undefined;
  const grant = await unwrap(
    api().POST('/provider-applications/licences', { body: { fileName: file.name, contentType, size: file.size }, headers: idem(crypto.randomUUID()) }),
  );
  const form = new FormData();
  for (const [k, v] of Object.entries(grant.upload.fields)) form.append(k, v);
  form.append('file', file);
  const res = await fetch(grant.upload.url, { method: grant.upload.method, body: form });
  if (!res.ok) throw new UploadRefused(res.status);
  return grant.licenceId;
};

/** Opens the application's licence: asked as a link, since fetch cannot follow the redirect to the bucket. */
export const openLicence = async (applicationId: string) => {
  const link = await unwrap(api().GET('/provider-applications/{applicationId}/licence', { ...path(applicationId), headers: { Accept: 'application/json' } }));
  Object.assign(document.createElement('a'), { href: link.url, rel: 'noopener', target: '_blank' }).click();
};

const queuePage = (status: ApplicationStatus, cursor: string | undefined, limit: number) =>
  unwrap(api().GET('/operator/provider-applications', { params: { query: { status, cursor, limit } } }));
type ApplicationPage = Awaited<ReturnType<typeof queuePage>>;

/** 入驻审核: the queue in one status, oldest first. */
export const useApplicationQueue = (status: ApplicationStatus) => useCursorList(applicationKeys.queue(status), (cursor) => queuePage(status, cursor, 20));

/** One application (`GET /provider-applications/{id}`: its applicant or an operator), shown from the queue already read until it answers. */
export const useApplication = (applicationId: string | undefined) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: applicationKeys.one(applicationId ?? ''),
    enabled: Boolean(applicationId),
    queryFn: () => unwrap(api().GET('/provider-applications/{applicationId}', path(applicationId ?? ''))),
    placeholderData: () =>
      qc
        .getQueriesData<InfiniteData<ApplicationPage>>({ queryKey: [...applicationKeys.all, 'queue'] })
        .flatMap(([, d]) => d?.pages.flatMap((p) => p.items) ?? [])
        .find((a) => a.applicationId === applicationId),
  });
};

/** 通过: the version the operator saw (a later edit answers 409). */
export const useApproveApplication = (onSuccess?: () => void) =>
  useCommand(
    'approveApplication',
    ({ applicationId, version }: { applicationId: string; version: number }, key) =>
      unwrap(api().POST('/operator/provider-applications/{applicationId}/approve', { ...path(applicationId), body: { version }, headers: idem(key) })),
    { invalidate, onSuccess },
  );

/** 驳回 with a reason. */
export const useRejectApplication = (onSuccess?: () => void) =>
  useCommand(
    'rejectApplication',
    ({ applicationId, version, reason }: { applicationId: string; version: number; reason: string }, key) =>
      unwrap(api().POST('/operator/provider-applications/{applicationId}/reject', { ...path(applicationId), body: { version, reason }, headers: idem(key) })),
    { invalidate, onSuccess },
  );
