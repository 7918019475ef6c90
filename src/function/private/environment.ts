import { isToken } from '../../core/private/tokens';
import { isReservedEnvironmentKey } from '../../limits';

/** Whether Lambda reserves this environment variable name (exactly or by prefix). */
export function isReservedKey(key: string): boolean {
  return isReservedEnvironmentKey(key);
}

/** Stack traces through the bundle's source map: `--enable-source-maps` added to the user's NODE_OPTIONS. */
export function enableSourceMaps(fn: { addEnvironment(key: string, value: string): unknown }, userOptions?: string): void {
  if (userOptions !== undefined && (isToken(userOptions) || userOptions.includes('--enable-source-maps'))) return;
  fn.addEnvironment('NODE_OPTIONS', [userOptions, '--enable-source-maps'].filter(Boolean).join(' '));
}
