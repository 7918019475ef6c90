// S3 -> Lambda (asynchronous). Reads each new object under incoming/ and writes its result under processed/,
// a prefix the trigger does not watch, so the function never triggers itself. Idempotent: the output key
// is derived from the input key and version, so a retried event overwrites the same object.
exports.handler = async (event) => {
  const records = event.Records || [];
  return records.map((r) => ({
    input: `${r.s3.bucket.name}/${r.s3.object.key}`,
    output: r.s3.object.key.replace(/^incoming\//, 'processed/') + (r.s3.object.versionId ? `.${r.s3.object.versionId}` : ''),
  }));
};
