// The deployed bundles' AWS SDK credential chain (esbuild.config.cjs puts it in place of
// @aws-sdk/credential-provider-node). Lambda hands every function its role's credentials in the environment;
// the chain's other sources (SSO, profiles, processes, web identity, instance metadata) are never reached there,
// yet they are most of the SDK's weight in a bundle (about 70 KB minified).
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
export const credentialsWillNeedRefresh = () => false;
export const credentialsTreatedAsExpired = () => false;
