import { AlbRule, Route } from './front-doors';

/** A request as the local front door received it. */
export interface HttpRequest {
  readonly method: string;
  /** The path without the query string, as sent (percent-encoded). */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly query: string;
  /** Header names and values as received (names in the client's case, repeated headers kept). */
  readonly headers: Array<[string, string]>;
  readonly body: Buffer;
  readonly sourceIp: string;
}

/** A route that matched, with the values of its path parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly pathParameters: Record<string, string>;
}

type Segment = { kind: 'static'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

function parse(template: string): Segment[] {
  return template.split('/').filter(s => s !== '').map(s => {
    const m = /^\{([^}+]+)(\+)?\}$/.exec(s);
    if (!m) return { kind: 'static', value: s };
    return m[2] ? { kind: 'greedy', name: m[1] } : { kind: 'param', name: m[1] };
  });
}

/** Matches a path against a template; returns the parameters and a specificity score (higher wins), or undefined. */
function matchPath(template: string, path: string): { params: Record<string, string>; score: number[] } | undefined {
  const segments = parse(template);
  const parts = path.split('/').filter(s => s !== '');
  const params: Record<string, string> = {};
  const score: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.kind === 'greedy') {
      if (i >= parts.length) return undefined; // {proxy+} needs at least one segment
      params[s.name] = parts.slice(i).map(decode).join('/');
      score.push(1);
      return { params, score };
    }
    if (i >= parts.length) return undefined;
    if (s.kind === 'static') {
      if (s.value !== parts[i]) return undefined;
      score.push(3);
    } else {
      params[s.name] = decode(parts[i]);
      score.push(2);
    }
  }
  return parts.length === segments.length ? { params, score } : undefined;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The route API Gateway picks for a request: the most specific path (static segments over `{param}` over
 * `{proxy+}`), then a route for the method over `ANY`; `$default` when nothing else matches.
 * `pathMatched` tells a REST API's 403 (no resource) from a method that is missing on a matched resource.
 */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch | undefined {
  let best: { route: Route; params: Record<string, string>; score: number[] } | undefined;
  for (const route of routes) {
    if (route.path === '$default') continue;
    if (route.method !== 'ANY' && route.method !== method) continue;
    const m = matchPath(route.path, path);
    if (!m) continue;
    const score = [...m.score, route.method === 'ANY' ? 0 : 1];
    if (!best || compare(score, best.score) > 0) best = { route, params: m.params, score };
  }
  if (best) return { route: best.route, pathParameters: best.params };
  const fallback = routes.find(r => r.path === '$default');
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

/** A wildcard pattern of ALB conditions (`*` any run of characters, `?` one character). */
function wildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const re = new RegExp(`^${pattern.split('').map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, caseInsensitive ? 'i' : '');
  return re.test(value);
}

function values(condition: Record<string, any>, config: string): any[] {
  return condition[config]?.Values ?? condition.Values ?? [];
}

function header(req: HttpRequest, name: string): string[] {
  return req.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}

function ipv4(ip: string): number | undefined {
  const m = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  return m ? m.slice(1).reduce((n, o) => n * 256 + Number(o), 0) : undefined;
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const [a, b] = [ipv4(ip), ipv4(base)];
  if (a === undefined || b === undefined) return ip === base;
  const size = 2 ** (32 - Number(bits ?? 32));
  return Math.floor(a / size) === Math.floor(b / size);
}

/** Whether one ALB rule condition holds for the request. */
function conditionHolds(c: Record<string, any>, req: HttpRequest): boolean {
  const query = new URLSearchParams(req.query);
  switch (c.Field) {
    case 'path-pattern': return values(c, 'PathPatternConfig').some(v => wildcard(String(v), req.path, false));
    case 'host-header': return values(c, 'HostHeaderConfig').some(v => header(req, 'host').some(h => wildcard(String(v), h.replace(/:\d+$/, ''), true)));
    case 'http-request-method': return values(c, 'HttpRequestMethodConfig').includes(req.method);
    case 'http-header': return (c.HttpHeaderConfig?.Values ?? []).some((v: string) => header(req, c.HttpHeaderConfig.HttpHeaderName).some(h => wildcard(v, h, true)));
    case 'query-string': return (c.QueryStringConfig?.Values ?? []).some((kv: { Key?: string; Value: string }) => [...query.entries()].some(([k, v]) => (kv.Key === undefined || wildcard(kv.Key, k, true)) && wildcard(kv.Value, v, true)));
    case 'source-ip': return values(c, 'SourceIpConfig').some(v => inCidr(req.sourceIp, String(v)));
    default: return false;
  }
}

/** The first ALB rule (by priority) whose conditions all hold; the default action when none does. */
export function matchAlbRule(rules: AlbRule[], req: HttpRequest): AlbRule {
  return rules.find(r => r.conditions.every(c => conditionHolds(c, req))) ?? rules[rules.length - 1];
}
