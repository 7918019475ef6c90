// The handler of the container-image example (the image's CMD names it: index.handler).
exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ received: event }) });
