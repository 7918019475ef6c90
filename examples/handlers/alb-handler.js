// ALB -> Lambda handler. The request is a JSON event: httpMethod, path, queryStringParameters and headers
// (or multiValueQueryStringParameters and multiValueHeaders when the target group enables
// lambda.multi_value_headers.enabled), body (base64 when isBase64Encoded) and requestContext.elb.
// The response must carry statusCode, statusDescription, headers (or multiValueHeaders, matching the
// request), body and isBase64Encoded.
exports.handler = async (event) => {
  const multi = event.multiValueHeaders !== undefined;
  const body = event.isBase64Encoded ? Buffer.from(event.body || '', 'base64').toString('utf-8') : (event.body || '');
  const query = multi ? event.multiValueQueryStringParameters : event.queryStringParameters;
  const payload = JSON.stringify({ method: event.httpMethod, path: event.path, query: query || {}, bodyLength: body.length });
  const response = { statusCode: 200, statusDescription: '200 OK', body: payload, isBase64Encoded: false };
  if (multi) return { ...response, multiValueHeaders: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] } };
  return { ...response, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } };
};
