// Uses tiny-lib from the shared dependencies layer (not bundled with the function).
const { greet } = require('tiny-lib');

exports.handler = async (event) => ({ message: greet(event.name ?? 'world') });
