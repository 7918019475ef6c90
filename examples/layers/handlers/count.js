// Uses tiny-lib from the shared dependencies layer (not bundled with the function).
const { count } = require('tiny-lib');

exports.handler = async (event) => ({ items: count(event.items) });
