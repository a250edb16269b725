/** 数据概览: the provider's figures for a period. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  period: (from: string, to: string) => [...dashboardKeys.all, { from, to }] as const,
};
