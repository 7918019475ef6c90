// Powertools Logger (from the AWS-published Powertools layer, /opt/nodejs/node_modules) with Lambda's
// advanced logging controls: the function logs JSON, Lambda sets AWS_LAMBDA_LOG_FORMAT=JSON and
// AWS_LAMBDA_LOG_LEVEL (the application log level) in the environment, and Powertools takes its level from
// AWS_LAMBDA_LOG_LEVEL and its service name from POWERTOOLS_SERVICE_NAME (which the blueprint sets).
// Where the layer is absent (the local emulator does not download AWS's layers) the handler logs through
// console, which Lambda's Node.js runtime also writes as JSON and filters by the same level.
let logger;
try {
  const { Logger } = require('@aws-lambda-powertools/logger');
  logger = new Logger();
} catch (err) {
  if (err.code !== 'MODULE_NOT_FOUND') throw err;
  logger = console;
}

exports.handler = async (event, context) => {
  if (logger.addContext) logger.addContext(context);
  logger.debug('order event', { event }); // below the application log level (INFO): not written
  logger.info('order received', { orderId: event.orderId, service: process.env.POWERTOOLS_SERVICE_NAME });
  if (!event.orderId) {
    logger.warn('order without an id', { keys: Object.keys(event) });
    return { accepted: false };
  }
  return {
    accepted: true,
    orderId: event.orderId,
    // What the function's environment says about its logging (the variables Powertools reads).
    logging: {
      POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME,
      AWS_LAMBDA_LOG_FORMAT: process.env.AWS_LAMBDA_LOG_FORMAT,
      AWS_LAMBDA_LOG_LEVEL: process.env.AWS_LAMBDA_LOG_LEVEL,
    },
  };
};
