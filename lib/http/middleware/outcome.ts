import { logger } from '../../observability/logger';
import { recordCommand } from '../../observability/metrics';
import { stateOf, type HttpMiddleware } from './state';

/**
 * Each answer logged (INFO: accepted or refused; failures are logged where they are understood, by the problem
 * middleware) with its status and time, and counted as a command's outcome (`recordCommand`).
 */
export const outcome = (count: typeof recordCommand = recordCommand): HttpMiddleware => ({
  after: (request) => {
    const state = stateOf(request.event);
    const status = request.response?.status ?? 200;
    logger.info('answered', { status, route: request.event.routeKey, ms: Date.now() - state.started });
    count(state.routeKey, state.method, status);
  },
  onError: (request) => {
    const state = stateOf(request.event);
    const refusal = state.refusal;
    if (!refusal) return;
    count(state.routeKey, state.method, refusal.status, refusal.code);
    if (refusal.status < 500) {
      logger.info('refused', { status: refusal.status, code: refusal.code, route: request.event.routeKey, ms: Date.now() - state.started });
    }
  },
});
