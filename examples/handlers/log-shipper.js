// CloudWatch Logs subscription (asynchronous). `awslogs.data` is the batch as JSON, gzip-compressed and
// base64-encoded. A CONTROL_MESSAGE only checks that the destination is reachable.
const zlib = require('zlib');

exports.handler = async (event) => {
  const batch = JSON.parse(zlib.gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf-8'));
  if (batch.messageType !== 'DATA_MESSAGE') return { shipped: 0 };
  for (const e of batch.logEvents) console.log(JSON.stringify({ logGroup: batch.logGroup, id: e.id, timestamp: e.timestamp, message: e.message }));
  return { shipped: batch.logEvents.length };
};
