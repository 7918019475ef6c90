// EventBridge schedule -> Lambda (asynchronous). Idempotent: the job keys its work by the scheduled time.
exports.handler = async (event) => ({ runFor: event.time, rule: (event.resources || [])[0] });
