import { iamMatch } from '../../../src/rules/private/iam';

test('iamMatch: IAM wildcards (* any run, ? one character), case-insensitive, whole value', () => {
  expect(iamMatch('s3:Put*', 'S3:PUTOBJECT')).toBe(true);
  expect(iamMatch('s3:Put*', 's3:GetObject')).toBe(false);
  expect(iamMatch('*', '')).toBe(true);
  expect(iamMatch('lambda:Invoke?unction', 'lambda:InvokeFunction')).toBe(true);
  expect(iamMatch('lambda:Invoke?unction', 'lambda:Invokeunction')).toBe(false);
  expect(iamMatch('*:*Object*', 's3:PutObjectAcl')).toBe(true);
  expect(iamMatch('a*b*c', 'abXbc')).toBe(true);
  expect(iamMatch('a*b*c', 'abXbcd')).toBe(false);
  // A `*` of the pattern is a wildcard even where the value holds a `*`; regex characters are literal.
  expect(iamMatch('*?', '*')).toBe(true);
  expect(iamMatch('s3:.ut', 's3:Put')).toBe(false);
});
