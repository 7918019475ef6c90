// SNS -> Lambda (asynchronous). Each record carries one message; retried deliveries reuse the MessageId,
// which makes a natural idempotency key.
exports.handler = async (event) => (event.Records || []).map((r) => ({ id: r.Sns.MessageId, subject: r.Sns.Subject }));
