/** The console's runtime configuration, served beside it as /config.json so one build serves any stage. */
export interface ConsoleConfig {
  apiUrl: string;
  /** The live console's WebSocket API (wss:// deployed); without it the pages refresh as before. */
  websocketUrl?: string;
  cognito: {
    region: string;
    userPoolId: string;
    clientId: string;
    /** Only locally: cognito-local's endpoint. */
    endpoint?: string;
  };
}

let loaded: ConsoleConfig | undefined;

export const loadConfig = async (): Promise<ConsoleConfig> => {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
  const body: ConsoleConfig = await res.json();
  loaded = body;
  return body;
};

export const config = (): ConsoleConfig => {
  if (!loaded) throw new Error('configuration not loaded yet');
  return loaded;
};
