// Processes a batch of Kinesis, DynamoDB Streams or SQS records and reports only the failed ones
// (ReportBatchItemFailures), so that one bad record is retried alone instead of the whole batch.
exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records ?? []) {
    const id = record.messageId ?? record.kinesis?.sequenceNumber ?? record.dynamodb?.SequenceNumber;
    try {
      const body = record.body ?? record.kinesis?.data ?? JSON.stringify(record.dynamodb ?? {});
      if (!body) throw new Error('empty record');
      console.log(JSON.stringify({ id, size: body.length }));
    } catch (err) {
      console.error(JSON.stringify({ id, error: String(err) }));
      batchItemFailures.push({ itemIdentifier: id });
    }
  }
  return { batchItemFailures };
};
