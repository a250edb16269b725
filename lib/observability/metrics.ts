import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch metrics in Embedded Metric Format (one log line, no API call): namespace `Marketplace`. */
export const metrics = new Metrics({ namespace: 'Marketplace', serviceName: 'marketplace' });

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Counts a command's outcome by action (the route): `Command` when accepted, `Refusal` for a 4xx (its code
 * as metadata), `Failure` for a 5xx. Reads are not commands and publish nothing.
 */
export const recordCommand = (action: string, method: string, status: number, code?: string) => {
  if (READS.has(method)) return;
  metrics.addDimension('action', action);
  metrics.addMetric(status < 400 ? 'Command' : status < 500 ? 'Refusal' : 'Failure', MetricUnit.Count, 1);
  if (code) metrics.addMetadata('code', code);
  metrics.publishStoredMetrics();
};
