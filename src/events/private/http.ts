import { HttpSampleOptions } from '../options';

export function lower(headers: { [name: string]: string }): { [name: string]: string } {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export function multi(values: { [name: string]: string }): { [name: string]: string[] } {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [v]]));
}

/**
 * The request fields of an API Gateway REST API proxy event (payload format 1.0) through
 * `multiValueQueryStringParameters`, in API Gateway's order: the sample events and the local emulator's
 * requests share them.
 */
export function restProxyRequest(method: string, path: string, headers: { [name: string]: string }, query?: { [name: string]: string }) {
  return {
    resource: '/{proxy+}',
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: multi(headers),
    queryStringParameters: query ?? null,
    multiValueQueryStringParameters: query ? multi(query) : null,
  };
}

/** The body fields: base64-encoded on request; `empty` when there is no body (null, '' or absent). */
export function httpBody(options: HttpSampleOptions, empty: 'null' | 'empty' | 'absent'): { body?: string | null; isBase64Encoded: boolean } {
  const base64 = options.base64Body ?? false;
  if (options.body === undefined) return empty === 'absent' ? { isBase64Encoded: false } : { body: empty === 'null' ? null : '', isBase64Encoded: false };
  return { body: base64 ? Buffer.from(options.body, 'utf-8').toString('base64') : options.body, isBase64Encoded: base64 };
}
