// Cognito pre sign-up trigger (synchronous: Cognito waits at most 5 s). Only addresses of the company's
// domain may sign up; they are confirmed and their e-mail verified at once. Throwing refuses the sign-up.
const DOMAIN = process.env.ALLOWED_DOMAIN || 'example.com';

exports.handler = async (event) => {
  const email = (event.request.userAttributes.email || '').toLowerCase();
  if (!email.endsWith(`@${DOMAIN}`)) throw new Error(`sign-up is open to @${DOMAIN} addresses only`);
  event.response.autoConfirmUser = true;
  event.response.autoVerifyEmail = true;
  return event;
};
