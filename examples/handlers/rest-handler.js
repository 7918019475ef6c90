// API Gateway REST (proxy integration) -> Lambda (synchronous). Returns statusCode, headers and a string body.
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ method: event.httpMethod, path: event.path }),
});
