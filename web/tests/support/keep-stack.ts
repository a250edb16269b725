import { onShutdown } from '../../../scripts/lib/processes';
import globalSetup from './global-setup';

/**
 * Starts the journeys' private stack and keeps it until Ctrl-C, for working on the console tests:
 *   npx tsx web/tests/support/keep-stack.ts      (prints the line to export)
 *   CONSOLE_STACK='…' npx playwright test -c web/playwright.config.ts web/tests/frame.spec.ts
 * The console is served from web/dist: `npm run build:console` picks up changes without a restart.
 */
const main = async () => {
  const stop = await globalSetup();
  console.log(`export CONSOLE_STACK='${process.env.CONSOLE_STACK}'`);
  // the same shutdown as `npm start`: a second signal kills the children outright instead of leaving them
  onShutdown(stop);
};

void main();
