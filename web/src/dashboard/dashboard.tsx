import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { Card, DateRangePicker, Form, Loading, Space, Statistic } from 'tdesign-react';
import { ORDER_STATUSES } from '../api/types';
import { Field } from '../app/field';
import { ProblemAlert } from '../app/problem';
import { ORDER_STATUS } from '../app/status-tags';
import { useI18n } from '../i18n';
import { useDashboard } from './hooks';

// Only the charts this page draws: echarts stays in this route's chunk.
echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const day = (d: Date) => d.toISOString().slice(0, 10);

/** 数据概览: orders and revenue per day, orders per status, average hours, urges and appeals (GET /provider/dashboard). */
export default function DashboardPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<string[]>(() => [day(new Date(Date.now() - 29 * 86_400_000)), day(new Date())]);
  const q = useDashboard(period[0], period[1]);
  const d = q.data;
  return (
    <section aria-labelledby="dash-title">
      <div className="page-header">
        <h1 id="dash-title">{t('dashboard.title')}</h1>
        <Form layout="inline" labelAlign="left">
          <Field label={t('dashboard.period')}>
            <DateRangePicker value={period} onChange={(v) => Array.isArray(v) && v.length === 2 && setPeriod(v.map(String))} />
          </Field>
        </Form>
      </div>
      {q.isLoading && <Loading loading text={t('common.loading')} />}
      {q.error ? <ProblemAlert error={q.error} /> : null}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <div className="stat-grid">
            <Card bordered><Statistic title={t('dashboard.orders')} value={d.totals.orders} /></Card>
            <Card bordered><Statistic title={t('dashboard.revenue')} value={d.totals.revenue / 100} decimalPlaces={2} /></Card>
            <Card bordered><Statistic title={t('dashboard.hoursToStart')} value={d.averageHours.purchaseToStart ?? 0} decimalPlaces={1} /></Card>
            <Card bordered><Statistic title={t('dashboard.hoursToComplete')} value={d.averageHours.startToCompletion ?? 0} decimalPlaces={1} /></Card>
            <Card bordered><Statistic title={t('dashboard.urges')} value={d.totals.urges} /></Card>
            <Card bordered><Statistic title={t('dashboard.appeals')} value={d.totals.appeals} /></Card>
          </div>
          <div className="two-columns">
            <Card bordered title={t('dashboard.perDay')}>
              <ReactEChartsCore
                echarts={echarts}
                style={{ height: 300 }}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0, data: [t('dashboard.orders'), t('dashboard.revenue')] },
                  grid: { left: 48, right: 56, bottom: 32, top: 40 },
                  xAxis: { type: 'category', data: d.days.map((x) => x.date.slice(5)) },
                  yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
                  series: [
                    { name: t('dashboard.orders'), type: 'bar', data: d.days.map((x) => x.orders) },
                    { name: t('dashboard.revenue'), type: 'line', yAxisIndex: 1, smooth: true, data: d.days.map((x) => x.revenue / 100) },
                  ],
                }}
              />
            </Card>
            <Card bordered title={t('dashboard.byStatus')}>
              <ReactEChartsCore
                echarts={echarts}
                style={{ height: 300 }}
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['38%', '62%'],
                      center: ['50%', '44%'],
                      avoidLabelOverlap: true,
                      // statuses with no order are left out of the ring, so their labels do not pile up at one point
                      data: ORDER_STATUSES.filter((s) => (d.ordersByStatus[s] ?? 0) > 0).map((s) => ({
                        name: t(ORDER_STATUS[s].provider),
                        value: d.ordersByStatus[s] ?? 0,
                      })),
                    },
                  ],
                }}
              />
            </Card>
          </div>
        </Space>
      )}
    </section>
  );
}
