import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { dashboardKeys } from './keys';

/** 数据概览 for a period of calendar days (`GET /provider/dashboard`). */
export const useDashboard = (from: string, to: string) =>
  useQuery({
    queryKey: dashboardKeys.period(from, to),
    queryFn: () => unwrap(api().GET('/provider/dashboard', { params: { query: { from, to } } })),
  });
