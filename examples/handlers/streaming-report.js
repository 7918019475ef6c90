// A response-streaming handler. `awslambda.streamifyResponse` (a global of Lambda's Node.js runtime) hands
// it a writable stream; behind a Function URL in RESPONSE_STREAM mode each chunk reaches the client as it
// is written (up to 200 MB), the first before the function ends. `HttpResponseStream.from` sends the
// status and headers first. `?rows=N` (1-100) picks how many NDJSON lines are streamed.
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const asked = (event.queryStringParameters || {}).rows;
  const rows = asked === undefined ? 3 : Number(asked);
  if (!Number.isInteger(rows) || rows < 1 || rows > 100) {
    const bad = awslambda.HttpResponseStream.from(responseStream, { statusCode: 400, headers: { 'content-type': 'text/plain' } });
    bad.end(`rows must be a whole number from 1 to 100, got ${JSON.stringify(asked)}`);
    return;
  }
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' },
  });
  for (let row = 1; row <= rows; row++) {
    stream.write(JSON.stringify({ row, of: rows }) + '\n');
    await pause(100); // the work behind each row: the rows before it are already on their way
  }
  stream.end();
});
