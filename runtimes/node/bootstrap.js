#!/usr/bin/env node
// The Node.js runtime client of the local Lambda emulator (cdk-lambda-blueprints `src/local/`).
// Plays the part of Lambda's /var/runtime: loads the handler named by _HANDLER (`file.export`, nested
// exports allowed) from LAMBDA_TASK_ROOT, then polls the Runtime API at AWS_LAMBDA_RUNTIME_API
// (2018-06-01) for invocations and posts each result or error back. Async handlers, promise-returning
// handlers and callback handlers (`(event, context, callback)`) are supported, with Lambda's `context`.
// Console output gets Lambda's prefix (`time<TAB>requestId<TAB>LEVEL<TAB>message`), or one JSON object
// per line when AWS_LAMBDA_LOG_FORMAT is JSON.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const util = require('util');
const { pathToFileURL } = require('url');

const API = process.env.AWS_LAMBDA_RUNTIME_API;
const BASE = '/2018-06-01/runtime';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const [host, port] = API.split(':');

function request(method, urlPath, body, headers) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(body);
    const req = http.request({
      host, port: Number(port), method, path: urlPath, agent,
      headers: { ...(headers || {}), ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf-8') }));
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

// --- logging: Lambda's Node.js runtime prefixes every console line and keeps multi-line messages in one record.
const LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
const jsonLogs = process.env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
const minLevel = LEVELS[(process.env.AWS_LAMBDA_LOG_LEVEL || 'TRACE').toUpperCase()] || 1;
let currentRequestId;
let currentTenantId;
function emit(level, args) {
  if (jsonLogs && LEVELS[level] < minLevel) return;
  const message = util.format(...args);
  const timestamp = new Date().toISOString();
  const line = jsonLogs
    ? JSON.stringify({ timestamp, level, requestId: currentRequestId, ...(currentTenantId ? { tenantId: currentTenantId } : {}), message })
    : `${timestamp}\t${currentRequestId || 'undefined'}\t${level}\t${message.replace(/\n/g, '\r')}`;
  process.stdout.write(line + '\n');
}
console.log = (...a) => emit('INFO', a);
console.info = (...a) => emit('INFO', a);
console.warn = (...a) => emit('WARN', a);
console.error = (...a) => emit('ERROR', a);
console.debug = (...a) => emit('DEBUG', a);
console.trace = (...a) => emit('TRACE', a);
console.fatal = (...a) => emit('FATAL', a);

/**
 * An error as Lambda's Node.js runtime logs it: in text, `<label> \t<JSON>` on an ERROR line; in JSON, a
 * record whose message is the error object (errorType, errorMessage, stackTrace).
 */
function logError(label, error) {
  if (!jsonLogs) return emit('ERROR', [`${label} \t${JSON.stringify(error)}`]);
  const message = { errorType: error.errorType, errorMessage: error.errorMessage, stackTrace: error.trace };
  process.stdout.write(JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', requestId: currentRequestId, message }) + '\n');
}

function toError(err) {
  if (err instanceof Error) {
    return { errorType: err.name || 'Error', errorMessage: err.message, trace: String(err.stack || '').split('\n') };
  }
  return { errorType: typeof err, errorMessage: typeof err === 'string' ? err : JSON.stringify(err), trace: [] };
}

class RuntimeError extends Error {
  constructor(name, message) { super(message); this.name = name; }
}

// --- handler loading (the INIT phase)
async function loadHandler() {
  const taskRoot = process.env.LAMBDA_TASK_ROOT;
  const handlerName = process.env._HANDLER || '';
  const match = /^([^.]*?\/?[^./]+)\.(.+)$/.exec(handlerName);
  if (!match) throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler ${handlerName}: expected file.export`);
  const [, modulePath, exportPath] = match;
  const base = path.resolve(taskRoot, modulePath);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => fs.existsSync(f));
  if (!file) {
    throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${modulePath}'\nRequire stack:\n- ${__filename}`);
  }
  let mod;
  try {
    mod = file.endsWith('.mjs') ? await import(pathToFileURL(file).href) : require(file);
  } catch (err) {
    if (err && err.code === 'ERR_REQUIRE_ESM') return findExport(await import(pathToFileURL(file).href), modulePath, exportPath);
    if (err instanceof SyntaxError) throw new RuntimeError('Runtime.UserCodeSyntaxError', `${err.name}: ${err.message}`);
    if (err && err.code === 'MODULE_NOT_FOUND') throw new RuntimeError('Runtime.ImportModuleError', `Error: ${err.message}`);
    throw err;
  }
  return findExport(mod, modulePath, exportPath);
}

function findExport(mod, modulePath, exportPath) {
  let handler = mod;
  for (const part of exportPath.split('.')) {
    handler = handler === undefined || handler === null ? undefined : handler[part];
    // An ES module imported from CommonJS keeps its exports on `default` too.
    if (handler === undefined && part === exportPath.split('.')[0] && mod.default) handler = mod.default[part];
  }
  if (typeof handler !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound', `${path.basename(modulePath)}.${exportPath} is undefined or not exported`);
  }
  // Node.js 24 and later runtimes no longer accept callback-style handlers ((event, context, callback)).
  const major = Number((/nodejs(\d+)/.exec(process.env.AWS_EXECUTION_ENV || '') || [])[1]);
  if (major >= 24 && handler.length >= 3 && handler.constructor.name !== 'AsyncFunction') {
    throw new RuntimeError('Runtime.CallbackHandlerDeprecated',
      `${path.basename(modulePath)}.${exportPath} takes a callback: callback-based handlers are not supported from nodejs24.x on; use an async handler`);
  }
  return handler;
}

// --- response streaming: `awslambda.streamifyResponse(handler)` handlers get a writable `responseStream`
// (event, responseStream, context); its bytes go to the Runtime API as they are written (chunked, with
// Lambda-Runtime-Function-Response-Mode: streaming), and an error after the first byte travels in trailers.
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const HTTP_STREAM = 'application/vnd.awslambda.http-integration-response';
const { Writable } = require('stream');

function responseStream(id) {
  let req;
  let contentType = 'application/octet-stream';
  let answered;
  const open = () => {
    if (req) return req;
    answered = new Promise((resolve, reject) => {
      req = http.request({
        host, port: Number(port), method: 'POST', path: `${BASE}/invocation/${id}/response`, agent,
        headers: {
          'Lambda-Runtime-Function-Response-Mode': 'streaming', 'Content-Type': contentType, 'Transfer-Encoding': 'chunked',
          'Trailer': 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body',
        },
      }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', reject);
    });
    return req;
  };
  const stream = new Writable({
    write(chunk, _encoding, callback) { open().write(chunk, callback); },
    final(callback) { open().end(); callback(); },
  });
  stream.setContentType = (type) => { contentType = type; };
  /** Ends the stream with the error in its trailers. */
  stream.fail = (error) => {
    open().addTrailers({ 'Lambda-Runtime-Function-Error-Type': error.errorType, 'Lambda-Runtime-Function-Error-Body': Buffer.from(JSON.stringify(error)).toString('base64') });
    req.end();
    return answered;
  };
  stream.finished = () => new Promise((resolve) => { if (stream.writableFinished) resolve(); else stream.on('finish', resolve); }).then(() => answered);
  return stream;
}

globalThis.awslambda = {
  streamifyResponse: (handler) => { handler[STREAMING] = 'response'; return handler; },
  HttpResponseStream: {
    /** Writes the HTTP prelude (statusCode, headers, cookies) and its 8-NUL delimiter before the body. */
    from(stream, prelude) {
      stream.setContentType(HTTP_STREAM);
      stream.write(JSON.stringify(prelude || {}));
      stream.write(Buffer.alloc(8));
      return stream;
    },
  },
};

async function runStreaming(handler, next, id) {
  const stream = responseStream(id);
  const context = makeContext(next.headers, () => undefined);
  try {
    await handler(JSON.parse(next.body), stream, context);
    if (!stream.writableEnded) stream.end();
    await stream.finished();
  } catch (err) {
    const error = toError(err);
    logError('Invoke Error', error);
    // As AWS's client does, even before the first byte: an empty stream whose trailers carry the error.
    await stream.fail(error);
  }
}

function makeContext(headers, done) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const parse = (h) => (h ? JSON.parse(h) : undefined);
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: parse(headers['lambda-runtime-cognito-identity']),
    clientContext: parse(headers['lambda-runtime-client-context']),
    tenantId: headers['lambda-runtime-aws-tenant-id'],
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (err, data) => done(err, data),
    succeed: (data) => done(undefined, data),
    fail: (err) => done(err === undefined ? new Error('handled') : err),
  };
  return context;
}

async function runInvocation(handler, next) {
  const id = next.headers['lambda-runtime-aws-request-id'];
  currentRequestId = id;
  currentTenantId = next.headers['lambda-runtime-aws-tenant-id'];
  if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
  else delete process.env._X_AMZN_TRACE_ID;
  if (handler[STREAMING] === 'response') return runStreaming(handler, next, id);
  const outcome = await new Promise((resolve) => {
    let settled = false;
    const done = (err, data) => {
      if (settled) return;
      settled = true;
      resolve(err !== undefined && err !== null ? { err } : { data });
    };
    const context = makeContext(next.headers, done);
    try {
      const event = JSON.parse(next.body);
      const result = handler(event, context, done);
      if (result && typeof result.then === 'function') result.then((d) => done(undefined, d), (e) => done(e === undefined ? new Error('undefined') : e));
    } catch (err) {
      done(err);
    }
  });
  if ('err' in outcome) {
    const error = toError(outcome.err);
    logError('Invoke Error', error);
    await request('POST', `${BASE}/invocation/${id}/error`, JSON.stringify(error), { 'Lambda-Runtime-Function-Error-Type': error.errorType });
  } else {
    const body = JSON.stringify(outcome.data === undefined ? null : outcome.data);
    await request('POST', `${BASE}/invocation/${id}/response`, body);
  }
}

/**
 * Lambda ends the environment on an uncaught exception (the error as thrown, exit 129) or an unhandled
 * rejection (Runtime.UnhandledPromiseRejection, exit 128); it is logged and reported first.
 */
function fatal(label, error, exitCode) {
  logError(label, error);
  const target = currentRequestId ? `${BASE}/invocation/${currentRequestId}/error` : `${BASE}/init/error`;
  request('POST', target, JSON.stringify(error), { 'Lambda-Runtime-Function-Error-Type': error.errorType })
    .finally(() => process.exit(exitCode));
}
process.on('uncaughtException', (err) => fatal('Uncaught Exception', toError(err), 129));
process.on('unhandledRejection', (reason) => fatal('Unhandled Promise Rejection', {
  ...toError(reason), errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: String(reason),
}, 128));

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (err) {
    const error = toError(err);
    logError('Init Error', error);
    await request('POST', `${BASE}/init/error`, JSON.stringify(error), { 'Lambda-Runtime-Function-Error-Type': error.errorType });
    process.exit(1);
  }
  for (;;) {
    const next = await request('GET', `${BASE}/invocation/next`);
    await runInvocation(handler, next);
  }
}

// The emulator going away (connection refused) ends this environment.
main().catch(() => process.exit(1));
