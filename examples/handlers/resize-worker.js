// Resizes images described by SQS messages ({ "key": "photos/cat.jpg", "width": 640 }) and reports only
// the failed messages (ReportBatchItemFailures). On Lambda Managed Instances one execution environment
// runs several invocations at once: the handler keeps no per-request state at module level, so concurrent
// batches never see each other's data.
const MAX_WIDTH = 4096;

function plan(message) {
  const { key, width } = JSON.parse(message);
  if (typeof key !== 'string' || !key) throw new Error('missing key');
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) throw new Error(`width ${width} outside 1-${MAX_WIDTH}`);
  return { source: key, target: `resized/${width}/${key}`, width };
}

exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records ?? []) {
    try {
      const job = plan(record.body);
      console.log(JSON.stringify({ message: 'resized', id: record.messageId, ...job }));
    } catch (err) {
      console.error(JSON.stringify({ message: 'rejected', id: record.messageId, error: String(err) }));
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
