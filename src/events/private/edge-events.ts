import { id } from './common';
import { CloudFrontSampleOptions } from '../options';

/** The four CloudFront events a Lambda@Edge function can be associated with. */
export type EdgeEventType = 'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response';

const DOMAIN = 'd111111abcdef8.cloudfront.net';

/** Headers as CloudFront writes them: lower-case names, each a list of `{ key, value }`. */
function cfHeaders(headers: { [name: string]: string }): { [name: string]: Array<{ key: string; value: string }> } {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [{ key: k, value: v }]]));
}

/**
 * A Lambda@Edge event: `Records[0].cf` with `config`, `request` (with `origin` at the origin) and, for the
 * response events, `response`.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
 */
export function edgeEvent(eventType: EdgeEventType, o: CloudFrontSampleOptions): any {
  const domain = o.distributionDomainName ?? DOMAIN;
  const atOrigin = eventType.startsWith('origin');
  const viewerHeaders = o.headers ?? { 'Host': domain, 'User-Agent': 'curl/8.0.0', 'Accept': '*/*' };
  // At the origin CloudFront has added its own headers.
  const headers = atOrigin
    ? { ...viewerHeaders, 'X-Forwarded-For': '203.0.113.178', 'Via': '2.0 2afae0d44e2540f472c0635ab62c232b.cloudfront.net (CloudFront)' }
    : viewerHeaders;
  const request: any = {
    clientIp: '203.0.113.178',
    headers: cfHeaders(headers),
    method: o.method ?? 'GET',
    querystring: o.querystring ?? '',
    uri: o.uri ?? '/index.html',
  };
  if (atOrigin) {
    request.origin = {
      custom: {
        customHeaders: {},
        domainName: 'origin.example.com',
        keepaliveTimeout: 5,
        path: '',
        port: 443,
        protocol: 'https',
        readTimeout: 30,
        sslProtocols: ['TLSv1.2'],
      },
    };
  }
  const cf: any = {
    config: { distributionDomainName: domain, distributionId: 'EDFDVBD6EXAMPLE', eventType, requestId: id('cloudfront', eventType, request.uri).replace(/-/g, '') },
    request,
  };
  if (eventType.endsWith('response')) {
    const status = o.status ?? '200';
    cf.response = {
      headers: cfHeaders({ 'Content-Type': 'text/html', 'Last-Modified': 'Wed, 01 Jan 2025 00:00:00 GMT', 'Server': 'origin', ...(eventType === 'viewer-response' ? { Age: '0' } : {}) }),
      status,
      statusDescription: status === '200' ? 'OK' : 'Status',
    };
  }
  return { Records: [{ cf }] };
}
