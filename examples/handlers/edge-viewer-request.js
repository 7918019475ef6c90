// Lambda@Edge viewer-request trigger: normalizes the request before CloudFront looks up its cache.
// Viewer triggers get 128 MB and 5 s, no environment variables: settings live in the code.
const DEFAULT_LANGUAGE = 'en';
const LANGUAGES = ['en', 'de', 'fr'];

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const headers = request.headers;
  // One cache key per supported language instead of one per Accept-Language variant.
  const accept = (headers['accept-language'] || [{ value: '' }])[0].value.toLowerCase();
  const language = LANGUAGES.find((l) => accept.startsWith(l)) || DEFAULT_LANGUAGE;
  headers['x-site-language'] = [{ key: 'X-Site-Language', value: language }];
  delete headers['accept-language'];
  // Directory URLs serve their index document.
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
};
