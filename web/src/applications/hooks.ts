import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { looseApi } from '../api/loose';
import type { ServiceType } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { UploadRefused } from '../orders/hooks';
import { applicationKeys } from './keys';

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const LICENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MAX_LICENCE_BYTES = 5 * 1024 * 1024;

/** `ProviderApplication`: the company's details, its licence, status and the decisions taken. */
export interface Application {
  applicationId: string;
  applicantId: string;
  applicant: { displayName: string; email: string };
  companyName: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  serviceTypes: ServiceType[];
  licence: { licenceId: string; fileName: string; contentType: string; size: number };
  status: ApplicationStatus;
  statusLabel?: { zh: string; en: string };
  reason?: string;
  version: number;
  submittedAt: string;
  createdAt: string;
  updatedAt: string;
  decisions: { decision: 'approved' | 'rejected'; reason?: string; operatorId: string; at: string }[];
  providerId?: string;
}

export interface ApplicationPage {
  items: Application[];
  nextCursor?: string | null;
}

/** What 提交 and 修改 send: the licence is the id of an upload granted before. */
export interface ApplicationInput {
  companyName: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  serviceTypes: ServiceType[];
  licence: string;
}

/** The person's applications, newest first: the first is the one the page shows. */
export const useMyApplications = () =>
  useQuery({
    queryKey: applicationKeys.mine(),
    queryFn: async () => (await unwrap(looseApi().GET('/provider-applications/mine', { params: { query: { limit: 20 } } }))) as ApplicationPage,
  });

const invalidate = [applicationKeys.all];

/** 提交: a new application (the licence uploaded first). */
export const useApply = () =>
  useCommand(
    'applyProvider',
    async (body: ApplicationInput, key) => (await unwrap(looseApi().POST('/provider-applications', { body, headers: idem(key) }))) as Application,
    { invalidate },
  );

/** 修改并重新提交: a pending or rejected application goes back to the queue with the changes. */
export const useResubmit = () =>
  useCommand(
    'resubmitApplication',
    async ({ applicationId, body }: { applicationId: string; body: Partial<ApplicationInput> }, key) =>
      (await unwrap(looseApi().PATCH('/provider-applications/{applicationId}', { params: { path: { applicationId } }, body, headers: idem(key) }))) as Application,
    { invalidate },
  );

/** 撤回 while pending. */
export const useWithdraw = () =>
  useCommand(
    'withdrawApplication',
    async (applicationId: string, key) =>
      (await unwrap(looseApi().POST('/provider-applications/{applicationId}/withdraw', { params: { path: { applicationId } }, headers: idem(key) }))) as Application,
    { invalidate },
  );

/** Uploads the licence straight to the bucket through a presigned form; answers the licence id. */
export const uploadLicence = async (file: File): Promise<string | undefined> => {
  const contentType = file.type;
  if (!(LICENCE_TYPES as readonly string[]).includes(contentType)) return undefined;
  const grant = (await unwrap(
    looseApi().POST('/provider-applications/licences', { body: { fileName: file.name, contentType, size: file.size }, headers: idem(crypto.randomUUID()) }),
  )) as { licenceId: string; upload: { url: string; method: string; fields: Record<string, string> } };
  const form = new FormData();
  for (const [k, v] of Object.entries(grant.upload.fields)) form.append(k, v);
  form.append('file', file);
  const res = await fetch(grant.upload.url, { method: grant.upload.method, body: form });
  if (!res.ok) throw new UploadRefused(res.status);
  return grant.licenceId;
};

/** Opens the application's licence: asked as a link, since fetch cannot follow the redirect to the bucket. */
export const openLicence = async (applicationId: string) => {
  const link = (await unwrap(
    looseApi().GET('/provider-applications/{applicationId}/licence', { params: { path: { applicationId } }, headers: { Accept: 'application/json' } }),
  )) as { url: string };
  Object.assign(document.createElement('a'), { href: link.url, rel: 'noopener', target: '_blank' }).click();
};

const queuePage = async (status: ApplicationStatus, cursor: string | undefined, limit: number) =>
  (await unwrap(looseApi().GET('/operator/provider-applications', { params: { query: { status, cursor, limit } } }))) as ApplicationPage;

/** 入驻审核: the queue in one status, oldest first. */
export const useApplicationQueue = (status: ApplicationStatus) => useCursorList(applicationKeys.queue(status), (cursor) => queuePage(status, cursor, 20));

/**
 * One application for the operator: from the queue already read, else found in the queues (pending first;
 * there is no operator read of a single application).
 */
export const useApplication = (applicationId: string | undefined) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: applicationKeys.one(applicationId ?? ''),
    enabled: Boolean(applicationId),
    queryFn: async () => {
      for (const status of APPLICATION_STATUSES) {
        let cursor: string | undefined;
        for (let i = 0; i < 10; i += 1) {
          const page = await queuePage(status, cursor, 100);
          const hit = page.items.find((a) => a.applicationId === applicationId);
          if (hit) return hit;
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
      }
      return null;
    },
    initialData: () =>
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
    async ({ applicationId, version }: { applicationId: string; version: number }, key) =>
      (await unwrap(
        looseApi().POST('/operator/provider-applications/{applicationId}/approve', { params: { path: { applicationId } }, body: { version }, headers: idem(key) }),
      )) as Application,
    { invalidate, onSuccess },
  );

/** 驳回 with a reason. */
export const useRejectApplication = (onSuccess?: () => void) =>
  useCommand(
    'rejectApplication',
    async ({ applicationId, version, reason }: { applicationId: string; version: number; reason: string }, key) =>
      (await unwrap(
        looseApi().POST('/operator/provider-applications/{applicationId}/reject', { params: { path: { applicationId } }, body: { version, reason }, headers: idem(key) }),
      )) as Application,
    { invalidate, onSuccess },
  );
