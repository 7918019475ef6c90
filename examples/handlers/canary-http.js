// An HTTP handler released by canary: a smoke test sends { "smokeTest": true } to each new version
// before CodeDeploy shifts any traffic to it.
exports.handler = async (event) => {
  if (event && event.smokeTest) return { statusCode: 200, body: 'ok' };
  console.log(JSON.stringify({ message: 'request', path: event && event.rawPath }));
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true, version: process.env.AWS_LAMBDA_FUNCTION_VERSION }) };
};
